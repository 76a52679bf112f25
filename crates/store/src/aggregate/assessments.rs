//! Assessments of candidate counterparts (Partner): the entity, the row as a
//! domain assessment and the assessment as a row.

use super::common::loaded;
use crate::Writer;
use crate::convert::{from_json, json};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::CityId;
use c2c_domain::outputs::{Assessment, AssessmentItem};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;
use uuid::Uuid;

entity!(assessment, "assessment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub candidate_id: Uuid,
    pub assessed_on: Date,
    pub items: Json,
    pub recorded_at: DateTimeUtc,
});

fn assessment_from(m: assessment::Model) -> Result<Assessment> {
    Ok(Assessment {
        id: m.id.into(),
        city: CityId(m.city_id),
        candidate: CityId(m.candidate_id),
        on: m.assessed_on,
        items: from_json("assessment.items", m.items)?,
        recorded_at: m.recorded_at,
    })
}

/// A city's latest assessment of each candidate it assessed, by candidate:
/// its answers (one statement).
pub(crate) async fn latest_items_by_candidate<C: ConnectionTrait>(
    db: &C,
    city: CityId,
) -> Result<HashMap<Uuid, Vec<AssessmentItem>>> {
    let mut latest = HashMap::new();
    for a in assessment::Entity::find()
        .filter(assessment::Column::CityId.eq(city.0))
        .order_by_asc(assessment::Column::AssessedOn)
        .order_by_asc(assessment::Column::RecordedAt)
        .all(db)
        .await?
    {
        latest.insert(a.candidate_id, from_json("assessment.items", a.items)?);
    }
    Ok(latest)
}

fn assessment_row(pid: Uuid, a: &Assessment) -> assessment::ActiveModel {
    assessment::ActiveModel {
        id: Set(a.id.0),
        partnership_id: Set(pid),
        city_id: Set(a.city.0),
        candidate_id: Set(a.candidate.0),
        assessed_on: Set(a.on),
        items: Set(json(&a.items)),
        recorded_at: Set(a.recorded_at),
    }
}

loaded!(assessment => assessments via assessment_from);

/// `AssessmentRecorded`.
pub(super) async fn record(w: &mut Writer, pid: Uuid, a: &Assessment) -> Result<()> {
    w.insert(assessment_row(pid, a)).await
}
