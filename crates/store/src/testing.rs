//! Test support (feature `testing`): a database made for one test.
//!
//! PostgreSQL: `CREATE DATABASE "c2c_test_<uuid>"` on the server of
//! `C2C_TEST_DATABASE_URL` (else `DATABASE_URL` if it is a PostgreSQL URL, else
//! `postgres://postgres@127.0.0.1:5432/postgres`), dropped when the test ends.
//! SQLite: a new file in the temporary directory, removed when the test ends.
//! Both get the real migrations. A PostgreSQL test fails, never skips, when the
//! server cannot be reached.

#![allow(clippy::expect_used, clippy::panic)]

use crate::{Options, Store};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, TransactionTrait,
};
use std::path::PathBuf;
use tokio::sync::OnceCell;
use uuid::Uuid;

/// The server the PostgreSQL suite runs against: `C2C_TEST_DATABASE_URL`,
/// else `DATABASE_URL` if it is a PostgreSQL URL, else the local default.
pub fn postgres_server_url() -> String {
    std::env::var("C2C_TEST_DATABASE_URL")
        .ok()
        .or_else(|| {
            std::env::var("DATABASE_URL")
                .ok()
                .filter(|u| u.starts_with("postgres"))
        })
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The URL of another database on the same server.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let slash = base
        .rfind('/')
        .filter(|i| *i > base.find("://").unwrap_or(0) + 2);
    let server = match slash {
        Some(i) => &base[..i],
        None => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

#[derive(Debug)]
enum Cleanup {
    Postgres { server: String, name: String },
    Sqlite { path: PathBuf },
}

/// Every table of the schema (the migrations' bookkeeping table aside).
pub const TABLES: [&str; 29] = [
    "city",
    "city_area",
    "stakeholder",
    "account",
    "api_token",
    "strategy",
    "commitment",
    "partnership",
    "assessment",
    "contact",
    "contact_person",
    "agreement",
    "signature",
    "first_priority",
    "plan",
    "activity",
    "team",
    "progress_report",
    "risk",
    "feedback",
    "evaluation",
    "adjustment",
    "approval",
    "lesson",
    "ex_post",
    "kpi_definition",
    "kpi_selection",
    "measurement",
    "event",
];

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    /// A new database on the PostgreSQL server.
    Postgres,
    /// A new SQLite file.
    Sqlite,
}

/// Runs each test body twice, as `postgres::<name>` and `sqlite::<name>`, with
/// the value `setup(TestBackend)` gives (a [`TestDb`], or a harness built on
/// one) bound to the body's argument:
///
/// ```text
/// c2c_store::on_both_backends! { TestDb::new;
///     async fn a_test(db) { /* … */ }
/// }
/// ```
#[macro_export]
macro_rules! on_both_backends {
    ($setup:path; $( $(#[$meta:meta])* async fn $name:ident($db:ident) $body:block )*) => {
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let $db = $setup($crate::testing::TestBackend::Postgres).await;
                    $body
                }
            )*
        }
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let $db = $setup($crate::testing::TestBackend::Sqlite).await;
                    $body
                }
            )*
        }
    };
}

/// The agreements whose kept dates differ from their signatures': the day
/// each was signed by both, the first day a renewal of it was.
const AGREEMENT_DRIFT: &str = "SELECT COUNT(*) AS n FROM agreement a WHERE \
    coalesce(a.signed_both_on, '0001-01-01') <> coalesce((SELECT max(s.signed_on) \
      FROM signature s WHERE s.agreement_id = a.id \
      HAVING count(DISTINCT s.city_id) >= 2), '0001-01-01') \
    OR coalesce(a.renewed_on, '0001-01-01') <> coalesce((SELECT min(x.d) FROM ( \
      SELECT max(s.signed_on) AS d FROM agreement r \
      JOIN signature s ON s.agreement_id = r.id WHERE r.renewal_of = a.id \
      GROUP BY r.id HAVING count(DISTINCT s.city_id) >= 2) x), '0001-01-01')";

/// A database made for one test, removed when the test ends.
#[derive(Debug)]
pub struct TestDb {
    /// Its URL.
    pub url: String,
    /// A store on it.
    pub store: Store,
    side: OnceCell<DatabaseConnection>,
    cleanup: Cleanup,
}

impl TestDb {
    /// A new database of a backend with the migrations applied.
    pub async fn new(backend: TestBackend) -> TestDb {
        match backend {
            TestBackend::Postgres => Self::postgres().await,
            TestBackend::Sqlite => Self::sqlite().await,
        }
    }

    /// A new PostgreSQL database with the migrations applied. Fails (never
    /// skips) when the server cannot be reached.
    pub async fn postgres() -> TestDb {
        Self::postgres_at(&postgres_server_url()).await
    }

    /// A new database with the migrations applied on the PostgreSQL server
    /// at `server` (a URL without a database name).
    pub async fn postgres_at(server: &str) -> TestDb {
        let server = server.to_owned();
        let admin = Database::connect(server.as_str())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL is required for this suite and is not reachable at {server}: {e}\n\
                 Start it (e.g. `pg_ctlcluster 15 main start` or `docker compose up -d postgres`) \
                 or point C2C_TEST_DATABASE_URL at a server."
                )
            });
        let name = format!("c2c_test_{}", Uuid::new_v4().simple());
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create the test database");
        admin.close().await.ok();
        let url = with_database(&server, &name);
        let store = Store::connect_with(
            &url,
            Options {
                max_connections: 4,
                ..Options::default()
            },
        )
        .await
        .expect("connect to the test database");
        store.migrate().await.expect("migrate the test database");
        TestDb {
            url,
            store,
            side: OnceCell::new(),
            cleanup: Cleanup::Postgres { server, name },
        }
    }

    /// A new SQLite file with the migrations applied.
    pub async fn sqlite() -> TestDb {
        let path = std::env::temp_dir().join(format!("c2c-test-{}.db", Uuid::new_v4().simple()));
        let url = format!("sqlite://{}", path.display());
        let store = Store::connect(&url).await.expect("open the SQLite file");
        store.migrate().await.expect("migrate the SQLite file");
        TestDb {
            url,
            store,
            side: OnceCell::new(),
            cleanup: Cleanup::Sqlite { path },
        }
    }

    /// Another store on the same database with a single connection.
    pub async fn another_connection(&self) -> Store {
        Store::connect_with(
            &self.url,
            Options {
                max_connections: 1,
                ..Options::default()
            },
        )
        .await
        .expect("open another connection")
    }

    /// A connection of its own, outside the store (so that what it runs is
    /// not counted with the store's statements), opened once.
    async fn side(&self) -> &DatabaseConnection {
        self.side
            .get_or_init(|| async {
                Database::connect(self.url.as_str())
                    .await
                    .expect("connect to the test database")
            })
            .await
    }

    /// The number of rows of a table.
    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        first_value(self.side().await, sql).await
    }

    /// The number of rows of every table, in the order of [`TABLES`].
    pub async fn counts(&self) -> Vec<(&'static str, i64)> {
        let mut out = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            out.push((table, self.count(table).await));
        }
        out
    }

    /// The partnerships and agreements whose kept dates (of activity:
    /// `last_activity_on`,
    /// `last_joint_on`; of milestones: `first_signed_on`, `plan_approved_on`,
    /// and the agreements' `signed_both_on`, `renewed_on`) differ from the
    /// dates recorded: none, when the store keeps them as it should.
    pub async fn kept_dates_drift(&self) -> i64 {
        use crate::aggregate::activity::{Activity, latest};
        use crate::aggregate::milestones::{Milestone, first};
        use sea_orm::sea_query::{Expr, ExprTrait, Func, JoinType, Query};
        let db = self.side().await;
        let backend = db.get_database_backend();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let (end, never) = (day(9999, 12, 31), day(1, 1, 1));
        let mut q = Query::select();
        q.expr_as(Expr::col(sea_orm::sea_query::Asterisk).count(), "n")
            .from("partnership");
        let mut drift = Expr::val(false);
        for (alias, recorded, column, value) in [
            (
                "a",
                latest(backend, Activity::All, end),
                "last_activity_on",
                "last_on",
            ),
            (
                "j",
                latest(backend, Activity::Joint, end),
                "last_joint_on",
                "last_on",
            ),
            (
                "s",
                first(Milestone::SignedByBoth, end),
                "first_signed_on",
                "first_on",
            ),
            (
                "ap",
                first(Milestone::PlanApproved, end),
                "plan_approved_on",
                "first_on",
            ),
        ] {
            q.join_subquery(
                JoinType::LeftJoin,
                recorded,
                alias,
                Expr::col((alias, "partnership_id")).equals(("partnership", "id")),
            );
            let kept = Func::coalesce([Expr::col(("partnership", column)), Expr::val(never)]);
            let recorded = Func::coalesce([Expr::col((alias, value)), Expr::val(never)]);
            drift = drift.or(Expr::from(kept).ne(Expr::from(recorded)));
        }
        q.and_where(drift);
        let row = db
            .query_one_raw(backend.build(&q))
            .await
            .expect("compare the kept dates")
            .expect("a row");
        let partnerships: i64 = row.try_get("", "n").expect("a count");
        partnerships + first_value::<i64>(db, AGREEMENT_DRIFT.to_owned()).await
    }

    /// Takes migration `name` and every later one down and up again, on the
    /// data there is.
    pub async fn redo_migrations_from(&self, name: &str) {
        use c2c_migration::MigratorTrait;
        let db = self.side().await;
        let names: Vec<String> = crate::Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let at = names
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("no migration is named {name}"));
        let n = u32::try_from(names.len() - at).expect("a few migrations");
        crate::Migrator::down(db, Some(n))
            .await
            .expect("the migrations go down");
        crate::Migrator::up(db, None).await.expect("and up again");
    }

    /// A run-time setting as the store's own connections see it
    /// (PostgreSQL's `SHOW`).
    pub async fn setting(&self, name: &str) -> String {
        first_value(&self.store.db, format!("SHOW {name}")).await
    }

    /// Runs raw SQL on the database, outside the store.
    pub async fn raw(&self, sql: &str) -> Result<(), sea_orm::DbErr> {
        self.side().await.execute_unprepared(sql).await.map(|_| ())
    }

    /// Runs `sql` in a transaction left open, so that the locks it takes
    /// (`SELECT … FOR UPDATE`) are held until [`Held::release`].
    pub async fn held(&self, sql: &str) -> Held {
        let transaction = self.side().await.begin().await.expect("begin");
        transaction
            .execute_unprepared(sql)
            .await
            .expect("run the statement that takes the locks");
        Held(transaction)
    }
}

/// The first column of the one row `sql` answers on `db`.
async fn first_value<T: sea_orm::TryGetable>(db: &DatabaseConnection, sql: String) -> T {
    let statement = sea_orm::Statement::from_string(db.get_database_backend(), sql.clone());
    let row = db
        .query_one_raw(statement)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_else(|| panic!("{sql}: no row"));
    row.try_get_by_index(0)
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
}

/// A transaction left open by [`TestDb::held`].
#[derive(Debug)]
pub struct Held(DatabaseTransaction);

impl Held {
    /// Rolls the transaction back, releasing its locks.
    pub async fn release(self) {
        self.0.rollback().await.expect("roll back");
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Postgres { server, name } => {
                let (server, name) = (server.clone(), name.clone());
                // Dropping needs async I/O; do it on a thread of its own so that
                // it also works when the test's runtime is shutting down.
                let _ = std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    rt.block_on(async {
                        if let Ok(admin) = Database::connect(server.as_str()).await {
                            let _ = admin
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                                ))
                                .await;
                            let _ = admin.close().await;
                        }
                    });
                })
                .join();
            }
            Cleanup::Sqlite { path } => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
        }
    }
}
