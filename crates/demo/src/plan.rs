//! The story of one partnership as a walk: the cycles it goes through, the
//! steps it stops at, the date of every move, and the stop at which each
//! sourced record is written. Pure: no I/O, no clock (today is a parameter).
//!
//! # Where a partnership starts
//!
//! - Without loop-backs, the data's `loop` says it: `CITY_DEVELOPMENT` starts
//!   at AIM, `NEW_PARTNERSHIP` at PARTNER (targets AIM and COMMIT are always
//!   `CITY_DEVELOPMENT`).
//! - With loop-backs, the first cycle starts at AIM when the first loop-back
//!   is `CITY_DEVELOPMENT` (the city *re*visits a strategy it set when the
//!   partnership began), and at PARTNER otherwise.
//! - A spin-off starts at PARTNER by a spawn from its origin.
//!
//! # Dates (moves are recorded after the fact, never in the future)
//!
//! - The start S: `relations_since`, else the earliest dated record of the
//!   partnership (or of its spin-offs), else the adoption of the initiator's
//!   strategy, else 1 January 2019 (the year of the guidebook the data
//!   restates). A spin-off starts when it is spawned: at its own S, but not
//!   before its origin's last move.
//! - The end E: the latest dated record (signatures, contacts and follow-ups,
//!   assessments, activity starts, the due date of completed or cancelled
//!   activities, measurement periods, `status_on`), at most today; an origin's
//!   story ends when its first spin-off starts.
//! - Anchors: the first exit from PARTNER is on the signing of the earliest
//!   agreement in force then (`PARTNER_AGREEMENT` checks it); loop-backs fall
//!   on the signing of the renewals (`renewal_of`), the last loop-back on the
//!   last renewal, and a `CITY_DEVELOPMENT` loop-back on the adoption of the
//!   initiator's strategy when that lies within the story; a suspension,
//!   termination or conclusion is at `status_on` (else at E).
//! - Every other move is spread evenly between the anchors around it (the
//!   last move before E strictly before it), and the dates are made
//!   non-decreasing. From the PARTNER exit on, a move that finds no agreement
//!   in force (`AGREEMENT_IN_FORCE`) is pushed to the next signing of one
//!   within the story; when there is none, the walk is *held*: it stops at
//!   that step, which is completed but not left (the rules stop it there).
//! - Sourced outputs keep their own dates; fillers are dated with the step
//!   they belong to (the day the partnership leaves it, or entered it). A
//!   dated agreement is written at the stop left on or after its signing, so
//!   that it is recorded before the first move that relies on it.

mod dates;
mod items;
mod route;
mod stops;
#[cfg(test)]
mod tests;

pub use dates::own_start;
pub use items::items;
pub use route::walk;
pub use stops::{Finish, Item, Leave, Stop, Walk};
