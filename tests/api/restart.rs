//! A real PostgreSQL restart: a server of the test's own (`initdb` and
//! `pg_ctl` as the `postgres` user, on a free port, in a temporary
//! directory) so that stopping it touches no other test. A subscriber on a
//! second gateway process keeps its subscription through the restart and
//! receives the move committed through the first gateway right after it:
//! the listener listens again and catches up from where it was.

use crate::flow::Flow;
use crate::helpers::TestApp;
use crate::subscriptions::{another_process, subscribe};
use c2c_store::testing::TestDb;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The binaries of the PostgreSQL the machine runs.
fn bin(name: &str) -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| {
            panic!(
                "PostgreSQL's binaries are needed under {}: {e}",
                root.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    versions.sort();
    versions
        .pop()
        .expect("a PostgreSQL version")
        .join("bin")
        .join(name)
}

/// Runs a PostgreSQL binary as the `postgres` user; panics when it fails.
fn as_postgres(program: &str, args: &[&str]) {
    let program = bin(program);
    let out = Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(&program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}{}",
        program.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A PostgreSQL server of the test's own; stopped when dropped.
struct Server {
    dir: tempfile::TempDir,
    port: u16,
}

impl Server {
    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn start() -> Server {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let owned = Command::new("chown")
            .args(["postgres", &dir.path().display().to_string()])
            .status()
            .expect("chown");
        assert!(owned.success(), "the directory is given to postgres");
        let server = Server { dir, port };
        as_postgres(
            "initdb",
            &[
                "-D",
                &server.data(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
        );
        server.up();
        server
    }

    fn up(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log").display().to_string();
        let args = [
            "-D",
            &self.data(),
            "-o",
            &options,
            "-l",
            &log,
            "-w",
            "-s",
            "start",
        ];
        as_postgres("pg_ctl", &args);
    }

    fn down(&self) {
        as_postgres(
            "pg_ctl",
            &["-D", &self.data(), "-m", "fast", "-w", "-s", "stop"],
        );
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(bin("pg_ctl"))
            .args(["-D", &self.data(), "-m", "immediate", "-s", "stop"])
            .status();
    }
}

/// The next event of a subscription (errors fail the test).
async fn next_event(socket: &mut crate::subscriptions::Socket) -> Value {
    use futures_util::StreamExt;
    loop {
        let message = tokio::time::timeout(Duration::from_secs(20), socket.next())
            .await
            .expect("an event within 20 s")
            .expect("the socket stays open")
            .expect("a readable message");
        let tokio_tungstenite::tungstenite::Message::Text(text) = message else {
            continue;
        };
        let m: Value = serde_json::from_str(text.as_str()).expect("JSON");
        assert_ne!(m["type"], "error", "{m}");
        assert!(m["payload"]["errors"].is_null(), "{m}");
        if m["type"] == "next" {
            return m["payload"]["data"]["partnershipEvents"].clone();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_catches_up_after_postgresql_restarts() {
    let server = Server::start();
    let app = TestApp::on(TestDb::postgres_at(&server.url()).await).await;
    let mut flow = Flow::start(&app).await;
    flow.aim().await;
    let (_other, address) = another_process(&app.db.url).await;
    let query =
        "subscription($id: UUID!) { partnershipEvents(partnershipId: $id) { kind version } }";
    let mut socket = subscribe(
        &address,
        &app.initiator.viewer,
        query,
        json!({ "id": flow.id }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    server.down();
    let down = app
        .gql(&app.operator, "{ me { __typename } }", json!({}))
        .await;
    assert_eq!(down.code(), Some("UNAVAILABLE"), "{:?}", down.errors);
    server.up();
    // Committed through the first gateway as soon as the server is back,
    // before the second one has necessarily listened again.
    let mut moved = false;
    for _ in 0..50 {
        let r = app
            .gql(&app.initiator.editor, "{ me { __typename } }", json!({}))
            .await;
        if r.errors.is_empty() {
            flow.advance().await;
            moved = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(moved, "the first gateway serves again after the restart");
    let event = next_event(&mut socket).await;
    assert_eq!(event["kind"], "ADVANCED", "{event}");
    assert_eq!(event["version"], json!(flow.version));
    // And live delivery goes on.
    flow.commit().await;
    flow.advance().await;
    loop {
        let event = next_event(&mut socket).await;
        if event["kind"] == "ADVANCED" {
            assert_eq!(event["version"], json!(flow.version), "{event}");
            break;
        }
    }
}
