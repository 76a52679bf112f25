//! Queries, one file per feature, merged into the root: `me` (`account.rs`),
//! `narrative`, `city` and `cities`, `partnership` and `partnerships`,
//! `platform` and `partnerSuggestions`, `kpiDefinitions`. The order of the
//! merged objects is the order of the fields in the schema.

mod account;
mod city;
mod kpi;
mod narrative;
mod page;
mod partnership;
mod platform;

pub use page::MAX_PAGE;

use account::AccountQuery;
use async_graphql::MergedObject;
use city::CityQuery;
use kpi::KpiQuery;
use narrative::NarrativeQuery;
use partnership::PartnershipQuery;
use platform::PlatformQuery;

// The root of every query. (A doc comment here would become the type's
// description in the schema.)
#[derive(MergedObject, Debug, Default)]
pub struct Query(
    AccountQuery,
    NarrativeQuery,
    CityQuery,
    PartnershipQuery,
    PlatformQuery,
    KpiQuery,
);
