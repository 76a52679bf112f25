//! Narrative queries: `narrative`, the engine's steps, criteria, loops and
//! moves as data.

use crate::context::viewer;
use crate::error::Result;
use crate::object::NarrativeNode;
use async_graphql::{Context, Object};
use c2c_domain::Narrative;

/// The narrative the engine runs.
#[derive(Debug, Default)]
pub struct NarrativeQuery;

#[Object]
impl NarrativeQuery {
    /// The narrative the engine runs: steps, exit-criteria codes, loops, moves.
    async fn narrative(&self, ctx: &Context<'_>) -> Result<NarrativeNode> {
        viewer(ctx)?;
        Ok(NarrativeNode(Narrative::standard()))
    }
}
