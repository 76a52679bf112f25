//! The README's quick start, run as a newcomer would: `c2c serve --demo` in an
//! empty directory (SQLite, no database server), then every example of the
//! README with the token it names, compared with the answer the README shows.

use crate::helpers::{c2c, listening_address};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

const README: &str = include_str!("../../README.md");

/// An example: the token it runs with, the document, the answer shown.
struct Example {
    token: String,
    query: String,
    answer: Value,
}

/// The text of the first fenced block of `lang` after `from`, and where it ends.
fn block(text: &str, from: usize, lang: &str) -> (String, usize) {
    let fence = format!("```{lang}\n");
    let start = text[from..]
        .find(&fence)
        .map(|i| from + i + fence.len())
        .expect("a fenced block");
    let end = text[start..]
        .find("\n```")
        .map(|i| start + i)
        .expect("the end of the block");
    (text[start..end].to_owned(), end)
}

fn examples() -> Vec<Example> {
    let marker = "<!-- example: as ";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = README[at..].find(marker) {
        let name_start = at + i + marker.len();
        let name_end = name_start + README[name_start..].find(" -->").expect("a closed marker");
        let (query, after_query) = block(README, name_end, "graphql");
        let (answer, after_answer) = block(README, after_query, "json");
        out.push(Example {
            token: README[name_start..name_end].to_owned(),
            query,
            answer: serde_json::from_str(&answer).expect("the README's answer is JSON"),
        });
        at = after_answer;
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_examples_give_the_answers_the_readme_shows() {
    let examples = examples();
    assert_eq!(examples.len(), 7, "the README's examples");

    let dir = std::env::temp_dir().join(format!("c2c-readme-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = c2c()
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .current_dir(&dir)
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // The demo accounts: a heading `ROLE name (City)`, then `account …`, then
    // `token …`; the operator is OPERATOR, the others their city in capitals.
    let mut tokens: HashMap<String, String> = HashMap::new();
    let mut current = String::new();
    let address = loop {
        let line = tokio::time::timeout(Duration::from_secs(180), lines.next_line())
            .await
            .expect("serve --demo loads the demo within 3 minutes")
            .unwrap()
            .expect("serve --demo keeps running");
        let trimmed = line.trim();
        if trimmed.starts_with("OPERATOR ") {
            current = "OPERATOR".into();
        } else if trimmed.starts_with("EDITOR ") || trimmed.starts_with("VIEWER ") {
            let city = trimmed
                .rsplit_once('(')
                .map(|(_, c)| c.trim_end_matches(')'))
                .unwrap_or_default();
            current = city.to_uppercase();
        } else if let Some(token) = trimmed.strip_prefix("token") {
            tokens.insert(current.clone(), token.trim().to_owned());
        } else if trimmed.starts_with("c2c listening on ") {
            break listening_address(trimmed).unwrap();
        }
    };

    let client = reqwest::Client::new();
    for (n, example) in examples.iter().enumerate() {
        let token = tokens
            .get(&example.token)
            .unwrap_or_else(|| panic!("serve --demo printed no token for {}", example.token));
        let answer: Value = client
            .post(format!("{address}/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": example.query }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            answer,
            example.answer,
            "README example {} (as {}) answers differently:\n{answer:#}",
            n + 1,
            example.token
        );
    }
    let _ = child.kill().await;
    let _ = std::fs::remove_dir_all(&dir);
}
