//! Hostile queries refused cheaply: an operation with too many aliases or
//! root fields is refused before any statement runs; a list counts its page
//! in the complexity limit.

use crate::helpers::{Gql, TestApp};
use crate::outage::post;
use serde_json::json;

/// The statements one request costs, and its answer.
async fn measured(app: &TestApp, query: &str) -> (u64, Gql) {
    let before = app.db.store.statement_count();
    let r = app.gql(&app.operator, query, json!({})).await;
    (app.db.store.statement_count() - before, r)
}

/// A page of 100 partnerships with many fields each.
fn heavy(first: u32) -> String {
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

crate::helpers::on_both_backends! { crate::helpers::TestApp::spawn;
    async fn an_operation_that_asks_too_much_is_refused_before_any_statement_runs(app) {
        let (idle, r) = measured(&app, "{ me { __typename } }").await;
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // 300 aliases of a page of 100 with each one's history.
        let page = "partnerships(first: 100) { edges { node { id history { id } } } }";
        let aliased: Vec<String> = (0..300).map(|i| format!("a{i}: {page}")).collect();
        let (spent, r) = measured(&app, &format!("{{ {} }}", aliased.join(" "))).await;
        assert_eq!(r.code(), Some("QUERY_TOO_COSTLY"), "{:?}", r.errors);
        assert!(r.data.is_null() || r.data.get("a0").is_none(), "{}", r.data);
        assert!(spent <= idle, "the refusal ran {spent} statements, a trivial request {idle}");
        // 21 root fields, however few aliases.
        let roots: Vec<String> = (0..21).map(|i| format!("m{i}: me {{ __typename }}")).collect();
        let r = app.gql(&app.operator, &format!("{{ {} }}", roots.join(" ")), json!({})).await;
        assert_eq!(r.code(), Some("QUERY_TOO_COSTLY"), "{:?}", r.errors);
        // A page counts its size: the same fields pass on a page of 5 and
        // are refused on a page of 100.
        let (_, small) = measured(&app, &heavy(5)).await;
        assert!(small.errors.is_empty(), "{:?}", small.errors);
        let (spent, large) = measured(&app, &heavy(100)).await;
        assert_eq!(large.code(), Some("QUERY_TOO_COSTLY"), "{:?}", large.errors);
        assert!(spent <= idle, "the refusal ran {spent} statements");
    }
}

/// A gateway over the store of `app` where an account may have two requests
/// running.
async fn limited(app: &TestApp) -> String {
    let gateway =
        c2c_gateway::Application::build_with_store(app.db.store.clone(), "127.0.0.1:0", false)
            .await
            .expect("build the gateway")
            .with_limits(c2c_gateway::Limits {
                requests_per_account: 2,
                ..c2c_gateway::Limits::default()
            });
    let address = format!("http://{}", gateway.local_addr().expect("an address"));
    tokio::spawn(gateway.run_until_stopped(std::future::pending()));
    address
}

/// A request over the account's limit is answered 429 at once; the other
/// accounts are served meanwhile, and the account again once one ends.
#[tokio::test]
async fn an_account_with_as_many_requests_running_as_it_may_is_told_to_wait() {
    let app = TestApp::spawn(crate::helpers::Backend::Postgres).await;
    let address = limited(&app).await;
    let flow = crate::flow::Flow::start(&app).await;
    // Two moves wait for the row this transaction locks.
    let lock = app
        .db
        .held(&format!(
            "SELECT id FROM partnership WHERE id = '{}' FOR UPDATE",
            flow.id
        ))
        .await;
    let suspend = format!(
        "mutation {{ suspendPartnership(id: \"{}\", expectedVersion: {}, reason: \"pause\") {{ id }} }}",
        flow.id, flow.version
    );
    let moves: Vec<_> = (0..2)
        .map(|_| {
            let (address, token, query) = (
                address.clone(),
                app.initiator.editor.clone(),
                suspend.clone(),
            );
            tokio::spawn(async move { post(&address, &token, &query).await })
        })
        .collect();
    let waiting = "pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'";
    for _ in 0..200 {
        if app.db.count(waiting).await >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(
        app.db.count(waiting).await,
        2,
        "both moves wait for the lock"
    );
    let (status, retry, body) =
        post(&address, &app.initiator.editor, "{ me { __typename } }").await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(retry.as_deref(), Some("1"));
    assert_eq!(
        body.pointer("/errors/0/extensions/code"),
        Some(&json!("TOO_MANY_REQUESTS")),
        "{body}"
    );
    let (status, _, body) = post(&address, &app.counterpart.editor, "{ me { __typename } }").await;
    assert_eq!(status, 200, "another account is served: {body}");
    lock.release().await;
    for answer in futures_util::future::join_all(moves).await {
        let (status, _, body) = answer.expect("the move ends");
        assert_eq!(status, 200, "{body}");
        assert_ne!(
            body.pointer("/errors/0/extensions/code"),
            Some(&json!("TOO_MANY_REQUESTS"))
        );
    }
    let (status, _, body) = post(&address, &app.initiator.editor, "{ me { __typename } }").await;
    assert_eq!(status, 200, "served again once its requests ended: {body}");
}

/// Every error code a client can meet is in the README and in the schema.
#[test]
fn every_error_code_is_documented_in_the_readme_and_the_schema() {
    use strum::IntoEnumIterator;
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README");
    let schema = std::fs::read_to_string(format!("{root}/schema.graphql")).expect("schema");
    for code in c2c_domain::ErrorCode::iter() {
        let code = format!("`{}`", code.as_str());
        assert!(readme.contains(&code), "README lacks {code}");
        assert!(schema.contains(&code), "schema.graphql lacks {code}");
    }
}
