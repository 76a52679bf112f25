//! Cross-site request forgery: every session holds a random token, every form
//! carries it in a hidden `csrf` field, and every POST to the app is refused
//! unless its form's token is the session's. The check is one middleware in
//! front of all handlers, so no form can forget it.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The session key of the token.
const KEY: &str = "csrf";
/// The name of the form field.
pub const FIELD: &str = "csrf";
/// The largest form the app reads.
pub const FORM_LIMIT: usize = 1 << 20;

/// The session's token, made on first use.
pub async fn token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(KEY).await {
        return t;
    }
    let t = uuid::Uuid::new_v4().simple().to_string() + &uuid::Uuid::new_v4().simple().to_string();
    if let Err(e) = session.insert(KEY, &t).await {
        tracing::warn!(error = %e, "could not keep the form token in the session");
    }
    t
}

/// Forgets the token (at sign-in and sign-out a session starts afresh).
pub async fn renew(session: &Session) {
    let _ = session.remove::<String>(KEY).await;
}

fn equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Refuses a POST whose form does not carry the session's token. Reads the
/// form (up to [`FORM_LIMIT`]) and hands it on untouched.
pub async fn check(session: Session, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let lang = crate::lang::of_headers(request.headers());
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let sent = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v.into_owned());
    let expected = session.get::<String>(KEY).await.ok().flatten();
    match (sent, expected) {
        (Some(s), Some(e)) if equal(&s, &e) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => crate::page::Failure::Expired(lang).into_response(),
    }
}
