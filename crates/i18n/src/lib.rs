//! `c2c-i18n`: every text c2c shows to people, in English and Simplified
//! Chinese, as [Fluent](https://projectfluent.org) catalogues compiled into the
//! binary (`locales/<lang>/*.ftl`), and the choice of a language from a
//! browser's `Accept-Language`.
//!
//! Message ids name what they say: `step-PARTNER`, `criterion-PLAN_APPROVED`,
//! `board-title`. The vocabulary of the domain is `<vocabulary>-<CODE>` with the
//! code exactly as the domain serialises it, so a caller turns a code into words
//! with [`Lang::term`]. Both catalogues hold exactly the same ids (a test checks
//! it), so nothing falls back to another language.
//!
//! The domain's messages ([`c2c_domain::Message`]: what a criterion lacks, a
//! warning) are catalogue keys with arguments; [`Lang::message`] turns one
//! into a sentence, naming cities through the caller, who knows their names.
//!
//! Architecture invariant: this crate holds texts and nothing else: no I/O at
//! run time (the catalogues are `include_str!`ed), no knowledge of HTTP or of
//! the database; it depends on the domain only for its vocabulary.

use c2c_domain::{Arg, CityId, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::borrow::Cow;
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Value;

/// A language of the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

/// The catalogue files of each language, in the order they are loaded.
const EN: &[&str] = &[
    include_str!("../locales/en/vocab.ftl"),
    include_str!("../locales/en/ui.ftl"),
    include_str!("../locales/en/messages.ftl"),
    include_str!("../locales/en/platform.ftl"),
];
const ZH_CN: &[&str] = &[
    include_str!("../locales/zh-CN/vocab.ftl"),
    include_str!("../locales/zh-CN/ui.ftl"),
    include_str!("../locales/zh-CN/messages.ftl"),
    include_str!("../locales/zh-CN/platform.ftl"),
];

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalogue")
    }
}

impl Catalogue {
    fn load(lang: Lang) -> Catalogue {
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around arguments would end up in HTML
        // attributes and in copied text: the pages set `dir` themselves.
        bundle.set_use_isolating(false);
        let files = match lang {
            Lang::En => EN,
            Lang::ZhCn => ZH_CN,
        };
        for source in files {
            // A catalogue that does not parse is a build mistake that the
            // tests catch; at run time the messages that did parse are kept.
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Catalogue { bundle }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }
}

static CATALOGUES: LazyLock<[Catalogue; 2]> =
    LazyLock::new(|| [Catalogue::load(Lang::En), Catalogue::load(Lang::ZhCn)]);

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en`, `zh-CN`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language of a tag we offer (`en`, `zh-CN`), if it is one.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language's own name, for a language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "中文",
        }
    }

    /// The best language for an `Accept-Language` header; English when the
    /// header is absent or names nothing we offer. Any Chinese is served the
    /// Simplified Chinese catalogue.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let Some(header) = accept_language else {
            return Lang::En;
        };
        let requested = fluent_langneg::accepted_languages::parse(header);
        for wanted in &requested {
            if wanted.language.as_str() == "en" {
                return Lang::En;
            }
            if wanted.language.as_str() == "zh" {
                return Lang::ZhCn;
            }
        }
        Lang::En
    }

    fn catalogue(self) -> &'static Catalogue {
        &CATALOGUES[match self {
            Lang::En => 0,
            Lang::ZhCn => 1,
        }]
    }

    /// The text of a message without arguments; the id itself when the
    /// catalogue lacks it (a test makes sure none is lacking).
    pub fn text(self, id: &str) -> String {
        self.catalogue()
            .format(id, None)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The text of a message with its arguments.
    pub fn format<'a>(self, id: &str, args: &[(&'a str, Value<'a>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(Cow::Borrowed(*name), value.clone());
        }
        self.catalogue()
            .format(id, Some(&fluent))
            .unwrap_or_else(|| id.to_owned())
    }

    /// A word of a vocabulary: `term("step", "PARTNER")` is the text of
    /// `step-PARTNER`.
    pub fn term(self, vocabulary: &str, code: &str) -> String {
        self.text(&format!("{vocabulary}-{code}"))
    }

    /// A message of the domain in this language; `city` names a city (a
    /// missing approval names the city that has yet to approve).
    pub fn message(self, m: &Message, city: &dyn Fn(CityId) -> String) -> String {
        let args: Vec<(&str, Value)> = m
            .args
            .iter()
            .map(|(name, arg)| (*name, self.arg(arg, city)))
            .collect();
        self.format(m.key, &args)
    }

    fn arg(self, arg: &Arg, city: &dyn Fn(CityId) -> String) -> Value<'static> {
        let words = |m: &[Message]| m.iter().map(|m| self.message(m, city)).collect();
        let text = match arg {
            Arg::Number(n) => return Value::from(*n),
            Arg::Date(d) => d.format("%Y-%m-%d").to_string(),
            Arg::Quoted(items) => self.list(
                items
                    .iter()
                    .map(|s| self.format("quoted", &[("text", Value::from(s.as_str()))]))
                    .collect(),
            ),
            Arg::Cities(cities) => self.list(cities.iter().map(|c| city(*c)).collect()),
            Arg::Terms(m) => self.list(words(m)),
            Arg::Parts(m) => words(m).join(&self.text("list-parts")),
            Arg::Words(vocabulary, codes) => {
                self.list(codes.iter().map(|c| self.term(vocabulary, c)).collect())
            }
        };
        Value::from(text)
    }

    /// `a`, `a and b`, `a, b and c` as the language lists things.
    pub fn list(self, mut items: Vec<String>) -> String {
        let Some(last) = items.pop() else {
            return String::new();
        };
        if items.is_empty() {
            return last;
        }
        let head = items.join(&self.text("list-separator"));
        format!("{head}{}{last}", self.text("list-and"))
    }

    /// Whether the catalogue has a message.
    pub fn has(self, id: &str) -> bool {
        self.catalogue().bundle.has_message(id)
    }

    /// Every message id of the language's catalogue files, in file order.
    pub fn ids(self) -> Vec<String> {
        let files = match self {
            Lang::En => EN,
            Lang::ZhCn => ZH_CN,
        };
        files
            .iter()
            .flat_map(|source| source.lines())
            .filter_map(message_id)
            .map(str::to_owned)
            .collect()
    }
}

/// The id of a line that starts a message (`id = …`), if it does.
fn message_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let first = id.chars().next()?;
    (first.is_ascii_alphabetic()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use c2c_domain::criterion::Criterion;
    use std::collections::BTreeSet;
    use strum::IntoEnumIterator;

    #[test]
    fn both_languages_have_the_same_ids_and_every_file_parses() {
        let en: BTreeSet<String> = Lang::En.ids().into_iter().collect();
        let zh: BTreeSet<String> = Lang::ZhCn.ids().into_iter().collect();
        assert_eq!(
            en.difference(&zh).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
        assert_eq!(
            zh.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
        for source in EN.iter().chain(ZH_CN) {
            if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                panic!("a catalogue does not parse: {errors:?}");
            }
        }
        for lang in Lang::ALL {
            for id in lang.ids() {
                assert!(lang.has(&id), "{id} is not loaded in {}", lang.code());
            }
        }
    }

    /// Every key the domain's messages use (string literals of the criteria
    /// sources that look like keys) is in both catalogues.
    #[test]
    fn every_key_of_the_domain_messages_is_in_the_catalogues() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../domain/src/criteria");
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).expect("the criteria sources") {
            let source = std::fs::read_to_string(entry.expect("an entry").path()).expect("a file");
            for literal in source.split('"').skip(1).step_by(2) {
                let prefix = ["unmet-", "lacks-", "what-", "warning-", "kpi-"];
                if prefix.iter().any(|p| literal.starts_with(p)) {
                    keys.insert(literal.to_owned());
                }
            }
        }
        assert!(keys.len() > 50, "the scan found {} keys", keys.len());
        for lang in Lang::ALL {
            for key in &keys {
                assert!(lang.has(key), "{key} is missing in {}", lang.code());
            }
        }
        for c in Criterion::iter() {
            assert!(Lang::ZhCn.has(&format!("criterion-{}", c.code())));
        }
    }

    #[test]
    fn a_message_names_cities_and_lists_as_each_language_does() {
        let (a, b) = (CityId(uuid_of(1)), CityId(uuid_of(2)));
        let name = |c: CityId| if c == a { "Birmingham" } else { "Nanjing" }.to_owned();
        let m = Message::new("unmet-approval")
            .with(
                "what",
                Message::new("what-plan-version").with("version", 2u32),
            )
            .with("cities", Arg::Cities(vec![a, b]));
        assert_eq!(
            Lang::En.message(&m, &name),
            "plan version 2 lacks the political approval of Birmingham and Nanjing"
        );
        assert_eq!(
            Lang::ZhCn.message(&m, &name),
            "合作计划第 2 版尚缺Birmingham和Nanjing的政治批准"
        );
        let lacks = Message::new("unmet-activity-lacks")
            .with("activity", vec!["Expo"])
            .with(
                "missing",
                c2c_domain::message::terms(&["lacks-target", "lacks-date", "lacks-funding"]),
            );
        assert_eq!(
            Lang::En.message(&lacks, &name),
            "'Expo' lacks a target, the date and a funding source"
        );
    }

    fn uuid_of(n: u8) -> uuid::Uuid {
        uuid::Uuid::from_bytes([n; 16])
    }
}
