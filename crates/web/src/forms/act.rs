//! The forms of Act ("what do we change?") and Replicate ("what can be
//! reused, here and elsewhere?"): proposing an adjustment, deciding one, each
//! city's approval of the decision set, a lesson, and the ex-post evaluation
//! of an Aim objective.

use super::common::{form_page, group, options};
use super::{Field, Fields, FormPage, Input, show, submit};
use crate::WebState;
use crate::auth::User;
use crate::page::Failure;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::outputs::{
    ApprovalDraft, ApprovalSubject, DecisionDraft, ExPostDraft, LessonKind, Outcome,
};
use c2c_domain::{AdjustmentId, Command, LessonId, ObjectiveId, Partnership, Step};
use uuid::Uuid;

async fn proposal_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let fields = vec![Field::new("proposal", tr.t("adjustment-proposal"), Input::Area).required()];
    let action = format!("/partnerships/{}/adjustments/new", p.id());
    form_page(
        user,
        p,
        crumb,
        ("adjustment-title", Step::Act),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/adjustments/new`.
pub async fn proposal_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        proposal_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/adjustments/new`.
pub async fn proposal(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#act"),
        async |p, crumb| proposal_form(&user, p, crumb).await,
        |check, _| {
            Some(Command::ProposeAdjustment {
                id: AdjustmentId(Uuid::now_v7()),
                proposal: check.required("proposal"),
            })
        },
    )
    .await
}

async fn decision_form(user: &User, p: &Partnership, crumb: String, adjustment: Uuid) -> FormPage {
    let tr = user.tr();
    let proposal = p
        .outputs()
        .adjustments
        .iter()
        .find(|a| a.id.0 == adjustment)
        .map(|a| a.proposal.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new(
            "outcome",
            tr.t("decision-outcome"),
            Input::Radio(options::<Outcome>(tr, "outcome")),
        )
        .required(),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new("note", tr.t("assessment-note"), Input::Area),
    ];
    let action = format!("/partnerships/{}/adjustments/{adjustment}/decision", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("decision-title", Step::Act),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("decision-intro", "proposal", proposal));
    form
}

/// `GET /partnerships/{id}/adjustments/{adjustment}/decision`.
pub async fn decision_page(
    State(state): State<WebState>,
    user: User,
    Path((id, adjustment)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        decision_form(&user, p, crumb, adjustment).await
    })
    .await
}

/// `POST /partnerships/{id}/adjustments/{adjustment}/decision`.
pub async fn decision(
    State(state): State<WebState>,
    user: User,
    Path((id, adjustment)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#act"),
        async |p, crumb| decision_form(&user, p, crumb, adjustment).await,
        |check, _| {
            let outcome = check.required_code("outcome");
            let on = check.required_date("on");
            Some(Command::DecideAdjustment(DecisionDraft {
                adjustment: AdjustmentId(adjustment),
                outcome: outcome?,
                on,
                note: check.text("note"),
            }))
        },
    )
    .await
}

async fn approval_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let version = p.outputs().decisions_version;
    let fields = vec![
        Field::new("by", tr.t("approval-by"), Input::Text)
            .required()
            .help(tr.t("approval-by-help")),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new("reference", tr.t("approval-reference"), Input::Text),
    ];
    let action = format!("/partnerships/{}/approvals/decisions", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("decisions-approval-title", Step::Act),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("decisions-approval-intro", "version", version));
    form.hidden = vec![("version".to_owned(), version.to_string())];
    form
}

/// `GET /partnerships/{id}/approvals/decisions`.
pub async fn approval_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        approval_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/approvals/decisions`: the user's city approves
/// the decision set it read.
pub async fn approval(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let version = fields.get("version").parse().unwrap_or(0);
    submit(
        &state,
        &user,
        (id, &fields, "#act"),
        async |p, crumb| approval_form(&user, p, crumb).await,
        |check, _| {
            Some(Command::Approve(ApprovalDraft {
                subject: ApprovalSubject::Decisions,
                version,
                by: check.required("by"),
                on: check.required_date("on"),
                reference: check.text("reference"),
            }))
        },
    )
    .await
}

async fn lesson_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new(
            "kind",
            tr.t("lesson-kind"),
            Input::Radio(options::<LessonKind>(tr, "lesson-kind")),
        )
        .required()
        .value("SUCCESS_FACTOR"),
        Field::new("text", tr.t("lesson-text"), Input::Area).required(),
    ];
    let action = format!("/partnerships/{}/lessons/new", p.id());
    form_page(
        user,
        p,
        crumb,
        ("lesson-title", Step::Replicate),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/lessons/new`.
pub async fn lesson_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        lesson_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/lessons/new`.
pub async fn lesson(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#replicate"),
        async |p, crumb| lesson_form(&user, p, crumb).await,
        |check, _| {
            let kind = check.required_code("kind");
            Some(Command::RecordLesson {
                id: LessonId(Uuid::now_v7()),
                kind: kind?,
                text: check.required("text"),
            })
        },
    )
    .await
}

async fn ex_post_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let objectives = p
        .snapshot()
        .standing
        .objectives()
        .iter()
        .map(|o| (o.id.to_string(), o.text.clone()))
        .collect();
    let fields = vec![
        Field::new(
            "objectiveId",
            tr.t("ex-post-objective"),
            Input::Select(objectives),
        )
        .required(),
        Field::new("foreseen", tr.t("ex-post-foreseen"), Input::Area).required(),
        Field::new("achieved", tr.t("ex-post-achieved"), Input::Area).required(),
        Field::new("gap", tr.t("ex-post-gap"), Input::Area).required(),
    ];
    let action = format!("/partnerships/{}/ex-post/new", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("ex-post-title", Step::Replicate),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("ex-post-intro"));
    form
}

/// `GET /partnerships/{id}/ex-post/new`.
pub async fn ex_post_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        ex_post_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/ex-post/new`: the ex-post evaluation of one Aim
/// objective.
pub async fn ex_post(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#replicate"),
        async |p, crumb| ex_post_form(&user, p, crumb).await,
        |check, _| {
            let objective = check.id("objectiveId").map(ObjectiveId);
            if objective.is_none() {
                check.required("objectiveId");
            }
            Some(Command::RecordExPost(ExPostDraft {
                objective: objective?,
                foreseen: check.required("foreseen"),
                achieved: check.required("achieved"),
                gap: check.required("gap"),
            }))
        },
    )
    .await
}
