//! The conversions every table family shares: domain enums to and from
//! their code columns, JSON columns, integer widths, amounts in units of
//! 10^-4, and reading a column of a raw query's row. A leaf: it knows no
//! table.

use crate::error::{Result, StoreError};
use c2c_domain::{Currency, Money};
use rust_decimal::Decimal;
use sea_orm::DbBackend;
use sea_orm::QueryResult;
use sea_orm::entity::prelude::Json;
use sea_orm::sea_query::{Expr, Func};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::str::FromStr;

/// The stable code of a domain enum, for a string column.
pub(crate) fn code<T: Into<&'static str>>(value: T) -> String {
    let s: &'static str = value.into();
    s.to_owned()
}

/// The day of a timestamp column (UTC).
pub(crate) fn day_of(backend: DbBackend, at: Expr) -> Expr {
    if backend == DbBackend::Postgres {
        Func::cast_as(Expr::cust_with_expr("($1 AT TIME ZONE 'UTC')", at), "DATE").into()
    } else {
        Func::cust("date").arg(at).into()
    }
}

/// Parses a code column back into a domain enum.
pub(crate) fn parse<T: FromStr>(what: &str, value: &str) -> Result<T> {
    T::from_str(value).map_err(|_| StoreError::corrupt(format!("{what} '{value}'")))
}

/// A JSON column from a domain value.
pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

/// A domain value from a JSON column.
pub(crate) fn from_json<T: DeserializeOwned>(what: &str, value: Json) -> Result<T> {
    serde_json::from_value(value).map_err(|e| StoreError::corrupt(format!("{what}: {e}")))
}

pub(crate) fn u32_of(what: &str, value: i32) -> Result<u32> {
    u32::try_from(value).map_err(|_| StoreError::corrupt(format!("{what} {value}")))
}

pub(crate) fn u64_of(what: &str, value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| StoreError::corrupt(format!("{what} {value}")))
}

pub(crate) fn i32_of(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

pub(crate) fn i64_of(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// An amount in units of 10^-4, as the store keeps money and percentages.
pub(crate) fn to_e4(amount: Decimal) -> Result<i64> {
    let scaled = amount * Decimal::from(10_000);
    if scaled.fract() != Decimal::ZERO {
        return Err(StoreError::Invalid {
            field: "amount".into(),
            message: format!("{amount} has more than 4 decimal places"),
        });
    }
    i64::try_from(scaled.trunc()).map_err(|_| StoreError::Invalid {
        field: "amount".into(),
        message: format!("{amount} is out of range"),
    })
}

/// The amount of a 10^-4 integer, with no trailing zeros.
pub(crate) fn from_e4(value: i64) -> Decimal {
    Decimal::new(value, 4).normalize()
}

/// Money from its stored parts, shown with its currency's decimal places.
pub(crate) fn money_of(value_e4: i64, currency: &str) -> Result<Money> {
    let currency = Currency::parse(currency)
        .map_err(|_| StoreError::corrupt(format!("currency '{currency}'")))?;
    let mut amount = from_e4(value_e4);
    if let Some(exponent) = currency.exponent()
        && amount.scale() < u32::from(exponent)
    {
        amount.rescale(u32::from(exponent));
    }
    Ok(Money { amount, currency })
}

/// A column of a raw query's row.
pub(crate) fn get<T: sea_orm::TryGetable>(row: &QueryResult, col: &str) -> Result<T> {
    row.try_get::<T>("", col)
        .map_err(|e| StoreError::corrupt(format!("analytics column {col}: {e}")))
}
