//! Errors as clients see them: a message and a stable `extensions.code`
//! (`UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `INVALID_INPUT`,
//! `TRANSITION_BLOCKED` with the unmet criteria, `VERSION_CONFLICT`, or
//! `INTERNAL` for anything unexpected, which is logged with its cause and
//! returned without internals).

use async_graphql::{ErrorExtensions, Value};
use c2c_domain::{DomainError, Unmet};
use c2c_store::StoreError;
use thiserror::Error;

/// An error of the gateway.
#[derive(Debug, Error)]
pub enum GatewayError {
    /// No valid token.
    #[error("authentication required: send 'Authorization: Bearer <token>' with a valid token")]
    Unauthenticated,
    /// The account may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Something does not exist (or is not visible to the account).
    #[error("{what} {id} was not found")]
    NotFound {
        /// The kind of thing.
        what: String,
        /// Its identifier.
        id: String,
    },
    /// The input is malformed or out of range.
    #[error("{field}: {message}")]
    Invalid {
        /// The input field.
        field: String,
        /// What is wrong.
        message: String,
        /// A finer code, e.g. `NOT_PARTY`.
        reason: Option<&'static str>,
    },
    /// The move (or output) is refused in the partnership's state.
    #[error("{message}")]
    Blocked {
        /// Why: `CRITERIA_UNMET`, `MOVE_NOT_ALLOWED` or `PARTNERSHIP_NOT_ACTIVE`.
        reason: &'static str,
        /// In words.
        message: String,
        /// Every unmet criterion.
        unmet: Vec<Unmet>,
    },
    /// The partnership changed since the client read it.
    #[error("the partnership is at version {actual}, not {expected}: reload it and try again")]
    VersionConflict {
        /// What the client expected.
        expected: u64,
        /// What it is.
        actual: u64,
    },
    /// Anything unexpected. The cause is logged, not returned.
    #[error("internal error (request logged)")]
    Internal,
}

impl GatewayError {
    /// A forbidden error.
    pub fn forbidden(reason: impl Into<String>) -> Self {
        GatewayError::Forbidden(reason.into())
    }

    /// An invalid-input error.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        GatewayError::Invalid {
            field: field.into(),
            message: message.into(),
            reason: None,
        }
    }

    /// A not-found error.
    pub fn not_found(what: &str, id: impl ToString) -> Self {
        GatewayError::NotFound {
            what: what.to_owned(),
            id: id.to_string(),
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            GatewayError::Unauthenticated => "UNAUTHENTICATED",
            GatewayError::Forbidden(_) => "FORBIDDEN",
            GatewayError::NotFound { .. } => "NOT_FOUND",
            GatewayError::Invalid { .. } => "INVALID_INPUT",
            GatewayError::Blocked { .. } => "TRANSITION_BLOCKED",
            GatewayError::VersionConflict { .. } => "VERSION_CONFLICT",
            GatewayError::Internal => "INTERNAL",
        }
    }
}

impl From<DomainError> for GatewayError {
    fn from(e: DomainError) -> Self {
        StoreError::from(e).into()
    }
}

impl From<StoreError> for GatewayError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => {
                let message = d.to_string();
                match d {
                    DomainError::Blocked { unmet, .. } => GatewayError::Blocked {
                        reason: "CRITERIA_UNMET",
                        message,
                        unmet,
                    },
                    DomainError::NotAllowed { .. } => GatewayError::Blocked {
                        reason: "MOVE_NOT_ALLOWED",
                        message,
                        unmet: Vec::new(),
                    },
                    DomainError::NotActive { .. } => GatewayError::Blocked {
                        reason: "PARTNERSHIP_NOT_ACTIVE",
                        message,
                        unmet: Vec::new(),
                    },
                    DomainError::NotParty { .. } => GatewayError::Invalid {
                        field: "cityId".into(),
                        message,
                        reason: Some("NOT_PARTY"),
                    },
                    DomainError::Forbidden { reason } => GatewayError::Forbidden(reason),
                    DomainError::NotFound { what, id } => GatewayError::NotFound {
                        what: what.to_owned(),
                        id,
                    },
                    DomainError::Invalid { field, message } => GatewayError::Invalid {
                        field,
                        message,
                        reason: None,
                    },
                    DomainError::VersionConflict { expected, actual } => {
                        GatewayError::VersionConflict { expected, actual }
                    }
                }
            }
            StoreError::VersionConflict { expected, actual } => {
                GatewayError::VersionConflict { expected, actual }
            }
            StoreError::NotFound { what, id } => GatewayError::NotFound {
                what: what.to_owned(),
                id,
            },
            StoreError::Invalid { field, message } => GatewayError::Invalid {
                field,
                message,
                reason: None,
            },
            other => {
                tracing::error!(error = %other, code = other.code(), "unexpected store error");
                GatewayError::Internal
            }
        }
    }
}

impl From<GatewayError> for async_graphql::Error {
    fn from(e: GatewayError) -> Self {
        let code = e.code();
        let message = e.to_string();
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", code);
            match &e {
                GatewayError::Blocked { reason, unmet, .. } => {
                    ext.set("reason", *reason);
                    let list: Vec<Value> = unmet
                        .iter()
                        .map(|u| {
                            let mut m = async_graphql::indexmap::IndexMap::new();
                            m.insert(
                                async_graphql::Name::new("code"),
                                Value::from(u.criterion.code()),
                            );
                            m.insert(
                                async_graphql::Name::new("message"),
                                Value::from(u.message.clone()),
                            );
                            Value::Object(m)
                        })
                        .collect();
                    ext.set("unmet", Value::List(list));
                }
                GatewayError::Invalid { field, reason, .. } => {
                    ext.set("field", field.clone());
                    if let Some(r) = reason {
                        ext.set("reason", *r);
                    }
                }
                GatewayError::VersionConflict { expected, actual } => {
                    ext.set("expectedVersion", *expected);
                    ext.set("actualVersion", *actual);
                }
                _ => {}
            }
        })
    }
}

/// A resolver's result.
pub type Result<T, E = async_graphql::Error> = std::result::Result<T, E>;

/// Turns any store error into the client's error.
pub fn store<T>(r: std::result::Result<T, StoreError>) -> Result<T> {
    r.map_err(|e| GatewayError::from(e).into())
}
