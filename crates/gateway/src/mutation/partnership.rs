//! Partnership mutations: the moves (start, advance, loop back, spawn,
//! suspend, resume, terminate, conclude).

use super::common::{refused, run};
use crate::context::deps;
use crate::error::{Result, store as s};
use crate::guard::{RoleGuard, editor};
use crate::object::PartnershipNode;
use crate::types::{Loop, Step};
use async_graphql::{Context, Object};
use c2c_domain::{CityId, Command, Move, PartnershipId};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The moves.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct PartnershipMutation;

fn mv(m: Move) -> Command {
    Command::Move(m)
}

#[Object(guard = "RoleGuard::Editor")]
impl PartnershipMutation {
    /// Starts a partnership of the editor's city, at `AIM` (loop City
    /// development) or at `PARTNER` (loop New partnership; needs the city's
    /// strategy and commitment to meet the Aim and Commit criteria). `at` dates
    /// a start recorded after the fact.
    async fn start_partnership(
        &self,
        ctx: &Context<'_>,
        at_step: Step,
        counterpart_city_id: Option<Uuid>,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        let actor = editor(ctx)?;
        let d = deps(ctx)?;
        let r = s(d
            .store
            .start(actor, at_step.into(), counterpart_city_id.map(CityId), at)
            .await)?;
        d.bus.poke();
        Ok(PartnershipNode::recorded(r))
    }

    /// Moves a partnership to its next step, if every exit criterion holds.
    async fn advance_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Advance)).await
    }

    /// Closes the current loop and re-enters it in a new cycle.
    async fn loop_back(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        #[graphql(name = "loop")] loop_: Loop,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        let command = mv(Move::LoopBack(loop_.into()));
        run(ctx, id, Some(expected_version), at, command).await
    }

    /// Starts a new partnership of the same city from one at Replicate, with a
    /// new counterpart. Returns the new partnership.
    async fn spawn_partnership(
        &self,
        ctx: &Context<'_>,
        from_id: Uuid,
        counterpart_city_id: Uuid,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let actor = editor(ctx)?;
        let d = deps(ctx)?;
        let spawned = d
            .store
            .spawn(
                actor,
                PartnershipId(from_id),
                expected_version,
                CityId(counterpart_city_id),
            )
            .await;
        let r = match spawned {
            Ok(r) => r,
            Err(e) => return Err(refused(ctx, e).await),
        };
        d.bus.poke();
        Ok(PartnershipNode::recorded(r.child))
    }

    /// Suspends an active partnership, with a reason.
    async fn suspend_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        reason: String,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        let command = mv(Move::Suspend { reason });
        run(ctx, id, Some(expected_version), at, command).await
    }

    /// Resumes a suspended partnership at the same step.
    async fn resume_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Resume)).await
    }

    /// Terminates a partnership, with a reason. Final.
    async fn terminate_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        reason: String,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        let command = mv(Move::Terminate { reason });
        run(ctx, id, Some(expected_version), at, command).await
    }

    /// Concludes a partnership at Replicate, if its criteria hold. Final.
    async fn conclude_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Conclude)).await
    }
}
