//! What the mutations share: running a command on a partnership for the
//! editor's city.

use crate::context::deps;
use crate::error::{GatewayError, Result};
use crate::guard::editor;
use crate::object::{PartnershipNode, names};
use async_graphql::Context;
use c2c_domain::{Command, PartnershipId};
use c2c_store::{Recorded, StoreError};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Runs a command on a partnership for the editor's city (behind
/// `RoleGuard::Editor`), announces the change and returns the partnership
/// after it. `at` dates a move recorded after the fact.
pub async fn run(
    ctx: &Context<'_>,
    id: Uuid,
    expected_version: Option<u64>,
    at: Option<DateTime<Utc>>,
    command: Command,
) -> Result<PartnershipNode> {
    let r = execute(ctx, id, (expected_version, at), command).await?;
    Ok(PartnershipNode::recorded(r))
}

/// Records an output: a command on a partnership, now; what it wrote.
pub async fn record(
    ctx: &Context<'_>,
    id: Uuid,
    expected_version: Option<u64>,
    command: Command,
) -> Result<Recorded> {
    execute(ctx, id, (expected_version, None), command).await
}

/// Executes a command for the editor's city and announces the change.
async fn execute(
    ctx: &Context<'_>,
    id: Uuid,
    (expected_version, at): (Option<u64>, Option<DateTime<Utc>>),
    command: Command,
) -> Result<Recorded> {
    let actor = editor(ctx)?;
    let d = deps(ctx)?;
    let r = d
        .store
        .execute(actor, PartnershipId(id), expected_version, at, command)
        .await;
    match r {
        Ok(r) => {
            d.bus.poke();
            Ok(r)
        }
        Err(e) => Err(refused(ctx, e).await),
    }
}

/// A store error for the client; the unmet criteria of a blocked move name
/// their cities by name.
pub async fn refused(ctx: &Context<'_>, e: StoreError) -> async_graphql::Error {
    let e = GatewayError::from(e);
    match names(ctx, e.cities()).await {
        Ok(names) => e.with_names(names).into(),
        Err(_) => e.into(),
    }
}
