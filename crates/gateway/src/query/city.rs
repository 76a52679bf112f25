//! City queries: `city` and `cities`, the directory every account may read.

use crate::context::{loaders, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::loader::loaded;
use crate::object::CityNode;
use async_graphql::{Context, Object};
use c2c_domain::CityId;
use std::sync::Arc;
use uuid::Uuid;

/// The cities.
#[derive(Debug, Default)]
pub struct CityQuery;

#[Object]
impl CityQuery {
    /// A city.
    async fn city(&self, ctx: &Context<'_>, id: Uuid) -> Result<CityNode> {
        viewer(ctx)?;
        let city = loaded(loaders(ctx)?.cities.load_one(CityId(id)).await)?;
        city.map(CityNode)
            .ok_or_else(|| GatewayError::not_found("city", id).into())
    }

    /// Every city, by name (a directory every account may read; strategies and
    /// commitments stay private).
    async fn cities(
        &self,
        ctx: &Context<'_>,
        country: Option<String>,
        looking_for_partner: Option<bool>,
    ) -> Result<Vec<CityNode>> {
        viewer(ctx)?;
        let country = country.map(|c| c.trim().to_ascii_uppercase());
        Ok(s(store(ctx)?.cities().await)?
            .into_iter()
            .filter(|c| country.as_ref().is_none_or(|x| c.country.code() == *x))
            .filter(|c| looking_for_partner.is_none_or(|l| c.looking_for_partner == l))
            .map(|c| CityNode(Arc::new(c)))
            .collect())
    }
}
