//! The HTTP surface, one file per concern: GraphQL over HTTP at `/graphql`
//! (`graphql.rs`, media types in `media.rs`), WebSocket subscriptions at
//! `/graphql/ws` (`ws.rs`), GraphiQL at `/graphiql` (`graphiql.rs`),
//! `/healthz` and `/readyz` (`health.rs`), `/metrics` (`metrics.rs`), and
//! the exports `/export/{partnerships,measurements}.{csv,xlsx}`
//! (`export.rs`). `/` sends a browser to GraphiQL.
//!
//! Every GraphQL request and export carries `Authorization: Bearer <token>`
//! (`auth.rs`); one without a valid token is answered `401` with an
//! `UNAUTHENTICATED` error and never reaches a resolver. Bodies are limited
//! in size; queries in depth and complexity. Every response carries an
//! `x-request-id`, also logged with the status and `latency_ms`.
//!
//! [`router`] is a `Router` without state of its own: the binary can
//! `merge` other routers beside it.

mod auth;
pub mod export;
mod graphiql;
mod graphql;
mod health;
mod inflight;
mod media;
mod metrics;
mod state;
mod ws;

use crate::metrics::{PathLabels, RequestLabels};
use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use c2c_domain::ErrorCode;
use media::Media;
pub use state::{AppState, BODY_LIMIT};
use std::time::{Duration, Instant};
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// The router, without a socket: tests can call it directly, and the binary
/// can merge other routers beside it.
pub fn router(state: AppState) -> Router {
    let header = axum::http::HeaderName::from_static("x-request-id");
    Router::new()
        .route("/graphql", get(graphql::get).post(graphql::post))
        .route("/graphql/ws", get(ws::subscriptions))
        .route("/graphiql", get(graphiql::page))
        .route("/graphiql/{*asset}", get(graphiql::asset))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::metrics))
        .route("/export/{file}", get(export::with_token))
        .layer(middleware::from_fn_with_state(state.clone(), measure))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::map_response(too_large_as_graphql_error))
        .layer(PropagateRequestIdLayer::new(header.clone()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                        request_id = %id,
                    )
                })
                .on_response(|response: &Response, latency: Duration, _: &Span| {
                    tracing::info!(
                        status = response.status().as_u16(),
                        latency_ms = milliseconds(latency),
                        "finished processing request"
                    );
                })
                .on_failure(
                    |failure: ServerErrorsFailureClass, latency: Duration, _: &Span| {
                        tracing::warn!(
                            failure = %failure,
                            latency_ms = milliseconds(latency),
                            "request failed"
                        );
                    },
                ),
        )
        .layer(SetRequestIdLayer::new(header, MakeRequestUuid))
        .with_state(state)
}

/// A duration in milliseconds, to the microsecond: a number in the logs.
fn milliseconds(d: Duration) -> f64 {
    (d.as_micros() as f64) / 1000.0
}

/// Counts every request by route and status, and times it.
async fn measure(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    state
        .metrics
        .requests
        .get_or_create(&RequestLabels {
            path: path.clone(),
            status: response.status().as_u16(),
        })
        .inc();
    state
        .metrics
        .durations
        .get_or_create(&PathLabels { path })
        .observe(started.elapsed().as_secs_f64());
    response
}

/// A GraphQL-shaped `application/json` error answer.
fn error_response(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    Media::Json.error(status, code, message)
}

/// The body limit answers a body it refuses unread (its `Content-Length` is
/// over the limit) with a bare 413: give it the GraphQL error shape and code of
/// every other refusal.
async fn too_large_as_graphql_error(response: Response) -> Response {
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !json {
        error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidInput,
            &format!("the request body is larger than the limit of {BODY_LIMIT} bytes"),
        )
    } else {
        response
    }
}
