//! What a resolver knows: the schema's dependencies, and per request the
//! authenticated viewer and the request's data loaders.

use crate::bus::EventBus;
use crate::error::{GatewayError, Result};
use crate::loader::Loaders;
use async_graphql::Context;
use c2c_domain::{CityId, Partnership};
use c2c_store::{Account, Actor, Role, Store};

/// The schema's dependencies.
#[derive(Clone, Debug)]
pub struct Deps {
    /// The store.
    pub store: Store,
    /// The event bus that feeds subscriptions.
    pub bus: EventBus,
}

/// Who is asking: an authenticated account.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The account.
    pub account: Account,
}

impl Viewer {
    /// A platform operator.
    pub fn is_operator(&self) -> bool {
        self.account.role == Role::Operator
    }

    /// The account's city, for editors and viewers.
    pub fn city(&self) -> Option<CityId> {
        self.account.city
    }

    /// Whether the viewer may see a partnership: operators see all, city
    /// accounts those their city is party to.
    pub fn can_see(&self, p: &Partnership) -> bool {
        self.is_operator() || self.city().is_some_and(|c| p.is_party(c))
    }

    /// Whether the viewer may see a city's strategy and commitment.
    pub fn can_see_standing_of(&self, city: CityId) -> bool {
        self.is_operator() || self.city() == Some(city)
    }

    /// The actor for a change of a city's outputs: only editors act, for their
    /// own city. Operators never change a city's outputs.
    pub fn editor(&self) -> Result<Actor> {
        match (self.account.role, self.account.city) {
            (Role::Editor, Some(city)) => Ok(Actor {
                account: self.account.id,
                city,
            }),
            (Role::Operator, _) => {
                Err(GatewayError::forbidden("operators do not change a city's outputs").into())
            }
            _ => Err(GatewayError::forbidden("a viewer account cannot change anything").into()),
        }
    }

    /// Fails unless the viewer is an operator.
    pub fn operator(&self) -> Result<()> {
        if self.is_operator() {
            Ok(())
        } else {
            Err(GatewayError::forbidden("only platform operators can do this").into())
        }
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
