//! Delivery inputs (Do): a city's team for an activity, a progress report,
//! and a risk.

use super::common::Given;
use crate::types::{ActivityStatus, Level, RiskStatus};
use async_graphql::InputObject;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// The acting city's team for an activity.
#[derive(InputObject, Clone, Debug)]
pub struct TeamInput {
    /// The activity.
    pub activity_id: Uuid,
    /// Name.
    pub name: String,
    /// Members.
    #[graphql(default)]
    pub members: Vec<String>,
    /// Responsibilities.
    #[graphql(default)]
    pub responsibilities: String,
}

impl From<TeamInput> for o::TeamDraft {
    fn from(i: TeamInput) -> Self {
        o::TeamDraft {
            activity: i.activity_id.into(),
            name: i.name,
            members: i.members,
            responsibilities: i.responsibilities,
        }
    }
}

/// A progress report.
#[derive(InputObject, Clone, Debug)]
pub struct ProgressInput {
    /// The activity.
    pub activity_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The activity's status after the report.
    pub status: ActivityStatus,
    /// Why the activity is cancelled: required with `CANCELLED` (which makes
    /// a new plan version), refused with any other status.
    pub reason: Option<String>,
    /// Percent complete, 0 to 100.
    pub percent: Option<i64>,
}

impl From<Given<ProgressInput>> for o::ProgressDraft {
    fn from(Given { input: i, ids, .. }: Given<ProgressInput>) -> Self {
        o::ProgressDraft {
            id: ids.fresh().into(),
            activity: i.activity_id.into(),
            on: i.on,
            summary: i.summary,
            status: i.status.into(),
            reason: i.reason,
            percent: i.percent,
        }
    }
}

/// A risk (new, or changed when `id` names one).
#[derive(InputObject, Clone, Debug)]
pub struct RiskInput {
    /// The risk to change; new if absent.
    pub id: Option<Uuid>,
    /// The activity.
    pub activity_id: Uuid,
    /// The risk.
    pub description: String,
    /// Likelihood.
    pub likelihood: Level,
    /// Impact.
    pub impact: Level,
    /// Mitigation.
    pub mitigation: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status.
    pub status: RiskStatus,
}

impl From<Given<RiskInput>> for o::RiskDraft {
    fn from(Given { input: i, ids, .. }: Given<RiskInput>) -> Self {
        o::RiskDraft {
            id: ids.or_fresh(i.id).into(),
            activity: i.activity_id.into(),
            description: i.description,
            likelihood: i.likelihood.into(),
            impact: i.impact.into(),
            mitigation: i.mitigation,
            owner: i.owner,
            status: i.status.into(),
        }
    }
}
