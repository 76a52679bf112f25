//! `timeInStep`: days spent in each step, from the history, with window
//! functions (`LEAD` over a partnership's moves, ranks over the stays).

use super::common::{Scope, p};
use crate::Store;
use crate::aggregate::row::partnership;
use crate::convert::{get, parse};
use crate::error::Result;
use crate::events::event;
use c2c_domain::{Narrative, Step};
use chrono::{DateTime, Utc};
use sea_orm::DbBackend;
use sea_orm::sea_query::{
    Asterisk, CommonTableExpression, Expr, ExprTrait, Func, Order, OverStatement, Query,
    SelectStatement, WindowStatement, WithClause,
};

/// Days spent in a step: completed stays, and the stays still open.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTime {
    /// Step.
    pub step: Step,
    /// Stays that ended.
    pub completed: u64,
    /// Their median, in days.
    pub median_days: Option<f64>,
    /// Their 90th percentile (nearest rank), in days.
    pub p90_days: Option<f64>,
    /// Stays still open (partnerships there now).
    pub open: u64,
    /// The median of the open stays' days so far.
    pub open_median_days: Option<f64>,
}

/// The events that enter a step.
const ENTERING: [&str; 3] = ["STARTED", "ADVANCED", "LOOPED_BACK"];

/// The days from `from` to `to`, as a double.
fn days(backend: DbBackend, from: Expr, to: Expr) -> Expr {
    if backend == DbBackend::Postgres {
        Func::cast_as(
            Expr::cust_with_exprs("EXTRACT(EPOCH FROM ($1 - $2))", [to, from])
                .div(Expr::cust("86400.0")),
            "DOUBLE PRECISION",
        )
        .into()
    } else {
        Expr::cust_with_exprs("(julianday(?) - julianday(?))", [to, from])
    }
}

/// Every move of the partnerships in scope up to `now`, with when the next
/// one happened.
fn moves(scope: Scope, now: DateTime<Utc>) -> SelectStatement {
    let e = |column| Expr::col((event::Entity, column));
    let mut q = Query::select();
    q.exprs([
        e(event::Column::PartnershipId),
        e(event::Column::Kind),
        e(event::Column::Step),
        e(event::Column::OccurredAt),
    ])
    .expr_window_as(
        Func::cust("LEAD").arg(e(event::Column::OccurredAt)),
        WindowStatement::partition_by((event::Entity, event::Column::PartnershipId))
            .order_by((event::Entity, event::Column::Seq), Order::Asc)
            .to_owned(),
        "left_at",
    )
    .from(event::Entity)
    .inner_join(
        partnership::Entity,
        p(partnership::Column::Id).equals((event::Entity, event::Column::PartnershipId)),
    )
    .and_where(
        e(event::Column::Kind).is_in(ENTERING.into_iter().chain(["CONCLUDED", "TERMINATED"])),
    )
    .and_where(e(event::Column::OccurredAt).lte(now));
    scope.restrict(&mut q);
    q
}

/// Every stay in a step: open or not, and its days (so far, when open).
fn stays(backend: DbBackend, now: DateTime<Utc>) -> SelectStatement {
    let left = || Expr::col("left_at").is_null();
    Query::select()
        .column("step")
        .expr_as(
            Expr::case(left(), Expr::cust("1")).finally(Expr::cust("0")),
            "open",
        )
        .expr_as(
            Expr::case(
                left(),
                days(backend, Expr::col("occurred_at"), Expr::val(now)),
            )
            .finally(days(
                backend,
                Expr::col("occurred_at"),
                Expr::col("left_at"),
            )),
            "days",
        )
        .from("moves")
        .and_where(Expr::col("kind").is_in(ENTERING))
        .to_owned()
}

/// The stays ranked by days within their step and openness.
fn ranked() -> SelectStatement {
    let within = || {
        WindowStatement::partition_by("step")
            .partition_by("open")
            .to_owned()
    };
    Query::select()
        .columns(["step", "open", "days"])
        .expr_window_as(
            Func::cust("ROW_NUMBER"),
            within().order_by("days", Order::Asc).to_owned(),
            "rn",
        )
        .expr_window_as(Expr::col(Asterisk).count(), within(), "n")
        .from("stays")
        .to_owned()
}

fn cte(name: &'static str, query: SelectStatement) -> CommonTableExpression {
    CommonTableExpression::new()
        .query(query)
        .table_name(name)
        .to_owned()
}

impl Store {
    /// Days spent in each step, from the history: the median and 90th
    /// percentile of the stays that ended, and the stays still open (one
    /// statement). A stay begins with the event that enters the step (start,
    /// advance, loop back) and ends with the next of those or with the
    /// partnership's conclusion or termination; a suspension does not end it.
    /// Only moves up to `now` count: a past `now` shows the stays as they
    /// were then.
    pub async fn time_in_step(&self, scope: Scope, now: DateTime<Utc>) -> Result<Vec<StepTime>> {
        let q = Query::select()
            .columns(["step", "open", "n"])
            .expr_as(
                Expr::cust(
                    "CAST(AVG(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN days END) \
                     AS DOUBLE PRECISION)",
                ),
                "median",
            )
            .expr_as(
                Expr::cust(
                    "CAST(MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN days END) AS DOUBLE PRECISION)",
                ),
                "p90",
            )
            .from("ranked")
            .group_by_columns(["step", "open", "n"])
            .with_cte(
                WithClause::new()
                    .cte(cte("moves", moves(scope, now)))
                    .cte(cte("stays", stays(self.backend(), now)))
                    .cte(cte("ranked", ranked()))
                    .to_owned(),
            )
            .to_owned();
        let mut out: Vec<StepTime> = Narrative::standard()
            .steps
            .iter()
            .map(|d| StepTime {
                step: d.step,
                completed: 0,
                median_days: None,
                p90_days: None,
                open: 0,
                open_median_days: None,
            })
            .collect();
        for r in self.rows(&q).await? {
            let step: Step = parse("step", &get::<String>(&r, "step")?)?;
            let open = get::<i32>(&r, "open")? == 1;
            let count = u64::try_from(get::<i64>(&r, "n")?).unwrap_or(0);
            let median = get::<Option<f64>>(&r, "median")?;
            let p90 = get::<Option<f64>>(&r, "p90")?;
            if let Some(row) = out.iter_mut().find(|x| x.step == step) {
                if open {
                    row.open = count;
                    row.open_median_days = median;
                } else {
                    row.completed = count;
                    row.median_days = median;
                    row.p90_days = p90;
                }
            }
        }
        Ok(out)
    }
}
