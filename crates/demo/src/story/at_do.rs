//! DO: the activities' progress as the sources report it (a cancellation with
//! its reason); and the fillers for `DO_TEAMS` (a team of each city involved
//! in an activity under way on the move's date: in progress, or planned to
//! start by then), `DO_PROGRESS` and `DO_DELIVERED` (progress reports of the
//! cycle that keep the activity's status: a filler never says an activity
//! started or ended).

use super::state::Story;
use crate::common::{FILLER, id, truncate};
use crate::plan::Stop;
use anyhow::{Result, anyhow};
use c2c_domain::outputs::{Activity, ActivityStatus, ProgressDraft, TeamDraft};
use c2c_domain::{ActivityId, CityId, Command};
use chrono::NaiveDate;

impl Story<'_> {
    /// The status of a sourced activity, as the sources report it.
    pub(super) async fn record_progress(&mut self, i: usize, stop: &Stop) -> Result<()> {
        let (p, today) = (self.p, self.sx.today);
        let a = &p.activities[i];
        let lead = self.sx.city(&a.lead)?;
        let (status, word, on) = match a.status {
            ActivityStatus::Completed => (ActivityStatus::Completed, "Completed", a.due.min(today)),
            ActivityStatus::Cancelled => (ActivityStatus::Cancelled, "Cancelled", a.due.min(today)),
            _ => (
                ActivityStatus::InProgress,
                "In progress",
                stop.date().max(a.start).min(today),
            ),
        };
        let reason = (status == ActivityStatus::Cancelled).then(|| {
            format!(
                "Cancelled as the sources report it; they give no other reason. Source: {}",
                a.source
            )
        });
        let draft = ProgressDraft {
            id: id("progress", &format!("{}:{i}", p.key)).into(),
            activity: id("activity", &format!("{}:{i}", p.key)).into(),
            on,
            summary: format!("{word}, as the sources report. Source: {}", a.source),
            status,
            reason,
            percent: (status == ActivityStatus::Completed).then_some(100),
        };
        self.exec(lead, Command::RecordProgress(draft)).await
    }

    /// The activities under way on `on`.
    fn under_way(&self, on: NaiveDate) -> Result<Vec<Activity>> {
        Ok(self
            .outputs()?
            .plan
            .iter()
            .flat_map(|p| p.under_way(on))
            .cloned()
            .collect())
    }

    /// `DO_TEAMS`: a team of every city involved in an activity under way
    /// on `on` that has none.
    pub(super) async fn fill_teams(&mut self, on: NaiveDate) -> Result<()> {
        let parties = self.parties();
        let mut missing: Vec<(ActivityId, String, CityId)> = Vec::new();
        for a in self.under_way(on)? {
            let involved = if a.plan.cities.is_empty() {
                parties.clone()
            } else {
                a.plan.cities.clone()
            };
            for city in involved {
                if !a.teams.iter().any(|t| t.city == city) {
                    missing.push((a.plan.id, a.plan.title.clone(), city));
                }
            }
        }
        for (activity, title, city) in missing {
            let draft = TeamDraft {
                activity,
                name: truncate(&format!("{} team for '{title}'", self.name(city)), 300),
                members: Vec::new(),
                responsibilities: format!(
                    "{FILLER} delivers {}'s share of the activity.",
                    self.name(city)
                ),
            };
            self.fill(city, Command::RecordTeam(draft)).await?;
        }
        Ok(())
    }

    /// `DO_PROGRESS`: a report of the cycle on every activity under way.
    pub(super) async fn fill_progress(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let lacking: Vec<(ActivityId, Option<CityId>, ActivityStatus)> = self
            .under_way(on)?
            .into_iter()
            .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
            .map(|a| (a.plan.id, a.plan.lead_city, a.status))
            .collect();
        for (activity, lead, status) in lacking {
            self.filler_progress(activity, lead, status, on, cycle)
                .await?;
        }
        Ok(())
    }

    /// `DO_DELIVERED`: a report of the cycle on an activity under way, else
    /// on the latest started one, keeping its status.
    pub(super) async fn fill_delivered(&mut self, on: NaiveDate, cycle: u32) -> Result<()> {
        let activities: Vec<Activity> = self
            .outputs()?
            .plan
            .iter()
            .flat_map(|p| p.activities.iter())
            .filter(|a| a.status != ActivityStatus::Cancelled)
            .cloned()
            .collect();
        let pick = activities
            .iter()
            .find(|a| a.is_under_way(on))
            .or_else(|| {
                activities
                    .iter()
                    .filter(|a| a.plan.start.is_none_or(|s| s <= on))
                    .max_by_key(|a| a.plan.start)
            })
            .or_else(|| activities.first())
            .ok_or_else(|| anyhow!("no activity to report on"))?;
        self.filler_progress(pick.plan.id, pick.plan.lead_city, pick.status, on, cycle)
            .await
    }

    async fn filler_progress(
        &mut self,
        activity: ActivityId,
        lead: Option<CityId>,
        status: ActivityStatus,
        on: NaiveDate,
        cycle: u32,
    ) -> Result<()> {
        let draft = ProgressDraft {
            id: self.filler(),
            activity,
            on,
            summary: format!(
                "{FILLER} progress in cycle {cycle} is not documented; the status stays {}.",
                status.code()
            ),
            status,
            reason: None,
            percent: None,
        };
        self.fill(
            lead.unwrap_or(self.initiator),
            Command::RecordProgress(draft),
        )
        .await
    }
}
