//! Mutations, one file per feature, merged into the root: the moves
//! (`partnership.rs`), a city's standing and the directory (`city.rs`), the
//! outputs by step family (`partner.rs`, `plan.rs`, `delivery.rs`,
//! `measure.rs`, `act.rs`, `replicate.rs`), accounts and tokens, KPI
//! definitions. Each change is one store transaction; a refused change
//! writes nothing. The order of the merged objects is the order of the
//! fields in the schema.

mod account;
mod act;
mod city;
mod common;
mod delivery;
mod kpi;
mod measure;
mod partner;
mod partnership;
mod payload;
mod plan;
mod replicate;

use account::AccountMutation;
use act::ActMutation;
use async_graphql::MergedObject;
use city::{CityMutation, StandingMutation};
use delivery::DeliveryMutation;
use kpi::KpiMutation;
use measure::MeasureMutation;
use partner::PartnerMutation;
use partnership::PartnershipMutation;
use plan::PlanMutation;
use replicate::ReplicateMutation;

/// Every change. A refused mutation changes nothing and answers an error whose
/// `extensions` say why: `code` (always: `UNAUTHENTICATED`, `FORBIDDEN`,
/// `NOT_FOUND`, `INVALID_INPUT`, `TRANSITION_BLOCKED`, `VERSION_CONFLICT`,
/// `QUERY_TOO_COSTLY`, `LAGGED` (subscriptions), `TOO_MANY_REQUESTS` (HTTP
/// 429), `UNAVAILABLE` (HTTP 503: the database cannot be reached) or
/// `INTERNAL`), `reason` (beside some codes: `CRITERIA_UNMET`,
/// `MOVE_NOT_ALLOWED`, `PARTNERSHIP_NOT_ACTIVE`, `NOT_PARTY`), `unmet` (a
/// blocked move: a list of `{code, message, fixedBy}`, the
/// criterion, what it lacks in words that name the cities, and the mutations
/// that meet it), `field` (the input field at fault), `expectedVersion` and
/// `actualVersion` (a conflict: reload and try again).
#[derive(MergedObject, Debug, Default)]
pub struct Mutation(
    PartnershipMutation,
    StandingMutation,
    PartnerMutation,
    PlanMutation,
    DeliveryMutation,
    MeasureMutation,
    ActMutation,
    ReplicateMutation,
    CityMutation,
    AccountMutation,
    KpiMutation,
);
