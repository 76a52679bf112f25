//! Partnership queries: `partnership`, and `partnerships`, a page at a time,
//! with what the page's selection will ask for loaded in one batch each.

use crate::context::{loaders, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::input::{Given, PartnershipFilter};
use crate::loader::{ReasonKey, loaded};
use crate::object::{PartnershipNode, partnership};
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, Object};
use c2c_domain::{CityId, Partnership, PartnershipId};
use std::sync::Arc;
use uuid::Uuid;

/// The most partnerships one page returns.
pub const MAX_PAGE: i32 = 100;

/// The partnerships the account may see.
#[derive(Debug, Default)]
pub struct PartnershipQuery;

#[Object]
impl PartnershipQuery {
    /// A partnership the account may see.
    async fn partnership(&self, ctx: &Context<'_>, id: Uuid) -> Result<PartnershipNode> {
        partnership(ctx, PartnershipId(id)).await
    }

    /// Partnerships the account may see (operators: all; city accounts: their
    /// city's), filtered, oldest first, a page at a time (`first` at most 100).
    /// A page costs its size times its fields in the complexity limit.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
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
        let after = after.as_deref().map(cursor).transpose()?;
        let party = if v.is_operator() {
            None
        } else {
            Some(v.city().unwrap_or(CityId(Uuid::nil())))
        };
        let filter =
            c2c_store::PartnershipFilter::from(Given::with(filter.unwrap_or_default(), party));
        let (ids, more) = s(store(ctx)?
            .list_partnerships(&filter, u64::try_from(first).unwrap_or(20), after)
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
                connection.edges.push(Edge::new(
                    id.0.to_string(),
                    PartnershipNode::whole(p.clone()),
                ));
            }
        }
        Ok(connection)
    }
}

/// The partnership a cursor of the listing names.
fn cursor(after: &str) -> Result<PartnershipId> {
    Uuid::parse_str(after)
        .map(PartnershipId)
        .map_err(|_| GatewayError::invalid("after", "not a cursor of this listing").into())
}

/// Loads, in one batch each, what the selection of a listing will ask of its
/// partnerships (cities, histories, KPI definitions, status reasons), so that
/// the nested fields find it in the request's loaders.
async fn prefetch(ctx: &Context<'_>, page: &[Arc<Partnership>]) -> Result<()> {
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
                .load_many(page.iter().map(|p| ReasonKey(p.id())))
                .await,
        )?;
    }
    Ok(())
}

/// The complexity of a page: its size (`first`, default 20, at most 100)
/// times the fields of one partnership.
fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    let page = first.unwrap_or(20).clamp(1, MAX_PAGE);
    usize::try_from(page)
        .unwrap_or(100)
        .saturating_mul(child_complexity)
}
