//! A form as data: groups of labelled fields ([`FormPage`], rendered by one
//! template so that every field has its label, its value and its error), and
//! the values a browser sent ([`Fields`]).

use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use c2c_domain::DomainError;
use c2c_store::StoreError;

/// How a field is entered.
#[derive(Debug, Clone)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines.
    Area,
    /// A date (`YYYY-MM-DD`).
    Date,
    /// A number.
    Number,
    /// One of a list: (value, label).
    Select(Vec<(String, String)>),
    /// One of a few, shown at once: (value, label).
    Radio(Vec<(String, String)>),
    /// Any of a list: (value, label).
    Checks(Vec<(String, String)>),
    /// Yes or no.
    Check,
}

/// A field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its name, as the API names it (`validUntil`): refusals name it too.
    pub name: String,
    /// Its label.
    pub label: String,
    /// How it is entered.
    pub input: Input,
    /// Its value (the chosen values for [`Input::Checks`]).
    pub values: Vec<String>,
    /// A help text.
    pub help: Option<String>,
    /// Why the value was refused.
    pub error: Option<String>,
    /// Whether it must be filled.
    pub required: bool,
}

impl Field {
    /// A field with its label.
    pub fn new(name: &str, label: String, input: Input) -> Field {
        Field {
            name: name.to_owned(),
            label,
            input,
            values: Vec::new(),
            help: None,
            error: None,
            required: false,
        }
    }

    /// Must be filled.
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// With a help text.
    pub fn help(mut self, help: String) -> Field {
        self.help = Some(help);
        self
    }

    /// With a value.
    pub fn value(mut self, value: impl Into<String>) -> Field {
        self.values = vec![value.into()];
        self
    }

    /// The value (the first one).
    pub fn first(&self) -> &str {
        self.values.first().map_or("", String::as_str)
    }

    /// Whether a value is chosen (selects, radios, checks).
    pub fn chosen(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value)
    }

    /// The id of the error's element, for `aria-describedby`.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.name)
    }
}

/// A group of fields (a fieldset).
#[derive(Debug, Clone)]
pub struct Group {
    /// Its legend.
    pub legend: Option<String>,
    /// Its fields.
    pub fields: Vec<Field>,
}

/// A form page.
#[derive(Template, Debug)]
#[template(path = "form.html")]
pub struct FormPage {
    /// The frame.
    pub shell: Shell,
    /// The guidebook's question of the step.
    pub question: String,
    /// Where it posts.
    pub action: String,
    /// Where "back" goes.
    pub back: String,
    /// The breadcrumb: the partnership's title.
    pub crumb: String,
    /// An explanation above the fields.
    pub intro: Option<String>,
    /// The fields.
    pub groups: Vec<Group>,
    /// The submit button's words.
    pub submit: String,
    /// A refusal not tied to one field.
    pub error: Option<String>,
    /// Hidden values: what the page was rendered from (a version).
    pub hidden: Vec<(String, String)>,
}

impl FormPage {
    /// Puts the submitted values back in the fields.
    pub fn fill(&mut self, fields: &Fields) {
        for f in self.groups.iter_mut().flat_map(|g| g.fields.iter_mut()) {
            f.values = fields.all(&f.name).into_iter().map(str::to_owned).collect();
        }
    }

    /// Shows the errors of a check next to their fields.
    pub fn show(&mut self, errors: Vec<(String, String)>) {
        for (name, message) in errors {
            self.field_error(&name, message);
        }
    }

    fn field_error(&mut self, name: &str, message: String) {
        let field = self
            .groups
            .iter_mut()
            .flat_map(|g| g.fields.iter_mut())
            .find(|f| f.name == name);
        match field {
            Some(f) => f.error = Some(message),
            None => self.error = Some(message),
        }
    }

    /// Shows a refusal of the store: next to its field if it names one.
    pub(super) fn refuse(&mut self, tr: Tr, e: StoreError) -> Result<(), Failure> {
        match e {
            StoreError::Domain(DomainError::Invalid { field, message }) => {
                self.field_error(&field, message);
            }
            StoreError::Invalid { field, message } => self.field_error(&field, message),
            StoreError::Domain(d) => self.error = Some(d.to_string()),
            StoreError::NotFound { .. } => self.error = Some(tr.t("form-not-found")),
            StoreError::VersionConflict { .. } => self.error = Some(tr.t("move-conflict")),
            other => return Err(Failure::of(tr.0, other)),
        }
        Ok(())
    }

    /// The page with the refusal's status.
    pub fn refused(&self) -> Response {
        (StatusCode::UNPROCESSABLE_ENTITY, render(self)).into_response()
    }
}

/// The values a form sent, in order (a name may repeat: checkboxes).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// The first value of a name, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a name.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}
