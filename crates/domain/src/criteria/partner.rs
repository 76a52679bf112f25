//! The Partner criteria: a counterpart, its assessment, a first priority area
//! agreed by both cities, and a framework agreement in force.

use super::common::{codes, parties};
use crate::snapshot::Snapshot;
use chrono::NaiveDate;

/// `PARTNER_COUNTERPART`.
pub(super) fn counterpart(p: &Snapshot) -> Option<String> {
    match p.counterpart {
        None => Some("no counterpart city has been chosen".into()),
        Some(c) if c == p.initiator => {
            Some("the counterpart must be another city than the initiator".into())
        }
        Some(_) => None,
    }
}

/// `PARTNER_ASSESSMENT`: the latest assessment of the counterpart counts.
pub(super) fn assessment(p: &Snapshot) -> Option<String> {
    let counterpart = p.counterpart?;
    let assessment = p
        .outputs
        .assessments
        .iter()
        .filter(|a| a.candidate == counterpart)
        .max_by_key(|a| (a.on, a.recorded_at));
    match assessment {
        None => Some("the counterpart has not been assessed against the selection criteria".into()),
        Some(a) if !a.is_filled() => Some(format!(
            "the assessment of the counterpart leaves {} of 12 selection criteria unanswered: {}",
            a.missing().len(),
            codes(a.missing().iter().map(|c| c.code()))
        )),
        Some(_) => None,
    }
}

/// `PARTNER_PRIORITY`.
pub(super) fn priority(p: &Snapshot) -> Option<String> {
    let o = &p.outputs;
    let (a, b) = parties(p)?;
    let agreed = o
        .priorities
        .iter()
        .any(|x| x.city == a && o.priorities.iter().any(|y| y.city == b && y.area == x.area));
    (!agreed).then(|| {
        if o.priorities.is_empty() {
            "no first priority area has been agreed".into()
        } else {
            "no first priority area has been agreed by both cities".into()
        }
    })
}

/// `PARTNER_AGREEMENT`: signed by both and in force on the date of the move.
pub(super) fn agreement(p: &Snapshot, on: NaiveDate) -> Option<String> {
    let agreements = &p.outputs.agreements;
    let (a, b) = parties(p)?;
    if agreements.iter().any(|g| g.in_force_on(a, b, on)) {
        None
    } else if agreements.iter().any(|g| g.signed_on(a, b).is_some()) {
        Some(format!(
            "no agreement signed by both cities is in force on {on}"
        ))
    } else if agreements.is_empty() {
        Some("no framework agreement has been recorded".into())
    } else {
        Some("no framework agreement has been signed by both cities".into())
    }
}
