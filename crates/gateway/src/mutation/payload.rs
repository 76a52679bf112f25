//! What the record mutations answer: the record they wrote (with its `id`)
//! beside the partnership after the change. The record is the one the
//! domain's change names, read back from the partnership as every query
//! shows it.

use crate::error::{GatewayError, Result};
use crate::object::{
    Activity, Adjustment, Agreement, Approval, Assessment, CityNode, Contact, ContactPerson,
    Evaluation, ExPost, Feedback, FirstPriority, KpiSelection, Lesson, Measurement,
    PartnershipNode, Plan, ProgressReport, Risk, Signature, Team, agreements, city, kpi_selections,
    measurements, plan,
};
use async_graphql::{Context, SimpleObject};
use c2c_domain::outputs::{Activity as DomainActivity, Outputs};
use c2c_domain::{ActivityId, Change, Partnership};
use c2c_store::Recorded;

/// A payload: the record a mutation wrote and the partnership after it.
macro_rules! payload {
    ($(#[$doc:meta])* $name:ident { $field:ident: $ty:ty }) => {
        $(#[$doc])*
        #[derive(SimpleObject)]
        pub struct $name {
            /// The record as written.
            pub $field: $ty,
            /// The partnership after the change (its new version).
            pub partnership: PartnershipNode,
        }

        impl $name {
            /// The payload of a change.
            pub fn of(r: &Recorded, $field: $ty) -> Self {
                Self {
                    $field,
                    partnership: node(r),
                }
            }
        }
    };
}

payload!(
    /// What `chooseCounterpart` answers.
    ChooseCounterpartPayload { counterpart: CityNode }
);
payload!(
    /// What `recordAssessment` answers.
    RecordAssessmentPayload { assessment: Assessment }
);
payload!(
    /// What `recordContact` and `recordFollowUp` answer.
    RecordContactPayload { contact: Contact }
);
payload!(
    /// What `recordContactPerson` answers.
    RecordContactPersonPayload { contact_person: ContactPerson }
);
payload!(
    /// What `recordAgreement` answers.
    RecordAgreementPayload { agreement: Agreement }
);
payload!(
    /// What `recordSignature` answers (the agreement holds every signature).
    RecordSignaturePayload { signature: Signature }
);
payload!(
    /// What `recordFirstPriority` answers.
    RecordFirstPriorityPayload { first_priority: FirstPriority }
);
payload!(
    /// What `recordPlan` answers.
    RecordPlanPayload { plan: Plan }
);
payload!(
    /// What `recordActivity` answers.
    RecordActivityPayload { activity: Activity }
);
payload!(
    /// What `recordTeam` answers.
    RecordTeamPayload { team: Team }
);
payload!(
    /// What `recordProgress` answers.
    RecordProgressPayload { progress_report: ProgressReport }
);
payload!(
    /// What `recordRisk` answers.
    RecordRiskPayload { risk: Risk }
);
payload!(
    /// What `recordKpiSelection` answers.
    RecordKpiSelectionPayload { kpi_selection: KpiSelection }
);
payload!(
    /// What `recordMeasurement` answers.
    RecordMeasurementPayload { measurement: Measurement }
);
payload!(
    /// What `recordFeedback` answers.
    RecordFeedbackPayload { feedback: Feedback }
);
payload!(
    /// What `recordEvaluation` answers.
    RecordEvaluationPayload { evaluation: Evaluation }
);
payload!(
    /// What `recordAdjustment` and `recordDecision` answer.
    RecordAdjustmentPayload { adjustment: Adjustment }
);
payload!(
    /// What `recordApproval` answers.
    RecordApprovalPayload { approval: Approval }
);
payload!(
    /// What `recordLesson` answers.
    RecordLessonPayload { lesson: Lesson }
);
payload!(
    /// What `recordExPostEvaluation` answers.
    RecordExPostPayload { ex_post: ExPost }
);

/// The partnership after a change, for a payload.
pub fn node(r: &Recorded) -> PartnershipNode {
    PartnershipNode::recorded(r.clone())
}

/// The record, or an internal error: a change that does not name what it
/// wrote is a bug, logged.
fn found<T>(x: Option<T>, what: &str) -> Result<T> {
    x.ok_or_else(|| {
        tracing::error!(what, "a record mutation wrote nothing it can name");
        GatewayError::internal().into()
    })
}

fn outputs(r: &Recorded) -> &Outputs {
    r.partnership.outputs()
}

fn activity_of(p: &Partnership, id: ActivityId) -> Option<&DomainActivity> {
    let plan = p.outputs().plan.as_ref()?;
    plan.activities.iter().find(|a| a.plan.id == id)
}

/// The activity a plan, team, progress or risk change is about.
fn changed_activity(r: &Recorded) -> Option<&DomainActivity> {
    let id = match &r.change {
        Change::ActivityRecorded { activity, .. } => activity.id,
        Change::TeamRecorded { activity, .. }
        | Change::ProgressReported { activity, .. }
        | Change::RiskRecorded { activity, .. } => *activity,
        _ => return None,
    };
    activity_of(&r.partnership, id)
}

/// The counterpart a change chose.
pub async fn counterpart(ctx: &Context<'_>, r: &Recorded) -> Result<CityNode> {
    let Change::CounterpartChosen { city: id, .. } = &r.change else {
        return found(None, "counterpart");
    };
    found(city(ctx, *id).await?, "counterpart")
}

/// The activity a change wrote.
pub fn activity(r: &Recorded) -> Result<Activity> {
    found(changed_activity(r).map(Into::into), "activity")
}

/// The team a change wrote.
pub fn team(r: &Recorded) -> Result<Team> {
    let Change::TeamRecorded { team, .. } = &r.change else {
        return found(None, "team");
    };
    let a = changed_activity(r);
    let t = a.and_then(|a| a.teams.iter().find(|t| t.city == team.city));
    found(t.map(Into::into), "team")
}

/// The progress report a change wrote.
pub fn progress(r: &Recorded) -> Result<ProgressReport> {
    let Change::ProgressReported { report, .. } = &r.change else {
        return found(None, "progress report");
    };
    let a = changed_activity(r);
    let x = a.and_then(|a| a.progress.iter().find(|x| x.id == report.id));
    found(x.map(Into::into), "progress report")
}

/// The risk a change wrote.
pub fn risk(r: &Recorded) -> Result<Risk> {
    let Change::RiskRecorded { risk, .. } = &r.change else {
        return found(None, "risk");
    };
    let a = changed_activity(r);
    let x = a.and_then(|a| a.risks.iter().find(|x| x.id == risk.id));
    found(x.map(Into::into), "risk")
}

/// The plan after a change of its header.
pub fn plan_of(r: &Recorded) -> Result<Plan> {
    found(plan(r.partnership.id().0, outputs(r)), "plan")
}

/// The assessment a change wrote.
pub fn assessment(r: &Recorded) -> Result<Assessment> {
    let Change::AssessmentRecorded(a) = &r.change else {
        return found(None, "assessment");
    };
    let x = outputs(r).assessments.iter().find(|x| x.id == a.id);
    found(x.map(Into::into), "assessment")
}

/// The contact a change wrote (or followed up).
pub fn contact(r: &Recorded) -> Result<Contact> {
    let id = match &r.change {
        Change::ContactRecorded(c) => c.id,
        Change::FollowUpRecorded { contact, .. } => *contact,
        _ => return found(None, "contact"),
    };
    let x = outputs(r).contacts.iter().find(|x| x.id == id);
    found(x.map(Into::into), "contact")
}

/// The contact person a change wrote.
pub fn contact_person(r: &Recorded) -> Result<ContactPerson> {
    let Change::ContactPersonRecorded(c) = &r.change else {
        return found(None, "contact person");
    };
    let x = outputs(r).contact_persons.iter().find(|x| x.id == c.id);
    found(x.map(Into::into), "contact person")
}

/// The agreement a change wrote or signed.
pub fn agreement(r: &Recorded) -> Result<Agreement> {
    let id = match &r.change {
        Change::AgreementRecorded(a) => a.id,
        Change::AgreementSigned { agreement, .. } => *agreement,
        _ => return found(None, "agreement"),
    };
    let x = agreements(r.partnership.snapshot())
        .into_iter()
        .find(|x| x.id == id.0);
    found(x, "agreement")
}

/// The signature a change wrote.
pub fn signature(r: &Recorded) -> Result<Signature> {
    let Change::AgreementSigned { signature, .. } = &r.change else {
        return found(None, "signature");
    };
    let a = agreement(r)?;
    let x = a
        .signatures
        .into_iter()
        .find(|s| s.city_id == signature.city.0);
    found(x, "signature")
}

/// The first priority a change wrote.
pub fn first_priority(r: &Recorded) -> Result<FirstPriority> {
    let Change::PriorityAgreed(p) = &r.change else {
        return found(None, "first priority");
    };
    let x = outputs(r)
        .priorities
        .iter()
        .find(|x| x.city == p.city && x.area == p.area && x.recorded_at == p.recorded_at);
    found(x.map(Into::into), "first priority")
}

/// The KPI selection a change wrote.
pub fn kpi_selection(r: &Recorded) -> Result<KpiSelection> {
    let Change::KpiSelected(s) = &r.change else {
        return found(None, "KPI selection");
    };
    let x = kpi_selections(outputs(r))
        .into_iter()
        .find(|x| x.id == s.id.0);
    found(x, "KPI selection")
}

/// The measurement a change wrote.
pub fn measurement(r: &Recorded) -> Result<Measurement> {
    let Change::MeasurementRecorded(m) = &r.change else {
        return found(None, "measurement");
    };
    let x = measurements(outputs(r))
        .into_iter()
        .find(|x| x.id == m.id.0);
    found(x, "measurement")
}

/// The feedback a change wrote.
pub fn feedback(r: &Recorded) -> Result<Feedback> {
    let Change::FeedbackRecorded(f) = &r.change else {
        return found(None, "feedback");
    };
    let x = outputs(r).feedback.iter().find(|x| x.id == f.id);
    found(x.map(Into::into), "feedback")
}

/// The evaluation a change wrote.
pub fn evaluation(r: &Recorded) -> Result<Evaluation> {
    let Change::EvaluationRecorded(e) = &r.change else {
        return found(None, "evaluation");
    };
    let x = outputs(r).evaluations.iter().find(|x| x.id == e.id);
    found(x.map(Into::into), "evaluation")
}

/// The adjustment a change proposed or decided.
pub fn adjustment(r: &Recorded) -> Result<Adjustment> {
    let id = match &r.change {
        Change::AdjustmentProposed { adjustment, .. } => adjustment.id,
        Change::AdjustmentDecided { adjustment, .. } => *adjustment,
        _ => return found(None, "adjustment"),
    };
    let x = outputs(r).adjustments.iter().find(|x| x.id == id);
    found(x.map(Into::into), "adjustment")
}

/// The approval a change wrote.
pub fn approval(r: &Recorded) -> Result<Approval> {
    let Change::Approved(a) = &r.change else {
        return found(None, "approval");
    };
    found(Some(a.into()), "approval")
}

/// The lesson a change wrote.
pub fn lesson(r: &Recorded) -> Result<Lesson> {
    let Change::LessonRecorded(l) = &r.change else {
        return found(None, "lesson");
    };
    let x = outputs(r).lessons.iter().find(|x| x.id == l.id);
    found(x.map(Into::into), "lesson")
}

/// The ex-post evaluation a change wrote.
pub fn ex_post(r: &Recorded) -> Result<ExPost> {
    let Change::ExPostRecorded(e) = &r.change else {
        return found(None, "ex-post evaluation");
    };
    found(Some(e.into()), "ex-post evaluation")
}
