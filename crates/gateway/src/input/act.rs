//! Act inputs: a decision on an adjustment, and a city's political approval
//! of the plan version or the decision set (an adjustment's proposal is an
//! argument of `recordAdjustment`).

use crate::types::{ApprovalSubject, Outcome};
use async_graphql::InputObject;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// A decision on an adjustment.
#[derive(InputObject, Clone, Debug)]
pub struct DecisionInput {
    /// The adjustment.
    pub adjustment_id: Uuid,
    /// Approved or rejected.
    pub outcome: Outcome,
    /// When.
    pub on: NaiveDate,
    /// Why.
    #[graphql(default)]
    pub note: String,
}

impl From<DecisionInput> for o::DecisionDraft {
    fn from(i: DecisionInput) -> Self {
        o::DecisionDraft {
            adjustment: i.adjustment_id.into(),
            outcome: i.outcome.into(),
            on: i.on,
            note: i.note,
        }
    }
}

/// One city's approval of the plan version or the decision set.
#[derive(InputObject, Clone, Debug)]
pub struct ApprovalInput {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved (must be the current one).
    pub version: u32,
    /// Who approved (a council, a mayor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference of the decision.
    #[graphql(default)]
    pub reference: String,
}

impl From<ApprovalInput> for o::ApprovalDraft {
    fn from(i: ApprovalInput) -> Self {
        o::ApprovalDraft {
            subject: i.subject.into(),
            version: i.version,
            by: i.by,
            on: i.on,
            reference: i.reference,
        }
    }
}
