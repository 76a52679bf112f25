//! A small request's latency while others send the costliest query the
//! limits allow.
//!
//! `cargo bench --bench hostile` (PostgreSQL; `-- --sqlite` for SQLite)
//! loads the demo platform, serves the API in this process over real HTTP,
//! finds the costliest query the limits admit (a page of partnerships with
//! every list of each, at the largest `first` under the complexity limit),
//! then times `{ me { __typename } }` alone, and again while 4 clients send
//! that query without pause. It prints the p50 and p99 of both and their
//! ratio (the target: loaded p99 under 10× idle p99).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use c2c_domain::AccountId;
use c2c_gateway::Application;
use c2c_store::testing::{TestBackend, TestDb};
use c2c_store::{Role, Store};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use uuid::Uuid;

const SMALL: usize = 1_000;
const ATTACKERS: usize = 4;

/// Every list of a partnership, on a page of `first`.
fn costly(first: u32) -> String {
    let lists = "history { id kind occurredAt step } agreements { id title validUntil signatures { id cityId on } } \
                 plan { id title activities { id title start due teams { id name } progress { id on } risks { id description } } } \
                 kpiSelections { id kpiCode } measurements { id } contacts { id on } contactPersons { id name } \
                 assessments { id on } feedback { id } evaluations { id } adjustments { id proposal } \
                 lessons { id text } exPost { id } firstPriorities { id area }";
    format!(
        "{{ partnerships(first: {first}) {{ edges {{ node {{ id step loop cycle status version \
         initiator {{ id name }} counterpart {{ id name }} {lists} }} }} }} }}"
    )
}

async fn post(client: &reqwest::Client, base: &str, token: &str, query: &str) -> (Value, usize) {
    let body = client
        .post(format!("{base}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query }))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    (serde_json::from_slice(&body).unwrap(), body.len())
}

/// The largest page the limits admit for [`costly`].
async fn largest_page(client: &reqwest::Client, base: &str, token: &str) -> u32 {
    let (mut low, mut high): (u32, u32) = (1, 100);
    while low < high {
        let mid = (low + high).div_ceil(2);
        let (answer, _) = post(client, base, token, &costly(mid)).await;
        if answer.pointer("/errors/0/extensions/code") == Some(&json!("QUERY_TOO_COSTLY")) {
            high = mid - 1;
        } else {
            low = mid;
        }
    }
    low
}

/// `SMALL` sequential `{ me }` requests: their p50 and p99.
async fn small_requests(client: &reqwest::Client, base: &str, token: &str) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(SMALL);
    for _ in 0..SMALL {
        let started = Instant::now();
        let (answer, _) = post(client, base, token, "{ me { __typename } }").await;
        times.push(started.elapsed());
        assert!(answer.get("errors").is_none(), "{answer}");
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.5), at(0.99))
}

async fn token(store: &Store, name: &str) -> String {
    let account = store
        .create_account(AccountId(Uuid::now_v7()), name, Role::Operator, None)
        .await
        .unwrap();
    store
        .issue_token(account.id, "bench", None)
        .await
        .unwrap()
        .0
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main]
async fn main() {
    let backend = if std::env::args().any(|a| a == "--sqlite") {
        TestBackend::Sqlite
    } else {
        TestBackend::Postgres
    };
    let db = TestDb::new(backend).await;
    let store = db.store.clone();
    c2c_demo::seed(&store, |_| {})
        .await
        .expect("the demo loads");
    let (attacker, bystander) = (
        token(&store, "attacker").await,
        token(&store, "bystander").await,
    );
    let app = Application::build_with_store(store.clone(), "127.0.0.1:0", false)
        .await
        .unwrap();
    let base = format!("http://{}", app.local_addr().unwrap());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::new();
    let first = largest_page(&client, &base, &attacker).await;
    let query = Arc::new(costly(first));
    let (_, bytes) = post(&client, &base, &attacker, &query).await;
    println!(
        "{backend:?}, demo platform: the costliest admitted query is a page of {first} with every list ({} kB)",
        bytes / 1024
    );
    let idle = small_requests(&client, &base, &bystander).await;
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicUsize::new(0));
    let attackers: Vec<_> = (0..ATTACKERS)
        .map(|_| {
            let (base, token, query) = (base.clone(), attacker.clone(), Arc::clone(&query));
            let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                while !stop.load(Ordering::Relaxed) {
                    post(&client, &base, &token, &query).await;
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let loaded = small_requests(&client, &base, &bystander).await;
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    for a in attackers {
        a.await.unwrap();
    }
    println!("| `{{ me {{ __typename }} }}` | p50 | p99 |");
    println!("|---|---|---|");
    println!("| idle | {} | {} |", ms(idle.0), ms(idle.1));
    println!(
        "| while {ATTACKERS} clients send the costliest query | {} | {} |",
        ms(loaded.0),
        ms(loaded.1)
    );
    println!(
        "loaded p99 / idle p99 = {:.1}× (target < 10×); the costly queries ran at {:.1}/s",
        loaded.1.as_secs_f64() / idle.1.as_secs_f64(),
        done.load(Ordering::Relaxed) as f64 / elapsed.as_secs_f64()
    );
}
