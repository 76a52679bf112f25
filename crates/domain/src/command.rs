//! What callers ask of a partnership: the [`Command`]s (a [`Move`] or an
//! output's draft), the [`Ctx`] they act in, and the [`StartRequest`] of a new
//! partnership.

use crate::city::{Area, Stakeholder};
use crate::outputs::{
    ActivityDraft, AgreementDraft, ApprovalDraft, AssessmentDraft, ContactDraft,
    ContactPersonDraft, DecisionDraft, EvaluationDraft, ExPostDraft, FeedbackDraft, LessonKind,
    MeasurementDraft, Outputs, ProgressDraft, RiskDraft, SelectionDraft, TeamDraft,
};
use crate::standing::Standing;
use crate::vocab::{Loop, MoveKind, Step};
use crate::{
    AccountId, AdjustmentId, AgreementId, CityId, ContactId, LessonId, MeasurementId,
    PartnershipId, SelectionId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

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

/// What deciding a command reads of the partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reads {
    /// Its row only (state, parties, version, dates): suspend, resume and
    /// terminate check who asks and whether the move exists from here.
    Row,
    /// Its row, one KPI selection, and the measurements that have one of
    /// these identifiers or supersede one: a capture checks its selection,
    /// that its id is new and what it corrects.
    Capture {
        /// The selection measured.
        selection: SelectionId,
        /// The new measurement's id and the one it supersedes.
        measurements: Vec<MeasurementId>,
    },
    /// Its whole aggregate: outputs, standing, the step's criteria.
    Whole,
}

impl Reads {
    /// What of `outputs` a decision that reads this much sees (the
    /// decisions version, kept in the row, stays).
    pub fn keep(&self, outputs: &Outputs) -> Outputs {
        let row = Outputs {
            decisions_version: outputs.decisions_version,
            ..Outputs::default()
        };
        match self {
            Reads::Row => row,
            Reads::Capture {
                selection,
                measurements,
            } => Outputs {
                selections: outputs
                    .selections
                    .iter()
                    .filter(|s| s.id == *selection)
                    .cloned()
                    .collect(),
                measurements: outputs
                    .measurements
                    .iter()
                    .filter(|m| {
                        measurements.contains(&m.id)
                            || m.supersedes.is_some_and(|old| measurements.contains(&old))
                    })
                    .cloned()
                    .collect(),
                ..row
            },
            Reads::Whole => outputs.clone(),
        }
    }
}

impl Command {
    /// What deciding the command reads, so that a store loads no more.
    pub fn reads(&self) -> Reads {
        match self {
            Command::Move(Move::Suspend { .. } | Move::Resume | Move::Terminate { .. }) => {
                Reads::Row
            }
            Command::RecordMeasurement(d) => Reads::Capture {
                selection: d.selection,
                measurements: std::iter::once(d.id).chain(d.supersedes).collect(),
            },
            _ => Reads::Whole,
        }
    }
}

/// Everything that can be done to an existing partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// A change of state.
    Move(Move),
    /// Choose the counterpart (at Partner, by the initiator).
    ChooseCounterpart {
        /// The counterpart city.
        city: CityId,
        /// The counterpart's stakeholders, as the store holds them: the store
        /// supplies them in `Store::execute`, so other callers pass an empty
        /// list ([`Command::choose_counterpart`]). They become the
        /// partnership's counterpart stakeholders (what an activity's lead
        /// stakeholder is checked against).
        stakeholders: Vec<Stakeholder>,
    },
    /// Assess a candidate counterpart.
    RecordAssessment(AssessmentDraft),
    /// Record a contact.
    RecordContact(ContactDraft),
    /// Name a contact person of the acting city, or change one.
    RecordContactPerson(ContactPersonDraft),
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

impl Command {
    /// Chooses `city` as the counterpart, with no stakeholders: the store
    /// supplies them when it executes the command.
    pub fn choose_counterpart(city: CityId) -> Self {
        Command::ChooseCounterpart {
            city,
            stakeholders: Vec::new(),
        }
    }
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
