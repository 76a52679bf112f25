//! The Do criteria: teams and progress for every activity under way on the
//! move's date (in progress, or planned to start by then), something delivered
//! in the cycle (a cancellation does not count), every open high risk owned.

use super::common::involved;
use crate::message::Message;
use crate::outputs::{ActivityStatus, RiskStatus};
use crate::snapshot::Snapshot;
use chrono::NaiveDate;

/// `DO_TEAMS`: a team from each city an activity under way involves.
pub(super) fn teams(p: &Snapshot, on: NaiveDate) -> Option<Message> {
    let plan = p.outputs.plan.as_ref()?;
    let lacking: Vec<&str> = plan
        .under_way(on)
        .filter(|a| {
            involved(p, &a.plan.cities)
                .iter()
                .any(|c| !a.teams.iter().any(|t| t.city == *c))
        })
        .map(|a| a.plan.title.as_str())
        .collect();
    (!lacking.is_empty()).then(|| {
        Message::new("unmet-teams-lacking")
            .with("on", on)
            .with("items", lacking)
    })
}

/// `DO_PROGRESS`: a report in the current cycle for every activity under way.
pub(super) fn progress(p: &Snapshot, on: NaiveDate) -> Option<Message> {
    let cycle = p.state.cycle;
    let plan = p.outputs.plan.as_ref()?;
    let lacking: Vec<&str> = plan
        .under_way(on)
        .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
        .map(|a| a.plan.title.as_str())
        .collect();
    (!lacking.is_empty()).then(|| {
        Message::new("unmet-progress-lacking")
            .with("cycle", cycle)
            .with("on", on)
            .with("items", lacking)
    })
}

/// `DO_DELIVERED`: a report of the cycle that is not a cancellation.
pub(super) fn delivered(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    let delivered = p.outputs.plan.as_ref().is_some_and(|plan| {
        plan.activities.iter().any(|a| {
            a.progress
                .iter()
                .any(|r| r.cycle == cycle && r.status != ActivityStatus::Cancelled)
        })
    });
    (!delivered).then(|| Message::new("unmet-nothing-delivered").with("cycle", cycle))
}

/// `DO_RISKS_OWNED`: open high risks of activities that are not cancelled.
pub(super) fn risks_owned(p: &Snapshot) -> Option<Message> {
    let plan = p.outputs.plan.as_ref()?;
    let unowned: Vec<&str> = plan
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Cancelled)
        .flat_map(|a| a.risks.iter())
        .filter(|r| r.status == RiskStatus::Open && r.is_high())
        .filter(|r| r.owner.is_none() || r.mitigation.is_none())
        .map(|r| r.description.as_str())
        .collect();
    (!unowned.is_empty()).then(|| Message::new("unmet-risks-unowned").with("items", unowned))
}
