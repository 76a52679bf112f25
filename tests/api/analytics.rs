//! Analytics and exports keep the access rules: a city account sees its own
//! city's figures only; an export never holds another city's data.

use crate::flow::Flow;
use crate::helpers::{TestApp, on_both_backends};
use serde_json::json;

const FUNNEL: &str =
    "{ platform { stepFunnel { step loop status count } timeInStep { step openStays } } }";

async fn csv(app: &TestApp, token: Option<&str>, what: &str) -> (u16, Vec<String>) {
    let mut request = app.client.get(format!("{}/export/{what}.csv", app.address));
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    let body = body.trim_start_matches('\u{feff}');
    (status, body.lines().map(str::to_owned).collect())
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_city_account_sees_only_its_own_citys_figures_and_exports(app) {
        let mut f = Flow::start(&app).await;
        f.aim().await;
        f.advance().await;

        let total = |r: &crate::helpers::Gql| -> i64 {
            r.ok()["platform"]["stepFunnel"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| row["count"].as_i64().unwrap())
                .sum()
        };
        let operator = app.gql(&app.operator, FUNNEL, json!({})).await;
        assert_eq!(total(&operator), 1);
        assert_eq!(operator.ok()["platform"]["stepFunnel"][0]["step"], "COMMIT");
        let own = app.gql(&app.initiator.viewer, FUNNEL, json!({})).await;
        assert_eq!(total(&own), 1);
        let other = app.gql(&app.unrelated.editor, FUNNEL, json!({})).await;
        assert_eq!(total(&other), 0, "an unrelated city sees none of it");
        let open: i64 = other.ok()["platform"]["timeInStep"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["openStays"].as_i64().unwrap())
            .sum();
        assert_eq!(open, 0);

        // Exports: the initiator's viewer gets its partnership; another city's
        // viewer gets the header and nothing else; without a token, 401.
        let (status, lines) = csv(&app, Some(&app.initiator.viewer), "partnerships").await;
        assert_eq!(status, 200);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("id,initiator_id,initiator,"));
        assert!(lines[1].starts_with(&f.id) && lines[1].contains("Gothenburg") && lines[1].contains("COMMIT"));
        let (status, lines) = csv(&app, Some(&app.unrelated.viewer), "partnerships").await;
        assert_eq!((status, lines.len()), (200, 1), "{lines:?}");
        let (status, lines) = csv(&app, Some(&app.operator), "partnerships").await;
        assert_eq!((status, lines.len()), (200, 2));
        let (status, _) = csv(&app, None, "measurements").await;
        assert_eq!(status, 401);
        let (status, _) = csv(&app, Some(&app.expired), "measurements").await;
        assert_eq!(status, 401);

        // Suggestions rest on a city's strategy: not for another city.
        let q = "query($c: UUID!) { partnerSuggestions(cityId: $c) { score city { name } parts { name value weight } } }";
        let refused = app.gql(&app.unrelated.editor, q, json!({ "c": app.initiator.id })).await;
        assert_eq!(refused.code(), Some("FORBIDDEN"));
        let mine = app.gql(&app.initiator.editor, q, json!({ "c": app.initiator.id })).await;
        let list = mine.ok()["partnerSuggestions"].as_array().unwrap().clone();
        assert_eq!(list.len(), 2, "the two other cities");
        assert_eq!(list[0]["parts"].as_array().unwrap().len(), 4);
    }
}
