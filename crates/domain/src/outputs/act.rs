//! The Act and Replicate outputs: proposed adjustments and their decisions,
//! the political approvals of a plan version or a decision set, lessons and
//! the ex-post evaluation of the Aim objectives; with their input drafts.

use crate::city::vocabulary;
use crate::{AdjustmentId, CityId, LessonId, ObjectiveId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

vocabulary! {
    /// The outcome of a decision on an adjustment.
    Outcome {
        /// Approved.
        Approved,
        /// Rejected.
        Rejected,
    }
}

/// A decision on an adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Approved or rejected.
    pub outcome: Outcome,
    /// The deciding city.
    pub city: CityId,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A proposed adjustment and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    /// Its identifier.
    pub id: AdjustmentId,
    /// The proposing city.
    pub city: CityId,
    /// The proposal.
    pub proposal: String,
    /// The decision, once made.
    pub decision: Option<Decision>,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// What an approval approves.
    ApprovalSubject {
        /// A version of the cooperation plan.
        Plan,
        /// A version of the set of Act decisions of a cycle.
        Decisions,
    }
}

/// One city's political approval of a plan version or a decision set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved.
    pub version: u32,
    /// The cycle it was recorded in (decision sets belong to a cycle).
    pub cycle: u32,
    /// The approving city.
    pub city: CityId,
    /// Who approved (a council, a mayor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// The reference of the decision.
    pub reference: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The kind of a lesson.
    LessonKind {
        /// What made it work.
        SuccessFactor,
        /// What made it fail.
        FailureFactor,
        /// Knowledge transferred.
        KnowledgeTransfer,
        /// Participation in a platform or network.
        PlatformParticipation,
    }
}

/// A lesson of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// Its identifier.
    pub id: LessonId,
    /// The city.
    pub city: CityId,
    /// Its kind.
    pub kind: LessonKind,
    /// The lesson.
    pub text: String,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// The ex-post evaluation of one Aim objective in a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExPost {
    /// The objective.
    pub objective: ObjectiveId,
    /// The city.
    pub city: CityId,
    /// What was foreseen.
    pub foreseen: String,
    /// What was achieved.
    pub achieved: String,
    /// The gap.
    pub gap: String,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for a decision on an adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDraft {
    /// The adjustment.
    pub adjustment: AdjustmentId,
    /// Approved or rejected.
    pub outcome: Outcome,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
}

/// Input for an approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalDraft {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved (must be the current one).
    pub version: u32,
    /// Who approved.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: String,
}

/// Input for an ex-post evaluation of an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExPostDraft {
    /// The objective.
    pub objective: ObjectiveId,
    /// Foreseen.
    pub foreseen: String,
    /// Achieved.
    pub achieved: String,
    /// Gap.
    pub gap: String,
}
