//! The language of a page: the one chosen with the switch in the header (a
//! cookie), else the browser's `Accept-Language`, else English.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_i18n::Lang;
use serde::Deserialize;
use std::convert::Infallible;

/// The cookie that keeps the chosen language.
pub const COOKIE: &str = "c2c_lang";

/// The language for a request's headers.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::from_code(value));
    chosen.unwrap_or_else(|| {
        Lang::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    })
}

/// The language of the request, as an extractor.
#[derive(Debug, Clone, Copy)]
pub struct UiLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for UiLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(UiLang(of_headers(&parts.headers)))
    }
}

/// Where to go back to after a switch.
#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// A path of this app to send a browser back to: never another host.
pub fn local_path(next: Option<&str>) -> &str {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p,
        _ => "/",
    }
}

/// `GET /lang/{code}?next=/path`: keeps the language for a year and goes back.
pub async fn switch(Path(code): Path<String>, Query(next): Query<Next>) -> Response {
    let target = local_path(next.next.as_deref()).to_owned();
    let mut response = Redirect::to(&target).into_response();
    if let Some(lang) = Lang::from_code(&code) {
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}
