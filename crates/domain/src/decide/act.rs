//! The Act decisions: proposing and deciding adjustments (each makes a new
//! version of the cycle's decision set) and the political approval of a plan
//! version or a decision set; and how their changes are applied.

use super::common::{counterpart, duplicate, plan};
use crate::command::Ctx;
use crate::event::Change;
use crate::outputs::{
    Adjustment, Approval, ApprovalDraft, ApprovalSubject, Decision, DecisionDraft,
};
use crate::snapshot::Snapshot;
use crate::text::{LONG, SHORT, clean, required};
use crate::value;
use crate::{AdjustmentId, DomainError};

/// A proposed adjustment, in the current cycle.
pub(super) fn propose(
    s: &Snapshot,
    ctx: &Ctx,
    id: AdjustmentId,
    proposal: String,
) -> Result<Change, DomainError> {
    let o = &s.outputs;
    if o.adjustments.iter().any(|a| a.id == id) {
        return Err(duplicate("adjustment"));
    }
    Ok(Change::AdjustmentProposed {
        adjustment: Adjustment {
            id,
            city: ctx.city,
            proposal: required("proposal", &proposal, LONG)?,
            decision: None,
            cycle: s.state.cycle,
            recorded_at: ctx.now,
        },
        decisions_version: o.decisions_version + 1,
    })
}

/// The decision on an adjustment of the current cycle.
pub(super) fn decide(s: &Snapshot, ctx: &Ctx, d: DecisionDraft) -> Result<Change, DomainError> {
    let o = &s.outputs;
    let a = o
        .adjustments
        .iter()
        .find(|a| a.id == d.adjustment)
        .ok_or(DomainError::NotFound {
            what: "adjustment",
            id: d.adjustment.to_string(),
        })?;
    if a.cycle != s.state.cycle {
        return Err(DomainError::invalid(
            "adjustmentId",
            format!(
                "the adjustment belongs to cycle {}, not the current one",
                a.cycle
            ),
        ));
    }
    value::happened("on", d.on, ctx.now)?;
    Ok(Change::AdjustmentDecided {
        adjustment: d.adjustment,
        decision: Decision {
            outcome: d.outcome,
            city: ctx.city,
            on: d.on,
            note: clean("note", &d.note, LONG)?,
            recorded_at: ctx.now,
        },
        decisions_version: o.decisions_version + 1,
    })
}

/// The acting city's approval of the current plan version or decision set,
/// once.
pub(super) fn approve(s: &Snapshot, ctx: &Ctx, d: ApprovalDraft) -> Result<Change, DomainError> {
    let o = &s.outputs;
    let cycle = s.state.cycle;
    counterpart(s)?;
    value::happened("on", d.on, ctx.now)?;
    let current = match d.subject {
        ApprovalSubject::Plan => plan(s)?.version,
        ApprovalSubject::Decisions => o.decisions_version,
    };
    if d.version != current {
        return Err(DomainError::invalid(
            "version",
            format!(
                "version {} is not the current version ({current}) of the {}",
                d.version,
                match d.subject {
                    ApprovalSubject::Plan => "plan",
                    ApprovalSubject::Decisions => "decision set",
                }
            ),
        ));
    }
    let already = o.approvals.iter().any(|a| {
        a.subject == d.subject
            && a.version == d.version
            && a.city == ctx.city
            && (d.subject == ApprovalSubject::Plan || a.cycle == cycle)
    });
    if already {
        return Err(DomainError::invalid(
            "version",
            "this city has already approved this version",
        ));
    }
    Ok(Change::Approved(Approval {
        subject: d.subject,
        version: d.version,
        cycle,
        city: ctx.city,
        by: required("by", &d.by, SHORT)?,
        on: d.on,
        reference: clean("reference", &d.reference, SHORT)?,
        recorded_at: ctx.now,
    }))
}

/// Applies an Act change.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let o = &mut s.outputs;
    match change {
        Change::AdjustmentProposed {
            adjustment,
            decisions_version,
        } => {
            o.adjustments.push(adjustment.clone());
            o.decisions_version = *decisions_version;
        }
        Change::AdjustmentDecided {
            adjustment,
            decision,
            decisions_version,
        } => {
            if let Some(a) = o.adjustments.iter_mut().find(|a| a.id == *adjustment) {
                a.decision = Some(decision.clone());
            }
            o.decisions_version = *decisions_version;
        }
        Change::Approved(a) => o.approvals.push(a.clone()),
        _ => {}
    }
}
