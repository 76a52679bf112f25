//! The domain's test suite, one binary: the exit criteria, the loop table, the
//! properties of the state machine and a full journey.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod agreements;
mod contacts;
mod criteria;
mod cycles;
mod journey;
mod loops;
mod properties;
mod reads;
mod support;
