//! Access control and bad input, end to end over real HTTP against the
//! running gateway, on PostgreSQL and on SQLite: who may call which mutation
//! (`matrix`), and how malformed or out-of-range input is answered
//! (`bad_input`). The harness and the `Flow` helper are those of `tests/e2e`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared with `tests/e2e`; this binary uses only part of them.
#[allow(dead_code)]
#[path = "../e2e/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "../e2e/flow.rs"]
mod flow;

mod bad_input;
mod matrix;
