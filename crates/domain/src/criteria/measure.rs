//! The Measure criteria: an evaluation framework of linked, targeted KPIs,
//! their measurements in the cycle, the teams' feedback and an evaluation.

use crate::outputs::KpiSelection;
use crate::snapshot::Snapshot;
use crate::standing::Objective;

/// `MEASURE_FRAMEWORK`.
pub(super) fn framework(p: &Snapshot) -> Option<String> {
    let selections = &p.outputs.selections;
    if selections.is_empty() {
        return Some("no KPI has been selected for the evaluation framework".into());
    }
    let objectives = p.standing.objectives();
    let problems: Vec<String> = selections
        .iter()
        .filter_map(|s| {
            let missing = lacking(s, objectives);
            (!missing.is_empty()).then(|| format!("{} lacks {}", s.kpi, missing.join(", ")))
        })
        .collect();
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// What a KPI selection lacks.
fn lacking(s: &KpiSelection, objectives: &[Objective]) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !s
        .objective
        .is_some_and(|id| objectives.iter().any(|x| x.id == id))
    {
        missing.push("a link to an Aim objective");
    }
    if s.target.is_none() {
        missing.push("a target");
    }
    if s.reporting.is_empty() {
        missing.push("a reporting city");
    }
    missing
}

/// `MEASURE_KPI_CAPTURED`.
pub(super) fn kpi_captured(p: &Snapshot) -> Option<String> {
    let cycle = p.state.cycle;
    let missing: Vec<String> = p
        .outputs
        .missing_measurements(cycle)
        .iter()
        .map(|(s, c)| format!("{} from city {c}", s.kpi))
        .collect();
    (!missing.is_empty())
        .then(|| format!("no measurement in cycle {cycle} of {}", missing.join(", ")))
}

/// `MEASURE_FEEDBACK`.
pub(super) fn feedback(p: &Snapshot) -> Option<String> {
    let cycle = p.state.cycle;
    (!p.outputs.feedback.iter().any(|f| f.cycle == cycle))
        .then(|| format!("no feedback from the teams in cycle {cycle}"))
}

/// `MEASURE_EVALUATION`: the latest evaluation of the cycle counts.
pub(super) fn evaluation(p: &Snapshot) -> Option<String> {
    let o = &p.outputs;
    let cycle = p.state.cycle;
    let evaluation = o
        .evaluations
        .iter()
        .filter(|e| e.cycle == cycle)
        .max_by_key(|e| (e.on, e.recorded_at));
    let Some(e) = evaluation else {
        return Some(format!("no evaluation of cycle {cycle}"));
    };
    let mut missing = Vec::new();
    if e.strengths.is_empty() {
        missing.push("strengths");
    }
    if e.challenges.is_empty() {
        missing.push("challenges");
    }
    if !e.no_adjustments && !o.adjustments.iter().any(|a| a.cycle == cycle) {
        missing.push("proposed adjustments (or an explicit none)");
    }
    (!missing.is_empty()).then(|| format!("the evaluation lacks {}", missing.join(", ")))
}
