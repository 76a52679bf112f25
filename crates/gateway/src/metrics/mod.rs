//! Prometheus metrics, served at `/metrics` in the Prometheus text format
//! (`text/plain; version=0.0.4`) or in OpenMetrics, as the scraper's
//! `Accept` asks.
//!
//! The gateway's own metrics are `c2c_*`: requests by route and status and
//! their latency, GraphQL errors by code, the latency of each GraphQL
//! operation by name, open WebSocket connections, SQL statements run (a
//! counter), the connection pool, and `c2c_build_info`. Beside them are the
//! process metrics (`process_*`, [`process`]).

mod process;
mod store;
mod text;

use c2c_store::Store;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

pub use text::Format;

/// The most GraphQL operation names the latency histogram tells apart;
/// names beyond are counted as `other` (clients choose the names).
pub const MAX_OPERATIONS: usize = 200;

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

/// The labels of a GraphQL operation.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationLabels {
    /// Its name; `anonymous` for an operation without one, `rejected` for a
    /// request that never reached execution, `other` past [`MAX_OPERATIONS`].
    operation: String,
}

/// The labels of the build information.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BuildLabels {
    version: String,
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
    operations: Family<OperationLabels, Histogram>,
    operation_names: Mutex<HashSet<String>>,
    /// WebSocket connections open.
    pub websockets: Gauge,
}

fn latency_buckets() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 14))
}

impl Metrics {
    /// The metrics of a gateway over `store` (its statements and pool are
    /// read at each scrape).
    pub fn new(store: Store) -> Metrics {
        let mut registry = Registry::default();
        registry.register_collector(Box::new(process::ProcessCollector));
        let c2c = registry.sub_registry_with_prefix("c2c");
        let requests = Family::<RequestLabels, Counter>::default();
        let durations = Family::<PathLabels, Histogram>::new_with_constructor(latency_buckets);
        let errors = Family::<ErrorLabels, Counter>::default();
        let operations =
            Family::<OperationLabels, Histogram>::new_with_constructor(latency_buckets);
        let websockets = Gauge::default();
        let build = Family::<BuildLabels, Gauge>::default();
        build
            .get_or_create(&BuildLabels {
                version: env!("CARGO_PKG_VERSION").to_owned(),
            })
            .set(1);
        c2c.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        c2c.register(
            "http_request_duration_seconds",
            "HTTP request durations by route",
            durations.clone(),
        );
        c2c.register(
            "graphql_errors",
            "GraphQL errors by extensions.code",
            errors.clone(),
        );
        c2c.register(
            "graphql_request_duration_seconds",
            "GraphQL request durations by operation name",
            operations.clone(),
        );
        c2c.register(
            "websocket_connections",
            "WebSocket connections open",
            websockets.clone(),
        );
        c2c.register(
            "build_info",
            "The version of c2c that runs (always 1)",
            build,
        );
        c2c.register_collector(Box::new(store::StoreCollector::new(store)));
        Metrics {
            registry,
            requests,
            durations,
            errors,
            operations,
            operation_names: Mutex::new(HashSet::new()),
            websockets,
        }
    }

    /// Counts a GraphQL error of `code`.
    pub fn error(&self, code: &str) {
        self.errors
            .get_or_create(&ErrorLabels {
                code: code.to_owned(),
            })
            .inc();
    }

    /// Times a GraphQL request: `executed` is `None` when it never reached
    /// execution, else the name of the operation that ran.
    pub fn operation_latency(&self, executed: Option<&Option<String>>, elapsed: Duration) {
        let operation = match executed {
            None => "rejected".to_owned(),
            Some(None) => "anonymous".to_owned(),
            Some(Some(name)) => self.known_operation(name),
        };
        self.operations
            .get_or_create(&OperationLabels { operation })
            .observe(elapsed.as_secs_f64());
    }

    /// The label of an operation name: itself among the first
    /// [`MAX_OPERATIONS`] names seen, `other` after.
    fn known_operation(&self, name: &str) -> String {
        let Ok(mut names) = self.operation_names.lock() else {
            return "other".to_owned();
        };
        if names.contains(name) || names.len() < MAX_OPERATIONS {
            names.insert(name.to_owned());
            name.to_owned()
        } else {
            "other".to_owned()
        }
    }

    /// The metrics in `format`.
    pub fn render(&self, format: Format) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            tracing::error!("encoding the metrics failed");
        }
        match format {
            Format::OpenMetrics => out,
            Format::Prometheus => text::prometheus(&out),
        }
    }
}
