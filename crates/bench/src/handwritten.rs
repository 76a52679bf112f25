//! The floor: the same work in hand-written SQL through a plain pool, as a
//! service with no layers would do it. A capture and a move lock the row,
//! check it, write, bump the version, append the event and announce it, in
//! one transaction; the page is one statement that builds the whole JSON
//! answer, as a GraphQL-to-SQL compiler would. No authentication.

use crate::targets::{Capture, Movable};
use anyhow::{Result, bail};
use sea_orm::sqlx::{self, Row};

/// Statements of a capture (BEGIN and COMMIT not counted, as c2c's are not).
pub const CAPTURE_STATEMENTS: f64 = 6.0;

/// Statements of a move.
pub const MOVE_STATEMENTS: f64 = 4.0;

const LOCK: &str =
    "SELECT step, loop, cycle, status, version FROM partnership WHERE id = $1::uuid FOR UPDATE";

const EVENT: &str = "INSERT INTO event (id, partnership_id, city_id, actor_id, kind, payload, step, loop, cycle, status, version, occurred_at, recorded_at) \
    VALUES ($1::uuid, $2::uuid, $3::uuid, $10::uuid, $4, '{}'::json, $5, $6, $7, $8, $9, now(), now()) RETURNING seq";

/// The locked row: step, loop, cycle, status, version.
type Locked = (String, String, i32, String, i64);

async fn lock(tx: &mut sqlx::PgConnection, partnership: &str) -> Result<Locked> {
    let r = sqlx::query(LOCK)
        .bind(partnership)
        .fetch_one(&mut *tx)
        .await?;
    Ok((
        r.try_get("step")?,
        r.try_get("loop")?,
        r.try_get("cycle")?,
        r.try_get("status")?,
        r.try_get("version")?,
    ))
}

/// Appends the event of a change that left the row at `row` and announces it.
async fn event(
    tx: &mut sqlx::PgConnection,
    (partnership, city, actor): (&str, &str, &str),
    kind: &str,
    row: &Locked,
) -> Result<()> {
    let seq: i64 = sqlx::query_scalar(EVENT)
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(partnership)
        .bind(city)
        .bind(kind)
        .bind(&row.0)
        .bind(&row.1)
        .bind(row.2)
        .bind(&row.3)
        .bind(row.4 + 1)
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("SELECT pg_notify('c2c_events', $1)")
        .bind(seq.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A measurement of `target`'s selection by its city.
pub async fn capture(pool: &sqlx::PgPool, target: &Capture, actor: &str, i: u64) -> Result<()> {
    let mut tx = pool.begin().await?;
    let row = lock(&mut tx, &target.partnership).await?;
    if row.3 != "ACTIVE" {
        bail!("the partnership is {}", row.3);
    }
    let kpi: String = sqlx::query_scalar(
        "SELECT kpi_code FROM kpi_selection WHERE id = $1::uuid AND partnership_id = $2::uuid",
    )
    .bind(&target.selection)
    .bind(&target.partnership)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO measurement (id, selection_id, partnership_id, kpi_code, city_id, period_start, period_end, unit, value_count, source, note, recorded_by, cycle, recorded_at) \
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::uuid, '2025-01-01', '2025-03-31', 'COUNT', $6, 'benchmark', '', $8::uuid, $7, now())",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&target.selection)
    .bind(&target.partnership)
    .bind(kpi)
    .bind(&target.city)
    .bind(i64::try_from(i % 1000)?)
    .bind(row.2)
    .bind(actor)
    .execute(&mut *tx)
    .await?;
    bump(&mut tx, &target.partnership, None).await?;
    let who = (target.partnership.as_str(), target.city.as_str(), actor);
    event(&mut tx, who, "MEASUREMENT_RECORDED", &row).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the version one higher (and the status, for a move).
async fn bump(tx: &mut sqlx::PgConnection, partnership: &str, status: Option<&str>) -> Result<()> {
    sqlx::query(
        "UPDATE partnership SET version = version + 1, status = coalesce($2, status), \
         last_move_at = CASE WHEN $2 IS NULL THEN last_move_at ELSE now() END, updated_at = now() \
         WHERE id = $1::uuid",
    )
    .bind(partnership)
    .bind(status)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Suspends `m` (or resumes it, when suspended) at the version it expects.
pub async fn mv(pool: &sqlx::PgPool, m: &Movable, actor: &str) -> Result<()> {
    let mut tx = pool.begin().await?;
    let mut row = lock(&mut tx, &m.partnership).await?;
    if row.4 != m.version {
        bail!("the partnership is at version {}, not {}", row.4, m.version);
    }
    let (from, to, kind) = if m.suspended {
        ("SUSPENDED", "ACTIVE", "RESUMED")
    } else {
        ("ACTIVE", "SUSPENDED", "SUSPENDED")
    };
    if row.3 != from {
        bail!("the partnership is {}", row.3);
    }
    bump(&mut tx, &m.partnership, Some(to)).await?;
    row.3 = to.to_owned();
    event(&mut tx, (&m.partnership, &m.city, actor), kind, &row).await?;
    tx.commit().await?;
    Ok(())
}

/// The page of 50 as one statement building the JSON answer: the cities'
/// names, the activities, the KPI selections with each city's latest
/// measurement that no correction superseded.
pub async fn page(pool: &sqlx::PgPool) -> Result<()> {
    const SQL: &str = "SELECT coalesce(json_agg(x), '[]')::text FROM ( \
        SELECT p.id, p.step, p.status, ci.name AS initiator, cc.name AS counterpart, \
          (SELECT coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status) ORDER BY a.position), '[]') \
             FROM activity a WHERE a.partnership_id = p.id) AS activities, \
          (SELECT coalesce(json_agg(json_build_object('id', s.id, 'kpiCode', s.kpi_code, 'latest', \
             (SELECT coalesce(json_agg(json_build_object('id', l.id, 'periodEnd', l.period_end)), '[]') FROM ( \
                SELECT DISTINCT ON (m.city_id) m.id, m.period_end FROM measurement m \
                WHERE m.selection_id = s.id AND NOT EXISTS (SELECT 1 FROM measurement n WHERE n.supersedes_id = m.id) \
                ORDER BY m.city_id, m.period_end DESC, m.recorded_at DESC) l))), '[]') \
             FROM kpi_selection s WHERE s.partnership_id = p.id) AS kpis \
        FROM partnership p JOIN city ci ON ci.id = p.initiator_id LEFT JOIN city cc ON cc.id = p.counterpart_id \
        ORDER BY p.id LIMIT 50) x";
    let json: String = sqlx::query_scalar(SQL).fetch_one(pool).await?;
    if json.len() < 2 {
        bail!("an empty page");
    }
    Ok(())
}
