//! Drives one partnership through its story with the store's own operations:
//! start (or spawn), the sourced records at their stops, fillers where a step
//! must be left and the sources give nothing, the moves dated after the fact,
//! and the final status.
//!
//! Fillers mirror the domain's fixtures (`World::fixes`): for each unmet exit
//! criterion, what a city team would record to meet it. Every filler says so
//! in a text field ("Demo filler, not from the sources: …"). At the last stop
//! nothing is filled in (the partnership shows what blocks it), except what a
//! spawn or a conclusion needs.

use super::data::{ActivityData, MeasurementData, PartnershipData, ValueData};
use super::plan::{Finish, Item, Leave, Walk};
use super::seed::{FILLER, Seeder, id, midnight};
use anyhow::{Context, Result, anyhow, bail};
use c2c_domain::outputs::*;
use c2c_domain::{
    ActivityId, AdjustmentId, Area, CityId, Command, Criterion, KpiDefinition, Move, ObjectiveId,
    Partnership, PartnershipId, RawValue, SelectionId, Step, Unit, criteria,
};
use c2c_store::Actor;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What one story wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    /// Commands executed (outputs and moves, the start included).
    pub commands: usize,
    /// Fillers among them.
    pub fillers: usize,
}

pub(super) struct Story<'a> {
    sx: &'a Seeder<'a>,
    p: &'a PartnershipData,
    id: PartnershipId,
    walk: Walk,
    items: Vec<Vec<Item>>,
    agg: Option<Partnership>,
    initiator: CityId,
    counterpart: Option<CityId>,
    has_children: bool,
    next_filler: u32,
    written: Written,
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

impl<'a> Story<'a> {
    pub(super) fn new(sx: &'a Seeder<'a>, p: &'a PartnershipData, walk: Walk) -> Result<Self> {
        let initiator = sx.city(&p.initiator)?;
        let counterpart = match (&p.counterpart, p.counterpart_chosen) {
            (Some(c), true) => Some(sx.city(c)?),
            _ => None,
        };
        let items = super::plan::items(p, &walk);
        Ok(Story {
            sx,
            p,
            id: PartnershipId(id("partnership", &p.key)),
            walk,
            items,
            agg: None,
            initiator,
            counterpart,
            has_children: sx
                .data
                .partnerships
                .iter()
                .any(|c| c.origin.as_deref() == Some(p.key.as_str())),
            next_filler: 0,
            written: Written::default(),
        })
    }

    fn agg(&self) -> Result<&Partnership> {
        self.agg
            .as_ref()
            .ok_or_else(|| anyhow!("partnership {} is not started", self.p.key))
    }

    fn outputs(&self) -> Result<&Outputs> {
        Ok(self.agg()?.outputs())
    }

    fn cycle(&self) -> Result<u32> {
        Ok(self.agg()?.state().cycle)
    }

    fn parties(&self) -> Vec<CityId> {
        std::iter::once(self.initiator)
            .chain(self.counterpart)
            .collect()
    }

    fn name(&self, city: CityId) -> &str {
        self.sx.name(city)
    }

    fn filler<T: From<uuid::Uuid>>(&mut self) -> T {
        self.next_filler += 1;
        T::from(id(
            "filler",
            &format!("{}:{}", self.p.key, self.next_filler),
        ))
    }

    fn actor(&self, city: CityId) -> Result<Actor> {
        self.sx.actor(city)
    }

    async fn exec(&mut self, city: CityId, command: Command) -> Result<()> {
        let label = command_label(&command);
        let recorded = self
            .sx
            .store
            .execute(self.actor(city)?, self.id, None, None, command)
            .await
            .with_context(|| format!("partnership {}: {label}", self.p.key))?;
        self.agg = Some(recorded.partnership);
        self.written.commands += 1;
        Ok(())
    }

    async fn fill(&mut self, city: CityId, command: Command) -> Result<()> {
        self.written.fillers += 1;
        self.exec(city, command).await
    }

    async fn mv(&mut self, m: Move, on: NaiveDate) -> Result<()> {
        let label = format!("{:?} on {on}", m.kind());
        let recorded = self
            .sx
            .store
            .execute(
                self.actor(self.initiator)?,
                self.id,
                None,
                Some(midnight(on)),
                Command::Move(m),
            )
            .await
            .with_context(|| format!("partnership {}: {label}", self.p.key))?;
        self.agg = Some(recorded.partnership);
        self.written.commands += 1;
        Ok(())
    }

    /// Walks the whole story.
    pub(super) async fn run(mut self) -> Result<Written> {
        self.start().await?;
        for si in 0..self.walk.stops.len() {
            let stop = self.walk.stops[si].clone();
            for item in self.items[si].clone() {
                self.record(item, si).await?;
            }
            if let Some((leave, on)) = stop.leave {
                self.complete(stop.step, on, si).await?;
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

    // -----------------------------------------------------------------------
    // Sourced records
    // -----------------------------------------------------------------------

    async fn record(&mut self, item: Item, si: usize) -> Result<()> {
        let p = self.p;
        let stop = self.walk.stops[si].clone();
        let sx = self.sx;
        match item {
            Item::Counterpart => {
                let c = self
                    .counterpart
                    .ok_or_else(|| anyhow!("{}: no counterpart to choose", p.key))?;
                self.exec(self.initiator, Command::choose_counterpart(c))
                    .await?;
            }
            Item::Assessment(i) => {
                let a = &p.assessments[i];
                let city = sx.city(&a.city)?;
                let candidate = if a.city == p.initiator {
                    p.counterpart.as_deref().map(|c| sx.city(c)).transpose()?
                } else {
                    Some(self.initiator)
                }
                .ok_or_else(|| anyhow!("{}: assessment of no candidate", p.key))?;
                let items = a
                    .items
                    .iter()
                    .map(|x| AssessmentItem {
                        criterion: x.criterion.criterion(),
                        answer: x.status,
                        note: format!("{} (Source: {})", x.note, a.source),
                    })
                    .collect();
                let draft = AssessmentDraft {
                    id: id("assessment", &format!("{}:{i}", p.key)).into(),
                    candidate,
                    on: a.on,
                    items,
                };
                self.exec(city, Command::RecordAssessment(draft)).await?;
            }
            Item::Contact(i) => {
                let c = &p.contacts[i];
                let contact = id("contact", &format!("{}:{i}", p.key)).into();
                let levels = Levels {
                    political: c.political,
                    technical: c.technical,
                };
                let draft = ContactDraft {
                    id: contact,
                    on: c.on,
                    kind: c.kind,
                    direction: c.direction,
                    ours: levels,
                    theirs: levels,
                    outcome: format!("{}\nSource: {}", c.outcome, c.source),
                    follow_up_due: c.follow_up_due,
                };
                self.exec(self.initiator, Command::RecordContact(draft))
                    .await?;
                if let Some(on) = c.followed_up_on {
                    let note = format!("Followed up, as the sources report. Source: {}", c.source);
                    self.exec(
                        self.initiator,
                        Command::RecordFollowUp { contact, on, note },
                    )
                    .await?;
                }
            }
            Item::Agreement(i) => {
                let a = &p.agreements[i];
                let agreement = id("agreement", &a.key).into();
                let draft = AgreementDraft {
                    id: agreement,
                    kind: a.kind,
                    title: a.title.clone(),
                    areas: a.areas.clone(),
                    binding: a.binding,
                    text: Some(a.summary.clone()),
                    reference: Some(a.source.clone()),
                    valid_until: a.valid_until,
                    renewal_of: a.renewal_of.as_deref().map(|k| id("agreement", k).into()),
                };
                self.exec(self.initiator, Command::RecordAgreement(draft))
                    .await?;
                let (on, reference) = match a.signed_on {
                    Some(on) => (on, None),
                    None => {
                        let on = a
                            .valid_until
                            .map_or(stop.date(), |until| until.min(stop.date()));
                        (
                            on,
                            Some(format!(
                                "{FILLER} the sources give no signing date; signed here on {on}, \
                                 the date of the step"
                            )),
                        )
                    }
                };
                for city in self.parties() {
                    let by = format!("{} (signatory not named in the sources)", self.name(city));
                    self.exec(
                        city,
                        Command::SignAgreement {
                            agreement,
                            by,
                            on,
                            reference: reference.clone(),
                        },
                    )
                    .await?;
                }
            }
            Item::Priorities => {
                let on = p
                    .agreements
                    .iter()
                    .filter_map(|a| a.signed_on)
                    .min()
                    .unwrap_or(stop.date());
                for city in self.parties() {
                    let by = truncate(&format!("{}; source: {}", self.name(city), p.source), 300);
                    for area in &p.first_priorities {
                        self.exec(
                            city,
                            Command::AgreePriority {
                                area: *area,
                                by: by.clone(),
                                on,
                            },
                        )
                        .await?;
                    }
                }
            }
            Item::Activity(i) => {
                self.ensure_plan().await?;
                let a = &p.activities[i];
                let lead = sx.city(&a.lead)?;
                let leaves = stop.leave.is_some();
                let draft = self.activity_draft(i, a, lead, leaves)?;
                self.exec(lead, Command::RecordActivity(draft)).await?;
            }
            Item::Progress(i) => {
                let a = &p.activities[i];
                let lead = sx.city(&a.lead)?;
                let (status, word, on) = match a.status {
                    ActivityStatus::Completed => {
                        (ActivityStatus::Completed, "Completed", a.due.min(sx.today))
                    }
                    ActivityStatus::Cancelled => {
                        (ActivityStatus::Cancelled, "Cancelled", a.due.min(sx.today))
                    }
                    _ => (
                        ActivityStatus::InProgress,
                        "In progress",
                        stop.date().max(a.start).min(sx.today),
                    ),
                };
                let draft = ProgressDraft {
                    id: id("progress", &format!("{}:{i}", p.key)).into(),
                    activity: id("activity", &format!("{}:{i}", p.key)).into(),
                    on,
                    summary: format!("{word}, as the sources report. Source: {}", a.source),
                    status,
                    percent: (status == ActivityStatus::Completed).then_some(100),
                };
                self.exec(lead, Command::RecordProgress(draft)).await?;
            }
            Item::Measurement(i) => {
                self.ensure_selections(stop.leave.is_some()).await?;
                let m = &p.measurements[i];
                let city = sx.city(&m.city)?;
                let definition = sx.kpi(&m.kpi)?;
                let draft = MeasurementDraft {
                    id: id("measurement", &format!("{}:{i}", p.key)).into(),
                    selection: id("selection", &format!("{}:{}", p.key, m.kpi)).into(),
                    city,
                    period_start: m.period_start,
                    period_end: m.period_end,
                    value: raw(definition.unit, &m.value)
                        .with_context(|| format!("{}: measurement of {}", p.key, m.kpi))?,
                    source: m.source.clone(),
                    note: m.note.clone(),
                    supersedes: None,
                };
                self.exec(city, Command::RecordMeasurement(draft)).await?;
            }
            Item::Lesson(i) => {
                let l = &p.lessons[i];
                let command = Command::RecordLesson {
                    id: id("lesson", &format!("{}:{i}", p.key)).into(),
                    kind: l.kind,
                    text: format!("{}\nSource: {}", l.text, l.source),
                };
                self.exec(self.initiator, command).await?;
            }
        }
        Ok(())
    }

    async fn ensure_plan(&mut self) -> Result<()> {
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

    fn activity_draft(
        &self,
        i: usize,
        a: &ActivityData,
        lead: CityId,
        leaves: bool,
    ) -> Result<ActivityDraft> {
        let mut description = format!("{}\nSource: {}", a.description, a.source);
        let lead_stakeholder = if leaves {
            description.push_str(&format!(
                "\nLead stakeholder: {FILLER} the sources name the lead city only."
            ));
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

    /// The KPI selections of every KPI the sources measure for this partnership:
    /// the evaluation framework is standing, so it is set up whole. The
    /// sources give no targets: a filler target is set only when the walk
    /// leaves the step (`MEASURE_FRAMEWORK` needs one).
    async fn ensure_selections(&mut self, with_target: bool) -> Result<()> {
        let mut codes: Vec<&str> = Vec::new();
        for m in &self.p.measurements {
            if !codes.contains(&m.kpi.as_str()) {
                codes.push(&m.kpi);
            }
        }
        for code in codes {
            let selection: SelectionId = id("selection", &format!("{}:{code}", self.p.key)).into();
            if self.outputs()?.selections.iter().any(|s| s.id == selection) {
                continue;
            }
            let mut reporting = Vec::new();
            for m in self.p.measurements.iter().filter(|m| m.kpi == code) {
                let c = self.sx.city(&m.city)?;
                if !reporting.contains(&c) {
                    reporting.push(c);
                }
            }
            let definition = self.sx.kpi(code)?.clone();
            let draft = SelectionDraft {
                id: selection,
                target: with_target.then(|| self.target(&definition)),
                objective: self.first_objective()?,
                reporting,
                definition,
            };
            self.exec(self.initiator, Command::SelectKpi(draft)).await?;
        }
        Ok(())
    }

    fn first_objective(&self) -> Result<Option<ObjectiveId>> {
        Ok(self
            .agg()?
            .snapshot()
            .standing
            .objectives()
            .first()
            .map(|o| o.id))
    }

    // -----------------------------------------------------------------------
    // Fillers
    // -----------------------------------------------------------------------

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

    async fn fix(&mut self, criterion: Criterion, on: NaiveDate, si: usize) -> Result<()> {
        use Criterion::*;
        let cycle = self.cycle()?;
        let parties = self.parties();
        match criterion {
            AimVision | AimObjective | AimTheme | AimStakeholder | CommitPolitical
            | CommitPriority | CommitRoles | CommitResources => bail!(
                "the standing of {} does not meet {} (the loader records it before the \
                 partnerships)",
                self.p.initiator,
                criterion.code()
            ),
            PartnerCounterpart => bail!("no counterpart"),
            PartnerAssessment => {
                let candidate = self.counterpart.ok_or_else(|| anyhow!("no counterpart"))?;
                use strum::IntoEnumIterator;
                let items = SelectionCriterion::iter()
                    .map(|criterion| AssessmentItem {
                        criterion,
                        answer: Answer::Unknown,
                        note: format!("{FILLER} the sources do not assess this criterion."),
                    })
                    .collect();
                let draft = AssessmentDraft {
                    id: self.filler(),
                    candidate,
                    on,
                    items,
                };
                self.fill(self.initiator, Command::RecordAssessment(draft))
                    .await?;
            }
            PartnerPriority => {
                let area = self
                    .p
                    .agreements
                    .iter()
                    .flat_map(|a| a.areas.iter().copied())
                    .chain(
                        self.agg()?
                            .snapshot()
                            .standing
                            .strategy
                            .iter()
                            .flat_map(|s| s.themes.iter().copied()),
                    )
                    .next()
                    .unwrap_or(Area::EconomyTrade);
                for city in parties {
                    if !self
                        .outputs()?
                        .priorities
                        .iter()
                        .any(|x| x.city == city && x.area == area)
                    {
                        let by = format!(
                            "{} ({FILLER} no first priority is documented)",
                            self.name(city)
                        );
                        self.fill(city, Command::AgreePriority { area, by, on })
                            .await?;
                    }
                }
            }
            PartnerAgreement => {
                let agreement = self.filler();
                let draft = AgreementDraft {
                    id: agreement,
                    kind: AgreementKind::Framework,
                    title: "Placeholder framework agreement (demo filler)".into(),
                    areas: self.p.first_priorities.clone(),
                    binding: false,
                    text: Some(format!(
                        "{FILLER} the sources name no agreement for this partnership. This \
                         placeholder stands for the framework its later steps imply, so that \
                         the demo can walk it past PARTNER."
                    )),
                    reference: Some(format!("{FILLER} placeholder agreement")),
                    valid_until: None,
                    renewal_of: None,
                };
                self.fill(self.initiator, Command::RecordAgreement(draft))
                    .await?;
                for city in parties {
                    let by = format!("{} (demo filler)", self.name(city));
                    let reference = Some(format!("{FILLER} placeholder signature"));
                    self.fill(
                        city,
                        Command::SignAgreement {
                            agreement,
                            by,
                            on,
                            reference,
                        },
                    )
                    .await?;
                }
            }
            PlanActivity => {
                self.ensure_plan().await?;
                let has = self
                    .outputs()?
                    .plan
                    .iter()
                    .flat_map(|p| p.activities.iter())
                    .any(|a| a.status != ActivityStatus::Cancelled);
                if !has {
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
                    self.fill(lead, Command::RecordActivity(draft)).await?;
                }
            }
            PlanActivityComplete => {
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
                    let mut description = a.description.clone();
                    let lead_stakeholder = match a.lead_stakeholder {
                        Some(s) => s,
                        None => {
                            description.push_str(&format!(
                                "\nLead stakeholder: {FILLER} the sources name the lead city only."
                            ));
                            self.sx.lead_stakeholder(lead)?
                        }
                    };
                    let start = a.start.unwrap_or(on);
                    let due = a.due.unwrap_or(start + Duration::days(365)).max(start);
                    let draft = ActivityDraft {
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
                    };
                    self.fill(lead, Command::RecordActivity(draft)).await?;
                }
            }
            PlanApproved => {
                let version = self
                    .outputs()?
                    .plan
                    .as_ref()
                    .map(|p| p.version)
                    .ok_or_else(|| anyhow!("no plan"))?;
                for city in parties {
                    let done = self.outputs()?.approvals.iter().any(|a| {
                        a.subject == ApprovalSubject::Plan && a.version == version && a.city == city
                    });
                    if !done {
                        let draft = ApprovalDraft {
                            subject: ApprovalSubject::Plan,
                            version,
                            by: format!("{} (demo filler)", self.name(city)),
                            on,
                            reference: format!("{FILLER} no plan approval is documented"),
                        };
                        self.fill(city, Command::Approve(draft)).await?;
                    }
                }
            }
            DoTeams => {
                let mut missing: Vec<(ActivityId, String, CityId)> = Vec::new();
                for a in self.in_progress()? {
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
            }
            DoProgress => {
                let lacking: Vec<(ActivityId, Option<CityId>)> = self
                    .in_progress()?
                    .into_iter()
                    .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
                    .map(|a| (a.plan.id, a.plan.lead_city))
                    .collect();
                for (activity, lead) in lacking {
                    self.filler_progress(activity, lead, ActivityStatus::InProgress, on, cycle)
                        .await?;
                }
            }
            DoDelivered => {
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
                    .find(|a| a.status == ActivityStatus::InProgress)
                    .or_else(|| {
                        activities
                            .iter()
                            .filter(|a| a.plan.start.is_none_or(|s| s <= on))
                            .max_by_key(|a| a.plan.start)
                    })
                    .or_else(|| activities.first())
                    .ok_or_else(|| anyhow!("no activity to report on"))?;
                let status = match pick.status {
                    ActivityStatus::Completed => ActivityStatus::Completed,
                    _ => ActivityStatus::InProgress,
                };
                self.filler_progress(pick.plan.id, pick.plan.lead_city, status, on, cycle)
                    .await?;
            }
            DoRisksOwned => bail!("the demo records no risks"),
            MeasureFramework => {
                self.ensure_selections(true).await?;
                if self.outputs()?.selections.is_empty() {
                    let definition = self.sx.kpi("PARTNERSHIP_QUALITY")?.clone();
                    let draft = SelectionDraft {
                        id: self.filler(),
                        target: Some(self.target(&definition)),
                        objective: self.first_objective()?,
                        reporting: vec![self.initiator],
                        definition,
                    };
                    self.fill(self.initiator, Command::SelectKpi(draft)).await?;
                }
                let objectives: Vec<ObjectiveId> = self
                    .agg()?
                    .snapshot()
                    .standing
                    .objectives()
                    .iter()
                    .map(|o| o.id)
                    .collect();
                let incomplete: Vec<KpiSelection> = self
                    .outputs()?
                    .selections
                    .iter()
                    .filter(|s| {
                        s.target.is_none()
                            || s.reporting.is_empty()
                            || !s.objective.is_some_and(|o| objectives.contains(&o))
                    })
                    .cloned()
                    .collect();
                for s in incomplete {
                    let definition = self.sx.kpi(s.kpi.as_str())?.clone();
                    let draft = SelectionDraft {
                        id: s.id,
                        target: Some(
                            s.target
                                .as_ref()
                                .map(|t| t.to_raw())
                                .unwrap_or_else(|| self.target(&definition)),
                        ),
                        objective: s
                            .objective
                            .filter(|o| objectives.contains(o))
                            .or(objectives.first().copied()),
                        reporting: if s.reporting.is_empty() {
                            vec![self.initiator]
                        } else {
                            s.reporting.clone()
                        },
                        definition,
                    };
                    self.fill(self.initiator, Command::SelectKpi(draft)).await?;
                }
            }
            MeasureKpiCaptured => {
                let o = self.outputs()?;
                let lacking: Vec<(SelectionId, String, CityId)> = o
                    .missing_measurements(cycle)
                    .into_iter()
                    .map(|(s, c)| (s.id, s.kpi.to_string(), c))
                    .collect();
                let start = self.walk.cycles[self.walk.stops[si].cycle].start.min(on);
                for (selection, kpi, city) in lacking {
                    let definition = self.sx.kpi(&kpi)?.clone();
                    let draft = MeasurementDraft {
                        id: self.filler(),
                        selection,
                        city,
                        period_start: start,
                        period_end: on,
                        value: self.sample(&definition),
                        source: format!(
                            "{FILLER} a value for cycle {cycle}, so that the demo can leave MEASURE"
                        ),
                        note: String::new(),
                        supersedes: None,
                    };
                    self.fill(city, Command::RecordMeasurement(draft)).await?;
                }
            }
            MeasureFeedback => {
                let city = self.counterpart.unwrap_or(self.initiator);
                let draft = FeedbackDraft {
                    id: self.filler(),
                    team: format!("{} partnership team", self.name(city)),
                    text: format!(
                        "{FILLER} the teams' feedback on cycle {cycle} is not documented."
                    ),
                    on,
                };
                self.fill(city, Command::RecordFeedback(draft)).await?;
            }
            MeasureEvaluation => {
                if !self.outputs()?.adjustments.iter().any(|a| a.cycle == cycle) {
                    let proposal =
                        format!("{FILLER} revise the cooperation plan for the next cycle.");
                    let id = self.filler();
                    self.fill(self.initiator, Command::ProposeAdjustment { id, proposal })
                        .await?;
                }
                let draft = EvaluationDraft {
                    id: self.filler(),
                    strengths: format!("{FILLER} strengths of cycle {cycle} not documented."),
                    challenges: format!("{FILLER} challenges of cycle {cycle} not documented."),
                    no_adjustments: false,
                    on,
                };
                self.fill(self.initiator, Command::RecordEvaluation(draft))
                    .await?;
            }
            ActDecided => {
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
            }
            ActApproved => {
                let version = self.outputs()?.decisions_version;
                for city in parties {
                    let done = self.outputs()?.approvals.iter().any(|a| {
                        a.subject == ApprovalSubject::Decisions
                            && a.cycle == cycle
                            && a.version == version
                            && a.city == city
                    });
                    if !done {
                        let draft = ApprovalDraft {
                            subject: ApprovalSubject::Decisions,
                            version,
                            by: format!("{} (demo filler)", self.name(city)),
                            on,
                            reference: format!(
                                "{FILLER} no approval of the decisions is documented"
                            ),
                        };
                        self.fill(city, Command::Approve(draft)).await?;
                    }
                }
            }
            ReplicateLessons => {
                let command = Command::RecordLesson {
                    id: self.filler(),
                    kind: LessonKind::SuccessFactor,
                    text: format!(
                        "{FILLER} the success factors of cycle {cycle} are not documented."
                    ),
                };
                self.fill(self.initiator, command).await?;
            }
            ReplicateExpost => {
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
            }
        }
        Ok(())
    }

    fn in_progress(&self) -> Result<Vec<Activity>> {
        Ok(self
            .outputs()?
            .plan
            .iter()
            .flat_map(|p| p.activities.iter())
            .filter(|a| a.status == ActivityStatus::InProgress)
            .cloned()
            .collect())
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
            summary: format!("{FILLER} progress in cycle {cycle} is not documented."),
            status,
            percent: None,
        };
        self.fill(
            lead.unwrap_or(self.initiator),
            Command::RecordProgress(draft),
        )
        .await
    }

    /// The sourced values of a KPI in this partnership.
    fn sourced(&self, code: &str) -> impl Iterator<Item = &MeasurementData> {
        self.p.measurements.iter().filter(move |m| m.kpi == code)
    }

    /// A filler value: the first sourced value of the KPI, else a modest one.
    fn sample(&self, definition: &KpiDefinition) -> RawValue {
        self.sourced(definition.code.as_str())
            .find_map(|m| raw(definition.unit, &m.value).ok())
            .unwrap_or_else(|| default_value(definition.unit, 1, 3))
    }

    /// A filler target: the highest sourced value of the KPI, else a modest one.
    fn target(&self, definition: &KpiDefinition) -> RawValue {
        let best = self
            .sourced(definition.code.as_str())
            .filter_map(|m| match &m.value {
                ValueData::Integer(n) => Some(*n),
                _ => None,
            })
            .max();
        match (definition.unit, best) {
            (Unit::Count, Some(n)) => RawValue {
                count: Some(n),
                ..RawValue::default()
            },
            (Unit::Score1To5, Some(n)) => RawValue {
                score: Some(n.clamp(1, 5)),
                ..RawValue::default()
            },
            (Unit::Money | Unit::Text, _) => self.sample(definition),
            (unit, _) => default_value(unit, 1, 4),
        }
    }
}

fn filler_funding() -> FundingDraft {
    FundingDraft {
        amount: Decimal::ZERO,
        currency: "EUR".into(),
        source: format!("{FILLER} staff time (in kind)"),
    }
}

fn default_value(unit: Unit, count: i64, score: i64) -> RawValue {
    let mut raw = RawValue::default();
    match unit {
        Unit::Count => raw.count = Some(count),
        Unit::Score1To5 => raw.score = Some(score),
        Unit::Percent => raw.percent = Some(Decimal::from(50)),
        Unit::Money => {
            raw.amount = Some(Decimal::ZERO);
            raw.currency = Some("EUR".into());
        }
        Unit::Text => raw.text = Some(format!("{FILLER} not documented.")),
    }
    raw
}

/// A sourced value in the KPI's unit.
fn raw(unit: Unit, value: &ValueData) -> Result<RawValue> {
    let mut raw = RawValue::default();
    match (unit, value) {
        (Unit::Count, ValueData::Integer(n)) => raw.count = Some(*n),
        (Unit::Score1To5, ValueData::Integer(n)) => raw.score = Some(*n),
        (Unit::Percent, ValueData::Integer(n)) => raw.percent = Some(Decimal::from(*n)),
        (Unit::Text, ValueData::Text(t)) => raw.text = Some(t.clone()),
        (Unit::Money, ValueData::Money(m)) => {
            raw.amount = Some(m.amount);
            raw.currency = Some(m.currency.clone());
        }
        (unit, value) => bail!("the value {value:?} does not fit the unit {}", unit.code()),
    }
    Ok(raw)
}

fn command_label(command: &Command) -> String {
    let debug = format!("{command:?}");
    let name = debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    name.to_owned()
}
