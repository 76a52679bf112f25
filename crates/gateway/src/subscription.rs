//! Subscriptions, over WebSocket (`graphql-transport-ws`), fed by the same
//! events the history stores (see `bus.rs`).

use crate::context::{deps, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::object::EventNode;
use async_graphql::{Context, Subscription};
use c2c_domain::{CityId, PartnershipId};
use futures_util::{Stream, StreamExt};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio_stream::wrappers::BroadcastStream;
use uuid::Uuid;

/// The root of every subscription.
#[derive(Debug, Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// Every new event of a partnership the account may see.
    async fn partnership_events(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
    ) -> Result<impl Stream<Item = EventNode>> {
        let v = viewer(ctx)?;
        let id = PartnershipId(partnership_id);
        let p = s(store(ctx)?.partnership(id).await)?;
        if !v.can_see(&p) {
            return Err(GatewayError::forbidden(
                "this partnership is visible to its two cities and to operators only",
            )
            .into());
        }
        let rx = deps(ctx)?.bus.subscribe();
        Ok(BroadcastStream::new(rx).filter_map(move |r| {
            std::future::ready(r.ok().filter(|e| e.partnership == Some(id)).map(EventNode))
        }))
    }

    /// Every new event of a city: its own (strategy, commitment) and those of
    /// the partnerships it is party to. For the city's accounts and operators.
    async fn city_events(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
    ) -> Result<impl Stream<Item = EventNode>> {
        let v = viewer(ctx)?;
        let city = CityId(city_id);
        if !v.is_operator() && v.city() != Some(city) {
            return Err(GatewayError::forbidden(
                "a city's events are visible to that city and to operators only",
            )
            .into());
        }
        s(store(ctx)?.city(city).await)?;
        let st = store(ctx)?.clone();
        let rx = deps(ctx)?.bus.subscribe();
        // Whether the city is party to a partnership, read once per partnership
        // (and again when its counterpart changes).
        let parties: Arc<Mutex<HashMap<PartnershipId, bool>>> = Arc::default();
        Ok(BroadcastStream::new(rx).filter_map(move |r| {
            let st = st.clone();
            let parties = parties.clone();
            async move {
                let e = r.ok()?;
                let keep = match e.partnership {
                    None => e.city == city,
                    Some(p) => {
                        let known = parties.lock().ok().and_then(|m| m.get(&p).copied());
                        match known {
                            Some(k) if e.kind != "COUNTERPART_CHOSEN" => k,
                            _ => {
                                let party = st
                                    .parties(p)
                                    .await
                                    .map(|(i, c)| i == city || c == Some(city))
                                    .unwrap_or(false);
                                if let Ok(mut m) = parties.lock() {
                                    m.insert(p, party);
                                }
                                party
                            }
                        }
                    }
                };
                keep.then_some(EventNode(e))
            }
        }))
    }
}
