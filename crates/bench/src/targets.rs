//! What the workloads act on: KPI selections to capture, partnerships to
//! suspend and resume, read from the generated database.

use anyhow::Result;
use sea_orm::sqlx::{self, Row};

/// A KPI selection its partnership's initiator reports.
#[derive(Debug, Clone)]
pub struct Capture {
    pub partnership: String,
    pub selection: String,
    pub city: String,
}

/// An active partnership a client suspends and resumes, as it last saw it.
#[derive(Debug, Clone)]
pub struct Movable {
    pub partnership: String,
    pub city: String,
    pub version: i64,
    pub suspended: bool,
}

/// Up to 5,000 COUNT selections of active partnerships their initiator reports.
pub async fn captures(pool: &sqlx::PgPool) -> Result<Vec<Capture>> {
    let rows = sqlx::query(
        "SELECT p.id::text AS p, s.id::text AS s, p.initiator_id::text AS c FROM partnership p \
         JOIN kpi_selection s ON s.partnership_id = p.id \
         WHERE p.status = 'ACTIVE' AND s.unit = 'COUNT' \
         AND s.reporting::text LIKE '%' || p.initiator_id::text || '%' ORDER BY p.id LIMIT 5000",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Capture {
                partnership: r.try_get("p")?,
                selection: r.try_get("s")?,
                city: r.try_get("c")?,
            })
        })
        .collect()
}

/// Active or suspended partnerships for the moves, 64 per client.
pub async fn movables(pool: &sqlx::PgPool, clients: usize) -> Result<Vec<Movable>> {
    let rows = sqlx::query(
        "SELECT id::text AS p, initiator_id::text AS c, version, status FROM partnership \
         WHERE status IN ('ACTIVE', 'SUSPENDED') ORDER BY id LIMIT $1",
    )
    .bind(i64::try_from(clients * 64)?)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Movable {
                partnership: r.try_get("p")?,
                city: r.try_get("c")?,
                version: r.try_get("version")?,
                suspended: r.try_get::<String, _>("status")? == "SUSPENDED",
            })
        })
        .collect()
}
