//! `/metrics`: Prometheus text (`text/plain; version=0.0.4`) or OpenMetrics,
//! as `Accept` asks.

use super::state::AppState;
use crate::metrics::Format;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

pub(super) async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let format = Format::negotiate(&headers);
    (
        [(header::CONTENT_TYPE, format.content_type())],
        state.metrics.render(format),
    )
        .into_response()
}
