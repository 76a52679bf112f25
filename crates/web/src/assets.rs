//! The stylesheet and the one small script, compiled into the binary and
//! served with a long cache lifetime (their URLs carry the crate version).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");

/// The stylesheet's URL.
pub const CSS_URL: &str = concat!("/assets/app-", env!("CARGO_PKG_VERSION"), ".css");
/// The script's URL.
pub const JS_URL: &str = concat!("/assets/app-", env!("CARGO_PKG_VERSION"), ".js");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    response
}

/// The asset routes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route(
            CSS_URL,
            get(|| async { asset(CSS, "text/css; charset=utf-8") }),
        )
        .route(
            JS_URL,
            get(|| async { asset(JS, "text/javascript; charset=utf-8") }),
        )
}
