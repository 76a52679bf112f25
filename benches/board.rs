//! The web app's board: how long the server takes to render it.
//!
//! `cargo bench --bench board` (SQLite; `-- --postgres` for PostgreSQL) loads
//! the demo platform (122 partnerships at every step, with their outputs and
//! histories) and adds 100 partnerships of one city, then signs in through
//! the web app with a one-time link and asks for the board over real HTTP,
//! from the server running in this process: the operator's board (every
//! partnership) and the city's board (its 100 and more). It prints the p50,
//! p95 and maximum time from request to the last byte, after a warm-up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use c2c_domain::{AccountId, CityDraft, Step};
use c2c_gateway::Application;
use c2c_store::testing::{TestBackend, TestDb};
use c2c_store::{Actor, Role, Store};
use std::time::{Duration, Instant};
use uuid::Uuid;

const WARM_UP: usize = 5;
const ROUNDS: usize = 100;

/// Serves the API and the web app on a free port.
async fn serve(store: Store) -> String {
    let app = Application::build_with_store(store, "127.0.0.1:0", false)
        .await
        .expect("build the gateway");
    let web = c2c_web::router(
        c2c_web::WebState {
            store: app.store().clone(),
            on_change: app.change_hook(),
            downloads: app.download_hook(),
        },
        c2c_web::WebConfig::default(),
    );
    let app = app.mount(web);
    let address = format!("http://{}", app.local_addr().expect("an address"));
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    address
}

/// A client signed in as `account` through a one-time link.
async fn signed_in(store: &Store, base: &str, account: AccountId) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let secret = store
        .sign_in_link(account, chrono::Utc::now() + chrono::Duration::hours(1))
        .await
        .unwrap();
    let url = format!("{base}/signin/{secret}");
    let page = client.get(&url).send().await.unwrap().text().await.unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let csrf = page[start..].split('"').next().unwrap().to_owned();
    let r = client
        .post(&url)
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "signed in");
    client
}

/// 100 partnerships of a new city, at Aim, each with a counterpart-to-be.
async fn hundred(store: &Store) -> AccountId {
    let city = store
        .create_city(
            c2c_domain::CityId(Uuid::now_v7()),
            CityDraft {
                name: "Benchmark city".into(),
                country: "DE".into(),
                time_zone: "Europe/Berlin".into(),
                ..CityDraft::default()
            },
        )
        .await
        .unwrap();
    let account = store
        .create_account(
            AccountId(Uuid::now_v7()),
            "Benchmark editor",
            Role::Editor,
            Some(city.id),
        )
        .await
        .unwrap();
    let actor = Actor {
        account: account.id,
        city: city.id,
    };
    for _ in 0..100 {
        store.start(actor, Step::Aim, None, None).await.unwrap();
    }
    account.id
}

async fn measure(client: &reqwest::Client, base: &str) -> (Duration, Duration, Duration, usize) {
    let mut times = Vec::with_capacity(ROUNDS);
    let mut bytes = 0;
    for round in 0..WARM_UP + ROUNDS {
        let started = Instant::now();
        let body = client
            .get(format!("{base}/"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        if round >= WARM_UP {
            times.push(started.elapsed());
            bytes = body.len();
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.5), at(0.95), times[times.len() - 1], bytes)
}

#[tokio::main]
async fn main() {
    let backend = if std::env::args().any(|a| a == "--postgres") {
        TestBackend::Postgres
    } else {
        TestBackend::Sqlite
    };
    let db = TestDb::new(backend).await;
    let store = db.store.clone();
    let loaded = Instant::now();
    c2c_demo::seed(&store, |_| {})
        .await
        .expect("the demo loads");
    let city_editor = hundred(&store).await;
    println!(
        "{backend:?}: demo and 100 partnerships of one city loaded in {:.1} s",
        loaded.elapsed().as_secs_f64()
    );
    let operator = store
        .accounts()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Operator)
        .expect("the demo's operator")
        .id;
    let base = serve(store.clone()).await;
    println!("| board | partnerships | p50 | p95 | max | page |");
    println!("|---|---|---|---|---|---|");
    for (label, account, count) in [
        ("operator (every partnership)", operator, 222),
        ("one city", city_editor, 100),
    ] {
        let client = signed_in(&store, &base, account).await;
        let (p50, p95, max, bytes) = measure(&client, &base).await;
        println!(
            "| {label} | {count} | {:.1} ms | {:.1} ms | {:.1} ms | {} kB |",
            p50.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3,
            bytes / 1024
        );
    }
}
