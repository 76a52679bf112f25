//! The `Accept` header read as media ranges with their quality (a leaf,
//! shared by the GraphQL answers and `/metrics`).

use axum::http::{HeaderMap, header};

/// Every media range of the `Accept` headers, lower-cased, with its `q`
/// (1 when absent).
pub fn ranges(headers: &HeaderMap) -> Vec<(String, f32)> {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|range| {
            let mut parts = range.split(';');
            let kind = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .and_then(|(_, q)| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (kind, quality)
        })
        .filter(|(kind, _)| !kind.is_empty())
        .collect()
}
