//! The driver of a story: the start (or the spawn), then at each stop the
//! sourced records, the fillers that meet the step's exit criteria when the
//! walk leaves it, and the move; at the end the final status. The records
//! and fillers of each step family are in its `at_*.rs`.

use super::state::{Story, Written};
use crate::common::{id, midnight};
use crate::context::Seeder;
use crate::data::PartnershipData;
use crate::plan::{Finish, Item, Leave, Walk};
use anyhow::{Context, Result, anyhow, bail};
use c2c_domain::{Criterion, Move, PartnershipId, Step, criteria};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Writes one partnership's story along its walk.
pub async fn write(sx: &Seeder<'_>, p: &PartnershipData, walk: Walk) -> Result<Written> {
    Story::new(sx, p, walk)?.run().await
}

impl Story<'_> {
    /// Walks the whole story.
    async fn run(mut self) -> Result<Written> {
        self.start().await?;
        let stops = self.walk.stops.len();
        for si in 0..stops {
            let stop = self.walk.stops[si].clone();
            for item in self.items[si].clone() {
                self.record(item, si).await?;
            }
            if let Some((leave, on)) = stop.leave {
                self.complete(stop.step, on, si).await?;
                if self.walk.held && si + 1 == stops {
                    // No agreement is in force: the move is not made.
                    continue;
                }
                let m = match leave {
                    Leave::Advance => Move::Advance,
                    Leave::LoopBack(l) => Move::LoopBack(l),
                };
                self.mv(m, on).await?;
            }
        }
        let last = self.walk.stops.len() - 1;
        let step = self.walk.stops[last].step;
        if self.has_children {
            // A spawn closes the New partnership loop: it needs Replicate's criteria.
            let on = self.walk.stops[last].date();
            self.complete(step, on, last).await?;
        }
        match self.walk.finish.clone() {
            Finish::Stay => {}
            Finish::Suspend(on, reason) => self.mv(Move::Suspend { reason }, on).await?,
            Finish::Terminate(on, reason) => self.mv(Move::Terminate { reason }, on).await?,
            Finish::Conclude(on) => {
                self.complete(step, on, last).await?;
                self.mv(Move::Conclude, on).await?;
            }
        }
        Ok(self.written)
    }

    async fn start(&mut self) -> Result<()> {
        let sx = self.sx;
        let actor = self.actor(self.initiator)?;
        let at = midnight(self.walk.start);
        let recorded = match &self.p.origin {
            Some(origin) => {
                let counterpart = self
                    .counterpart
                    .ok_or_else(|| anyhow!("spin-off {} has no counterpart", self.p.key))?;
                sx.store
                    .spawn_with_id(
                        self.id,
                        actor,
                        PartnershipId(id("partnership", origin)),
                        None,
                        counterpart,
                        Some(at),
                    )
                    .await
                    .with_context(|| format!("spawning {} from {origin}", self.p.key))?
                    .child
            }
            None => {
                let counterpart = match self.walk.start_step {
                    Step::Partner => self.counterpart,
                    _ => None,
                };
                sx.store
                    .start_with_id(self.id, actor, self.walk.start_step, counterpart, Some(at))
                    .await
                    .with_context(|| format!("starting {}", self.p.key))?
            }
        };
        self.agg = Some(recorded.partnership);
        self.written.commands += 1;
        Ok(())
    }

    /// Writes a sourced record at stop `si`.
    async fn record(&mut self, item: Item, si: usize) -> Result<()> {
        let stop = self.walk.stops[si].clone();
        match item {
            Item::Counterpart => self.record_counterpart().await,
            Item::Assessment(i) => self.record_assessment(i).await,
            Item::Contact(i) => self.record_contact(i).await,
            Item::Agreement(i) => self.record_agreement(i, &stop).await,
            Item::Priorities => self.record_priorities(&stop).await,
            Item::Activity(i) => self.record_activity(i, &stop).await,
            Item::Progress(i) => self.record_progress(i, &stop).await,
            Item::Measurement(i) => self.record_measurement(i, &stop).await,
            Item::Lesson(i) => self.record_lesson(i).await,
        }
    }

    /// Meets every exit criterion of `step` on date `on`, with fillers where
    /// the sources give nothing.
    async fn complete(&mut self, step: Step, on: NaiveDate, si: usize) -> Result<()> {
        let mut fixes: HashMap<Criterion, u32> = HashMap::new();
        loop {
            let unmet = criteria::unmet(step, self.agg()?.snapshot(), on);
            let Some(first) = unmet.first() else {
                return Ok(());
            };
            let n = fixes.entry(first.criterion).or_default();
            *n += 1;
            if *n > 3 {
                break;
            }
            self.fix(first.criterion, on, si).await.with_context(|| {
                format!(
                    "partnership {}: meeting {} at {} on {on}",
                    self.p.key,
                    first.criterion.code(),
                    step.code()
                )
            })?;
        }
        let unmet = criteria::unmet(step, self.agg()?.snapshot(), on);
        bail!(
            "partnership {}: the criteria of {} do not converge: {}",
            self.p.key,
            step.code(),
            unmet
                .iter()
                .map(|u| format!("{} ({})", u.criterion.code(), u.message))
                .collect::<Vec<_>>()
                .join("; ")
        )
    }

    /// Meets one unmet criterion with fillers.
    async fn fix(&mut self, criterion: Criterion, on: NaiveDate, si: usize) -> Result<()> {
        use Criterion::*;
        let cycle = self.cycle()?;
        match criterion {
            AimVision | AimObjective | AimTheme | AimStakeholder | CommitPolitical
            | CommitPriority | CommitRoles | CommitResources => bail!(
                "the standing of {} does not meet {} (the loader records it before the \
                 partnerships)",
                self.p.initiator,
                criterion.code()
            ),
            PartnerCounterpart => bail!("no counterpart"),
            PartnerAssessment => self.fill_assessment(on).await,
            PartnerPriority => self.fill_priority(on).await,
            PartnerAgreement => self.fill_agreement(on).await,
            PlanActivity => self.fill_activity(on).await,
            PlanActivityComplete => self.complete_activities(on).await,
            PlanApproved => self.approve_plan(on).await,
            DoTeams => self.fill_teams(on).await,
            DoProgress => self.fill_progress(on, cycle).await,
            DoDelivered => self.fill_delivered(on, cycle).await,
            DoRisksOwned => bail!("the demo records no risks"),
            MeasureFramework => self.fill_framework().await,
            MeasureKpiCaptured => self.fill_measurements(on, si, cycle).await,
            MeasureFeedback => self.fill_feedback(on, cycle).await,
            MeasureEvaluation => self.fill_evaluation(on, cycle).await,
            ActDecided => self.fill_decisions(on, cycle).await,
            ActApproved => self.approve_decisions(on, cycle).await,
            ReplicateLessons => self.fill_lesson(cycle).await,
            ReplicateExpost => self.fill_expost(cycle).await,
            AimRenewed => self.renew_strategy(cycle).await,
            CommitRenewed => self.renew_commitment(cycle).await,
            PlanRevised => self.revise_plan(on, cycle).await,
            AgreementInForce => {
                bail!("no agreement is in force on {on}: the walk should have been held there")
            }
        }
    }
}
