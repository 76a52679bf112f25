//! The exit criteria of DESIGN §2: each a named check with a stable code.
//!
//! A check returns `None` when the criterion holds and `Some(message)` when it
//! does not; the message says what is missing in words a city team
//! understands. [`unmet`] runs every criterion of a step and returns all the
//! unmet ones, not only the first.
//!
//! [`check`] dispatches each code to its check, one file per step family:
//! `standing.rs` (Aim and Commit, on a city's standing), `partner.rs`,
//! `plan.rs`, `delivery.rs` (Do), `measure.rs` and `act.rs` (Act and
//! Replicate); `common.rs` holds what they share.

mod act;
mod common;
mod delivery;
mod measure;
mod partner;
mod plan;
mod standing;

pub use crate::criterion::{Criterion, Unmet};
pub use standing::check_standing;

use crate::narrative::Narrative;
use crate::snapshot::Snapshot;
use crate::standing::Standing;
use crate::vocab::{MoveKind, Step};
use chrono::NaiveDate;

/// Every unmet criterion of `step` for a partnership, on the date of the move.
pub fn unmet(step: Step, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    Narrative::standard()
        .step(step)
        .criteria
        .iter()
        .filter_map(|c| {
            check(*c, p, on).map(|message| Unmet {
                criterion: *c,
                message,
            })
        })
        .collect()
}

/// Every unmet criterion of the steps a partnership skips by starting at
/// `step`, checked on the initiator's standing.
pub fn unmet_before(step: Step, standing: &Standing) -> Vec<Unmet> {
    let narrative = Narrative::standard();
    narrative
        .steps_before(step)
        .flat_map(|s| narrative.step(s).criteria.iter())
        .filter_map(|c| {
            check_standing(*c, standing).map(|message| Unmet {
                criterion: *c,
                message,
            })
        })
        .collect()
}

/// Every unmet criterion that blocks a move of `kind` on `on`: the current
/// step's when the move leaves it, and for a spawn also the Aim and Commit
/// criteria on the city's standing (the new partnership starts at Partner).
pub(crate) fn unmet_for(kind: MoveKind, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    let mut unmet = if kind.leaves_step() {
        self::unmet(p.state.step, p, on)
    } else {
        Vec::new()
    };
    if kind == MoveKind::Spawn {
        for u in unmet_before(Step::Partner, &p.standing) {
            if !unmet.iter().any(|x| x.criterion == u.criterion) {
                unmet.push(u);
            }
        }
    }
    unmet
}

/// Decides one criterion. `None` means it holds.
pub fn check(criterion: Criterion, p: &Snapshot, on: NaiveDate) -> Option<String> {
    use Criterion::*;
    if let Some(message) = missing_counterpart(criterion, p) {
        return Some(message);
    }
    match criterion {
        AimVision | AimObjective | AimTheme | AimStakeholder | CommitPolitical | CommitPriority
        | CommitRoles | CommitResources => check_standing(criterion, &p.standing),
        PartnerCounterpart => partner::counterpart(p),
        PartnerAssessment => partner::assessment(p),
        PartnerPriority => partner::priority(p),
        PartnerAgreement => partner::agreement(p, on),
        PlanActivity => plan::activity(p),
        PlanActivityComplete => plan::activity_complete(p),
        PlanApproved => plan::approved(p),
        DoTeams => delivery::teams(p),
        DoProgress => delivery::progress(p),
        DoDelivered => delivery::delivered(p),
        DoRisksOwned => delivery::risks_owned(p),
        MeasureFramework => measure::framework(p),
        MeasureKpiCaptured => measure::kpi_captured(p),
        MeasureFeedback => measure::feedback(p),
        MeasureEvaluation => measure::evaluation(p),
        ActDecided => act::decided(p),
        ActApproved => act::approved(p),
        ReplicateLessons => act::lessons(p),
        ReplicateExpost => act::expost(p),
    }
}

/// The joint criteria need a counterpart: without one they are unmet.
fn missing_counterpart(criterion: Criterion, p: &Snapshot) -> Option<String> {
    use Criterion::*;
    let joint = matches!(
        criterion,
        PartnerAssessment | PartnerPriority | PartnerAgreement | PlanApproved | ActApproved
    );
    (joint && p.counterpart.is_none()).then(|| "the partnership has no counterpart city".into())
}
