//! The partnership node and its lookup by identifier with the visibility
//! check. Its fields are in `partnership.rs`; the objects that point to a
//! partnership (an analytics row, a contact's follow-up) name the node from
//! here, without depending on every output's object.

use crate::context::{loaders, viewer};
use crate::error::{GatewayError, Result};
use crate::loader::loaded;
use c2c_domain::outputs::Outputs;
use c2c_domain::partnership::Snapshot;
use c2c_domain::{Partnership, PartnershipId};
use std::sync::Arc;

/// A partnership between two cities (one, at Aim and Commit).
#[derive(Clone, Debug)]
pub struct PartnershipNode(pub Arc<Partnership>);

impl PartnershipNode {
    /// The partnership's data.
    pub fn p(&self) -> &Snapshot {
        self.0.snapshot()
    }
    /// Its outputs.
    pub fn outputs(&self) -> &Outputs {
        self.0.outputs()
    }
}

/// A partnership by identifier, if it exists and the viewer may see it:
/// `NOT_FOUND` or `FORBIDDEN` otherwise.
pub async fn partnership(
    ctx: &async_graphql::Context<'_>,
    id: PartnershipId,
) -> Result<PartnershipNode> {
    let v = viewer(ctx)?;
    let p = loaded(loaders(ctx)?.partnerships.load_one(id).await)?
        .ok_or_else(|| GatewayError::not_found("partnership", id))?;
    // Another city's partnership answers exactly as one that does not exist.
    if !v.can_see(&p) {
        return Err(GatewayError::not_found("partnership", id).into());
    }
    Ok(PartnershipNode(p))
}
