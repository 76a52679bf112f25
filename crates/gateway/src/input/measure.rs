//! Measure inputs: a KPI value, a KPI selected in the evaluation framework, a
//! measurement, feedback from the teams, and an evaluation of the cycle.

use super::common::Given;
use async_graphql::InputObject;
use c2c_domain::outputs as o;
use c2c_domain::{CityId, KpiDefinition, RawValue};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

/// A KPI value: give the field of the KPI's unit.
#[derive(InputObject, Clone, Debug, Default)]
pub struct KpiValueInput {
    /// For `COUNT`: a non-negative integer.
    pub count: Option<i64>,
    /// For `MONEY`: the amount.
    pub amount: Option<Decimal>,
    /// For `MONEY`: the ISO 4217 currency.
    pub currency: Option<String>,
    /// For `PERCENT`: 0 to 100.
    pub percent: Option<Decimal>,
    /// For `SCORE_1_5`: 1 to 5.
    pub score: Option<i64>,
    /// For `TEXT`.
    pub text: Option<String>,
}

impl From<KpiValueInput> for RawValue {
    fn from(v: KpiValueInput) -> Self {
        RawValue {
            count: v.count,
            amount: v.amount,
            currency: v.currency,
            percent: v.percent,
            score: v.score,
            text: v.text,
        }
    }
}

/// A KPI selected in the evaluation framework (new, or changed when `id`
/// names one).
#[derive(InputObject, Clone, Debug)]
pub struct KpiSelectionInput {
    /// The selection to change; new if absent.
    pub id: Option<Uuid>,
    /// KPI code.
    pub kpi_code: String,
    /// The Aim objective it measures.
    pub objective_id: Option<Uuid>,
    /// The target, in the KPI's unit.
    pub target: Option<KpiValueInput>,
    /// The cities that report it.
    #[graphql(default)]
    pub reporting_city_ids: Vec<Uuid>,
}

impl From<Given<KpiSelectionInput, KpiDefinition>> for o::SelectionDraft {
    fn from(g: Given<KpiSelectionInput, KpiDefinition>) -> Self {
        let (i, definition) = (g.input, g.with);
        o::SelectionDraft {
            id: g.ids.or_fresh(i.id).into(),
            definition,
            objective: i.objective_id.map(Into::into),
            target: i.target.map(Into::into),
            reporting: i.reporting_city_ids.into_iter().map(CityId).collect(),
        }
    }
}

/// A KPI measurement.
#[derive(InputObject, Clone, Debug)]
pub struct MeasurementInput {
    /// The selection it answers.
    pub selection_id: Uuid,
    /// The reporting city (the acting city).
    pub city_id: Uuid,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// The value, in the KPI's unit.
    pub value: KpiValueInput,
    /// Source or method.
    pub source: String,
    /// Note.
    #[graphql(default)]
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<Uuid>,
}

impl From<Given<MeasurementInput>> for o::MeasurementDraft {
    fn from(Given { input: i, ids, .. }: Given<MeasurementInput>) -> Self {
        o::MeasurementDraft {
            id: ids.fresh().into(),
            selection: i.selection_id.into(),
            city: CityId(i.city_id),
            period_start: i.period_start,
            period_end: i.period_end,
            value: i.value.into(),
            source: i.source,
            note: i.note,
            supersedes: i.supersedes.map(Into::into),
        }
    }
}

/// A feedback entry.
#[derive(InputObject, Clone, Debug)]
pub struct FeedbackInput {
    /// Team or person.
    pub team: String,
    /// Feedback.
    pub text: String,
    /// When.
    pub on: NaiveDate,
}

impl From<Given<FeedbackInput>> for o::FeedbackDraft {
    fn from(Given { input: i, ids, .. }: Given<FeedbackInput>) -> Self {
        o::FeedbackDraft {
            id: ids.fresh().into(),
            team: i.team,
            text: i.text,
            on: i.on,
        }
    }
}

/// An evaluation of the current cycle.
#[derive(InputObject, Clone, Debug)]
pub struct EvaluationInput {
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// An explicit "no adjustments needed".
    #[graphql(default)]
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
}

impl From<Given<EvaluationInput>> for o::EvaluationDraft {
    fn from(Given { input: i, ids, .. }: Given<EvaluationInput>) -> Self {
        o::EvaluationDraft {
            id: ids.fresh().into(),
            strengths: i.strengths,
            challenges: i.challenges,
            no_adjustments: i.no_adjustments,
            on: i.on,
        }
    }
}
