//! What a request asks the database, counted (statements are not timings):
//! a move that reads only the partnership's row loads nothing else, and a
//! client that then asks for outputs still gets them.

use crate::flow::Flow;
use crate::helpers::{Backend, Gql, TestApp, on_both_backends};
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

/// A partnership at Measure with a KPI selection both cities report, and
/// that selection's id.
async fn at_measure(app: &TestApp) -> (Flow<'_>, String) {
    let mut f = Flow::start(app).await;
    f.aim().await;
    f.advance().await;
    f.commit().await;
    f.advance().await;
    f.partner_to_measure().await;
    let r = f.read(&app.initiator.editor, "kpiSelections { id }").await;
    let selection = r.ok()["partnership"]["kpiSelections"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (f, selection)
}

/// One capture by the initiator of `count` for 2024: its statements and the
/// answer.
async fn capture(
    f: &Flow<'_>,
    selection: &str,
    supersedes: Option<&str>,
    count: i64,
) -> (u64, Gql) {
    capture_in(f, (selection, 2024), supersedes, count).await
}

/// One capture by the initiator of `count` for a year.
async fn capture_in(
    f: &Flow<'_>,
    (selection, year): (&str, i32),
    supersedes: Option<&str>,
    count: i64,
) -> (u64, Gql) {
    let app = f.app;
    let query = "mutation($p: UUID!, $i: MeasurementInput!) { recordMeasurement(partnershipId: $p, input: $i) { measurement { id } } }";
    let input = json!({ "selectionId": selection, "cityId": app.initiator.id, "periodStart": format!("{year}-01-01"),
        "periodEnd": format!("{year}-12-31"), "value": { "count": count }, "source": "University registry", "supersedes": supersedes });
    let before = app.db.store.statement_count();
    let r = app
        .gql(
            &app.initiator.editor,
            query,
            json!({ "p": f.id, "i": input }),
        )
        .await;
    (app.db.store.statement_count() - before, r)
}

/// The id of the measurement a capture wrote.
fn written(r: &Gql) -> String {
    r.ok()["recordMeasurement"]["measurement"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A capture reads its selection and what it corrects, not every
/// measurement: the same statements with 1 measurement and with 40.
#[tokio::test]
async fn a_capture_costs_at_most_eight_statements_however_many_measurements_there_are() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let (f, selection) = at_measure(&app).await;
    let (first, r) = capture(&f, &selection, None, 31).await;
    let id = written(&r);
    for _ in 0..40 {
        written(&capture(&f, &selection, None, 31).await.1);
    }
    let (later, r) = capture(&f, &selection, None, 31).await;
    written(&r);
    let (correction, r) = capture(&f, &selection, Some(&id), 30).await;
    written(&r);
    eprintln!(
        "recordMeasurement: {first} statements, {later} after 40 more, a correction {correction}"
    );
    assert!(
        first <= 8 && later <= 8 && correction <= 8,
        "{first}, {later}, {correction}"
    );
    assert_eq!(
        first, later,
        "a capture costs the same with more measurements"
    );
    // What was read is enough to refuse a second correction of the same one.
    let (_, r) = capture(&f, &selection, Some(&id), 32).await;
    assert_eq!(r.code(), Some("INVALID_INPUT"), "{:?}", r.errors);
}

/// The benchmark's page of 50 (both cities, the plan's activities, each KPI
/// selection's latest measurements) reads the rows and then each part asked
/// for, one batch for the page: at most 8 statements.
#[tokio::test]
async fn the_nested_page_of_fifty_costs_at_most_eight_statements() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let (f, selection) = at_measure(&app).await;
    written(&capture(&f, &selection, None, 31).await.1);
    for _ in 0..60 {
        Flow::start(&app).await;
    }
    let page = "{ partnerships(first: 50) { edges { node { id step status \
        initiator { name } counterpart { name } plan { activities { id title status } } \
        kpiSelections { id kpiCode latestMeasurements { id periodEnd } } } } } }";
    app.gql(&app.operator, "{ me { __typename } }", json!({}))
        .await
        .ok();
    let (spent, r) = counted(&app, &app.operator, page).await;
    let edges = r.ok()["partnerships"]["edges"].as_array().unwrap().clone();
    assert_eq!(edges.len(), 50);
    let measured = edges
        .iter()
        .find(|e| e["node"]["id"] == json!(f.id))
        .expect("the partnership at Measure");
    let node = &measured["node"];
    assert_eq!(
        node["plan"]["activities"].as_array().unwrap().len(),
        2,
        "{node}"
    );
    assert_eq!(
        node["kpiSelections"][0]["latestMeasurements"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "{node}"
    );
    assert_eq!(node["counterpart"]["name"], "Shanghai");
    eprintln!("the page of 50: {spent} statements");
    assert!(spent <= 8, "the page cost {spent} statements");
}

// The latest measurement of each city, chosen in SQL when a query does not
// ask for every measurement, is the one the whole read picks: never a
// measurement a correction supersedes.
on_both_backends! { TestApp::spawn;
async fn the_latest_measurements_read_alone_are_those_the_whole_read_picks(app) {
    let (f, selection) = at_measure(&app).await;
    let first = written(&capture(&f, &selection, None, 10).await.1);
    let second = written(&capture(&f, &selection, None, 11).await.1);
    let third = written(&capture(&f, &selection, None, 12).await.1);
    // The third was for 2023: its correction says so, and the second, for
    // 2024, is the latest.
    written(&capture_in(&f, (&selection, 2023), Some(&third), 12).await.1);
    // Read through a page, as a list of partnerships does.
    let latest = |asked: &'static str| {
        let query = format!("{{ partnerships(first: 10) {{ edges {{ node {{ id kpiSelections {{ {asked} latestMeasurements {{ id superseded }} }} }} }} }} }}");
        let app = &app;
        let id = f.id.clone();
        async move {
            let r = app.gql(&app.initiator.editor, &query, json!({})).await;
            let edges = r.ok()["partnerships"]["edges"].as_array().unwrap().clone();
            let node = edges.iter().find(|e| e["node"]["id"] == json!(id)).unwrap()["node"].clone();
            let found: Vec<String> = node["kpiSelections"][0]["latestMeasurements"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap().to_owned()).collect();
            found
        }
    };
    assert_eq!(latest("").await, vec![second.clone()]);
    assert_eq!(latest("measurements { id }").await, vec![second]);
    // A correction of the first, recorded last, is now the latest.
    let again = written(&capture(&f, &selection, Some(&first), 14).await.1);
    assert_eq!(latest("").await, vec![again.clone()]);
    assert_eq!(latest("measurements { id }").await, vec![again]);
}
}
