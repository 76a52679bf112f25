//! Replicate: lessons and ex-post evaluations of the strategy's objectives.
//! The entities, the rows as domain values and each as a row.

use super::common::{Grouped, rows_of, take};
use crate::Writer;
use crate::convert::{code, i32_of, parse, u32_of};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::CityId;
use c2c_domain::outputs::{ExPost, Lesson, Outputs};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
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

/// The lessons and ex-post evaluations of a set of partnerships: two
/// statements.
pub(super) struct Loaded {
    lessons: Grouped<lesson::Model>,
    ex_posts: Grouped<ex_post::Model>,
}

impl Loaded {
    pub(super) async fn load<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Loaded> {
        Ok(Loaded {
            lessons: rows_of!(db, lesson, ids),
            ex_posts: rows_of!(db, ex_post, ids),
        })
    }

    pub(super) fn fill(&mut self, pid: Uuid, outputs: &mut Outputs) -> Result<()> {
        outputs.lessons = take(&mut self.lessons, pid, lesson_from)?;
        outputs.ex_post = take(&mut self.ex_posts, pid, ex_post_from)?;
        Ok(())
    }
}

/// `LessonRecorded`.
pub(super) async fn learn(w: &mut Writer, pid: Uuid, l: &Lesson) -> Result<()> {
    lesson::Entity::insert(lesson_row(pid, l))
        .exec_without_returning(&w.txn)
        .await?;
    w.wrote()
}

/// `ExPostRecorded`: the evaluation of an objective in a cycle, inserted or
/// replaced.
pub(super) async fn evaluate(w: &mut Writer, pid: Uuid, x: &ExPost) -> Result<()> {
    ex_post::Entity::insert(ex_post_row(pid, x))
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
        .exec_without_returning(&w.txn)
        .await?;
    w.wrote()
}
