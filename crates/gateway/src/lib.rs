//! `c2c-gateway`: the GraphQL gateway. Not built yet.
