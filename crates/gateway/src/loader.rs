//! DataLoaders: every nested field that reads the database goes through one,
//! so that a page of partnerships costs a fixed number of statements whatever
//! the number of partnerships, activities or measurements. Loaders are made per
//! request and cache what they loaded for that request only; a listing
//! prefetches what its selection will ask for (see `query.rs`), so the batches
//! do not depend on timing.

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use c2c_domain::kpi::KpiDefinition;
use c2c_domain::standing::Standing;
use c2c_domain::{City, CityId, Partnership, PartnershipId};
use c2c_store::{Store, StoreError, StoredEvent};
use std::collections::HashMap;
use std::sync::Arc;

/// A loader's error: the store's, shared.
pub type LoadError = Arc<StoreError>;

/// Partnership aggregates, all outputs included (22 statements per batch).
pub struct PartnershipLoader(Store);
/// Cities (2 statements per batch).
pub struct CityLoader(Store);
/// Histories (1 statement per batch).
pub struct HistoryLoader(Store);
/// KPI definitions (1 statement per batch).
pub struct KpiLoader(Store);
/// Why partnerships were suspended or terminated (1 statement per batch).
pub struct ReasonLoader(Store);
/// Cities' standings: stakeholders, strategy, commitment (3 statements per batch).
pub struct StandingLoader(Store);

impl Loader<CityId> for StandingLoader {
    type Value = Arc<Standing>;
    type Error = LoadError;

    async fn load(&self, keys: &[CityId]) -> Result<HashMap<CityId, Self::Value>, Self::Error> {
        Ok(self
            .0
            .standings(keys)
            .await?
            .into_iter()
            .map(|(k, v)| (k, Arc::new(v)))
            .collect())
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

impl Loader<CityId> for CityLoader {
    type Value = Arc<City>;
    type Error = LoadError;

    async fn load(&self, keys: &[CityId]) -> Result<HashMap<CityId, Self::Value>, Self::Error> {
        Ok(self
            .0
            .cities_by_id(keys)
            .await?
            .into_iter()
            .map(|c| (c.id, Arc::new(c)))
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

/// The loaders of one request.
pub struct Loaders {
    /// Aggregates.
    pub partnerships: DataLoader<PartnershipLoader, HashMapCache>,
    /// Cities.
    pub cities: DataLoader<CityLoader, HashMapCache>,
    /// Histories.
    pub histories: DataLoader<HistoryLoader, HashMapCache>,
    /// KPI definitions.
    pub kpis: DataLoader<KpiLoader, HashMapCache>,
    /// Status reasons.
    pub reasons: DataLoader<ReasonLoader, HashMapCache>,
    /// Standings.
    pub standings: DataLoader<StandingLoader, HashMapCache>,
}

impl Loaders {
    /// Fresh loaders for a request.
    pub fn new(store: &Store) -> Self {
        let cached = HashMapCache::default;
        Loaders {
            partnerships: DataLoader::with_cache(
                PartnershipLoader(store.clone()),
                tokio::spawn,
                cached(),
            ),
            cities: DataLoader::with_cache(CityLoader(store.clone()), tokio::spawn, cached()),
            histories: DataLoader::with_cache(HistoryLoader(store.clone()), tokio::spawn, cached()),
            kpis: DataLoader::with_cache(KpiLoader(store.clone()), tokio::spawn, cached()),
            reasons: DataLoader::with_cache(ReasonLoader(store.clone()), tokio::spawn, cached()),
            standings: DataLoader::with_cache(
                StandingLoader(store.clone()),
                tokio::spawn,
                cached(),
            ),
        }
    }
}

impl std::fmt::Debug for Loaders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loaders")
    }
}

/// A loader's result as a resolver's: an unexpected store error is logged and
/// becomes `INTERNAL`.
pub fn loaded<T>(r: Result<T, LoadError>) -> crate::error::Result<T> {
    r.map_err(|e| {
        tracing::error!(error = %e, "loading failed");
        crate::error::GatewayError::Internal.into()
    })
}
