//! The cooperation plan (Plan outputs): its header, version and activities
//! (each with its teams, progress and risks from `delivery.rs`), and the
//! approvals of its current version.

use super::act::Approval;
use super::delivery::{ProgressReport, Risk, Team};
use super::derived_id;
use crate::types::{ActivityStatus, Area, Money};
use async_graphql::SimpleObject;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// A funding source.
#[derive(SimpleObject, Clone, Debug)]
pub struct Funding {
    /// How much.
    pub money: Money,
    /// From where.
    pub source: String,
}

/// An activity of the cooperation plan.
#[derive(SimpleObject, Clone, Debug)]
pub struct Activity {
    /// Identifier.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    pub description: String,
    /// Lead city.
    pub lead_city_id: Option<Uuid>,
    /// Lead stakeholder.
    pub lead_stakeholder_id: Option<Uuid>,
    /// Cities involved (empty: both).
    pub city_ids: Vec<Uuid>,
    /// Funding.
    pub funding: Vec<Funding>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources.
    pub resources: Vec<String>,
    /// Status.
    pub status: ActivityStatus,
    /// Teams.
    pub teams: Vec<Team>,
    /// Progress reports.
    pub progress: Vec<ProgressReport>,
    /// Risks.
    pub risks: Vec<Risk>,
}

/// The cooperation plan.
#[derive(SimpleObject, Clone, Debug)]
pub struct Plan {
    /// Identifier (derived from the partnership's: one plan each, its
    /// versions numbered).
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Current version.
    pub version: u32,
    /// The cycle in which the current version was made.
    pub version_cycle: u32,
    /// Activities.
    pub activities: Vec<Activity>,
    /// Approvals of the current version.
    pub approvals: Vec<Approval>,
}

/// The plan of a partnership, with the approvals of its current version.
pub fn plan(partnership: Uuid, out: &o::Outputs) -> Option<Plan> {
    out.plan.as_ref().map(|plan| Plan {
        id: derived_id("plan", partnership, &[]),
        title: plan.title.clone(),
        summary: plan.summary.clone(),
        version: plan.version,
        version_cycle: plan.version_cycle,
        activities: plan.activities.iter().map(Into::into).collect(),
        approvals: out
            .approvals
            .iter()
            .filter(|a| a.subject == o::ApprovalSubject::Plan && a.version == plan.version)
            .map(Into::into)
            .collect(),
    })
}

impl From<&o::Activity> for Activity {
    fn from(a: &o::Activity) -> Self {
        let p = &a.plan;
        Activity {
            id: p.id.0,
            title: p.title.clone(),
            area: p.area.map(Into::into),
            description: p.description.clone(),
            lead_city_id: p.lead_city.map(|c| c.0),
            lead_stakeholder_id: p.lead_stakeholder.map(|s| s.0),
            city_ids: p.cities.iter().map(|c| c.0).collect(),
            funding: p
                .funding
                .iter()
                .map(|f| Funding {
                    money: (&f.money).into(),
                    source: f.source.clone(),
                })
                .collect(),
            start: p.start,
            due: p.due,
            expected_results: p.expected_results.clone(),
            resources: p.resources.clone(),
            status: a.status.into(),
            teams: a.teams.iter().map(Into::into).collect(),
            progress: a.progress.iter().map(Into::into).collect(),
            risks: a.risks.iter().map(Into::into).collect(),
        }
    }
}
