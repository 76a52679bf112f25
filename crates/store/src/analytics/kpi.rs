//! `kpiTotals`: count, sum and mean of a KPI's measurements, the latest
//! unsuperseded one of each period counting (a window function).

use super::common::{Page, Paged, Scope, one, p};
use crate::Store;
use crate::aggregate::measure::measurement;
use crate::aggregate::row::partnership;
use crate::cities::city;
use crate::convert::{from_e4, get, money_of};
use crate::error::Result;
use c2c_domain::{CityId, Currency, PartnershipId, Unit};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::sea_query::{
    Asterisk, ColumnRef, CommonTableExpression, Expr, ExprTrait, Func, IntoColumnRef, Order,
    OverStatement, Query, SelectStatement, WindowStatement, WithClause,
};
use sea_orm::{IdenStatic, QueryResult};

/// How to group KPI totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// By reporting city.
    City,
    /// By the reporting city's country.
    Country,
    /// By partnership.
    Partnership,
}

/// A KPI total for one group (and, for money, one currency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiTotal {
    /// The reporting city (grouping by city).
    pub city: Option<CityId>,
    /// The country (grouping by city or country).
    pub country: Option<String>,
    /// The partnership (grouping by partnership).
    pub partnership: Option<PartnershipId>,
    /// The currency, for money.
    pub currency: Option<String>,
    /// Measurements counted.
    pub count: u64,
    /// Their sum (none for text).
    pub sum: Option<Decimal>,
    /// Their mean (none for text).
    pub mean: Option<Decimal>,
}

/// The valid measurements of a KPI whose period lies in `[from, to]`, in
/// scope, each ranked (`rn`) within its period, selection and city, the
/// latest first.
fn valid(scope: Scope, code: &str, from: NaiveDate, to: NaiveDate) -> SelectStatement {
    let m = |column| Expr::col(("m", column));
    let latest = WindowStatement::partition_by(("m", measurement::Column::SelectionId))
        .partition_by(("m", measurement::Column::CityId))
        .partition_by(("m", measurement::Column::PeriodStart))
        .partition_by(("m", measurement::Column::PeriodEnd))
        .order_by(("m", measurement::Column::RecordedAt), Order::Desc)
        .order_by(("m", measurement::Column::Id), Order::Desc)
        .to_owned();
    let superseding = Query::select()
        .expr(one())
        .from_as(measurement::Entity, "s")
        .and_where(
            Expr::col(("s", measurement::Column::SupersedesId))
                .equals(("m", measurement::Column::Id)),
        )
        .to_owned();
    let mut q = Query::select();
    q.column(("m", Asterisk))
        .expr_window_as(Func::cust("ROW_NUMBER"), latest, "rn")
        .from_as(measurement::Entity, "m")
        .inner_join(
            partnership::Entity,
            p(partnership::Column::Id).equals(("m", measurement::Column::PartnershipId)),
        )
        .and_where(m(measurement::Column::KpiCode).eq(code))
        .and_where(m(measurement::Column::PeriodStart).gte(from))
        .and_where(m(measurement::Column::PeriodEnd).lte(to))
        .and_where(Expr::exists(superseding).not());
    scope.restrict(&mut q);
    q
}

/// The columns a grouping selects and groups by.
fn keys(group_by: GroupBy) -> Vec<ColumnRef> {
    let v = |c: measurement::Column| ("v", c).into_column_ref();
    let country = (city::Entity, city::Column::Country).into_column_ref();
    match group_by {
        GroupBy::City => vec![v(measurement::Column::CityId), country],
        GroupBy::Country => vec![country],
        GroupBy::Partnership => vec![v(measurement::Column::PartnershipId)],
    }
}

/// The order of the totals: by country, city or partnership, then currency.
fn order(group_by: GroupBy) -> Vec<ColumnRef> {
    let mut columns = keys(group_by);
    if matches!(group_by, GroupBy::City) {
        columns.reverse();
    }
    columns.push(("v", measurement::Column::Currency).into_column_ref());
    columns
}

/// The totals, by group and currency, of the latest valid measurements.
fn totals(valid: SelectStatement, group_by: GroupBy) -> SelectStatement {
    let v = |column| Expr::col(("v", column));
    let sum = |column| Func::cast_as(Func::sum(v(column)), "BIGINT");
    let currency = ("v", measurement::Column::Currency).into_column_ref();
    let mut group = keys(group_by);
    group.push(currency.clone());
    Query::select()
        .columns(keys(group_by))
        .column(currency)
        .expr_as(Expr::col(Asterisk).count(), "n")
        .expr_as(sum(measurement::Column::ValueCount), "sum_count")
        .expr_as(sum(measurement::Column::ValueE4), "sum_e4")
        .expr_as(sum(measurement::Column::ValueScore), "sum_score")
        .from_as("valid", "v")
        .inner_join(
            city::Entity,
            Expr::col((city::Entity, city::Column::Id)).equals(("v", measurement::Column::CityId)),
        )
        .and_where(Expr::col(("v", "rn")).eq(1))
        .group_by_columns(group)
        .with_cte(
            WithClause::new()
                .cte(
                    CommonTableExpression::new()
                        .query(valid)
                        .table_name("valid")
                        .to_owned(),
                )
                .to_owned(),
        )
        .order_by_columns(order(group_by).into_iter().map(|c| (c, Order::Asc)))
        .to_owned()
}

/// The mean of `n` values summing to `sum`, to at most 6 decimal places;
/// money is shown with its currency's decimal places.
fn mean(sum: Decimal, n: i64, currency: Option<&str>) -> Option<Decimal> {
    (n > 0).then(|| {
        let mut m = sum / Decimal::from(n);
        m.rescale(std::cmp::min(m.scale(), 6));
        let mut m = m.normalize();
        let exponent = currency
            .and_then(|c| Currency::parse(c).ok())
            .and_then(|c| c.exponent())
            .map_or(0, u32::from);
        if m.scale() < exponent {
            m.rescale(exponent);
        }
        m
    })
}

/// A row of the totals, for a KPI of `unit`.
fn total_from(r: &QueryResult, unit: Unit, group_by: GroupBy) -> Result<KpiTotal> {
    let n: i64 = get(r, "n")?;
    let currency: Option<String> = get(r, measurement::Column::Currency.as_str())?;
    let sum = match unit {
        Unit::Count => get::<Option<i64>>(r, "sum_count")?.map(Decimal::from),
        Unit::Score1To5 => get::<Option<i64>>(r, "sum_score")?.map(Decimal::from),
        Unit::Percent => get::<Option<i64>>(r, "sum_e4")?.map(from_e4),
        Unit::Money => match (get::<Option<i64>>(r, "sum_e4")?, currency.as_deref()) {
            (Some(e4), Some(cur)) => Some(money_of(e4, cur)?.amount),
            _ => None,
        },
        Unit::Text => None,
    };
    Ok(KpiTotal {
        city: match group_by {
            GroupBy::City => Some(CityId(get(r, "city_id")?)),
            _ => None,
        },
        country: match group_by {
            GroupBy::Partnership => None,
            _ => Some(get(r, "country")?),
        },
        partnership: match group_by {
            GroupBy::Partnership => Some(PartnershipId(get(r, "partnership_id")?)),
            _ => None,
        },
        mean: sum.and_then(|s| mean(s, n, currency.as_deref())),
        currency,
        count: u64::try_from(n).unwrap_or(0),
        sum,
    })
}

impl Store {
    /// Count, sum and mean of a KPI's measurements whose period lies within
    /// `[from, to]`, grouped, by country, city, partnership and currency, a
    /// page of them (one statement). Only the latest non-superseded
    /// measurement of each period (per selection and reporting city) counts;
    /// money is totalled per currency, never mixed.
    pub async fn kpi_totals(
        &self,
        scope: Scope,
        code: &str,
        (from, to): (NaiveDate, NaiveDate),
        group_by: GroupBy,
        page: Page,
    ) -> Result<Paged<KpiTotal>> {
        let definition = self.kpi_definition(code).await?;
        let mut q = totals(valid(scope, code, from, to), group_by);
        self.page(&mut q, page, |r| total_from(r, definition.unit, group_by))
            .await
    }
}
