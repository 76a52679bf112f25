//! Platform inputs: the filter of the step funnel, and how to group KPI
//! totals.

use crate::types::Area;
use async_graphql::{Enum, InputObject};
use chrono::NaiveDate;

/// Filters of the step funnel.
#[derive(InputObject, Clone, Debug, Default)]
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

impl From<FunnelFilter> for c2c_store::FunnelFilter {
    fn from(f: FunnelFilter) -> Self {
        c2c_store::FunnelFilter {
            country: f.country,
            area: f.area.map(Into::into),
            started_from: f.started_from,
            started_to: f.started_to,
        }
    }
}

/// How to group KPI totals.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
pub enum KpiGroupBy {
    /// By reporting city.
    City,
    /// By the reporting city's country.
    Country,
    /// By partnership.
    Partnership,
}

impl From<KpiGroupBy> for c2c_store::GroupBy {
    fn from(g: KpiGroupBy) -> Self {
        match g {
            KpiGroupBy::City => c2c_store::GroupBy::City,
            KpiGroupBy::Country => c2c_store::GroupBy::Country,
            KpiGroupBy::Partnership => c2c_store::GroupBy::Partnership,
        }
    }
}
