//! Act: adjustments with their decisions, and the approvals of plan versions
//! and decision sets. The entities, the rows as domain values and each as a
//! row.

use super::common::loaded;
use crate::Writer;
use crate::convert::{code, i32_of, parse, u32_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use c2c_domain::outputs::{Adjustment, Approval, Decision};
use c2c_domain::{AdjustmentId, CityId};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

entity!(adjustment, "adjustment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub proposal: String,
    pub cycle: i32,
    pub decision_outcome: Option<String>,
    pub decision_city_id: Option<Uuid>,
    pub decided_on: Option<Date>,
    pub decision_note: Option<String>,
    pub decision_recorded_at: Option<DateTimeUtc>,
    pub recorded_at: DateTimeUtc,
});

entity!(approval, "approval", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub approved_by: String,
    pub approved_on: Date,
    pub reference: String,
    pub recorded_at: DateTimeUtc,
});

fn adjustment_from(m: adjustment::Model) -> Result<Adjustment> {
    let decision = match (
        m.decision_outcome,
        m.decision_city_id,
        m.decided_on,
        m.decision_recorded_at,
    ) {
        (Some(outcome), Some(city), Some(on), Some(recorded_at)) => Some(Decision {
            outcome: parse("decision outcome", &outcome)?,
            city: CityId(city),
            on,
            note: m.decision_note.unwrap_or_default(),
            recorded_at,
        }),
        (None, None, None, None) => None,
        _ => {
            return Err(StoreError::corrupt(format!(
                "adjustment {} has a partial decision",
                m.id
            )));
        }
    };
    Ok(Adjustment {
        id: m.id.into(),
        city: CityId(m.city_id),
        proposal: m.proposal,
        decision,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

/// A proposed adjustment's row: no decision yet.
fn adjustment_row(pid: Uuid, a: &Adjustment) -> adjustment::ActiveModel {
    adjustment::ActiveModel {
        id: Set(a.id.0),
        partnership_id: Set(pid),
        city_id: Set(a.city.0),
        proposal: Set(a.proposal.clone()),
        cycle: Set(i32_of(a.cycle)),
        decision_outcome: Set(None),
        decision_city_id: Set(None),
        decided_on: Set(None),
        decision_note: Set(None),
        decision_recorded_at: Set(None),
        recorded_at: Set(a.recorded_at),
    }
}

fn approval_from(m: approval::Model) -> Result<Approval> {
    Ok(Approval {
        subject: parse("approval subject", &m.subject)?,
        version: u32_of("approval version", m.version)?,
        cycle: u32_of("cycle", m.cycle)?,
        city: CityId(m.city_id),
        by: m.approved_by,
        on: m.approved_on,
        reference: m.reference,
        recorded_at: m.recorded_at,
    })
}

fn approval_row(pid: Uuid, a: &Approval) -> approval::ActiveModel {
    approval::ActiveModel {
        partnership_id: Set(pid),
        subject: Set(code(a.subject)),
        version: Set(i32_of(a.version)),
        cycle: Set(i32_of(a.cycle)),
        city_id: Set(a.city.0),
        approved_by: Set(a.by.clone()),
        approved_on: Set(a.on),
        reference: Set(a.reference.clone()),
        recorded_at: Set(a.recorded_at),
    }
}

loaded!(
    adjustment => adjustments via adjustment_from,
    approval => approvals via approval_from,
);

/// `AdjustmentProposed`.
pub(super) async fn propose(w: &mut Writer, pid: Uuid, a: &Adjustment) -> Result<()> {
    w.insert(adjustment_row(pid, a)).await
}

/// `AdjustmentDecided`: the decision, written on its adjustment.
pub(super) async fn decide(
    w: &mut Writer,
    pid: Uuid,
    id: AdjustmentId,
    d: &Decision,
) -> Result<()> {
    adjustment::Entity::update_many()
        .col_expr(adjustment::Column::DecisionOutcome, code(d.outcome).into())
        .col_expr(adjustment::Column::DecisionCityId, d.city.0.into())
        .col_expr(adjustment::Column::DecidedOn, d.on.into())
        .col_expr(adjustment::Column::DecisionNote, d.note.clone().into())
        .col_expr(adjustment::Column::DecisionRecordedAt, d.recorded_at.into())
        .filter(adjustment::Column::Id.eq(id.0))
        .filter(adjustment::Column::PartnershipId.eq(pid))
        .exec(&w.txn)
        .await?;
    w.wrote()
}

/// `Approved`.
pub(super) async fn approve(w: &mut Writer, pid: Uuid, a: &Approval) -> Result<()> {
    w.insert(approval_row(pid, a)).await
}
