//! The partnership row: its entity, the row as a domain snapshot and the
//! aggregate as a row, the row lock, and the guarded version bump that ends
//! every change.

use super::activity;
use super::milestones;
use super::plan::activity as planned;
use super::priorities::first_priority;
use super::tally;
use crate::Writer;
use crate::convert::{code, from_json, i32_of, i64_of, json, parse, u32_of, u64_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use c2c_domain::outputs::Outputs;
use c2c_domain::partnership::{Snapshot, State};
use c2c_domain::standing::Standing;
use c2c_domain::{Area, Change, CityId, Event, Partnership, PartnershipId, Stakeholder};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, DbBackend, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

entity!(partnership, "partnership", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub initiator_id: Uuid,
    pub counterpart_id: Option<Uuid>,
    pub origin_id: Option<Uuid>,
    pub step: String,
    #[sea_orm(column_name = "loop")]
    pub loop_: String,
    pub cycle: i32,
    pub status: String,
    pub status_reason: Option<String>,
    pub version: i64,
    pub started_at: DateTimeUtc,
    pub last_move_at: DateTimeUtc,
    pub cycle_began_at: Option<DateTimeUtc>,
    pub starting_notes: Json,
    pub strategy_version: Option<i32>,
    pub commitment_version: Option<i32>,
    pub decisions_version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub started_on: Option<Date>,
    pub last_activity_on: Option<Date>,
    pub last_joint_on: Option<Date>,
    pub first_signed_on: Option<Date>,
    pub plan_approved_on: Option<Date>,
});

/// The column that keeps the latest date of an activity.
pub(crate) fn kept_in(a: activity::Activity) -> partnership::Column {
    match a {
        activity::Activity::All => partnership::Column::LastActivityOn,
        activity::Activity::Joint => partnership::Column::LastJointOn,
    }
}

/// The column that keeps the first day a milestone was reached.
pub(crate) fn reached_on(m: milestones::Milestone) -> partnership::Column {
    match m {
        milestones::Milestone::SignedByBoth => partnership::Column::FirstSignedOn,
        milestones::Milestone::PlanApproved => partnership::Column::PlanApprovedOn,
    }
}

/// The partnerships `city` is party to: its initiator or its counterpart.
pub(crate) fn party_to(city: CityId) -> Condition {
    Condition::any()
        .add(partnership::Column::InitiatorId.eq(city.0))
        .add(partnership::Column::CounterpartId.eq(city.0))
}

/// The partnerships with `area` among their first priorities or their
/// activities.
pub(crate) fn with_area(area: Area) -> Condition {
    let area = code(area);
    Condition::any()
        .add(
            partnership::Column::Id.in_subquery(
                Query::select()
                    .column(first_priority::Column::PartnershipId)
                    .from(first_priority::Entity)
                    .and_where(first_priority::Column::Area.eq(area.clone()))
                    .to_owned(),
            ),
        )
        .add(
            partnership::Column::Id.in_subquery(
                Query::select()
                    .column(planned::Column::PartnershipId)
                    .from(planned::Entity)
                    .and_where(planned::Column::Area.eq(area))
                    .to_owned(),
            ),
        )
}

/// Reads the partnership row, locked for update on PostgreSQL (SQLite's
/// immediate transaction already holds the write lock).
pub(crate) async fn lock(w: &Writer, id: PartnershipId) -> Result<partnership::Model> {
    let mut query = partnership::Entity::find_by_id(id.0);
    if w.backend == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query
        .one(&w.txn)
        .await?
        .ok_or_else(|| StoreError::not_found("partnership", id))
}

/// The snapshot of a partnership row, with the standing and outputs loaded
/// beside it.
pub(super) fn snapshot(
    row: partnership::Model,
    standing: Standing,
    counterpart_stakeholders: Vec<Stakeholder>,
    mut outputs: Outputs,
) -> Result<Snapshot> {
    outputs.decisions_version = u32_of("decisions version", row.decisions_version)?;
    Ok(Snapshot {
        id: PartnershipId(row.id),
        initiator: CityId(row.initiator_id),
        counterpart: row.counterpart_id.map(CityId),
        origin: row.origin_id.map(PartnershipId),
        state: State {
            step: parse("step", &row.step)?,
            loop_: parse("loop", &row.loop_)?,
            cycle: u32_of("cycle", row.cycle)?,
            status: parse("status", &row.status)?,
        },
        version: u64_of("version", row.version)?,
        started_at: row.started_at,
        last_move_at: row.last_move_at,
        cycle_began_at: row.cycle_began_at.ok_or_else(|| {
            StoreError::corrupt(format!("partnership {} has no cycle start", row.id))
        })?,
        starting_notes: from_json("partnership.starting_notes", row.starting_notes)?,
        strategy_version: row
            .strategy_version
            .map(|v| u32_of("strategy version", v))
            .transpose()?,
        commitment_version: row
            .commitment_version
            .map(|v| u32_of("commitment version", v))
            .transpose()?,
        standing,
        counterpart_stakeholders,
        outputs,
    })
}

/// The partnership row of a new aggregate.
fn partnership_row(p: &Partnership, at: DateTime<Utc>) -> partnership::ActiveModel {
    let s = p.snapshot();
    partnership::ActiveModel {
        id: Set(s.id.0),
        initiator_id: Set(s.initiator.0),
        counterpart_id: Set(s.counterpart.map(|c| c.0)),
        origin_id: Set(s.origin.map(|o| o.0)),
        step: Set(code(s.state.step)),
        loop_: Set(code(s.state.loop_)),
        cycle: Set(i32_of(s.state.cycle)),
        status: Set(code(s.state.status)),
        status_reason: Set(None),
        version: Set(i64_of(s.version)),
        started_at: Set(s.started_at),
        last_move_at: Set(s.last_move_at),
        cycle_began_at: Set(Some(s.cycle_began_at)),
        starting_notes: Set(json(&s.starting_notes)),
        strategy_version: Set(s.strategy_version.map(i32_of)),
        commitment_version: Set(s.commitment_version.map(i32_of)),
        decisions_version: Set(i32_of(s.outputs.decisions_version)),
        created_at: Set(at),
        updated_at: Set(at),
        started_on: Set(Some(s.started_at.date_naive())),
        last_activity_on: Set(None),
        last_joint_on: Set(None),
        first_signed_on: Set(None),
        plan_approved_on: Set(None),
    }
}

/// Inserts the row of a new partnership, and counts it in its state.
pub(crate) async fn insert_new(w: &mut Writer, p: &Partnership, at: DateTime<Utc>) -> Result<()> {
    w.insert(partnership_row(p, at)).await?;
    tally::moved(w, p.id().0, None, p.state()).await
}

/// The dates the row keeps for the analytics that a change moves (see
/// [`activity`] and [`milestones`]), with their new values.
fn kept_dates(backend: DbBackend, change: &Change, id: Uuid) -> Vec<(partnership::Column, Expr)> {
    let mut kept: Vec<_> = activity::moved_by(change)
        .into_iter()
        .map(|moved| {
            let column = kept_in(moved.0);
            (column, activity::kept_after(backend, moved, column, id))
        })
        .collect();
    if let Some(m) = milestones::moved_by(change) {
        kept.push((reached_on(m), milestones::first_of(m, id)));
    }
    kept
}

/// Writes the partnership row's new state and version, on the condition that
/// the stored version is still the one the event was decided on, and counts
/// a new state in the funnel (see [`tally`]).
pub(super) async fn bump(
    w: &mut Writer,
    before: &Partnership,
    after: &Partnership,
    e: &Event,
) -> Result<()> {
    if matches!(e.change, Change::Started { .. }) {
        return Ok(());
    }
    let s = after.snapshot();
    let mut update = partnership::Entity::update_many()
        .col_expr(
            partnership::Column::CounterpartId,
            s.counterpart.map(|c| c.0).into(),
        )
        .col_expr(partnership::Column::Step, code(s.state.step).into())
        .col_expr(partnership::Column::Loop, code(s.state.loop_).into())
        .col_expr(partnership::Column::Cycle, i32_of(s.state.cycle).into())
        .col_expr(partnership::Column::Status, code(s.state.status).into())
        .col_expr(partnership::Column::Version, i64_of(s.version).into())
        .col_expr(partnership::Column::LastMoveAt, s.last_move_at.into())
        .col_expr(
            partnership::Column::CycleBeganAt,
            Some(s.cycle_began_at).into(),
        )
        .col_expr(
            partnership::Column::StrategyVersion,
            s.strategy_version.map(i32_of).into(),
        )
        .col_expr(
            partnership::Column::CommitmentVersion,
            s.commitment_version.map(i32_of).into(),
        )
        .col_expr(
            partnership::Column::DecisionsVersion,
            i32_of(s.outputs.decisions_version).into(),
        )
        .col_expr(partnership::Column::UpdatedAt, e.at.into());
    match &e.change {
        Change::Suspended { reason } | Change::Terminated { reason } => {
            update = update.col_expr(partnership::Column::StatusReason, reason.clone().into());
        }
        Change::Resumed => {
            update = update.col_expr(
                partnership::Column::StatusReason,
                Option::<String>::None.into(),
            );
        }
        _ => {}
    }
    for (column, value) in kept_dates(w.backend, &e.change, s.id.0) {
        update = update.col_expr(column, value);
    }
    let result = update
        .filter(partnership::Column::Id.eq(s.id.0))
        .filter(partnership::Column::Version.eq(i64_of(before.version())))
        .exec(&w.txn)
        .await?;
    w.wrote()?;
    if result.rows_affected != 1 {
        return Err(StoreError::VersionConflict {
            expected: before.version(),
            actual: before.version() + 1,
        });
    }
    tally::moved(w, s.id.0, Some(before.state()), after.state()).await
}
