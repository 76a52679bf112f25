//! `c2c-web`: the web app. City international-relations officers and their
//! partner cities work their partnerships in a browser, in English or
//! Simplified Chinese, without writing a query: the board of their city, a
//! partnership's steps, checklist, moves and history, what awaits their city,
//! and a form for each output.
//!
//! Pages are rendered on the server (askama templates under `templates/`) and
//! work without JavaScript: plain forms, post/redirect/get. The one script and
//! the one stylesheet are served from the binary; nothing comes from another
//! host. Sessions live in the database (`session.rs`); every form carries a
//! token (`csrf.rs`).
//!
//! Architecture invariant: the web app decides nothing. Every change goes
//! through the store's commands with the signed-in account as the actor, and
//! every read through the same access rules as the API (`Account::can_see`,
//! `Account::editor`), so what the API refuses the app refuses, for the same
//! reasons. It knows neither SQL nor GraphQL.

mod assets;
mod auth;
mod charts;
mod csrf;
mod forms;
mod lang;
mod page;
mod session;
mod state;
mod views;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, post};

pub use session::{COOKIE as SESSION_COOKIE, sweep as sweep_sessions};
pub use state::WebState;

/// How the app is served.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebConfig {
    /// Whether browsers reach the app over HTTPS (the session cookie is then
    /// `Secure`).
    pub secure_cookies: bool,
}

/// The app's routes, with sessions, form tokens and security headers.
pub fn router(state: WebState, config: WebConfig) -> Router {
    let store = state.store.clone();
    Router::new()
        .merge(views::routes())
        .route("/signin", get(auth::sign_in_page).post(auth::sign_in))
        .route("/signout", post(auth::sign_out))
        .route(
            "/signin/{secret}",
            get(auth::sign_in_link_page).post(auth::use_sign_in_link),
        )
        .route(
            "/invite/{secret}",
            get(auth::invitation_page).post(auth::accept_invitation),
        )
        .route("/lang/{code}", get(lang::switch))
        .layer(middleware::from_fn(csrf::check))
        .layer(session::layer(store, config.secure_cookies))
        .merge(assets::routes())
        .layer(middleware::map_response(security_headers))
        .with_state(state)
}

/// The headers of every page: nothing but this server may supply a script, a
/// style, an image or a frame.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
