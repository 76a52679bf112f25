//! Accounts and their API tokens (the `me` query and the administration of
//! accounts and tokens).

use super::city::{CityNode, city};
use crate::error::Result;
use crate::types::Role;
use async_graphql::{ComplexObject, Context, SimpleObject};
use c2c_domain::CityId;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Who is asking.
#[derive(SimpleObject, Clone, Debug)]
pub struct Me {
    /// The account.
    pub account: Account,
}

/// An account.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Account {
    /// Identifier.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// City of an editor or viewer.
    pub city_id: Option<Uuid>,
    /// Created at.
    pub created_at: DateTime<Utc>,
    /// Disabled at (its tokens no longer work).
    pub disabled_at: Option<DateTime<Utc>>,
}

#[ComplexObject]
impl Account {
    /// The account's city.
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.city_id {
            Some(c) => city(ctx, CityId(c)).await,
            None => Ok(None),
        }
    }
}

impl From<&c2c_store::Account> for Account {
    fn from(a: &c2c_store::Account) -> Self {
        Account {
            id: a.id.0,
            name: a.name.clone(),
            role: a.role.into(),
            city_id: a.city.map(|c| c.0),
            created_at: a.created_at,
            disabled_at: a.disabled_at,
        }
    }
}

/// An API token (never its secret).
#[derive(SimpleObject, Clone, Debug)]
pub struct Token {
    /// Identifier (to revoke it).
    pub id: Uuid,
    /// Account.
    pub account_id: Uuid,
    /// Label.
    pub label: String,
    /// Issued at.
    pub created_at: DateTime<Utc>,
    /// Expires at.
    pub expires_at: Option<DateTime<Utc>>,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Last used at (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<&c2c_store::Token> for Token {
    fn from(t: &c2c_store::Token) -> Self {
        Token {
            id: t.id,
            account_id: t.account.0,
            label: t.label.clone(),
            created_at: t.created_at,
            expires_at: t.expires_at,
            revoked_at: t.revoked_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// A newly issued token: its secret is shown here once and never again.
#[derive(SimpleObject, Clone, Debug)]
pub struct IssuedToken {
    /// The secret: send it as `Authorization: Bearer <secret>`.
    pub secret: String,
    /// The token.
    pub token: Token,
}
