//! What every part of the loader shares: the deterministic identifiers of
//! demo records, dates as the moments moves happened, the mark every filler
//! carries, and a store lookup that may find nothing.

use anyhow::Result;
use c2c_store::StoreError;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

/// How every filler text starts, so that nobody mistakes it for a fact.
pub const FILLER: &str = "Demo filler, not from the sources:";

/// The namespace of the demo's UUIDs (v5): the same keys give the same
/// identifiers on every run and every database.
const NAMESPACE: Uuid = Uuid::from_u128(0x6c2c_0de3_05ee_4d1a_8a5e_2019_0000_c2c0);

/// The identifier of a demo record: UUID v5 of `"<kind>:<key>"`.
pub fn id(kind: &str, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}

/// A date as the moment a move is recorded to have happened: midnight UTC,
/// never in the future for a date up to today.
pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// The first `max` characters of a text.
pub fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// A store lookup whose "not found" is an answer, not an error.
pub fn not_found<T>(r: c2c_store::Result<T>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
