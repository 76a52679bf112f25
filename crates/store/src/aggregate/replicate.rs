//! Replicate: lessons and ex-post evaluations of the strategy's objectives.
//! The entities, the rows as domain values and each as a row.

use super::common::loaded;
use crate::Writer;
use crate::convert::{code, i32_of, parse, u32_of};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::CityId;
use c2c_domain::outputs::{ExPost, Lesson};
use sea_orm::Set;
use sea_orm::sea_query::OnConflict;
use uuid::Uuid;

entity!(lesson, "lesson", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub kind: String,
    pub text: String,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(ex_post, "ex_post", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub objective_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle: i32,
    pub city_id: Uuid,
    pub foreseen: String,
    pub achieved: String,
    pub gap: String,
    pub recorded_at: DateTimeUtc,
});

fn lesson_from(m: lesson::Model) -> Result<Lesson> {
    Ok(Lesson {
        id: m.id.into(),
        city: CityId(m.city_id),
        kind: parse("lesson kind", &m.kind)?,
        text: m.text,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

fn lesson_row(pid: Uuid, l: &Lesson) -> lesson::ActiveModel {
    lesson::ActiveModel {
        id: Set(l.id.0),
        partnership_id: Set(pid),
        city_id: Set(l.city.0),
        kind: Set(code(l.kind)),
        text: Set(l.text.clone()),
        cycle: Set(i32_of(l.cycle)),
        recorded_at: Set(l.recorded_at),
    }
}

fn ex_post_from(m: ex_post::Model) -> Result<ExPost> {
    Ok(ExPost {
        objective: m.objective_id.into(),
        city: CityId(m.city_id),
        foreseen: m.foreseen,
        achieved: m.achieved,
        gap: m.gap,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

fn ex_post_row(pid: Uuid, x: &ExPost) -> ex_post::ActiveModel {
    ex_post::ActiveModel {
        partnership_id: Set(pid),
        objective_id: Set(x.objective.0),
        cycle: Set(i32_of(x.cycle)),
        city_id: Set(x.city.0),
        foreseen: Set(x.foreseen.clone()),
        achieved: Set(x.achieved.clone()),
        gap: Set(x.gap.clone()),
        recorded_at: Set(x.recorded_at),
    }
}

loaded!(
    lesson => lessons via lesson_from,
    ex_post => ex_post via ex_post_from,
);

/// `LessonRecorded`.
pub(super) async fn learn(w: &mut Writer, pid: Uuid, l: &Lesson) -> Result<()> {
    w.insert(lesson_row(pid, l)).await
}

/// `ExPostRecorded`: the evaluation of an objective in a cycle, inserted or
/// replaced.
pub(super) async fn evaluate(w: &mut Writer, pid: Uuid, x: &ExPost) -> Result<()> {
    w.upsert(
        ex_post_row(pid, x),
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
    .await
}
