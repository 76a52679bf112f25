//! `c2c-domain`: the city-to-city partnership narrative as a pure state machine.
//!
//! The URBAN-EU-CHINA guidebook describes eight steps (Aim → Commit → Partner →
//! Plan → Do → Measure → Act → Replicate) and four loops. This crate makes that
//! narrative executable:
//!
//! - [`narrative`] holds the steps, the loop table and the allowed moves as data
//!   ([`Narrative::standard`]), so that an API can list them;
//! - [`criteria`] holds every exit criterion with its stable code and the check
//!   that decides it;
//! - [`Partnership`] is the aggregate: its state, its outputs, and the two
//!   functions that change it, [`Partnership::decide`] (pure: a command becomes one
//!   [`Event`] or a typed [`DomainError`]) and [`Partnership::apply`];
//! - [`Standing`] is a city's strategy and commitment in force (the Aim and Commit
//!   outputs, which belong to the city rather than to one partnership).
//!
//! Architecture invariant: this crate does no I/O. It knows nothing of
//! databases, HTTP, GraphQL, async runtimes, clocks or random numbers: callers
//! pass the time ([`Ctx::now`]) and the identifiers of new records.

pub mod attention;
pub mod city;
pub mod command;
pub mod criteria;
pub mod criterion;
mod decide;
pub mod error;
pub mod event;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod ids;
pub mod kpi;
pub mod message;
pub mod money;
pub mod narrative;
pub mod outputs;
pub mod partnership;
pub mod snapshot;
pub mod standing;
mod text;
pub mod value;
pub mod vocab;

pub use city::{Area, City, CityDraft, CityLevel, Country, HelixSector, Involvement, Stakeholder};
pub use command::{Command, Ctx, Move, Reads, StartRequest};
pub use criterion::{Criterion, Unmet, Warning, WarningCode};
pub use error::{DomainError, ErrorCode, ErrorReason};
pub use event::{Change, Event};
pub use ids::*;
pub use kpi::{Direction, KpiCode, KpiDefinition, KpiValue, RawValue, Unit};
pub use message::{Arg, Message};
pub use money::{Currency, Money};
pub use narrative::{
    AllowedMove, LoopDef, MoveRule, Narrative, Reentry, StartRule, StepDef, Throughout,
};
pub use partnership::{Partnership, Readiness, Spawned};
pub use snapshot::{Snapshot, State};
pub use standing::{
    CityChange, CityEvent, Commitment, CommitmentDraft, Standing, Strategy, StrategyDraft,
};
pub use vocab::{Loop, MoveKind, Status, Step};
