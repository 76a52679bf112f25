//! The store's test suite, one binary. Each test gets a database of its own;
//! the PostgreSQL half needs a server (see `support::postgres_server_url`) and
//! fails, never skips, when there is none.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

mod analytics;
mod suite;
mod support;
