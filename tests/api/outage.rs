//! An outage answered fast and the same way: PostgreSQL behind a proxy that
//! the test cuts. While the database cannot be reached, every request that
//! needs it answers HTTP 503 with `UNAVAILABLE` and `Retry-After` within 3 s
//! and `/readyz` within 1 s; once it is back, full service with nothing
//! half-written.

use crate::helpers::{Backend, serve};
use c2c_domain::AccountId;
use c2c_store::testing::TestDb;
use c2c_store::{Role, Store};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

/// A TCP proxy to PostgreSQL that can be cut (every connection dropped, new
/// ones refused) and mended.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    generation: Arc<std::sync::atomic::AtomicU64>,
}

impl Proxy {
    async fn start(target: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("an address").port();
        let up = Arc::new(AtomicBool::new(true));
        let generation = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let (u, g) = (up.clone(), generation.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                if !u.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let born = g.load(Ordering::SeqCst);
                let (u, g, target) = (u.clone(), g.clone(), target.clone());
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    let (mut c, mut s) = (client, server);
                    let pipe = tokio::io::copy_bidirectional(&mut c, &mut s);
                    let cut = async {
                        while u.load(Ordering::SeqCst) && g.load(Ordering::SeqCst) == born {
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    };
                    tokio::select! { _ = pipe => {}, () = cut => {} }
                });
            }
        });
        Proxy {
            port,
            up,
            generation,
        }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn mend(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// A POST to `/graphql`: the status, the `Retry-After` header and the body
/// (`null` when it is not JSON).
pub(crate) async fn post(address: &str, token: &str, query: &str) -> (u16, Option<String>, Value) {
    let r = reqwest::Client::new()
        .post(format!("{address}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("an answer");
    let status = r.status().as_u16();
    let retry = r
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, retry, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_cannot_be_reached_answers_503_unavailable_fast_and_service_resumes() {
    let db = TestDb::new(Backend::Postgres).await;
    let url = url::Url::parse(&db.url).expect("a URL");
    let target = format!(
        "{}:{}",
        url.host_str().unwrap_or("127.0.0.1"),
        url.port().unwrap_or(5432)
    );
    let proxy = Proxy::start(target).await;
    let mut through = url.clone();
    through.set_host(Some("127.0.0.1")).expect("a host");
    through.set_port(Some(proxy.port)).expect("a port");
    let store = Store::connect(through.as_str())
        .await
        .expect("the store through the proxy");
    let operator = store
        .create_account(AccountId(Uuid::now_v7()), "Operator", Role::Operator, None)
        .await
        .expect("an operator");
    let (token, _) = store
        .issue_token(operator.id, "outage", None)
        .await
        .expect("a token");
    let (address, _stop) = serve(store.clone()).await;
    let create = "mutation { createCity(input: { name: \"Kraków\", country: \"PL\", timeZone: \"Europe/Warsaw\" }) { id } }";
    let (status, _, body) = post(&address, &token, "{ cities { id } }").await;
    assert_eq!(status, 200, "{body}");

    proxy.cut();
    // Every connection through the proxy is dropped within its 20 ms check.
    tokio::time::sleep(Duration::from_millis(200)).await;
    for query in ["{ cities { id } }", create] {
        let started = Instant::now();
        let (status, retry, body) = post(&address, &token, query).await;
        let took = started.elapsed();
        assert_eq!(
            (status, retry.as_deref()),
            (503, Some("5")),
            "{query}: {body}"
        );
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "UNAVAILABLE",
            "{body}"
        );
        assert!(took < Duration::from_secs(3), "{query} took {took:?}");
    }
    let started = Instant::now();
    let ready = reqwest::get(format!("{address}/readyz"))
        .await
        .expect("an answer");
    let status = ready.status().as_u16();
    let text = ready.text().await.unwrap_or_default();
    assert_eq!(status, 503, "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "/readyz took {:?}",
        started.elapsed()
    );

    proxy.mend();
    let mut back = false;
    for _ in 0..50 {
        let (status, _, _) = post(&address, &token, "{ cities { id } }").await;
        if status == 200 {
            back = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(back, "service resumes once the database answers");
    let (status, _, body) = post(&address, &token, create).await;
    assert_eq!(status, 200, "{body}");
    // The create refused during the outage wrote nothing: one Kraków.
    let cities = store.cities().await.expect("the cities");
    assert_eq!(cities.iter().filter(|c| c.name == "Kraków").count(), 1);
}
