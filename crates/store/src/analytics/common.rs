//! What the analytics queries share: the [`Scope`] of a query, a few
//! expressions, and running a statement. A leaf below the queries.

use crate::Store;
use crate::aggregate::row::{partnership, party_to};
use crate::error::Result;
use c2c_domain::CityId;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, Func, SelectStatement};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, StatementBuilder};

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

/// The day of a timestamp column (UTC).
pub(super) fn day_of(backend: DbBackend, at: Expr) -> Expr {
    if backend == DbBackend::Postgres {
        Func::cast_as(Expr::cust_with_expr("($1 AT TIME ZONE 'UTC')", at), "DATE").into()
    } else {
        Func::cust("date").arg(at).into()
    }
}

/// The first instant of a day.
pub(super) fn start_of(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

impl Store {
    /// Runs a query built with sea-query: one statement.
    pub(super) async fn rows<S: StatementBuilder>(&self, q: &S) -> Result<Vec<QueryResult>> {
        Ok(self.db().query_all_raw(self.backend().build(q)).await?)
    }
}
