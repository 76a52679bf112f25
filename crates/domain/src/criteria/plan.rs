//! The Plan criteria: a plan with activities, each activity complete, the
//! plan version approved by both cities, and from cycle 2 on a plan version
//! of the cycle.

use super::common::{missing_approvals, parties};
use crate::CityId;
use crate::message::{Arg, Message, terms};
use crate::outputs::{ActivityPlan, ActivityStatus, ApprovalSubject};
use crate::snapshot::Snapshot;

/// `PLAN_ACTIVITY`: activities that are not cancelled count.
pub(super) fn activity(p: &Snapshot) -> Option<Message> {
    match &p.outputs.plan {
        None => Some(Message::new("unmet-no-plan")),
        Some(plan)
            if !plan
                .activities
                .iter()
                .any(|a| a.status != ActivityStatus::Cancelled) =>
        {
            Some(Message::new("unmet-plan-no-activity"))
        }
        Some(_) => None,
    }
}

/// `PLAN_ACTIVITY_COMPLETE`.
pub(super) fn activity_complete(p: &Snapshot) -> Option<Message> {
    let plan = p.outputs.plan.as_ref()?;
    let incomplete: Vec<Message> = plan
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Cancelled)
        .filter_map(|a| {
            let missing = lacking(&a.plan);
            (!missing.is_empty()).then(|| {
                Message::new("unmet-activity-lacks")
                    .with("activity", vec![a.plan.title.as_str()])
                    .with("missing", terms(&missing))
            })
        })
        .collect();
    (!incomplete.is_empty())
        .then(|| Message::new("unmet-parts").with("parts", Arg::Parts(incomplete)))
}

/// What an activity's planned part lacks.
fn lacking(x: &ActivityPlan) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if x.lead_city.is_none() {
        missing.push("lacks-lead-city");
    }
    if x.lead_stakeholder.is_none() {
        missing.push("lacks-lead-stakeholder");
    }
    if x.funding.is_empty() {
        missing.push("lacks-funding");
    }
    match (x.start, x.due) {
        (Some(s), Some(d)) if s > d => missing.push("lacks-start-before-due"),
        (Some(_), Some(_)) => {}
        _ => missing.push("lacks-dates"),
    }
    if x.expected_results.is_empty() {
        missing.push("lacks-expected-results");
    }
    missing
}

/// `PLAN_APPROVED`: the current plan version, by both cities.
pub(super) fn approved(p: &Snapshot) -> Option<Message> {
    let o = &p.outputs;
    let Some(plan) = o.plan.as_ref() else {
        return Some(Message::new("unmet-no-plan-to-approve"));
    };
    let (a, b) = parties(p)?;
    let approved = |city: CityId| {
        o.approvals.iter().any(|x| {
            x.subject == ApprovalSubject::Plan && x.version == plan.version && x.city == city
        })
    };
    let what = Message::new("what-plan-version").with("version", plan.version);
    missing_approvals(&[a, b], approved, what)
}

/// `PLAN_REVISED`: from cycle 2 on, the plan version was made in the current
/// cycle and both cities approved it in the cycle.
pub(super) fn revised(p: &Snapshot) -> Option<Message> {
    let o = &p.outputs;
    let cycle = p.state.cycle;
    if cycle < 2 {
        return None;
    }
    let Some(plan) = o.plan.as_ref() else {
        return Some(Message::new("unmet-no-plan-to-revise").with("cycle", cycle));
    };
    let version = plan.version;
    if plan.version_cycle != cycle {
        return Some(
            Message::new("unmet-plan-not-revised")
                .with("version", version)
                .with("made", plan.version_cycle)
                .with("cycle", cycle),
        );
    }
    let (a, b) = parties(p)?;
    let approved = |city: CityId| {
        o.approvals.iter().any(|x| {
            x.subject == ApprovalSubject::Plan
                && x.version == version
                && x.cycle == cycle
                && x.city == city
        })
    };
    let what = Message::new("what-plan-version-in-cycle")
        .with("version", version)
        .with("cycle", cycle);
    missing_approvals(&[a, b], approved, what)
}
