//! Exactly-once, ordered subscriptions across processes: a storm of
//! conflicting moves through two gateway processes on one PostgreSQL, with a
//! subscriber on each; every subscriber receives exactly the committed events,
//! once, each partnership's in version order; a subscriber that resumes with
//! `after` receives exactly what it missed.

use crate::flow::Flow;
use crate::helpers::{Backend, TestApp, int_at, str_at};
use crate::subscriptions::{Socket, another_process, subscribe};
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

/// The moves of the storm (attempts, refused ones included).
const MOVES: usize = 2_000;
/// The partnerships they are spread over, and the clients that send them.
const PARTNERSHIPS: usize = 4;
const CLIENTS: usize = 8;

const CITY_EVENTS: &str =
    "subscription($c: UUID!) { cityEvents(cityId: $c) { seq kind partnershipId version } }";

/// Every event a socket receives until it is quiet for `quiet`.
async fn drain(mut socket: Socket, quiet: Duration) -> Vec<Value> {
    let mut out = Vec::new();
    while let Ok(Some(Ok(message))) = tokio::time::timeout(quiet, socket.next()).await {
        if let Message::Text(text) = message {
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            assert_ne!(v["type"], "error", "{v}");
            assert!(v["payload"]["errors"].is_null(), "{v}");
            if v["type"] == "next" {
                let data = v["payload"]["data"].as_object().unwrap();
                out.push(data.values().next().unwrap().clone());
            }
        }
    }
    out
}

/// One client's share of the storm: suspend or resume a partnership with the
/// version it last saw, over one process or the other.
async fn client(app: &TestApp, addresses: [String; 2], ids: Vec<String>, n: usize, seed: usize) {
    let token = &app.initiator.editor;
    let http = reqwest::Client::new();
    let mut known: BTreeMap<String, (i64, String)> = BTreeMap::new();
    for i in 0..n {
        let id = &ids[(seed + i * 7) % ids.len()];
        let address = &addresses[(seed + i) % 2];
        let (version, status) = known.get(id).cloned().unwrap_or((1, "ACTIVE".into()));
        let document = if status == "ACTIVE" {
            "mutation($id: UUID!, $v: Int!) { suspendPartnership(id: $id, expectedVersion: $v, reason: \"storm\") { version status } }"
        } else {
            "mutation($id: UUID!, $v: Int!) { resumePartnership(id: $id, expectedVersion: $v) { version status } }"
        };
        let r: Value = http
            .post(format!("{address}/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": document, "variables": { "id": id, "v": version } }))
            .send()
            .await
            .expect("an answer")
            .json()
            .await
            .expect("JSON");
        let data = r["data"]
            .as_object()
            .and_then(|d| d.values().next())
            .cloned()
            .unwrap_or(Value::Null);
        if data.is_object() {
            known.insert(
                id.clone(),
                (int_at(&data, "/version"), str_at(&data, "/status")),
            );
            continue;
        }
        let code = r["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            ["VERSION_CONFLICT", "TRANSITION_BLOCKED"].contains(&code.as_str()),
            "{r}"
        );
        // Read where the partnership stands now.
        let fresh = app
            .gql(
                token,
                "query($id: UUID!) { partnership(id: $id) { version status } }",
                json!({ "id": id }),
            )
            .await;
        known.insert(
            id.clone(),
            (
                int_at(fresh.ok(), "/partnership/version"),
                str_at(fresh.ok(), "/partnership/status"),
            ),
        );
    }
}

/// The history's moves of the storm, by partnership: (seq, version).
async fn history(app: &TestApp, ids: &[String]) -> BTreeMap<String, Vec<(i64, i64)>> {
    let mut out = BTreeMap::new();
    for id in ids {
        let r = app
            .gql(
                &app.operator,
                "query($id: UUID!) { partnership(id: $id) { history { seq kind version } } }",
                json!({ "id": id }),
            )
            .await;
        let events: Vec<(i64, i64)> = r.ok()["partnership"]["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "SUSPENDED" || e["kind"] == "RESUMED")
            .map(|e| (e["seq"].as_i64().unwrap(), e["version"].as_i64().unwrap()))
            .collect();
        out.insert(id.clone(), events);
    }
    out
}

/// What a subscriber received, by partnership, in the order received.
fn received(events: &[Value]) -> BTreeMap<String, Vec<(i64, i64)>> {
    let mut out: BTreeMap<String, Vec<(i64, i64)>> = BTreeMap::new();
    for e in events {
        if e["kind"] == "SUSPENDED" || e["kind"] == "RESUMED" {
            out.entry(str_at(e, "/partnershipId"))
                .or_default()
                .push((e["seq"].as_i64().unwrap(), e["version"].as_i64().unwrap()));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_over_two_processes_reaches_every_subscriber_exactly_once_in_order() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let mut ids = Vec::new();
    for _ in 0..PARTNERSHIPS {
        ids.push(Flow::start(&app).await.id);
    }
    let (_child, other) = another_process(&app.db.url).await;
    let vars = json!({ "c": app.initiator.id });
    let here = subscribe(&app.address, &app.operator, CITY_EVENTS, vars.clone()).await;
    let there = subscribe(&other, &app.operator, CITY_EVENTS, vars).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let addresses = [app.address.clone(), other.clone()];
    let storm =
        (0..CLIENTS).map(|c| client(&app, addresses.clone(), ids.clone(), MOVES / CLIENTS, c));
    futures_util::future::join_all(storm).await;
    let (here, there) = tokio::join!(
        drain(here, Duration::from_secs(5)),
        drain(there, Duration::from_secs(5))
    );
    let committed = history(&app, &ids).await;
    let moves: usize = committed.values().map(Vec::len).sum();
    assert!(moves > 100, "the storm committed {moves} moves");
    for (name, got) in [("this process", &here), ("the other process", &there)] {
        let got = received(got);
        for id in &ids {
            let want = &committed[id];
            let had = got.get(id).cloned().unwrap_or_default();
            assert_eq!(
                &had,
                want,
                "{name}, partnership {id}: received {} of {}",
                had.len(),
                want.len()
            );
            assert!(
                had.windows(2).all(|w| w[1].1 == w[0].1 + 1),
                "{name}: versions in order"
            );
        }
    }
    println!(
        "storm: {MOVES} moves tried, {moves} committed, each subscriber received all once, in order"
    );

    // A subscriber that resumes after the tenth move receives exactly the rest.
    let id = &ids[0];
    let want = &committed[id];
    let after = want[9].0;
    let resumed = subscribe(
        &other,
        &app.operator,
        "subscription($id: UUID!, $a: Int) { partnershipEvents(partnershipId: $id, after: $a) { seq kind partnershipId version } }",
        json!({ "id": id, "a": after }),
    )
    .await;
    let got = received(&drain(resumed, Duration::from_secs(2)).await);
    assert_eq!(got.get(id), Some(&want[10..].to_vec()));
}
