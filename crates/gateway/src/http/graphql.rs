//! `/graphql` as GraphQL over HTTP says: `POST` with an `application/json`
//! body (any other content type, or none, is 415), `GET` with the parameters
//! in the query string for queries only (a mutation is 405 with `Allow:
//! POST`), the answer in the media type the client accepts (see
//! [`Media`]). Parameters that are not a GraphQL request (a body that is not
//! a JSON object, a `query` that is not a string, `variables` that are not
//! an object…) are 400 whatever the media type.

use super::auth::required;
use super::inflight::Admitted;
use super::media::Media;
use super::state::AppState;
use crate::context::Viewer;
use crate::loader::Loaders;
use crate::metrics::ErrorLabels;
use crate::progress::{Progress, selected};
use async_graphql::parser::types::OperationType;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::ErrorCode;
use serde_json::{Map, Value};
use std::time::Instant;

/// The parameters of a GraphQL request.
#[derive(Debug)]
struct Params {
    query: String,
    operation_name: Option<String>,
    variables: Option<Map<String, Value>>,
    extensions: Option<Map<String, Value>>,
}

impl Params {
    /// The parameters of a JSON object, or why they are not a request.
    fn from_map(mut map: Map<String, Value>) -> Result<Params, String> {
        let query = match map.remove("query") {
            Some(Value::String(q)) => q,
            None | Some(Value::Null) => {
                return Err("the request has no \"query\": send {\"query\": \"{ … }\"}".to_owned());
            }
            Some(_) => return Err("\"query\" must be a string".to_owned()),
        };
        let operation_name = match map.remove("operationName") {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(name),
            Some(_) => return Err("\"operationName\" must be a string".to_owned()),
        };
        Ok(Params {
            query,
            operation_name,
            variables: object(map.remove("variables"), "variables")?,
            extensions: object(map.remove("extensions"), "extensions")?,
        })
    }

    /// The parameters of a `POST` body.
    fn from_body(body: &[u8]) -> Result<Params, String> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(
                "the request body is empty: send a JSON object such as {\"query\": \"{ … }\"}"
                    .to_owned(),
            );
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => Params::from_map(map),
            Ok(_) => Err(
                "the request body must be a JSON object such as {\"query\": \"{ … }\"}".to_owned(),
            ),
            Err(e) => Err(format!("the request body is not JSON: {e}")),
        }
    }

    /// The parameters of a `GET` query string (`variables` and `extensions`
    /// as JSON text).
    fn from_uri(uri: &Uri) -> Result<Params, String> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| format!("the query string cannot be read: {e}"))?;
        let mut map = Map::new();
        for (key, value) in pairs {
            let value = match key.as_str() {
                "variables" | "extensions" => serde_json::from_str(&value)
                    .map_err(|e| format!("\"{key}\" must be a JSON object: {e}"))?,
                _ => Value::String(value),
            };
            map.insert(key, value);
        }
        Params::from_map(map)
    }
}

/// A parameter that must be a JSON object when present.
fn object(value: Option<Value>, name: &str) -> Result<Option<Map<String, Value>>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(_) => Err(format!("\"{name}\" must be a JSON object")),
    }
}

/// The answer to an `Accept` header that allows neither media type.
fn not_acceptable() -> Response {
    Media::Json.error(
        StatusCode::NOT_ACCEPTABLE,
        ErrorCode::InvalidInput,
        "the Accept header allows neither application/graphql-response+json nor application/json",
    )
}

/// The viewer of the request's token, admitted among its account's requests
/// running, or the 401, 429 (counted) or 503 answer.
async fn viewer(
    state: &AppState,
    headers: &HeaderMap,
    media: Media,
) -> Result<(Viewer, Admitted), Response> {
    let viewer = required(&state.store, headers, media).await;
    if viewer
        .as_ref()
        .is_err_and(|r| r.status() == StatusCode::UNAUTHORIZED)
    {
        state.metrics.error(ErrorCode::Unauthenticated.as_str());
    }
    let viewer = viewer?;
    let Some(admitted) = state.in_flight.admit(viewer.account.id) else {
        state.metrics.error(ErrorCode::TooManyRequests.as_str());
        return Err(too_many(media, state.in_flight.limit()));
    };
    Ok((viewer, admitted))
}

/// The answer to a request over its account's limit.
fn too_many(media: Media, limit: usize) -> Response {
    let mut refusal = media.error(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::TooManyRequests,
        &format!(
            "this account already has {limit} requests running: nothing was done; send this one when one of them has finished"
        ),
    );
    refusal
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    refusal
}

/// `POST /graphql`.
pub(super) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let Some(media) = Media::negotiate(&headers) else {
        return not_acceptable();
    };
    let (viewer, _admitted) = match viewer(&state, &headers, media).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Some(refusal) = unsupported_content_type(&headers, media) {
        return refusal;
    }
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return media.error(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::InvalidInput,
                &format!(
                    "the request body is larger than the limit of {} bytes",
                    super::state::BODY_LIMIT
                ),
            );
        }
        Err(e) => return media.error(e.status(), ErrorCode::InvalidInput, &e.body_text()),
    };
    match Params::from_body(&body) {
        Ok(params) => run(&state, viewer, media, params, started).await,
        Err(message) => bad_request(&state, media, &message),
    }
}

/// `GET /graphql`: queries from the query string. A browser that asks for
/// the bare URL is sent to GraphiQL.
pub(super) async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Response {
    let started = Instant::now();
    if uri.query().is_none_or(str::is_empty) && wants_html(&headers) {
        return Redirect::to("/graphiql").into_response();
    }
    let Some(media) = Media::negotiate(&headers) else {
        return not_acceptable();
    };
    let (viewer, _admitted) = match viewer(&state, &headers, media).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let params = match Params::from_uri(&uri) {
        Ok(p) => p,
        Err(message) => return bad_request(&state, media, &message),
    };
    if let Some(kind) = not_a_query(&params) {
        state.metrics.error(ErrorCode::InvalidInput.as_str());
        let mut refusal = media.error(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::InvalidInput,
            &format!("a {kind} is not run over GET: send it with POST"),
        );
        refusal
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return refusal;
    }
    run(&state, viewer, media, params, started).await
}

/// Whether the client is a browser asking for a page.
fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The kind of operation the request would run, when it is not a query. A
/// document that does not parse is left to execution, which reports it.
fn not_a_query(params: &Params) -> Option<&'static str> {
    let document = async_graphql::parser::parse_query(&params.query).ok()?;
    let operation = selected(&document, params.operation_name.as_deref())?;
    match operation.node.ty {
        OperationType::Query => None,
        OperationType::Mutation => Some("mutation"),
        OperationType::Subscription => Some("subscription"),
    }
}

/// A `POST` whose body is not declared JSON: 415.
fn unsupported_content_type(headers: &HeaderMap, media: Media) -> Option<Response> {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut parts = declared.split(';');
    let essence = parts.next().unwrap_or("").trim();
    let utf8 = parts
        .filter_map(|p| p.split_once('='))
        .filter(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .all(|(_, v)| v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8"));
    if essence.eq_ignore_ascii_case("application/json") && utf8 {
        return None;
    }
    let message = if declared.is_empty() {
        "the request has no Content-Type: send the body as application/json".to_owned()
    } else {
        format!("the request body is {declared}: send it as application/json (UTF-8)")
    };
    let mut refusal = media.error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::InvalidInput,
        &message,
    );
    refusal
        .headers_mut()
        .insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    Some(refusal)
}

/// Parameters that are not a GraphQL request: 400.
fn bad_request(state: &AppState, media: Media, message: &str) -> Response {
    state.metrics.error(ErrorCode::InvalidInput.as_str());
    media.error(StatusCode::BAD_REQUEST, ErrorCode::InvalidInput, message)
}

/// Runs a well-formed request and answers with its result: 200, or 400
/// without `data` for a request error under `application/graphql-response+json`.
async fn run(
    state: &AppState,
    viewer: Viewer,
    media: Media,
    params: Params,
    started: Instant,
) -> Response {
    let progress = Progress::new(params.operation_name.clone());
    let request = serde_json::json!({
        "query": params.query,
        "operationName": params.operation_name,
        "variables": params.variables.unwrap_or_default(),
        "extensions": params.extensions.unwrap_or_default(),
    });
    let request = match serde_json::from_value::<async_graphql::Request>(request) {
        Ok(r) => r,
        Err(e) => return bad_request(state, media, &format!("the request cannot be read: {e}")),
    };
    let request = request
        .data(viewer)
        .data(Loaders::new(&state.store))
        .data(progress.clone());
    let Ok(mut response) = tokio::time::timeout(DEADLINE, state.schema.execute(request)).await
    else {
        state.metrics.error(ErrorCode::QueryTooCostly.as_str());
        let message = format!(
            "the request ran past its deadline of {} s: ask for a smaller page or fewer fields",
            DEADLINE.as_secs()
        );
        return media.error(StatusCode::OK, ErrorCode::QueryTooCostly, &message);
    };
    let mut unavailable = false;
    for error in &mut response.errors {
        // Errors raised before any resolver (parse, validation) carry no
        // code: they are the client's input, or, for the limits of depth and
        // complexity, a query that asks too much.
        let costly = error.message.contains("too complex") || error.message.contains("too deep");
        let ext = error.extensions.get_or_insert_with(Default::default);
        if ext.get("code").is_none() {
            let code = if costly {
                ErrorCode::QueryTooCostly
            } else {
                ErrorCode::InvalidInput
            };
            ext.set("code", code.as_str());
        }
        let code = match ext.get("code") {
            Some(async_graphql::Value::String(c)) => c.clone(),
            _ => ErrorCode::InvalidInput.as_str().to_owned(),
        };
        unavailable |= code == ErrorCode::Unavailable.as_str();
        state
            .metrics
            .errors
            .get_or_create(&ErrorLabels { code })
            .inc();
    }
    let executed = progress.executed();
    state
        .metrics
        .operation_latency(executed.as_ref(), started.elapsed());
    let mut body = match serde_json::to_value(&response) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "serialising a response failed");
            return media.error(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error (request logged)",
            );
        }
    };
    let status = if executed.is_some() {
        StatusCode::OK
    } else {
        // Nothing ran: no `data` entry.
        if let Some(map) = body.as_object_mut() {
            map.remove("data");
        }
        match media {
            Media::Json => StatusCode::OK,
            Media::GraphqlResponse => StatusCode::BAD_REQUEST,
        }
    };
    let body = body.to_string().into_bytes();
    if body.len() > MAX_ANSWER {
        state.metrics.error(ErrorCode::QueryTooCostly.as_str());
        let message = format!(
            "the answer is {} MB, more than the {} MB a request may get: ask for a smaller page or fewer fields",
            body.len() / 1_000_000,
            MAX_ANSWER / 1_000_000
        );
        return media.error(StatusCode::OK, ErrorCode::QueryTooCostly, &message);
    }
    if unavailable {
        // The same outage answers the same way, whatever the request.
        return super::media::unavailable(media.respond(status, body));
    }
    media.respond(status, body)
}

/// The longest a request may run.
pub const DEADLINE: std::time::Duration = std::time::Duration::from_secs(15);

/// The largest answer a request may get, in bytes.
pub const MAX_ANSWER: usize = 8_000_000;
