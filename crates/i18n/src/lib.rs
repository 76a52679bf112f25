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
//! Architecture invariant: this crate holds texts and nothing else: no I/O at
//! run time (the catalogues are `include_str!`ed), no knowledge of HTTP or of
//! the database.

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
];
const ZH_CN: &[&str] = &[
    include_str!("../locales/zh-CN/vocab.ftl"),
    include_str!("../locales/zh-CN/ui.ftl"),
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
