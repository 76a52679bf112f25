//! What a resolver knows: the schema's dependencies, and per request the
//! authenticated viewer and the request's data loaders.

use crate::bus::EventBus;
use crate::error::{GatewayError, Result};
use crate::loader::Loaders;
use async_graphql::Context;
use c2c_domain::{CityId, Partnership};
use c2c_store::{Account, Actor, Store};
use chrono::{DateTime, Utc};

/// The schema's dependencies.
#[derive(Clone, Debug)]
pub struct Deps {
    /// The store.
    pub store: Store,
    /// The event bus that feeds subscriptions.
    pub bus: EventBus,
    /// What the platform's operator limits.
    pub limits: Limits,
}

/// What the platform's operator limits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The longest a token minted through the API may live, in days.
    pub token_max_days: u32,
    /// The most requests one account may have running at once.
    pub requests_per_account: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            token_max_days: 365,
            requests_per_account: 8,
        }
    }
}

/// Who is asking: an authenticated account.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The account.
    pub account: Account,
    /// When the token the request came with expires (`None`: never, or the
    /// request came with a browser's session).
    pub token_expires_at: Option<DateTime<Utc>>,
    /// The token the request came with (`None`: a browser's session).
    pub token_id: Option<uuid::Uuid>,
}

impl Viewer {
    /// A platform operator.
    pub fn is_operator(&self) -> bool {
        self.account.is_operator()
    }

    /// The account's city, for editors and viewers.
    pub fn city(&self) -> Option<CityId> {
        self.account.city
    }

    /// Whether the viewer may see a partnership (the store's access rule).
    pub fn can_see(&self, p: &Partnership) -> bool {
        self.account.can_see(p)
    }

    /// Whether the viewer may see a city's strategy and commitment.
    pub fn can_see_standing_of(&self, city: CityId) -> bool {
        self.account.can_see_standing_of(city)
    }

    /// The actor for a change of a city's outputs (the store's access rule).
    pub fn editor(&self) -> Result<Actor> {
        self.account
            .editor()
            .map_err(|e| GatewayError::from(e).into())
    }

    /// Fails unless the viewer is an operator.
    pub fn operator(&self) -> Result<()> {
        self.account
            .operator()
            .map_err(|e| GatewayError::from(e).into())
    }
}

/// The dependencies of the schema.
pub fn deps<'a>(ctx: &Context<'a>) -> Result<&'a Deps> {
    ctx.data::<Deps>().map_err(|_| {
        tracing::error!("the schema was built without its dependencies");
        GatewayError::internal().into()
    })
}

/// The store.
pub fn store<'a>(ctx: &Context<'a>) -> Result<&'a Store> {
    Ok(&deps(ctx)?.store)
}

/// The authenticated viewer, or `UNAUTHENTICATED`.
pub fn viewer<'a>(ctx: &Context<'a>) -> Result<&'a Viewer> {
    ctx.data_opt::<Viewer>()
        .ok_or_else(|| GatewayError::unauthenticated().into())
}

/// The request's data loaders.
pub fn loaders<'a>(ctx: &Context<'a>) -> Result<&'a Loaders> {
    ctx.data::<Loaders>().map_err(|_| {
        tracing::error!("the request was run without its loaders");
        GatewayError::internal().into()
    })
}
