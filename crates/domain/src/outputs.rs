//! The outputs of a partnership (DESIGN §5): what its exit criteria read.
//!
//! Every output records the date it happened (a signing, a visit, a report, a
//! measurement period) beside the time it was recorded, and the cycle it was
//! recorded in. The Do, Measure, Act and Replicate evidence belongs to a cycle;
//! the standing outputs (counterpart, assessment, agreement, priorities, plan,
//! KPI selections) carry over from one cycle to the next.

use crate::city::{Area, vocabulary};
use crate::kpi::{KpiCode, KpiValue, RawValue, Unit};
use crate::money::Money;
use crate::{
    AccountId, ActivityId, AdjustmentId, AgreementId, AssessmentId, CityId, ContactId,
    EvaluationId, FeedbackId, LessonId, MeasurementId, ObjectiveId, ProgressId, RiskId,
    SelectionId, StakeholderId,
};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

vocabulary! {
    /// The group of a selection criterion (the guidebook's Figure 9).
    CriterionGroup {
        /// Can the counterpart deliver?
        Potential,
        /// Is there a basis to build on?
        Opportunity,
        /// Do the cities share aims?
        Similarity,
        /// Are both willing?
        Willingness,
    }
}

vocabulary! {
    /// One of the twelve selection criteria of the guidebook's Figure 9.
    SelectionCriterion {
        /// The counterpart is the city itself or officially represents it.
        RepresentsCity,
        /// It works with its helix stakeholders on joint projects.
        WorksWithHelix,
        /// Its ecosystem has the critical mass for the aims.
        CriticalMass,
        /// There is an international strategy that covers this partner.
        InternationalStrategy,
        /// There is a historical basis (e.g. twin-city status).
        HistoricalBasis,
        /// An MoU is signed or intended.
        MouSignedOrIntended,
        /// Shared aims in specific areas.
        SharedAims,
        /// These aims are on a shared research or innovation agenda.
        SharedAgenda,
        /// At least one city can serve as reference for learning.
        ReferenceForLearning,
        /// Both are available for peer-to-peer activities.
        PeerToPeer,
        /// At least one wishes to host a joint project.
        WishesToHost,
        /// Both are interested in the platform.
        PlatformInterest,
    }
}

impl SelectionCriterion {
    /// The group the criterion belongs to.
    pub fn group(self) -> CriterionGroup {
        use SelectionCriterion::*;
        match self {
            RepresentsCity | WorksWithHelix | CriticalMass => CriterionGroup::Potential,
            InternationalStrategy | HistoricalBasis | MouSignedOrIntended => {
                CriterionGroup::Opportunity
            }
            SharedAims | SharedAgenda | ReferenceForLearning => CriterionGroup::Similarity,
            PeerToPeer | WishesToHost | PlatformInterest => CriterionGroup::Willingness,
        }
    }
}

vocabulary! {
    /// The answer to a selection criterion.
    Answer {
        /// The criterion is met.
        Met,
        /// It is not met.
        NotMet,
        /// Nobody knows yet.
        Unknown,
    }
}

/// One answered selection criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentItem {
    /// The criterion.
    pub criterion: SelectionCriterion,
    /// The answer.
    pub answer: Answer,
    /// A note.
    pub note: String,
}

/// The selection-criteria assessment of a candidate counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Its identifier.
    pub id: AssessmentId,
    /// The assessing city.
    pub city: CityId,
    /// The candidate counterpart.
    pub candidate: CityId,
    /// When it was made.
    pub on: NaiveDate,
    /// The answered criteria.
    pub items: Vec<AssessmentItem>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl Assessment {
    /// Every one of the twelve criteria is answered (unknown is an answer).
    pub fn is_filled(&self) -> bool {
        use strum::IntoEnumIterator;
        SelectionCriterion::iter().all(|c| self.items.iter().any(|i| i.criterion == c))
    }

    /// The criteria not answered yet.
    pub fn missing(&self) -> Vec<SelectionCriterion> {
        use strum::IntoEnumIterator;
        SelectionCriterion::iter()
            .filter(|c| !self.items.iter().any(|i| i.criterion == *c))
            .collect()
    }
}

vocabulary! {
    /// The kind of a contact.
    ContactKind {
        /// A meeting.
        Meeting,
        /// A delegation.
        Delegation,
        /// A visit.
        Visit,
        /// A call.
        Call,
        /// An event (forum, fair, festival).
        Event,
    }
}

vocabulary! {
    /// The direction of a contact, from the recording city's point of view.
    ContactDirection {
        /// The recording city went to the partner.
        Outbound,
        /// The partner came to the recording city.
        Inbound,
    }
}

/// The levels present on one side of a contact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Levels {
    /// Political level present.
    pub political: bool,
    /// Technical level present.
    pub technical: bool,
}

/// A meeting, delegation, visit, call or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Its identifier.
    pub id: ContactId,
    /// The recording city.
    pub city: CityId,
    /// When it happened.
    pub on: NaiveDate,
    /// Its kind.
    pub kind: ContactKind,
    /// Its direction from the recording city.
    pub direction: ContactDirection,
    /// Levels present on the recording city's side.
    pub ours: Levels,
    /// Levels present on the partner's side.
    pub theirs: Levels,
    /// The outcome.
    pub outcome: String,
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
    /// When the follow-up happened.
    pub followed_up_on: Option<NaiveDate>,
    /// What the follow-up was.
    pub follow_up_note: Option<String>,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The kind of an agreement.
    AgreementKind {
        /// Memorandum of understanding.
        Mou,
        /// Letter of intent.
        LetterOfIntent,
        /// Sister-city agreement.
        SisterCity,
        /// Friendship-city agreement.
        FriendshipCity,
        /// Framework agreement.
        Framework,
        /// Strategic partnership agreement.
        Strategic,
    }
}

/// One city's signature of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signing city.
    pub city: CityId,
    /// Who signed (a mayor, a governor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// A reference (decision number, registry entry).
    pub reference: Option<String>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A framework agreement (MoU or similar). Its text is kept: a single clause
/// can end a partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Its identifier.
    pub id: AgreementId,
    /// Its kind.
    pub kind: AgreementKind,
    /// Its title.
    pub title: String,
    /// Its cooperation areas.
    pub areas: Vec<Area>,
    /// Whether it is legally binding.
    pub binding: bool,
    /// Its text.
    pub text: Option<String>,
    /// A reference to it (a link, a registry entry).
    pub reference: Option<String>,
    /// The last day it is in force, if it expires.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<AgreementId>,
    /// One signature per city.
    pub signatures: Vec<Signature>,
    /// The city that recorded it.
    pub city: CityId,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl Agreement {
    /// The signature of a city, if it signed.
    pub fn signature(&self, city: CityId) -> Option<&Signature> {
        self.signatures.iter().find(|s| s.city == city)
    }

    /// When the agreement was signed by both cities: the later signature.
    pub fn signed_on(&self, a: CityId, b: CityId) -> Option<NaiveDate> {
        let sa = self.signature(a)?;
        let sb = self.signature(b)?;
        Some(sa.on.max(sb.on))
    }

    /// Signed by both and in force on `date`.
    pub fn in_force_on(&self, a: CityId, b: CityId, date: NaiveDate) -> bool {
        match self.signed_on(a, b) {
            Some(signed) => signed <= date && self.valid_until.is_none_or(|until| date <= until),
            None => false,
        }
    }
}

/// One city's agreement to a first priority area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityAgreement {
    /// The area.
    pub area: Area,
    /// The agreeing city.
    pub city: CityId,
    /// Who agreed for it.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The status of an activity.
    ActivityStatus {
        /// Not started.
        Planned,
        /// Being delivered.
        InProgress,
        /// Done.
        Completed,
        /// Dropped.
        Cancelled,
    }
}

/// A funding source of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// How much.
    pub money: Money,
    /// From where (city budget, EU programme, ...).
    pub source: String,
}

/// The planned part of an activity: changing it changes the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPlan {
    /// Its identifier.
    pub id: ActivityId,
    /// Its title.
    pub title: String,
    /// Its area.
    pub area: Option<Area>,
    /// What it is.
    pub description: String,
    /// The lead city.
    pub lead_city: Option<CityId>,
    /// The lead stakeholder (of the lead city).
    pub lead_stakeholder: Option<StakeholderId>,
    /// The cities involved (each must provide a team).
    pub cities: Vec<CityId>,
    /// Funding sources.
    pub funding: Vec<Funding>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources (staff, space, equipment).
    pub resources: Vec<String>,
}

/// A team of one city for an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// The city.
    pub city: CityId,
    /// The team's name.
    pub name: String,
    /// Its members.
    pub members: Vec<String>,
    /// Its responsibilities.
    pub responsibilities: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A progress report on an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    /// Its identifier.
    pub id: ProgressId,
    /// The reporting city.
    pub city: CityId,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The status of the activity after this report.
    pub status: ActivityStatus,
    /// Percent complete, if known.
    pub percent: Option<u8>,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// Likelihood or impact of a risk.
    Level {
        /// Low.
        Low,
        /// Medium.
        Medium,
        /// High.
        High,
    }
}

vocabulary! {
    /// The status of a risk.
    RiskStatus {
        /// Still a threat.
        Open,
        /// Mitigated.
        Mitigated,
        /// No longer relevant.
        Closed,
    }
}

/// A risk of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    /// Its identifier.
    pub id: RiskId,
    /// The city that recorded it.
    pub city: CityId,
    /// The risk.
    pub description: String,
    /// How likely.
    pub likelihood: Level,
    /// How bad.
    pub impact: Level,
    /// The mitigation.
    pub mitigation: Option<String>,
    /// Who owns it.
    pub owner: Option<String>,
    /// Its status.
    pub status: RiskStatus,
    /// When it was recorded (last changed).
    pub recorded_at: DateTime<Utc>,
}

impl Risk {
    /// A risk is high when its likelihood or its impact is high.
    pub fn is_high(&self) -> bool {
        self.likelihood == Level::High || self.impact == Level::High
    }
}

/// An activity of the cooperation plan, with its delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The planned part.
    pub plan: ActivityPlan,
    /// Its status (set by progress reports).
    pub status: ActivityStatus,
    /// One team per city.
    pub teams: Vec<Team>,
    /// Progress reports, oldest first.
    pub progress: Vec<ProgressReport>,
    /// Risks.
    pub risks: Vec<Risk>,
}

/// The cooperation plan, versioned: every change to its planned content makes a
/// new version, and approvals are of one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Its title.
    pub title: String,
    /// A summary.
    pub summary: String,
    /// The current version.
    pub version: u32,
    /// The activities.
    pub activities: Vec<Activity>,
}

impl Plan {
    /// The activity with this identifier.
    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| a.plan.id == id)
    }
}

/// A KPI selected in the evaluation framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiSelection {
    /// Its identifier.
    pub id: SelectionId,
    /// The KPI.
    pub kpi: KpiCode,
    /// Its unit (copied from the definition).
    pub unit: Unit,
    /// The Aim objective it measures.
    pub objective: Option<ObjectiveId>,
    /// The target.
    pub target: Option<KpiValue>,
    /// The cities that report it.
    pub reporting: Vec<CityId>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A measurement period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A KPI measurement. Corrections are new measurements that supersede old ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Its identifier.
    pub id: MeasurementId,
    /// The selection it answers.
    pub selection: SelectionId,
    /// The reporting city.
    pub city: CityId,
    /// The period.
    pub period: Period,
    /// The value.
    pub value: KpiValue,
    /// Its source or method.
    pub source: String,
    /// A note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<MeasurementId>,
    /// Who recorded it.
    pub recorded_by: AccountId,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A feedback entry from the teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// Its identifier.
    pub id: FeedbackId,
    /// The city.
    pub city: CityId,
    /// The team or person giving it.
    pub team: String,
    /// The feedback.
    pub text: String,
    /// When.
    pub on: NaiveDate,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// The evaluation of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Its identifier.
    pub id: EvaluationId,
    /// The city.
    pub city: CityId,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// An explicit "no adjustments needed".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The outcome of a decision on an adjustment.
    Outcome {
        /// Approved.
        Approved,
        /// Rejected.
        Rejected,
    }
}

/// A decision on an adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Approved or rejected.
    pub outcome: Outcome,
    /// The deciding city.
    pub city: CityId,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A proposed adjustment and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    /// Its identifier.
    pub id: AdjustmentId,
    /// The proposing city.
    pub city: CityId,
    /// The proposal.
    pub proposal: String,
    /// The decision, once made.
    pub decision: Option<Decision>,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// What an approval approves.
    ApprovalSubject {
        /// A version of the cooperation plan.
        Plan,
        /// A version of the set of Act decisions of a cycle.
        Decisions,
    }
}

/// One city's political approval of a plan version or a decision set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved.
    pub version: u32,
    /// The cycle it was recorded in (decision sets belong to a cycle).
    pub cycle: u32,
    /// The approving city.
    pub city: CityId,
    /// Who approved (a council, a mayor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// The reference of the decision.
    pub reference: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The kind of a lesson.
    LessonKind {
        /// What made it work.
        SuccessFactor,
        /// What made it fail.
        FailureFactor,
        /// Knowledge transferred.
        KnowledgeTransfer,
        /// Participation in a platform or network.
        PlatformParticipation,
    }
}

/// A lesson of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// Its identifier.
    pub id: LessonId,
    /// The city.
    pub city: CityId,
    /// Its kind.
    pub kind: LessonKind,
    /// The lesson.
    pub text: String,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// The ex-post evaluation of one Aim objective in a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExPost {
    /// The objective.
    pub objective: ObjectiveId,
    /// The city.
    pub city: CityId,
    /// What was foreseen.
    pub foreseen: String,
    /// What was achieved.
    pub achieved: String,
    /// The gap.
    pub gap: String,
    /// The cycle.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Every output of a partnership.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outputs {
    /// Assessments of candidate counterparts.
    pub assessments: Vec<Assessment>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Agreements with their signatures.
    pub agreements: Vec<Agreement>,
    /// First priorities agreed, per city.
    pub priorities: Vec<PriorityAgreement>,
    /// The cooperation plan.
    pub plan: Option<Plan>,
    /// KPI selections (the evaluation framework).
    pub selections: Vec<KpiSelection>,
    /// Measurements.
    pub measurements: Vec<Measurement>,
    /// Feedback.
    pub feedback: Vec<Feedback>,
    /// Evaluations.
    pub evaluations: Vec<Evaluation>,
    /// Adjustments with their decisions.
    pub adjustments: Vec<Adjustment>,
    /// The version of the current cycle's decision set.
    pub decisions_version: u32,
    /// Approvals of plan versions and decision sets.
    pub approvals: Vec<Approval>,
    /// Lessons.
    pub lessons: Vec<Lesson>,
    /// Ex-post evaluations.
    pub ex_post: Vec<ExPost>,
}

impl Outputs {
    /// The (selection, reporting city) pairs with no measurement recorded in
    /// `cycle`: what `MEASURE_KPI_CAPTURED` waits for.
    pub fn missing_measurements(&self, cycle: u32) -> Vec<(&KpiSelection, CityId)> {
        self.selections
            .iter()
            .flat_map(|s| s.reporting.iter().map(move |c| (s, *c)))
            .filter(|(s, c)| {
                !self
                    .measurements
                    .iter()
                    .any(|m| m.selection == s.id && m.city == *c && m.cycle == cycle)
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Inputs. Each becomes an output in `Partnership::decide`, which checks it.
// ---------------------------------------------------------------------------

/// Input for an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    /// New identifier.
    pub id: AssessmentId,
    /// The candidate counterpart.
    pub candidate: CityId,
    /// When it was made.
    pub on: NaiveDate,
    /// The answered criteria.
    pub items: Vec<AssessmentItem>,
}

/// Input for a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    /// New identifier.
    pub id: ContactId,
    /// When it happened.
    pub on: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Direction from the recording city.
    pub direction: ContactDirection,
    /// Levels on the recording city's side.
    pub ours: Levels,
    /// Levels on the partner's side.
    pub theirs: Levels,
    /// Outcome.
    pub outcome: String,
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
}

/// Input for an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementDraft {
    /// New identifier.
    pub id: AgreementId,
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    pub areas: Vec<Area>,
    /// Binding or not.
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Expiry.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<AgreementId>,
}

/// Input for a funding source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingDraft {
    /// Amount.
    pub amount: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// Source.
    pub source: String,
}

/// Input for an activity (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDraft {
    /// Identifier: new, or of the activity to change.
    pub id: ActivityId,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    pub description: String,
    /// Lead city.
    pub lead_city: Option<CityId>,
    /// Lead stakeholder.
    pub lead_stakeholder: Option<StakeholderId>,
    /// Cities involved; empty means both cities.
    pub cities: Vec<CityId>,
    /// Funding.
    pub funding: Vec<FundingDraft>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources.
    pub resources: Vec<String>,
}

/// Input for a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamDraft {
    /// The activity.
    pub activity: ActivityId,
    /// Name.
    pub name: String,
    /// Members.
    pub members: Vec<String>,
    /// Responsibilities.
    pub responsibilities: String,
}

/// Input for a progress report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressDraft {
    /// New identifier.
    pub id: ProgressId,
    /// The activity.
    pub activity: ActivityId,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The activity's status after the report.
    pub status: ActivityStatus,
    /// Percent complete.
    pub percent: Option<i64>,
}

/// Input for a risk (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskDraft {
    /// Identifier: new, or of the risk to change.
    pub id: RiskId,
    /// The activity.
    pub activity: ActivityId,
    /// The risk.
    pub description: String,
    /// Likelihood.
    pub likelihood: Level,
    /// Impact.
    pub impact: Level,
    /// Mitigation.
    pub mitigation: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status.
    pub status: RiskStatus,
}

/// Input for a KPI selection (new or changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionDraft {
    /// Identifier: new, or of the selection to change.
    pub id: SelectionId,
    /// The KPI definition (looked up by the caller).
    pub definition: crate::kpi::KpiDefinition,
    /// The Aim objective it measures.
    pub objective: Option<ObjectiveId>,
    /// The target, in the KPI's unit.
    pub target: Option<RawValue>,
    /// The reporting cities.
    pub reporting: Vec<CityId>,
}

/// Input for a measurement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementDraft {
    /// New identifier.
    pub id: MeasurementId,
    /// The selection.
    pub selection: SelectionId,
    /// The reporting city.
    pub city: CityId,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// The value.
    pub value: RawValue,
    /// Source or method.
    pub source: String,
    /// Note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<MeasurementId>,
}

/// Input for a feedback entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    /// New identifier.
    pub id: FeedbackId,
    /// Team or person.
    pub team: String,
    /// Text.
    pub text: String,
    /// When.
    pub on: NaiveDate,
}

/// Input for an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDraft {
    /// New identifier.
    pub id: EvaluationId,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// Explicit "no adjustments".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
}

/// Input for a decision on an adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDraft {
    /// The adjustment.
    pub adjustment: AdjustmentId,
    /// Approved or rejected.
    pub outcome: Outcome,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
}

/// Input for an approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalDraft {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved (must be the current one).
    pub version: u32,
    /// Who approved.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: String,
}

/// Input for an ex-post evaluation of an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExPostDraft {
    /// The objective.
    pub objective: ObjectiveId,
    /// Foreseen.
    pub foreseen: String,
    /// Achieved.
    pub achieved: String,
    /// Gap.
    pub gap: String,
}
