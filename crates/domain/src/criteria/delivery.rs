//! The Do criteria: teams and progress for every active activity, something
//! delivered in the cycle, every open high risk owned.

use super::common::{involved, quoted};
use crate::outputs::{ActivityStatus, RiskStatus};
use crate::snapshot::Snapshot;

/// `DO_TEAMS`: a team from each city an active activity involves.
pub(super) fn teams(p: &Snapshot) -> Option<String> {
    let plan = p.outputs.plan.as_ref()?;
    let lacking: Vec<&str> = plan
        .activities
        .iter()
        .filter(|a| a.status == ActivityStatus::InProgress)
        .filter(|a| {
            involved(p, &a.plan.cities)
                .iter()
                .any(|c| !a.teams.iter().any(|t| t.city == *c))
        })
        .map(|a| a.plan.title.as_str())
        .collect();
    (!lacking.is_empty())
        .then(|| format!("no team from every city involved in: {}", quoted(&lacking)))
}

/// `DO_PROGRESS`: a report in the current cycle for every active activity.
pub(super) fn progress(p: &Snapshot) -> Option<String> {
    let cycle = p.state.cycle;
    let plan = p.outputs.plan.as_ref()?;
    let lacking: Vec<&str> = plan
        .activities
        .iter()
        .filter(|a| a.status == ActivityStatus::InProgress)
        .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
        .map(|a| a.plan.title.as_str())
        .collect();
    (!lacking.is_empty()).then(|| {
        format!(
            "no progress report in cycle {cycle} for: {}",
            quoted(&lacking)
        )
    })
}

/// `DO_DELIVERED`.
pub(super) fn delivered(p: &Snapshot) -> Option<String> {
    let cycle = p.state.cycle;
    let delivered = p.outputs.plan.as_ref().is_some_and(|plan| {
        plan.activities
            .iter()
            .any(|a| a.progress.iter().any(|r| r.cycle == cycle))
    });
    (!delivered).then(|| {
        format!("no activity has been completed or reported with progress in cycle {cycle}")
    })
}

/// `DO_RISKS_OWNED`: open high risks of activities that are not cancelled.
pub(super) fn risks_owned(p: &Snapshot) -> Option<String> {
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
    (!unowned.is_empty()).then(|| {
        format!(
            "open high risks without an owner and a mitigation: {}",
            quoted(&unowned)
        )
    })
}
