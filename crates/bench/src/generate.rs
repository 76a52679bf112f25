//! The platform to measure: the demo (its 140 cities and 128 partnerships at
//! every step, loop and status, with their outputs, measurements and
//! histories), loaded through c2c's own operations, then its partnerships
//! copied in SQL (`INSERT … SELECT` over `generate_series`, one statement per
//! table) until there are as many as asked. A copy keeps the cities and
//! accounts and gets new identifiers for everything of its partnership (an
//! MD5 of the original identifier and the copy's number), so that its rows
//! refer to each other as the original's do.

use anyhow::{Context, Result, bail};
use sea_orm::sqlx::{self, Row};
use std::time::Instant;

/// The tables whose rows belong to a partnership, parents first.
const TABLES: &[&str] = &[
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
    "kpi_selection",
    "measurement",
    "feedback",
    "evaluation",
    "adjustment",
    "approval",
    "lesson",
    "ex_post",
    "event",
];

/// The identifier columns that name a partnership's own records (a copy
/// gets new ones); every other identifier (a city, an account, a
/// stakeholder, an objective) is shared with the original.
const OWN: &[&str] = &[
    "id",
    "partnership_id",
    "origin_id",
    "activity_id",
    "agreement_id",
    "selection_id",
    "supersedes_id",
    "renewal_of",
];

/// Columns a copy does not write (the database numbers them).
const GENERATED: &[&str] = &["seq", "xid"];

/// Creates the database afresh and fills it with about `partnerships`.
pub async fn generate(url: &str, partnerships: u64) -> Result<()> {
    let started = Instant::now();
    recreate(url).await?;
    let store = c2c_store::Store::connect(url).await?;
    store.migrate().await?;
    eprintln!(
        "[{:>5.1} s] loading the demo platform through c2c's operations…",
        secs(started)
    );
    c2c_demo::seed(&store, |_| {})
        .await
        .context("loading the demo")?;
    let pool = sqlx::PgPool::connect(url).await?;
    let base: i64 = sqlx::query_scalar("SELECT count(*) FROM partnership")
        .fetch_one(&pool)
        .await?;
    let base = u64::try_from(base)?.max(1);
    let copies = partnerships.div_ceil(base).saturating_sub(1);
    eprintln!(
        "[{:>5.1} s] {base} partnerships loaded; {copies} copies of each to come",
        secs(started)
    );
    for table in TABLES {
        let sql = copy_statement(&pool, table, copies).await?;
        let at = Instant::now();
        // Built from the catalogue's own column names and constants.
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&pool)
            .await?
            .rows_affected();
        eprintln!(
            "[{:>5.1} s] {table}: {rows} rows copied in {:.1} s",
            secs(started),
            secs(at)
        );
    }
    store
        .recount_funnel()
        .await
        .context("counting the partnerships by step, loop and status")?;
    sqlx::query("VACUUM ANALYZE").execute(&pool).await?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM partnership")
        .fetch_one(&pool)
        .await?;
    let size: String =
        sqlx::query_scalar("SELECT pg_size_pretty(pg_database_size(current_database()))")
            .fetch_one(&pool)
            .await?;
    println!(
        "generated {total} partnerships ({size}) in {:.0} s",
        secs(started)
    );
    Ok(())
}

fn secs(since: Instant) -> f64 {
    since.elapsed().as_secs_f64()
}

/// Drops and creates the database of `url`, through the server's
/// `postgres` database.
async fn recreate(url: &str) -> Result<()> {
    let mut admin = url::Url::parse(url).context("the database URL")?;
    let name = admin.path().trim_start_matches('/').to_owned();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bail!("the database URL must name a database of letters, digits and _: {name:?}");
    }
    admin.set_path("/postgres");
    let pool = sqlx::PgPool::connect(admin.as_str())
        .await
        .with_context(|| format!("connecting to {}", c2c_store::redact(admin.as_str())))?;
    // `name` was checked above: letters, digits and _ only.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
    )))
    .execute(&pool)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&pool)
        .await?;
    Ok(())
}

/// The statement that copies a table's partnership rows `copies` times.
async fn copy_statement(pool: &sqlx::PgPool, table: &str, copies: u64) -> Result<String> {
    let columns = sqlx::query(
        "SELECT column_name::text AS name, udt_name::text AS ty FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(pool)
    .await?;
    let mut names = Vec::new();
    let mut values = Vec::new();
    for row in columns {
        let (name, ty): (String, String) = (row.try_get("name")?, row.try_get("ty")?);
        if GENERATED.contains(&name.as_str()) {
            continue;
        }
        let value = if ty == "uuid" && OWN.contains(&name.as_str()) {
            format!("md5(t.\"{name}\"::text || '/' || j)::uuid")
        } else {
            format!("t.\"{name}\"")
        };
        names.push(format!("\"{name}\""));
        values.push(value);
    }
    let only_partnerships = if table == "event" {
        " WHERE t.partnership_id IS NOT NULL"
    } else {
        ""
    };
    Ok(format!(
        "INSERT INTO \"{table}\" ({}) SELECT {} FROM \"{table}\" t \
         CROSS JOIN generate_series(1, {copies}) AS j{only_partnerships}",
        names.join(", "),
        values.join(", ")
    ))
}
