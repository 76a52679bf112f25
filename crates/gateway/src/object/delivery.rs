//! Delivery outputs (Do): each city's team for an activity, progress reports
//! and risks. They are read as part of their activity (`plan.rs`).

use super::derived_id;
use crate::types::{ActivityStatus, Level, RiskStatus};
use async_graphql::SimpleObject;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// A team of one city.
#[derive(SimpleObject, Clone, Debug)]
pub struct Team {
    /// Identifier (derived from the city and the time it was recorded).
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Name.
    pub name: String,
    /// Members.
    pub members: Vec<String>,
    /// Responsibilities.
    pub responsibilities: String,
}

/// A progress report.
#[derive(SimpleObject, Clone, Debug)]
pub struct ProgressReport {
    /// Identifier.
    pub id: Uuid,
    /// Reporting city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Summary.
    pub summary: String,
    /// Status after the report.
    pub status: ActivityStatus,
    /// Why the activity was cancelled (a cancellation only).
    pub reason: Option<String>,
    /// Percent complete.
    pub percent: Option<u8>,
    /// Cycle.
    pub cycle: u32,
}

/// A risk.
#[derive(SimpleObject, Clone, Debug)]
pub struct Risk {
    /// Identifier.
    pub id: Uuid,
    /// Recording city.
    pub city_id: Uuid,
    /// The risk.
    pub description: String,
    /// Likelihood.
    pub likelihood: Level,
    /// Impact.
    pub impact: Level,
    /// High: likelihood or impact high.
    pub high: bool,
    /// Mitigation.
    pub mitigation: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status.
    pub status: RiskStatus,
}

impl From<&o::Team> for Team {
    fn from(t: &o::Team) -> Self {
        Team {
            id: derived_id("team", t.city.0, &[&t.recorded_at.to_rfc3339()]),
            city_id: t.city.0,
            name: t.name.clone(),
            members: t.members.clone(),
            responsibilities: t.responsibilities.clone(),
        }
    }
}

impl From<&o::ProgressReport> for ProgressReport {
    fn from(r: &o::ProgressReport) -> Self {
        ProgressReport {
            id: r.id.0,
            city_id: r.city.0,
            on: r.on,
            summary: r.summary.clone(),
            status: r.status.into(),
            reason: r.reason.clone(),
            percent: r.percent,
            cycle: r.cycle,
        }
    }
}

impl From<&o::Risk> for Risk {
    fn from(r: &o::Risk) -> Self {
        Risk {
            id: r.id.0,
            city_id: r.city.0,
            description: r.description.clone(),
            likelihood: r.likelihood.into(),
            impact: r.impact.into(),
            high: r.is_high(),
            mitigation: r.mitigation.clone(),
            owner: r.owner.clone(),
            status: r.status.into(),
        }
    }
}
