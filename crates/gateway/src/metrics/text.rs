//! The two exposition formats: OpenMetrics (what prometheus-client writes)
//! and the Prometheus text format 0.0.4 (what `promtool check metrics` reads
//! and most scrapers ask for), which this module derives from the first.

use axum::http::HeaderMap;

/// An exposition format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `text/plain; version=0.0.4`.
    Prometheus,
    /// `application/openmetrics-text; version=1.0.0`.
    OpenMetrics,
}

impl Format {
    /// The format the `Accept` header prefers: OpenMetrics when it ranks
    /// `application/openmetrics-text` above `text/plain`, else Prometheus
    /// text (also for no `Accept`, or `*/*`).
    pub fn negotiate(headers: &HeaderMap) -> Format {
        let mut open_metrics = 0.0_f32;
        let mut plain = 0.0_f32;
        for (kind, quality) in crate::accept::ranges(headers) {
            match kind.as_str() {
                "application/openmetrics-text" => open_metrics = open_metrics.max(quality),
                "text/plain" => plain = plain.max(quality),
                _ => {}
            }
        }
        if open_metrics > plain {
            Format::OpenMetrics
        } else {
            Format::Prometheus
        }
    }

    /// The `Content-Type` of the format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Prometheus => "text/plain; version=0.0.4; charset=utf-8",
            Format::OpenMetrics => "application/openmetrics-text; version=1.0.0; charset=utf-8",
        }
    }
}

/// OpenMetrics text as Prometheus text 0.0.4: a counter's family is named
/// after its samples (`…_total`), an `info` family becomes a gauge named
/// `…_info`, `# UNIT` and `# EOF` go.
pub fn prometheus(open_metrics: &str) -> String {
    let mut out = String::with_capacity(open_metrics.len());
    let mut kinds = std::collections::HashMap::new();
    for line in open_metrics.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ")
            && let Some((name, kind)) = rest.split_once(' ')
        {
            kinds.insert(name.to_owned(), kind.to_owned());
        }
    }
    let renamed = |name: &str| match kinds.get(name).map(String::as_str) {
        Some("counter") => format!("{name}_total"),
        Some("info") => format!("{name}_info"),
        _ => name.to_owned(),
    };
    for line in open_metrics.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let (name, help) = rest.split_once(' ').unwrap_or((rest, ""));
            out.push_str(&format!("# HELP {} {help}\n", renamed(name)));
        } else if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap_or((rest, "untyped"));
            let kind = match kind {
                "info" | "stateset" => "gauge",
                "gaugehistogram" => "histogram",
                "unknown" => "untyped",
                other => other,
            };
            out.push_str(&format!("# TYPE {} {kind}\n", renamed(name)));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::metrics::text::{Format, prometheus};
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn counters_are_named_after_their_samples_in_the_prometheus_format() {
        let om = "# HELP c2c_http_requests HTTP requests.\n# TYPE c2c_http_requests counter\nc2c_http_requests_total{path=\"/\"} 1\n# HELP up Up.\n# TYPE up gauge\nup 1\n# EOF\n";
        assert_eq!(
            prometheus(om),
            "# HELP c2c_http_requests_total HTTP requests.\n# TYPE c2c_http_requests_total counter\nc2c_http_requests_total{path=\"/\"} 1\n# HELP up Up.\n# TYPE up gauge\nup 1\n"
        );
    }

    #[test]
    fn a_scraper_gets_open_metrics_only_when_it_prefers_it() {
        let with = |accept: &str| {
            let mut h = HeaderMap::new();
            h.insert(
                header::ACCEPT,
                HeaderValue::from_str(accept).expect("a header"),
            );
            Format::negotiate(&h)
        };
        assert_eq!(Format::negotiate(&HeaderMap::new()), Format::Prometheus);
        assert_eq!(with("*/*"), Format::Prometheus);
        assert_eq!(with("text/plain;version=0.0.4"), Format::Prometheus);
        assert_eq!(
            with(
                "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
            ),
            Format::OpenMetrics
        );
    }
}
