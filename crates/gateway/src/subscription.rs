//! Subscriptions, over WebSocket (`graphql-transport-ws`), fed by the same
//! events the history stores (see `bus.rs`). Each ends with its right: every
//! [`RECHECK`] the token is read again, and once it is revoked or expired, or
//! its account disabled, the subscription sends one error and completes.

use crate::context::{Viewer, deps, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::object::EventNode;
use async_graphql::{Context, Subscription};
use c2c_domain::{CityId, PartnershipId};
use c2c_store::Store;
use futures_util::{Stream, StreamExt};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_stream::wrappers::BroadcastStream;
use uuid::Uuid;

/// The root of every subscription.
#[derive(Debug, Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// Every new event of a partnership the account may see, each once, in
    /// the order of the history. `after` (the `seq` of the last event a
    /// client received) first replays what it missed.
    async fn partnership_events(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        after: Option<i64>,
    ) -> Result<impl Stream<Item = Result<EventNode>>> {
        let v = viewer(ctx)?;
        let id = PartnershipId(partnership_id);
        let st = store(ctx)?;
        let p = s(st.partnership(id).await)?;
        // Another city's partnership answers exactly as one that does not exist.
        if !v.can_see(&p) {
            return Err(GatewayError::not_found("partnership", id).into());
        }
        // Listen first, then replay: what both hold is sent once.
        let rx = deps(ctx)?.bus.subscribe();
        let replay = match after {
            Some(a) => s(st.final_events_of(id.0, a).await)?,
            None => Vec::new(),
        };
        let last = replay.last().map(|e| e.seq).or(after).unwrap_or(i64::MIN);
        let replay =
            futures_util::stream::iter(replay.into_iter().map(|e| Ok(EventNode(Arc::new(e)))));
        let live = BroadcastStream::new(rx).filter_map(move |r| {
            std::future::ready(match r {
                Ok(e) => (e.partnership == Some(id) && e.seq > last).then(|| Ok(EventNode(e))),
                Err(_) => Some(Err(lagged())),
            })
        });
        Ok(while_allowed(st.clone(), v.clone(), replay.chain(live)))
    }

    /// Every new event of a city: its own (strategy, commitment) and those of
    /// the partnerships it is party to. For the city's accounts and operators.
    async fn city_events(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
    ) -> Result<impl Stream<Item = Result<EventNode>>> {
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
        let guard = (st.clone(), v.clone());
        let events = BroadcastStream::new(rx).filter_map(move |r| {
            let st = st.clone();
            let parties = parties.clone();
            async move {
                let e = match r {
                    Ok(e) => e,
                    Err(_) => return Some(Err(lagged())),
                };
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
                keep.then_some(Ok(EventNode(e)))
            }
        });
        Ok(while_allowed(guard.0, guard.1, events))
    }
}

/// How often a subscription reads its token again.
pub const RECHECK: Duration = Duration::from_secs(2);

/// The events, until the viewer's token is revoked or expires or its account
/// is disabled, or the subscriber lags: then one error, and the subscription
/// completes.
fn while_allowed(
    store: Store,
    viewer: Viewer,
    events: impl Stream<Item = Result<EventNode>> + Send + 'static,
) -> impl Stream<Item = Result<EventNode>> {
    let revoked = Arc::new(AtomicBool::new(false));
    let flag = revoked.clone();
    let ended = async move {
        while allowed(&store, &viewer).await {
            tokio::time::sleep(RECHECK).await;
        }
        flag.store(true, Ordering::SeqCst);
    };
    let farewell = futures_util::stream::once(async move {
        revoked
            .load(Ordering::SeqCst)
            .then(|| Err(GatewayError::unauthenticated_now().into()))
    })
    .filter_map(std::future::ready);
    until_error(events.take_until(ended).chain(farewell))
}

/// A stream that ends right after its first error.
fn until_error<T>(
    stream: impl Stream<Item = Result<T>> + Send + 'static,
) -> impl Stream<Item = Result<T>> {
    futures_util::stream::unfold((Box::pin(stream), false), |(mut s, done)| async move {
        if done {
            return None;
        }
        let item = s.next().await?;
        let stop = item.is_err();
        Some((item, (s, stop)))
    })
}

/// The error of a subscriber that fell behind.
fn lagged() -> async_graphql::Error {
    GatewayError::lagged().into()
}

/// Whether the viewer's token and account still hold. A database that does
/// not answer keeps the subscription (its events stop anyway).
async fn allowed(store: &Store, viewer: &Viewer) -> bool {
    let Some(id) = viewer.token_id else {
        return true;
    };
    let token = match store.token(id).await {
        Ok(t) => t,
        Err(e) => return e.code() != c2c_domain::ErrorCode::NotFound,
    };
    let live =
        token.revoked_at.is_none() && token.expires_at.is_none_or(|e| e > chrono::Utc::now());
    let enabled = match store.account(viewer.account.id).await {
        Ok(a) => a.disabled_at.is_none(),
        Err(e) => e.code() != c2c_domain::ErrorCode::NotFound,
    };
    live && enabled
}
