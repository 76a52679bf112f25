//! Prometheus metrics, served at `/metrics` in the text exposition format.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;

/// The labels of an HTTP request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route, e.g. `/graphql`.
    pub path: String,
    /// The response status.
    pub status: u16,
}

/// The labels of a route.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PathLabels {
    /// The route.
    pub path: String,
}

/// The labels of a GraphQL error.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ErrorLabels {
    /// Its `extensions.code`.
    pub code: String,
}

/// The gateway's metrics.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    /// HTTP requests by route and status.
    pub requests: Family<RequestLabels, Counter>,
    /// HTTP request durations by route.
    pub durations: Family<PathLabels, Histogram>,
    /// GraphQL errors by code.
    pub errors: Family<ErrorLabels, Counter>,
    /// SQL statements run by this process (read from the store at scrape).
    pub statements: Gauge<u64, AtomicU64>,
    /// WebSocket connections open.
    pub websockets: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("c2c");
        let requests = Family::<RequestLabels, Counter>::default();
        let durations = Family::<PathLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 14))
        });
        let errors = Family::<ErrorLabels, Counter>::default();
        let statements = Gauge::<u64, AtomicU64>::default();
        let websockets = Gauge::default();
        registry.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request durations by route",
            durations.clone(),
        );
        registry.register(
            "graphql_errors",
            "GraphQL errors by extensions.code",
            errors.clone(),
        );
        registry.register(
            "sql_statements",
            "SQL statements run by this process since it started",
            statements.clone(),
        );
        registry.register(
            "websocket_connections",
            "WebSocket connections open",
            websockets.clone(),
        );
        Metrics {
            registry,
            requests,
            durations,
            errors,
            statements,
            websockets,
        }
    }
}

impl Metrics {
    /// The metrics in the text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if encode(&mut out, &self.registry).is_err() {
            tracing::error!("encoding the metrics failed");
        }
        out
    }
}
