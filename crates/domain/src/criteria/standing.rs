//! The Aim and Commit criteria, decided on a city's standing (its strategy and
//! commitment in force) rather than on one partnership; and their renewals,
//! which from cycle 2 on ask the partnership when its cycle began.

use super::common::quoted;
use crate::criterion::Criterion;
use crate::snapshot::Snapshot;
use crate::standing::Standing;

/// Decides a criterion of the Aim and Commit steps on a city's standing.
/// `None` means it holds; criteria of other steps hold here, and so do the
/// renewals (a standing alone has no cycle: a start is cycle 1).
pub fn check_standing(criterion: Criterion, standing: &Standing) -> Option<String> {
    use Criterion::*;
    match criterion {
        AimVision | AimObjective | AimTheme | AimStakeholder => aim(criterion, standing),
        CommitPolitical => political(standing),
        CommitPriority => priority(standing),
        CommitRoles => roles(standing),
        CommitResources => resources(standing),
        _ => None,
    }
}

fn aim(criterion: Criterion, standing: &Standing) -> Option<String> {
    use Criterion::*;
    let strategy = standing.strategy.as_ref();
    match criterion {
        AimVision => match strategy {
            None => Some("the city has no strategy in force".into()),
            Some(s) if s.vision.is_empty() => Some("the strategy has no vision".into()),
            Some(_) => None,
        },
        AimObjective => strategy
            .is_none_or(|s| s.objectives.is_empty())
            .then(|| "the strategy has no long-term objective".into()),
        AimTheme => strategy
            .is_none_or(|s| s.themes.is_empty())
            .then(|| "the strategy names no cooperation area".into()),
        AimStakeholder => strategy
            .is_none_or(|s| s.stakeholders.is_empty())
            .then(|| "the strategy identifies no local stakeholder".into()),
        _ => None,
    }
}

fn political(standing: &Standing) -> Option<String> {
    let commitment = standing.commitment.as_ref();
    match commitment.and_then(|c| c.political.as_ref()) {
        None => Some("there is no political commitment".into()),
        Some(pc) => {
            let mut missing = Vec::new();
            if pc.body.is_empty() {
                missing.push("the approving body or person");
            }
            if pc.on.is_none() {
                missing.push("the date");
            }
            if pc.reference.is_empty() {
                missing.push("the reference");
            }
            (!missing.is_empty())
                .then(|| format!("the political commitment lacks {}", missing.join(", ")))
        }
    }
}

fn priority(standing: &Standing) -> Option<String> {
    let commitment = standing.commitment.as_ref();
    let priorities = commitment.map(|c| c.priorities.as_slice()).unwrap_or(&[]);
    if priorities.is_empty() {
        return Some("the commitment sets no priority".into());
    }
    let objectives = standing.objectives();
    let unlinked: Vec<&str> = priorities
        .iter()
        .filter(|p| {
            !p.objective
                .is_some_and(|id| objectives.iter().any(|o| o.id == id))
        })
        .map(|p| p.text.as_str())
        .collect();
    (!unlinked.is_empty()).then(|| {
        format!(
            "priorities not linked to an objective of the strategy: {}",
            quoted(&unlinked)
        )
    })
}

fn roles(standing: &Standing) -> Option<String> {
    let commitment = standing.commitment.as_ref();
    (!commitment.is_some_and(|c| {
        c.roles
            .iter()
            .any(|r| !r.role.is_empty() && !r.responsibilities.is_empty())
    }))
    .then(|| "no stakeholder has a role and responsibilities".into())
}

fn resources(standing: &Standing) -> Option<String> {
    let commitment = standing.commitment.as_ref();
    let mut missing = Vec::new();
    if commitment.is_none_or(|c| c.resources.is_empty()) {
        missing.push("a resource");
    }
    if commitment
        .and_then(|c| c.contact_team.as_ref())
        .is_none_or(|t| t.name.is_empty())
    {
        missing.push("a named contact team");
    }
    (!missing.is_empty()).then(|| format!("the commitment lacks {}", missing.join(" and ")))
}

/// `AIM_RENEWED` and `COMMIT_RENEWED`: from cycle 2 on, the strategy (the
/// commitment) in force was recorded at or after the time the cycle began.
pub(super) fn renewed(criterion: Criterion, p: &Snapshot) -> Option<String> {
    let cycle = p.state.cycle;
    if cycle < 2 {
        return None;
    }
    let standing = &p.standing;
    let (what, in_force) = match criterion {
        Criterion::AimRenewed => (
            "strategy",
            standing
                .strategy
                .as_ref()
                .map(|s| (s.version, s.recorded_at)),
        ),
        _ => (
            "commitment",
            standing
                .commitment
                .as_ref()
                .map(|c| (c.version, c.recorded_at)),
        ),
    };
    match in_force {
        None => Some(format!(
            "the city has no {what} in force to renew in cycle {cycle}"
        )),
        Some((version, recorded)) if recorded < p.cycle_began_at => Some(format!(
            "the {what} in force (version {version}, recorded on {}) predates cycle {cycle}, \
             which began on {}: record a renewed {what}",
            recorded.date_naive(),
            p.cycle_began_at.date_naive()
        )),
        Some(_) => None,
    }
}
