//! A tour of every page of the web app, in both languages: axe-core finds no
//! serious or critical violation on any of them, and a Chinese page shows no
//! English text of the catalogue (only the user's own data may be English).

use super::browser::Browser;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The literal parts of the messages of a language's catalogue: what a page in
/// that language may show, with the arguments left out.
fn catalogue(lang: &str) -> BTreeSet<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("crates/i18n/locales")
        .join(lang);
    let mut parts = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("the catalogue") {
        let text =
            std::fs::read_to_string(entry.expect("a file").path()).expect("a catalogue file");
        for line in text.lines() {
            let value = match line.split_once(" = ") {
                Some((id, v)) if !id.starts_with(' ') && !id.starts_with('#') => v,
                _ => match line
                    .trim_start()
                    .strip_prefix('*')
                    .unwrap_or(line.trim_start())
                    .split_once("] ")
                {
                    Some((key, v)) if key.starts_with('[') => v,
                    _ => continue,
                },
            };
            for literal in value.split(['{', '}']).step_by(2) {
                let literal = literal
                    .trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation() || c == '“' || c == '”');
                if !literal.is_empty() {
                    parts.insert(literal.to_owned());
                }
            }
        }
    }
    parts
}

/// The English texts a Chinese page must not show: the English catalogue's
/// literal parts of two words or more (a single word may be a user's data),
/// less those the Chinese catalogue shares (KPI, MoU…).
pub fn english_texts() -> Vec<String> {
    let zh = catalogue("zh-CN");
    catalogue("en")
        .into_iter()
        .filter(|p| p.contains(' ') && p.len() >= 8 && p.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|p| !zh.iter().any(|z| z.contains(p.as_str())))
        .collect()
}

/// Visits every path in both languages (switching with the header's link):
/// axe-core on each, and no English catalogue text on the Chinese ones.
pub async fn tour(b: &Browser, paths: &[String]) {
    let english = english_texts();
    assert!(
        english.len() > 200,
        "the English catalogue reads: {} texts",
        english.len()
    );
    for lang in ["en", "zh-CN"] {
        b.goto(&format!("/lang/{lang}?next=/")).await;
        for path in paths {
            b.goto(path).await;
            let violations = b.axe().await;
            assert!(violations.is_empty(), "{lang} {path}: {violations:#?}");
            if lang == "zh-CN" {
                let text = b.text().await;
                let left: Vec<&String> = english
                    .iter()
                    .filter(|e| text.contains(e.as_str()))
                    .collect();
                assert!(
                    left.is_empty(),
                    "English on the Chinese page {path}: {left:?}\n{text}"
                );
            }
        }
    }
    b.goto("/lang/en?next=/").await;
}
