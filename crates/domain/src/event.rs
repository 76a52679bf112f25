//! Events: every state change and every recorded output is one event of an
//! append-only history, with the actor, the city, the time, and the step, loop
//! and cycle the partnership is at after it. A city's own events (strategy and
//! commitment) live with its standing and are re-exported here.

use crate::city::Stakeholder;
use crate::outputs::{
    ActivityPlan, Adjustment, Agreement, Approval, Assessment, Contact, ContactPerson, Decision,
    Evaluation, ExPost, Feedback, KpiSelection, Lesson, Measurement, PriorityAgreement,
    ProgressReport, Risk, Signature, Team,
};
pub use crate::standing::{CityChange, CityEvent};
use crate::vocab::{Loop, Status, Step};
use crate::{AccountId, ActivityId, AdjustmentId, AgreementId, CityId, ContactId, PartnershipId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

/// One event of a partnership's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Who did it.
    pub actor: AccountId,
    /// For which city.
    pub city: CityId,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// When it happened: for a move recorded after the fact, the time given;
    /// otherwise the time it was recorded.
    pub occurred_at: DateTime<Utc>,
    /// The step after the event.
    pub step: Step,
    /// The loop after the event.
    pub loop_: Loop,
    /// The cycle after the event.
    pub cycle: u32,
    /// The status after the event.
    pub status: Status,
    /// The partnership's version after the event.
    pub version: u64,
    /// What changed.
    pub change: Change,
}

impl Event {
    /// The stable code of the event's kind, e.g. `"ADVANCED"`.
    pub fn kind(&self) -> &'static str {
        (&self.change).into()
    }
}

/// What an event changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(tag = "kind", content = "data", rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Change {
    /// The partnership started.
    Started {
        /// The initiator.
        initiator: CityId,
        /// The counterpart, when known at the start.
        counterpart: Option<CityId>,
        /// The partnership it was spawned from.
        origin: Option<PartnershipId>,
        /// The strategy version relied on.
        strategy_version: Option<u32>,
        /// The commitment version relied on.
        commitment_version: Option<u32>,
        /// Starting notes (the origin's success factors).
        notes: Vec<String>,
    },
    /// The partnership advanced one step.
    Advanced {
        /// The step it left.
        from: Step,
        /// The step it entered.
        to: Step,
        /// The strategy version relied on from now on.
        strategy_version: Option<u32>,
        /// The commitment version relied on from now on.
        commitment_version: Option<u32>,
    },
    /// A loop closed and re-entered: a new cycle began.
    LoopedBack {
        /// The step it left.
        from: Step,
        /// The re-entry step.
        to: Step,
    },
    /// A new partnership was spawned from this one.
    Spawned {
        /// The new partnership.
        child: PartnershipId,
        /// Its counterpart.
        counterpart: CityId,
    },
    /// Suspended.
    Suspended {
        /// Why.
        reason: String,
    },
    /// Resumed at the same step.
    Resumed,
    /// Concluded at Replicate.
    Concluded,
    /// Terminated.
    Terminated {
        /// Why.
        reason: String,
    },
    /// The counterpart was chosen.
    CounterpartChosen {
        /// The counterpart.
        city: CityId,
        /// The counterpart's stakeholders, carried from the command into
        /// [`crate::Partnership::apply`]. Not part of the history's payload
        /// (it reads back empty): the store supplies them with the command, and
        /// its stakeholder table, not the event, is their record.
        #[serde(skip)]
        stakeholders: Vec<Stakeholder>,
    },
    /// An assessment of a candidate counterpart.
    AssessmentRecorded(Assessment),
    /// A contact.
    ContactRecorded(Contact),
    /// A follow-up of a contact.
    FollowUpRecorded {
        /// The contact.
        contact: ContactId,
        /// When.
        on: NaiveDate,
        /// What.
        note: String,
        /// The city that recorded it (absent from events recorded before it
        /// was kept).
        #[serde(default)]
        by: Option<CityId>,
    },
    /// A contact person was named or changed.
    ContactPersonRecorded(ContactPerson),
    /// An agreement (unsigned).
    AgreementRecorded(Agreement),
    /// One city's signature of an agreement.
    AgreementSigned {
        /// The agreement.
        agreement: AgreementId,
        /// The signature.
        signature: Signature,
    },
    /// One city's agreement to a first priority area.
    PriorityAgreed(PriorityAgreement),
    /// The plan was created or its header changed.
    PlanRecorded {
        /// Title.
        title: String,
        /// Summary.
        summary: String,
        /// The plan version after the change.
        version: u32,
    },
    /// An activity was added or its planned part changed.
    ActivityRecorded {
        /// The planned part.
        activity: ActivityPlan,
        /// The plan version after the change.
        plan_version: u32,
    },
    /// A city's team for an activity.
    TeamRecorded {
        /// The activity.
        activity: ActivityId,
        /// The team.
        team: Team,
    },
    /// A progress report.
    ProgressReported {
        /// The activity.
        activity: ActivityId,
        /// The report.
        report: ProgressReport,
        /// The plan version after it: a new one when the report cancels an
        /// activity (the old version's approvals no longer count).
        #[serde(default)]
        plan_version: Option<u32>,
    },
    /// A risk was added or changed.
    RiskRecorded {
        /// The activity.
        activity: ActivityId,
        /// The risk.
        risk: Risk,
    },
    /// A KPI was selected or its selection changed.
    KpiSelected(KpiSelection),
    /// A measurement.
    MeasurementRecorded(Measurement),
    /// Feedback.
    FeedbackRecorded(Feedback),
    /// An evaluation.
    EvaluationRecorded(Evaluation),
    /// An adjustment was proposed.
    AdjustmentProposed {
        /// The adjustment.
        adjustment: Adjustment,
        /// The decision-set version after the change.
        decisions_version: u32,
    },
    /// An adjustment was decided.
    AdjustmentDecided {
        /// The adjustment.
        adjustment: AdjustmentId,
        /// The decision.
        decision: Decision,
        /// The decision-set version after the change.
        decisions_version: u32,
    },
    /// One city's approval.
    Approved(Approval),
    /// A lesson.
    LessonRecorded(Lesson),
    /// An ex-post evaluation of an objective.
    ExPostRecorded(ExPost),
}

impl Change {
    /// Whether the change is a move (a change of step, loop, cycle or status).
    pub fn is_move(&self) -> bool {
        matches!(
            self,
            Change::Started { .. }
                | Change::Advanced { .. }
                | Change::LoopedBack { .. }
                | Change::Spawned { .. }
                | Change::Suspended { .. }
                | Change::Resumed
                | Change::Concluded
                | Change::Terminated { .. }
        )
    }
}
