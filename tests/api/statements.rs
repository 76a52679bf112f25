//! What a request asks the database, counted (statements are not timings):
//! a move that reads only the partnership's row loads nothing else, and a
//! client that then asks for outputs still gets them.

use crate::flow::Flow;
use crate::helpers::{Backend, Gql, TestApp};
use serde_json::json;

/// The statements one request costs on the store of `app`, and its answer.
async fn counted(app: &TestApp, token: &str, query: &str) -> (u64, Gql) {
    let before = app.db.store.statement_count();
    let r = app.gql(token, query, json!({})).await;
    (app.db.store.statement_count() - before, r)
}

/// On PostgreSQL, where the event bus reads with a connection pool of its
/// own (on SQLite it shares the store, and its reads would be counted).
#[tokio::test]
async fn suspend_and_resume_cost_at_most_six_statements_with_authentication() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let mut flow = Flow::start(&app).await;
    flow.aim().await;
    let token = app.initiator.editor.clone();
    let (spent, r) = counted(
        &app,
        &token,
        &format!(
            "mutation {{ suspendPartnership(id: \"{}\", expectedVersion: {}, reason: \"elections\") {{ id status version }} }}",
            flow.id, flow.version
        ),
    )
    .await;
    let version = r.ok()["suspendPartnership"]["version"].as_i64().unwrap();
    eprintln!("suspendPartnership: {spent} statements");
    assert!(spent <= 6, "suspend ran {spent} statements");
    // Asking for outputs as well reads them, after the change.
    let (spent, r) = counted(
        &app,
        &token,
        &format!(
            "mutation {{ resumePartnership(id: \"{}\", expectedVersion: {version}) {{ status strategy {{ version }} history {{ kind }} }} }}",
            flow.id
        ),
    )
    .await;
    let resumed = &r.ok()["resumePartnership"];
    assert_eq!(resumed["status"], "ACTIVE");
    assert!(resumed["strategy"]["version"].is_number(), "{resumed}");
    assert_eq!(
        resumed["history"].as_array().unwrap().last().unwrap()["kind"],
        "RESUMED"
    );
    eprintln!("resumePartnership with its strategy and history: {spent} statements");
    let (spent, r) = counted(
        &app,
        &token,
        &format!(
            "mutation {{ suspendPartnership(id: \"{}\", expectedVersion: {}, reason: \"again\") {{ version }} }}",
            flow.id,
            version + 1
        ),
    )
    .await;
    r.ok();
    assert!(spent <= 6, "suspend ran {spent} statements");
}
