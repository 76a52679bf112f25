//! Replicate outputs: lessons (success and failure factors, knowledge
//! transfer, platform participation) and the ex-post evaluation of each Aim
//! objective.

use super::derived_id;
use crate::types::LessonKind;
use async_graphql::SimpleObject;
use c2c_domain::outputs as o;
use uuid::Uuid;

/// A lesson.
#[derive(SimpleObject, Clone, Debug)]
pub struct Lesson {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Kind.
    pub kind: LessonKind,
    /// Text.
    pub text: String,
    /// Cycle.
    pub cycle: u32,
}

/// The ex-post evaluation of an objective.
#[derive(SimpleObject, Clone, Debug)]
pub struct ExPost {
    /// Identifier (derived from the city, the objective, the cycle and the
    /// time it was recorded).
    pub id: Uuid,
    /// Objective.
    pub objective_id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Foreseen.
    pub foreseen: String,
    /// Achieved.
    pub achieved: String,
    /// Gap.
    pub gap: String,
    /// Cycle.
    pub cycle: u32,
}

impl From<&o::Lesson> for Lesson {
    fn from(l: &o::Lesson) -> Self {
        Lesson {
            id: l.id.0,
            city_id: l.city.0,
            kind: l.kind.into(),
            text: l.text.clone(),
            cycle: l.cycle,
        }
    }
}

impl From<&o::ExPost> for ExPost {
    fn from(e: &o::ExPost) -> Self {
        let key: [&dyn std::fmt::Display; 3] =
            [&e.objective.0, &e.cycle, &e.recorded_at.to_rfc3339()];
        ExPost {
            id: derived_id("ex-post", e.city.0, &key),
            objective_id: e.objective.0,
            city_id: e.city.0,
            foreseen: e.foreseen.clone(),
            achieved: e.achieved.clone(),
            gap: e.gap.clone(),
            cycle: e.cycle,
        }
    }
}
