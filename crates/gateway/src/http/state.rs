//! What the handlers share, and the limit on request bodies.

use super::inflight::InFlight;
use crate::metrics::Metrics;
use crate::{C2cSchema, build_schema};
use c2c_store::Store;
use std::sync::Arc;

/// The largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    /// The schema, with its dependencies.
    pub schema: C2cSchema,
    /// The store.
    pub store: Store,
    /// The metrics.
    pub metrics: Arc<Metrics>,
    /// The requests each account has running.
    pub in_flight: Arc<InFlight>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// The state of a gateway over a store and a bus.
    pub fn new(store: Store, bus: crate::bus::EventBus, limits: crate::context::Limits) -> Self {
        AppState {
            schema: build_schema(crate::context::Deps {
                store: store.clone(),
                bus,
                limits,
            }),
            metrics: Arc::new(Metrics::new(store.clone())),
            in_flight: InFlight::new(limits.requests_per_account),
            store,
        }
    }
}
