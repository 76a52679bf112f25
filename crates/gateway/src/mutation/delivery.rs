//! Delivery mutations (Do): teams, progress reports and risks of an activity.

use super::common::record;
use super::payload::{self, RecordProgressPayload, RecordRiskPayload, RecordTeamPayload};
use crate::error::Result;
use crate::guard::RoleGuard;
use crate::input::{Given, ProgressInput, RiskInput, TeamInput};
use async_graphql::{Context, Object};
use c2c_domain::Command;
use uuid::Uuid;

/// The delivery of the plan.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct DeliveryMutation;

#[Object(guard = "RoleGuard::Editor")]
impl DeliveryMutation {
    /// Records the editor's city's team for an activity.
    async fn record_team(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: TeamInput,
        expected_version: Option<u64>,
    ) -> Result<RecordTeamPayload> {
        let command = Command::RecordTeam(input.into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordTeamPayload::of(&r, payload::team(&r)?))
    }

    /// Reports progress on an activity (and sets its status).
    async fn record_progress(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ProgressInput,
        expected_version: Option<u64>,
    ) -> Result<RecordProgressPayload> {
        let command = Command::RecordProgress(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordProgressPayload::of(&r, payload::progress(&r)?))
    }

    /// Adds or changes a risk of an activity.
    async fn record_risk(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: RiskInput,
        expected_version: Option<u64>,
    ) -> Result<RecordRiskPayload> {
        let command = Command::RecordRisk(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordRiskPayload::of(&r, payload::risk(&r)?))
    }
}
