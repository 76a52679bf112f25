//! What the binary writes: with `C2C_LOG_FORMAT=json` every line is a JSON
//! object (the demo's progress, the "listening" line, the request logs with
//! a numeric `latency_ms`, the shutdown); an error that stops it is printed
//! once, plainly, without a backtrace even with `RUST_BACKTRACE=1`.

use crate::helpers;
use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

/// An empty directory of its own.
fn empty_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("c2c-{name}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary in `dir`, with no database or address from the environment.
fn c2c(dir: &std::path::Path) -> tokio::process::Command {
    let mut command = helpers::c2c();
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("C2C_LISTEN")
        .env("RUST_LOG", "info")
        .env("RUST_BACKTRACE", "1");
    command
}

fn json_line(line: &str) -> Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_json_mode_every_line_is_json_with_numeric_durations() {
    let dir = empty_dir("json-logs");
    let mut child = c2c(&dir)
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .env("C2C_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = Vec::new();
    let address = loop {
        let line = tokio::time::timeout(Duration::from_secs(240), stderr.next_line())
            .await
            .expect("serve --demo listens within 4 minutes")
            .unwrap()
            .expect("serve --demo keeps running");
        let event = json_line(&line);
        seen.push(event.clone());
        if event["message"] == "c2c listening" {
            break event["address"].as_str().unwrap().to_owned();
        }
    };
    assert!(address.starts_with("http://127.0.0.1:"), "{address}");
    let messages: Vec<&str> = seen.iter().filter_map(|e| e["message"].as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("loading the demo dataset")),
        "{messages:?}"
    );
    let loaded = seen
        .iter()
        .find(|e| {
            e["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("demo loaded into"))
        })
        .expect("the demo's summary");
    assert!(loaded["seconds"].is_f64(), "{loaded}");
    assert!(
        messages.iter().any(|m| m.starts_with("token ")),
        "the demo's tokens, as events"
    );

    let health = reqwest::get(format!("{address}/healthz")).await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let finished = loop {
        let line = tokio::time::timeout(Duration::from_secs(10), stderr.next_line())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let event = json_line(&line);
        if event["message"] == "finished processing request" {
            break event;
        }
    };
    assert!(
        finished["latency_ms"].is_f64(),
        "latency_ms is a number: {finished}"
    );
    assert_eq!(finished["status"], 200);
    assert_eq!(finished["span"]["path"], "/healthz", "{finished}");

    crate::helpers::terminate(child.id().unwrap(), false);
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status:?}");
    while let Some(line) = stderr.next_line().await.unwrap() {
        json_line(&line);
    }
    while let Some(line) = stdout.next_line().await.unwrap() {
        json_line(&line);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_startup_error_is_said_once_plainly_without_a_backtrace() {
    let dir = empty_dir("startup-error");
    let c2c = |dir: &std::path::Path| {
        let mut command = c2c(dir);
        command.env("RUST_LOG", "warn");
        command
    };
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();

    let out = c2c(&dir)
        .args(["serve", "--listen", &address])
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 1, "one line:\n{said}");
    assert!(
        lines[0].starts_with("error: starting the gateway: cannot listen on "),
        "{said}"
    );
    assert_eq!(
        said.matches(&address).count(),
        1,
        "the cause is not repeated:\n{said}"
    );
    assert!(
        !said.contains("backtrace") && !said.contains("Caused by"),
        "{said}"
    );

    let out = c2c(&dir)
        .args(["serve", "--database-url", "mysql://nobody@localhost/c2c"])
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with("error: ") && said.contains("mysql://"),
        "{said}"
    );

    // In JSON mode, the same error is one JSON event.
    let out = c2c(&dir)
        .args(["serve", "--listen", &address])
        .env("C2C_LOG_FORMAT", "json")
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    let events: Vec<Value> = said.lines().map(json_line).collect();
    let errors: Vec<&Value> = events.iter().filter(|e| e["level"] == "ERROR").collect();
    assert_eq!(errors.len(), 1, "{said}");
    assert!(
        errors[0]["message"].as_str().unwrap().contains(&address),
        "{said}"
    );
    assert!(out.stdout.is_empty());
    drop(taken);
    let _ = std::fs::remove_dir_all(&dir);
}

/// No command prints the password of the database URL it was given, in
/// plain or JSON logs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_command_prints_the_password_of_its_database_url() {
    let dir = empty_dir("secret");
    // Nothing listens on port 9 of the loopback: every command fails to connect.
    let url = "postgres://c2c:s3cret-Pa55@127.0.0.1:9/c2c";
    let commands: [&[&str]; 4] = [
        &["token", "list"],
        &["migrate"],
        &["serve", "--demo", "--listen", "127.0.0.1:0"],
        &["seed-demo"],
    ];
    for format in ["text", "json"] {
        for args in commands {
            let out = c2c(&dir)
                .args(args)
                .env("DATABASE_URL", url)
                .env("C2C_LOG_FORMAT", format)
                .output()
                .await
                .unwrap();
            assert!(!out.status.success(), "{args:?} failed to connect");
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !said.contains("s3cret"),
                "{args:?} ({format}) printed the password:\n{said}"
            );
            assert!(
                said.contains("c2c:***@127.0.0.1:9"),
                "{args:?} ({format}) names the database:\n{said}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
