//! KPI queries: `kpiDefinitions`.

use crate::context::{store, viewer};
use crate::error::{Result, store as s};
use crate::object::KpiDefinition;
use async_graphql::{Context, Object};

/// The KPI catalogue.
#[derive(Debug, Default)]
pub struct KpiQuery;

#[Object]
impl KpiQuery {
    /// The KPI catalogue and the cities' own definitions.
    async fn kpi_definitions(&self, ctx: &Context<'_>) -> Result<Vec<KpiDefinition>> {
        viewer(ctx)?;
        Ok(s(store(ctx)?.kpi_definitions().await)?
            .iter()
            .map(Into::into)
            .collect())
    }
}
