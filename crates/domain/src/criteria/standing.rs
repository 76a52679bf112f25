//! The Aim and Commit criteria, decided on a city's standing (its strategy and
//! commitment in force) rather than on one partnership; and their renewals,
//! which from cycle 2 on ask the partnership when its cycle began.

use crate::criterion::Criterion;
use crate::message::{Message, terms};
use crate::snapshot::Snapshot;
use crate::standing::Standing;

/// Decides a criterion of the Aim and Commit steps on a city's standing.
/// `None` means it holds; criteria of other steps hold here, and so do the
/// renewals (a standing alone has no cycle: a start is cycle 1).
pub fn check_standing(criterion: Criterion, standing: &Standing) -> Option<Message> {
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

fn aim(criterion: Criterion, standing: &Standing) -> Option<Message> {
    use Criterion::*;
    let strategy = standing.strategy.as_ref();
    match criterion {
        AimVision => match strategy {
            None => Some(Message::new("unmet-no-strategy")),
            Some(s) if s.vision.is_empty() => Some(Message::new("unmet-no-vision")),
            Some(_) => None,
        },
        AimObjective => strategy
            .is_none_or(|s| s.objectives.is_empty())
            .then(|| Message::new("unmet-no-objective")),
        AimTheme => strategy
            .is_none_or(|s| s.themes.is_empty())
            .then(|| Message::new("unmet-no-theme")),
        AimStakeholder => strategy
            .is_none_or(|s| s.stakeholders.is_empty())
            .then(|| Message::new("unmet-no-stakeholder")),
        _ => None,
    }
}

fn political(standing: &Standing) -> Option<Message> {
    let commitment = standing.commitment.as_ref();
    match commitment.and_then(|c| c.political.as_ref()) {
        None => Some(Message::new("unmet-no-political-commitment")),
        Some(pc) => {
            let mut missing = Vec::new();
            if pc.body.is_empty() {
                missing.push("lacks-approving-body");
            }
            if pc.on.is_none() {
                missing.push("lacks-date");
            }
            if pc.reference.is_empty() {
                missing.push("lacks-reference");
            }
            (!missing.is_empty()).then(|| {
                Message::new("unmet-political-commitment-lacks").with("missing", terms(&missing))
            })
        }
    }
}

fn priority(standing: &Standing) -> Option<Message> {
    let commitment = standing.commitment.as_ref();
    let priorities = commitment.map(|c| c.priorities.as_slice()).unwrap_or(&[]);
    if priorities.is_empty() {
        return Some(Message::new("unmet-no-commitment-priority"));
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
    (!unlinked.is_empty())
        .then(|| Message::new("unmet-priorities-unlinked").with("items", unlinked))
}

fn roles(standing: &Standing) -> Option<Message> {
    let commitment = standing.commitment.as_ref();
    (!commitment.is_some_and(|c| {
        c.roles
            .iter()
            .any(|r| !r.role.is_empty() && !r.responsibilities.is_empty())
    }))
    .then(|| Message::new("unmet-no-roles"))
}

fn resources(standing: &Standing) -> Option<Message> {
    let commitment = standing.commitment.as_ref();
    let mut missing = Vec::new();
    if commitment.is_none_or(|c| c.resources.is_empty()) {
        missing.push("lacks-resource");
    }
    if commitment
        .and_then(|c| c.contact_team.as_ref())
        .is_none_or(|t| t.name.is_empty())
    {
        missing.push("lacks-contact-team");
    }
    (!missing.is_empty())
        .then(|| Message::new("unmet-commitment-lacks").with("missing", terms(&missing)))
}

/// `AIM_RENEWED` and `COMMIT_RENEWED`: from cycle 2 on, the strategy (the
/// commitment) in force was recorded at or after the time the cycle began.
pub(super) fn renewed(criterion: Criterion, p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    if cycle < 2 {
        return None;
    }
    let standing = &p.standing;
    let (what, in_force) = match criterion {
        Criterion::AimRenewed => (
            "what-strategy",
            standing
                .strategy
                .as_ref()
                .map(|s| (s.version, s.recorded_at)),
        ),
        _ => (
            "what-commitment",
            standing
                .commitment
                .as_ref()
                .map(|c| (c.version, c.recorded_at)),
        ),
    };
    match in_force {
        None => Some(
            Message::new("unmet-nothing-to-renew")
                .with("what", Message::new(what))
                .with("cycle", cycle),
        ),
        Some((version, recorded)) if recorded < p.cycle_began_at => Some(
            Message::new("unmet-not-renewed")
                .with("what", Message::new(what))
                .with("version", version)
                .with("recorded", recorded.date_naive())
                .with("cycle", cycle)
                .with("began", p.cycle_began_at.date_naive()),
        ),
        Some(_) => None,
    }
}
