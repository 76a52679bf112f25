//! REPLICATE: the sourced lessons; and the fillers for `REPLICATE_LESSONS`
//! and `REPLICATE_EXPOST` (an ex-post evaluation of every objective of the
//! strategy in the cycle).

use super::state::Story;
use crate::common::{FILLER, id};
use anyhow::Result;
use c2c_domain::outputs::{ExPostDraft, LessonKind};
use c2c_domain::{Command, ObjectiveId};

impl Story<'_> {
    pub(super) async fn record_lesson(&mut self, i: usize) -> Result<()> {
        let p = self.p;
        let l = &p.lessons[i];
        let command = Command::RecordLesson {
            id: id("lesson", &format!("{}:{i}", p.key)).into(),
            kind: l.kind,
            text: format!("{}\nSource: {}", l.text, l.source),
        };
        self.exec(self.initiator, command).await
    }

    /// `REPLICATE_LESSONS`: a success factor of the cycle.
    pub(super) async fn fill_lesson(&mut self, cycle: u32) -> Result<()> {
        let command = Command::RecordLesson {
            id: self.filler(),
            kind: LessonKind::SuccessFactor,
            text: format!("{FILLER} the success factors of cycle {cycle} are not documented."),
        };
        self.fill(self.initiator, command).await
    }

    /// `REPLICATE_EXPOST`: an ex-post evaluation of every objective that has
    /// none in the cycle.
    pub(super) async fn fill_expost(&mut self, cycle: u32) -> Result<()> {
        let o = self.outputs()?;
        let lacking: Vec<ObjectiveId> = self
            .agg()?
            .snapshot()
            .standing
            .objectives()
            .iter()
            .filter(|obj| {
                !o.ex_post
                    .iter()
                    .any(|e| e.cycle == cycle && e.objective == obj.id)
            })
            .map(|obj| obj.id)
            .collect();
        for objective in lacking {
            let draft = ExPostDraft {
                objective,
                foreseen: format!("{FILLER} as the strategy foresees."),
                achieved: format!("{FILLER} achievements of cycle {cycle} not documented."),
                gap: format!("{FILLER} gap not documented."),
            };
            self.fill(self.initiator, Command::RecordExPost(draft))
                .await?;
        }
        Ok(())
    }
}
