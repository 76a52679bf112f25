//! `c2c-gateway`: the GraphQL gateway. It enforces the narrative over HTTP:
//! transitions, the joint sign-offs of both cities, access control and KPI
//! capture, on top of `c2c-store`.
//!
//! The schema (`build_schema`) knows nothing of HTTP; `http/` serves it with
//! axum (GraphQL over HTTP, GraphiQL, health, metrics, exports); `app.rs`
//! binds a socket and runs until told to stop.
//!
//! Architecture invariant: the gateway decides nothing about the narrative.
//! It parses input, checks who may ask (`context.rs`, `guard.rs`), calls the
//! store, and maps errors to codes (`error.rs`). Business rules live in `c2c-domain`;
//! SQL lives in `c2c-store`.

mod accept;
mod admission;
mod app;
mod bus;
mod coerce;
mod context;
mod cost;
mod error;
mod guard;
mod http;
mod input;
mod loader;
mod metrics;
mod mutation;
mod object;
mod progress;
mod query;
mod subscription;
mod types;
mod words;

pub use app::{Application, Config, StartError};
pub use bus::EventBus;
pub use context::{Deps, Limits, Viewer};
pub use error::GatewayError;
pub use http::export;
pub use http::{AppState, BODY_LIMIT, router};
pub use query::MAX_PAGE;

use async_graphql::{Schema, SchemaBuilder};

/// The schema's type.
pub type C2cSchema = Schema<query::Query, mutation::Mutation, subscription::Subscription>;

/// The deepest a query may nest.
pub const MAX_DEPTH: usize = 12;
/// The most fields a query may select, all levels counted, a list of
/// partnerships counting its page (`first`) times its fields.
pub const MAX_COMPLEXITY: usize = 5_000;

fn builder() -> SchemaBuilder<query::Query, mutation::Mutation, subscription::Subscription> {
    Schema::build(
        query::Query::default(),
        mutation::Mutation::default(),
        subscription::Subscription,
    )
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .limit_recursive_depth(64)
    .limit_directives(16)
    .extension(progress::Phases)
    .extension(admission::Turns::default())
}

/// The schema, with its dependencies.
pub fn build_schema(deps: Deps) -> C2cSchema {
    builder().data(deps).finish()
}

/// The schema without dependencies: enough to print its SDL.
pub fn build_schema_bare() -> C2cSchema {
    builder().finish()
}

/// The schema in SDL, as `schema.graphql` holds it.
pub fn sdl() -> String {
    build_schema_bare().sdl()
}

#[cfg(test)]
mod tests {
    /// `schema.graphql` at the repository root is the schema the code builds.
    /// `UPDATE_SCHEMA=1 cargo test -p c2c-gateway` rewrites it.
    #[test]
    fn schema_graphql_matches_the_code() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema.graphql");
        let sdl = super::sdl();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &sdl).expect("write schema.graphql");
        }
        let file = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            file == sdl,
            "schema.graphql differs from the schema the code builds; run `UPDATE_SCHEMA=1 cargo test -p c2c-gateway` and commit the file"
        );
    }
}
