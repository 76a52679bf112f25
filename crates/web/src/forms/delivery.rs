//! The forms of Do ("are the activities being delivered?"): a progress
//! report on an activity (a cancellation gives its reason) and a risk (new or
//! changed), each of the user's city.

use super::common::{form_page, group, options};
use super::{Field, Fields, FormPage, Input, show, submit};
use crate::WebState;
use crate::auth::User;
use crate::page::Failure;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::outputs::{ActivityStatus, Level, ProgressDraft, RiskDraft, RiskStatus};
use c2c_domain::{ActivityId, Command, Partnership, ProgressId, RiskId, Step};
use uuid::Uuid;

fn activity_title(p: &Partnership, activity: Uuid) -> String {
    p.outputs()
        .plan
        .as_ref()
        .and_then(|plan| plan.activity(ActivityId(activity)))
        .map(|a| a.plan.title.clone())
        .unwrap_or_default()
}

async fn progress_form(user: &User, p: &Partnership, crumb: String, activity: Uuid) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new("summary", tr.t("progress-summary"), Input::Area).required(),
        Field::new(
            "status",
            tr.t("progress-status"),
            Input::Radio(options::<ActivityStatus>(tr, "activity-status")),
        )
        .required()
        .value("IN_PROGRESS"),
        Field::new("percent", tr.t("progress-percent"), Input::Number),
        Field::new("reason", tr.t("progress-reason"), Input::Area)
            .help(tr.t("progress-reason-help")),
    ];
    let action = format!("/partnerships/{}/activities/{activity}/progress", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("progress-title", Step::Do),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("progress-intro", "title", activity_title(p, activity)));
    form
}

/// `GET /partnerships/{id}/activities/{activity}/progress`.
pub async fn progress_page(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        progress_form(&user, p, crumb, activity).await
    })
    .await
}

/// `POST /partnerships/{id}/activities/{activity}/progress`.
pub async fn progress(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#activities"),
        async |p, crumb| progress_form(&user, p, crumb, activity).await,
        |check, _| {
            let on = check.required_date("on");
            let summary = check.required("summary");
            let status = check.required_code("status");
            let percent = check
                .decimal("percent")
                .map(|d| d.trunc().try_into().unwrap_or(i64::MAX));
            Some(Command::RecordProgress(ProgressDraft {
                id: ProgressId(Uuid::now_v7()),
                activity: ActivityId(activity),
                on,
                summary,
                status: status?,
                reason: check.optional("reason"),
                percent,
            }))
        },
    )
    .await
}

async fn risk_form(user: &User, p: &Partnership, crumb: String, activity: Uuid) -> FormPage {
    let tr = user.tr();
    let levels = options::<Level>(tr, "level");
    let fields = vec![
        Field::new("description", tr.t("risk-description"), Input::Area).required(),
        Field::new(
            "likelihood",
            tr.t("risk-likelihood"),
            Input::Radio(levels.clone()),
        )
        .required(),
        Field::new("impact", tr.t("risk-impact"), Input::Radio(levels)).required(),
        Field::new("mitigation", tr.t("risk-mitigation"), Input::Area),
        Field::new("owner", tr.t("risk-owner"), Input::Text),
        Field::new(
            "status",
            tr.t("risk-status"),
            Input::Radio(options::<RiskStatus>(tr, "risk-status")),
        )
        .required()
        .value("OPEN"),
    ];
    let action = format!("/partnerships/{}/activities/{activity}/risks/new", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("risk-title", Step::Do),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("risk-intro", "title", activity_title(p, activity)));
    form
}

/// `GET /partnerships/{id}/activities/{activity}/risks/new`.
pub async fn risk_page(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        risk_form(&user, p, crumb, activity).await
    })
    .await
}

/// `POST /partnerships/{id}/activities/{activity}/risks/new`.
pub async fn risk(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#activities"),
        async |p, crumb| risk_form(&user, p, crumb, activity).await,
        |check, _| {
            let description = check.required("description");
            let likelihood = check.required_code("likelihood");
            let impact = check.required_code("impact");
            let status = check.required_code("status");
            Some(Command::RecordRisk(RiskDraft {
                id: RiskId(Uuid::now_v7()),
                activity: ActivityId(activity),
                description,
                likelihood: likelihood?,
                impact: impact?,
                mitigation: check.optional("mitigation"),
                owner: check.optional("owner"),
                status: status?,
            }))
        },
    )
    .await
}
