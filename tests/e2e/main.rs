//! End-to-end tests over real HTTP against the running gateway, on PostgreSQL
//! and on SQLite. One binary, one module per concern.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod analytics;
mod flow;
mod journey;
mod operations;
mod page;
mod readme;
mod subscriptions;
mod support;
