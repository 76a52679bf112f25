//! Loaders of partnerships: the aggregates, their histories, and why they
//! were suspended or terminated.

use super::common::LoadError;
use async_graphql::dataloader::Loader;
use c2c_domain::outputs::Outputs;
use c2c_domain::{Partnership, PartnershipId};
use c2c_store::{Part, Store, StoredEvent};
use std::collections::HashMap;
use std::sync::Arc;

/// Partnership aggregates, all outputs included (22 statements per batch).
pub struct PartnershipLoader(pub(super) Store);
/// Histories (1 statement per batch).
pub struct HistoryLoader(pub(super) Store);
/// Why partnerships were suspended or terminated (1 statement per batch).
pub struct ReasonLoader(pub(super) Store);
/// One part of partnerships' outputs (2 statements per batch and part).
pub struct PartLoader(pub(super) Store);

/// A part of a partnership's outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartKey(pub PartnershipId, pub Part);

impl Loader<PartKey> for PartLoader {
    type Value = Arc<Outputs>;
    type Error = LoadError;

    async fn load(&self, keys: &[PartKey]) -> Result<HashMap<PartKey, Self::Value>, Self::Error> {
        let mut out = HashMap::with_capacity(keys.len());
        for part in [Part::Plan, Part::Kpis, Part::LatestKpis] {
            let ids: Vec<PartnershipId> =
                keys.iter().filter(|k| k.1 == part).map(|k| k.0).collect();
            if ids.is_empty() {
                continue;
            }
            for (id, outputs) in self.0.outputs_part(&ids, part).await? {
                out.insert(PartKey(id, part), Arc::new(outputs));
            }
        }
        Ok(out)
    }
}

impl Loader<PartnershipId> for PartnershipLoader {
    type Value = Arc<Partnership>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[PartnershipId],
    ) -> Result<HashMap<PartnershipId, Self::Value>, Self::Error> {
        Ok(self
            .0
            .partnerships_by_id(keys)
            .await?
            .into_iter()
            .map(|p| (p.id(), Arc::new(p)))
            .collect())
    }
}

impl Loader<PartnershipId> for HistoryLoader {
    type Value = Arc<Vec<StoredEvent>>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[PartnershipId],
    ) -> Result<HashMap<PartnershipId, Self::Value>, Self::Error> {
        let mut found = self.0.histories(keys).await?;
        Ok(keys
            .iter()
            .map(|k| (*k, Arc::new(found.remove(k).unwrap_or_default())))
            .collect())
    }
}

/// A reason, keyed by partnership.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReasonKey(pub PartnershipId);

impl Loader<ReasonKey> for ReasonLoader {
    type Value = String;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[ReasonKey],
    ) -> Result<HashMap<ReasonKey, Self::Value>, Self::Error> {
        let ids: Vec<PartnershipId> = keys.iter().map(|k| k.0).collect();
        Ok(self
            .0
            .status_reasons(&ids)
            .await?
            .into_iter()
            .map(|(k, v)| (ReasonKey(k), v))
            .collect())
    }
}
