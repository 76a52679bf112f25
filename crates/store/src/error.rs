//! The store's errors. Each has a stable code; an unexpected database error
//! keeps its cause for the logs.

use c2c_domain::{DomainError, ErrorCode};
use sea_orm::DbErr;
use thiserror::Error;

/// Why a store operation failed. A failed operation writes nothing.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The domain refused the command.
    #[error(transparent)]
    Domain(DomainError),
    /// The caller expected another version of the partnership. Nothing was
    /// written.
    #[error("the partnership is at version {actual}, not {expected}")]
    VersionConflict {
        /// The version the caller expected.
        expected: u64,
        /// The version it is at.
        actual: u64,
    },
    /// A record does not exist.
    #[error("{what} {id} was not found")]
    NotFound {
        /// The kind of record.
        what: &'static str,
        /// Its identifier.
        id: String,
    },
    /// The input conflicts with stored data (a duplicate name, a reference to
    /// a record that cannot be used).
    #[error("{field}: {message}")]
    Invalid {
        /// The input field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The database URL is not one the store can open.
    #[error("unsupported database URL '{0}': use postgres://… or sqlite://…")]
    UnsupportedUrl(String),
    /// A stored row does not convert to the domain (a bug or a hand edit).
    #[error("stored data does not read back: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error("database error: {0}")]
    Database(DbErr),
    /// A failure injected by a test.
    #[error("injected failure after {0} writes")]
    Injected(usize),
}

impl StoreError {
    /// The code clients see: a database that cannot be reached is
    /// `UNAVAILABLE`; any other failure that is not the caller's (a bad
    /// configuration, corrupt data, a failed statement) is `INTERNAL`.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Domain(e) => e.code(),
            StoreError::VersionConflict { .. } => ErrorCode::VersionConflict,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid { .. } => ErrorCode::InvalidInput,
            StoreError::Database(e) if unreachable(e) => ErrorCode::Unavailable,
            StoreError::UnsupportedUrl(_)
            | StoreError::Corrupt(_)
            | StoreError::Database(_)
            | StoreError::Injected(_) => ErrorCode::Internal,
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> Self {
        StoreError::Corrupt(what.into())
    }
}

impl From<DomainError> for StoreError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::VersionConflict { expected, actual } => {
                StoreError::VersionConflict { expected, actual }
            }
            DomainError::NotFound { what, id } => StoreError::NotFound { what, id },
            other => StoreError::Domain(other),
        }
    }
}

impl From<DbErr> for StoreError {
    /// A database error, or the input's fault when PostgreSQL refuses text it
    /// cannot hold (the NUL character: SQLSTATE 22021 or 22P05).
    fn from(e: DbErr) -> Self {
        if refused_text(&e) {
            return StoreError::Invalid {
                field: "input".to_owned(),
                message: "text cannot hold the NUL character (U+0000)".to_owned(),
            };
        }
        StoreError::Database(e)
    }
}

/// Whether PostgreSQL refused a statement for a character of its text.
fn refused_text(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    match e {
        DbErr::Exec(RuntimeErr::SqlxError(s)) | DbErr::Query(RuntimeErr::SqlxError(s)) => s
            .as_database_error()
            .and_then(|d| d.code())
            .is_some_and(|code| code == "22021" || code == "22P05"),
        _ => false,
    }
}

/// A result of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Whether a database error says the database cannot be reached (no
/// connection within the wait, a connection lost or refused), rather than
/// that a statement failed.
fn unreachable(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(s)) | DbErr::Query(RuntimeErr::SqlxError(s)) => matches!(
            **s,
            Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::WorkerCrashed
        ),
        _ => false,
    }
}
