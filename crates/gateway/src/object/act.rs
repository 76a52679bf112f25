//! Act outputs: proposed adjustments with their decisions, and each city's
//! political approvals (of a plan version or of a cycle's decision set).

use super::derived_id;
use crate::types::{ApprovalSubject, Outcome};
use async_graphql::SimpleObject;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// A decision on an adjustment.
#[derive(SimpleObject, Clone, Debug)]
pub struct Decision {
    /// Identifier (derived from the deciding city, the adjustment and the
    /// time it was recorded).
    pub id: Uuid,
    /// Approved or rejected.
    pub outcome: Outcome,
    /// Deciding city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
}

/// A proposed adjustment.
#[derive(SimpleObject, Clone, Debug)]
pub struct Adjustment {
    /// Identifier.
    pub id: Uuid,
    /// Proposing city.
    pub city_id: Uuid,
    /// Proposal.
    pub proposal: String,
    /// Decision.
    pub decision: Option<Decision>,
    /// Cycle.
    pub cycle: u32,
}

/// One city's political approval.
#[derive(SimpleObject, Clone, Debug)]
pub struct Approval {
    /// Identifier (derived from the city, what it approved and the time it
    /// was recorded).
    pub id: Uuid,
    /// What.
    pub subject: ApprovalSubject,
    /// Version approved.
    pub version: u32,
    /// Cycle.
    pub cycle: u32,
    /// City.
    pub city_id: Uuid,
    /// Who.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: String,
}

impl From<&o::Adjustment> for Adjustment {
    fn from(a: &o::Adjustment) -> Self {
        Adjustment {
            id: a.id.0,
            city_id: a.city.0,
            proposal: a.proposal.clone(),
            decision: a.decision.as_ref().map(|d| Decision {
                id: derived_id(
                    "decision",
                    d.city.0,
                    &[&a.id.0, &d.recorded_at.to_rfc3339()],
                ),
                outcome: d.outcome.into(),
                city_id: d.city.0,
                on: d.on,
                note: d.note.clone(),
            }),
            cycle: a.cycle,
        }
    }
}

impl From<&o::Approval> for Approval {
    fn from(a: &o::Approval) -> Self {
        let key: [&dyn std::fmt::Display; 4] = [
            &a.subject.code(),
            &a.version,
            &a.cycle,
            &a.recorded_at.to_rfc3339(),
        ];
        Approval {
            id: derived_id("approval", a.city.0, &key),
            subject: a.subject.into(),
            version: a.version,
            cycle: a.cycle,
            city_id: a.city.0,
            by: a.by.clone(),
            on: a.on,
            reference: a.reference.clone(),
        }
    }
}
