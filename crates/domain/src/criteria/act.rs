//! The Act and Replicate criteria: every adjustment decided, the decision set
//! approved by both cities, a success factor, and the ex-post evaluation of
//! every Aim objective.

use super::common::{missing_approvals, parties};
use crate::CityId;
use crate::message::Message;
use crate::outputs::{ApprovalSubject, LessonKind};
use crate::snapshot::Snapshot;

/// `ACT_DECIDED`: the adjustments of the current cycle.
pub(super) fn decided(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    let open: Vec<&str> = p
        .outputs
        .adjustments
        .iter()
        .filter(|a| a.cycle == cycle && a.decision.is_none())
        .map(|a| a.proposal.as_str())
        .collect();
    (!open.is_empty()).then(|| Message::new("unmet-adjustments-undecided").with("items", open))
}

/// `ACT_APPROVED`: the current version of the cycle's decision set.
pub(super) fn approved(p: &Snapshot) -> Option<Message> {
    let o = &p.outputs;
    let cycle = p.state.cycle;
    let (a, b) = parties(p)?;
    let version = o.decisions_version;
    let approved = |city: CityId| {
        o.approvals.iter().any(|x| {
            x.subject == ApprovalSubject::Decisions
                && x.cycle == cycle
                && x.version == version
                && x.city == city
        })
    };
    let what = Message::new("what-decisions").with("cycle", cycle);
    missing_approvals(&[a, b], approved, what)
}

/// `REPLICATE_LESSONS`.
pub(super) fn lessons(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    (!p.outputs
        .lessons
        .iter()
        .any(|l| l.cycle == cycle && l.kind == LessonKind::SuccessFactor))
    .then(|| Message::new("unmet-no-success-factor").with("cycle", cycle))
}

/// `REPLICATE_EXPOST`: every objective of the strategy in force, in the cycle.
pub(super) fn expost(p: &Snapshot) -> Option<Message> {
    let cycle = p.state.cycle;
    let objectives = p.standing.objectives();
    if objectives.is_empty() {
        return Some(Message::new("unmet-no-objective-to-evaluate"));
    }
    let missing: Vec<&str> = objectives
        .iter()
        .filter(|obj| {
            !p.outputs.ex_post.iter().any(|e| {
                e.cycle == cycle
                    && e.objective == obj.id
                    && !e.foreseen.is_empty()
                    && !e.achieved.is_empty()
                    && !e.gap.is_empty()
            })
        })
        .map(|obj| obj.text.as_str())
        .collect();
    (!missing.is_empty()).then(|| {
        Message::new("unmet-expost-missing")
            .with("cycle", cycle)
            .with("items", missing)
    })
}
