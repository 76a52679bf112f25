//! The partnership aggregate and the one place where it changes.
//!
//! [`Partnership::decide`] turns a [`Command`] into exactly one [`Event`] or a
//! [`DomainError`]; it reads and never writes. [`Partnership::apply`] folds an
//! event into the aggregate. [`Partnership::execute`] does both. A refused
//! command therefore changes nothing, and every applied command is one event.

use crate::city::{Area, Stakeholder, dedup};
use crate::criteria::{self, Unmet};
use crate::event::{Change, Event};
use crate::kpi::KpiValue;
use crate::money::Money;
use crate::narrative::{AllowedMove, Loop, MoveKind, Narrative, Status, Step};
use crate::outputs::*;
use crate::standing::Standing;
use crate::text::{LONG, SHORT, clean, list, required};
use crate::{
    AccountId, AdjustmentId, AgreementId, CityId, ContactId, DomainError, LessonId, PartnershipId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a partnership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The current step.
    pub step: Step,
    /// The loop of the current cycle.
    pub loop_: Loop,
    /// The cycle: 1 at the start, +1 at every loop back.
    pub cycle: u32,
    /// The status.
    pub status: Status,
}

/// Everything a partnership is: the data its criteria read. The store builds
/// one from its rows and calls [`Partnership::restore`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Identifier.
    pub id: PartnershipId,
    /// The city that started it.
    pub initiator: CityId,
    /// The counterpart, from Partner on.
    pub counterpart: Option<CityId>,
    /// The partnership it was spawned from.
    pub origin: Option<PartnershipId>,
    /// Step, loop, cycle, status.
    pub state: State,
    /// Optimistic-concurrency version: +1 per event.
    pub version: u64,
    /// When it started (as it happened).
    pub started_at: DateTime<Utc>,
    /// When its state last changed (as it happened).
    pub last_move_at: DateTime<Utc>,
    /// Starting notes (a spawned partnership's copy of its origin's success
    /// factors).
    pub starting_notes: Vec<String>,
    /// The version of the initiator's strategy it relies on.
    pub strategy_version: Option<u32>,
    /// The version of the initiator's commitment it relies on.
    pub commitment_version: Option<u32>,
    /// The initiator's standing: its stakeholders, strategy and commitment in
    /// force.
    pub standing: Standing,
    /// The counterpart's stakeholders.
    pub counterpart_stakeholders: Vec<Stakeholder>,
    /// The outputs.
    pub outputs: Outputs,
}

/// The partnership aggregate. Its data can be read whole ([`Partnership::snapshot`])
/// but changes only through [`Partnership::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership(Snapshot);

/// Who acts, when, and under which expectations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// The acting account.
    pub actor: AccountId,
    /// The city it acts for.
    pub city: CityId,
    /// The current time.
    pub now: DateTime<Utc>,
    /// For a move recorded after the fact: when it happened. Must not be
    /// before the last move nor after `now`.
    pub effective_at: Option<DateTime<Utc>>,
    /// The version the caller saw; a different current version is a conflict.
    pub expected_version: Option<u64>,
}

impl Ctx {
    /// An actor for a city at a time.
    pub fn new(actor: AccountId, city: CityId, now: DateTime<Utc>) -> Self {
        Self {
            actor,
            city,
            now,
            effective_at: None,
            expected_version: None,
        }
    }

    /// Expects a version.
    pub fn expecting(mut self, version: u64) -> Self {
        self.expected_version = Some(version);
        self
    }

    /// Dates a move recorded after the fact.
    pub fn effective(mut self, at: DateTime<Utc>) -> Self {
        self.effective_at = Some(at);
        self
    }
}

/// A change of state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Move {
    /// To the next step.
    Advance,
    /// Close the loop and re-enter it.
    LoopBack(Loop),
    /// Pause.
    Suspend {
        /// Why.
        reason: String,
    },
    /// Resume at the same step.
    Resume,
    /// Finish at Replicate.
    Conclude,
    /// End, for good.
    Terminate {
        /// Why.
        reason: String,
    },
}

impl Move {
    /// Its kind.
    pub fn kind(&self) -> MoveKind {
        match self {
            Move::Advance => MoveKind::Advance,
            Move::LoopBack(_) => MoveKind::LoopBack,
            Move::Suspend { .. } => MoveKind::Suspend,
            Move::Resume => MoveKind::Resume,
            Move::Conclude => MoveKind::Conclude,
            Move::Terminate { .. } => MoveKind::Terminate,
        }
    }
}

/// Everything that can be done to an existing partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// A change of state.
    Move(Move),
    /// Choose the counterpart (at Partner, by the initiator).
    ChooseCounterpart(CityId),
    /// Assess a candidate counterpart.
    RecordAssessment(AssessmentDraft),
    /// Record a contact.
    RecordContact(ContactDraft),
    /// Record the follow-up of a contact.
    RecordFollowUp {
        /// The contact.
        contact: ContactId,
        /// When.
        on: NaiveDate,
        /// What.
        note: String,
    },
    /// Record an agreement (unsigned).
    RecordAgreement(AgreementDraft),
    /// Sign an agreement for the acting city.
    SignAgreement {
        /// The agreement.
        agreement: AgreementId,
        /// Who signs.
        by: String,
        /// When.
        on: NaiveDate,
        /// Reference.
        reference: Option<String>,
    },
    /// Agree a first priority area for the acting city.
    AgreePriority {
        /// The area.
        area: Area,
        /// Who agrees.
        by: String,
        /// When.
        on: NaiveDate,
    },
    /// Create the plan or change its header.
    RecordPlan {
        /// Title.
        title: String,
        /// Summary.
        summary: String,
    },
    /// Add or change an activity.
    RecordActivity(ActivityDraft),
    /// Record the acting city's team for an activity.
    RecordTeam(TeamDraft),
    /// Report progress.
    RecordProgress(ProgressDraft),
    /// Add or change a risk.
    RecordRisk(RiskDraft),
    /// Select a KPI.
    SelectKpi(SelectionDraft),
    /// Record a measurement.
    RecordMeasurement(MeasurementDraft),
    /// Record feedback.
    RecordFeedback(FeedbackDraft),
    /// Record an evaluation.
    RecordEvaluation(EvaluationDraft),
    /// Propose an adjustment.
    ProposeAdjustment {
        /// New identifier.
        id: AdjustmentId,
        /// The proposal.
        proposal: String,
    },
    /// Decide an adjustment.
    DecideAdjustment(DecisionDraft),
    /// Approve the plan version or the decision set for the acting city.
    Approve(ApprovalDraft),
    /// Record a lesson.
    RecordLesson {
        /// New identifier.
        id: LessonId,
        /// Kind.
        kind: LessonKind,
        /// Text.
        text: String,
    },
    /// Record the ex-post evaluation of an objective.
    RecordExPost(ExPostDraft),
}

/// How to start a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartRequest {
    /// New identifier.
    pub id: PartnershipId,
    /// The first step: Aim or Partner.
    pub at: Step,
    /// The counterpart, when starting at Partner with one in mind.
    pub counterpart: Option<CityId>,
    /// The initiator's standing.
    pub standing: Standing,
    /// The counterpart's stakeholders.
    pub counterpart_stakeholders: Vec<Stakeholder>,
}

/// A spawn: one event on the origin, and a new partnership with its start event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spawned {
    /// The event of the origin (`SPAWNED`).
    pub origin_event: Event,
    /// The new partnership, started at Partner.
    pub child: Partnership,
    /// Its first event (`STARTED`).
    pub child_event: Event,
}

/// Whether an allowed move is ready, and what blocks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// The move.
    pub allowed: AllowedMove,
    /// No criterion blocks it.
    pub ready: bool,
    /// Every unmet criterion.
    pub unmet: Vec<Unmet>,
}

fn not_future(field: &str, date: NaiveDate, now: DateTime<Utc>) -> Result<(), DomainError> {
    if date > now.date_naive() {
        return Err(DomainError::invalid(
            field,
            format!("{date} lies in the future"),
        ));
    }
    Ok(())
}

impl Partnership {
    /// Rebuilds a partnership from stored data.
    pub fn restore(snapshot: Snapshot) -> Self {
        Self(snapshot)
    }

    /// All its data.
    pub fn snapshot(&self) -> &Snapshot {
        &self.0
    }

    /// Its identifier.
    pub fn id(&self) -> PartnershipId {
        self.0.id
    }

    /// Step, loop, cycle and status.
    pub fn state(&self) -> State {
        self.0.state
    }

    /// Its version.
    pub fn version(&self) -> u64 {
        self.0.version
    }

    /// Its outputs.
    pub fn outputs(&self) -> &Outputs {
        &self.0.outputs
    }

    /// Replaces the initiator's standing (it belongs to the city and changes
    /// outside the partnership).
    pub fn set_standing(&mut self, standing: Standing) {
        self.0.standing = standing;
    }

    /// Replaces the counterpart's stakeholders.
    pub fn set_counterpart_stakeholders(&mut self, stakeholders: Vec<Stakeholder>) {
        self.0.counterpart_stakeholders = stakeholders;
    }

    /// Whether a city is the initiator or the counterpart.
    pub fn is_party(&self, city: CityId) -> bool {
        city == self.0.initiator || Some(city) == self.0.counterpart
    }

    /// The parties: the initiator, then the counterpart if any.
    pub fn parties(&self) -> Vec<CityId> {
        std::iter::once(self.0.initiator)
            .chain(self.0.counterpart)
            .collect()
    }

    /// Starts a partnership at Aim (loop City development) or at Partner (loop
    /// New partnership). Starting at Partner needs the criteria of Aim and
    /// Commit to hold on the initiator's standing.
    pub fn start(ctx: &Ctx, request: StartRequest) -> Result<(Partnership, Event), DomainError> {
        Self::start_with(ctx, request, None, Vec::new(), MoveKind::Start)
    }

    fn start_with(
        ctx: &Ctx,
        request: StartRequest,
        origin: Option<PartnershipId>,
        notes: Vec<String>,
        kind: MoveKind,
    ) -> Result<(Partnership, Event), DomainError> {
        let narrative = Narrative::standard();
        let initiator = request.standing.city;
        if ctx.city != initiator {
            return Err(DomainError::forbidden(
                "a partnership is started by its initiator city",
            ));
        }
        let rule = narrative.start_rule(request.at).ok_or_else(|| {
            DomainError::not_allowed(
                kind,
                format!(
                    "a partnership starts at {}",
                    narrative
                        .starts
                        .iter()
                        .map(|r| r.step.code())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            )
        })?;
        if let Some(counterpart) = request.counterpart {
            if counterpart == initiator {
                return Err(DomainError::invalid(
                    "counterpartCityId",
                    "the counterpart must be another city than the initiator",
                ));
            }
            if narrative.position(request.at) < narrative.position(Step::Partner) {
                return Err(DomainError::invalid(
                    "counterpartCityId",
                    "a partnership that starts at AIM chooses its counterpart at PARTNER",
                ));
            }
        }
        let unmet = criteria::unmet_before(request.at, &request.standing);
        if !unmet.is_empty() {
            return Err(DomainError::Blocked { kind, unmet });
        }
        let occurred_at = ctx.effective_at.unwrap_or(ctx.now);
        if occurred_at > ctx.now {
            return Err(DomainError::invalid(
                "at",
                "a start cannot lie in the future",
            ));
        }
        let pins = request.at != Step::Aim;
        let strategy_version = request
            .standing
            .strategy
            .as_ref()
            .filter(|_| pins)
            .map(|s| s.version);
        let commitment_version = request
            .standing
            .commitment
            .as_ref()
            .filter(|_| pins)
            .map(|c| c.version);
        let state = State {
            step: rule.step,
            loop_: rule.loop_,
            cycle: 1,
            status: Status::Active,
        };
        let partnership = Partnership(Snapshot {
            id: request.id,
            initiator,
            counterpart: None,
            origin: None,
            state,
            version: 0,
            started_at: occurred_at,
            last_move_at: occurred_at,
            starting_notes: Vec::new(),
            strategy_version: None,
            commitment_version: None,
            standing: request.standing,
            counterpart_stakeholders: request.counterpart_stakeholders,
            outputs: Outputs::default(),
        });
        let change = Change::Started {
            initiator,
            counterpart: request.counterpart,
            origin,
            strategy_version,
            commitment_version,
            notes,
        };
        let event = partnership.event(ctx, state, occurred_at, change);
        let mut partnership = partnership;
        partnership.apply(&event);
        Ok((partnership, event))
    }

    /// Every move allowed from here, with whether it is ready and every unmet
    /// criterion. `on` is the date the move would happen.
    pub fn readiness(&self, on: NaiveDate) -> Vec<Readiness> {
        let s = &self.0.state;
        Narrative::standard()
            .allowed_moves(s.status, s.loop_, s.step)
            .into_iter()
            .map(|allowed| {
                let unmet = self.unmet_for(allowed.kind, on);
                Readiness {
                    allowed,
                    ready: unmet.is_empty(),
                    unmet,
                }
            })
            .collect()
    }

    fn unmet_for(&self, kind: MoveKind, on: NaiveDate) -> Vec<Unmet> {
        let mut unmet = if kind.leaves_step() {
            criteria::unmet(self.0.state.step, &self.0, on)
        } else {
            Vec::new()
        };
        if kind == MoveKind::Spawn {
            for u in criteria::unmet_before(Step::Partner, &self.0.standing) {
                if !unmet.iter().any(|x| x.criterion == u.criterion) {
                    unmet.push(u);
                }
            }
        }
        unmet
    }

    fn check_version(&self, ctx: &Ctx) -> Result<(), DomainError> {
        match ctx.expected_version {
            Some(expected) if expected != self.0.version => Err(DomainError::VersionConflict {
                expected,
                actual: self.0.version,
            }),
            _ => Ok(()),
        }
    }

    fn check_actor(&self, ctx: &Ctx) -> Result<(), DomainError> {
        if self.is_party(ctx.city) {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "the acting city is not party to this partnership",
            ))
        }
    }

    fn event(&self, ctx: &Ctx, state: State, occurred_at: DateTime<Utc>, change: Change) -> Event {
        Event {
            partnership: self.0.id,
            actor: ctx.actor,
            city: ctx.city,
            at: ctx.now,
            occurred_at,
            step: state.step,
            loop_: state.loop_,
            cycle: state.cycle,
            status: state.status,
            version: self.0.version + 1,
            change,
        }
    }

    fn move_time(&self, ctx: &Ctx) -> Result<DateTime<Utc>, DomainError> {
        let at = ctx.effective_at.unwrap_or(ctx.now);
        if at > ctx.now {
            return Err(DomainError::invalid(
                "at",
                "a move cannot lie in the future",
            ));
        }
        if at < self.0.last_move_at {
            return Err(DomainError::invalid(
                "at",
                format!(
                    "a move cannot lie before the previous one ({})",
                    self.0.last_move_at
                ),
            ));
        }
        Ok(at)
    }

    /// Decides a command: one event, or why not. Changes nothing.
    pub fn decide(&self, ctx: &Ctx, command: Command) -> Result<Event, DomainError> {
        // Access first: a city that is not party learns nothing, not even
        // the version.
        self.check_actor(ctx)?;
        self.check_version(ctx)?;
        match command {
            Command::Move(m) => self.decide_move(ctx, m),
            other => {
                let status = self.0.state.status;
                let contact_only = matches!(
                    other,
                    Command::RecordContact(_) | Command::RecordFollowUp { .. }
                );
                if status.is_final() || (status == Status::Suspended && !contact_only) {
                    return Err(DomainError::NotActive { status });
                }
                let change = self.decide_output(ctx, other)?;
                Ok(self.event(ctx, self.0.state, ctx.now, change))
            }
        }
    }

    /// Decides and applies a command.
    pub fn execute(&mut self, ctx: &Ctx, command: Command) -> Result<Event, DomainError> {
        let event = self.decide(ctx, command)?;
        self.apply(&event);
        Ok(event)
    }

    fn find_move(&self, kind: MoveKind, loop_: Option<Loop>) -> Result<AllowedMove, DomainError> {
        let s = &self.0.state;
        let allowed = Narrative::standard().allowed_moves(s.status, s.loop_, s.step);
        allowed
            .into_iter()
            .find(|m| m.kind == kind && (loop_.is_none() || m.loop_ == loop_))
            .ok_or_else(|| {
                let what = match loop_ {
                    Some(l) => format!("{} by {}", kind.code(), l.code()),
                    None => kind.code().to_owned(),
                };
                DomainError::not_allowed(
                    kind,
                    format!(
                        "{what} is not a move of a {} partnership at {} in loop {}",
                        s.status.code(),
                        s.step.code(),
                        s.loop_.code()
                    ),
                )
            })
    }

    fn check_leaving(&self, ctx: &Ctx, kind: MoveKind, on: NaiveDate) -> Result<(), DomainError> {
        let step = self.0.state.step;
        if Narrative::standard().step(step).initiator_only && ctx.city != self.0.initiator {
            return Err(DomainError::initiator_only(step));
        }
        let unmet = self.unmet_for(kind, on);
        if unmet.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Blocked { kind, unmet })
        }
    }

    fn decide_move(&self, ctx: &Ctx, m: Move) -> Result<Event, DomainError> {
        let kind = m.kind();
        let loop_ = match &m {
            Move::LoopBack(l) => Some(*l),
            _ => None,
        };
        let allowed = self.find_move(kind, loop_)?;
        let at = self.move_time(ctx)?;
        let on = at.date_naive();
        let mut state = self.0.state;
        let change = match m {
            Move::Advance => {
                self.check_leaving(ctx, kind, on)?;
                let to = allowed.target.unwrap_or(state.step);
                let from = state.step;
                state.step = to;
                Change::Advanced {
                    from,
                    to,
                    strategy_version: self.0.standing.strategy.as_ref().map(|s| s.version),
                    commitment_version: self.0.standing.commitment.as_ref().map(|c| c.version),
                }
            }
            Move::LoopBack(l) => {
                self.check_leaving(ctx, kind, on)?;
                let from = state.step;
                let to = allowed.target.unwrap_or(from);
                state.step = to;
                state.loop_ = l;
                state.cycle += 1;
                Change::LoopedBack { from, to }
            }
            Move::Suspend { reason } => {
                state.status = Status::Suspended;
                Change::Suspended {
                    reason: required("reason", &reason, LONG)?,
                }
            }
            Move::Resume => {
                state.status = Status::Active;
                Change::Resumed
            }
            Move::Conclude => {
                self.check_leaving(ctx, kind, on)?;
                state.status = Status::Concluded;
                Change::Concluded
            }
            Move::Terminate { reason } => {
                state.status = Status::Terminated;
                Change::Terminated {
                    reason: required("reason", &reason, LONG)?,
                }
            }
        };
        Ok(self.event(ctx, state, at, change))
    }

    /// Spawns a new partnership of the same city from Replicate: it starts at
    /// Partner in loop New partnership, with a new counterpart, a link to its
    /// origin and the origin's success factors as starting notes.
    pub fn spawn(
        &self,
        ctx: &Ctx,
        child: PartnershipId,
        counterpart: CityId,
        counterpart_stakeholders: Vec<Stakeholder>,
    ) -> Result<Spawned, DomainError> {
        // Access first: a city that is not party learns nothing, not even
        // the version.
        self.check_actor(ctx)?;
        self.check_version(ctx)?;
        let kind = MoveKind::Spawn;
        let allowed = self.find_move(kind, None)?;
        if ctx.city != self.0.initiator {
            return Err(DomainError::forbidden(
                "only the initiator city spawns new partnerships from its own",
            ));
        }
        if counterpart == self.0.initiator || Some(counterpart) == self.0.counterpart {
            return Err(DomainError::invalid(
                "counterpartCityId",
                "a spawned partnership needs a new counterpart city",
            ));
        }
        let at = self.move_time(ctx)?;
        self.check_leaving(ctx, kind, at.date_naive())?;
        let notes: Vec<String> = self
            .0
            .outputs
            .lessons
            .iter()
            .filter(|l| l.kind == LessonKind::SuccessFactor)
            .map(|l| l.text.clone())
            .collect();
        let child_ctx = Ctx {
            expected_version: None,
            effective_at: Some(at),
            ..*ctx
        };
        let (child, child_event) = Self::start_with(
            &child_ctx,
            StartRequest {
                id: child,
                at: allowed.target.unwrap_or(Step::Partner),
                counterpart: Some(counterpart),
                standing: self.0.standing.clone(),
                counterpart_stakeholders,
            },
            Some(self.0.id),
            notes,
            kind,
        )?;
        let origin_event = self.event(
            ctx,
            self.0.state,
            at,
            Change::Spawned {
                child: child.id(),
                counterpart,
            },
        );
        Ok(Spawned {
            origin_event,
            child,
            child_event,
        })
    }

    fn counterpart(&self) -> Result<CityId, DomainError> {
        self.0.counterpart.ok_or_else(|| {
            DomainError::invalid(
                "partnershipId",
                "the partnership has no counterpart city yet: choose one at PARTNER first",
            )
        })
    }

    fn party(&self, city: CityId) -> Result<CityId, DomainError> {
        if self.is_party(city) {
            Ok(city)
        } else {
            Err(DomainError::NotParty { city })
        }
    }

    fn plan(&self) -> Result<&Plan, DomainError> {
        self.0.outputs.plan.as_ref().ok_or_else(|| {
            DomainError::invalid(
                "partnershipId",
                "the partnership has no cooperation plan yet",
            )
        })
    }

    fn activity(&self, id: crate::ActivityId) -> Result<&Activity, DomainError> {
        self.plan()?.activity(id).ok_or(DomainError::NotFound {
            what: "activity",
            id: id.to_string(),
        })
    }

    fn stakeholder_of(&self, city: CityId, id: crate::StakeholderId) -> bool {
        self.0
            .standing
            .stakeholders
            .iter()
            .chain(self.0.counterpart_stakeholders.iter())
            .any(|s| s.id == id && s.city == city)
    }

    fn decide_output(&self, ctx: &Ctx, command: Command) -> Result<Change, DomainError> {
        let now = ctx.now;
        let cycle = self.0.state.cycle;
        let o = &self.0.outputs;
        Ok(match command {
            Command::Move(_) => {
                return Err(DomainError::invalid("command", "a move is not an output"));
            }
            Command::ChooseCounterpart(city) => {
                if self.0.state.step != Step::Partner {
                    return Err(DomainError::invalid(
                        "counterpartCityId",
                        "the counterpart is chosen at PARTNER",
                    ));
                }
                if ctx.city != self.0.initiator {
                    return Err(DomainError::forbidden(
                        "only the initiator city chooses the counterpart",
                    ));
                }
                if city == self.0.initiator {
                    return Err(DomainError::invalid(
                        "counterpartCityId",
                        "the counterpart must be another city than the initiator",
                    ));
                }
                Change::CounterpartChosen { city }
            }
            Command::RecordAssessment(d) => {
                if d.candidate == ctx.city {
                    return Err(DomainError::invalid(
                        "candidateCityId",
                        "a city does not assess itself",
                    ));
                }
                not_future("on", d.on, now)?;
                if o.assessments.iter().any(|a| a.id == d.id) {
                    return Err(duplicate("assessment"));
                }
                let mut items: Vec<AssessmentItem> = Vec::new();
                for item in d.items {
                    if items.iter().any(|i| i.criterion == item.criterion) {
                        return Err(DomainError::invalid(
                            "items",
                            format!("{} is answered twice", item.criterion.code()),
                        ));
                    }
                    items.push(AssessmentItem {
                        note: clean("items.note", &item.note, LONG)?,
                        ..item
                    });
                }
                Change::AssessmentRecorded(Assessment {
                    id: d.id,
                    city: ctx.city,
                    candidate: d.candidate,
                    on: d.on,
                    items,
                    recorded_at: now,
                })
            }
            Command::RecordContact(d) => {
                not_future("on", d.on, now)?;
                if let Some(due) = d.follow_up_due
                    && due < d.on
                {
                    return Err(DomainError::invalid(
                        "followUpDue",
                        "a follow-up cannot be due before the contact",
                    ));
                }
                if o.contacts.iter().any(|c| c.id == d.id) {
                    return Err(duplicate("contact"));
                }
                Change::ContactRecorded(Contact {
                    id: d.id,
                    city: ctx.city,
                    on: d.on,
                    kind: d.kind,
                    direction: d.direction,
                    ours: d.ours,
                    theirs: d.theirs,
                    outcome: clean("outcome", &d.outcome, LONG)?,
                    follow_up_due: d.follow_up_due,
                    followed_up_on: None,
                    follow_up_note: None,
                    cycle,
                    recorded_at: now,
                })
            }
            Command::RecordFollowUp { contact, on, note } => {
                let c =
                    o.contacts
                        .iter()
                        .find(|c| c.id == contact)
                        .ok_or(DomainError::NotFound {
                            what: "contact",
                            id: contact.to_string(),
                        })?;
                not_future("on", on, now)?;
                if on < c.on {
                    return Err(DomainError::invalid(
                        "on",
                        "a follow-up cannot precede its contact",
                    ));
                }
                Change::FollowUpRecorded {
                    contact,
                    on,
                    note: required("note", &note, LONG)?,
                }
            }
            Command::RecordAgreement(d) => {
                self.counterpart()?;
                if o.agreements.iter().any(|a| a.id == d.id) {
                    return Err(duplicate("agreement"));
                }
                if let Some(prev) = d.renewal_of
                    && !o.agreements.iter().any(|a| a.id == prev)
                {
                    return Err(DomainError::NotFound {
                        what: "agreement",
                        id: prev.to_string(),
                    });
                }
                Change::AgreementRecorded(Agreement {
                    id: d.id,
                    kind: d.kind,
                    title: required("title", &d.title, SHORT)?,
                    areas: dedup(d.areas),
                    binding: d.binding,
                    text: crate::city::optional("text", d.text.as_deref(), 200_000)?,
                    reference: crate::city::optional("reference", d.reference.as_deref(), SHORT)?,
                    valid_until: d.valid_until,
                    renewal_of: d.renewal_of,
                    signatures: Vec::new(),
                    city: ctx.city,
                    recorded_at: now,
                })
            }
            Command::SignAgreement {
                agreement,
                by,
                on,
                reference,
            } => {
                self.counterpart()?;
                let a = o.agreements.iter().find(|a| a.id == agreement).ok_or(
                    DomainError::NotFound {
                        what: "agreement",
                        id: agreement.to_string(),
                    },
                )?;
                if a.signature(ctx.city).is_some() {
                    return Err(DomainError::invalid(
                        "agreementId",
                        "this city has already signed the agreement",
                    ));
                }
                not_future("on", on, now)?;
                if let Some(until) = a.valid_until
                    && on > until
                {
                    return Err(DomainError::invalid(
                        "on",
                        "an agreement cannot be signed after it expires",
                    ));
                }
                Change::AgreementSigned {
                    agreement,
                    signature: Signature {
                        city: ctx.city,
                        by: required("by", &by, SHORT)?,
                        on,
                        reference: crate::city::optional("reference", reference.as_deref(), SHORT)?,
                        recorded_at: now,
                    },
                }
            }
            Command::AgreePriority { area, by, on } => {
                self.counterpart()?;
                not_future("on", on, now)?;
                if o.priorities
                    .iter()
                    .any(|p| p.area == area && p.city == ctx.city)
                {
                    return Err(DomainError::invalid(
                        "area",
                        format!("this city has already agreed to {}", area.code()),
                    ));
                }
                Change::PriorityAgreed(PriorityAgreement {
                    area,
                    city: ctx.city,
                    by: required("by", &by, SHORT)?,
                    on,
                    recorded_at: now,
                })
            }
            Command::RecordPlan { title, summary } => {
                let title = required("title", &title, SHORT)?;
                let summary = clean("summary", &summary, LONG)?;
                let version = match &o.plan {
                    None => 1,
                    Some(p) if p.title == title && p.summary == summary => p.version,
                    Some(p) => p.version + 1,
                };
                Change::PlanRecorded {
                    title,
                    summary,
                    version,
                }
            }
            Command::RecordActivity(d) => {
                let plan = self.plan()?;
                let lead_city = match d.lead_city {
                    Some(c) => Some(self.party(c)?),
                    None => None,
                };
                if let Some(s) = d.lead_stakeholder {
                    let Some(city) = lead_city else {
                        return Err(DomainError::invalid(
                            "leadStakeholderId",
                            "a lead stakeholder needs a lead city",
                        ));
                    };
                    if !self.stakeholder_of(city, s) {
                        return Err(DomainError::invalid(
                            "leadStakeholderId",
                            format!("stakeholder {s} does not belong to the lead city"),
                        ));
                    }
                }
                let mut cities = Vec::new();
                for c in dedup(d.cities) {
                    cities.push(self.party(c)?);
                }
                if let Some(lead) = lead_city
                    && !cities.is_empty()
                    && !cities.contains(&lead)
                {
                    cities.insert(0, lead);
                }
                let mut funding = Vec::new();
                for f in d.funding {
                    funding.push(Funding {
                        money: Money::parse_non_negative(f.amount, &f.currency)?,
                        source: required("funding.source", &f.source, SHORT)?,
                    });
                }
                if let (Some(s), Some(e)) = (d.start, d.due)
                    && s > e
                {
                    return Err(DomainError::invalid(
                        "due",
                        "the due date precedes the start",
                    ));
                }
                let activity = ActivityPlan {
                    id: d.id,
                    title: required("title", &d.title, SHORT)?,
                    area: d.area,
                    description: clean("description", &d.description, LONG)?,
                    lead_city,
                    lead_stakeholder: d.lead_stakeholder,
                    cities,
                    funding,
                    start: d.start,
                    due: d.due,
                    expected_results: clean("expectedResults", &d.expected_results, LONG)?,
                    resources: list("resources", &d.resources, SHORT)?,
                };
                let unchanged = plan.activity(d.id).is_some_and(|a| a.plan == activity);
                Change::ActivityRecorded {
                    activity,
                    plan_version: if unchanged {
                        plan.version
                    } else {
                        plan.version + 1
                    },
                }
            }
            Command::RecordTeam(d) => {
                self.activity(d.activity)?;
                Change::TeamRecorded {
                    activity: d.activity,
                    team: Team {
                        city: ctx.city,
                        name: required("name", &d.name, SHORT)?,
                        members: list("members", &d.members, SHORT)?,
                        responsibilities: clean("responsibilities", &d.responsibilities, LONG)?,
                        recorded_at: now,
                    },
                }
            }
            Command::RecordProgress(d) => {
                let a = self.activity(d.activity)?;
                if a.progress.iter().any(|r| r.id == d.id) {
                    return Err(duplicate("progress report"));
                }
                not_future("on", d.on, now)?;
                let percent = match d.percent {
                    None => None,
                    Some(p) => match u8::try_from(p) {
                        Ok(p @ 0..=100) => Some(p),
                        _ => {
                            return Err(DomainError::invalid(
                                "percent",
                                format!("a percentage is between 0 and 100 ({p})"),
                            ));
                        }
                    },
                };
                Change::ProgressReported {
                    activity: d.activity,
                    report: ProgressReport {
                        id: d.id,
                        city: ctx.city,
                        on: d.on,
                        summary: required("summary", &d.summary, LONG)?,
                        status: d.status,
                        percent,
                        cycle,
                        recorded_at: now,
                    },
                }
            }
            Command::RecordRisk(d) => {
                self.activity(d.activity)?;
                if let Some(other) = self
                    .plan()?
                    .activities
                    .iter()
                    .find(|a| a.plan.id != d.activity && a.risks.iter().any(|r| r.id == d.id))
                {
                    return Err(DomainError::invalid(
                        "id",
                        format!("the risk belongs to activity '{}'", other.plan.title),
                    ));
                }
                Change::RiskRecorded {
                    activity: d.activity,
                    risk: Risk {
                        id: d.id,
                        city: ctx.city,
                        description: required("description", &d.description, LONG)?,
                        likelihood: d.likelihood,
                        impact: d.impact,
                        mitigation: crate::city::optional(
                            "mitigation",
                            d.mitigation.as_deref(),
                            LONG,
                        )?,
                        owner: crate::city::optional("owner", d.owner.as_deref(), SHORT)?,
                        status: d.status,
                        recorded_at: now,
                    },
                }
            }
            Command::SelectKpi(d) => {
                if let Some(owner) = d.definition.owner
                    && !self.is_party(owner)
                {
                    return Err(DomainError::invalid(
                        "kpiCode",
                        format!("KPI {} belongs to another city", d.definition.code),
                    ));
                }
                if let Some(existing) = o.selections.iter().find(|s| s.id == d.id)
                    && existing.kpi != d.definition.code
                    && o.measurements.iter().any(|m| m.selection == d.id)
                {
                    return Err(DomainError::invalid(
                        "kpiCode",
                        "the KPI of a selection with measurements cannot change",
                    ));
                }
                let mut reporting = Vec::new();
                for c in dedup(d.reporting) {
                    reporting.push(self.party(c)?);
                }
                let target = match &d.target {
                    Some(raw) => Some(KpiValue::parse(d.definition.unit, raw)?),
                    None => None,
                };
                Change::KpiSelected(KpiSelection {
                    id: d.id,
                    kpi: d.definition.code,
                    unit: d.definition.unit,
                    objective: d.objective,
                    target,
                    reporting,
                    recorded_at: now,
                })
            }
            Command::RecordMeasurement(d) => {
                let selection = o.selections.iter().find(|s| s.id == d.selection).ok_or(
                    DomainError::NotFound {
                        what: "KPI selection",
                        id: d.selection.to_string(),
                    },
                )?;
                let city = self.party(d.city)?;
                if city != ctx.city {
                    return Err(DomainError::forbidden(
                        "a city records only its own measurements",
                    ));
                }
                if !selection.reporting.contains(&city) {
                    return Err(DomainError::invalid(
                        "cityId",
                        format!("city {city} does not report {}", selection.kpi),
                    ));
                }
                if d.period_end < d.period_start {
                    return Err(DomainError::invalid(
                        "periodEnd",
                        format!(
                            "the period ends ({}) before it starts ({})",
                            d.period_end, d.period_start
                        ),
                    ));
                }
                not_future("periodStart", d.period_start, now)?;
                if o.measurements.iter().any(|m| m.id == d.id) {
                    return Err(duplicate("measurement"));
                }
                if let Some(old) = d.supersedes {
                    let m = o.measurements.iter().find(|m| m.id == old).ok_or(
                        DomainError::NotFound {
                            what: "measurement",
                            id: old.to_string(),
                        },
                    )?;
                    if m.selection != d.selection || m.city != city {
                        return Err(DomainError::invalid(
                            "supersedes",
                            "a correction supersedes a measurement of the same KPI and city",
                        ));
                    }
                    if o.measurements.iter().any(|x| x.supersedes == Some(old)) {
                        return Err(DomainError::invalid(
                            "supersedes",
                            "that measurement has already been superseded",
                        ));
                    }
                }
                Change::MeasurementRecorded(Measurement {
                    id: d.id,
                    selection: d.selection,
                    city,
                    period: Period {
                        start: d.period_start,
                        end: d.period_end,
                    },
                    value: KpiValue::parse(selection.unit, &d.value)?,
                    source: required("source", &d.source, SHORT)?,
                    note: clean("note", &d.note, LONG)?,
                    supersedes: d.supersedes,
                    recorded_by: ctx.actor,
                    cycle,
                    recorded_at: now,
                })
            }
            Command::RecordFeedback(d) => {
                not_future("on", d.on, now)?;
                if o.feedback.iter().any(|f| f.id == d.id) {
                    return Err(duplicate("feedback"));
                }
                Change::FeedbackRecorded(Feedback {
                    id: d.id,
                    city: ctx.city,
                    team: required("team", &d.team, SHORT)?,
                    text: required("text", &d.text, LONG)?,
                    on: d.on,
                    cycle,
                    recorded_at: now,
                })
            }
            Command::RecordEvaluation(d) => {
                not_future("on", d.on, now)?;
                if o.evaluations.iter().any(|e| e.id == d.id) {
                    return Err(duplicate("evaluation"));
                }
                Change::EvaluationRecorded(Evaluation {
                    id: d.id,
                    city: ctx.city,
                    strengths: clean("strengths", &d.strengths, LONG)?,
                    challenges: clean("challenges", &d.challenges, LONG)?,
                    no_adjustments: d.no_adjustments,
                    on: d.on,
                    cycle,
                    recorded_at: now,
                })
            }
            Command::ProposeAdjustment { id, proposal } => {
                if o.adjustments.iter().any(|a| a.id == id) {
                    return Err(duplicate("adjustment"));
                }
                Change::AdjustmentProposed {
                    adjustment: Adjustment {
                        id,
                        city: ctx.city,
                        proposal: required("proposal", &proposal, LONG)?,
                        decision: None,
                        cycle,
                        recorded_at: now,
                    },
                    decisions_version: o.decisions_version + 1,
                }
            }
            Command::DecideAdjustment(d) => {
                let a = o.adjustments.iter().find(|a| a.id == d.adjustment).ok_or(
                    DomainError::NotFound {
                        what: "adjustment",
                        id: d.adjustment.to_string(),
                    },
                )?;
                if a.cycle != cycle {
                    return Err(DomainError::invalid(
                        "adjustmentId",
                        format!(
                            "the adjustment belongs to cycle {}, not the current one",
                            a.cycle
                        ),
                    ));
                }
                not_future("on", d.on, now)?;
                Change::AdjustmentDecided {
                    adjustment: d.adjustment,
                    decision: Decision {
                        outcome: d.outcome,
                        city: ctx.city,
                        on: d.on,
                        note: clean("note", &d.note, LONG)?,
                        recorded_at: now,
                    },
                    decisions_version: o.decisions_version + 1,
                }
            }
            Command::Approve(d) => {
                self.counterpart()?;
                not_future("on", d.on, now)?;
                let current = match d.subject {
                    ApprovalSubject::Plan => self.plan()?.version,
                    ApprovalSubject::Decisions => o.decisions_version,
                };
                if d.version != current {
                    return Err(DomainError::invalid(
                        "version",
                        format!(
                            "version {} is not the current version ({current}) of the {}",
                            d.version,
                            match d.subject {
                                ApprovalSubject::Plan => "plan",
                                ApprovalSubject::Decisions => "decision set",
                            }
                        ),
                    ));
                }
                let already = o.approvals.iter().any(|a| {
                    a.subject == d.subject
                        && a.version == d.version
                        && a.city == ctx.city
                        && (d.subject == ApprovalSubject::Plan || a.cycle == cycle)
                });
                if already {
                    return Err(DomainError::invalid(
                        "version",
                        "this city has already approved this version",
                    ));
                }
                Change::Approved(Approval {
                    subject: d.subject,
                    version: d.version,
                    cycle,
                    city: ctx.city,
                    by: required("by", &d.by, SHORT)?,
                    on: d.on,
                    reference: clean("reference", &d.reference, SHORT)?,
                    recorded_at: now,
                })
            }
            Command::RecordLesson { id, kind, text } => {
                if o.lessons.iter().any(|l| l.id == id) {
                    return Err(duplicate("lesson"));
                }
                Change::LessonRecorded(Lesson {
                    id,
                    city: ctx.city,
                    kind,
                    text: required("text", &text, LONG)?,
                    cycle,
                    recorded_at: now,
                })
            }
            Command::RecordExPost(d) => {
                if !self
                    .0
                    .standing
                    .objectives()
                    .iter()
                    .any(|x| x.id == d.objective)
                {
                    return Err(DomainError::invalid(
                        "objectiveId",
                        format!(
                            "{} is not an objective of the strategy in force",
                            d.objective
                        ),
                    ));
                }
                Change::ExPostRecorded(ExPost {
                    objective: d.objective,
                    city: ctx.city,
                    foreseen: clean("foreseen", &d.foreseen, LONG)?,
                    achieved: clean("achieved", &d.achieved, LONG)?,
                    gap: clean("gap", &d.gap, LONG)?,
                    cycle,
                    recorded_at: now,
                })
            }
        })
    }

    /// Folds an event into the aggregate.
    pub fn apply(&mut self, event: &Event) {
        let p = &mut self.0;
        let o = &mut p.outputs;
        let new_cycle = event.cycle != p.state.cycle;
        p.state = State {
            step: event.step,
            loop_: event.loop_,
            cycle: event.cycle,
            status: event.status,
        };
        p.version = event.version;
        if event.change.is_move() {
            p.last_move_at = event.occurred_at;
        }
        if new_cycle {
            o.decisions_version = 0;
        }
        match &event.change {
            Change::Started {
                counterpart,
                origin,
                strategy_version,
                commitment_version,
                notes,
                ..
            } => {
                p.counterpart = *counterpart;
                p.origin = *origin;
                p.strategy_version = *strategy_version;
                p.commitment_version = *commitment_version;
                p.starting_notes = notes.clone();
                p.started_at = event.occurred_at;
            }
            Change::Advanced {
                strategy_version,
                commitment_version,
                ..
            } => {
                p.strategy_version = *strategy_version;
                p.commitment_version = *commitment_version;
            }
            Change::LoopedBack { .. }
            | Change::Spawned { .. }
            | Change::Suspended { .. }
            | Change::Resumed
            | Change::Concluded
            | Change::Terminated { .. } => {}
            Change::CounterpartChosen { city } => p.counterpart = Some(*city),
            Change::AssessmentRecorded(a) => o.assessments.push(a.clone()),
            Change::ContactRecorded(c) => o.contacts.push(c.clone()),
            Change::FollowUpRecorded { contact, on, note } => {
                if let Some(c) = o.contacts.iter_mut().find(|c| c.id == *contact) {
                    c.followed_up_on = Some(*on);
                    c.follow_up_note = Some(note.clone());
                }
            }
            Change::AgreementRecorded(a) => o.agreements.push(a.clone()),
            Change::AgreementSigned {
                agreement,
                signature,
            } => {
                if let Some(a) = o.agreements.iter_mut().find(|a| a.id == *agreement) {
                    a.signatures.push(signature.clone());
                }
            }
            Change::PriorityAgreed(x) => o.priorities.push(x.clone()),
            Change::PlanRecorded {
                title,
                summary,
                version,
            } => match &mut o.plan {
                Some(plan) => {
                    plan.title = title.clone();
                    plan.summary = summary.clone();
                    plan.version = *version;
                }
                None => {
                    o.plan = Some(Plan {
                        title: title.clone(),
                        summary: summary.clone(),
                        version: *version,
                        activities: Vec::new(),
                    });
                }
            },
            Change::ActivityRecorded {
                activity,
                plan_version,
            } => {
                if let Some(plan) = &mut o.plan {
                    plan.version = *plan_version;
                    match plan
                        .activities
                        .iter_mut()
                        .find(|a| a.plan.id == activity.id)
                    {
                        Some(a) => a.plan = activity.clone(),
                        None => plan.activities.push(Activity {
                            plan: activity.clone(),
                            status: ActivityStatus::Planned,
                            teams: Vec::new(),
                            progress: Vec::new(),
                            risks: Vec::new(),
                        }),
                    }
                }
            }
            Change::TeamRecorded { activity, team } => {
                if let Some(a) = activity_mut(o, *activity) {
                    a.teams.retain(|t| t.city != team.city);
                    a.teams.push(team.clone());
                }
            }
            Change::ProgressReported { activity, report } => {
                if let Some(a) = activity_mut(o, *activity) {
                    a.status = report.status;
                    a.progress.push(report.clone());
                }
            }
            Change::RiskRecorded { activity, risk } => {
                if let Some(a) = activity_mut(o, *activity) {
                    match a.risks.iter_mut().find(|r| r.id == risk.id) {
                        Some(r) => *r = risk.clone(),
                        None => a.risks.push(risk.clone()),
                    }
                }
            }
            Change::KpiSelected(s) => match o.selections.iter_mut().find(|x| x.id == s.id) {
                Some(x) => *x = s.clone(),
                None => o.selections.push(s.clone()),
            },
            Change::MeasurementRecorded(m) => o.measurements.push(m.clone()),
            Change::FeedbackRecorded(f) => o.feedback.push(f.clone()),
            Change::EvaluationRecorded(e) => o.evaluations.push(e.clone()),
            Change::AdjustmentProposed {
                adjustment,
                decisions_version,
            } => {
                o.adjustments.push(adjustment.clone());
                o.decisions_version = *decisions_version;
            }
            Change::AdjustmentDecided {
                adjustment,
                decision,
                decisions_version,
            } => {
                if let Some(a) = o.adjustments.iter_mut().find(|a| a.id == *adjustment) {
                    a.decision = Some(decision.clone());
                }
                o.decisions_version = *decisions_version;
            }
            Change::Approved(a) => o.approvals.push(a.clone()),
            Change::LessonRecorded(l) => o.lessons.push(l.clone()),
            Change::ExPostRecorded(e) => {
                o.ex_post
                    .retain(|x| !(x.objective == e.objective && x.cycle == e.cycle));
                o.ex_post.push(e.clone());
            }
        }
    }
}

fn activity_mut(o: &mut Outputs, id: crate::ActivityId) -> Option<&mut Activity> {
    o.plan
        .as_mut()?
        .activities
        .iter_mut()
        .find(|a| a.plan.id == id)
}

fn duplicate(what: &str) -> DomainError {
    DomainError::invalid(
        "id",
        format!("a {what} with this identifier already exists"),
    )
}
