//! The HTTP surface: GraphQL at `/graphql` (WebSocket subscriptions at
//! `/graphql/ws`), GraphiQL at `/`, `/healthz`, `/readyz`, `/metrics`, and the
//! CSV exports `/export/partnerships.csv` and `/export/measurements.csv`.
//!
//! Every GraphQL request carries `Authorization: Bearer <token>`; one without a
//! valid token is answered `401` with an `UNAUTHENTICATED` error and never
//! reaches a resolver. Bodies are limited in size; queries in depth and
//! complexity. Every response carries an `x-request-id`, also logged.

use crate::context::Viewer;
use crate::loader::Loaders;
use crate::metrics::{ErrorLabels, Metrics, PathLabels, RequestLabels};
use crate::{C2cSchema, build_schema};
use async_graphql::ParseRequestError;
use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::body::Body;
use axum::body::Bytes;
use axum::extract::{MatchedPath, Request, State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use c2c_domain::ErrorCode;
use c2c_store::{Export, Scope, Store};
use futures_util::StreamExt;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;

const GRAPHIQL: &str = include_str!("graphiql.html");

/// The largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    /// The schema, with its dependencies.
    pub schema: C2cSchema,
    /// The store.
    pub store: Store,
    /// The metrics.
    pub metrics: Arc<Metrics>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// The state of a gateway over a store and a bus.
    pub fn new(store: Store, bus: crate::bus::EventBus) -> Self {
        AppState {
            schema: build_schema(crate::context::Deps {
                store: store.clone(),
                bus,
            }),
            store,
            metrics: Arc::new(Metrics::default()),
        }
    }
}

/// The router, without a socket: tests can call it directly.
pub fn router(state: AppState) -> Router {
    let header = axum::http::HeaderName::from_static("x-request-id");
    Router::new()
        .route("/graphql", get(graphiql).post(graphql))
        .route("/graphql/ws", get(subscriptions))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/export/partnerships.csv", get(export_partnerships))
        .route("/export/measurements.csv", get(export_measurements))
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
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                .on_failure(DefaultOnFailure::new().level(Level::WARN)),
        )
        .layer(SetRequestIdLayer::new(header, MakeRequestUuid))
        .with_state(state)
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

async fn graphiql() -> Html<&'static str> {
    Html(GRAPHIQL)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    match tokio::time::timeout(Duration::from_secs(3), state.store.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready").into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database not reachable").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database did not answer").into_response(),
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    state.metrics.statements.set(state.store.statement_count());
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// A GraphQL-shaped error response.
fn error_response(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    let body = json!({
        "data": null,
        "errors": [{ "message": message, "extensions": { "code": code.as_str() } }],
    });
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

/// The body limit answers a body it refuses unread (its `Content-Length` is
/// over the limit) with a bare 413: give it the GraphQL error shape and code of
/// every other refusal.
async fn too_large_as_graphql_error(response: Response) -> Response {
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
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

/// A request the GraphQL extractor could not read: answered with an
/// `INVALID_INPUT` error (413 when too large), never a 5xx.
pub struct Rejection(ParseRequestError);

impl From<ParseRequestError> for Rejection {
    fn from(e: ParseRequestError) -> Self {
        Rejection(e)
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self.0 {
            ParseRequestError::PayloadTooLarge => error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::InvalidInput,
                "the request body is too large",
            ),
            other => error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidInput,
                &format!("the request is not a GraphQL request: {other}"),
            ),
        }
    }
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// The viewer of a token, if it is valid.
async fn authenticate(store: &Store, token: Option<&str>) -> Result<Option<Viewer>, Response> {
    let Some(token) = token else {
        return Ok(None);
    };
    match store.authenticate(token).await {
        Ok(found) => Ok(found.map(|(account, _)| Viewer { account })),
        Err(e) => {
            tracing::error!(error = %e, "authenticating failed");
            Err(error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Internal,
                "authentication is unavailable; try again",
            ))
        }
    }
}

async fn graphql(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Result<GraphQLRequest<Rejection>, Rejection>,
) -> Response {
    let viewer = match authenticate(&state.store, bearer(&headers)).await {
        Ok(Some(v)) => v,
        Ok(None) => {
            state
                .metrics
                .errors
                .get_or_create(&ErrorLabels {
                    code: ErrorCode::Unauthenticated.as_str().into(),
                })
                .inc();
            return error_response(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "authentication required: send 'Authorization: Bearer <token>' with a valid, unexpired token",
            );
        }
        Err(response) => return response,
    };
    let request = match request {
        Ok(r) => r.into_inner(),
        Err(rejection) => return rejection.into_response(),
    };
    let request = request.data(viewer).data(Loaders::new(&state.store));
    let mut response = state.schema.execute(request).await;
    for error in &mut response.errors {
        // Errors raised before any resolver (parse, validation, limits) carry
        // no code: they are the client's input.
        let ext = error.extensions.get_or_insert_with(Default::default);
        if ext.get("code").is_none() {
            ext.set("code", ErrorCode::InvalidInput.as_str());
        }
        let code = match ext.get("code") {
            Some(async_graphql::Value::String(c)) => c.clone(),
            _ => ErrorCode::InvalidInput.as_str().to_owned(),
        };
        state
            .metrics
            .errors
            .get_or_create(&ErrorLabels { code })
            .inc();
    }
    GraphQLResponse::from(response).into_response()
}

async fn subscriptions(
    State(state): State<AppState>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let from_header = match authenticate(&state.store, bearer(&headers)).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let schema = state.schema.clone();
    let store = state.store.clone();
    let metrics = state.metrics.clone();
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            metrics.websockets.inc();
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let mut data = async_graphql::Data::default();
                    data.insert(Loaders::new(&store));
                    let viewer = match from_header {
                        Some(v) => Some(v),
                        None => {
                            let token = ["Authorization", "authorization"]
                                .iter()
                                .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
                                .and_then(|v| v.split_once(' ').map(|(_, t)| t.trim().to_owned()))
                                .or_else(|| payload.get("token").and_then(|v| v.as_str()).map(str::to_owned));
                            match token {
                                Some(t) => store
                                    .authenticate(&t)
                                    .await
                                    .ok()
                                    .flatten()
                                    .map(|(account, _)| Viewer { account }),
                                None => None,
                            }
                        }
                    };
                    match viewer {
                        Some(v) => {
                            data.insert(v);
                            Ok(data)
                        }
                        None => Err(async_graphql::Error::new(
                            "authentication required: send {\"Authorization\": \"Bearer <token>\"} in connection_init",
                        )),
                    }
                })
                .serve()
                .await;
            metrics.websockets.dec();
        })
}

async fn export_partnerships(State(state): State<AppState>, headers: HeaderMap) -> Response {
    export(state, headers, Export::Partnerships, "partnerships.csv").await
}

async fn export_measurements(State(state): State<AppState>, headers: HeaderMap) -> Response {
    export(state, headers, Export::Measurements, "measurements.csv").await
}

/// One CSV line.
fn csv_line<I, T>(fields: I) -> Result<Bytes, std::io::Error>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// Streams a CSV export, with the access rules of the GraphQL queries: an
/// operator exports everything, a city account its city's partnerships only.
/// Rows are read from the database one by one and written as they come.
async fn export(state: AppState, headers: HeaderMap, what: Export, name: &str) -> Response {
    let viewer = match authenticate(&state.store, bearer(&headers)).await {
        Ok(Some(v)) => v,
        Ok(None) => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "authentication required: send 'Authorization: Bearer <token>' with a valid, unexpired token",
            );
        }
        Err(response) => return response,
    };
    let scope = if viewer.is_operator() {
        Scope::All
    } else {
        match viewer.city() {
            Some(c) => Scope::City(c),
            None => {
                return error_response(
                    StatusCode::FORBIDDEN,
                    ErrorCode::Forbidden,
                    "this account belongs to no city",
                );
            }
        }
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(64);
    let store = state.store.clone();
    tokio::spawn(async move {
        if tx.send(csv_line(what.header())).await.is_err() {
            return;
        }
        let mut records = match store.export(what, scope).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "export failed");
                let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                return;
            }
        };
        while let Some(record) = records.next().await {
            let line = match record {
                Ok(fields) => csv_line(&fields),
                Err(e) => {
                    tracing::error!(error = %e, "export failed part-way");
                    Err(std::io::Error::other("export failed"))
                }
            };
            let failed = line.is_err();
            if tx.send(line).await.is_err() || failed {
                return;
            }
        }
    });
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut response =
        Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}
