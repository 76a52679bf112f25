//! Measure outputs: the evaluation framework (KPI selections with their
//! measurements and the latest of each reporting city), measurements with
//! their corrections, feedback from the teams, and evaluations of a cycle.

use super::kpi::KpiDefinition;
use crate::context::loaders;
use crate::error::Result;
use crate::loader::loaded;
use crate::types::{KpiValue, Unit};
use async_graphql::{ComplexObject, Context, SimpleObject};
use c2c_domain::outputs as o;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// A measurement.
#[derive(SimpleObject, Clone, Debug)]
pub struct Measurement {
    /// Identifier.
    pub id: Uuid,
    /// The selection it answers.
    pub selection_id: Uuid,
    /// Reporting city.
    pub city_id: Uuid,
    /// First day.
    pub period_start: NaiveDate,
    /// Last day.
    pub period_end: NaiveDate,
    /// Value.
    pub value: KpiValue,
    /// Source or method.
    pub source: String,
    /// Note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<Uuid>,
    /// Whether a later correction supersedes it.
    pub superseded: bool,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Cycle.
    pub cycle: u32,
}

/// A KPI selected in the evaluation framework.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct KpiSelection {
    /// Identifier.
    pub id: Uuid,
    /// KPI code.
    pub kpi_code: String,
    /// Unit.
    pub unit: Unit,
    /// Aim objective.
    pub objective_id: Option<Uuid>,
    /// Target.
    pub target: Option<KpiValue>,
    /// Reporting cities.
    pub reporting_city_ids: Vec<Uuid>,
    /// Every measurement, corrections included, oldest first.
    pub measurements: Vec<Measurement>,
    /// The latest measurement of each reporting city that no correction
    /// supersedes.
    pub latest_measurements: Vec<Measurement>,
}

#[ComplexObject]
impl KpiSelection {
    /// The KPI's definition.
    async fn kpi(&self, ctx: &Context<'_>) -> Result<Option<KpiDefinition>> {
        let d = loaded(loaders(ctx)?.kpis.load_one(self.kpi_code.clone()).await)?;
        Ok(d.map(|d| d.as_ref().into()))
    }
}

/// A feedback entry.
#[derive(SimpleObject, Clone, Debug)]
pub struct Feedback {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Team or person.
    pub team: String,
    /// Text.
    pub text: String,
    /// When.
    pub on: NaiveDate,
    /// Cycle.
    pub cycle: u32,
}

/// An evaluation of a cycle.
#[derive(SimpleObject, Clone, Debug)]
pub struct Evaluation {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// Explicit "no adjustments".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
    /// Cycle.
    pub cycle: u32,
}

/// A measurement, and whether one of `all` corrects it.
fn measurement(m: &o::Measurement, all: &[o::Measurement]) -> Measurement {
    Measurement {
        id: m.id.0,
        selection_id: m.selection.0,
        city_id: m.city.0,
        period_start: m.period.start,
        period_end: m.period.end,
        value: (&m.value).into(),
        source: m.source.clone(),
        note: m.note.clone(),
        supersedes: m.supersedes.map(|s| s.0),
        superseded: all.iter().any(|x| x.supersedes == Some(m.id)),
        recorded_by: m.recorded_by.0,
        recorded_at: m.recorded_at,
        cycle: m.cycle,
    }
}

/// Every measurement of a partnership, corrections included.
pub fn measurements(out: &o::Outputs) -> Vec<Measurement> {
    let all = &out.measurements;
    all.iter().map(|m| measurement(m, all)).collect()
}

/// What the KPI selections asked in `selections` need read: every
/// measurement when they are asked, otherwise only the latest of each city
/// (chosen by the store).
pub fn kpis_part(selections: &async_graphql::Lookahead<'_>) -> c2c_store::Part {
    if selections.field("measurements").exists() {
        c2c_store::Part::Kpis
    } else {
        c2c_store::Part::LatestKpis
    }
}

/// The evaluation framework of a partnership: each selection with its
/// measurements, and the latest one of each reporting city that no
/// correction supersedes.
pub fn kpi_selections(out: &o::Outputs) -> Vec<KpiSelection> {
    out.selections.iter().map(|s| selection(s, out)).collect()
}

fn selection(s: &o::KpiSelection, out: &o::Outputs) -> KpiSelection {
    let all = &out.measurements;
    let mine: Vec<&o::Measurement> = all.iter().filter(|m| m.selection == s.id).collect();
    let latest = s
        .reporting
        .iter()
        .filter_map(|city| {
            mine.iter()
                .filter(|m| m.city == *city)
                .filter(|m| !all.iter().any(|x| x.supersedes == Some(m.id)))
                .max_by_key(|m| (m.period.end, m.recorded_at))
                .map(|m| measurement(m, all))
        })
        .collect();
    KpiSelection {
        id: s.id.0,
        kpi_code: s.kpi.to_string(),
        unit: s.unit.into(),
        objective_id: s.objective.map(|x| x.0),
        target: s.target.as_ref().map(Into::into),
        reporting_city_ids: s.reporting.iter().map(|c| c.0).collect(),
        measurements: mine.iter().map(|m| measurement(m, all)).collect(),
        latest_measurements: latest,
    }
}

impl From<&o::Feedback> for Feedback {
    fn from(f: &o::Feedback) -> Self {
        Feedback {
            id: f.id.0,
            city_id: f.city.0,
            team: f.team.clone(),
            text: f.text.clone(),
            on: f.on,
            cycle: f.cycle,
        }
    }
}

impl From<&o::Evaluation> for Evaluation {
    fn from(e: &o::Evaluation) -> Self {
        Evaluation {
            id: e.id.0,
            city_id: e.city.0,
            strengths: e.strengths.clone(),
            challenges: e.challenges.clone(),
            no_adjustments: e.no_adjustments,
            on: e.on,
            cycle: e.cycle,
        }
    }
}
