//! GraphiQL at `/graphiql`, served from the binary: the page, c2c's script
//! (the token entered once, subscriptions over `/graphql/ws`) and the pinned
//! React and GraphiQL builds vendored under `assets/graphiql/` (see its
//! README). Nothing is fetched from another host. The vendored files carry
//! their version in their path and are cached for a year; the page and
//! c2c's own files are revalidated.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An asset: its path under `/graphiql/`, content type, bytes, and whether
/// its path names its version (so it never changes).
struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
    versioned: bool,
}

macro_rules! asset {
    ($path:literal, $type:expr, $versioned:literal) => {
        Asset {
            path: $path,
            content_type: $type,
            bytes: include_bytes!(concat!("../../assets/graphiql/", $path)),
            versioned: $versioned,
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

static ASSETS: [Asset; 6] = [
    asset!("react@18.3.1/react.production.min.js", JS, true),
    asset!("react-dom@18.3.1/react-dom.production.min.js", JS, true),
    asset!("graphiql@3.9.0/graphiql.min.js", JS, true),
    asset!("graphiql@3.9.0/graphiql.min.css", CSS, true),
    asset!("c2c.js", JS, false),
    asset!("c2c.css", CSS, false),
];

const PAGE: &[u8] = include_bytes!("../../assets/graphiql/index.html");

/// The headers of an answer from the binary.
fn served(content_type: &'static str, bytes: &'static [u8], versioned: bool) -> Response {
    let cache = if versioned {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// `/graphiql`.
pub(super) async fn page() -> Response {
    served("text/html; charset=utf-8", PAGE, false)
}

/// `/graphiql/{*asset}`.
pub(super) async fn asset(Path(path): Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.path == path) {
        Some(a) => served(a.content_type, a.bytes, a.versioned),
        None => (StatusCode::NOT_FOUND, "no such GraphiQL asset").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use crate::http::graphiql::{ASSETS, CSS, JS, PAGE};

    /// Every script and stylesheet the page names is served.
    #[test]
    fn the_page_references_only_assets_the_binary_serves() {
        let page = std::str::from_utf8(PAGE).expect("UTF-8");
        let referenced: Vec<&str> = page
            .split("\"/graphiql/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(referenced.len(), ASSETS.len(), "{referenced:?}");
        for path in referenced {
            let asset = ASSETS.iter().find(|a| a.path == path);
            assert!(asset.is_some(), "{path} is not served");
            let expected = if path.ends_with(".css") { CSS } else { JS };
            assert_eq!(asset.map(|a| a.content_type), Some(expected), "{path}");
        }
    }
}
