//! City mutations: the editor's city's standing (strategy and commitment),
//! and the directory (create and describe a city, add a stakeholder). They
//! are two objects because the schema lists them apart.

use crate::context::{deps, store};
use crate::error::{GatewayError, Result, store as s};
use crate::guard::{RoleGuard, editor, operator_or_editor};
use crate::input::{CityInput, CommitmentInput, Given, StakeholderInput, StrategyInput};
use crate::object::{CityNode, Commitment, Stakeholder, Strategy};
use async_graphql::{Context, Object};
use c2c_domain::{CityId, StakeholderId};
use std::sync::Arc;
use uuid::Uuid;

/// A city's standing.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct StandingMutation;

#[Object(guard = "RoleGuard::Editor")]
impl StandingMutation {
    /// Records a new version of the editor's city's strategy (Aim outputs).
    async fn record_strategy(&self, ctx: &Context<'_>, input: StrategyInput) -> Result<Strategy> {
        let actor = editor(ctx)?;
        let d = deps(ctx)?;
        let draft = Given::new(input).into();
        let (strategy, _) = s(d.store.record_strategy(actor, draft).await)?;
        d.bus.poke();
        Ok(Strategy::of(actor.city, &strategy))
    }

    /// Records a new version of the editor's city's commitment (Commit outputs).
    async fn record_commitment(
        &self,
        ctx: &Context<'_>,
        input: CommitmentInput,
    ) -> Result<Commitment> {
        let actor = editor(ctx)?;
        let d = deps(ctx)?;
        let (commitment, _) = s(d.store.record_commitment(actor, input.into()).await)?;
        d.bus.poke();
        Ok(Commitment::of(actor.city, &commitment))
    }
}

/// The directory of cities.
#[derive(Debug, Default)]
pub struct CityMutation;

#[Object]
impl CityMutation {
    /// Creates a city (operators).
    #[graphql(guard = "RoleGuard::Operator")]
    async fn create_city(&self, ctx: &Context<'_>, input: CityInput) -> Result<CityNode> {
        let city = s(store(ctx)?
            .create_city(CityId(Uuid::now_v7()), input.into())
            .await)?;
        Ok(CityNode(Arc::new(city)))
    }

    /// Replaces a city's description: its areas of interest, whether it looks
    /// for a partner, ... (operators, or the city's own editors).
    #[graphql(guard = "RoleGuard::OperatorOrEditor")]
    async fn update_city(&self, ctx: &Context<'_>, id: Uuid, input: CityInput) -> Result<CityNode> {
        if operator_or_editor(ctx)?.is_some_and(|actor| actor.city.0 != id) {
            return Err(GatewayError::forbidden("an editor describes its own city only").into());
        }
        let city = s(store(ctx)?.update_city(CityId(id), input.into()).await)?;
        Ok(CityNode(Arc::new(city)))
    }

    /// Adds a stakeholder to a city (operators, or the city's editors).
    #[graphql(guard = "RoleGuard::OperatorOrEditor")]
    async fn add_stakeholder(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
        input: StakeholderInput,
    ) -> Result<Stakeholder> {
        if operator_or_editor(ctx)?.is_some_and(|actor| actor.city.0 != city_id) {
            return Err(GatewayError::forbidden(
                "an editor adds stakeholders to its own city only",
            )
            .into());
        }
        let st = s(store(ctx)?
            .add_stakeholder(
                StakeholderId(Uuid::now_v7()),
                CityId(city_id),
                &input.name,
                input.sector.into(),
                input.involvement.into(),
            )
            .await)?;
        Ok((&st).into())
    }
}
