//! The domain's refusals, and the one list of error codes that clients rely
//! on ([`ErrorCode`], [`ErrorReason`]): the GraphQL `extensions.code` and
//! `extensions.reason`, and the web app's refusals. Every layer above maps its
//! errors onto these; none spells a code out again.

use crate::CityId;
use crate::criterion::Unmet;
use crate::vocab::{MoveKind, Status, Step};
use strum::{EnumIter, IntoStaticStr};
use thiserror::Error;

/// The error codes of the public API (`extensions.code`). Defined once, here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// No valid credentials.
    Unauthenticated,
    /// The account may not do this.
    Forbidden,
    /// The thing does not exist, or the account may not see it.
    NotFound,
    /// The input is malformed or out of range.
    InvalidInput,
    /// The move or output is refused in the partnership's state.
    TransitionBlocked,
    /// The partnership changed since the client read it.
    VersionConflict,
    /// The query asks too much (too many aliases or root fields, lists too
    /// large, nested too deep, too slow or too big an answer): refused, before
    /// it runs where it can be told before.
    QueryTooCostly,
    /// A subscriber fell too far behind the events: its subscription ended;
    /// subscribe again with `after` (the `seq` of the last event received).
    Lagged,
    /// The account has as many requests running as it may (HTTP 429 with
    /// `Retry-After`): nothing was done; try again when one has finished.
    TooManyRequests,
    /// The database cannot be reached (down, or every connection busy):
    /// nothing was done; try again (HTTP 503 with `Retry-After`).
    Unavailable,
    /// Anything unexpected; the cause is logged, never returned.
    Internal,
}

impl ErrorCode {
    /// The code as clients see it, e.g. `"NOT_FOUND"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A finer reason beside some codes (`extensions.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorReason {
    /// `TRANSITION_BLOCKED`: exit criteria are unmet (listed in `unmet`).
    CriteriaUnmet,
    /// `TRANSITION_BLOCKED`: the narrative has no such move from here.
    MoveNotAllowed,
    /// `TRANSITION_BLOCKED`: the partnership is suspended or final.
    PartnershipNotActive,
    /// `INVALID_INPUT`: a city named in the input is not party to the
    /// partnership.
    NotParty,
}

impl ErrorReason {
    /// The reason as clients see it, e.g. `"CRITERIA_UNMET"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

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

    /// The code clients see.
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::Blocked { .. }
            | DomainError::NotAllowed { .. }
            | DomainError::NotActive { .. } => ErrorCode::TransitionBlocked,
            DomainError::NotParty { .. } | DomainError::Invalid { .. } => ErrorCode::InvalidInput,
            DomainError::Forbidden { .. } => ErrorCode::Forbidden,
            DomainError::NotFound { .. } => ErrorCode::NotFound,
            DomainError::VersionConflict { .. } => ErrorCode::VersionConflict,
        }
    }

    /// The finer reason clients see beside the code, if any.
    pub fn reason(&self) -> Option<ErrorReason> {
        match self {
            DomainError::Blocked { .. } => Some(ErrorReason::CriteriaUnmet),
            DomainError::NotAllowed { .. } => Some(ErrorReason::MoveNotAllowed),
            DomainError::NotActive { .. } => Some(ErrorReason::PartnershipNotActive),
            DomainError::NotParty { .. } => Some(ErrorReason::NotParty),
            _ => None,
        }
    }
}
