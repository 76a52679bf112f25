//! Replicate inputs: the ex-post evaluation of an Aim objective (a lesson's
//! kind and text are arguments of `recordLesson`).

use async_graphql::InputObject;
use c2c_domain::outputs as o;
use uuid::Uuid;

/// The ex-post evaluation of one Aim objective.
#[derive(InputObject, Clone, Debug)]
pub struct ExPostInput {
    /// The objective.
    pub objective_id: Uuid,
    /// What was foreseen.
    pub foreseen: String,
    /// What was achieved.
    pub achieved: String,
    /// The gap.
    pub gap: String,
}

impl From<ExPostInput> for o::ExPostDraft {
    fn from(i: ExPostInput) -> Self {
        o::ExPostDraft {
            objective: i.objective_id.into(),
            foreseen: i.foreseen,
            achieved: i.achieved,
            gap: i.gap,
        }
    }
}
