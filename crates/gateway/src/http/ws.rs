//! GraphQL subscriptions over WebSocket at `/graphql/ws` (`graphql-ws` and
//! the older `graphql-transport-ws`): the token comes in the upgrade's
//! `Authorization` header, or in `connection_init` as
//! `{"Authorization": "Bearer …"}` (or `{"token": "…"}`), as browsers send it;
//! no other scheme. A subscription ends within seconds of its token's
//! revocation or expiry or its account's disabling (`subscription.rs`).

use super::auth::{authenticate, bearer};
use super::media::Media;
use super::state::AppState;
use crate::context::Viewer;
use crate::loader::Loaders;
use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use c2c_store::Store;

/// The token of a `connection_init` payload.
fn token_of(payload: &serde_json::Value) -> Option<String> {
    ["Authorization", "authorization"]
        .iter()
        .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim().to_owned())
        .or_else(|| {
            payload
                .get("token")
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        })
}

/// The viewer of a `connection_init` payload's token.
async fn viewer_of(store: &Store, payload: &serde_json::Value) -> Option<Viewer> {
    let token = token_of(payload)?;
    authenticate(store, Some(&token)).await.ok().flatten()
}

pub(super) async fn subscriptions(
    State(state): State<AppState>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let from_header = match authenticate(&state.store, bearer(&headers)).await {
        Ok(v) => v,
        Err(unavailable) => return unavailable.answer(Media::Json),
    };
    let schema = state.schema.clone();
    let store = state.store.clone();
    let metrics = state.metrics.clone();
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            metrics.websockets.inc();
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let mut data = async_graphql::Data::default();
                    data.insert(Loaders::new(&store));
                    let viewer = match from_header {
                        Some(v) => Some(v),
                        None => viewer_of(&store, &payload).await,
                    };
                    match viewer {
                        Some(v) => {
                            data.insert(v);
                            Ok(data)
                        }
                        None => Err(async_graphql::Error::new(
                            "authentication required: send {\"Authorization\": \"Bearer <token>\"} in connection_init",
                        )),
                    }
                })
                .serve()
                .await;
            metrics.websockets.dec();
        })
        .into_response()
}
