//! The pages of a signed-in account, one module per feature: the board of
//! the city, a partnership's page and its moves, what awaits the city,
//! starting a partnership, inviting a colleague, the forms of the outputs,
//! and the operator's platform (its dashboard and administration).

pub(crate) mod admin;
mod attention;
mod awaiting;
mod board;
mod checklist;
mod city;
pub(crate) mod common;
mod invite;
mod moves;
mod outputs;
mod partnership;
mod platform;
mod sections;
mod start;

use crate::WebState;
use crate::forms::{
    act, admin as admin_forms, contacts, delivery, measure, partner, plan, standing,
};
use axum::Router;
use axum::routing::get;

/// The routes of the pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/", get(board::page))
        .route("/awaiting", get(awaiting::page))
        .route("/city", get(city::page))
        .route("/portfolio", get(city::portfolio))
        .route("/partnerships/new", get(start::page).post(start::start))
        .route("/invitations/new", get(invite::page).post(invite::invite))
        .route("/partnerships/{id}", get(partnership::page))
        .route(
            "/partnerships/{id}/move",
            get(moves::confirm).post(moves::perform),
        )
        .merge(form_routes())
        .merge(platform_routes())
}

/// The operator's pages and the downloads.
fn platform_routes() -> Router<WebState> {
    Router::new()
        .route("/platform", get(platform::page))
        .route("/platform/cities", get(admin::cities))
        .route(
            "/platform/cities/new",
            get(admin_forms::city_page).post(admin_forms::city),
        )
        .route(
            "/platform/cities/{id}/stakeholders/new",
            get(admin_forms::stakeholder_page).post(admin_forms::stakeholder),
        )
        .route("/platform/accounts", get(admin::accounts))
        .route(
            "/platform/accounts/{id}/disable",
            get(admin_forms::disable_page).post(admin_forms::disable),
        )
        .route("/platform/kpis", get(admin::kpis))
        .route(
            "/platform/kpis/new",
            get(admin_forms::kpi_page).post(admin_forms::kpi),
        )
        .route("/downloads/{file}", get(platform::download))
}

/// The routes of the output forms: each a page (GET) and its submission.
fn form_routes() -> Router<WebState> {
    Router::new()
        .route(
            "/city/strategy",
            get(standing::strategy_page).post(standing::strategy),
        )
        .route(
            "/city/commitment",
            get(standing::commitment_page).post(standing::commitment),
        )
        .route(
            "/city/stakeholders/new",
            get(standing::stakeholder_page).post(standing::stakeholder),
        )
        .route(
            "/partnerships/{id}/counterpart",
            get(partner::counterpart_page).post(partner::counterpart),
        )
        .route(
            "/partnerships/{id}/assessment",
            get(partner::assessment_page).post(partner::assessment),
        )
        .route(
            "/partnerships/{id}/priorities",
            get(partner::priority_page).post(partner::priority),
        )
        .route(
            "/partnerships/{id}/agreements/new",
            get(partner::agreement_page).post(partner::agreement),
        )
        .route(
            "/partnerships/{id}/agreements/{agreement}/sign",
            get(partner::signature_page).post(partner::signature),
        )
        .route(
            "/partnerships/{id}/plan",
            get(plan::plan_page).post(plan::plan),
        )
        .route(
            "/partnerships/{id}/activities/new",
            get(plan::new_activity_page).post(plan::new_activity),
        )
        .route(
            "/partnerships/{id}/activities/{activity}",
            get(plan::activity_page).post(plan::activity),
        )
        .route(
            "/partnerships/{id}/activities/{activity}/team",
            get(plan::team_page).post(plan::team),
        )
        .route(
            "/partnerships/{id}/approvals/plan",
            get(plan::approval_page).post(plan::approval),
        )
        .merge(later_routes())
}

/// The routes of the forms of contacts and of Do, Measure, Act, Replicate.
fn later_routes() -> Router<WebState> {
    Router::new()
        .route(
            "/partnerships/{id}/contacts/new",
            get(contacts::contact_page).post(contacts::contact),
        )
        .route(
            "/partnerships/{id}/contacts/{contact}/follow-up",
            get(contacts::follow_up_page).post(contacts::follow_up),
        )
        .route(
            "/partnerships/{id}/persons/new",
            get(contacts::new_person_page).post(contacts::new_person),
        )
        .route(
            "/partnerships/{id}/persons/{person}",
            get(contacts::person_page).post(contacts::person),
        )
        .route(
            "/partnerships/{id}/activities/{activity}/progress",
            get(delivery::progress_page).post(delivery::progress),
        )
        .route(
            "/partnerships/{id}/activities/{activity}/risks/new",
            get(delivery::risk_page).post(delivery::risk),
        )
        .route(
            "/partnerships/{id}/kpis/new",
            get(measure::selection_page).post(measure::selection),
        )
        .route(
            "/partnerships/{id}/kpis/{selection}/measurements/new",
            get(measure::measurement_page).post(measure::measurement),
        )
        .route(
            "/partnerships/{id}/feedback/new",
            get(measure::feedback_page).post(measure::feedback),
        )
        .route(
            "/partnerships/{id}/evaluation/new",
            get(measure::evaluation_page).post(measure::evaluation),
        )
        .route(
            "/partnerships/{id}/adjustments/new",
            get(act::proposal_page).post(act::proposal),
        )
        .route(
            "/partnerships/{id}/adjustments/{adjustment}/decision",
            get(act::decision_page).post(act::decision),
        )
        .route(
            "/partnerships/{id}/approvals/decisions",
            get(act::approval_page).post(act::approval),
        )
        .route(
            "/partnerships/{id}/lessons/new",
            get(act::lesson_page).post(act::lesson),
        )
        .route(
            "/partnerships/{id}/ex-post/new",
            get(act::ex_post_page).post(act::ex_post),
        )
}
