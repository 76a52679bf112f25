//! The Measure outputs: the KPIs selected for the evaluation framework, their
//! measurements, the teams' feedback and the evaluation of a cycle; with their
//! input drafts.

use crate::kpi::{KpiCode, KpiDefinition, KpiValue, RawValue, Unit};
use crate::{AccountId, CityId, EvaluationId, FeedbackId, MeasurementId, ObjectiveId, SelectionId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A KPI selected in the evaluation framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiSelection {
    /// Its identifier.
    pub id: SelectionId,
    /// The KPI.
    pub kpi: KpiCode,
    /// Its unit (copied from the definition).
    pub unit: Unit,
    /// The Aim objective it measures.
    pub objective: Option<ObjectiveId>,
    /// The target.
    pub target: Option<KpiValue>,
    /// The cities that report it.
    pub reporting: Vec<CityId>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A measurement period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A KPI measurement. Corrections are new measurements that supersede old ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Its identifier.
    pub id: MeasurementId,
    /// The selection it answers.
    pub selection: SelectionId,
    /// The reporting city.
    pub city: CityId,
    /// The period.
    pub period: Period,
    /// The value.
    pub value: KpiValue,
    /// Its source or method.
    pub source: String,
    /// A note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<MeasurementId>,
    /// Who recorded it.
    pub recorded_by: AccountId,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A feedback entry from the teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// Its identifier.
    pub id: FeedbackId,
    /// The city.
    pub city: CityId,
    /// The team or person giving it.
    pub team: String,
    /// The feedback.
    pub text: String,
    /// When.
    pub on: NaiveDate,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// The evaluation of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Its identifier.
    pub id: EvaluationId,
    /// The city.
    pub city: CityId,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// An explicit "no adjustments needed".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for a KPI selection (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionDraft {
    /// Identifier: new, or of the selection to change.
    pub id: SelectionId,
    /// The KPI definition (looked up by the caller).
    pub definition: KpiDefinition,
    /// The Aim objective it measures.
    pub objective: Option<ObjectiveId>,
    /// The target, in the KPI's unit.
    pub target: Option<RawValue>,
    /// The reporting cities.
    pub reporting: Vec<CityId>,
}

/// Input for a measurement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementDraft {
    /// New identifier.
    pub id: MeasurementId,
    /// The selection.
    pub selection: SelectionId,
    /// The reporting city.
    pub city: CityId,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// The value.
    pub value: RawValue,
    /// Source or method.
    pub source: String,
    /// Note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<MeasurementId>,
}

/// Input for a feedback entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    /// New identifier.
    pub id: FeedbackId,
    /// Team or person.
    pub team: String,
    /// Text.
    pub text: String,
    /// When.
    pub on: NaiveDate,
}

/// Input for an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDraft {
    /// New identifier.
    pub id: EvaluationId,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// Explicit "no adjustments".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
}
