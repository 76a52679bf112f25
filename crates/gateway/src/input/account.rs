//! Account inputs: a new account (tokens are issued from arguments).

use crate::types::Role;
use async_graphql::InputObject;
use uuid::Uuid;

/// A new account.
#[derive(InputObject, Clone, Debug)]
pub struct AccountInput {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// City of an editor or viewer.
    pub city_id: Option<Uuid>,
}
