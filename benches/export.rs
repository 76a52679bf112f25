//! CSV export: streaming keeps memory flat whatever the number of rows.
//!
//! `cargo bench --bench export` (SQLite; `-- --postgres` for PostgreSQL) fills a
//! database with 100 000 then 1 000 000 measurements (bulk SQL: the point is the
//! export, not the loading), streams `/export/measurements.csv` over real HTTP
//! from the gateway running in this process, reading the body chunk by chunk,
//! and prints the rows, the time, and how much the process's peak resident
//! memory grew during each export. Streamed, the second export adds (almost)
//! nothing to the peak the first one reached; buffered, it would add the
//! difference of ten times the rows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use c2c_domain::kpi::RawValue;
use c2c_domain::outputs::SelectionDraft;
use c2c_domain::{AccountId, CityDraft, CityId, Command, Step};
use c2c_gateway::Application;
use c2c_store::testing::{TestBackend, TestDb};
use c2c_store::{Actor, Role};
use futures_util::StreamExt;
use std::time::Instant;
use uuid::Uuid;

/// The process's peak resident memory, in KiB (Linux).
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Where the measurements go.
struct Target {
    selection: Uuid,
    partnership: Uuid,
    city: Uuid,
    account: Uuid,
}

/// Adds `n` measurements to the target's selection, numbered from `from`.
async fn fill(db: &TestDb, backend: TestBackend, t: &Target, from: u64, n: u64) {
    let uuid = match backend {
        TestBackend::Postgres => "gen_random_uuid()",
        TestBackend::Sqlite => "randomblob(16)",
    };
    let blob = |u: Uuid| match backend {
        TestBackend::Postgres => format!("'{u}'"),
        TestBackend::Sqlite => format!("x'{}'", u.simple()),
    };
    let sql = format!(
        "WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i < {last}) \
         INSERT INTO measurement (id, selection_id, partnership_id, kpi_code, city_id, period_start, period_end, \
             unit, value_count, value_e4, currency, value_score, value_text, source, note, supersedes_id, \
             recorded_by, cycle, recorded_at) \
         SELECT {uuid}, {sel}, {p}, 'VISITORS', {c}, '2024-01-01', '2024-12-31', 'COUNT', i, NULL, NULL, NULL, NULL, \
             'Bench, row ' || i, '', NULL, {a}, 1, '2026-01-01T00:00:00+00:00' FROM n",
        last = from + n - 1,
        sel = blob(t.selection),
        p = blob(t.partnership),
        c = blob(t.city),
        a = blob(t.account),
    );
    db.raw(&sql).await.expect("bulk insert");
}

/// Streams the export and returns (rows, seconds, growth of the peak in KiB).
async fn export(address: &str, token: &str) -> (u64, f64, u64) {
    let before = peak_kib();
    let started = Instant::now();
    let response = reqwest::Client::new()
        .get(format!("{address}/export/measurements.csv"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let mut body = response.bytes_stream();
    let mut lines = 0u64;
    while let Some(chunk) = body.next().await {
        lines += chunk.unwrap().iter().filter(|b| **b == b'\n').count() as u64;
    }
    (
        lines - 1,
        started.elapsed().as_secs_f64(),
        peak_kib().saturating_sub(before),
    )
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
    let city = CityId(Uuid::new_v4());
    store
        .create_city(
            city,
            CityDraft {
                name: "Bench".into(),
                country: "SE".into(),
                ..CityDraft::default()
            },
        )
        .await
        .unwrap();
    let account = AccountId(Uuid::new_v4());
    store
        .create_account(account, "Bench editor", Role::Editor, Some(city))
        .await
        .unwrap();
    let (token, _) = store.issue_token(account, "bench", None).await.unwrap();
    let actor = Actor { account, city };
    let p = store
        .start(actor, Step::Aim, None, None)
        .await
        .unwrap()
        .partnership
        .id();
    let selection = Uuid::new_v4();
    let definition = store.kpi_definition("VISITORS").await.unwrap();
    store
        .execute(
            actor,
            p,
            None,
            None,
            Command::SelectKpi(SelectionDraft {
                id: selection.into(),
                definition,
                objective: None,
                target: Some(RawValue {
                    count: Some(1),
                    ..RawValue::default()
                }),
                reporting: vec![city],
            }),
        )
        .await
        .unwrap();
    let app = Application::build_with_store(store.clone(), "127.0.0.1:0", false)
        .await
        .unwrap();
    let address = format!("http://{}", app.local_addr().unwrap());
    tokio::spawn(app.run_until_stopped(std::future::pending()));

    println!("CSV export of measurements, {backend:?}, streamed over HTTP");
    println!(
        "{:>10} {:>9} {:>12} {:>22}",
        "rows", "seconds", "rows/s", "peak RSS growth (KiB)"
    );
    let target = Target {
        selection,
        partnership: p.0,
        city: city.0,
        account: account.0,
    };
    let mut total = 0;
    for size in [100_000u64, 1_000_000] {
        fill(&db, backend, &target, total + 1, size - total).await;
        total = size;
        let (rows, seconds, growth) = export(&address, &token).await;
        assert_eq!(rows, size);
        println!(
            "{rows:>10} {seconds:>9.2} {:>12.0} {growth:>22}",
            rows as f64 / seconds
        );
    }
    println!("peak RSS of the process: {} KiB", peak_kib());
}
