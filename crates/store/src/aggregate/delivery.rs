//! The delivery of the plan's activities (Do): teams, progress reports and
//! risks. The entities, the rows as domain values attached to their
//! activities, and each as a row.

use super::common::{Grouped, regroup, rows_of};
use crate::Writer;
use crate::convert::{code, from_json, i32_of, json, parse, u32_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use c2c_domain::outputs::{Plan, ProgressReport, Risk, Team};
use c2c_domain::{ActivityId, CityId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, Set};
use uuid::Uuid;

entity!(team, "team", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub partnership_id: Uuid,
    pub name: String,
    pub members: Json,
    pub responsibilities: String,
    pub recorded_at: DateTimeUtc,
});

entity!(progress_report, "progress_report", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub activity_id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub reported_on: Date,
    pub summary: String,
    pub status: String,
    pub reason: Option<String>,
    pub percent: Option<i16>,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(risk, "risk", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub activity_id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub description: String,
    pub likelihood: String,
    pub impact: String,
    pub mitigation: Option<String>,
    pub owner: Option<String>,
    pub status: String,
    pub recorded_at: DateTimeUtc,
});

fn team_from(m: team::Model) -> Result<Team> {
    Ok(Team {
        city: CityId(m.city_id),
        name: m.name,
        members: from_json("team.members", m.members)?,
        responsibilities: m.responsibilities,
        recorded_at: m.recorded_at,
    })
}

fn progress_from(m: progress_report::Model) -> Result<ProgressReport> {
    Ok(ProgressReport {
        id: m.id.into(),
        city: CityId(m.city_id),
        on: m.reported_on,
        summary: m.summary,
        status: parse("activity status", &m.status)?,
        reason: m.reason,
        percent: m
            .percent
            .map(|p| u8::try_from(p).map_err(|_| StoreError::corrupt(format!("percent {p}"))))
            .transpose()?,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

fn risk_from(m: risk::Model) -> Result<Risk> {
    Ok(Risk {
        id: m.id.into(),
        city: CityId(m.city_id),
        description: m.description,
        likelihood: parse("risk likelihood", &m.likelihood)?,
        impact: parse("risk impact", &m.impact)?,
        mitigation: m.mitigation,
        owner: m.owner,
        status: parse("risk status", &m.status)?,
        recorded_at: m.recorded_at,
    })
}

fn team_row(pid: Uuid, activity: ActivityId, t: &Team) -> team::ActiveModel {
    team::ActiveModel {
        activity_id: Set(activity.0),
        city_id: Set(t.city.0),
        partnership_id: Set(pid),
        name: Set(t.name.clone()),
        members: Set(json(&t.members)),
        responsibilities: Set(t.responsibilities.clone()),
        recorded_at: Set(t.recorded_at),
    }
}

fn progress_row(
    pid: Uuid,
    activity: ActivityId,
    r: &ProgressReport,
) -> progress_report::ActiveModel {
    progress_report::ActiveModel {
        id: Set(r.id.0),
        activity_id: Set(activity.0),
        partnership_id: Set(pid),
        city_id: Set(r.city.0),
        reported_on: Set(r.on),
        summary: Set(r.summary.clone()),
        status: Set(code(r.status)),
        reason: Set(r.reason.clone()),
        percent: Set(r.percent.map(i16::from)),
        cycle: Set(i32_of(r.cycle)),
        recorded_at: Set(r.recorded_at),
    }
}

fn risk_row(pid: Uuid, activity: ActivityId, r: &Risk) -> risk::ActiveModel {
    risk::ActiveModel {
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
    }
}

/// The teams, progress reports and risks of a set of partnerships, by
/// activity: three statements.
pub(super) struct Loaded {
    teams: Grouped<Team>,
    progress: Grouped<ProgressReport>,
    risks: Grouped<Risk>,
}

impl Loaded {
    pub(super) async fn load<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Loaded> {
        let teams = regroup(rows_of!(db, team, ids), |t| t.activity_id, team_from)?;
        let progress = regroup(
            rows_of!(db, progress_report, ids),
            |r| r.activity_id,
            progress_from,
        )?;
        let risks = regroup(rows_of!(db, risk, ids), |r| r.activity_id, risk_from)?;
        Ok(Loaded {
            teams,
            progress,
            risks,
        })
    }

    /// Attaches to each activity of a plan its teams, progress and risks.
    pub(super) fn attach(&mut self, plan: &mut Plan) {
        for a in &mut plan.activities {
            let id = a.plan.id.0;
            a.teams = self.teams.remove(&id).unwrap_or_default();
            a.progress = self.progress.remove(&id).unwrap_or_default();
            a.risks = self.risks.remove(&id).unwrap_or_default();
        }
    }
}

/// `TeamRecorded`: a city's team, inserted or replaced.
pub(super) async fn record_team(
    w: &mut Writer,
    pid: Uuid,
    activity: ActivityId,
    t: &Team,
) -> Result<()> {
    w.upsert(
        team_row(pid, activity, t),
        OnConflict::columns([team::Column::ActivityId, team::Column::CityId])
            .update_columns([
                team::Column::Name,
                team::Column::Members,
                team::Column::Responsibilities,
                team::Column::RecordedAt,
            ])
            .to_owned(),
    )
    .await
}

/// `ProgressReported`: the report (the activity's status is `plan.rs`'s).
pub(super) async fn report(
    w: &mut Writer,
    pid: Uuid,
    activity: ActivityId,
    r: &ProgressReport,
) -> Result<()> {
    w.insert(progress_row(pid, activity, r)).await
}

/// `RiskRecorded`: the risk, inserted or replaced.
pub(super) async fn record_risk(
    w: &mut Writer,
    pid: Uuid,
    activity: ActivityId,
    r: &Risk,
) -> Result<()> {
    w.upsert(
        risk_row(pid, activity, r),
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
    .await
}
