//! ACT: the sources document no decisions, so only fillers: for
//! `ACT_DECIDED` (every open adjustment of the cycle approved) and
//! `ACT_APPROVED` (the cycle's decision set approved by both cities).

use super::state::Story;
use crate::common::FILLER;
use anyhow::Result;
use c2c_domain::outputs::{ApprovalSubject, DecisionDraft, Outcome};
use c2c_domain::{AdjustmentId, Command};
use chrono::NaiveDate;

impl Story<'_> {
    /// `ACT_DECIDED`: a decision on every open adjustment of the cycle.
    pub(super) async fn fill_decisions(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let open: Vec<AdjustmentId> = self
            .outputs()?
            .adjustments
            .iter()
            .filter(|a| a.cycle == cycle && a.decision.is_none())
            .map(|a| a.id)
            .collect();
        for adjustment in open {
            let draft = DecisionDraft {
                adjustment,
                outcome: Outcome::Approved,
                on,
                note: format!("{FILLER} decision not documented."),
            };
            self.fill(self.initiator, Command::DecideAdjustment(draft))
                .await?;
        }
        Ok(())
    }

    /// `ACT_APPROVED`: the current decision set approved by both cities.
    pub(super) async fn approve_decisions(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let version = self.outputs()?.decisions_version;
        let reference = format!("{FILLER} no approval of the decisions is documented");
        self.approve_missing(
            (ApprovalSubject::Decisions, version, Some(cycle)),
            on,
            &reference,
        )
        .await
    }
}
