//! The media types of GraphQL answers (GraphQL over HTTP): a client asks
//! with `Accept` for `application/graphql-response+json` or
//! `application/json`; `*/*` and no `Accept` get `application/json`.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use c2c_domain::ErrorCode;
use serde_json::{Value, json};

/// The media type of a GraphQL answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Media {
    /// `application/json`: every well-formed request is answered 200.
    Json,
    /// `application/graphql-response+json`: a request that never reaches
    /// execution (it does not parse or validate, its variables do not
    /// coerce) is answered 400 without `data`.
    GraphqlResponse,
}

/// `application/graphql-response+json`.
pub(crate) const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

impl Media {
    /// The `Content-Type` of an answer.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Media::Json => "application/json; charset=utf-8",
            Media::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
        }
    }

    /// The media type the `Accept` header prefers, `None` when it accepts
    /// neither. An explicit media type outranks a wildcard at the same
    /// quality; a wildcard alone gets `application/json`.
    pub(crate) fn negotiate(headers: &HeaderMap) -> Option<Media> {
        let ranges = crate::accept::ranges(headers);
        if ranges.is_empty() {
            return Some(Media::Json);
        }
        // (quality, explicitly named) for each of ours.
        let mut json: Option<(f32, bool)> = None;
        let mut graphql: Option<(f32, bool)> = None;
        for (kind, quality) in ranges {
            let (explicit_json, explicit_graphql, wildcard) = match kind.as_str() {
                "application/json" => (true, false, false),
                GRAPHQL_RESPONSE => (false, true, false),
                "*/*" | "application/*" => (false, false, true),
                _ => continue,
            };
            let better = |slot: &mut Option<(f32, bool)>, explicit: bool| {
                // The most specific range decides a type's quality.
                match slot {
                    Some((_, true)) if !explicit => {}
                    Some((q, e)) if *e == explicit && *q >= quality => {}
                    _ => *slot = Some((quality, explicit)),
                }
            };
            if explicit_json || wildcard {
                better(&mut json, explicit_json);
            }
            if explicit_graphql || wildcard {
                better(&mut graphql, explicit_graphql);
            }
        }
        let json = json.filter(|(q, _)| *q > 0.0);
        let graphql = graphql.filter(|(q, _)| *q > 0.0);
        match (json, graphql) {
            (None, None) => None,
            (Some(_), None) => Some(Media::Json),
            (None, Some(_)) => Some(Media::GraphqlResponse),
            (Some((jq, _)), Some((gq, g_explicit))) => {
                if gq > jq || (gq == jq && g_explicit) {
                    Some(Media::GraphqlResponse)
                } else {
                    Some(Media::Json)
                }
            }
        }
    }

    /// An answer of this media type.
    pub(crate) fn respond(self, status: StatusCode, body: Vec<u8>) -> Response {
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type()),
        );
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }

    /// A request error: the GraphQL error shape (`errors` with a message
    /// and `extensions.code`), without `data` since nothing ran.
    pub(crate) fn error(self, status: StatusCode, code: ErrorCode, message: &str) -> Response {
        self.respond(status, error_body(code, message).to_string().into_bytes())
    }
}

/// How long a client waits before it tries again while the database cannot
/// be reached, in seconds.
pub(crate) const RETRY_AFTER: &str = "5";

/// A 503 answer with its `Retry-After`.
pub(crate) fn unavailable(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    response
}

/// The body of a request error.
pub(crate) fn error_body(code: ErrorCode, message: &str) -> Value {
    json!({ "errors": [{ "message": message, "extensions": { "code": code.as_str() } }] })
}

#[cfg(test)]
mod tests {
    use crate::http::media::Media;
    use axum::http::{HeaderMap, HeaderValue, header};

    fn with(accept: &str) -> Option<Media> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_str(accept).expect("a header"),
        );
        Media::negotiate(&headers)
    }

    #[test]
    fn a_client_gets_the_media_type_it_prefers_and_json_for_a_wildcard() {
        assert_eq!(Media::negotiate(&HeaderMap::new()), Some(Media::Json));
        assert_eq!(with("*/*"), Some(Media::Json));
        assert_eq!(with("application/json"), Some(Media::Json));
        assert_eq!(
            with("application/graphql-response+json"),
            Some(Media::GraphqlResponse)
        );
        assert_eq!(
            with("application/graphql-response+json, application/json;q=0.9"),
            Some(Media::GraphqlResponse)
        );
        assert_eq!(
            with("application/json, application/graphql-response+json;q=0.5"),
            Some(Media::Json)
        );
        assert_eq!(
            with("text/html, application/graphql-response+json;q=0.9, */*;q=0.8"),
            Some(Media::GraphqlResponse)
        );
        assert_eq!(
            with("text/html,application/xhtml+xml,*/*;q=0.8"),
            Some(Media::Json)
        );
        assert_eq!(with("text/html"), None);
        assert_eq!(with("application/json;q=0"), None);
    }
}
