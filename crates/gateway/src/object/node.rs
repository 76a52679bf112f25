//! The partnership node and its lookup by identifier with the visibility
//! check. Its fields are in `partnership.rs`; the objects that point to a
//! partnership (an analytics row, a contact's follow-up) name the node from
//! here, without depending on every output's object.

use crate::context::{loaders, viewer};
use crate::error::{GatewayError, Result};
use crate::loader::loaded;
use c2c_domain::partnership::Snapshot;
use c2c_domain::{Partnership, PartnershipId};
use std::sync::Arc;

/// A partnership between two cities (one, at Aim and Commit). It may hold
/// only its row's state (after a move that read no more): the fields of its
/// outputs and standing then read the whole aggregate through the request's
/// loader, so that a client that asks only `{ id status version }` costs no
/// more.
#[derive(Clone, Debug)]
pub struct PartnershipNode {
    data: Arc<Partnership>,
    whole: bool,
}

impl PartnershipNode {
    /// A node over a whole aggregate.
    pub fn whole(p: Arc<Partnership>) -> Self {
        PartnershipNode {
            data: p,
            whole: true,
        }
    }
    /// The node of what a change left.
    pub fn recorded(r: c2c_store::Recorded) -> Self {
        PartnershipNode {
            whole: r.whole,
            data: Arc::new(r.partnership),
        }
    }
    /// The partnership's row: its state, parties, version and dates (its
    /// outputs and standing only through [`PartnershipNode::full`]).
    pub fn p(&self) -> &Snapshot {
        self.data.snapshot()
    }
    /// A node over a partnership's row alone (a listing's).
    pub fn row(p: Arc<Partnership>) -> Self {
        PartnershipNode {
            data: p,
            whole: false,
        }
    }
    /// `f` of the outputs that hold `part`: the node's own when it is
    /// whole, else that part alone, read through the request's loader.
    pub async fn with_part<T>(
        &self,
        ctx: &async_graphql::Context<'_>,
        part: c2c_store::Part,
        f: impl FnOnce(&c2c_domain::outputs::Outputs) -> T,
    ) -> Result<T> {
        if self.whole {
            return Ok(f(self.data.outputs()));
        }
        let key = crate::loader::PartKey(self.data.id(), part);
        let outputs = loaded(loaders(ctx)?.parts.load_one(key).await)?.unwrap_or_default();
        Ok(f(&outputs))
    }
    /// The whole aggregate, read when the node holds only the row.
    pub async fn full(&self, ctx: &async_graphql::Context<'_>) -> Result<Arc<Partnership>> {
        if self.whole {
            return Ok(Arc::clone(&self.data));
        }
        let id = self.data.id();
        loaded(loaders(ctx)?.partnerships.load_one(id).await)?
            .ok_or_else(|| GatewayError::not_found("partnership", id).into())
    }
}

/// A partnership by identifier, if it exists and the viewer may see it:
/// `NOT_FOUND` otherwise (another city's answers as one that does not exist).
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
    Ok(PartnershipNode::whole(p))
}
