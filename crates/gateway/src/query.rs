//! Queries: `me`, `narrative`, `city`, `cities`, `partnership`, `partnerships`,
//! `kpiDefinitions`.

use crate::context::{loaders, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::loader::loaded;
use crate::object::*;
use crate::types::{Area, Loop, Status, Step};
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, InputObject, Object};
use c2c_domain::{CityId, Narrative, PartnershipId};
use c2c_store::PartnershipFilter as StoreFilter;
use std::sync::Arc;
use uuid::Uuid;

/// The root of every query.
#[derive(Debug, Default)]
pub struct Query;

/// Who is asking.
#[derive(async_graphql::SimpleObject, Clone, Debug)]
pub struct Me {
    /// The account.
    pub account: Account,
}

/// Which partnerships to list.
#[derive(InputObject, Clone, Debug, Default)]
pub struct PartnershipFilter {
    /// At this step.
    pub step: Option<Step>,
    /// In this loop.
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// With this status.
    pub status: Option<Status>,
    /// With this city as initiator or counterpart.
    pub city_id: Option<Uuid>,
    /// With this cooperation area among its first priorities or activities.
    pub area: Option<Area>,
}

/// The most partnerships one page returns.
pub const MAX_PAGE: i32 = 100;

#[Object]
impl Query {
    /// The authenticated account.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        Ok(Me {
            account: (&viewer(ctx)?.account).into(),
        })
    }

    /// The narrative the engine runs: steps, exit-criteria codes, loops, moves.
    async fn narrative(&self, ctx: &Context<'_>) -> Result<NarrativeNode> {
        viewer(ctx)?;
        Ok(NarrativeNode(Narrative::standard()))
    }

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

    /// A partnership the account may see.
    async fn partnership(&self, ctx: &Context<'_>, id: Uuid) -> Result<PartnershipNode> {
        partnership(ctx, PartnershipId(id)).await
    }

    /// Partnerships the account may see (operators: all; city accounts: their
    /// city's), filtered, oldest first, a page at a time (`first` at most 100).
    async fn partnerships(
        &self,
        ctx: &Context<'_>,
        filter: Option<PartnershipFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, PartnershipNode, EmptyFields, EmptyFields>> {
        let v = viewer(ctx)?;
        let first = first.unwrap_or(20);
        if !(1..=MAX_PAGE).contains(&first) {
            return Err(GatewayError::invalid(
                "first",
                format!("must be between 1 and {MAX_PAGE}"),
            )
            .into());
        }
        let after = match after {
            Some(cursor) => Some(PartnershipId(Uuid::parse_str(&cursor).map_err(|_| {
                GatewayError::invalid("after", "not a cursor of this listing")
            })?)),
            None => None,
        };
        let f = filter.unwrap_or_default();
        let store_filter = StoreFilter {
            step: f.step.map(Into::into),
            loop_: f.loop_.map(Into::into),
            status: f.status.map(Into::into),
            city: f.city_id.map(CityId),
            area: f.area.map(Into::into),
            party: if v.is_operator() {
                None
            } else {
                Some(v.city().unwrap_or(CityId(Uuid::nil())))
            },
        };
        let (ids, more) = s(store(ctx)?
            .list_partnerships(&store_filter, u64::try_from(first).unwrap_or(20), after)
            .await)?;
        let found = loaded(
            loaders(ctx)?
                .partnerships
                .load_many(ids.iter().copied())
                .await,
        )?;
        prefetch(ctx, &found.values().cloned().collect::<Vec<_>>()).await?;
        let mut connection = Connection::new(after.is_some(), more);
        for id in ids {
            if let Some(p) = found.get(&id) {
                connection
                    .edges
                    .push(Edge::new(id.0.to_string(), PartnershipNode(p.clone())));
            }
        }
        Ok(connection)
    }

    /// Analytics: for operators over every partnership, for city accounts over
    /// their city's.
    async fn platform(&self, ctx: &Context<'_>) -> Result<crate::platform::Platform> {
        crate::platform::Platform::of(ctx)
    }

    /// Candidate counterparts for a city's strategy, best first, each with
    /// every part of its score (for the city's own accounts and operators).
    async fn partner_suggestions(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
        #[graphql(default = 10)] first: i32,
    ) -> Result<Vec<crate::platform::SuggestionNode>> {
        crate::platform::suggestions(ctx, city_id, first).await
    }

    /// The KPI catalogue and the cities' own definitions.
    async fn kpi_definitions(&self, ctx: &Context<'_>) -> Result<Vec<KpiDefinition>> {
        viewer(ctx)?;
        Ok(s(store(ctx)?.kpi_definitions().await)?
            .iter()
            .map(Into::into)
            .collect())
    }
}

/// Loads, in one batch each, what the selection of a listing will ask of its
/// partnerships (cities, histories, KPI definitions, status reasons), so that
/// the nested fields find it in the request's loaders.
async fn prefetch(ctx: &Context<'_>, page: &[Arc<c2c_domain::Partnership>]) -> Result<()> {
    let node = ctx.look_ahead().field("edges").field("node");
    let l = loaders(ctx)?;
    let history = node.field("history");
    if node.field("initiator").exists()
        || node.field("counterpart").exists()
        || history.field("city").exists()
    {
        let cities: Vec<CityId> = page.iter().flat_map(|p| p.parties()).collect();
        loaded(l.cities.load_many(cities).await)?;
    }
    if history.exists() {
        loaded(l.histories.load_many(page.iter().map(|p| p.id())).await)?;
    }
    if node.field("kpiSelections").field("kpi").exists() {
        let codes: Vec<String> = page
            .iter()
            .flat_map(|p| p.outputs().selections.iter().map(|s| s.kpi.to_string()))
            .collect();
        if !codes.is_empty() {
            loaded(l.kpis.load_many(codes).await)?;
        }
    }
    if node.field("statusReason").exists() {
        loaded(
            l.reasons
                .load_many(page.iter().map(|p| crate::loader::ReasonKey(p.id())))
                .await,
        )?;
    }
    Ok(())
}
