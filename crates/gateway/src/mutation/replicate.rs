//! Replicate mutations: lessons and the ex-post evaluation of the objectives.

use super::common::record;
use super::payload::{self, RecordExPostPayload, RecordLessonPayload};
use crate::error::Result;
use crate::guard::RoleGuard;
use crate::input::ExPostInput;
use crate::types::LessonKind;
use async_graphql::{Context, Object};
use c2c_domain::Command;
use uuid::Uuid;

/// What the partnership learnt.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct ReplicateMutation;

#[Object(guard = "RoleGuard::Editor")]
impl ReplicateMutation {
    /// Records a lesson (success factor, failure factor, ...).
    async fn record_lesson(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        kind: LessonKind,
        text: String,
        expected_version: Option<u64>,
    ) -> Result<RecordLessonPayload> {
        let command = Command::RecordLesson {
            id: Uuid::now_v7().into(),
            kind: kind.into(),
            text,
        };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordLessonPayload::of(&r, payload::lesson(&r)?))
    }

    /// Records the ex-post evaluation of an Aim objective.
    async fn record_ex_post_evaluation(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ExPostInput,
        expected_version: Option<u64>,
    ) -> Result<RecordExPostPayload> {
        let command = Command::RecordExPost(input.into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordExPostPayload::of(&r, payload::ex_post(&r)?))
    }
}
