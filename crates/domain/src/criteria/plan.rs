//! The Plan criteria: a plan with activities, each activity complete, the
//! plan version approved by both cities, and from cycle 2 on a plan version
//! of the cycle.

use super::common::{missing_approvals, parties};
use crate::CityId;
use crate::outputs::{ActivityPlan, ActivityStatus, ApprovalSubject};
use crate::snapshot::Snapshot;

/// `PLAN_ACTIVITY`: activities that are not cancelled count.
pub(super) fn activity(p: &Snapshot) -> Option<String> {
    match &p.outputs.plan {
        None => Some("there is no cooperation plan".into()),
        Some(plan)
            if !plan
                .activities
                .iter()
                .any(|a| a.status != ActivityStatus::Cancelled) =>
        {
            Some("the cooperation plan has no activity".into())
        }
        Some(_) => None,
    }
}

/// `PLAN_ACTIVITY_COMPLETE`.
pub(super) fn activity_complete(p: &Snapshot) -> Option<String> {
    let plan = p.outputs.plan.as_ref()?;
    let incomplete: Vec<String> = plan
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Cancelled)
        .filter_map(|a| {
            let missing = lacking(&a.plan);
            (!missing.is_empty())
                .then(|| format!("'{}' lacks {}", a.plan.title, missing.join(", ")))
        })
        .collect();
    (!incomplete.is_empty()).then(|| incomplete.join("; "))
}

/// What an activity's planned part lacks.
fn lacking(x: &ActivityPlan) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if x.lead_city.is_none() {
        missing.push("lead city");
    }
    if x.lead_stakeholder.is_none() {
        missing.push("lead stakeholder");
    }
    if x.funding.is_empty() {
        missing.push("funding source");
    }
    match (x.start, x.due) {
        (Some(s), Some(d)) if s > d => missing.push("start on or before due"),
        (Some(_), Some(_)) => {}
        _ => missing.push("start and due dates"),
    }
    if x.expected_results.is_empty() {
        missing.push("expected results");
    }
    missing
}

/// `PLAN_APPROVED`: the current plan version, by both cities.
pub(super) fn approved(p: &Snapshot) -> Option<String> {
    let o = &p.outputs;
    let Some(plan) = o.plan.as_ref() else {
        return Some("there is no cooperation plan to approve".into());
    };
    let (a, b) = parties(p)?;
    let approved = |city: CityId| {
        o.approvals.iter().any(|x| {
            x.subject == ApprovalSubject::Plan && x.version == plan.version && x.city == city
        })
    };
    missing_approvals(&[a, b], approved, &format!("plan version {}", plan.version))
}

/// `PLAN_REVISED`: from cycle 2 on, the plan version was made in the current
/// cycle and both cities approved it in the cycle.
pub(super) fn revised(p: &Snapshot) -> Option<String> {
    let o = &p.outputs;
    let cycle = p.state.cycle;
    if cycle < 2 {
        return None;
    }
    let Some(plan) = o.plan.as_ref() else {
        return Some(format!(
            "there is no cooperation plan to revise in cycle {cycle}"
        ));
    };
    let version = plan.version;
    if plan.version_cycle != cycle {
        return Some(format!(
            "plan version {version} was made in cycle {}: cycle {cycle} needs a revised plan",
            plan.version_cycle
        ));
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
    missing_approvals(
        &[a, b],
        approved,
        &format!("plan version {version} in cycle {cycle}"),
    )
}
