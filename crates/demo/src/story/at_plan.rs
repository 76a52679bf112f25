//! PLAN: the cooperation plan and its sourced activities; and the fillers
//! for `PLAN_ACTIVITY` (an activity standing for the cooperation the later
//! steps imply), `PLAN_ACTIVITY_COMPLETE` (the planned parts the sources
//! leave out) and `PLAN_APPROVED`.

use super::state::Story;
use crate::common::{FILLER, id};
use crate::data::ActivityData;
use crate::plan::Stop;
use anyhow::{Result, anyhow};
use c2c_domain::outputs::{
    ActivityDraft, ActivityPlan, ActivityStatus, ApprovalSubject, FundingDraft,
};
use c2c_domain::{CityId, Command};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

/// What a lead stakeholder chosen by the loader says in the description.
fn lead_note() -> String {
    format!("\nLead stakeholder: {FILLER} the sources name the lead city only.")
}

fn filler_funding() -> FundingDraft {
    FundingDraft {
        amount: Decimal::ZERO,
        currency: "EUR".into(),
        source: format!("{FILLER} staff time (in kind)"),
    }
}

impl Story<'_> {
    /// A sourced activity, in the plan (recorded first if there is none).
    pub(super) async fn record_activity(&mut self, i: usize, stop: &Stop) -> Result<()> {
        self.ensure_plan().await?;
        let a = &self.p.activities[i];
        let lead = self.sx.city(&a.lead)?;
        let leaves = stop.leave.is_some();
        let draft = self.activity_draft(i, a, lead, leaves)?;
        self.exec(lead, Command::RecordActivity(draft)).await
    }

    pub(super) async fn ensure_plan(&mut self) -> Result<()> {
        if self.outputs()?.plan.is_some() {
            return Ok(());
        }
        let counterpart = self
            .counterpart
            .map(|c| format!("–{}", self.name(c)))
            .unwrap_or_default();
        let title = format!(
            "{}{counterpart} cooperation plan",
            self.name(self.initiator)
        );
        let summary = "The activities the sources report, each with its source; the plan's \
                       approvals are demo fillers."
            .to_owned();
        self.exec(self.initiator, Command::RecordPlan { title, summary })
            .await
    }

    /// A sourced activity as a draft; when the walk leaves PLAN it needs a
    /// lead stakeholder, which the loader chooses and says so.
    fn activity_draft(
        &self,
        i: usize,
        a: &ActivityData,
        lead: CityId,
        leaves: bool,
    ) -> Result<ActivityDraft> {
        let mut description = format!("{}\nSource: {}", a.description, a.source);
        let lead_stakeholder = if leaves {
            description.push_str(&lead_note());
            Some(self.sx.lead_stakeholder(lead)?)
        } else {
            None
        };
        Ok(ActivityDraft {
            id: id("activity", &format!("{}:{i}", self.p.key)).into(),
            title: a.title.clone(),
            area: a.area,
            description,
            lead_city: Some(lead),
            lead_stakeholder,
            cities: Vec::new(),
            funding: a
                .funding
                .iter()
                .map(|f| FundingDraft {
                    amount: f.amount,
                    currency: f.currency.clone(),
                    source: f.source.clone(),
                })
                .collect(),
            start: Some(a.start),
            due: Some(a.due),
            expected_results: a.expected_results.clone(),
            resources: Vec::new(),
        })
    }

    /// `PLAN_ACTIVITY`: an activity led by the initiator, when the plan has
    /// none that is not cancelled.
    pub(super) async fn fill_activity(&mut self, on: NaiveDate) -> Result<()> {
        self.ensure_plan().await?;
        let has = self
            .outputs()?
            .plan
            .iter()
            .flat_map(|p| p.activities.iter())
            .any(|a| a.status != ActivityStatus::Cancelled);
        if has {
            return Ok(());
        }
        let lead = self.initiator;
        let draft = ActivityDraft {
            id: self.filler(),
            title: "Cooperation activities (demo filler)".into(),
            area: self.p.first_priorities.first().copied(),
            description: format!(
                "{FILLER} the sources describe no activity; this one stands for the \
                 cooperation that the partnership's later steps imply."
            ),
            lead_city: Some(lead),
            lead_stakeholder: Some(self.sx.lead_stakeholder(lead)?),
            cities: Vec::new(),
            funding: vec![filler_funding()],
            start: Some(on),
            due: Some(on + Duration::days(365)),
            expected_results: format!("{FILLER} results not documented."),
            resources: Vec::new(),
        };
        self.fill(lead, Command::RecordActivity(draft)).await
    }

    /// `PLAN_ACTIVITY_COMPLETE`: every planned activity completed where the
    /// sources leave a part out.
    pub(super) async fn complete_activities(&mut self, on: NaiveDate) -> Result<()> {
        let incomplete: Vec<ActivityPlan> = self
            .outputs()?
            .plan
            .iter()
            .flat_map(|p| p.activities.iter())
            .filter(|a| a.status != ActivityStatus::Cancelled)
            .map(|a| a.plan.clone())
            .filter(|x| {
                x.lead_city.is_none()
                    || x.lead_stakeholder.is_none()
                    || x.funding.is_empty()
                    || x.expected_results.is_empty()
                    || !matches!((x.start, x.due), (Some(s), Some(d)) if s <= d)
            })
            .collect();
        for a in incomplete {
            let lead = a.lead_city.unwrap_or(self.initiator);
            let draft = self.completed(a, lead, on)?;
            self.fill(lead, Command::RecordActivity(draft)).await?;
        }
        Ok(())
    }

    /// The planned part of an activity with what it lacks filled in.
    fn completed(&self, a: ActivityPlan, lead: CityId, on: NaiveDate) -> Result<ActivityDraft> {
        let mut description = a.description.clone();
        let lead_stakeholder = match a.lead_stakeholder {
            Some(s) => s,
            None => {
                description.push_str(&lead_note());
                self.sx.lead_stakeholder(lead)?
            }
        };
        let start = a.start.unwrap_or(on);
        let due = a.due.unwrap_or(start + Duration::days(365)).max(start);
        Ok(ActivityDraft {
            id: a.id,
            title: a.title.clone(),
            area: a.area,
            description,
            lead_city: Some(lead),
            lead_stakeholder: Some(lead_stakeholder),
            cities: a.cities.clone(),
            funding: if a.funding.is_empty() {
                vec![filler_funding()]
            } else {
                a.funding
                    .iter()
                    .map(|f| FundingDraft {
                        amount: f.money.amount,
                        currency: f.money.currency.code().to_owned(),
                        source: f.source.clone(),
                    })
                    .collect()
            },
            start: Some(start),
            due: Some(due),
            expected_results: if a.expected_results.is_empty() {
                format!("{FILLER} results not documented.")
            } else {
                a.expected_results.clone()
            },
            resources: a.resources.clone(),
        })
    }

    /// `PLAN_REVISED`: from cycle 2 on, a plan version of the cycle (the
    /// header says it is a filler revision) approved by both cities.
    pub(super) async fn revise_plan(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let plan = self
            .outputs()?
            .plan
            .clone()
            .ok_or_else(|| anyhow!("no plan"))?;
        if plan.version_cycle != cycle {
            let mark = format!("\n{FILLER} revised for cycle");
            let base = plan
                .summary
                .split(mark.as_str())
                .next()
                .unwrap_or_default()
                .to_owned();
            let summary =
                format!("{base}{mark} {cycle}: the sources give no new version of the plan.");
            let title = plan.title.clone();
            self.fill(self.initiator, Command::RecordPlan { title, summary })
                .await?;
        }
        self.approve_plan(on).await
    }

    /// `PLAN_APPROVED`: the plan's current version approved by both cities.
    pub(super) async fn approve_plan(&mut self, on: NaiveDate) -> Result<()> {
        let version = self
            .outputs()?
            .plan
            .as_ref()
            .map(|p| p.version)
            .ok_or_else(|| anyhow!("no plan"))?;
        let reference = format!("{FILLER} no plan approval is documented");
        self.approve_missing((ApprovalSubject::Plan, version, None), on, &reference)
            .await
    }
}
