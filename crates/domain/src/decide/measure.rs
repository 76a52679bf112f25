//! The Measure decisions: KPI selections (the evaluation framework),
//! measurements and their corrections, the teams' feedback and evaluations;
//! and how their changes are applied.

use super::common::{duplicate, party};
use crate::city::dedup;
use crate::command::Ctx;
use crate::event::Change;
use crate::kpi::KpiValue;
use crate::outputs::{
    Evaluation, EvaluationDraft, Feedback, FeedbackDraft, KpiSelection, Measurement,
    MeasurementDraft, Outputs, Period, SelectionDraft,
};
use crate::snapshot::Snapshot;
use crate::text::{LONG, SHORT, clean, required};
use crate::value;
use crate::{CityId, DomainError, MeasurementId};

/// Selects a KPI or changes a selection: a city's own KPI only between its
/// parties, and the KPI of a measured selection stays.
pub(super) fn selection(s: &Snapshot, ctx: &Ctx, d: SelectionDraft) -> Result<Change, DomainError> {
    let o = &s.outputs;
    if let Some(owner) = d.definition.owner
        && !s.is_party(owner)
    {
        return Err(DomainError::invalid(
            "kpiCode",
            format!("KPI {} belongs to another city", d.definition.code),
        ));
    }
    if let Some(existing) = o.selections.iter().find(|x| x.id == d.id)
        && existing.kpi != d.definition.code
        && o.measurements.iter().any(|m| m.selection == d.id)
    {
        return Err(DomainError::invalid(
            "kpiCode",
            "the KPI of a selection with measurements cannot change",
        ));
    }
    let mut reporting = Vec::new();
    for c in dedup(d.reporting) {
        reporting.push(party(s, c)?);
    }
    let target = match &d.target {
        Some(raw) => Some(KpiValue::parse(d.definition.unit, raw)?),
        None => None,
    };
    Ok(Change::KpiSelected(KpiSelection {
        id: d.id,
        kpi: d.definition.code,
        unit: d.definition.unit,
        objective: d.objective,
        target,
        reporting,
        recorded_at: ctx.now,
    }))
}

/// A measurement, by a city that reports the KPI, for itself.
pub(super) fn measurement(
    s: &Snapshot,
    ctx: &Ctx,
    d: MeasurementDraft,
) -> Result<Change, DomainError> {
    let o = &s.outputs;
    let selection =
        o.selections
            .iter()
            .find(|x| x.id == d.selection)
            .ok_or(DomainError::NotFound {
                what: "KPI selection",
                id: d.selection.to_string(),
            })?;
    let city = party(s, d.city)?;
    if city != ctx.city {
        return Err(DomainError::forbidden(
            "a city records only its own measurements",
        ));
    }
    if !selection.reporting.contains(&city) {
        return Err(DomainError::invalid(
            "cityId",
            format!("city {city} does not report {}", selection.kpi),
        ));
    }
    if d.period_end < d.period_start {
        return Err(DomainError::invalid(
            "periodEnd",
            format!(
                "the period ends ({}) before it starts ({})",
                d.period_end, d.period_start
            ),
        ));
    }
    value::happened("periodStart", d.period_start, ctx.now)?;
    value::planned("periodEnd", d.period_end)?;
    if o.measurements.iter().any(|m| m.id == d.id) {
        return Err(duplicate("measurement"));
    }
    if let Some(old) = d.supersedes {
        check_supersedes(o, &d, city, old)?;
    }
    Ok(Change::MeasurementRecorded(Measurement {
        id: d.id,
        selection: d.selection,
        city,
        period: Period {
            start: d.period_start,
            end: d.period_end,
        },
        value: KpiValue::parse(selection.unit, &d.value)?,
        source: required("source", &d.source, SHORT)?,
        note: clean("note", &d.note, LONG)?,
        supersedes: d.supersedes,
        recorded_by: ctx.actor,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// A correction supersedes a measurement of the same KPI and city, once.
fn check_supersedes(
    o: &Outputs,
    d: &MeasurementDraft,
    city: CityId,
    old: MeasurementId,
) -> Result<(), DomainError> {
    let m = o
        .measurements
        .iter()
        .find(|m| m.id == old)
        .ok_or(DomainError::NotFound {
            what: "measurement",
            id: old.to_string(),
        })?;
    if m.selection != d.selection || m.city != city {
        return Err(DomainError::invalid(
            "supersedes",
            "a correction supersedes a measurement of the same KPI and city",
        ));
    }
    if o.measurements.iter().any(|x| x.supersedes == Some(old)) {
        return Err(DomainError::invalid(
            "supersedes",
            "that measurement has already been superseded",
        ));
    }
    Ok(())
}

/// Feedback from the teams, in the current cycle.
pub(super) fn feedback(s: &Snapshot, ctx: &Ctx, d: FeedbackDraft) -> Result<Change, DomainError> {
    value::happened("on", d.on, ctx.now)?;
    if s.outputs.feedback.iter().any(|f| f.id == d.id) {
        return Err(duplicate("feedback"));
    }
    Ok(Change::FeedbackRecorded(Feedback {
        id: d.id,
        city: ctx.city,
        team: required("team", &d.team, SHORT)?,
        text: required("text", &d.text, LONG)?,
        on: d.on,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// An evaluation of the current cycle.
pub(super) fn evaluation(
    s: &Snapshot,
    ctx: &Ctx,
    d: EvaluationDraft,
) -> Result<Change, DomainError> {
    value::happened("on", d.on, ctx.now)?;
    if s.outputs.evaluations.iter().any(|e| e.id == d.id) {
        return Err(duplicate("evaluation"));
    }
    Ok(Change::EvaluationRecorded(Evaluation {
        id: d.id,
        city: ctx.city,
        strengths: clean("strengths", &d.strengths, LONG)?,
        challenges: clean("challenges", &d.challenges, LONG)?,
        no_adjustments: d.no_adjustments,
        on: d.on,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// Applies a Measure change.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let o = &mut s.outputs;
    match change {
        Change::KpiSelected(x) => match o.selections.iter_mut().find(|y| y.id == x.id) {
            Some(y) => *y = x.clone(),
            None => o.selections.push(x.clone()),
        },
        Change::MeasurementRecorded(m) => o.measurements.push(m.clone()),
        Change::FeedbackRecorded(f) => o.feedback.push(f.clone()),
        Change::EvaluationRecorded(e) => o.evaluations.push(e.clone()),
        _ => {}
    }
}
