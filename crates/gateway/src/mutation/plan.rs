//! Plan mutations: the cooperation plan's header and its activities (each
//! change a new plan version).

use super::common::record;
use super::payload::{self, RecordActivityPayload, RecordPlanPayload};
use crate::error::{GatewayError, Result};
use crate::guard::RoleGuard;
use crate::input::{ActivityChanges, ActivityInput, Given};
use crate::object::partnership;
use async_graphql::{Context, Object};
use c2c_domain::{Command, PartnershipId};
use uuid::Uuid;

/// The plan.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct PlanMutation;

#[Object(guard = "RoleGuard::Editor")]
impl PlanMutation {
    /// Creates the cooperation plan or changes its title and summary (a new
    /// plan version).
    async fn record_plan(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        title: String,
        #[graphql(default)] summary: String,
        expected_version: Option<u64>,
    ) -> Result<RecordPlanPayload> {
        let command = Command::RecordPlan { title, summary };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordPlanPayload::of(&r, payload::plan_of(&r)?))
    }

    /// Adds or changes an activity of the plan (a new plan version: its
    /// approvals are void until both cities approve again).
    async fn record_activity(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ActivityInput,
        expected_version: Option<u64>,
    ) -> Result<RecordActivityPayload> {
        let command = Command::RecordActivity(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordActivityPayload::of(&r, payload::activity(&r)?))
    }

    /// Changes some fields of an activity: those left out keep their value
    /// (a new plan version: its approvals are void until both cities
    /// approve again). Without `expectedVersion`, the change applies to the
    /// version it was read from.
    async fn update_activity(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        id: Uuid,
        changes: ActivityChanges,
        expected_version: Option<u64>,
    ) -> Result<RecordActivityPayload> {
        let p = partnership(ctx, PartnershipId(partnership_id))
            .await?
            .full(ctx)
            .await?;
        let plan = p.outputs().plan.as_ref();
        let Some(activity) = plan.and_then(|x| x.activities.iter().find(|a| a.plan.id.0 == id))
        else {
            return Err(GatewayError::not_found("activity", id).into());
        };
        let command = Command::RecordActivity(changes.applied_to(&activity.plan));
        let version = expected_version.or(Some(p.version()));
        let r = record(ctx, partnership_id, version, command).await?;
        Ok(RecordActivityPayload::of(&r, payload::activity(&r)?))
    }
}
