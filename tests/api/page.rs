//! A page of 50 partnerships with their activities, KPI selections and latest
//! measurements costs the same number of SQL statements whatever the data
//! size.

use crate::helpers::{TestApp, on_both_backends};
use c2c_domain::kpi::RawValue;
use c2c_domain::outputs::{ActivityDraft, FundingDraft, MeasurementDraft, SelectionDraft};
use c2c_domain::{AccountId, CityId, Command, PartnershipId, Step};
use c2c_store::Actor;
use rust_decimal::Decimal;
use serde_json::json;
use uuid::Uuid;

/// The page query: every partnership of the page with nested data.
const PAGE: &str = "query { partnerships(first: 50) {
    edges { cursor node {
        id step loop cycle status version
        initiator { name country } counterpart { name }
        plan { version activities { title status funding { money { amount currency } } } }
        kpiSelections { kpiCode kpi { name unit } latestMeasurements { value { display } periodEnd } }
        history { kind }
    } }
    pageInfo { hasNextPage endCursor }
} }";

fn actor(app: &TestApp) -> Actor {
    Actor {
        account: AccountId(Uuid::parse_str(&app.initiator.editor_account).unwrap()),
        city: CityId(Uuid::parse_str(&app.initiator.id).unwrap()),
    }
}

/// Adds `activities` activities and `measurements` measurements to a
/// partnership (with a plan and a KPI selection the first time).
async fn grow(
    app: &TestApp,
    id: PartnershipId,
    first: bool,
    activities: usize,
    measurements: usize,
) {
    let store = &app.db.store;
    let me = actor(app);
    let today = chrono::Utc::now().date_naive();
    if first {
        store
            .execute(
                me,
                id,
                None,
                None,
                Command::RecordPlan {
                    title: "Plan".into(),
                    summary: String::new(),
                },
            )
            .await
            .unwrap();
        let definition = store.kpi_definition("VISITORS").await.unwrap();
        store
            .execute(
                me,
                id,
                None,
                None,
                Command::SelectKpi(SelectionDraft {
                    id: Uuid::now_v7().into(),
                    definition,
                    objective: None,
                    target: Some(RawValue {
                        count: Some(1000),
                        ..RawValue::default()
                    }),
                    reporting: vec![me.city],
                }),
            )
            .await
            .unwrap();
    }
    for i in 0..activities {
        store
            .execute(
                me,
                id,
                None,
                None,
                Command::RecordActivity(ActivityDraft {
                    id: Uuid::now_v7().into(),
                    title: format!("Activity {i}"),
                    area: None,
                    description: String::new(),
                    lead_city: Some(me.city),
                    lead_stakeholder: None,
                    cities: vec![],
                    funding: vec![FundingDraft {
                        amount: Decimal::from(1000),
                        currency: "EUR".into(),
                        source: "Budget".into(),
                    }],
                    start: Some(today),
                    due: Some(today),
                    expected_results: String::new(),
                    resources: vec![],
                }),
            )
            .await
            .unwrap();
    }
    let selection = store.partnership(id).await.unwrap().outputs().selections[0].id;
    for i in 0..measurements {
        store
            .execute(
                me,
                id,
                None,
                None,
                Command::RecordMeasurement(MeasurementDraft {
                    id: Uuid::now_v7().into(),
                    selection,
                    city: me.city,
                    period_start: today - chrono::Duration::days(400 + i as i64),
                    period_end: today - chrono::Duration::days(i as i64),
                    value: RawValue {
                        count: Some(100 + i as i64),
                        ..RawValue::default()
                    },
                    source: "Tourist office".into(),
                    note: String::new(),
                    supersedes: None,
                }),
            )
            .await
            .unwrap();
    }
}

/// Runs the page query and returns the statements it cost and its edges.
async fn page(app: &TestApp) -> (u64, usize) {
    // A first request notes the token's use (at most once a minute), so that
    // the measured one does not.
    app.gql(&app.operator, "{ me { account { id } } }", json!({}))
        .await
        .ok();
    let before = app.db.store.statement_count();
    let r = app.gql(&app.operator, PAGE, json!({})).await;
    let statements = app.db.store.statement_count() - before;
    let edges = r.ok()["partnerships"]["edges"].as_array().unwrap().len();
    (statements, edges)
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_page_of_fifty_partnerships_costs_the_same_statements_at_two_data_sizes(app) {
        let store = &app.db.store;
        let mut ids = Vec::new();
        for _ in 0..50 {
            let r = store.start(actor(&app), Step::Aim, None, None).await.unwrap();
            ids.push(r.partnership.id());
        }
        for id in &ids {
            grow(&app, *id, true, 1, 1).await;
        }
        let (small, edges) = page(&app).await;
        assert_eq!(edges, 50);

        // Ten times the activities and measurements, and more partnerships
        // beyond the page.
        for id in &ids {
            grow(&app, *id, false, 9, 9).await;
        }
        for _ in 0..30 {
            let r = store.start(actor(&app), Step::Aim, None, None).await.unwrap();
            grow(&app, r.partnership.id(), true, 3, 3).await;
        }
        let (large, edges) = page(&app).await;
        assert_eq!(edges, 50);
        assert_eq!(small, large, "statements of the page: {small} with 1 activity each, {large} with 10");
        // Authentication, the listing's rows, then a batch each for what the
        // selection asks: cities, histories, the plans (2), the KPI
        // selections and measurements (2), their definitions.
        assert!(small <= 10, "the page cost {small} statements");
        println!("statements of a 50-partnership page: {small} (small data), {large} (large data)");
    }
}
