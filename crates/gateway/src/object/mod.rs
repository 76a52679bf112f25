//! Output types, written by hand over the domain's types (never derived on a
//! storage row), one file per feature. Nested reads go through the request's
//! loaders.
//!
//! - `narrative.rs`: the narrative as data;
//! - `city.rs`: cities, stakeholders, strategies and commitments;
//! - `account.rs`: `Me`, accounts and tokens; `kpi.rs`: KPI definitions;
//! - `node.rs`: the partnership node and its lookup; `partnership.rs`: its
//!   fields and history; `readiness.rs`: the moves allowed, every unmet
//!   criterion in words that name the cities, and the mutations that meet it;
//! - the outputs by step family: `partner.rs`, `plan.rs`, `delivery.rs`,
//!   `measure.rs`, `act.rs`, `replicate.rs`;
//! - `platform.rs`: analytics rows and partner suggestions.

/// The identifier of a record that the store keys by what it is (one
/// city's approval of a plan version, recorded at an instant) rather than by
/// an id of its own: a name-based UUID (version 5) of that key, the same on
/// every read.
pub(crate) fn derived_id(
    kind: &str,
    city: uuid::Uuid,
    key: &[&dyn std::fmt::Display],
) -> uuid::Uuid {
    let mut name = kind.to_owned();
    for part in key {
        name.push('/');
        name.push_str(&part.to_string());
    }
    uuid::Uuid::new_v5(&city, name.as_bytes())
}

mod account;
mod act;
mod city;
mod delivery;
mod kpi;
mod measure;
mod narrative;
mod node;
mod partner;
mod partnership;
mod plan;
mod platform;
mod readiness;
mod replicate;

pub use account::{Account, IssuedToken, Me, Token};
pub use act::{Adjustment, Approval};
pub use city::{CityNode, Commitment, Stakeholder, Strategy, city};
pub use delivery::{ProgressReport, Risk, Team};
pub use kpi::KpiDefinition;
pub use measure::{
    Evaluation, Feedback, KpiSelection, Measurement, kpi_selections, kpis_part, measurements,
};
pub use narrative::NarrativeNode;
pub use node::{PartnershipNode, partnership};
pub use partner::{
    Agreement, Assessment, Contact, ContactPerson, FirstPriority, Signature, agreements,
};
pub use partner::{ContactPersonChangeNode, UnfollowedNode};
pub use partnership::EventNode;
pub use plan::{Activity, Plan, plan};
pub use platform::{
    ExpiringNode, FunnelRow, KpiTotalNode, OneSidedNode, StalledNode, StepTime, SuggestionNode,
    WithoutPlanNode,
};
pub use readiness::names;
pub use replicate::{ExPost, Lesson};
