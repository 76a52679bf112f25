//! Loading a partnership aggregate, and writing what an event changed.
//!
//! Loading costs a fixed number of statements ([`LOAD_STATEMENTS`]): one per
//! table, whatever the number of activities, measurements or events.

use crate::entity::*;
use crate::error::{Result, StoreError};
use crate::rows::*;
use crate::{Backend, Writer};
use c2c_domain::outputs::{Activity, ActivityPlan, Outputs, Plan};
use c2c_domain::partnership::{Snapshot, State};
use c2c_domain::standing::Standing;
use c2c_domain::{Change, CityId, Event, Partnership, PartnershipId, Stakeholder};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The statements that loading an aggregate costs: the partnership row, the
/// initiator's strategy and commitment, the stakeholders of both cities, and
/// one per output table.
pub const LOAD_STATEMENTS: u64 = 22;

/// Reads the partnership row, locked for update on PostgreSQL (SQLite's
/// immediate transaction already holds the write lock).
pub(crate) async fn lock(w: &Writer, id: PartnershipId) -> Result<partnership::Model> {
    let mut query = partnership::Entity::find_by_id(id.0);
    if w.backend == Backend::Postgres {
        query = query.lock_exclusive();
    }
    query
        .one(&w.txn)
        .await?
        .ok_or_else(|| StoreError::not_found("partnership", id))
}

/// A city's standing: its stakeholders and its strategy and commitment in force.
pub(crate) async fn standing<C: ConnectionTrait>(db: &C, city: CityId) -> Result<Standing> {
    let (standing, _) = standing_and_counterpart(db, city, None).await?;
    Ok(standing)
}

/// The initiator's standing and the counterpart's stakeholders, in three
/// statements.
pub(crate) async fn standing_and_counterpart<C: ConnectionTrait>(
    db: &C,
    initiator: CityId,
    counterpart: Option<CityId>,
) -> Result<(Standing, Vec<Stakeholder>)> {
    let mut cities = Standings::load(db, &[initiator.0], &[counterpart.map(|c| c.0)]).await?;
    let standing = cities.standing(initiator)?;
    let others = match counterpart {
        Some(c) => cities.stakeholders(c)?,
        None => Vec::new(),
    };
    Ok((standing, others))
}

/// The standings of several cities, by city: three statements whatever their
/// number.
pub(crate) async fn standings<C: ConnectionTrait>(
    db: &C,
    cities: &[CityId],
) -> Result<HashMap<CityId, Standing>> {
    let ids: Vec<Uuid> = cities.iter().map(|c| c.0).collect();
    let mut loaded = Standings::load(db, &ids, &[]).await?;
    cities
        .iter()
        .map(|c| Ok((*c, loaded.standing(*c)?)))
        .collect()
}

/// The standings of several cities: three statements whatever their number.
struct Standings {
    strategies: HashMap<Uuid, strategy::Model>,
    commitments: HashMap<Uuid, commitment::Model>,
    stakeholders: HashMap<Uuid, Vec<stakeholder::Model>>,
}

impl Standings {
    async fn load<C: ConnectionTrait>(
        db: &C,
        initiators: &[Uuid],
        counterparts: &[Option<Uuid>],
    ) -> Result<Standings> {
        let mut strategies: HashMap<Uuid, strategy::Model> = HashMap::new();
        for m in strategy::Entity::find()
            .filter(strategy::Column::CityId.is_in(initiators.to_vec()))
            .all(db)
            .await?
        {
            if strategies
                .get(&m.city_id)
                .is_none_or(|x| x.version < m.version)
            {
                strategies.insert(m.city_id, m);
            }
        }
        let mut commitments: HashMap<Uuid, commitment::Model> = HashMap::new();
        for m in commitment::Entity::find()
            .filter(commitment::Column::CityId.is_in(initiators.to_vec()))
            .all(db)
            .await?
        {
            if commitments
                .get(&m.city_id)
                .is_none_or(|x| x.version < m.version)
            {
                commitments.insert(m.city_id, m);
            }
        }
        let cities: Vec<Uuid> = initiators
            .iter()
            .copied()
            .chain(counterparts.iter().flatten().copied())
            .collect();
        let mut stakeholders: HashMap<Uuid, Vec<stakeholder::Model>> = HashMap::new();
        for m in stakeholder::Entity::find()
            .filter(stakeholder::Column::CityId.is_in(cities))
            .order_by_asc(stakeholder::Column::CreatedAt)
            .order_by_asc(stakeholder::Column::Id)
            .all(db)
            .await?
        {
            stakeholders.entry(m.city_id).or_default().push(m);
        }
        Ok(Standings {
            strategies,
            commitments,
            stakeholders,
        })
    }

    fn stakeholders(&self, city: CityId) -> Result<Vec<Stakeholder>> {
        self.stakeholders
            .get(&city.0)
            .map(|rows| rows.iter().cloned().map(stakeholder_from).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    fn standing(&mut self, city: CityId) -> Result<Standing> {
        Ok(Standing {
            city,
            stakeholders: self.stakeholders(city)?,
            strategy: self
                .strategies
                .get(&city.0)
                .cloned()
                .map(strategy_from)
                .transpose()?,
            commitment: self
                .commitments
                .get(&city.0)
                .cloned()
                .map(commitment_from)
                .transpose()?,
        })
    }
}

/// Rows of an output table for a set of partnerships, grouped by partnership,
/// oldest first: one statement.
macro_rules! rows_of {
    ($db:expr, $entity:ident, $ids:expr) => {{
        let mut grouped: HashMap<Uuid, Vec<$entity::Model>> = HashMap::new();
        for m in $entity::Entity::find()
            .filter($entity::Column::PartnershipId.is_in($ids.to_vec()))
            .order_by_asc($entity::Column::RecordedAt)
            .all($db)
            .await?
        {
            grouped.entry(m.partnership_id).or_default().push(m);
        }
        grouped
    }};
}

fn take<M, T>(
    grouped: &mut HashMap<Uuid, Vec<M>>,
    id: Uuid,
    f: impl FnMut(M) -> Result<T>,
) -> Result<Vec<T>> {
    grouped
        .remove(&id)
        .unwrap_or_default()
        .into_iter()
        .map(f)
        .collect()
}

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

    let mut assessments = rows_of!(db, assessment, ids);
    let mut contacts = rows_of!(db, contact, ids);
    let mut agreements = rows_of!(db, agreement, ids);
    let mut signatures: HashMap<Uuid, Vec<_>> = HashMap::new();
    for s in rows_of!(db, signature, ids).into_values().flatten() {
        signatures
            .entry(s.agreement_id)
            .or_default()
            .push(signature_from(s));
    }
    let mut priorities = rows_of!(db, first_priority, ids);
    let mut plans: HashMap<Uuid, plan::Model> = plan::Entity::find()
        .filter(plan::Column::PartnershipId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.partnership_id, p))
        .collect();
    let mut activities: HashMap<Uuid, Vec<activity::Model>> = HashMap::new();
    for a in activity::Entity::find()
        .filter(activity::Column::PartnershipId.is_in(ids.clone()))
        .order_by_asc(activity::Column::Position)
        .all(db)
        .await?
    {
        activities.entry(a.partnership_id).or_default().push(a);
    }
    let mut teams: HashMap<Uuid, Vec<_>> = HashMap::new();
    for t in rows_of!(db, team, ids).into_values().flatten() {
        teams.entry(t.activity_id).or_default().push(team_from(t)?);
    }
    let mut progress: HashMap<Uuid, Vec<_>> = HashMap::new();
    for r in rows_of!(db, progress_report, ids).into_values().flatten() {
        progress
            .entry(r.activity_id)
            .or_default()
            .push(progress_from(r)?);
    }
    let mut risks: HashMap<Uuid, Vec<_>> = HashMap::new();
    for r in rows_of!(db, risk, ids).into_values().flatten() {
        risks.entry(r.activity_id).or_default().push(risk_from(r)?);
    }
    let mut selections = rows_of!(db, kpi_selection, ids);
    let mut measurements = rows_of!(db, measurement, ids);
    let mut feedback = rows_of!(db, feedback, ids);
    let mut evaluations = rows_of!(db, evaluation, ids);
    let mut adjustments = rows_of!(db, adjustment, ids);
    let mut approvals = rows_of!(db, approval, ids);
    let mut lessons = rows_of!(db, lesson, ids);
    let mut ex_posts = rows_of!(db, ex_post, ids);

    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let pid = row.id;
        let initiator = CityId(row.initiator_id);
        let counterpart = row.counterpart_id.map(CityId);
        let plan = match plans.remove(&pid) {
            None => None,
            Some(p) => {
                let mut list = Vec::new();
                for a in activities.remove(&pid).unwrap_or_default() {
                    list.push(Activity {
                        plan: activity_plan_from(&a)?,
                        status: parse("activity status", &a.status)?,
                        teams: teams.remove(&a.id).unwrap_or_default(),
                        progress: progress.remove(&a.id).unwrap_or_default(),
                        risks: risks.remove(&a.id).unwrap_or_default(),
                    });
                }
                Some(Plan {
                    title: p.title,
                    summary: p.summary,
                    version: u32_of("plan version", p.version)?,
                    activities: list,
                })
            }
        };
        let agreements = take(&mut agreements, pid, |a| {
            let sigs = signatures.remove(&a.id).unwrap_or_default();
            agreement_from(a, sigs)
        })?;
        out.push(Partnership::restore(Snapshot {
            id: PartnershipId(pid),
            initiator,
            counterpart,
            origin: row.origin_id.map(PartnershipId),
            state: State {
                step: parse("step", &row.step)?,
                loop_: parse("loop", &row.loop_)?,
                cycle: u32_of("cycle", row.cycle)?,
                status: parse("status", &row.status)?,
            },
            version: u64_of("version", row.version)?,
            started_at: row.started_at,
            last_move_at: row.last_move_at,
            starting_notes: from_json("partnership.starting_notes", row.starting_notes)?,
            strategy_version: row
                .strategy_version
                .map(|v| u32_of("strategy version", v))
                .transpose()?,
            commitment_version: row
                .commitment_version
                .map(|v| u32_of("commitment version", v))
                .transpose()?,
            standing: standings.standing(initiator)?,
            counterpart_stakeholders: match counterpart {
                Some(c) => standings.stakeholders(c)?,
                None => Vec::new(),
            },
            outputs: Outputs {
                assessments: take(&mut assessments, pid, assessment_from)?,
                contacts: take(&mut contacts, pid, contact_from)?,
                agreements,
                priorities: take(&mut priorities, pid, priority_from)?,
                plan,
                selections: take(&mut selections, pid, selection_from)?,
                measurements: take(&mut measurements, pid, measurement_from)?,
                feedback: take(&mut feedback, pid, feedback_from)?,
                evaluations: take(&mut evaluations, pid, evaluation_from)?,
                adjustments: take(&mut adjustments, pid, adjustment_from)?,
                decisions_version: u32_of("decisions version", row.decisions_version)?,
                approvals: take(&mut approvals, pid, approval_from)?,
                lessons: take(&mut lessons, pid, lesson_from)?,
                ex_post: take(&mut ex_posts, pid, ex_post_from)?,
            },
        }));
    }
    Ok(out)
}

/// The partnership row of a (new or changed) aggregate.
pub(crate) fn partnership_row(
    p: &Partnership,
    status_reason: Option<String>,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
) -> partnership::ActiveModel {
    let s = p.snapshot();
    partnership::ActiveModel {
        id: Set(s.id.0),
        initiator_id: Set(s.initiator.0),
        counterpart_id: Set(s.counterpart.map(|c| c.0)),
        origin_id: Set(s.origin.map(|o| o.0)),
        step: Set(code(s.state.step)),
        loop_: Set(code(s.state.loop_)),
        cycle: Set(i32_of(s.state.cycle)),
        status: Set(code(s.state.status)),
        status_reason: Set(status_reason),
        version: Set(i64_of(s.version)),
        started_at: Set(s.started_at),
        last_move_at: Set(s.last_move_at),
        starting_notes: Set(json(&s.starting_notes)),
        strategy_version: Set(s.strategy_version.map(i32_of)),
        commitment_version: Set(s.commitment_version.map(i32_of)),
        decisions_version: Set(i32_of(s.outputs.decisions_version)),
        created_at: Set(created_at),
        updated_at: Set(updated_at),
    }
}

fn activity_row(
    a: &ActivityPlan,
    pid: Uuid,
    position: usize,
    status: String,
    at: chrono::DateTime<chrono::Utc>,
) -> activity::ActiveModel {
    activity::ActiveModel {
        id: Set(a.id.0),
        partnership_id: Set(pid),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        title: Set(a.title.clone()),
        area: Set(a.area.map(code)),
        description: Set(a.description.clone()),
        lead_city_id: Set(a.lead_city.map(|c| c.0)),
        lead_stakeholder_id: Set(a.lead_stakeholder.map(|s| s.0)),
        cities: Set(json(&a.cities)),
        funding: Set(json(&a.funding)),
        start_on: Set(a.start),
        due_on: Set(a.due),
        expected_results: Set(a.expected_results.clone()),
        resources: Set(json(&a.resources)),
        status: Set(status),
        recorded_at: Set(at),
    }
}

/// Writes the rows an event changes. `before` is the aggregate the event was
/// decided on; `after` has the event applied.
pub(crate) async fn write(
    w: &mut Writer,
    before: &Partnership,
    after: &Partnership,
    e: &Event,
) -> Result<()> {
    let pid = e.partnership.0;
    let txn = &w.txn;
    let mut wrote_output = true;
    match &e.change {
        Change::Started { .. }
        | Change::Advanced { .. }
        | Change::LoopedBack { .. }
        | Change::Spawned { .. }
        | Change::Suspended { .. }
        | Change::Resumed
        | Change::Concluded
        | Change::Terminated { .. }
        | Change::CounterpartChosen { .. } => wrote_output = false,
        Change::AssessmentRecorded(a) => {
            assessment::Entity::insert(assessment::ActiveModel {
                id: Set(a.id.0),
                partnership_id: Set(pid),
                city_id: Set(a.city.0),
                candidate_id: Set(a.candidate.0),
                assessed_on: Set(a.on),
                items: Set(json(&a.items)),
                recorded_at: Set(a.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::ContactRecorded(c) => {
            contact::Entity::insert(contact::ActiveModel {
                id: Set(c.id.0),
                partnership_id: Set(pid),
                city_id: Set(c.city.0),
                happened_on: Set(c.on),
                kind: Set(code(c.kind)),
                direction: Set(code(c.direction)),
                ours_political: Set(c.ours.political),
                ours_technical: Set(c.ours.technical),
                theirs_political: Set(c.theirs.political),
                theirs_technical: Set(c.theirs.technical),
                outcome: Set(c.outcome.clone()),
                follow_up_due: Set(c.follow_up_due),
                followed_up_on: Set(None),
                follow_up_note: Set(None),
                cycle: Set(i32_of(c.cycle)),
                recorded_at: Set(c.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::FollowUpRecorded {
            contact: id,
            on,
            note,
        } => {
            contact::Entity::update_many()
                .col_expr(contact::Column::FollowedUpOn, (*on).into())
                .col_expr(contact::Column::FollowUpNote, note.clone().into())
                .filter(contact::Column::Id.eq(id.0))
                .filter(contact::Column::PartnershipId.eq(pid))
                .exec(txn)
                .await?;
        }
        Change::AgreementRecorded(a) => {
            agreement::Entity::insert(agreement::ActiveModel {
                id: Set(a.id.0),
                partnership_id: Set(pid),
                city_id: Set(a.city.0),
                kind: Set(code(a.kind)),
                title: Set(a.title.clone()),
                areas: Set(json(&a.areas)),
                binding: Set(a.binding),
                text: Set(a.text.clone()),
                reference: Set(a.reference.clone()),
                valid_until: Set(a.valid_until),
                renewal_of: Set(a.renewal_of.map(|r| r.0)),
                recorded_at: Set(a.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::AgreementSigned {
            agreement,
            signature: s,
        } => {
            signature::Entity::insert(signature::ActiveModel {
                agreement_id: Set(agreement.0),
                city_id: Set(s.city.0),
                partnership_id: Set(pid),
                signed_by: Set(s.by.clone()),
                signed_on: Set(s.on),
                reference: Set(s.reference.clone()),
                recorded_at: Set(s.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::PriorityAgreed(p) => {
            first_priority::Entity::insert(first_priority::ActiveModel {
                partnership_id: Set(pid),
                area: Set(code(p.area)),
                city_id: Set(p.city.0),
                agreed_by: Set(p.by.clone()),
                agreed_on: Set(p.on),
                recorded_at: Set(p.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::PlanRecorded {
            title,
            summary,
            version,
        } => {
            plan::Entity::insert(plan::ActiveModel {
                partnership_id: Set(pid),
                title: Set(title.clone()),
                summary: Set(summary.clone()),
                version: Set(i32_of(*version)),
                updated_at: Set(e.at),
            })
            .on_conflict(
                OnConflict::column(plan::Column::PartnershipId)
                    .update_columns([
                        plan::Column::Title,
                        plan::Column::Summary,
                        plan::Column::Version,
                        plan::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        }
        Change::ActivityRecorded {
            activity: a,
            plan_version,
        } => {
            let plan = after.outputs().plan.as_ref();
            let position = plan
                .and_then(|p| p.activities.iter().position(|x| x.plan.id == a.id))
                .unwrap_or(0);
            let status = plan
                .and_then(|p| p.activity(a.id))
                .map(|x| code(x.status))
                .unwrap_or_else(|| "PLANNED".to_owned());
            activity::Entity::insert(activity_row(a, pid, position, status, e.at))
                .on_conflict(
                    OnConflict::column(activity::Column::Id)
                        .update_columns([
                            activity::Column::Title,
                            activity::Column::Area,
                            activity::Column::Description,
                            activity::Column::LeadCityId,
                            activity::Column::LeadStakeholderId,
                            activity::Column::Cities,
                            activity::Column::Funding,
                            activity::Column::StartOn,
                            activity::Column::DueOn,
                            activity::Column::ExpectedResults,
                            activity::Column::Resources,
                        ])
                        .to_owned(),
                )
                .exec_without_returning(txn)
                .await?;
            w.wrote()?;
            plan::Entity::update_many()
                .col_expr(plan::Column::Version, i32_of(*plan_version).into())
                .col_expr(plan::Column::UpdatedAt, e.at.into())
                .filter(plan::Column::PartnershipId.eq(pid))
                .exec(&w.txn)
                .await?;
        }
        Change::TeamRecorded { activity, team: t } => {
            team::Entity::insert(team::ActiveModel {
                activity_id: Set(activity.0),
                city_id: Set(t.city.0),
                partnership_id: Set(pid),
                name: Set(t.name.clone()),
                members: Set(json(&t.members)),
                responsibilities: Set(t.responsibilities.clone()),
                recorded_at: Set(t.recorded_at),
            })
            .on_conflict(
                OnConflict::columns([team::Column::ActivityId, team::Column::CityId])
                    .update_columns([
                        team::Column::Name,
                        team::Column::Members,
                        team::Column::Responsibilities,
                        team::Column::RecordedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        }
        Change::ProgressReported {
            activity,
            report: r,
        } => {
            progress_report::Entity::insert(progress_report::ActiveModel {
                id: Set(r.id.0),
                activity_id: Set(activity.0),
                partnership_id: Set(pid),
                city_id: Set(r.city.0),
                reported_on: Set(r.on),
                summary: Set(r.summary.clone()),
                status: Set(code(r.status)),
                percent: Set(r.percent.map(i16::from)),
                cycle: Set(i32_of(r.cycle)),
                recorded_at: Set(r.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
            w.wrote()?;
            activity::Entity::update_many()
                .col_expr(activity::Column::Status, code(r.status).into())
                .filter(activity::Column::Id.eq(activity.0))
                .exec(&w.txn)
                .await?;
        }
        Change::RiskRecorded { activity, risk: r } => {
            risk::Entity::insert(risk::ActiveModel {
                id: Set(r.id.0),
                activity_id: Set(activity.0),
                partnership_id: Set(pid),
                city_id: Set(r.city.0),
                description: Set(r.description.clone()),
                likelihood: Set(code(r.likelihood)),
                impact: Set(code(r.impact)),
                mitigation: Set(r.mitigation.clone()),
                owner: Set(r.owner.clone()),
                status: Set(code(r.status)),
                recorded_at: Set(r.recorded_at),
            })
            .on_conflict(
                OnConflict::column(risk::Column::Id)
                    .update_columns([
                        risk::Column::CityId,
                        risk::Column::Description,
                        risk::Column::Likelihood,
                        risk::Column::Impact,
                        risk::Column::Mitigation,
                        risk::Column::Owner,
                        risk::Column::Status,
                        risk::Column::RecordedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        }
        Change::KpiSelected(s) => {
            kpi_selection::Entity::insert(kpi_selection::ActiveModel {
                id: Set(s.id.0),
                partnership_id: Set(pid),
                kpi_code: Set(s.kpi.to_string()),
                unit: Set(code(s.unit)),
                objective_id: Set(s.objective.map(|o| o.0)),
                target: Set(s.target.as_ref().map(json)),
                reporting: Set(json(&s.reporting)),
                recorded_at: Set(s.recorded_at),
            })
            .on_conflict(
                OnConflict::column(kpi_selection::Column::Id)
                    .update_columns([
                        kpi_selection::Column::KpiCode,
                        kpi_selection::Column::Unit,
                        kpi_selection::Column::ObjectiveId,
                        kpi_selection::Column::Target,
                        kpi_selection::Column::Reporting,
                        kpi_selection::Column::RecordedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        }
        Change::MeasurementRecorded(m) => {
            let kpi = after
                .outputs()
                .selections
                .iter()
                .find(|s| s.id == m.selection)
                .map(|s| s.kpi.to_string())
                .ok_or_else(|| StoreError::not_found("KPI selection", m.selection))?;
            let v = value_columns(&m.value)?;
            measurement::Entity::insert(measurement::ActiveModel {
                id: Set(m.id.0),
                selection_id: Set(m.selection.0),
                partnership_id: Set(pid),
                kpi_code: Set(kpi),
                city_id: Set(m.city.0),
                period_start: Set(m.period.start),
                period_end: Set(m.period.end),
                unit: Set(code(m.value.unit())),
                value_count: Set(v.count),
                value_e4: Set(v.e4),
                currency: Set(v.currency),
                value_score: Set(v.score),
                value_text: Set(v.text),
                source: Set(m.source.clone()),
                note: Set(m.note.clone()),
                supersedes_id: Set(m.supersedes.map(|s| s.0)),
                recorded_by: Set(m.recorded_by.0),
                cycle: Set(i32_of(m.cycle)),
                recorded_at: Set(m.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::FeedbackRecorded(f) => {
            feedback::Entity::insert(feedback::ActiveModel {
                id: Set(f.id.0),
                partnership_id: Set(pid),
                city_id: Set(f.city.0),
                team: Set(f.team.clone()),
                text: Set(f.text.clone()),
                given_on: Set(f.on),
                cycle: Set(i32_of(f.cycle)),
                recorded_at: Set(f.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::EvaluationRecorded(x) => {
            evaluation::Entity::insert(evaluation::ActiveModel {
                id: Set(x.id.0),
                partnership_id: Set(pid),
                city_id: Set(x.city.0),
                strengths: Set(x.strengths.clone()),
                challenges: Set(x.challenges.clone()),
                no_adjustments: Set(x.no_adjustments),
                evaluated_on: Set(x.on),
                cycle: Set(i32_of(x.cycle)),
                recorded_at: Set(x.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::AdjustmentProposed { adjustment: a, .. } => {
            adjustment::Entity::insert(adjustment::ActiveModel {
                id: Set(a.id.0),
                partnership_id: Set(pid),
                city_id: Set(a.city.0),
                proposal: Set(a.proposal.clone()),
                cycle: Set(i32_of(a.cycle)),
                decision_outcome: Set(None),
                decision_city_id: Set(None),
                decided_on: Set(None),
                decision_note: Set(None),
                decision_recorded_at: Set(None),
                recorded_at: Set(a.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::AdjustmentDecided {
            adjustment: id,
            decision: d,
            ..
        } => {
            adjustment::Entity::update_many()
                .col_expr(adjustment::Column::DecisionOutcome, code(d.outcome).into())
                .col_expr(adjustment::Column::DecisionCityId, d.city.0.into())
                .col_expr(adjustment::Column::DecidedOn, d.on.into())
                .col_expr(adjustment::Column::DecisionNote, d.note.clone().into())
                .col_expr(adjustment::Column::DecisionRecordedAt, d.recorded_at.into())
                .filter(adjustment::Column::Id.eq(id.0))
                .filter(adjustment::Column::PartnershipId.eq(pid))
                .exec(txn)
                .await?;
        }
        Change::Approved(a) => {
            approval::Entity::insert(approval::ActiveModel {
                partnership_id: Set(pid),
                subject: Set(code(a.subject)),
                version: Set(i32_of(a.version)),
                cycle: Set(i32_of(a.cycle)),
                city_id: Set(a.city.0),
                approved_by: Set(a.by.clone()),
                approved_on: Set(a.on),
                reference: Set(a.reference.clone()),
                recorded_at: Set(a.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::LessonRecorded(l) => {
            lesson::Entity::insert(lesson::ActiveModel {
                id: Set(l.id.0),
                partnership_id: Set(pid),
                city_id: Set(l.city.0),
                kind: Set(code(l.kind)),
                text: Set(l.text.clone()),
                cycle: Set(i32_of(l.cycle)),
                recorded_at: Set(l.recorded_at),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Change::ExPostRecorded(x) => {
            ex_post::Entity::insert(ex_post::ActiveModel {
                partnership_id: Set(pid),
                objective_id: Set(x.objective.0),
                cycle: Set(i32_of(x.cycle)),
                city_id: Set(x.city.0),
                foreseen: Set(x.foreseen.clone()),
                achieved: Set(x.achieved.clone()),
                gap: Set(x.gap.clone()),
                recorded_at: Set(x.recorded_at),
            })
            .on_conflict(
                OnConflict::columns([
                    ex_post::Column::PartnershipId,
                    ex_post::Column::ObjectiveId,
                    ex_post::Column::Cycle,
                ])
                .update_columns([
                    ex_post::Column::CityId,
                    ex_post::Column::Foreseen,
                    ex_post::Column::Achieved,
                    ex_post::Column::Gap,
                    ex_post::Column::RecordedAt,
                ])
                .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        }
    }
    if wrote_output {
        w.wrote()?;
    }
    bump(w, before, after, e).await
}

/// Writes the partnership row's new state and version, on the condition that
/// the stored version is still the one the event was decided on.
async fn bump(w: &mut Writer, before: &Partnership, after: &Partnership, e: &Event) -> Result<()> {
    if matches!(e.change, Change::Started { .. }) {
        return Ok(());
    }
    let s = after.snapshot();
    let mut update = partnership::Entity::update_many()
        .col_expr(
            partnership::Column::CounterpartId,
            s.counterpart.map(|c| c.0).into(),
        )
        .col_expr(partnership::Column::Step, code(s.state.step).into())
        .col_expr(partnership::Column::Loop, code(s.state.loop_).into())
        .col_expr(partnership::Column::Cycle, i32_of(s.state.cycle).into())
        .col_expr(partnership::Column::Status, code(s.state.status).into())
        .col_expr(partnership::Column::Version, i64_of(s.version).into())
        .col_expr(partnership::Column::LastMoveAt, s.last_move_at.into())
        .col_expr(
            partnership::Column::StrategyVersion,
            s.strategy_version.map(i32_of).into(),
        )
        .col_expr(
            partnership::Column::CommitmentVersion,
            s.commitment_version.map(i32_of).into(),
        )
        .col_expr(
            partnership::Column::DecisionsVersion,
            i32_of(s.outputs.decisions_version).into(),
        )
        .col_expr(partnership::Column::UpdatedAt, e.at.into());
    match &e.change {
        Change::Suspended { reason } | Change::Terminated { reason } => {
            update = update.col_expr(partnership::Column::StatusReason, reason.clone().into());
        }
        Change::Resumed => {
            update = update.col_expr(
                partnership::Column::StatusReason,
                Option::<String>::None.into(),
            );
        }
        _ => {}
    }
    let result = update
        .filter(partnership::Column::Id.eq(s.id.0))
        .filter(partnership::Column::Version.eq(i64_of(before.version())))
        .exec(&w.txn)
        .await?;
    w.wrote()?;
    if result.rows_affected != 1 {
        return Err(StoreError::VersionConflict {
            expected: before.version(),
            actual: before.version() + 1,
        });
    }
    Ok(())
}

/// Inserts the row of a new partnership.
pub(crate) async fn insert_new(
    w: &mut Writer,
    p: &Partnership,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    partnership::Entity::insert(partnership_row(p, None, at, at))
        .exec_without_returning(&w.txn)
        .await?;
    w.wrote()
}
