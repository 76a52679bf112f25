//! Partnership queries: `partnership`, and `partnerships`, a page at a time,
//! with what the page's selection will ask for loaded in one batch each.

use super::page::{page_cost, size};
use crate::context::{loaders, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::input::{Given, PartnershipFilter};
use crate::loader::{PartKey, ReasonKey, loaded};
use crate::object::{PartnershipNode, partnership};
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, Object};
use c2c_domain::{CityId, Partnership, PartnershipId};
use c2c_store::Part;
use std::sync::Arc;
use uuid::Uuid;

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
        let first = size(first)?;
        let after = after.as_deref().map(cursor).transpose()?;
        let party = if v.is_operator() {
            None
        } else {
            Some(v.city().unwrap_or(CityId(Uuid::nil())))
        };
        let filter =
            c2c_store::PartnershipFilter::from(Given::with(filter.unwrap_or_default(), party));
        // The rows only: what else the selection asks is read by part or
        // whole, a batch for the page, through the request's loaders.
        let (rows, more) = s(store(ctx)?
            .list_partnership_rows(&filter, first, after)
            .await)?;
        let rows: Vec<Arc<Partnership>> = rows.into_iter().map(Arc::new).collect();
        prefetch(ctx, &rows).await?;
        let mut connection = Connection::new(after.is_some(), more);
        for p in rows {
            connection
                .edges
                .push(Edge::new(p.id().0.to_string(), PartnershipNode::row(p)));
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
/// partnerships (cities, histories, status reasons), so that
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
    parts(ctx, page, &node).await?;
    if node.field("statusReason").exists() {
        loaded(
            l.reasons
                .load_many(page.iter().map(|p| ReasonKey(p.id())))
                .await,
        )?;
    }
    Ok(())
}

/// The fields a row-only node answers from its row or its own loaders.
const FROM_ROW: &[&str] = &[
    "__typename",
    "id",
    "initiator",
    "counterpart",
    "originId",
    "step",
    "loop",
    "cycle",
    "status",
    "statusReason",
    "version",
    "startedAt",
    "lastMoveAt",
    "startingNotes",
    "strategyVersion",
    "commitmentVersion",
    "decisionsVersion",
    "history",
    "plan",
    "kpiSelections",
    "measurements",
];

/// Loads, a batch each, the parts of the outputs the page's selection asks
/// (the plan, the KPI selections and their definitions), or the whole
/// aggregates when it asks for more.
async fn parts(
    ctx: &Context<'_>,
    page: &[Arc<Partnership>],
    node: &async_graphql::Lookahead<'_>,
) -> Result<()> {
    let l = loaders(ctx)?;
    let ids = || page.iter().map(|p| p.id());
    let plan = node.field("plan");
    let activity = plan.field("activities");
    let whole = plan.field("approvals").exists()
        || ["teams", "progress", "risks"]
            .iter()
            .any(|f| activity.field(f).exists())
        || node
            .selection_fields()
            .iter()
            .flat_map(|f| f.selection_set())
            .any(|f| !FROM_ROW.contains(&f.name()));
    if whole {
        loaded(l.partnerships.load_many(ids()).await)?;
        return Ok(());
    }
    if plan.exists() {
        loaded(
            l.parts
                .load_many(ids().map(|id| PartKey(id, Part::Plan)))
                .await,
        )?;
    }
    let kpis = node.field("kpiSelections");
    let mut parts = Vec::new();
    if kpis.exists() {
        parts.push(crate::object::kpis_part(&kpis));
    }
    if node.field("measurements").exists() {
        parts.push(Part::Kpis);
    }
    parts.dedup();
    for part in parts {
        let found = loaded(l.parts.load_many(ids().map(|id| PartKey(id, part))).await)?;
        if kpis.field("kpi").exists() {
            let codes: Vec<String> = found
                .values()
                .flat_map(|o| o.selections.iter().map(|s| s.kpi.to_string()))
                .collect();
            if !codes.is_empty() {
                loaded(l.kpis.load_many(codes).await)?;
            }
        }
    }
    Ok(())
}
