//! KPI mutations: defining a KPI.

use crate::context::store;
use crate::error::{GatewayError, Result, store as s};
use crate::guard::{RoleGuard, operator_or_editor};
use crate::input::{Given, KpiDefinitionInput};
use crate::object::KpiDefinition;
use async_graphql::{Context, Object};
use c2c_domain::KpiDefinition as DomainKpi;

/// KPI definitions.
#[derive(Debug, Default)]
pub struct KpiMutation;

#[Object]
impl KpiMutation {
    /// Defines a KPI: operators for every city, editors for their own city.
    #[graphql(guard = "RoleGuard::OperatorOrEditor")]
    async fn define_kpi(
        &self,
        ctx: &Context<'_>,
        input: KpiDefinitionInput,
    ) -> Result<KpiDefinition> {
        let owner = operator_or_editor(ctx)?.map(|actor| actor.city);
        let definition =
            DomainKpi::try_from(Given::with(input, owner)).map_err(GatewayError::from)?;
        let d = s(store(ctx)?.define_kpi(definition).await)?;
        Ok((&d).into())
    }
}
