//! The decisions, by step family: each family file decides its commands into
//! [`Change`]s (reading a [`Snapshot`] and the [`Ctx`], never writing) and
//! applies those changes to a snapshot.
//!
//! - `moves.rs`: moves, starts and spawns;
//! - `partner.rs`: counterpart, assessment, contacts and follow-ups, contact
//!   persons, agreements and signatures, first priorities;
//! - `plan.rs`: the plan's header and activities;
//! - `delivery.rs` (Do): teams, progress, risks;
//! - `measure.rs`: KPI selections, measurements, feedback, evaluations;
//! - `act.rs`: adjustments, decisions, approvals;
//! - `replicate.rs`: lessons, ex-post evaluations;
//! - `common.rs`: what they share.
//!
//! This file dispatches a command to its family ([`command`]) and an event to
//! the family that applies it ([`apply`]).

mod act;
mod common;
mod delivery;
mod measure;
mod moves;
mod partner;
mod plan;
mod replicate;

pub(crate) use moves::{SpawnDecision, spawn, start};

use crate::DomainError;
use crate::command::{Command, Ctx};
use crate::event::{Change, Event};
use crate::snapshot::{Snapshot, State};
use crate::vocab::Status;
use common::{check_actor, check_version, event};

/// Decides a command: one event, or why not.
pub(crate) fn command(s: &Snapshot, ctx: &Ctx, command: Command) -> Result<Event, DomainError> {
    // Access first: a city that is not party learns nothing, not even the
    // version.
    check_actor(s, ctx)?;
    check_version(s, ctx)?;
    match command {
        Command::Move(m) => moves::decide(s, ctx, m),
        other => {
            let status = s.state.status;
            let contact_only = matches!(
                other,
                Command::RecordContact(_)
                    | Command::RecordFollowUp { .. }
                    | Command::RecordContactPerson(_)
            );
            if status.is_final() || (status == Status::Suspended && !contact_only) {
                return Err(DomainError::NotActive { status });
            }
            let change = output(s, ctx, other)?;
            Ok(event(s, ctx, s.state, ctx.now, change))
        }
    }
}

/// Decides a command that records an output.
fn output(s: &Snapshot, ctx: &Ctx, command: Command) -> Result<Change, DomainError> {
    match command {
        Command::Move(_) => Err(DomainError::invalid("command", "a move is not an output")),
        Command::ChooseCounterpart { city, stakeholders } => {
            partner::counterpart(s, ctx, city, stakeholders)
        }
        Command::RecordAssessment(d) => partner::assessment(s, ctx, d),
        Command::RecordContact(d) => partner::contact(s, ctx, d),
        Command::RecordFollowUp { contact, on, note } => {
            partner::follow_up(s, ctx, contact, on, note)
        }
        Command::RecordContactPerson(d) => partner::contact_person(s, ctx, d),
        Command::RecordAgreement(d) => partner::agreement(s, ctx, d),
        Command::SignAgreement {
            agreement,
            by,
            on,
            reference,
        } => partner::signature(s, ctx, agreement, by, on, reference),
        Command::AgreePriority { area, by, on } => partner::priority(s, ctx, area, by, on),
        Command::RecordPlan { title, summary } => plan::header(s, title, summary),
        Command::RecordActivity(d) => plan::activity(s, d),
        Command::RecordTeam(d) => delivery::team(s, ctx, d),
        Command::RecordProgress(d) => delivery::progress(s, ctx, d),
        Command::RecordRisk(d) => delivery::risk(s, ctx, d),
        Command::SelectKpi(d) => measure::selection(s, ctx, d),
        Command::RecordMeasurement(d) => measure::measurement(s, ctx, d),
        Command::RecordFeedback(d) => measure::feedback(s, ctx, d),
        Command::RecordEvaluation(d) => measure::evaluation(s, ctx, d),
        Command::ProposeAdjustment { id, proposal } => act::propose(s, ctx, id, proposal),
        Command::DecideAdjustment(d) => act::decide(s, ctx, d),
        Command::Approve(d) => act::approve(s, ctx, d),
        Command::RecordLesson { id, kind, text } => replicate::lesson(s, ctx, id, kind, text),
        Command::RecordExPost(d) => replicate::ex_post(s, ctx, d),
    }
}

/// Folds an event into a snapshot: the state and version it carries, then
/// its change, by the family that made it.
pub(crate) fn apply(s: &mut Snapshot, e: &Event) {
    let new_cycle = e.cycle != s.state.cycle;
    s.state = State {
        step: e.step,
        loop_: e.loop_,
        cycle: e.cycle,
        status: e.status,
    };
    s.version = e.version;
    if e.change.is_move() {
        s.last_move_at = e.occurred_at;
    }
    if new_cycle {
        s.outputs.decisions_version = 0;
    }
    let change = &e.change;
    match change {
        Change::Started { .. }
        | Change::Advanced { .. }
        | Change::LoopedBack { .. }
        | Change::Spawned { .. }
        | Change::Suspended { .. }
        | Change::Resumed
        | Change::Concluded
        | Change::Terminated { .. } => moves::apply(s, e),
        Change::CounterpartChosen { .. }
        | Change::AssessmentRecorded(_)
        | Change::ContactRecorded(_)
        | Change::FollowUpRecorded { .. }
        | Change::ContactPersonRecorded(_)
        | Change::AgreementRecorded(_)
        | Change::AgreementSigned { .. }
        | Change::PriorityAgreed(_) => partner::apply(s, change),
        Change::PlanRecorded { .. } | Change::ActivityRecorded { .. } => plan::apply(s, change),
        Change::TeamRecorded { .. }
        | Change::ProgressReported { .. }
        | Change::RiskRecorded { .. } => delivery::apply(s, change),
        Change::KpiSelected(_)
        | Change::MeasurementRecorded(_)
        | Change::FeedbackRecorded(_)
        | Change::EvaluationRecorded(_) => measure::apply(s, change),
        Change::AdjustmentProposed { .. }
        | Change::AdjustmentDecided { .. }
        | Change::Approved(_) => act::apply(s, change),
        Change::LessonRecorded(_) | Change::ExPostRecorded(_) => replicate::apply(s, change),
    }
}
