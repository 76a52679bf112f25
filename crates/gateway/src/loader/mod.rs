//! DataLoaders: every nested field that reads the database goes through one,
//! so that a page of partnerships costs a fixed number of statements whatever
//! the number of partnerships, activities or measurements. Loaders are made per
//! request and cache what they loaded for that request only; a listing
//! prefetches what its selection will ask for (see `query/partnership.rs`), so
//! the batches do not depend on timing.
//!
//! One file per feature: `partnership.rs` (aggregates, parts of their
//! outputs, histories, status reasons), `city.rs` (cities, standings), `kpi.rs` (KPI definitions);
//! `common.rs` holds the error they share.

mod city;
mod common;
mod kpi;
mod partnership;

pub use common::loaded;
pub use partnership::{PartKey, ReasonKey};

use async_graphql::dataloader::{DataLoader, HashMapCache};
use c2c_store::Store;
use city::{CityLoader, StandingLoader};
use kpi::KpiLoader;
use partnership::{HistoryLoader, PartLoader, PartnershipLoader, ReasonLoader};

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
    /// Parts of outputs (a plan, KPI selections).
    pub parts: DataLoader<PartLoader, HashMapCache>,
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
            parts: DataLoader::with_cache(PartLoader(store.clone()), tokio::spawn, cached()),
        }
    }
}

impl std::fmt::Debug for Loaders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loaders")
    }
}
