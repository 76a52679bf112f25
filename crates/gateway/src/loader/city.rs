//! Loaders of cities and of their standings (stakeholders, strategy and
//! commitment in force).

use super::common::LoadError;
use async_graphql::dataloader::Loader;
use c2c_domain::standing::Standing;
use c2c_domain::{City, CityId};
use c2c_store::Store;
use std::collections::HashMap;
use std::sync::Arc;

/// Cities (2 statements per batch).
pub struct CityLoader(pub(super) Store);
/// Cities' standings: stakeholders, strategy, commitment (3 statements per batch).
pub struct StandingLoader(pub(super) Store);

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
