//! What every page shares: the translator the templates call ([`Tr`]), the
//! frame around a page ([`Shell`]: language, who is signed in, the form token,
//! the language switch), rendering a template, and the pages of a failure
//! ([`Failure`]), never a raw message.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use c2c_domain::{CityId, Criterion, Loop, Status, Step};
use c2c_i18n::{Lang, Value};
use c2c_store::StoreError;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The translator of a page, for its templates.
#[derive(Debug, Clone, Copy)]
pub struct Tr(pub Lang);

impl Tr {
    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.0.text(id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl ToString) -> String {
        self.0.format(id, &[(name, Value::from(value.to_string()))])
    }

    /// A message with a count (plural forms).
    pub fn n(&self, id: &str, count: i64) -> String {
        self.0.format(id, &[("count", Value::from(count))])
    }

    /// A message of the domain (what a criterion lacks, a warning), cities
    /// named by name.
    pub fn message(&self, m: &c2c_domain::Message, names: &HashMap<CityId, String>) -> String {
        let name = |c: CityId| names.get(&c).cloned().unwrap_or_else(|| "—".to_owned());
        self.0.message(m, &name)
    }

    /// A word of a vocabulary, by its code.
    pub fn term(&self, vocabulary: &str, code: &str) -> String {
        self.0.term(vocabulary, code)
    }

    /// A step's name.
    pub fn step(&self, step: Step) -> String {
        self.term("step", step.code())
    }

    /// The question a step answers.
    pub fn question(&self, step: Step) -> String {
        self.term("step-question", step.code())
    }

    /// A loop's name.
    pub fn loop_name(&self, l: Loop) -> String {
        self.term("loop", l.code())
    }

    /// A status.
    pub fn status(&self, s: Status) -> String {
        self.term("status", s.code())
    }

    /// A criterion's short title.
    pub fn criterion(&self, c: Criterion) -> String {
        self.term("criterion", c.code())
    }

    /// A date, the same in every language (ISO 8601).
    pub fn date(&self, d: &NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    /// The language's tag, for `<html lang>`.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }
}

/// The signed-in account, as the header shows it.
#[derive(Debug, Clone)]
pub struct UserBar {
    /// The account's name.
    pub name: String,
    /// Its city's name, or the operator's role.
    pub place: String,
    /// Whether it may invite colleagues.
    pub invites: bool,
    /// Whether it belongs to a city (not an operator).
    pub has_city: bool,
    /// Whether it is a platform operator.
    pub operator: bool,
}

/// The frame of a page.
#[derive(Debug, Clone)]
pub struct Shell {
    /// The translator.
    pub tr: Tr,
    /// The page's title (already translated).
    pub title: String,
    /// Who is signed in.
    pub user: Option<UserBar>,
    /// The session's form token.
    pub csrf: String,
    /// The page's own path, for the language switch to come back to.
    pub here: String,
    /// A one-line notice ("Saved.").
    pub flash: Option<String>,
}

impl Shell {
    /// The other languages, with the link that switches to each.
    pub fn switches(&self) -> Vec<(&'static str, &'static str, String)> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != self.tr.0)
            .map(|l| {
                (
                    l.code(),
                    l.name(),
                    format!("/lang/{}?next={}", l.code(), encode(&self.here)),
                )
            })
            .collect()
    }
}

/// Percent-encodes a path for a query string.
pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Renders a template as a page.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a page did not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Why a page cannot be shown.
#[derive(Debug, Clone)]
pub enum Failure {
    /// It does not exist, or the account may not see it (the same page).
    NotFound(Lang),
    /// A form's token is missing or stale.
    Expired(Lang),
    /// The account may not do this; the reason in words.
    Forbidden(Lang, String),
    /// The database cannot be reached: try again (503, `Retry-After`).
    Unavailable(Lang),
    /// Anything unexpected: logged, not shown.
    Internal(Lang),
}

#[derive(Template)]
#[template(path = "failure.html")]
struct FailurePage {
    tr: Tr,
    title: String,
    text: String,
}

impl Failure {
    /// The failure of a store error, in a language.
    pub fn of(lang: Lang, e: StoreError) -> Failure {
        match e {
            StoreError::NotFound { .. } => Failure::NotFound(lang),
            StoreError::Domain(d) if d.code() == c2c_domain::ErrorCode::NotFound => {
                Failure::NotFound(lang)
            }
            StoreError::Domain(d) if d.code() == c2c_domain::ErrorCode::Forbidden => {
                Failure::Forbidden(lang, d.to_string())
            }
            other if other.code() == c2c_domain::ErrorCode::Unavailable => {
                tracing::warn!(error = %other, "the database cannot be reached");
                Failure::Unavailable(lang)
            }
            other => {
                tracing::error!(error = %other, "the web app failed");
                Failure::Internal(lang)
            }
        }
    }

    fn parts(&self) -> (Lang, StatusCode, &'static str, Option<String>) {
        match self {
            Failure::NotFound(l) => (*l, StatusCode::NOT_FOUND, "failure-not-found", None),
            Failure::Expired(l) => (*l, StatusCode::FORBIDDEN, "failure-expired", None),
            Failure::Forbidden(l, why) => (
                *l,
                StatusCode::FORBIDDEN,
                "failure-forbidden",
                Some(why.clone()),
            ),
            Failure::Unavailable(l) => (
                *l,
                StatusCode::SERVICE_UNAVAILABLE,
                "failure-unavailable",
                None,
            ),
            Failure::Internal(l) => (
                *l,
                StatusCode::INTERNAL_SERVER_ERROR,
                "failure-internal",
                None,
            ),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (lang, status, id, why) = self.parts();
        let tr = Tr(lang);
        let page = FailurePage {
            tr,
            title: tr.t(&format!("{id}-title")),
            text: why.unwrap_or_else(|| tr.t(&format!("{id}-text"))),
        };
        let mut response = (status, render(&page)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("5"),
            );
        }
        response
    }
}
