//! Generated operations against the real server on both backends: queries
//! and mutations built from the schema the server introspects (arguments of
//! every type, with ids that exist and ids that do not, values in and out of
//! range, inline and as variables, nested selections and fragments), a fifth
//! of them then broken (a character dropped or added, a field misnamed, the
//! text cut short). Every answer must be GraphQL JSON (`data` or `errors`),
//! never a 5xx, never `INTERNAL`, and the connection never dropped (a panic
//! would drop it).
//!
//! `C2C_FUZZ_OPERATIONS` (default 6,000 per backend) and `C2C_FUZZ_SEED`
//! (default: the clock's, printed) repeat a run; the figures are printed.

use crate::fuzz_gen::{Generator, Schema};
use crate::helpers::TestApp;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// Clients sending at once, each with another account's token.
const CLIENTS: usize = 4;

/// What the run saw.
#[derive(Debug, Default)]
struct Tally {
    sent: usize,
    answered_data: usize,
    answered_errors: usize,
    failures: Vec<String>,
}

/// The number of operations of one backend's run.
fn operations() -> usize {
    std::env::var("C2C_FUZZ_OPERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6_000)
}

/// The seed of the run.
fn seed() -> u64 {
    std::env::var("C2C_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        })
}

/// Why an answer is wrong, if it is.
fn judge(status: u16, body: &str) -> Result<bool, String> {
    if status >= 500 {
        return Err(format!("HTTP {status}"));
    }
    let value: Value = serde_json::from_str(body).map_err(|e| format!("not JSON ({e})"))?;
    let object = value.as_object().ok_or("not a JSON object")?;
    let errors = match object.get("errors") {
        None => None,
        Some(Value::Array(list)) if !list.is_empty() => Some(list),
        Some(other) => return Err(format!("`errors` is not a non-empty list: {other}")),
    };
    if errors.is_none() && !object.contains_key("data") {
        return Err("neither `data` nor `errors`".to_owned());
    }
    for error in errors.into_iter().flatten() {
        if !error["message"].is_string() {
            return Err(format!("an error without a message: {error}"));
        }
        if error.pointer("/extensions/code") == Some(&json!("INTERNAL")) {
            return Err(format!("INTERNAL: {error}"));
        }
    }
    Ok(object.get("errors").is_none())
}

/// One client: sends its share of the operations and tallies the answers.
async fn client(
    address: String,
    token: String,
    mut generator: Generator,
    count: usize,
    tally: Arc<Mutex<Tally>>,
) {
    let http = reqwest::Client::new();
    for _ in 0..count {
        let (query, variables) = generator.operation();
        let sent = http
            .post(format!("{address}/graphql"))
            .bearer_auth(&token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await;
        let verdict = match sent {
            Ok(r) => {
                let status = r.status().as_u16();
                match r.text().await {
                    Ok(body) => {
                        generator.learn_ids(&body);
                        judge(status, &body)
                    }
                    Err(e) => Err(format!("the body was cut: {e}")),
                }
            }
            Err(e) => Err(format!("no answer (the connection dropped?): {e}")),
        };
        let mut t = tally
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        t.sent += 1;
        match verdict {
            Ok(true) => t.answered_data += 1,
            Ok(false) => t.answered_errors += 1,
            Err(why) => t.failures.push(format!(
                "{why}\n  operation: {query}\n  variables: {variables}"
            )),
        }
    }
}

/// The schema as the server introspects it.
async fn introspect(app: &TestApp) -> Schema {
    let r = app
        .gql(&app.operator, crate::fuzz_gen::INTROSPECTION, json!({}))
        .await;
    Schema::from_introspection(&r.ok()["__schema"])
}

crate::helpers::on_both_backends! { crate::helpers::TestApp::spawn;
    async fn generated_operations_get_graphql_answers_never_internal_never_a_dropped_connection(app) {
        let schema = Arc::new(introspect(&app).await);
        let flow = crate::flow::Flow::start(&app).await;
        let ids = vec![
            flow.id.clone(),
            app.initiator.id.clone(),
            app.counterpart.id.clone(),
            app.unrelated.id.clone(),
            app.initiator.editor_account.clone(),
            app.initiator.stakeholder.clone(),
            app.counterpart.stakeholder.clone(),
        ];
        let tokens = [
            app.operator.clone(),
            app.initiator.editor.clone(),
            app.counterpart.editor.clone(),
            app.unrelated.viewer.clone(),
        ];
        let (total, seed) = (operations(), seed());
        let tally = Arc::new(Mutex::new(Tally::default()));
        let started = std::time::Instant::now();
        let clients = tokens.iter().enumerate().map(|(i, token)| {
            let rng = SmallRng::seed_from_u64(seed.wrapping_add(i as u64));
            let generator = Generator::new(Arc::clone(&schema), rng, ids.clone());
            client(app.address.clone(), token.clone(), generator, total / CLIENTS, Arc::clone(&tally))
        });
        futures_util::future::join_all(clients).await;
        let t = std::mem::take(&mut *tally.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        eprintln!(
            "fuzz: seed {seed}: {} operations in {:.1} s: {} answered data, {} answered errors, {} wrong",
            t.sent,
            started.elapsed().as_secs_f64(),
            t.answered_data,
            t.answered_errors,
            t.failures.len()
        );
        assert!(
            t.failures.is_empty(),
            "{} wrong answers (C2C_FUZZ_SEED={seed} repeats the run); the first:\n{}",
            t.failures.len(),
            t.failures.iter().take(5).cloned().collect::<Vec<_>>().join("\n")
        );
        assert_eq!(t.sent, total / CLIENTS * CLIENTS);
        assert!(t.answered_data > t.sent / 20, "too few operations ran at all: {t:?}");
        let alive = app.gql(&app.operator, "{ me { __typename } }", json!({})).await;
        alive.ok();
    }
}
