//! The loader of KPI definitions, by code.

use super::common::LoadError;
use async_graphql::dataloader::Loader;
use c2c_domain::kpi::KpiDefinition;
use c2c_store::Store;
use std::collections::HashMap;
use std::sync::Arc;

/// KPI definitions (1 statement per batch).
pub struct KpiLoader(pub(super) Store);

impl Loader<String> for KpiLoader {
    type Value = Arc<KpiDefinition>;
    type Error = LoadError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Self::Value>, Self::Error> {
        Ok(self
            .0
            .kpi_definitions()
            .await?
            .into_iter()
            .filter(|d| keys.iter().any(|k| k == d.code.as_str()))
            .map(|d| (d.code.to_string(), Arc::new(d)))
            .collect())
    }
}
