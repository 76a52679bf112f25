//! Drives one partnership through its story with the store's own operations:
//! start (or spawn), the sourced records at their stops, fillers where a step
//! must be left and the sources give nothing, the moves dated after the fact,
//! and the final status.
//!
//! Fillers mirror the domain's fixtures (`World::fixes`): for each unmet exit
//! criterion, what a city team would record to meet it. Every filler says so
//! in a text field ("Demo filler, not from the sources: …"). At the last stop
//! nothing is filled in (the partnership shows what blocks it), except what a
//! spawn or a conclusion needs.
//!
//! - `state.rs`: the story being written and the ways to write (a command, a
//!   filler, a dated move);
//! - `drive.rs`: the start, each stop's records, fillers and move, the end;
//! - `at_partner.rs`, `at_plan.rs`, `at_do.rs`, `at_measure.rs`, `at_act.rs`,
//!   `at_replicate.rs`: by step family, the sourced records of the step beside
//!   the fillers that meet its exit criteria. (AIM and COMMIT are the city's
//!   standing, recorded by the seeding before any story; `at_standing.rs`
//!   records it again when a later cycle needs it renewed.)

mod at_act;
mod at_do;
mod at_measure;
mod at_partner;
mod at_plan;
mod at_replicate;
mod at_standing;
mod drive;
mod state;

pub use drive::write;
pub use state::Written;
