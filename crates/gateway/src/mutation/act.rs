//! Act mutations: adjustments, the decisions on them, and each city's
//! political approvals.

use super::common::record;
use super::payload::{self, RecordAdjustmentPayload, RecordApprovalPayload};
use crate::error::Result;
use crate::guard::RoleGuard;
use crate::input::{ApprovalInput, DecisionInput};
use async_graphql::{Context, Object};
use c2c_domain::Command;
use uuid::Uuid;

/// Adjustments and approvals.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct ActMutation;

#[Object(guard = "RoleGuard::Editor")]
impl ActMutation {
    /// Proposes an adjustment.
    async fn record_adjustment(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        proposal: String,
        expected_version: Option<u64>,
    ) -> Result<RecordAdjustmentPayload> {
        let command = Command::ProposeAdjustment {
            id: Uuid::now_v7().into(),
            proposal,
        };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordAdjustmentPayload::of(&r, payload::adjustment(&r)?))
    }

    /// Approves or rejects an adjustment of the current cycle.
    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: DecisionInput,
        expected_version: Option<u64>,
    ) -> Result<RecordAdjustmentPayload> {
        let command = Command::DecideAdjustment(input.into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordAdjustmentPayload::of(&r, payload::adjustment(&r)?))
    }

    /// Records the editor's city's political approval of the current plan
    /// version or decision set.
    async fn record_approval(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ApprovalInput,
        expected_version: Option<u64>,
    ) -> Result<RecordApprovalPayload> {
        let command = Command::Approve(input.into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordApprovalPayload::of(&r, payload::approval(&r)?))
    }
}
