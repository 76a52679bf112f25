//! The pages of a signed-in account, one module per feature: the board of
//! the city, a partnership's page and its moves, what awaits the city,
//! starting a partnership, inviting a colleague, and the forms of the outputs.

mod attention;
mod awaiting;
mod board;
mod checklist;
pub(crate) mod common;
mod invite;
mod moves;
mod outputs;
mod partnership;
mod start;

use crate::WebState;
use crate::forms::{partner, plan};
use axum::Router;
use axum::routing::get;

/// The routes of the pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/", get(board::page))
        .route("/awaiting", get(awaiting::page))
        .route("/partnerships/new", get(start::page).post(start::start))
        .route("/invitations/new", get(invite::page).post(invite::invite))
        .route("/partnerships/{id}", get(partnership::page))
        .route(
            "/partnerships/{id}/move",
            get(moves::confirm).post(moves::perform),
        )
        .merge(form_routes())
}

/// The routes of the output forms: each a page (GET) and its submission.
fn form_routes() -> Router<WebState> {
    Router::new()
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
}
