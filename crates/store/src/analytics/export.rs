//! The streamed CSV exports: one row per partnership, or per measurement, in
//! one statement read row by row.

use super::common::{Scope, p};
use crate::Store;
use crate::aggregate::measure::measurement;
use crate::aggregate::row::partnership;
use crate::cities::city;
use crate::convert::{from_e4, get, money_of};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Asterisk, Expr, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{QueryResult, StreamTrait};
use uuid::Uuid;

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// One row per partnership.
    Partnerships,
    /// One row per measurement.
    Measurements,
}

impl Export {
    /// The CSV header.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Export::Partnerships => &[
                "id",
                "initiator_id",
                "initiator",
                "initiator_country",
                "counterpart_id",
                "counterpart",
                "counterpart_country",
                "step",
                "loop",
                "cycle",
                "status",
                "version",
                "started_at",
                "last_move_at",
                "origin_id",
            ],
            Export::Measurements => &[
                "id",
                "partnership_id",
                "kpi_code",
                "unit",
                "city_id",
                "city",
                "period_start",
                "period_end",
                "count",
                "amount",
                "currency",
                "percent",
                "score",
                "text",
                "source",
                "note",
                "supersedes_id",
                "superseded",
                "cycle",
                "recorded_at",
            ],
        }
    }
}

/// A stream of CSV records (fields as text).
pub type Records<'a> =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<Vec<String>>> + Send + 'a>>;

fn text<T: sea_orm::TryGetable + ToString>(row: &QueryResult, col: &str) -> Result<String> {
    Ok(get::<Option<T>>(row, col)?
        .map(|v| v.to_string())
        .unwrap_or_default())
}

/// Every partnership in scope with the names and countries of its cities.
fn partnerships(scope: Scope) -> SelectStatement {
    use partnership::Column as P;
    let city = |alias: &'static str, column: city::Column| Expr::col((alias, column));
    let mut q = Query::select();
    q.exprs([p(P::Id), p(P::InitiatorId)])
        .expr_as(city("i", city::Column::Name), "initiator")
        .expr_as(city("i", city::Column::Country), "initiator_country")
        .expr(p(P::CounterpartId))
        .expr_as(city("c", city::Column::Name), "counterpart")
        .expr_as(city("c", city::Column::Country), "counterpart_country")
        .exprs(
            [
                P::Step,
                P::Loop,
                P::Cycle,
                P::Status,
                P::Version,
                P::StartedAt,
                P::LastMoveAt,
                P::OriginId,
            ]
            .map(p),
        )
        .from(partnership::Entity)
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            city::Entity,
            "i",
            city("i", city::Column::Id).equals((partnership::Entity, P::InitiatorId)),
        )
        .join_as(
            sea_orm::sea_query::JoinType::LeftJoin,
            city::Entity,
            "c",
            city("c", city::Column::Id).equals((partnership::Entity, P::CounterpartId)),
        );
    scope.restrict(&mut q);
    q.order_by((partnership::Entity, P::Id), Order::Asc);
    q
}

/// Every measurement of the partnerships in scope, with its city's name and
/// whether another supersedes it.
fn measurements(scope: Scope) -> SelectStatement {
    use measurement::Column as M;
    let m = |column| Expr::col((measurement::Entity, column));
    let superseding = Query::select()
        .expr(Expr::col(Asterisk).count())
        .from_as(measurement::Entity, "s")
        .and_where(Expr::col(("s", M::SupersedesId)).equals((measurement::Entity, M::Id)))
        .to_owned();
    let mut q = Query::select();
    q.exprs([M::Id, M::PartnershipId, M::KpiCode, M::Unit, M::CityId].map(m))
        .expr_as(Expr::col(("ci", city::Column::Name)), "city")
        .exprs(
            [
                M::PeriodStart,
                M::PeriodEnd,
                M::ValueCount,
                M::ValueE4,
                M::Currency,
                M::ValueScore,
                M::ValueText,
                M::Source,
                M::Note,
                M::SupersedesId,
            ]
            .map(m),
        )
        .expr_as(superseding, "superseded")
        .exprs([M::Cycle, M::RecordedAt].map(m))
        .from(measurement::Entity)
        .inner_join(
            partnership::Entity,
            p(partnership::Column::Id).equals((measurement::Entity, M::PartnershipId)),
        )
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            city::Entity,
            "ci",
            Expr::col(("ci", city::Column::Id)).equals((measurement::Entity, M::CityId)),
        );
    scope.restrict(&mut q);
    q.order_by((measurement::Entity, M::PartnershipId), Order::Asc)
        .order_by((measurement::Entity, M::PeriodStart), Order::Asc)
        .order_by((measurement::Entity, M::Id), Order::Asc);
    q
}

fn partnership_record(r: &QueryResult) -> Result<Vec<String>> {
    Ok(vec![
        text::<Uuid>(r, "id")?,
        text::<Uuid>(r, "initiator_id")?,
        text::<String>(r, "initiator")?,
        text::<String>(r, "initiator_country")?,
        text::<Uuid>(r, "counterpart_id")?,
        text::<String>(r, "counterpart")?,
        text::<String>(r, "counterpart_country")?,
        text::<String>(r, "step")?,
        text::<String>(r, "loop")?,
        text::<i32>(r, "cycle")?,
        text::<String>(r, "status")?,
        text::<i64>(r, "version")?,
        get::<DateTime<Utc>>(r, "started_at")?.to_rfc3339(),
        get::<DateTime<Utc>>(r, "last_move_at")?.to_rfc3339(),
        text::<Uuid>(r, "origin_id")?,
    ])
}

fn measurement_record(r: &QueryResult) -> Result<Vec<String>> {
    let unit: String = get(r, "unit")?;
    let e4: Option<i64> = get(r, "value_e4")?;
    let currency: Option<String> = get(r, "currency")?;
    let amount = match (unit.as_str(), e4, currency.as_deref()) {
        ("MONEY", Some(v), Some(c)) => money_of(v, c)?.amount.to_string(),
        _ => String::new(),
    };
    let percent = match (unit.as_str(), e4) {
        ("PERCENT", Some(v)) => from_e4(v).to_string(),
        _ => String::new(),
    };
    Ok(vec![
        text::<Uuid>(r, "id")?,
        text::<Uuid>(r, "partnership_id")?,
        text::<String>(r, "kpi_code")?,
        unit,
        text::<Uuid>(r, "city_id")?,
        text::<String>(r, "city")?,
        text::<NaiveDate>(r, "period_start")?,
        text::<NaiveDate>(r, "period_end")?,
        text::<i64>(r, "value_count")?,
        amount,
        currency.unwrap_or_default(),
        percent,
        text::<i16>(r, "value_score")?,
        text::<String>(r, "value_text")?,
        text::<String>(r, "source")?,
        text::<String>(r, "note")?,
        text::<Uuid>(r, "supersedes_id")?,
        (get::<i64>(r, "superseded")? > 0).to_string(),
        text::<i32>(r, "cycle")?,
        get::<DateTime<Utc>>(r, "recorded_at")?.to_rfc3339(),
    ])
}

impl Store {
    /// Streams an export: one statement, read row by row (a million rows do
    /// not sit in memory).
    pub async fn export(&self, what: Export, scope: Scope) -> Result<Records<'_>> {
        use futures_util::StreamExt;
        let q = match what {
            Export::Partnerships => partnerships(scope),
            Export::Measurements => measurements(scope),
        };
        let stream = self.db().stream_raw(self.backend().build(&q)).await?;
        Ok(Box::pin(stream.map(move |row| {
            let row = row?;
            match what {
                Export::Partnerships => partnership_record(&row),
                Export::Measurements => measurement_record(&row),
            }
        })))
    }
}
