//! What the web app's handlers share: the store, and what to call after a
//! change. A leaf: every page module uses it, it uses none of them.

use axum::response::Response;
use c2c_store::{Account, Store};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What the web app's handlers share.
#[derive(Clone)]
pub struct WebState {
    /// The store.
    pub store: Store,
    /// Called after every change, so that live subscribers of the API hear
    /// of it (the gateway's event bus).
    pub on_change: Arc<dyn Fn() + Send + Sync>,
    /// Serves an export (CSV, `.xlsx`) to the signed-in account: the
    /// gateway's, with the API's access rules.
    pub downloads: Downloads,
}

/// (account, file name, query string) → the download.
pub type Downloads = Arc<
    dyn Fn(Account, String, Option<String>) -> Pin<Box<dyn Future<Output = Response> + Send>>
        + Send
        + Sync,
>;

impl std::fmt::Debug for WebState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebState").finish_non_exhaustive()
    }
}

impl WebState {
    /// Tells the rest of the process that something changed.
    pub fn changed(&self) {
        (self.on_change)();
    }
}
