//! `c2c-store`: persistence of partnerships, their outputs, KPI measurements
//! and an append-only history, on PostgreSQL (production) or SQLite (the
//! zero-setup default). The same migrations (`c2c-migration`) run on both.
//!
//! Every change is one transaction: the partnership row is locked
//! (`SELECT … FOR UPDATE` on PostgreSQL, an immediate write transaction on
//! SQLite), the aggregate is loaded inside the transaction, the domain decides,
//! the change and its event are written and the version is bumped. A stale
//! version is a [`StoreError::VersionConflict`] and nothing of it is written.
//!
//! Architecture invariant: this is the only crate that knows sea-orm. Rows
//! never leave it: each table family's module holds its entities beside the
//! explicit conversions to and from domain types. No code path updates or
//! deletes an event.

mod access;
mod accounts;
mod aggregate;
mod analytics;
mod cities;
mod convert;
mod delivery;
mod entity;
mod error;
mod events;
mod kpis;
mod partnerships;
mod sign_in;
mod standing;
mod suggestions;
#[cfg(feature = "testing")]
pub mod testing;
mod web_sessions;

pub use accounts::{Account, Role, TOKEN_PREFIX, Token};
pub use aggregate::{LOAD_STATEMENTS, Part};
pub use analytics::{
    Expiring, Export, FunnelFilter, FunnelRow, GroupBy, KpiTotal, OneSided, Page, Paged,
    PersonChange, PersonChangeKind, Records, Scope, Stalled, StepTime, Unfollowed, WithoutPlan,
};
pub use c2c_migration::Migrator;
pub use delivery::{Final, Horizon};
pub use error::{Result, StoreError};
pub use events::{EventListener, StoredEvent};
pub use partnerships::{PartnershipFilter, Recorded, SpawnRecorded};
/// Which database a store runs on (PostgreSQL or SQLite; never MySQL).
pub use sea_orm::DbBackend;
pub use sign_in::{
    Invitation, LOCK_MINUTES, MAX_FAILED_SIGN_INS, MIN_PASSWORD_CHARS, SignIn, normalise_email,
};
pub use suggestions::{Suggestion, WEIGHTS};

use c2c_domain::{AccountId, CityId};
use c2c_migration::MigratorTrait;
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ActiveModelTrait, ConnectOptions, Database, DatabaseConnection, DatabaseTransaction,
    EntityTrait, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

/// Who acts: an account, for a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The account.
    pub account: AccountId,
    /// The city it acts for.
    pub city: CityId,
}

/// How to open a store.
#[derive(Debug, Clone)]
pub struct Options {
    /// The largest number of pooled connections.
    pub max_connections: u32,
    /// How long to wait for SQLite's write lock (and for a connection to
    /// SQLite).
    pub wait: Duration,
    /// How long a request waits for a PostgreSQL connection before it is
    /// refused as `UNAVAILABLE`.
    pub acquire: Duration,
}

/// The default size of the connection pool: eight per core, from 10 to 64
/// (16 on two cores), so that a few dozen clients rarely wait for one.
pub fn default_pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    u32::try_from(cores * 8).unwrap_or(64).clamp(10, 64)
}

/// How many platform analytics run at once: half the pool's connections, at
/// least one. The others wait for their turn, not for a connection, so that
/// moves and reads still find one while operators ask for the whole platform
/// (the pool's wait is short: past it a request is refused as
/// `UNAVAILABLE`).
fn analytics_turns(max_connections: u32) -> usize {
    usize::try_from(max_connections / 2).unwrap_or(1).max(1)
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_connections: 10,
            wait: Duration::from_secs(30),
            acquire: Duration::from_secs(2),
        }
    }
}

/// The state of a store's connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections open, idle or in use.
    pub size: u32,
    /// Connections open and idle.
    pub idle: usize,
    /// The most connections the pool opens.
    pub max: u32,
}

/// The store: a pool of connections to one database.
#[derive(Debug, Clone)]
pub struct Store {
    db: DatabaseConnection,
    backend: DbBackend,
    url: String,
    statements: Arc<AtomicU64>,
    fail_after_writes: Arc<AtomicUsize>,
    analytics: Arc<Semaphore>,
}

impl Store {
    /// Opens the database at `url` (`postgres://…` or `sqlite://path`; a
    /// SQLite file is created if absent) with default options.
    pub async fn connect(url: &str) -> Result<Store> {
        Self::connect_with(url, Options::default()).await
    }

    /// Opens the database at `url` with options.
    pub async fn connect_with(url: &str, options: Options) -> Result<Store> {
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            DbBackend::Postgres
        } else if url.starts_with("sqlite:") {
            DbBackend::Sqlite
        } else {
            return Err(StoreError::UnsupportedUrl(redact(url)));
        };
        let mut opts = ConnectOptions::new(url.to_owned());
        // On PostgreSQL a request waits at most `acquire` for a connection,
        // then answers UNAVAILABLE; SQLite's one writer waits `wait`.
        let acquire = if backend == DbBackend::Postgres {
            options.acquire
        } else {
            options.wait
        };
        opts.sqlx_logging(false)
            .acquire_timeout(acquire)
            .connect_timeout(Duration::from_secs(10));
        if backend == DbBackend::Postgres {
            // PostgreSQL's JIT compiles the plans of the platform lists at
            // scale and costs more than it saves (docs/PERFORMANCE.md).
            opts.max_connections(options.max_connections)
                .map_sqlx_postgres_opts(|o| o.options([("jit", "off")]));
        } else {
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            let wait = options.wait;
            opts.max_connections(if in_memory {
                1
            } else {
                options.max_connections
            })
            .map_sqlx_sqlite_opts(move |o: SqliteConnectOptions| {
                let o = o
                    .create_if_missing(true)
                    .foreign_keys(true)
                    .busy_timeout(wait);
                if in_memory {
                    o
                } else {
                    o.journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                }
            });
        }
        let mut db = Database::connect(opts).await?;
        let statements = Arc::new(AtomicU64::new(0));
        let counter = statements.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        Ok(Store {
            db,
            backend,
            url: url.to_owned(),
            statements,
            fail_after_writes: Arc::new(AtomicUsize::new(0)),
            analytics: Arc::new(Semaphore::new(analytics_turns(options.max_connections))),
        })
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<()> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// The migrations applied, in order, and those pending.
    pub async fn migration_status(&self) -> Result<(Vec<String>, Vec<String>)> {
        let applied = Migrator::get_applied_migrations(&self.db)
            .await?
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let pending = Migrator::get_pending_migrations(&self.db)
            .await?
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        Ok((applied, pending))
    }

    /// Rolls back every migration (drops every table).
    pub async fn migrate_down_to_zero(&self) -> Result<()> {
        Migrator::down(&self.db, None).await?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.db.ping().await?;
        Ok(())
    }

    /// Which database this is: [`DbBackend::Postgres`] or
    /// [`DbBackend::Sqlite`].
    pub fn backend(&self) -> DbBackend {
        self.backend
    }

    /// The URL the store was opened with, without its password.
    pub fn url(&self) -> String {
        redact(&self.url)
    }

    pub(crate) fn raw_url(&self) -> &str {
        &self.url
    }

    /// A store of its own on the same database, for a background reader (the
    /// event bus): on PostgreSQL a small pool of its own, so that its reads
    /// neither wait for nor count among the requests' statements; on SQLite
    /// (one file, or one in-memory database) this store itself.
    pub async fn detached(&self) -> Result<Store> {
        if self.backend != DbBackend::Postgres {
            return Ok(self.clone());
        }
        let options = Options {
            max_connections: 2,
            ..Options::default()
        };
        Self::connect_with(&self.url, options).await
    }

    /// The number of SQL statements this store has run since it was opened.
    pub fn statement_count(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// The connection pool as it is now: connections open, idle, and the
    /// most it opens. (sqlx does not tell how many tasks wait for one.)
    pub fn pool(&self) -> PoolStats {
        let (size, idle, max) = match self.backend {
            DbBackend::Postgres => {
                let pool = self.db.get_postgres_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            _ => {
                let pool = self.db.get_sqlite_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
        };
        PoolStats { size, idle, max }
    }

    /// Closes the pool.
    pub async fn close(self) -> Result<()> {
        self.db.close().await?;
        Ok(())
    }

    /// Makes the next changes fail after `writes` statements that write, inside
    /// their transaction; 0 turns it off. For tests that check that a failure
    /// leaves no trace.
    #[cfg(feature = "testing")]
    pub fn fail_after_writes(&self, writes: usize) {
        self.fail_after_writes.store(writes, Ordering::SeqCst);
    }

    pub(crate) fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Waits for a turn among the platform analytics, held while the permit
    /// lives: at most half the pool's connections compute over the whole
    /// platform at once.
    pub(crate) async fn analytics_turn(&self) -> Option<SemaphorePermit<'_>> {
        self.analytics.acquire().await.ok()
    }

    /// Starts a write transaction: an immediate one on SQLite, so that two
    /// writers queue at `BEGIN` instead of failing at their first write.
    pub(crate) async fn begin_write(&self) -> Result<Writer> {
        let txn = if self.backend == DbBackend::Sqlite {
            self.db
                .begin_with_options(TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                })
                .await?
        } else {
            self.db.begin().await?
        };
        Ok(Writer {
            txn,
            backend: self.backend,
            writes: 0,
            fail_after: self.fail_after_writes.load(Ordering::SeqCst),
        })
    }
}

/// A write transaction that counts its writes (and, in tests, fails on
/// purpose after a number of them).
pub(crate) struct Writer {
    pub(crate) txn: DatabaseTransaction,
    pub(crate) backend: DbBackend,
    writes: usize,
    fail_after: usize,
}

impl Writer {
    /// Records that a statement wrote.
    pub(crate) fn wrote(&mut self) -> Result<()> {
        self.writes += 1;
        if self.fail_after > 0 && self.writes >= self.fail_after {
            return Err(StoreError::Injected(self.writes));
        }
        Ok(())
    }

    /// Inserts a row: one write.
    pub(crate) async fn insert<A: ActiveModelTrait + Send>(&mut self, row: A) -> Result<()> {
        A::Entity::insert(row)
            .exec_without_returning(&self.txn)
            .await?;
        self.wrote()
    }

    /// Inserts a row or, when it conflicts with a stored one, replaces the
    /// columns `on_conflict` names: one write.
    pub(crate) async fn upsert<A: ActiveModelTrait + Send>(
        &mut self,
        row: A,
        on_conflict: OnConflict,
    ) -> Result<()> {
        A::Entity::insert(row)
            .on_conflict(on_conflict)
            .exec_without_returning(&self.txn)
            .await?;
        self.wrote()
    }

    pub(crate) async fn commit(self) -> Result<()> {
        self.txn.commit().await?;
        Ok(())
    }
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("writes", &self.writes)
            .finish()
    }
}

/// The current time, to the microsecond (what PostgreSQL keeps).
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A URL without its password.
/// A database URL without its password (`postgres://c2c:***@db/c2c`), for
/// every message and log line that names the database.
pub fn redact(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut parsed) if parsed.password().is_some() => match parsed.set_password(Some("***")) {
            Ok(()) => parsed.to_string(),
            Err(()) => redact_by_hand(raw),
        },
        Ok(_) => raw.to_owned(),
        Err(_) => redact_by_hand(raw),
    }
}

/// What [`redact`] does with a URL the `url` crate does not read.
fn redact_by_hand(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn urls_are_shown_without_their_password() {
        assert_eq!(
            redact("postgres://c2c:secret@db:5432/c2c"),
            "postgres://c2c:***@db:5432/c2c"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(redact("sqlite://c2c.db"), "sqlite://c2c.db");
        assert_eq!(
            redact("postgres://c2c:p%40ss:word@db/c2c?sslmode=require"),
            "postgres://c2c:***@db/c2c?sslmode=require"
        );
    }
}
