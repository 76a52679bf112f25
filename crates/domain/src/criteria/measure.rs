//! The Measure criteria: an evaluation framework of linked, targeted KPIs,
//! their measurements in the cycle, the teams' feedback and an evaluation.

use crate::message::{Arg, Message, terms};
use crate::outputs::KpiSelection;
use crate::snapshot::Snapshot;
use crate::standing::Objective;

/// `MEASURE_FRAMEWORK`.
pub(super) fn framework(p: &Snapshot) -> Option<Message> {
    let selections = &p.outputs.selections;
    if selections.is_empty() {
        return Some(Message::new("unmet-no-kpi-selected"));
    }
    let objectives = p.standing.objectives();
    let problems: Vec<Message> = selections
        .iter()
        .filter_map(|s| {
            let missing = lacking(s, objectives);
            (!missing.is_empty()).then(|| {
                Message::new("unmet-kpi-lacks")
                    .with("kpi", vec![s.kpi.as_str()])
                    .with("missing", terms(&missing))
            })
        })
        .collect();
    (!problems.is_empty()).then(|| Message::new("unmet-parts").with("parts", Arg::Parts(problems)))
}

/// What a KPI selection lacks.
fn lacking(s: &KpiSelection, objectives: &[Objective]) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !s
        .objective
        .is_some_and(|id| objectives.iter().any(|x| x.id == id))
    {
        missing.push("lacks-objective-link");
    }
    if s.target.is_none() {
        missing.push("lacks-target");
    }
    if s.reporting.is_empty() {
        missing.push("lacks-reporting-city");
    }
    missing
}

/// `MEASURE_KPI_CAPTURED`.
pub(super) fn kpi_captured(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    let missing: Vec<Message> = p
        .outputs
        .missing_measurements(cycle)
        .iter()
        .map(|(s, c)| {
            Message::new("kpi-from-city")
                .with("kpi", vec![s.kpi.as_str()])
                .with("city", *c)
        })
        .collect();
    (!missing.is_empty()).then(|| {
        Message::new("unmet-measurements-missing")
            .with("cycle", cycle)
            .with("items", Arg::Terms(missing))
    })
}

/// `MEASURE_FEEDBACK`.
pub(super) fn feedback(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    (!p.outputs.feedback.iter().any(|f| f.cycle == cycle))
        .then(|| Message::new("unmet-no-feedback").with("cycle", cycle))
}

/// `MEASURE_EVALUATION`: the latest evaluation of the cycle counts.
pub(super) fn evaluation(p: &Snapshot) -> Option<Message> {
    let o = &p.outputs;
    let cycle = p.state.cycle;
    let evaluation = o
        .evaluations
        .iter()
        .filter(|e| e.cycle == cycle)
        .max_by_key(|e| (e.on, e.recorded_at));
    let Some(e) = evaluation else {
        return Some(Message::new("unmet-no-evaluation").with("cycle", cycle));
    };
    let mut missing = Vec::new();
    if e.strengths.is_empty() {
        missing.push("lacks-strengths");
    }
    if e.challenges.is_empty() {
        missing.push("lacks-challenges");
    }
    if !e.no_adjustments && !o.adjustments.iter().any(|a| a.cycle == cycle) {
        missing.push("lacks-adjustments");
    }
    (!missing.is_empty())
        .then(|| Message::new("unmet-evaluation-lacks").with("missing", terms(&missing)))
}
