//! Builders for tests (feature `fixtures`): a small world of two cities and the
//! actions that satisfy each exit criterion.
//!
//! [`World::fixes`] answers "what would a city team record to meet this
//! criterion now?", as [`Action`]s that the domain tests execute in memory and
//! the store tests execute through the database. [`World::complete`] applies
//! fixes until the current step's criteria all hold.

use crate::city::{Area, HelixSector, Involvement, Stakeholder};
use crate::command::{Command, Ctx, Move, StartRequest};
use crate::criteria::{self, Criterion};
use crate::kpi::{self, RawValue, Unit};
use crate::narrative::{MoveKind, Step};
use crate::outputs::*;
use crate::partnership::Partnership;
use crate::snapshot::Snapshot;
use crate::standing::{
    CommitmentDraft, ContactTeam, Objective, PoliticalCommitment, Priority, ResourceDraft,
    StakeholderRole, Standing, StrategyDraft,
};
use crate::{AccountId, CityId, DomainError, Event, ObjectiveId, SelectionId};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

/// Which city of the world acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The initiator.
    Initiator,
    /// The counterpart.
    Counterpart,
}

/// Something a city team does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The initiator records a new strategy version.
    Strategy(StrategyDraft),
    /// The initiator records a new commitment version.
    Commitment(CommitmentDraft),
    /// A city does something to the partnership.
    Do(Side, Command),
}

/// Two cities, their accounts and stakeholders, a clock and a sequence of
/// identifiers (deterministic, so failures can be replayed).
#[derive(Debug, Clone)]
pub struct World {
    /// The current time; every action moves it on by an hour.
    pub now: DateTime<Utc>,
    seq: u128,
    /// The initiator's standing.
    pub standing: Standing,
    /// The counterpart city.
    pub counterpart: CityId,
    /// Its stakeholders.
    pub counterpart_stakeholders: Vec<Stakeholder>,
    /// The initiator's account.
    pub initiator_actor: AccountId,
    /// The counterpart's account.
    pub counterpart_actor: AccountId,
    /// The objective identifiers of the strategy.
    pub objectives: Vec<ObjectiveId>,
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    /// A world at 2020-01-01 with two cities, three stakeholders and no
    /// strategy.
    pub fn new() -> Self {
        Self::at(
            Utc.with_ymd_and_hms(2020, 1, 1, 9, 0, 0)
                .single()
                .unwrap_or_default(),
            1,
        )
    }

    /// A world at a given time, with identifiers starting from `seed`.
    pub fn at(now: DateTime<Utc>, seed: u128) -> Self {
        let mut w = World {
            now,
            seq: seed << 32,
            standing: Standing::empty(CityId(Uuid::nil())),
            counterpart: CityId(Uuid::nil()),
            counterpart_stakeholders: Vec::new(),
            initiator_actor: AccountId(Uuid::nil()),
            counterpart_actor: AccountId(Uuid::nil()),
            objectives: Vec::new(),
        };
        let initiator: CityId = w.id();
        w.counterpart = w.id();
        w.initiator_actor = w.id();
        w.counterpart_actor = w.id();
        let stakeholders = vec![
            Stakeholder {
                id: w.id(),
                city: initiator,
                name: "University of the initiator".into(),
                sector: HelixSector::Academia,
                involvement: Involvement::Deliverer,
            },
            Stakeholder {
                id: w.id(),
                city: initiator,
                name: "Chamber of commerce".into(),
                sector: HelixSector::Industry,
                involvement: Involvement::Promoter,
            },
        ];
        w.counterpart_stakeholders = vec![Stakeholder {
            id: w.id(),
            city: w.counterpart,
            name: "Municipal foreign affairs office".into(),
            sector: HelixSector::Government,
            involvement: Involvement::Promoter,
        }];
        w.standing = Standing {
            city: initiator,
            stakeholders,
            strategy: None,
            commitment: None,
        };
        w.objectives = vec![w.id(), w.id()];
        w
    }

    /// The initiator city.
    pub fn initiator(&self) -> CityId {
        self.standing.city
    }

    /// A fresh identifier.
    pub fn id<T: From<Uuid>>(&mut self) -> T {
        self.seq += 1;
        T::from(Uuid::from_u128(self.seq))
    }

    /// Replaces the counterpart with a new city that has one stakeholder (for
    /// spawning a partnership with a new counterpart). Returns the new city.
    pub fn meet_new_counterpart(&mut self) -> CityId {
        self.counterpart = self.id();
        self.counterpart_stakeholders = vec![Stakeholder {
            id: self.id(),
            city: self.counterpart,
            name: "Investment promotion agency".into(),
            sector: HelixSector::Government,
            involvement: Involvement::Investor,
        }];
        self.counterpart
    }

    /// Spawns a new partnership from `p` with a new counterpart.
    pub fn spawn(&mut self, p: &mut Partnership) -> Result<crate::Spawned, DomainError> {
        self.wait(Duration::hours(1));
        let child = self.id();
        let previous = (self.counterpart, self.counterpart_stakeholders.clone());
        let counterpart = self.meet_new_counterpart();
        let spawned = p.spawn(
            &self.ctx(Side::Initiator),
            child,
            counterpart,
            self.counterpart_stakeholders.clone(),
        );
        match &spawned {
            Ok(s) => p.apply(&s.origin_event),
            Err(_) => (self.counterpart, self.counterpart_stakeholders) = previous,
        }
        spawned
    }

    /// Today, by the world's clock.
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// Moves the clock on.
    pub fn wait(&mut self, duration: Duration) {
        self.now += duration;
    }

    /// The context of a side acting now.
    pub fn ctx(&self, side: Side) -> Ctx {
        match side {
            Side::Initiator => Ctx::new(self.initiator_actor, self.initiator(), self.now),
            Side::Counterpart => Ctx::new(self.counterpart_actor, self.counterpart, self.now),
        }
    }

    fn side_of(&self, city: CityId) -> Side {
        if city == self.initiator() {
            Side::Initiator
        } else {
            Side::Counterpart
        }
    }

    /// A complete strategy.
    pub fn strategy_draft(&self) -> StrategyDraft {
        StrategyDraft {
            vision: "An open, green port city that learns from its partners".into(),
            horizon: Some("2035".into()),
            objectives: self
                .objectives
                .iter()
                .zip(["Double academic exchanges", "Grow rail freight to Asia"])
                .map(|(id, text)| Objective {
                    id: *id,
                    text: text.into(),
                })
                .collect(),
            challenges: vec!["Few direct connections".into()],
            opportunities: vec!["A new rail link".into()],
            themes: vec![Area::EducationResearch, Area::TransportLogistics],
            stakeholders: vec![self.standing.stakeholders[0].id],
            evidence: vec!["Port statistics 2019".into()],
            adopted_on: Some(self.today()),
        }
    }

    /// A complete commitment, its priorities linked to the strategy's objectives.
    pub fn commitment_draft(&self) -> CommitmentDraft {
        CommitmentDraft {
            political: Some(PoliticalCommitment {
                body: "City Council".into(),
                on: Some(self.today()),
                reference: "Resolution 2020/17".into(),
            }),
            priorities: self
                .objectives
                .iter()
                .map(|id| Priority {
                    text: "Work with one partner city in Asia".into(),
                    objective: Some(*id),
                })
                .collect(),
            roles: vec![StakeholderRole {
                stakeholder: self.standing.stakeholders[0].id,
                role: "Academic lead".into(),
                responsibilities: "Runs student exchanges".into(),
            }],
            resources: vec![ResourceDraft {
                kind: "BUDGET".into(),
                description: "International office budget".into(),
                amount: Some(Decimal::from(50_000)),
                currency: Some("EUR".into()),
            }],
            contact_team: Some(ContactTeam {
                name: "International Relations Office".into(),
                members: vec!["A. Lindqvist".into()],
            }),
            external_stakeholders: vec!["National trade agency".into()],
        }
    }

    /// Records a strategy and a commitment that meet the Aim and Commit criteria.
    pub fn stand(&mut self) -> Result<(), DomainError> {
        self.record_strategy(self.strategy_draft())?;
        self.record_commitment(self.commitment_draft())
    }

    /// Records a strategy version for the initiator.
    pub fn record_strategy(&mut self, draft: StrategyDraft) -> Result<(), DomainError> {
        let e = self.standing.record_strategy(
            self.initiator_actor,
            self.initiator(),
            self.now,
            draft,
        )?;
        self.standing.apply(&e);
        Ok(())
    }

    /// Records a commitment version for the initiator.
    pub fn record_commitment(&mut self, draft: CommitmentDraft) -> Result<(), DomainError> {
        let e = self.standing.record_commitment(
            self.initiator_actor,
            self.initiator(),
            self.now,
            draft,
        )?;
        self.standing.apply(&e);
        Ok(())
    }

    /// Starts a partnership of the initiator at a step.
    pub fn start(&mut self, at: Step) -> Result<Partnership, DomainError> {
        let id = self.id();
        let (p, _) = Partnership::start(
            &self.ctx(Side::Initiator),
            StartRequest {
                id,
                at,
                counterpart: None,
                standing: self.standing.clone(),
                counterpart_stakeholders: self.counterpart_stakeholders.clone(),
            },
        )?;
        Ok(p)
    }

    /// Performs an action on a partnership; the clock moves on by an hour.
    pub fn perform(
        &mut self,
        p: &mut Partnership,
        action: Action,
    ) -> Result<Option<Event>, DomainError> {
        self.wait(Duration::hours(1));
        match action {
            Action::Strategy(d) => {
                self.record_strategy(d)?;
                self.refresh_standing(p);
                Ok(None)
            }
            Action::Commitment(d) => {
                self.record_commitment(d)?;
                self.refresh_standing(p);
                Ok(None)
            }
            Action::Do(side, command) => p.execute(&self.ctx(side), command).map(Some),
        }
    }

    /// Gives the partnership the initiator's standing as it is now, as the
    /// store does when it next loads the partnership (the standing belongs to
    /// the city and changes outside the partnership).
    fn refresh_standing(&self, p: &mut Partnership) {
        *p = Partnership::restore(Snapshot {
            standing: self.standing.clone(),
            ..p.snapshot().clone()
        });
    }

    /// A move by the initiator.
    pub fn mv(&mut self, p: &mut Partnership, m: Move) -> Result<Event, DomainError> {
        self.wait(Duration::hours(1));
        p.execute(&self.ctx(Side::Initiator), Command::Move(m))
    }

    /// Applies fixes until every criterion of the current step (and every one
    /// checked throughout on an advance) holds, except those in `skip`.
    pub fn complete_except(
        &mut self,
        p: &mut Partnership,
        skip: &[Criterion],
    ) -> Result<(), DomainError> {
        for _ in 0..64 {
            let mut unmet = criteria::unmet(p.state().step, p.snapshot(), self.today());
            unmet.extend(criteria::unmet_throughout(
                MoveKind::Advance,
                p.snapshot(),
                self.today(),
            ));
            let Some(next) = unmet.iter().find(|u| !skip.contains(&u.criterion)) else {
                return Ok(());
            };
            for action in self.fixes(p, next.criterion) {
                self.perform(p, action)?;
            }
        }
        Err(DomainError::invalid(
            "fixtures",
            "the criteria of the step do not converge",
        ))
    }

    /// Applies fixes until every criterion of the current step holds.
    pub fn complete(&mut self, p: &mut Partnership) -> Result<(), DomainError> {
        self.complete_except(p, &[])
    }

    /// Completes and advances until the partnership is at `step`.
    pub fn drive_to(&mut self, p: &mut Partnership, step: Step) -> Result<(), DomainError> {
        for _ in 0..16 {
            if p.state().step == step {
                return Ok(());
            }
            self.complete(p)?;
            self.mv(p, Move::Advance)?;
        }
        Err(DomainError::invalid(
            "fixtures",
            "the step is not reachable by advancing",
        ))
    }

    fn sample(unit: Unit) -> RawValue {
        let mut raw = RawValue::default();
        match unit {
            Unit::Count => raw.count = Some(3),
            Unit::Money => {
                raw.amount = Some(Decimal::from(1000));
                raw.currency = Some("EUR".into());
            }
            Unit::Percent => raw.percent = Some(Decimal::from(50)),
            Unit::Score1To5 => raw.score = Some(4),
            Unit::Text => raw.text = Some("A new way of working".into()),
        }
        raw
    }

    /// A complete activity led by `lead` (a party), with a stakeholder of that
    /// city, funding, dates and expected results.
    pub fn activity_draft(
        &self,
        id: crate::ActivityId,
        title: &str,
        lead: CityId,
    ) -> ActivityDraft {
        let stakeholder = if lead == self.initiator() {
            self.standing.stakeholders[0].id
        } else {
            self.counterpart_stakeholders[0].id
        };
        ActivityDraft {
            id,
            title: title.into(),
            area: Some(Area::EducationResearch),
            description: "Exchange of students and staff".into(),
            lead_city: Some(lead),
            lead_stakeholder: Some(stakeholder),
            cities: Vec::new(),
            funding: vec![FundingDraft {
                amount: Decimal::from(20_000),
                currency: "EUR".into(),
                source: "City budget".into(),
            }],
            start: Some(self.today()),
            due: Some(self.today() + Duration::days(365)),
            expected_results: "Twenty exchanges a year".into(),
            resources: vec!["Two staff".into()],
        }
    }

    /// What a city team would record to meet `criterion` now.
    pub fn fixes(&mut self, p: &Partnership, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let s = p.snapshot();
        match criterion {
            AimVision | AimObjective | AimTheme | AimStakeholder | AimRenewed => {
                vec![Action::Strategy(self.strategy_draft())]
            }
            CommitPolitical | CommitPriority | CommitRoles | CommitResources | CommitRenewed => {
                vec![Action::Commitment(self.commitment_draft())]
            }
            PartnerCounterpart | PartnerAssessment | PartnerPriority | PartnerAgreement
            | AgreementInForce => self.partner_fixes(s, criterion),
            PlanActivity | PlanActivityComplete | PlanApproved | PlanRevised => {
                self.plan_fixes(s, criterion)
            }
            DoTeams | DoProgress | DoDelivered | DoRisksOwned => self.do_fixes(s, criterion),
            MeasureFramework | MeasureKpiCaptured | MeasureFeedback | MeasureEvaluation => {
                self.measure_fixes(s, criterion)
            }
            ActDecided | ActApproved | ReplicateLessons | ReplicateExpost => {
                self.act_fixes(s, criterion)
            }
        }
    }

    /// What meets a Partner criterion now.
    fn partner_fixes(&mut self, s: &Snapshot, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let o = &s.outputs;
        let today = self.today();
        let parties = self.parties(s);
        let counterpart = parties[1];
        let mut actions = Vec::new();
        match criterion {
            PartnerCounterpart => {
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::ChooseCounterpart {
                        city: self.counterpart,
                        stakeholders: self.counterpart_stakeholders.clone(),
                    },
                ));
            }
            PartnerAssessment => {
                use strum::IntoEnumIterator;
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::RecordAssessment(AssessmentDraft {
                        id: self.id(),
                        candidate: counterpart,
                        on: today,
                        items: SelectionCriterion::iter()
                            .map(|c| AssessmentItem {
                                criterion: c,
                                answer: Answer::Met,
                                note: String::new(),
                            })
                            .collect(),
                    }),
                ));
            }
            PartnerPriority => {
                for city in parties {
                    if !o
                        .priorities
                        .iter()
                        .any(|x| x.city == city && x.area == Area::EducationResearch)
                    {
                        actions.push(Action::Do(
                            self.side_of(city),
                            Command::AgreePriority {
                                area: Area::EducationResearch,
                                by: "Mayor".into(),
                                on: today,
                            },
                        ));
                    }
                }
            }
            PartnerAgreement | AgreementInForce => {
                // A renewal of the latest agreement, if there is one.
                let renewal_of = o.agreements.last().map(|a| a.id);
                let id = self.id();
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::RecordAgreement(AgreementDraft {
                        id,
                        kind: AgreementKind::Mou,
                        title: "Memorandum of understanding".into(),
                        areas: vec![Area::EducationResearch],
                        binding: false,
                        text: Some("The two cities will cooperate in education.".into()),
                        reference: None,
                        valid_until: None,
                        renewal_of,
                    }),
                ));
                for side in [Side::Initiator, Side::Counterpart] {
                    actions.push(Action::Do(
                        side,
                        Command::SignAgreement {
                            agreement: id,
                            by: "Mayor".into(),
                            on: today,
                            reference: None,
                        },
                    ));
                }
            }
            _ => {}
        }
        actions
    }

    /// What meets a Plan criterion now.
    fn plan_fixes(&mut self, s: &Snapshot, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let o = &s.outputs;
        let today = self.today();
        let parties = self.parties(s);
        let counterpart = parties[1];
        let mut actions = Vec::new();
        match criterion {
            PlanActivity => {
                if o.plan.is_none() {
                    actions.push(Action::Do(
                        Side::Initiator,
                        Command::RecordPlan {
                            title: "Cooperation plan".into(),
                            summary: "Education first".into(),
                        },
                    ));
                }
                let (a1, a2) = (self.id(), self.id());
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::RecordActivity(self.activity_draft(
                        a1,
                        "Student exchange",
                        s.initiator,
                    )),
                ));
                actions.push(Action::Do(
                    Side::Counterpart,
                    Command::RecordActivity(self.activity_draft(
                        a2,
                        "Joint summer school",
                        counterpart,
                    )),
                ));
            }
            PlanActivityComplete => {
                for a in o.plan.iter().flat_map(|plan| plan.activities.iter()) {
                    if a.status == ActivityStatus::Cancelled {
                        continue;
                    }
                    let lead = a.plan.lead_city.unwrap_or(s.initiator);
                    let mut draft = self.activity_draft(a.plan.id, &a.plan.title, lead);
                    draft.cities = a.plan.cities.clone();
                    actions.push(Action::Do(
                        self.side_of(lead),
                        Command::RecordActivity(draft),
                    ));
                }
            }
            PlanApproved | PlanRevised => {
                let cycle = s.state.cycle;
                if let Some(plan) = &o.plan {
                    // A revision: the plan's summary for this cycle, a new version.
                    let revise = criterion == PlanRevised && plan.version_cycle != cycle;
                    let version = if revise {
                        actions.push(Action::Do(
                            Side::Initiator,
                            Command::RecordPlan {
                                title: plan.title.clone(),
                                summary: format!("Education first, revised in cycle {cycle}"),
                            },
                        ));
                        plan.version + 1
                    } else {
                        plan.version
                    };
                    for city in parties {
                        if revise
                            || !o.approvals.iter().any(|a| {
                                a.subject == ApprovalSubject::Plan
                                    && a.version == version
                                    && a.city == city
                            })
                        {
                            actions.push(Action::Do(
                                self.side_of(city),
                                Command::Approve(ApprovalDraft {
                                    subject: ApprovalSubject::Plan,
                                    version,
                                    by: "City Council".into(),
                                    on: today,
                                    reference: "Plan approval".into(),
                                }),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
        actions
    }

    /// What meets a Do criterion now.
    fn do_fixes(&mut self, s: &Snapshot, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let o = &s.outputs;
        let cycle = s.state.cycle;
        let today = self.today();
        let parties = self.parties(s);
        let mut actions = Vec::new();
        match criterion {
            DoTeams => {
                for a in under_way(o, today) {
                    let involved = if a.plan.cities.is_empty() {
                        parties.to_vec()
                    } else {
                        a.plan.cities.clone()
                    };
                    for city in involved {
                        if !a.teams.iter().any(|t| t.city == city) {
                            actions.push(Action::Do(
                                self.side_of(city),
                                Command::RecordTeam(TeamDraft {
                                    activity: a.plan.id,
                                    name: format!("{} team", a.plan.title),
                                    members: vec!["Project officer".into()],
                                    responsibilities: "Delivers the activity".into(),
                                }),
                            ));
                        }
                    }
                }
            }
            DoProgress => {
                let lacking: Vec<_> = under_way(o, today)
                    .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
                    .map(|a| a.plan.id)
                    .collect();
                for activity in lacking {
                    actions.push(self.progress(activity, ActivityStatus::InProgress));
                }
            }
            DoDelivered => {
                if let Some(a) = o
                    .plan
                    .iter()
                    .flat_map(|plan| plan.activities.iter())
                    .find(|a| a.status != ActivityStatus::Cancelled)
                {
                    let id = a.plan.id;
                    actions.push(self.progress(id, ActivityStatus::InProgress));
                }
            }
            DoRisksOwned => {
                for a in o.plan.iter().flat_map(|plan| plan.activities.iter()) {
                    for r in a
                        .risks
                        .iter()
                        .filter(|r| r.owner.is_none() || r.mitigation.is_none())
                    {
                        actions.push(Action::Do(
                            self.side_of(r.city),
                            Command::RecordRisk(RiskDraft {
                                id: r.id,
                                activity: a.plan.id,
                                description: r.description.clone(),
                                likelihood: r.likelihood,
                                impact: r.impact,
                                mitigation: Some("A second venue is on hold".into()),
                                owner: Some("Project officer".into()),
                                status: r.status,
                            }),
                        ));
                    }
                }
            }
            _ => {}
        }
        actions
    }

    /// The initiator and the counterpart (the world's, before one is chosen).
    fn parties(&self, s: &Snapshot) -> [CityId; 2] {
        [s.initiator, s.counterpart.unwrap_or(self.counterpart)]
    }

    /// What meets `MEASURE_FRAMEWORK` now: a KPI selected, or every selection
    /// completed.
    fn framework_fixes(&mut self, o: &Outputs, parties: [CityId; 2]) -> Vec<Action> {
        let catalogue = kpi::catalogue();
        let wanted: Vec<(Option<SelectionId>, &str)> = if o.selections.is_empty() {
            vec![(None, "ACADEMIC_ACTIVITIES")]
        } else {
            o.selections
                .iter()
                .map(|sel| (Some(sel.id), sel.kpi.as_str()))
                .collect()
        };
        let mut actions = Vec::new();
        for (id, code) in wanted {
            let Some(definition) = catalogue.iter().find(|d| d.code.as_str() == code) else {
                continue;
            };
            let id = match id {
                Some(id) => id,
                None => self.id(),
            };
            actions.push(Action::Do(
                Side::Initiator,
                Command::SelectKpi(SelectionDraft {
                    id,
                    objective: self.objectives.first().copied(),
                    target: Some(Self::sample(definition.unit)),
                    reporting: parties.to_vec(),
                    definition: definition.clone(),
                }),
            ));
        }
        actions
    }

    /// What meets a Measure criterion now.
    fn measure_fixes(&mut self, s: &Snapshot, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let o = &s.outputs;
        let cycle = s.state.cycle;
        let today = self.today();
        let parties = self.parties(s);
        let mut actions = Vec::new();
        match criterion {
            MeasureFramework => actions.extend(self.framework_fixes(o, parties)),
            MeasureKpiCaptured => {
                let lacking: Vec<_> = o
                    .missing_measurements(cycle)
                    .into_iter()
                    .map(|(sel, c)| (sel.id, sel.unit, c))
                    .collect();
                for (selection, unit, city) in lacking {
                    actions.push(Action::Do(
                        self.side_of(city),
                        Command::RecordMeasurement(MeasurementDraft {
                            id: self.id(),
                            selection,
                            city,
                            period_start: today - Duration::days(30),
                            period_end: today,
                            value: Self::sample(unit),
                            source: "Office records".into(),
                            note: String::new(),
                            supersedes: None,
                        }),
                    ));
                }
            }
            MeasureFeedback => {
                actions.push(Action::Do(
                    Side::Counterpart,
                    Command::RecordFeedback(FeedbackDraft {
                        id: self.id(),
                        team: "Summer school team".into(),
                        text: "Students want longer stays".into(),
                        on: today,
                    }),
                ));
            }
            MeasureEvaluation => {
                if !o.adjustments.iter().any(|a| a.cycle == cycle) {
                    actions.push(Action::Do(
                        Side::Initiator,
                        Command::ProposeAdjustment {
                            id: self.id(),
                            proposal: "Extend the exchange to one semester".into(),
                        },
                    ));
                }
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::RecordEvaluation(EvaluationDraft {
                        id: self.id(),
                        strengths: "Committed universities".into(),
                        challenges: "Visa delays".into(),
                        no_adjustments: false,
                        on: today,
                    }),
                ));
            }
            _ => {}
        }
        actions
    }

    /// What meets an Act or Replicate criterion now.
    fn act_fixes(&mut self, s: &Snapshot, criterion: Criterion) -> Vec<Action> {
        use Criterion::*;
        let o = &s.outputs;
        let cycle = s.state.cycle;
        let today = self.today();
        let parties = self.parties(s);
        let mut actions = Vec::new();
        match criterion {
            ActDecided => {
                for a in o
                    .adjustments
                    .iter()
                    .filter(|a| a.cycle == cycle && a.decision.is_none())
                {
                    actions.push(Action::Do(
                        Side::Initiator,
                        Command::DecideAdjustment(DecisionDraft {
                            adjustment: a.id,
                            outcome: Outcome::Approved,
                            on: today,
                            note: "Agreed by both teams".into(),
                        }),
                    ));
                }
            }
            ActApproved => {
                for city in parties {
                    if !o.approvals.iter().any(|a| {
                        a.subject == ApprovalSubject::Decisions
                            && a.cycle == cycle
                            && a.version == o.decisions_version
                            && a.city == city
                    }) {
                        actions.push(Action::Do(
                            self.side_of(city),
                            Command::Approve(ApprovalDraft {
                                subject: ApprovalSubject::Decisions,
                                version: o.decisions_version,
                                by: "Mayor".into(),
                                on: today,
                                reference: "Decision approval".into(),
                            }),
                        ));
                    }
                }
            }
            ReplicateLessons => {
                actions.push(Action::Do(
                    Side::Initiator,
                    Command::RecordLesson {
                        id: self.id(),
                        kind: LessonKind::SuccessFactor,
                        text: "A small group of persistent people on both sides".into(),
                    },
                ));
            }
            ReplicateExpost => {
                for objective in s.standing.objectives() {
                    actions.push(Action::Do(
                        Side::Initiator,
                        Command::RecordExPost(ExPostDraft {
                            objective: objective.id,
                            foreseen: "Forty exchanges".into(),
                            achieved: "Thirty-two exchanges".into(),
                            gap: "Visa delays cost a term".into(),
                        }),
                    ));
                }
            }
            _ => {}
        }
        actions
    }

    fn progress(&mut self, activity: crate::ActivityId, status: ActivityStatus) -> Action {
        Action::Do(
            Side::Initiator,
            Command::RecordProgress(ProgressDraft {
                id: self.id(),
                activity,
                on: self.today(),
                summary: "First cohort travelled".into(),
                status,
                reason: None,
                percent: Some(40),
            }),
        )
    }
}

fn under_way(o: &Outputs, on: NaiveDate) -> impl Iterator<Item = &Activity> {
    o.plan.iter().flat_map(move |plan| plan.under_way(on))
}
