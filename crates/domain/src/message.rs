//! Words for people, as data: a catalogue key and its arguments. The domain
//! says *what* is missing (which plan version, which cities, which
//! activities); the reader's language (crate `c2c-i18n`) turns it into a
//! sentence, naming cities by name. Keys are those of the `messages.ftl`
//! catalogues; a test there makes sure every key the domain uses exists in
//! both languages.

use crate::CityId;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// A message: a catalogue key and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The catalogue key, e.g. `"plan-approval-missing"`.
    pub key: &'static str,
    /// The arguments, by name.
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Arg {
    /// A number (a version, a cycle, a count of days).
    Number(i64),
    /// A date.
    Date(NaiveDate),
    /// What users typed (titles, descriptions), quoted and listed.
    Quoted(Vec<String>),
    /// Cities, named by name and listed ("Birmingham and Nanjing").
    Cities(Vec<CityId>),
    /// Words of the catalogue (or smaller messages), listed with commas.
    Terms(Vec<Message>),
    /// Whole clauses, listed with semicolons.
    Parts(Vec<Message>),
    /// Words of a vocabulary of the catalogue, by code (`vocabulary-CODE`),
    /// listed with commas: the groups of Figure 9, say.
    Words(&'static str, Vec<&'static str>),
}

impl Message {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, arg: impl Into<Arg>) -> Self {
        self.args.push((name, arg.into()));
        self
    }

    /// Every city the message names, nested messages included, once each.
    pub fn cities(&self) -> Vec<CityId> {
        cities_of([self])
    }

    fn collect_cities(&self, out: &mut Vec<CityId>) {
        for (_, arg) in &self.args {
            match arg {
                Arg::Cities(cities) => {
                    for c in cities {
                        if !out.contains(c) {
                            out.push(*c);
                        }
                    }
                }
                Arg::Terms(m) | Arg::Parts(m) => m.iter().for_each(|m| m.collect_cities(out)),
                _ => {}
            }
        }
    }
}

/// Every city some messages name, once each, in the order named.
pub fn cities_of<'a>(messages: impl IntoIterator<Item = &'a Message>) -> Vec<CityId> {
    let mut out = Vec::new();
    for m in messages {
        m.collect_cities(&mut out);
    }
    out
}

/// Terms of the catalogue, listed with commas.
pub fn terms(keys: &[&'static str]) -> Arg {
    Arg::Terms(keys.iter().map(|k| Message::new(k)).collect())
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Self {
        Arg::Date(d)
    }
}

impl From<CityId> for Arg {
    fn from(c: CityId) -> Self {
        Arg::Cities(vec![c])
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Terms(vec![m])
    }
}

impl From<Vec<&str>> for Arg {
    fn from(items: Vec<&str>) -> Self {
        Arg::Quoted(items.into_iter().map(str::to_owned).collect())
    }
}

/// For logs and diagnostics only: the key and its arguments, not a sentence.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.key)?;
        if self.args.is_empty() {
            return Ok(());
        }
        let args: Vec<String> = self
            .args
            .iter()
            .map(|(name, arg)| format!("{name}: {arg}"))
            .collect();
        write!(f, "({})", args.join(", "))
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |items: Vec<String>| items.join(", ");
        match self {
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Date(d) => write!(f, "{d}"),
            Arg::Quoted(q) => write!(f, "{}", list(q.iter().map(|s| format!("'{s}'")).collect())),
            Arg::Cities(c) => write!(f, "{}", list(c.iter().map(|c| c.to_string()).collect())),
            Arg::Terms(m) | Arg::Parts(m) => {
                write!(f, "{}", list(m.iter().map(|m| m.to_string()).collect()))
            }
            Arg::Words(_, codes) => write!(f, "{}", codes.join(", ")),
        }
    }
}
