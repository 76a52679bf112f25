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
pub use city::{CityNode, Commitment, Stakeholder, Strategy};
pub use kpi::KpiDefinition;
pub use narrative::NarrativeNode;
pub use node::{PartnershipNode, partnership};
pub use partner::{ContactPersonChangeNode, UnfollowedNode};
pub use partnership::EventNode;
pub use platform::{
    ExpiringNode, FunnelRow, KpiTotalNode, OneSidedNode, StalledNode, StepTime, SuggestionNode,
    WithoutPlanNode,
};
pub use readiness::names;
