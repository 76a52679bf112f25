//! The Replicate decisions: lessons and the ex-post evaluation of an Aim
//! objective; and how their changes are applied.

use super::common::duplicate;
use crate::command::Ctx;
use crate::event::Change;
use crate::outputs::{ExPost, ExPostDraft, Lesson, LessonKind};
use crate::snapshot::Snapshot;
use crate::text::{LONG, clean, required};
use crate::{DomainError, LessonId};

/// A lesson of the current cycle.
pub(super) fn lesson(
    s: &Snapshot,
    ctx: &Ctx,
    id: LessonId,
    kind: LessonKind,
    text: String,
) -> Result<Change, DomainError> {
    if s.outputs.lessons.iter().any(|l| l.id == id) {
        return Err(duplicate("lesson"));
    }
    Ok(Change::LessonRecorded(Lesson {
        id,
        city: ctx.city,
        kind,
        text: required("text", &text, LONG)?,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// The ex-post evaluation of an objective of the strategy in force, in the
/// current cycle.
pub(super) fn ex_post(s: &Snapshot, ctx: &Ctx, d: ExPostDraft) -> Result<Change, DomainError> {
    if !s.standing.objectives().iter().any(|x| x.id == d.objective) {
        return Err(DomainError::invalid(
            "objectiveId",
            format!(
                "{} is not an objective of the strategy in force",
                d.objective
            ),
        ));
    }
    Ok(Change::ExPostRecorded(ExPost {
        objective: d.objective,
        city: ctx.city,
        foreseen: clean("foreseen", &d.foreseen, LONG)?,
        achieved: clean("achieved", &d.achieved, LONG)?,
        gap: clean("gap", &d.gap, LONG)?,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// Applies a Replicate change; a new ex-post evaluation of an objective
/// replaces the cycle's previous one.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let o = &mut s.outputs;
    match change {
        Change::LessonRecorded(l) => o.lessons.push(l.clone()),
        Change::ExPostRecorded(e) => {
            o.ex_post
                .retain(|x| !(x.objective == e.objective && x.cycle == e.cycle));
            o.ex_post.push(e.clone());
        }
        _ => {}
    }
}
