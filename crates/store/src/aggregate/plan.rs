//! The cooperation plan and its activities (Plan): the entities, the rows as
//! a domain plan (its activities' delivery is attached by `delivery.rs`), and
//! the plan header, an activity's planned part and its status as rows.

use crate::Writer;
use crate::convert::{code, from_json, i32_of, json, parse, u32_of};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::outputs::{Activity, ActivityPlan, ActivityStatus, Plan};
use c2c_domain::{ActivityId, CityId, Partnership, StakeholderId};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;
use uuid::Uuid;

entity!(plan, "plan", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    pub title: String,
    pub summary: String,
    pub version: i32,
    pub version_cycle: i32,
    pub updated_at: DateTimeUtc,
});

entity!(activity, "activity", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub position: i32,
    pub title: String,
    pub area: Option<String>,
    pub description: String,
    pub lead_city_id: Option<Uuid>,
    pub lead_stakeholder_id: Option<Uuid>,
    pub cities: Json,
    pub funding: Json,
    pub start_on: Option<Date>,
    pub due_on: Option<Date>,
    pub expected_results: String,
    pub resources: Json,
    pub status: String,
    pub recorded_at: DateTimeUtc,
});

fn activity_plan_from(m: &activity::Model) -> Result<ActivityPlan> {
    Ok(ActivityPlan {
        id: m.id.into(),
        title: m.title.clone(),
        area: m.area.as_deref().map(|a| parse("area", a)).transpose()?,
        description: m.description.clone(),
        lead_city: m.lead_city_id.map(CityId),
        lead_stakeholder: m.lead_stakeholder_id.map(StakeholderId),
        cities: from_json("activity.cities", m.cities.clone())?,
        funding: from_json("activity.funding", m.funding.clone())?,
        start: m.start_on,
        due: m.due_on,
        expected_results: m.expected_results.clone(),
        resources: from_json("activity.resources", m.resources.clone())?,
    })
}

/// An activity without its delivery (teams, progress, risks).
fn activity_from(m: activity::Model) -> Result<Activity> {
    Ok(Activity {
        plan: activity_plan_from(&m)?,
        status: parse("activity status", &m.status)?,
        teams: Vec::new(),
        progress: Vec::new(),
        risks: Vec::new(),
    })
}

fn plan_from(m: plan::Model, activities: Vec<Activity>) -> Result<Plan> {
    Ok(Plan {
        title: m.title,
        summary: m.summary,
        version: u32_of("plan version", m.version)?,
        version_cycle: u32_of("plan version cycle", m.version_cycle)?,
        activities,
    })
}

fn plan_row(pid: Uuid, p: &Plan, at: DateTime<Utc>) -> plan::ActiveModel {
    plan::ActiveModel {
        partnership_id: Set(pid),
        title: Set(p.title.clone()),
        summary: Set(p.summary.clone()),
        version: Set(i32_of(p.version)),
        version_cycle: Set(i32_of(p.version_cycle)),
        updated_at: Set(at),
    }
}

fn activity_row(
    a: &ActivityPlan,
    pid: Uuid,
    position: usize,
    status: String,
    at: DateTime<Utc>,
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

/// The plans of a set of partnerships and their activities in plan order:
/// two statements.
pub(super) struct Loaded {
    plans: HashMap<Uuid, plan::Model>,
    activities: HashMap<Uuid, Vec<activity::Model>>,
}

impl Loaded {
    pub(super) async fn load<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Loaded> {
        let plans = plan::Entity::find()
            .filter(plan::Column::PartnershipId.is_in(ids.to_vec()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.partnership_id, p))
            .collect();
        let mut activities: HashMap<Uuid, Vec<activity::Model>> = HashMap::new();
        for a in activity::Entity::find()
            .filter(activity::Column::PartnershipId.is_in(ids.to_vec()))
            .order_by_asc(activity::Column::Position)
            .all(db)
            .await?
        {
            activities.entry(a.partnership_id).or_default().push(a);
        }
        Ok(Loaded { plans, activities })
    }

    /// The plan of a partnership, if it has one.
    pub(super) fn take(&mut self, pid: Uuid) -> Result<Option<Plan>> {
        let Some(p) = self.plans.remove(&pid) else {
            return Ok(None);
        };
        let activities = self
            .activities
            .remove(&pid)
            .unwrap_or_default()
            .into_iter()
            .map(activity_from)
            .collect::<Result<_>>()?;
        plan_from(p, activities).map(Some)
    }
}

/// `PlanRecorded`: the plan's header as it is in `after`, inserted or
/// replaced.
pub(super) async fn record(
    w: &mut Writer,
    pid: Uuid,
    after: &Partnership,
    at: DateTime<Utc>,
) -> Result<()> {
    let Some(p) = after.outputs().plan.as_ref() else {
        return Ok(());
    };
    w.upsert(
        plan_row(pid, p, at),
        OnConflict::column(plan::Column::PartnershipId)
            .update_columns([
                plan::Column::Title,
                plan::Column::Summary,
                plan::Column::Version,
                plan::Column::VersionCycle,
                plan::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .await
}

/// `ActivityRecorded`: the activity's planned part, inserted or replaced at
/// its position in `after`'s plan, and the plan's version.
pub(super) async fn record_activity(
    w: &mut Writer,
    pid: Uuid,
    after: &Partnership,
    a: &ActivityPlan,
    at: DateTime<Utc>,
) -> Result<()> {
    let plan = after.outputs().plan.as_ref();
    let position = plan
        .and_then(|p| p.activities.iter().position(|x| x.plan.id == a.id))
        .unwrap_or(0);
    let status = plan
        .and_then(|p| p.activity(a.id))
        .map(|x| code(x.status))
        .unwrap_or_else(|| "PLANNED".to_owned());
    w.upsert(
        activity_row(a, pid, position, status, at),
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
    .await?;
    set_version(w, pid, after, at).await
}

/// The plan's version (and the cycle it was made in) as it is in `after`.
pub(super) async fn set_version(
    w: &mut Writer,
    pid: Uuid,
    after: &Partnership,
    at: DateTime<Utc>,
) -> Result<()> {
    let Some(p) = after.outputs().plan.as_ref() else {
        return Ok(());
    };
    plan::Entity::update_many()
        .col_expr(plan::Column::Version, i32_of(p.version).into())
        .col_expr(plan::Column::VersionCycle, i32_of(p.version_cycle).into())
        .col_expr(plan::Column::UpdatedAt, at.into())
        .filter(plan::Column::PartnershipId.eq(pid))
        .exec(&w.txn)
        .await?;
    w.wrote()
}

/// An activity's status, as its latest progress report sets it.
pub(super) async fn set_status(
    w: &mut Writer,
    activity: ActivityId,
    status: ActivityStatus,
) -> Result<()> {
    activity::Entity::update_many()
        .col_expr(activity::Column::Status, code(status).into())
        .filter(activity::Column::Id.eq(activity.0))
        .exec(&w.txn)
        .await?;
    w.wrote()
}
