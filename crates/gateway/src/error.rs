//! Errors as clients see them: a message, the `extensions.code` of
//! [`ErrorCode`] and, where there is one, the `extensions.reason` of
//! [`ErrorReason`] (both defined once, in `c2c-domain`), with the unmet
//! criteria of a blocked move, the field of an invalid input or the versions of
//! a conflict. Anything unexpected is logged with its cause and returned as
//! `INTERNAL` without internals. This is the one place where store and domain
//! errors become client errors.

use crate::words::{english, fixed_by};
use async_graphql::{ErrorExtensions, Value};
use c2c_domain::message::cities_of;
use c2c_domain::{CityId, DomainError, ErrorCode, ErrorReason, Unmet};
use c2c_store::StoreError;
use std::collections::HashMap;
use thiserror::Error;

/// An error of the gateway, as the client will see it.
#[derive(Debug, Error)]
#[error("{message}")]
pub struct GatewayError {
    code: ErrorCode,
    reason: Option<ErrorReason>,
    message: String,
    detail: Detail,
    /// The names of the cities the unmet criteria name.
    names: HashMap<CityId, String>,
}

/// What an error carries beside its code and message.
#[derive(Debug)]
enum Detail {
    None,
    /// Every unmet criterion of a blocked move (empty for other refusals).
    Unmet(Vec<Unmet>),
    /// The input field at fault.
    Field(String),
    /// The versions of a conflict.
    Versions {
        expected: u64,
        actual: u64,
    },
}

impl GatewayError {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        GatewayError {
            code,
            reason: None,
            message: message.into(),
            detail: Detail::None,
            names: HashMap::new(),
        }
    }

    /// No valid token.
    pub fn unauthenticated() -> Self {
        Self::new(
            ErrorCode::Unauthenticated,
            "authentication required: send 'Authorization: Bearer <token>' with a valid token",
        )
    }

    /// The cities the unmet criteria of a blocked move name (none for
    /// other errors).
    pub fn cities(&self) -> Vec<CityId> {
        match &self.detail {
            Detail::Unmet(unmet) => cities_of(unmet.iter().map(|u| &u.message)),
            _ => Vec::new(),
        }
    }

    /// The error, naming those cities by name.
    pub fn with_names(mut self, names: HashMap<CityId, String>) -> Self {
        self.names = names;
        self
    }

    /// The token of a running subscription was revoked or expired, or its
    /// account disabled.
    pub fn unauthenticated_now() -> Self {
        Self::new(
            ErrorCode::Unauthenticated,
            "the token was revoked or expired, or its account disabled: the subscription ends",
        )
    }

    /// A subscriber fell too far behind the events.
    pub fn lagged() -> Self {
        Self::new(
            ErrorCode::Lagged,
            "the subscriber fell too far behind the events: subscribe again with `after`, the seq of the last event received",
        )
    }

    /// Anything unexpected: the caller logs the cause.
    pub fn internal() -> Self {
        Self::new(ErrorCode::Internal, "internal error (request logged)")
    }

    /// A forbidden error.
    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, reason)
    }

    /// An invalid-input error.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        GatewayError {
            detail: Detail::Field(field.clone()),
            ..Self::new(
                ErrorCode::InvalidInput,
                format!("{field}: {}", message.into()),
            )
        }
    }

    /// A not-found error.
    pub fn not_found(what: &str, id: impl ToString) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("{what} {} was not found", id.to_string()),
        )
    }

    fn version_conflict(expected: u64, actual: u64) -> Self {
        GatewayError {
            detail: Detail::Versions { expected, actual },
            ..Self::new(
                ErrorCode::VersionConflict,
                format!(
                    "the partnership is at version {actual}, not {expected}: reload it and try again"
                ),
            )
        }
    }

    /// The code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }
}

impl From<DomainError> for GatewayError {
    fn from(e: DomainError) -> Self {
        let code = e.code();
        let reason = e.reason();
        let message = e.to_string();
        let detail = match e {
            DomainError::VersionConflict { expected, actual } => {
                return Self::version_conflict(expected, actual);
            }
            DomainError::Blocked { unmet, .. } => Detail::Unmet(unmet),
            DomainError::NotAllowed { .. } | DomainError::NotActive { .. } => {
                Detail::Unmet(Vec::new())
            }
            DomainError::Invalid { field, .. } => Detail::Field(field),
            DomainError::NotParty { .. } => Detail::Field("cityId".into()),
            DomainError::Forbidden { .. } | DomainError::NotFound { .. } => Detail::None,
        };
        GatewayError {
            code,
            reason,
            message,
            detail,
            names: HashMap::new(),
        }
    }
}

impl From<StoreError> for GatewayError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            StoreError::VersionConflict { expected, actual } => {
                Self::version_conflict(expected, actual)
            }
            StoreError::Invalid { field, message } => Self::invalid(field, message),
            other if other.code() == ErrorCode::Unavailable => {
                tracing::warn!(error = %other, "the database cannot be reached");
                Self::new(
                    ErrorCode::Unavailable,
                    "the database cannot be reached: nothing was done; try again in a few seconds",
                )
            }
            other if other.code() == ErrorCode::Internal => {
                tracing::error!(error = %other, "unexpected store error");
                Self::internal()
            }
            other => Self::new(other.code(), other.to_string()),
        }
    }
}

impl From<GatewayError> for async_graphql::Error {
    fn from(e: GatewayError) -> Self {
        async_graphql::Error::new(e.message).extend_with(|_, ext| {
            ext.set("code", e.code.as_str());
            if let Some(reason) = e.reason {
                ext.set("reason", reason.as_str());
            }
            match &e.detail {
                Detail::None => {}
                Detail::Unmet(unmet) => ext.set("unmet", unmet_list(unmet, &e.names)),
                Detail::Field(field) => ext.set("field", field.clone()),
                Detail::Versions { expected, actual } => {
                    ext.set("expectedVersion", *expected);
                    ext.set("actualVersion", *actual);
                }
            }
        })
    }
}

fn unmet_list(unmet: &[Unmet], names: &HashMap<CityId, String>) -> Value {
    Value::List(
        unmet
            .iter()
            .map(|u| {
                let mut m = async_graphql::indexmap::IndexMap::new();
                m.insert(
                    async_graphql::Name::new("code"),
                    Value::from(u.criterion.code()),
                );
                m.insert(
                    async_graphql::Name::new("message"),
                    Value::from(english(&u.message, names)),
                );
                let fixed_by = fixed_by(u.criterion).iter().map(|f| Value::from(*f));
                m.insert(
                    async_graphql::Name::new("fixedBy"),
                    Value::List(fixed_by.collect()),
                );
                Value::Object(m)
            })
            .collect(),
    )
}

/// A resolver's result.
pub type Result<T, E = async_graphql::Error> = std::result::Result<T, E>;

/// Turns any store error into the client's error.
pub fn store<T>(r: std::result::Result<T, StoreError>) -> Result<T> {
    r.map_err(|e| GatewayError::from(e).into())
}
