//! The domain's refusals. Each has a stable code; the gateway maps them to the
//! `extensions.code` of its errors.

use crate::CityId;
use crate::criterion::Unmet;
use crate::vocab::{MoveKind, Status, Step};
use thiserror::Error;

/// Why the domain refused a command. A refused command changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// The move is allowed from here, but exit criteria are unmet. Lists every
    /// unmet criterion, not only the first.
    #[error("{kind:?} is blocked: {}", summary(unmet))]
    Blocked {
        /// The move that was refused.
        kind: MoveKind,
        /// Every unmet criterion.
        unmet: Vec<Unmet>,
    },
    /// The narrative does not allow this move from the current state.
    #[error("{kind:?} is not allowed: {reason}")]
    NotAllowed {
        /// The move that was refused.
        kind: MoveKind,
        /// Why, in words.
        reason: String,
    },
    /// The partnership is not active (suspended, concluded or terminated), so
    /// this output cannot be recorded.
    #[error("the partnership is {} and takes no new outputs", status.code())]
    NotActive {
        /// The current status.
        status: Status,
    },
    /// A city named in the input is not party to the partnership.
    #[error("city {city} is not party to this partnership")]
    NotParty {
        /// The city.
        city: CityId,
    },
    /// The acting city may not do this (Aim and Commit moves belong to the
    /// initiator; a city records only its own side of joint outputs).
    #[error("{reason}")]
    Forbidden {
        /// Why, in words.
        reason: String,
    },
    /// Something the input refers to does not exist in this partnership.
    #[error("{what} {id} was not found")]
    NotFound {
        /// The kind of thing.
        what: &'static str,
        /// Its identifier.
        id: String,
    },
    /// The input is malformed or out of range.
    #[error("{field}: {message}")]
    Invalid {
        /// The input field, as the API names it.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The caller expected another version of the partnership.
    #[error("the partnership is at version {actual}, not {expected}")]
    VersionConflict {
        /// The version the caller expected.
        expected: u64,
        /// The version it is at.
        actual: u64,
    },
}

fn summary(unmet: &[Unmet]) -> String {
    unmet
        .iter()
        .map(|u| u.criterion.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl DomainError {
    /// An invalid-input error.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        DomainError::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// A forbidden error.
    pub fn forbidden(reason: impl Into<String>) -> Self {
        DomainError::Forbidden {
            reason: reason.into(),
        }
    }

    /// A not-allowed move.
    pub fn not_allowed(kind: MoveKind, reason: impl Into<String>) -> Self {
        DomainError::NotAllowed {
            kind,
            reason: reason.into(),
        }
    }

    /// The initiator-only rule of a step.
    pub fn initiator_only(step: Step) -> Self {
        DomainError::forbidden(format!(
            "only the initiator city can move a partnership out of {}",
            step.code()
        ))
    }

    /// The stable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Blocked { .. } => "TRANSITION_BLOCKED",
            DomainError::NotAllowed { .. } => "MOVE_NOT_ALLOWED",
            DomainError::NotActive { .. } => "PARTNERSHIP_NOT_ACTIVE",
            DomainError::NotParty { .. } => "NOT_PARTY",
            DomainError::Forbidden { .. } => "FORBIDDEN",
            DomainError::NotFound { .. } => "NOT_FOUND",
            DomainError::Invalid { .. } => "INVALID_INPUT",
            DomainError::VersionConflict { .. } => "VERSION_CONFLICT",
        }
    }
}
