//! What every loader shares: its error type, and the conversion of a load's
//! result into a resolver's.

use crate::error::GatewayError;
use c2c_store::StoreError;
use std::sync::Arc;

/// A loader's error: the store's, shared.
pub type LoadError = Arc<StoreError>;

/// A loader's result as a resolver's: an unexpected store error is logged and
/// becomes `INTERNAL`.
pub fn loaded<T>(r: Result<T, LoadError>) -> crate::error::Result<T> {
    r.map_err(|e| {
        tracing::error!(error = %e, "loading failed");
        GatewayError::internal().into()
    })
}
