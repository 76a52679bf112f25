//! What the forms share: reading what a browser sent into typed values (with
//! an error per field for what does not read), the options of the closed
//! vocabularies in the reader's language, and the frame of a form page.

use super::{Fields, FormPage, Group};
use crate::auth::User;
use crate::page::Tr;
use c2c_domain::{Partnership, Step};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use strum::IntoEnumIterator;
use uuid::Uuid;

/// Reads a form's values, collecting an error per field that does not read.
#[derive(Debug)]
pub struct Check<'a> {
    tr: Tr,
    fields: &'a Fields,
    /// (field, message) of every value that did not read.
    pub errors: Vec<(String, String)>,
}

impl<'a> Check<'a> {
    /// Reads `fields` for a reader.
    pub fn new(tr: Tr, fields: &'a Fields) -> Check<'a> {
        Check {
            tr,
            fields,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, name: &str, id: &str) {
        self.errors.push((name.to_owned(), self.tr.t(id)));
    }

    /// A text, as typed (the domain trims and checks lengths).
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).to_owned()
    }

    /// A text that must not be empty.
    pub fn required(&mut self, name: &str) -> String {
        let v = self.text(name);
        if v.trim().is_empty() {
            self.fail(name, "form-required");
        }
        v
    }

    /// A text, or nothing when empty.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|v| !v.trim().is_empty())
    }

    /// One item per line, empty lines left out.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.fields
            .get(name)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// A date, or nothing when empty.
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let v = self.fields.get(name).trim();
        if v.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(name, "form-not-a-date");
                None
            }
        }
    }

    /// A date that must be given (today stands in while there are errors).
    pub fn required_date(&mut self, name: &str) -> NaiveDate {
        let d = self.date(name);
        if d.is_none() && !self.errors.iter().any(|(n, _)| n == name) {
            self.fail(name, "form-required");
        }
        d.unwrap_or_default()
    }

    /// A decimal number, or nothing when empty.
    pub fn decimal(&mut self, name: &str) -> Option<Decimal> {
        let v = self.fields.get(name).trim();
        if v.is_empty() {
            return None;
        }
        match Decimal::from_str(&v.replace(',', "")) {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(name, "form-not-a-number");
                None
            }
        }
    }

    /// A code of a vocabulary, or nothing when empty.
    pub fn code<T: FromStr>(&mut self, name: &str) -> Option<T> {
        let v = self.fields.get(name).trim();
        if v.is_empty() {
            return None;
        }
        let parsed = v.parse().ok();
        if parsed.is_none() {
            self.fail(name, "form-not-a-choice");
        }
        parsed
    }

    /// A code that must be chosen (nothing, with an error, when it is not).
    pub fn required_code<T: FromStr>(&mut self, name: &str) -> Option<T> {
        let v = self.code(name);
        if v.is_none() && !self.errors.iter().any(|(n, _)| n == name) {
            self.fail(name, "form-required");
        }
        v
    }

    /// Every chosen code of a list of checkboxes.
    pub fn codes<T: FromStr>(&mut self, name: &str) -> Vec<T> {
        let values = self.fields.all(name);
        let parsed: Vec<T> = values.iter().filter_map(|v| v.parse().ok()).collect();
        if parsed.len() != values.len() {
            self.fail(name, "form-not-a-choice");
        }
        parsed
    }

    /// An identifier, or nothing when empty.
    pub fn id(&mut self, name: &str) -> Option<Uuid> {
        self.code(name)
    }

    /// Whether a checkbox is ticked.
    pub fn ticked(&self, name: &str) -> bool {
        !self.fields.get(name).is_empty()
    }
}

/// The options of a closed vocabulary: (code, words).
pub fn options<T>(tr: Tr, vocabulary: &str) -> Vec<(String, String)>
where
    T: IntoEnumIterator + Into<&'static str>,
{
    T::iter()
        .map(|v| {
            let code: &'static str = v.into();
            (code.to_owned(), tr.term(vocabulary, code))
        })
        .collect()
}

/// The frame of a form about a partnership at a step.
pub async fn form_page(
    user: &User,
    p: &Partnership,
    crumb: String,
    (title_id, step): (&str, Step),
    action: String,
    groups: Vec<Group>,
) -> FormPage {
    let tr = user.tr();
    FormPage {
        shell: user.shell(tr.t(title_id), &action).await,
        question: tr.question(step),
        back: format!("/partnerships/{}", p.id()),
        crumb,
        intro: None,
        groups,
        submit: tr.t("form-save"),
        error: None,
        hidden: Vec::new(),
        action,
    }
}

/// The frame of a form about the user's own city (its strategy, commitment,
/// stakeholders) at a step.
pub async fn city_form_page(
    user: &User,
    (title_id, step): (&str, Step),
    action: &str,
    groups: Vec<Group>,
) -> FormPage {
    let tr = user.tr();
    FormPage {
        shell: user.shell(tr.t(title_id), action).await,
        question: tr.question(step),
        back: "/city".to_owned(),
        crumb: user.place.clone(),
        intro: None,
        groups,
        submit: tr.t("form-save"),
        error: None,
        hidden: Vec::new(),
        action: action.to_owned(),
    }
}

/// A partnership the user may see, and the title of its breadcrumb.
pub async fn load(
    state: &crate::WebState,
    user: &User,
    id: Uuid,
) -> Result<(Partnership, String), crate::page::Failure> {
    use crate::views::common::{city_names, name, visible};
    let p = visible(&state.store, user, c2c_domain::PartnershipId(id)).await?;
    let names = city_names(&state.store, user).await?;
    let s = p.snapshot();
    let crumb = match s.counterpart {
        Some(c) => format!(
            "{} – {}",
            name(&names, Some(s.initiator)),
            name(&names, Some(c))
        ),
        None => name(&names, Some(s.initiator)),
    };
    Ok((p, crumb))
}

/// Rows of a repeated group: `<prefix><n><Part>` for n in 1..=rows.
pub fn row_name(prefix: &str, n: usize, part: &str) -> String {
    format!("{prefix}{n}{part}")
}

/// A group without a legend.
pub fn group(fields: Vec<super::Field>) -> Group {
    Group {
        legend: None,
        fields,
    }
}
