//! The end-to-end suite, one test binary: the real gateway over HTTP and
//! WebSocket, and the real `c2c` binary, on PostgreSQL and on SQLite. This
//! file only declares the modules; the harness is `helpers`, and `flow`
//! drives a partnership through the API for the modules that need one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod helpers;

mod flow;

mod access_matrix;
mod agreements;
mod analytics;
mod bad_input;
mod cost;
mod demo;
mod exports;
mod fuzz;
mod fuzz_gen;
mod graphiql;
mod graphql_http;
mod journey;
mod logs;
mod metrics;
mod operations;
mod outage;
mod page;
mod patterns;
mod readme;
mod restart;
mod statements;
mod storm;
mod subscriptions;
mod tokens;
mod web;
