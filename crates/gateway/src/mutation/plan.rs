//! Plan mutations: the cooperation plan's header and its activities (each
//! change a new plan version).

use super::common::record;
use crate::error::Result;
use crate::guard::RoleGuard;
use crate::input::{ActivityInput, Given};
use crate::object::PartnershipNode;
use async_graphql::{Context, Object};
use c2c_domain::Command;
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
    ) -> Result<PartnershipNode> {
        let command = Command::RecordPlan { title, summary };
        record(ctx, partnership_id, expected_version, command).await
    }

    /// Adds or changes an activity of the plan (a new plan version: its
    /// approvals are void until both cities approve again).
    async fn record_activity(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ActivityInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordActivity(Given::new(input).into());
        record(ctx, partnership_id, expected_version, command).await
    }
}
