//! Subscriptions over WebSocket (`graphql-transport-ws`).
//!
//! On PostgreSQL, a second gateway runs as a separate process (the real `c2c`
//! binary): a subscriber connected to it receives the event of a move made
//! through the first one. On SQLite (one process by design) the subscriber and
//! the move share the gateway.

use crate::flow::Flow;
use crate::helpers::{Backend, TestApp, c2c, listening_address};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens a `graphql-transport-ws` connection with a token and subscribes.
pub(crate) async fn subscribe(address: &str, token: &str, query: &str, variables: Value) -> Socket {
    let url = format!("{}/graphql/ws", address.replacen("http", "ws", 1));
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static("graphql-transport-ws"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    socket.send(Message::text(init.to_string())).await.unwrap();
    let ack = next_message(&mut socket).await;
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": query, "variables": variables } });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .unwrap();
    socket
}

async fn next_message(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(15), socket.next())
            .await
            .expect("a message within 15 s")
            .expect("the socket stays open")
            .expect("a readable message");
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(text.as_str()).unwrap();
            if value["type"] != "ping" && value["type"] != "pong" {
                return value;
            }
        }
    }
}

/// Waits for a `next` message whose event has `kind`.
async fn event_of_kind(socket: &mut Socket, field: &str, kind: &str) -> Value {
    loop {
        let m = next_message(socket).await;
        assert_ne!(m["type"], "error", "{m}");
        if m["type"] == "next" && m["payload"]["data"][field]["kind"] == kind {
            return m["payload"]["data"][field].clone();
        }
    }
}

/// Starts the real `c2c` binary on the database and returns its address.
pub(crate) async fn another_process(database_url: &str) -> (tokio::process::Child, String) {
    let mut child = c2c()
        .args(["serve", "--listen", "127.0.0.1:0", "--no-migrate"])
        .env("DATABASE_URL", database_url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start c2c serve");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("c2c serve starts within 30 s")
        .unwrap()
        .expect("a first line");
    let address = listening_address(&line).unwrap_or_else(|| panic!("no address in '{line}'"));
    // What it writes next is read (and dropped), so that it never blocks on a
    // full pipe.
    tokio::spawn(async move {
        while let Ok(Some(line)) = lines.next_line().await {
            if std::env::var_os("C2C_TEST_CHILD_LOGS").is_some() {
                eprintln!("[c2c serve] {line}");
            }
        }
    });
    (child, address)
}

const EVENTS: &str = "subscription($id: UUID!) { partnershipEvents(partnershipId: $id) { kind step version cityId city { name } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_on_another_gateway_process_receives_the_event_of_a_move() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let mut f = Flow::start(&app).await;
    f.aim().await;
    let (_child, other) = another_process(&app.db.url).await;
    let mut socket = subscribe(
        &other,
        &app.counterpart.editor,
        EVENTS,
        json!({ "id": f.id }),
    )
    .await;
    // The counterpart is not party yet (the partnership is at Aim): refused
    // as if the partnership did not exist.
    let refused = next_message(&mut socket).await;
    assert_eq!(refused["type"], "next", "{refused}");
    assert_eq!(
        refused["payload"]["errors"][0]["extensions"]["code"],
        "NOT_FOUND"
    );

    let mut socket = subscribe(&other, &app.initiator.viewer, EVENTS, json!({ "id": f.id })).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    f.advance().await;
    let e = event_of_kind(&mut socket, "partnershipEvents", "ADVANCED").await;
    assert_eq!(e["step"], "COMMIT");
    assert_eq!(e["version"], json!(f.version));
    assert_eq!(e["city"]["name"], "Gothenburg");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_on_sqlite_receives_events_in_process() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut f = Flow::start(&app).await;
    f.aim().await;
    let mut partnership = subscribe(
        &app.address,
        &app.initiator.viewer,
        EVENTS,
        json!({ "id": f.id }),
    )
    .await;
    let mut city = subscribe(
        &app.address,
        &app.operator,
        "subscription($c: UUID!) { cityEvents(cityId: $c) { kind cityId } }",
        json!({ "c": app.initiator.id }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    f.advance().await;
    let e = event_of_kind(&mut partnership, "partnershipEvents", "ADVANCED").await;
    assert_eq!(e["step"], "COMMIT");
    let e = event_of_kind(&mut city, "cityEvents", "ADVANCED").await;
    assert_eq!(e["cityId"], json!(app.initiator.id));
    f.commit().await;
    let e = event_of_kind(&mut city, "cityEvents", "COMMITMENT_RECORDED").await;
    assert_eq!(e["cityId"], json!(app.initiator.id));
}

crate::helpers::on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_subscription_ends_once_its_token_is_revoked_and_only_bearer_tokens_open_one(app) {
        let f = Flow::start(&app).await;
        let issued = app
            .gql(
                &app.operator,
                "mutation($a: UUID!) { issueToken(accountId: $a, label: \"watch\") { secret token { id } } }",
                json!({ "a": app.initiator.viewer_account }),
            )
            .await;
        let secret = issued.ok()["issueToken"]["secret"].as_str().unwrap().to_owned();
        let token = issued.ok()["issueToken"]["token"]["id"].as_str().unwrap().to_owned();
        let mut socket = subscribe(&app.address, &secret, EVENTS, json!({ "id": f.id })).await;
        let revoked = app
            .gql(&app.operator, "mutation($t: UUID!) { revokeToken(id: $t) { revokedAt } }", json!({ "t": token }))
            .await;
        assert!(revoked.errors.is_empty(), "{:?}", revoked.errors);
        let started = std::time::Instant::now();
        let m = next_message(&mut socket).await;
        let code = &m["payload"]["errors"][0]["extensions"]["code"];
        assert!(
            (m["type"] == "next" && code == "UNAUTHENTICATED") || m["type"] == "error",
            "{m}"
        );
        let m = next_message(&mut socket).await;
        assert_eq!(m["type"], "complete", "{m}");
        assert!(started.elapsed() < Duration::from_secs(6), "{:?}", started.elapsed());

        // `Basic` is no bearer token: the connection is not acknowledged.
        let url = format!("{}/graphql/ws", app.address.replacen("http", "ws", 1));
        let mut request = url.into_client_request().unwrap();
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_static("graphql-transport-ws"),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Basic {}", app.initiator.viewer) } });
        socket.send(Message::text(init.to_string())).await.unwrap();
        let answer = tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("an answer");
        let acknowledged = matches!(&answer, Some(Ok(Message::Text(t))) if t.as_str().contains("connection_ack"));
        assert!(!acknowledged, "{answer:?}");
    }
}
