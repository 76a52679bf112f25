//! What the analytics queries share: the [`Scope`] of a query, a few
//! expressions, and running a statement. A leaf below the queries.

use crate::Store;
use crate::aggregate::row::{partnership, party_to};
pub(super) use crate::convert::day_of;
use crate::error::Result;
use c2c_domain::CityId;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{ConnectionTrait, QueryResult, StatementBuilder};

/// Whose partnerships a query covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every partnership (operators).
    All,
    /// The partnerships this city is party to.
    City(CityId),
}

impl Scope {
    /// Keeps, in a query that reads the `partnership` table, the
    /// partnerships of the scope.
    pub(super) fn restrict(self, q: &mut SelectStatement) -> &mut SelectStatement {
        if let Scope::City(c) = self {
            q.cond_where(party_to(c));
        }
        q
    }
}

/// A column of the `partnership` table, qualified.
pub(super) fn p(column: partnership::Column) -> Expr {
    Expr::col((partnership::Entity, column))
}

/// `SELECT 1`'s one: what an `EXISTS` subquery selects.
pub(super) fn one() -> Expr {
    Expr::cust("1")
}

/// The first instant of a day.
pub(super) fn start_of(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

impl Store {
    /// Runs a query built with sea-query: one statement, in its turn among
    /// the platform analytics (see [`Store::analytics_turn`]).
    pub(super) async fn rows<S: StatementBuilder>(&self, q: &S) -> Result<Vec<QueryResult>> {
        let _turn = self.analytics_turn().await;
        Ok(self.db().query_all_raw(self.backend().build(q)).await?)
    }
}

/// A page of an analytics list: at most `first` items, after the first
/// `skip` of the list in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// How many items at most.
    pub first: u64,
    /// How many items of the list come before the page.
    pub skip: u64,
}

impl Page {
    /// The first `first` items of a list.
    pub fn first(first: u64) -> Self {
        Page { first, skip: 0 }
    }
}

/// The items of a page, and whether the list goes on after them.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    /// The items, in the list's order.
    pub items: Vec<T>,
    /// Whether more items follow.
    pub more: bool,
}

impl Store {
    /// Runs a list query for one page of it (one statement): the rows of the
    /// page, each read by `item`, and whether more follow.
    pub(super) async fn page<T>(
        &self,
        q: &mut SelectStatement,
        page: Page,
        item: impl Fn(&QueryResult) -> Result<T>,
    ) -> Result<Paged<T>> {
        q.limit(page.first.saturating_add(1)).offset(page.skip);
        let rows = self.rows(q).await?;
        let more = rows.len() as u64 > page.first;
        let items = rows
            .iter()
            .take(usize::try_from(page.first).unwrap_or(usize::MAX))
            .map(item)
            .collect::<Result<_>>()?;
        Ok(Paged { items, more })
    }
}
