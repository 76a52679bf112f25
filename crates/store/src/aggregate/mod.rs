//! A partnership aggregate in the database: loading it whole, and writing
//! what an event changed. Each table family has its module, holding its
//! entities and both conversions side by side; this module composes them.
//!
//! Loading costs a fixed number of statements ([`LOAD_STATEMENTS`]): one per
//! table, whatever the number of activities, measurements or events.

pub(crate) mod act;
pub(crate) mod activity;
pub(crate) mod agreements;
pub(crate) mod assessments;
mod common;
pub(crate) mod contacts;
pub(crate) mod delivery;
pub(crate) mod measure;
pub(crate) mod milestones;
pub(crate) mod persons;
pub(crate) mod plan;
pub(crate) mod priorities;
pub(crate) mod replicate;
pub(crate) mod row;
pub(crate) mod tally;

pub(crate) use row::{insert_new, lock};

use crate::Writer;
use crate::error::{Result, StoreError};
use crate::standing::Standings;
use c2c_domain::outputs::Outputs;
use c2c_domain::{Change, CityId, Event, Partnership};
use row::{bump, partnership};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// The statements that loading an aggregate costs: the partnership row, the
/// initiator's strategy and commitment, the stakeholders of both cities, and
/// one per output table.
pub const LOAD_STATEMENTS: u64 = 23;

/// Loads the whole aggregate of a partnership row.
pub(crate) async fn load<C: ConnectionTrait>(
    db: &C,
    row: partnership::Model,
) -> Result<Partnership> {
    let id = row.id;
    load_many(db, vec![row])
        .await?
        .pop()
        .ok_or_else(|| StoreError::not_found("partnership", id))
}

/// The aggregate of a partnership row without its outputs or standing: what
/// deciding a [`c2c_domain::Reads::Row`] command needs, in no statement.
pub(crate) fn row_only(row: partnership::Model) -> Result<Partnership> {
    let standing = c2c_domain::Standing::empty(CityId(row.initiator_id));
    let snapshot = row::snapshot(row, standing, Vec::new(), Outputs::default())?;
    Ok(Partnership::restore(snapshot))
}

/// A part of a partnership's outputs that a read may ask alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The plan and its activities (without teams, progress and risks, or
    /// approvals): two statements.
    Plan,
    /// The KPI selections and their measurements: two statements.
    Kpis,
    /// The KPI selections and, of their measurements, the latest of each
    /// city that no correction supersedes: two statements, whatever the
    /// number of measurements.
    LatestKpis,
}

/// One part of the outputs of several partnerships, each in an otherwise
/// empty [`Outputs`]: two statements whatever their number.
pub(crate) async fn load_part<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    part: Part,
) -> Result<std::collections::HashMap<Uuid, Outputs>> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    match part {
        Part::Plan => {
            let mut plans = plan::Loaded::load(db, ids).await?;
            for id in ids {
                let outputs = Outputs {
                    plan: plans.take(*id)?,
                    ..Outputs::default()
                };
                out.insert(*id, outputs);
            }
        }
        Part::Kpis | Part::LatestKpis => {
            let mut kpis = if part == Part::Kpis {
                measure::Kpis::load(db, ids).await?
            } else {
                measure::Kpis::load_latest(db, ids).await?
            };
            for id in ids {
                let mut outputs = Outputs::default();
                kpis.fill(*id, &mut outputs)?;
                out.insert(*id, outputs);
            }
        }
    }
    Ok(out)
}

/// Loads what deciding a command reads: the row alone, or the whole aggregate.
pub(crate) async fn load_for<C: ConnectionTrait>(
    db: &C,
    row: partnership::Model,
    reads: &c2c_domain::Reads,
) -> Result<Partnership> {
    match reads {
        c2c_domain::Reads::Row => row_only(row),
        c2c_domain::Reads::Capture {
            selection,
            measurements,
        } => {
            let pid = row.id;
            let mut p = row_only(row)?;
            let (selections, found) =
                measure::for_capture(db, pid, *selection, measurements).await?;
            let mut snapshot = p.snapshot().clone();
            snapshot.outputs.selections = selections;
            snapshot.outputs.measurements = found;
            p = Partnership::restore(snapshot);
            Ok(p)
        }
        c2c_domain::Reads::Whole => load(db, row).await,
    }
}

/// Loads the aggregates of several partnership rows in [`LOAD_STATEMENTS`] - 1
/// statements (the rows are given), whatever their number and size. The
/// result is in the order of the rows.
pub(crate) async fn load_many<C: ConnectionTrait>(
    db: &C,
    rows: Vec<partnership::Model>,
) -> Result<Vec<Partnership>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let initiators: Vec<Uuid> = rows.iter().map(|r| r.initiator_id).collect();
    let counterparts: Vec<Option<Uuid>> = rows.iter().map(|r| r.counterpart_id).collect();
    let mut standings = Standings::load(db, &initiators, &counterparts).await?;
    let mut assessments = assessments::Loaded::load(db, &ids).await?;
    let mut contacts = contacts::Loaded::load(db, &ids).await?;
    let mut persons = persons::Loaded::load(db, &ids).await?;
    let mut agreements = agreements::Loaded::load(db, &ids).await?;
    let mut priorities = priorities::Loaded::load(db, &ids).await?;
    let mut plans = plan::Loaded::load(db, &ids).await?;
    let mut delivery = delivery::Loaded::load(db, &ids).await?;
    let mut measure = measure::Loaded::load(db, &ids).await?;
    let mut act = act::Loaded::load(db, &ids).await?;
    let mut replicate = replicate::Loaded::load(db, &ids).await?;

    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let pid = row.id;
        let mut outputs = Outputs::default();
        assessments.fill(pid, &mut outputs)?;
        contacts.fill(pid, &mut outputs)?;
        persons.fill(pid, &mut outputs)?;
        agreements.fill(pid, &mut outputs)?;
        priorities.fill(pid, &mut outputs)?;
        outputs.plan = plans.take(pid)?;
        if let Some(plan) = &mut outputs.plan {
            delivery.attach(plan);
        }
        measure.fill(pid, &mut outputs)?;
        act.fill(pid, &mut outputs)?;
        replicate.fill(pid, &mut outputs)?;
        let standing = standings.standing(CityId(row.initiator_id))?;
        let counterpart_stakeholders = match row.counterpart_id {
            Some(c) => standings.stakeholders(CityId(c))?,
            None => Vec::new(),
        };
        let snapshot = row::snapshot(row, standing, counterpart_stakeholders, outputs)?;
        out.push(Partnership::restore(snapshot));
    }
    Ok(out)
}

/// Writes the rows an event changes, then bumps the version. `before` is the
/// aggregate the event was decided on; `after` has the event applied.
pub(crate) async fn write(
    w: &mut Writer,
    before: &Partnership,
    after: &Partnership,
    e: &Event,
) -> Result<()> {
    write_outputs(w, after, e).await?;
    bump(w, before, after, e).await
}

/// The output rows of an event; a move writes none (its state is in the
/// partnership row).
async fn write_outputs(w: &mut Writer, after: &Partnership, e: &Event) -> Result<()> {
    let pid = e.partnership.0;
    match &e.change {
        Change::Started { .. }
        | Change::Advanced { .. }
        | Change::LoopedBack { .. }
        | Change::Spawned { .. }
        | Change::Suspended { .. }
        | Change::Resumed
        | Change::Concluded
        | Change::Terminated { .. }
        | Change::CounterpartChosen { .. } => Ok(()),
        Change::AssessmentRecorded(a) => assessments::record(w, pid, a).await,
        Change::ContactRecorded(c) => contacts::record(w, pid, c).await,
        Change::FollowUpRecorded {
            contact,
            on,
            note,
            by,
        } => contacts::follow_up(w, pid, *contact, (*on, note, *by)).await,
        Change::ContactPersonRecorded(p) => persons::record(w, pid, p).await,
        Change::AgreementRecorded(a) => agreements::record(w, pid, a).await,
        Change::AgreementSigned {
            agreement,
            signature,
        } => {
            agreements::sign(w, pid, *agreement, signature).await?;
            milestones::agreement_signed(w, *agreement).await
        }
        Change::PriorityAgreed(p) => priorities::record(w, pid, p).await,
        Change::PlanRecorded { .. } => plan::record(w, pid, after, e.at).await,
        Change::ActivityRecorded { activity, .. } => {
            plan::record_activity(w, pid, after, activity, e.at).await
        }
        Change::TeamRecorded { activity, team } => {
            delivery::record_team(w, pid, *activity, team).await
        }
        Change::ProgressReported {
            activity,
            report,
            plan_version,
        } => {
            delivery::report(w, pid, *activity, report).await?;
            plan::set_status(w, *activity, report.status).await?;
            match plan_version {
                Some(_) => plan::set_version(w, pid, after, e.at).await,
                None => Ok(()),
            }
        }
        Change::RiskRecorded { activity, risk } => {
            delivery::record_risk(w, pid, *activity, risk).await
        }
        Change::KpiSelected(s) => measure::select(w, pid, s).await,
        Change::MeasurementRecorded(m) => measure::measure(w, pid, after, m).await,
        Change::FeedbackRecorded(f) => measure::record_feedback(w, pid, f).await,
        Change::EvaluationRecorded(x) => measure::evaluate(w, pid, x).await,
        Change::AdjustmentProposed { adjustment, .. } => act::propose(w, pid, adjustment).await,
        Change::AdjustmentDecided {
            adjustment,
            decision,
            ..
        } => act::decide(w, pid, *adjustment, decision).await,
        Change::Approved(a) => act::approve(w, pid, a).await,
        Change::LessonRecorded(l) => replicate::learn(w, pid, l).await,
        Change::ExPostRecorded(x) => replicate::evaluate(w, pid, x).await,
    }
}
