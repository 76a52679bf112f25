//! Hostile queries refused cheaply: an operation with too many aliases or
//! root fields is refused before any statement runs; a list counts its page
//! in the complexity limit.

use crate::helpers::{Gql, TestApp};
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
