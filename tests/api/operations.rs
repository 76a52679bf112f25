//! Running it: the binary on a bare machine (SQLite in the working
//! directory), health, readiness, metrics, GraphiQL, request ids, graceful
//! shutdown.

use crate::helpers::{self, Backend, TestApp};
use serde_json::{Value, json};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

/// The binary in `dir`, with no database or address from the environment.
fn c2c(dir: &std::path::Path) -> tokio::process::Command {
    let mut command = helpers::c2c();
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("C2C_LISTEN");
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_the_narrative_from_a_sqlite_file_with_no_database_server() {
    let dir = std::env::temp_dir().join(format!("c2c-bare-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();

    // The first operator and its token, in the default database (./c2c.db).
    let out = c2c(&dir)
        .args(["token", "operator", "--name", "First operator"])
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let token = stdout.lines().last().unwrap().trim().to_owned();
    assert!(token.starts_with("c2c_"), "{stdout}");
    assert!(dir.join("c2c.db").exists());

    let mut child = c2c(&dir)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(line.contains("sqlite://c2c.db"), "{line}");
    let address = helpers::listening_address(&line).unwrap();

    let client = reqwest::Client::new();
    let query = json!({ "query": "{ narrative { steps { step } loops { loop } } }" });
    let refused = client
        .post(format!("{address}/graphql"))
        .json(&query)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 401);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");

    let answered: Value = client
        .post(format!("{address}/graphql"))
        .bearer_auth(&token)
        .json(&query)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answered["data"]["narrative"]["steps"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(
        answered["data"]["narrative"]["loops"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // SIGTERM: the server finishes and exits cleanly.
    crate::helpers::terminate(child.id().unwrap(), false);
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_metrics_graphiql_and_request_ids_answer() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.address)).send();
    let health = get("/healthz").await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
    assert!(
        health
            .headers()
            .get("x-request-id")
            .is_some_and(|v| !v.is_empty())
    );
    assert_eq!(health.text().await.unwrap(), "ok");
    assert_eq!(get("/readyz").await.unwrap().status().as_u16(), 200);
    let page = get("/graphiql").await.unwrap().text().await.unwrap();
    assert!(page.contains("GraphiQL") && page.contains("/graphql"));

    app.gql(&app.operator, "{ me { account { role } } }", json!({}))
        .await
        .ok();
    app.gql("", "{ me { account { role } } }", json!({})).await;
    let metrics = get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains("c2c_http_requests_total{path=\"/graphql\",status=\"200\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("c2c_http_requests_total{path=\"/graphql\",status=\"401\"}"));
    assert!(metrics.contains("c2c_graphql_errors_total{code=\"UNAUTHENTICATED\"}"));
    let statements = metrics
        .lines()
        .find(|l| l.starts_with("c2c_sql_statements_total "))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap();
    assert!(statements > 0);
}
