//! The Partner criteria: a counterpart, its assessment, a first priority area
//! agreed by both cities, and an agreement in force (a framework, or a joint
//! project agreement on an agreed first priority: the project-first route);
//! and, on every later move, an agreement in force, with the warning when the
//! agreements in force are about to expire with nothing to follow them.

use super::common::parties;
use crate::city::Area;
use crate::message::{Arg, Message};
use crate::outputs::Agreement;
use crate::snapshot::Snapshot;
use chrono::{Duration, NaiveDate};

/// How far ahead an expiry is warned of.
const WARN_DAYS: i64 = 90;

/// `PARTNER_COUNTERPART`.
pub(super) fn counterpart(p: &Snapshot) -> Option<Message> {
    match p.counterpart {
        None => Some(Message::new("unmet-no-counterpart")),
        Some(c) if c == p.initiator => Some(Message::new("unmet-counterpart-is-initiator")),
        Some(_) => None,
    }
}

/// `PARTNER_ASSESSMENT`: the latest assessment of the chosen counterpart
/// answers, in each group of Figure 9, an item met or not met.
pub(super) fn assessment(p: &Snapshot) -> Option<Message> {
    let counterpart = p.counterpart?;
    let assessment = p
        .outputs
        .assessments
        .iter()
        .filter(|a| a.candidate == counterpart)
        .max_by_key(|a| (a.on, a.recorded_at));
    let Some(a) = assessment else {
        return Some(Message::new("unmet-not-assessed"));
    };
    let undecided = a.undecided_groups();
    (!undecided.is_empty()).then(|| {
        let groups = undecided.iter().map(|g| g.code()).collect();
        Message::new("unmet-assessment-undecided")
            .with("on", a.on)
            .with("groups", Arg::Words("selection-group", groups))
    })
}

/// The first priority areas both cities agreed.
fn agreed_areas(p: &Snapshot) -> Vec<Area> {
    let Some((a, b)) = parties(p) else {
        return Vec::new();
    };
    let o = &p.outputs;
    o.priorities
        .iter()
        .filter(|x| x.city == a)
        .filter(|x| o.priorities.iter().any(|y| y.city == b && y.area == x.area))
        .map(|x| x.area)
        .collect()
}

/// `PARTNER_PRIORITY`.
pub(super) fn priority(p: &Snapshot) -> Option<Message> {
    parties(p)?;
    agreed_areas(p).is_empty().then(|| {
        if p.outputs.priorities.is_empty() {
            Message::new("unmet-no-priority")
        } else {
            Message::new("unmet-priority-not-joint")
        }
    })
}

/// `PARTNER_AGREEMENT`: a framework agreement signed by both and in force
/// on the date of the move, or a joint project agreement signed by both and
/// in force that names a first priority area agreed by both cities.
pub(super) fn agreement(p: &Snapshot, on: NaiveDate) -> Option<Message> {
    let agreements = &p.outputs.agreements;
    let (a, b) = parties(p)?;
    let agreed = agreed_areas(p);
    let in_force: Vec<&Agreement> = agreements
        .iter()
        .filter(|g| g.in_force_on(a, b, on))
        .collect();
    let counts =
        |g: &&Agreement| g.kind.is_framework() || g.areas.iter().any(|x| agreed.contains(x));
    if in_force.iter().any(counts) {
        return None;
    }
    if !in_force.is_empty() {
        let titles: Vec<&str> = in_force.iter().map(|g| g.title.as_str()).collect();
        return Some(
            Message::new("unmet-project-agreement-off-priority")
                .with("on", on)
                .with("items", titles),
        );
    }
    if agreements.iter().any(|g| g.signed_on(a, b).is_some()) {
        Some(Message::new("unmet-no-agreement-in-force").with("on", on))
    } else if agreements.is_empty() {
        Some(Message::new("unmet-no-agreement"))
    } else {
        Some(Message::new("unmet-agreement-unsigned"))
    }
}

/// `AGREEMENT_IN_FORCE`: an agreement of any kind signed by both cities and
/// in force on the date of the move. A partnership without a counterpart has
/// none to keep in force.
pub(super) fn in_force(p: &Snapshot, on: NaiveDate) -> Option<Message> {
    let (a, b) = parties(p)?;
    let agreements = &p.outputs.agreements;
    if agreements.iter().any(|g| g.in_force_on(a, b, on)) {
        return None;
    }
    let expired = agreements
        .iter()
        .filter(|g| g.signed_on(a, b).is_some_and(|s| s <= on))
        .filter_map(|g| g.valid_until.filter(|u| *u < on).map(|u| (u, g)))
        .max_by_key(|(u, _)| *u);
    Some(match expired {
        Some((until, g)) => Message::new("unmet-agreement-expired")
            .with("title", vec![g.title.as_str()])
            .with("until", until)
            .with("on", on),
        None => Message::new("unmet-no-agreement-in-force").with("on", on),
    })
}

/// `AGREEMENT_EXPIRING`: the agreements in force on `on` all expire within
/// [`WARN_DAYS`] days and no agreement signed by both is in force after them.
pub(super) fn expiring(p: &Snapshot, on: NaiveDate) -> Option<Message> {
    let (a, b) = parties(p)?;
    let agreements = &p.outputs.agreements;
    let in_force: Vec<&Agreement> = agreements
        .iter()
        .filter(|g| g.in_force_on(a, b, on))
        .collect();
    let mut last: Option<NaiveDate> = None;
    for g in &in_force {
        let until = g.valid_until?;
        last = last.max(Some(until));
    }
    let last = last?;
    let days = (last - on).num_days();
    if days > WARN_DAYS {
        return None;
    }
    let after = last + Duration::days(1);
    if agreements.iter().any(|g| g.in_force_on(a, b, after)) {
        return None;
    }
    let titles: Vec<&str> = in_force.iter().map(|g| g.title.as_str()).collect();
    Some(
        Message::new("warning-agreement-expiring")
            .with("last", last)
            .with("days", days)
            .with("items", titles),
    )
}
