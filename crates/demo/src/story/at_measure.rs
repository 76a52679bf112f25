//! MEASURE: the evaluation framework (a KPI selection for every KPI the
//! sources measure) and the sourced measurements; and the fillers for
//! `MEASURE_FRAMEWORK` (targets, objectives, reporting cities),
//! `MEASURE_KPI_CAPTURED`, `MEASURE_FEEDBACK` and `MEASURE_EVALUATION`.
//! A filler value or target is a modest placeholder, never a copy of a
//! sourced value (which would read as a second measurement the sources never
//! made); a filler measurement says so in its source and its note.

use super::state::Story;
use crate::common::{FILLER, id};
use crate::data::ValueData;
use crate::plan::Stop;
use anyhow::{Context, Result, bail};
use c2c_domain::outputs::{
    EvaluationDraft, FeedbackDraft, KpiSelection, MeasurementDraft, SelectionDraft,
};
use c2c_domain::{CityId, Command, KpiDefinition, ObjectiveId, RawValue, SelectionId, Unit};
use chrono::NaiveDate;
use rust_decimal::Decimal;

impl Story<'_> {
    /// A sourced measurement (after the selections of the framework).
    pub(super) async fn record_measurement(&mut self, i: usize, stop: &Stop) -> Result<()> {
        self.ensure_selections(stop.leave.is_some()).await?;
        let p = self.p;
        let m = &p.measurements[i];
        let city = self.sx.city(&m.city)?;
        let definition = self.sx.kpi(&m.kpi)?;
        let draft = MeasurementDraft {
            id: id("measurement", &format!("{}:{i}", p.key)).into(),
            selection: id("selection", &format!("{}:{}", p.key, m.kpi)).into(),
            city,
            period_start: m.period_start,
            period_end: m.period_end,
            value: raw(definition.unit, &m.value)
                .with_context(|| format!("{}: measurement of {}", p.key, m.kpi))?,
            source: m.source.clone(),
            note: m.note.clone(),
            supersedes: None,
        };
        self.exec(city, Command::RecordMeasurement(draft)).await
    }

    /// The KPI selections of every KPI the sources measure for this partnership:
    /// the evaluation framework is standing, so it is set up whole. The
    /// sources give no targets: a filler target is set only when the walk
    /// leaves the step (`MEASURE_FRAMEWORK` needs one).
    async fn ensure_selections(&mut self, with_target: bool) -> Result<()> {
        let mut codes: Vec<&str> = Vec::new();
        for m in &self.p.measurements {
            if !codes.contains(&m.kpi.as_str()) {
                codes.push(&m.kpi);
            }
        }
        for code in codes {
            let selection: SelectionId = id("selection", &format!("{}:{code}", self.p.key)).into();
            if self.outputs()?.selections.iter().any(|s| s.id == selection) {
                continue;
            }
            let mut reporting = Vec::new();
            for m in self.p.measurements.iter().filter(|m| m.kpi == code) {
                let c = self.sx.city(&m.city)?;
                if !reporting.contains(&c) {
                    reporting.push(c);
                }
            }
            let definition = self.sx.kpi(code)?.clone();
            let draft = SelectionDraft {
                id: selection,
                target: with_target.then(|| self.target(&definition)),
                objective: self.first_objective()?,
                reporting,
                definition,
            };
            self.exec(self.initiator, Command::SelectKpi(draft)).await?;
        }
        Ok(())
    }

    fn first_objective(&self) -> Result<Option<ObjectiveId>> {
        Ok(self
            .agg()?
            .snapshot()
            .standing
            .objectives()
            .first()
            .map(|o| o.id))
    }

    fn objectives(&self) -> Result<Vec<ObjectiveId>> {
        Ok(self
            .agg()?
            .snapshot()
            .standing
            .objectives()
            .iter()
            .map(|o| o.id)
            .collect())
    }

    /// `MEASURE_FRAMEWORK`: the framework set up (a partnership-quality KPI
    /// when the sources measure nothing), every selection with a target, an
    /// objective of the strategy and a reporting city.
    pub(super) async fn fill_framework(&mut self) -> Result<()> {
        self.ensure_selections(true).await?;
        if self.outputs()?.selections.is_empty() {
            let definition = self.sx.kpi("PARTNERSHIP_QUALITY")?.clone();
            let draft = SelectionDraft {
                id: self.filler(),
                target: Some(self.target(&definition)),
                objective: self.first_objective()?,
                reporting: vec![self.initiator],
                definition,
            };
            self.fill(self.initiator, Command::SelectKpi(draft)).await?;
        }
        let objectives = self.objectives()?;
        let incomplete: Vec<KpiSelection> = self
            .outputs()?
            .selections
            .iter()
            .filter(|s| {
                s.target.is_none()
                    || s.reporting.is_empty()
                    || !s.objective.is_some_and(|o| objectives.contains(&o))
            })
            .cloned()
            .collect();
        for s in incomplete {
            let definition = self.sx.kpi(s.kpi.as_str())?.clone();
            let draft = SelectionDraft {
                id: s.id,
                target: Some(
                    s.target
                        .as_ref()
                        .map(|t| t.to_raw())
                        .unwrap_or_else(|| self.target(&definition)),
                ),
                objective: s
                    .objective
                    .filter(|o| objectives.contains(o))
                    .or(objectives.first().copied()),
                reporting: if s.reporting.is_empty() {
                    vec![self.initiator]
                } else {
                    s.reporting.clone()
                },
                definition,
            };
            self.fill(self.initiator, Command::SelectKpi(draft)).await?;
        }
        Ok(())
    }

    /// `MEASURE_KPI_CAPTURED`: a value of the cycle for every selection and
    /// reporting city that has none, over the cycle up to `on`.
    pub(super) async fn fill_measurements(
        &mut self,
        on: NaiveDate,
        si: usize,
        cycle: u32,
    ) -> Result<()> {
        let o = self.outputs()?;
        let lacking: Vec<(SelectionId, String, CityId)> = o
            .missing_measurements(cycle)
            .into_iter()
            .map(|(s, c)| (s.id, s.kpi.to_string(), c))
            .collect();
        let start = self.walk.cycles[self.walk.stops[si].cycle].start.min(on);
        for (selection, kpi, city) in lacking {
            let definition = self.sx.kpi(&kpi)?.clone();
            let draft = MeasurementDraft {
                id: self.filler(),
                selection,
                city,
                period_start: start,
                period_end: on,
                value: self.filler_value(&definition),
                source: format!(
                    "{FILLER} a value for cycle {cycle}, so that the demo can leave MEASURE"
                ),
                note: format!("{FILLER} a placeholder, not a measured value."),
                supersedes: None,
            };
            self.fill(city, Command::RecordMeasurement(draft)).await?;
        }
        Ok(())
    }

    /// `MEASURE_FEEDBACK`: the counterpart's team's feedback on the cycle.
    pub(super) async fn fill_feedback(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let city = self.counterpart.unwrap_or(self.initiator);
        let draft = FeedbackDraft {
            id: self.filler(),
            team: format!("{} partnership team", self.name(city)),
            text: format!("{FILLER} the teams' feedback on cycle {cycle} is not documented."),
            on,
        };
        self.fill(city, Command::RecordFeedback(draft)).await
    }

    /// `MEASURE_EVALUATION`: an adjustment proposed (when the cycle has
    /// none) and the cycle's evaluation.
    pub(super) async fn fill_evaluation(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        if !self.outputs()?.adjustments.iter().any(|a| a.cycle == cycle) {
            let proposal = format!("{FILLER} revise the cooperation plan for the next cycle.");
            let id = self.filler();
            self.fill(self.initiator, Command::ProposeAdjustment { id, proposal })
                .await?;
        }
        let draft = EvaluationDraft {
            id: self.filler(),
            strengths: format!("{FILLER} strengths of cycle {cycle} not documented."),
            challenges: format!("{FILLER} challenges of cycle {cycle} not documented."),
            no_adjustments: false,
            on,
        };
        self.fill(self.initiator, Command::RecordEvaluation(draft))
            .await
    }

    /// A filler target: a modest placeholder in the KPI's unit.
    fn target(&self, definition: &KpiDefinition) -> RawValue {
        default_value(definition.unit, 1, 4)
    }
}

impl Story<'_> {
    /// A filler measurement's value: a modest placeholder in the KPI's unit
    /// that no sourced measurement of the KPI in this partnership has, so
    /// that it cannot be read as one of them.
    fn filler_value(&self, definition: &KpiDefinition) -> RawValue {
        let sourced: Vec<RawValue> = self
            .p
            .measurements
            .iter()
            .filter(|m| m.kpi == definition.code.as_str())
            .filter_map(|m| raw(definition.unit, &m.value).ok())
            .collect();
        [(1, 3), (2, 2), (3, 4), (4, 1), (5, 5)]
            .into_iter()
            .map(|(count, score)| default_value(definition.unit, count, score))
            .find(|v| !sourced.contains(v))
            .unwrap_or_else(|| default_value(definition.unit, 6, 3))
    }
}

fn default_value(unit: Unit, count: i64, score: i64) -> RawValue {
    let mut raw = RawValue::default();
    match unit {
        Unit::Count => raw.count = Some(count),
        Unit::Score1To5 => raw.score = Some(score),
        Unit::Percent => raw.percent = Some(Decimal::from(49 + count)),
        Unit::Money => {
            raw.amount = Some(Decimal::from(count - 1));
            raw.currency = Some("EUR".into());
        }
        Unit::Text => raw.text = Some(format!("{FILLER} not documented.")),
    }
    raw
}

/// A sourced value in the KPI's unit.
fn raw(unit: Unit, value: &ValueData) -> Result<RawValue> {
    let mut raw = RawValue::default();
    match (unit, value) {
        (Unit::Count, ValueData::Integer(n)) => raw.count = Some(*n),
        (Unit::Score1To5, ValueData::Integer(n)) => raw.score = Some(*n),
        (Unit::Percent, ValueData::Integer(n)) => raw.percent = Some(Decimal::from(*n)),
        (Unit::Text, ValueData::Text(t)) => raw.text = Some(t.clone()),
        (Unit::Money, ValueData::Money(m)) => {
            raw.amount = Some(m.amount);
            raw.currency = Some(m.currency.clone());
        }
        (unit, value) => bail!("the value {value:?} does not fit the unit {}", unit.code()),
    }
    Ok(raw)
}
