//! The Plan and Do outputs: the cooperation plan, versioned, with its
//! activities (the planned part, which changing makes a new plan version) and
//! their delivery (teams, progress reports, risks); with their input drafts.

use crate::city::{Area, vocabulary};
use crate::money::Money;
use crate::{ActivityId, CityId, ProgressId, RiskId, StakeholderId};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

vocabulary! {
    /// The status of an activity.
    ActivityStatus {
        /// Not started.
        Planned,
        /// Being delivered.
        InProgress,
        /// Done.
        Completed,
        /// Dropped.
        Cancelled,
    }
}

/// A funding source of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// How much.
    pub money: Money,
    /// From where (city budget, EU programme, ...).
    pub source: String,
}

/// The planned part of an activity: changing it changes the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPlan {
    /// Its identifier.
    pub id: ActivityId,
    /// Its title.
    pub title: String,
    /// Its area.
    pub area: Option<Area>,
    /// What it is.
    pub description: String,
    /// The lead city.
    pub lead_city: Option<CityId>,
    /// The lead stakeholder (of the lead city).
    pub lead_stakeholder: Option<StakeholderId>,
    /// The cities involved (each must provide a team).
    pub cities: Vec<CityId>,
    /// Funding sources.
    pub funding: Vec<Funding>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources (staff, space, equipment).
    pub resources: Vec<String>,
}

/// A team of one city for an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// The city.
    pub city: CityId,
    /// The team's name.
    pub name: String,
    /// Its members.
    pub members: Vec<String>,
    /// Its responsibilities.
    pub responsibilities: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A progress report on an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    /// Its identifier.
    pub id: ProgressId,
    /// The reporting city.
    pub city: CityId,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The status of the activity after this report.
    pub status: ActivityStatus,
    /// Why the activity was cancelled (a cancellation only).
    pub reason: Option<String>,
    /// Percent complete, if known.
    pub percent: Option<u8>,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// Likelihood or impact of a risk.
    Level {
        /// Low.
        Low,
        /// Medium.
        Medium,
        /// High.
        High,
    }
}

vocabulary! {
    /// The status of a risk.
    RiskStatus {
        /// Still a threat.
        Open,
        /// Mitigated.
        Mitigated,
        /// No longer relevant.
        Closed,
    }
}

/// A risk of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    /// Its identifier.
    pub id: RiskId,
    /// The city that recorded it.
    pub city: CityId,
    /// The risk.
    pub description: String,
    /// How likely.
    pub likelihood: Level,
    /// How bad.
    pub impact: Level,
    /// The mitigation.
    pub mitigation: Option<String>,
    /// Who owns it.
    pub owner: Option<String>,
    /// Its status.
    pub status: RiskStatus,
    /// When it was recorded (last changed).
    pub recorded_at: DateTime<Utc>,
}

impl Risk {
    /// A risk is high when its likelihood or its impact is high.
    pub fn is_high(&self) -> bool {
        self.likelihood == Level::High || self.impact == Level::High
    }
}

/// An activity of the cooperation plan, with its delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The planned part.
    pub plan: ActivityPlan,
    /// Its status (set by progress reports).
    pub status: ActivityStatus,
    /// One team per city.
    pub teams: Vec<Team>,
    /// Progress reports, oldest first.
    pub progress: Vec<ProgressReport>,
    /// Risks.
    pub risks: Vec<Risk>,
}

impl Activity {
    /// Under way on `on`: in progress, or planned to start on or before it.
    pub fn is_under_way(&self, on: NaiveDate) -> bool {
        match self.status {
            ActivityStatus::InProgress => true,
            ActivityStatus::Planned => self.plan.start.is_some_and(|s| s <= on),
            ActivityStatus::Completed | ActivityStatus::Cancelled => false,
        }
    }
}

/// The cooperation plan, versioned: every change to its planned content makes a
/// new version, and approvals are of one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Its title.
    pub title: String,
    /// A summary.
    pub summary: String,
    /// The current version.
    pub version: u32,
    /// The cycle in which the current version was made.
    pub version_cycle: u32,
    /// The activities.
    pub activities: Vec<Activity>,
}

impl Plan {
    /// The activities under way on `on`.
    pub fn under_way(&self, on: NaiveDate) -> impl Iterator<Item = &Activity> {
        self.activities.iter().filter(move |a| a.is_under_way(on))
    }

    /// The activity with this identifier.
    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| a.plan.id == id)
    }
}

/// Input for a funding source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingDraft {
    /// Amount.
    pub amount: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// Source.
    pub source: String,
}

/// Input for an activity (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDraft {
    /// Identifier: new, or of the activity to change.
    pub id: ActivityId,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    pub description: String,
    /// Lead city.
    pub lead_city: Option<CityId>,
    /// Lead stakeholder.
    pub lead_stakeholder: Option<StakeholderId>,
    /// Cities involved; empty means both cities.
    pub cities: Vec<CityId>,
    /// Funding.
    pub funding: Vec<FundingDraft>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources.
    pub resources: Vec<String>,
}

/// Input for a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamDraft {
    /// The activity.
    pub activity: ActivityId,
    /// Name.
    pub name: String,
    /// Members.
    pub members: Vec<String>,
    /// Responsibilities.
    pub responsibilities: String,
}

/// Input for a progress report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressDraft {
    /// New identifier.
    pub id: ProgressId,
    /// The activity.
    pub activity: ActivityId,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The activity's status after the report.
    pub status: ActivityStatus,
    /// Why the activity is cancelled: required for a cancellation, refused
    /// otherwise.
    pub reason: Option<String>,
    /// Percent complete.
    pub percent: Option<i64>,
}

/// Input for a risk (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskDraft {
    /// Identifier: new, or of the risk to change.
    pub id: RiskId,
    /// The activity.
    pub activity: ActivityId,
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
