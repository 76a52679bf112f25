//! The exit criteria of DESIGN §2: each a named check with a stable code.
//!
//! A check returns `None` when the criterion holds and `Some(message)` when it
//! does not; the [`Message`] says what is missing, as a catalogue key and its
//! arguments (dates, versions, cities, titles), which the reader's language
//! turns into words a city team understands. [`unmet`] runs every criterion of a step and returns all the
//! unmet ones, not only the first.
//!
//! [`check`] dispatches each code to its check, one file per step family:
//! `standing.rs` (Aim and Commit, on a city's standing, and their renewals
//! in a later cycle), `partner.rs` (with the agreement in force throughout),
//! `plan.rs`, `delivery.rs` (Do), `measure.rs` and `act.rs` (Act and
//! Replicate); `common.rs` holds what they share. [`warnings`] says what
//! needs no action yet.

mod act;
mod common;
mod delivery;
mod measure;
mod partner;
mod plan;
mod standing;

pub use crate::criterion::{Criterion, Unmet, Warning, WarningCode};
pub use standing::check_standing;

use crate::message::Message;
use crate::narrative::Narrative;
use crate::snapshot::Snapshot;
use crate::standing::Standing;
use crate::vocab::{MoveKind, Step};
use chrono::NaiveDate;

/// Every unmet exit criterion of `step` for a partnership, on the date of
/// the move (the step's own list; see [`unmet_throughout`] for the rest).
pub fn unmet(step: Step, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    unmet_of(
        Narrative::standard().step(step).criteria.iter().copied(),
        p,
        on,
    )
}

/// Every unmet criterion checked throughout on a move of `kind` out of the
/// partnership's current step, on the date of the move.
pub fn unmet_throughout(kind: MoveKind, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    unmet_of(
        Narrative::standard().throughout_on(kind, p.state.step),
        p,
        on,
    )
}

fn unmet_of(criteria: impl Iterator<Item = Criterion>, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    criteria
        .filter_map(|c| {
            check(c, p, on).map(|message| Unmet {
                criterion: c,
                message,
            })
        })
        .collect()
}

/// What needs no action yet on a move of `kind` on `on`: for the moves that
/// need an agreement in force, an agreement about to expire with nothing to
/// follow it.
pub fn warnings(kind: MoveKind, p: &Snapshot, on: NaiveDate) -> Vec<Warning> {
    let needs_agreement = Narrative::standard()
        .throughout
        .iter()
        .any(|t| t.criterion == Criterion::AgreementInForce && t.moves.contains(&kind));
    let expiring = needs_agreement
        .then(|| partner::expiring(p, on))
        .flatten()
        .map(|message| Warning {
            code: WarningCode::AgreementExpiring,
            message,
        });
    expiring.into_iter().collect()
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
/// step's when the move leaves it, those checked throughout on such a move,
/// and for a spawn also the Aim and Commit criteria on the city's standing
/// (the new partnership starts at Partner).
pub(crate) fn unmet_for(kind: MoveKind, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    let mut unmet = if kind.leaves_step() {
        self::unmet(p.state.step, p, on)
    } else {
        Vec::new()
    };
    unmet.extend(unmet_throughout(kind, p, on));
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
pub fn check(criterion: Criterion, p: &Snapshot, on: NaiveDate) -> Option<Message> {
    use Criterion::*;
    if let Some(message) = missing_counterpart(criterion, p) {
        return Some(message);
    }
    match criterion {
        AimVision | AimObjective | AimTheme | AimStakeholder | CommitPolitical | CommitPriority
        | CommitRoles | CommitResources => check_standing(criterion, &p.standing),
        AimRenewed | CommitRenewed => standing::renewed(criterion, p),
        PartnerCounterpart => partner::counterpart(p),
        PartnerAssessment => partner::assessment(p),
        PartnerPriority => partner::priority(p),
        PartnerAgreement => partner::agreement(p, on),
        PlanActivity => plan::activity(p),
        PlanActivityComplete => plan::activity_complete(p),
        PlanApproved => plan::approved(p),
        PlanRevised => plan::revised(p),
        DoTeams => delivery::teams(p, on),
        DoProgress => delivery::progress(p, on),
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
        AgreementInForce => partner::in_force(p, on),
    }
}

/// The joint criteria need a counterpart: without one they are unmet.
fn missing_counterpart(criterion: Criterion, p: &Snapshot) -> Option<Message> {
    use Criterion::*;
    let joint = matches!(
        criterion,
        PartnerAssessment | PartnerPriority | PartnerAgreement | PlanApproved | ActApproved
    );
    (joint && p.counterpart.is_none()).then(|| Message::new("unmet-no-counterpart"))
}
