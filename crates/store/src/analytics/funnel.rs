//! `stepFunnel`: partnerships counted by step × loop × status, with filters.

use super::common::{Scope, one, p, start_of};
use crate::Store;
use crate::aggregate::row::{partnership, with_area};
use crate::aggregate::tally::funnel_count;
use crate::cities::city;
use crate::convert::{get, parse};
use crate::error::{Result, StoreError};
use c2c_domain::{Area, Loop, Narrative, Status, Step};
use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::{Asterisk, Condition, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ConnectionTrait, EntityTrait};

/// Partnerships counted by step, loop and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelRow {
    /// Step.
    pub step: Step,
    /// Loop.
    pub loop_: Loop,
    /// Status.
    pub status: Status,
    /// How many.
    pub count: u64,
}

/// Filters of the step funnel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FunnelFilter {
    /// Either city in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// This area among the first priorities or activities.
    pub area: Option<Area>,
    /// Started on or after.
    pub started_from: Option<NaiveDate>,
    /// Started on or before.
    pub started_to: Option<NaiveDate>,
}

/// The partnerships with either city in `country`.
fn in_country(country: &str) -> Expr {
    let c = |column| Expr::col((city::Entity, column));
    Expr::exists(
        Query::select()
            .expr(one())
            .from(city::Entity)
            .and_where(c(city::Column::Country).eq(country.trim().to_ascii_uppercase()))
            .cond_where(
                Condition::any()
                    .add(
                        c(city::Column::Id)
                            .equals((partnership::Entity, partnership::Column::InitiatorId)),
                    )
                    .add(
                        c(city::Column::Id)
                            .equals((partnership::Entity, partnership::Column::CounterpartId)),
                    ),
            )
            .to_owned(),
    )
}

/// Partnerships in scope and through the filters, counted by step, loop and
/// status.
fn funnel(scope: Scope, filter: &FunnelFilter) -> SelectStatement {
    let keys = [
        partnership::Column::Step,
        partnership::Column::Loop,
        partnership::Column::Status,
    ]
    .map(|c| (partnership::Entity, c));
    let mut q = Query::select();
    q.columns(keys)
        .expr_as(Expr::col(Asterisk).count(), "n")
        .from(partnership::Entity);
    scope.restrict(&mut q);
    if let Some(country) = &filter.country {
        q.and_where(in_country(country));
    }
    if let Some(area) = filter.area {
        q.cond_where(with_area(area));
    }
    if let Some(from) = filter.started_from {
        q.and_where(p(partnership::Column::StartedAt).gte(start_of(from)));
    }
    if let Some(to) = filter.started_to {
        q.and_where(p(partnership::Column::StartedAt).lt(start_of(to + Duration::days(1))));
    }
    q.group_by_columns(keys);
    q
}

/// Every partnership counted by step, loop and status, from the counts the
/// changes keep (`funnel_count`): the sum of each state's shards.
fn kept() -> SelectStatement {
    use funnel_count::Column as C;
    let keys = [C::Step, C::Loop, C::Status];
    let n = || Expr::cust("CAST(SUM(n) AS BIGINT)");
    Query::select()
        .columns(keys)
        .expr_as(n(), "n")
        .from(funnel_count::Entity)
        .group_by_columns(keys)
        .and_having(n().gt(0))
        .to_owned()
}

impl Store {
    /// Partnerships counted by step × loop × status (one statement). Every
    /// partnership, unfiltered, is read from the counts the changes keep; a
    /// scope or a filter counts the partnerships through it.
    pub async fn step_funnel(&self, scope: Scope, filter: &FunnelFilter) -> Result<Vec<FunnelRow>> {
        let q = if scope == Scope::All && *filter == FunnelFilter::default() {
            kept()
        } else {
            funnel(scope, filter)
        };
        let mut out = Vec::new();
        for r in self.rows(&q).await? {
            out.push(FunnelRow {
                step: parse("step", &get::<String>(&r, "step")?)?,
                loop_: parse("loop", &get::<String>(&r, "loop")?)?,
                status: parse("status", &get::<String>(&r, "status")?)?,
                count: u64::try_from(get::<i64>(&r, "n")?).unwrap_or(0),
            });
        }
        let n = Narrative::standard();
        out.sort_by_key(|r| (n.position(r.step), r.loop_, r.status.code()));
        Ok(out)
    }
}

impl Store {
    /// Counts every partnership again, in one transaction: for partnerships
    /// written outside the store (a bulk load), whose moves it did not count.
    pub async fn recount_funnel(&self) -> Result<()> {
        use funnel_count::Column as C;
        let keys = [
            partnership::Column::Step,
            partnership::Column::Loop,
            partnership::Column::Status,
        ];
        let counted = Query::select()
            .expr(Expr::val(0_i16))
            .columns(keys)
            .expr(Expr::col(Asterisk).count())
            .from(partnership::Entity)
            .group_by_columns(keys)
            .to_owned();
        let insert = Query::insert()
            .into_table(funnel_count::Entity)
            .columns([C::Shard, C::Step, C::Loop, C::Status, C::N])
            .select_from(counted)
            .map_err(|e| StoreError::corrupt(format!("the funnel count: {e}")))?
            .to_owned();
        let mut w = self.begin_write().await?;
        funnel_count::Entity::delete_many().exec(&w.txn).await?;
        w.txn.execute_raw(w.backend.build(&insert)).await?;
        w.wrote()?;
        w.commit().await
    }
}
