//! Bad input: malformed documents and bodies, queries beyond the depth and
//! complexity limits, values that do not fit their KPI, unknown identifiers,
//! malformed arguments. Each is answered with a typed error (an
//! `extensions.code`), never a 5xx; nothing is written; and the gateway still
//! serves afterwards.

use crate::helpers::{Gql, TestApp, on_both_backends, str_at};
use serde_json::{Value, json};

/// The row count of every table.
async fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    app.db.counts().await
}

/// `/healthz` answers 200 and an ordinary query still works.
async fn still_serves(app: &TestApp) {
    let health = app
        .client
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .expect("the gateway answers /healthz");
    assert_eq!(health.status().as_u16(), 200);
    let me = app
        .gql(
            &app.initiator.editor,
            "{ me { account { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        str_at(me.ok(), "/me/account/id"),
        app.initiator.editor_account
    );
}

/// The `extensions` of the first error.
fn extension<'a>(r: &'a Gql, key: &str) -> Option<&'a str> {
    r.errors
        .first()
        .and_then(|e| e.pointer(&format!("/extensions/{key}")))
        .and_then(Value::as_str)
}

/// Runs an operation that must be refused with `code` (and, when given, the
/// `extensions.field`), without a 5xx, writing nothing; the gateway must still
/// serve afterwards.
async fn refused(
    app: &TestApp,
    token: &str,
    document: &str,
    variables: Value,
    code: &str,
    field: Option<&str>,
) -> Gql {
    let before = counts(app).await;
    let r = app.gql(token, document, variables).await;
    assert!(
        r.status < 500,
        "{document}: HTTP {} {:?}",
        r.status,
        r.errors
    );
    assert_eq!(r.code(), Some(code), "{document}: {:?}", r.errors);
    if field.is_some() {
        assert_eq!(extension(&r, "field"), field, "{document}: {:?}", r.errors);
    }
    assert_eq!(counts(app).await, before, "{document} wrote something");
    still_serves(app).await;
    r
}

/// Posts a raw body that must be refused with `INVALID_INPUT` and one of
/// `statuses`, writing nothing.
async fn refused_raw(app: &TestApp, body: String, statuses: &[u16]) {
    let before = counts(app).await;
    let (status, text) = app
        .post(Some(&app.initiator.editor), body.into(), "application/json")
        .await;
    assert!(statuses.contains(&status), "HTTP {status}: {text}");
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("HTTP {status}: the error is not JSON: {text}"));
    assert_eq!(
        value.pointer("/errors/0/extensions/code"),
        Some(&json!("INVALID_INPUT")),
        "{text}"
    );
    assert_eq!(counts(app).await, before);
    still_serves(app).await;
}

/// A partnership of the initiator at Aim, with a plan and KPI selections of
/// three units (reported by the initiator): (partnership, count selection,
/// score selection, money selection).
async fn measured_partnership(app: &TestApp) -> (String, String, String, String) {
    let token = &app.initiator.editor;
    let p = app
        .gql(
            token,
            "mutation { startPartnership(atStep: AIM) { id } }",
            json!({}),
        )
        .await;
    let id = str_at(p.ok(), "/startPartnership/id");
    app.gql(
        token,
        "mutation($p: UUID!) { recordPlan(partnershipId: $p, title: \"Plan\") { partnership { id } } }",
        json!({ "p": id }),
    )
    .await
    .ok();
    for code in ["FOREIGN_STUDENTS", "PARTNERSHIP_QUALITY", "FDI_INBOUND"] {
        app.gql(
            token,
            "mutation($p: UUID!, $i: KpiSelectionInput!) { recordKpiSelection(partnershipId: $p, input: $i) { partnership { id } } }",
            json!({ "p": id, "i": { "kpiCode": code, "reportingCityIds": [app.initiator.id] } }),
        )
        .await
        .ok();
    }
    let r = app
        .gql(
            token,
            "query($p: UUID!) { partnership(id: $p) { kpiSelections { id kpiCode } } }",
            json!({ "p": id }),
        )
        .await;
    let selection = |code: &str| {
        r.ok()["partnership"]["kpiSelections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["kpiCode"] == code)
            .map(|s| str_at(s, "/id"))
            .unwrap()
    };
    (
        id.clone(),
        selection("FOREIGN_STUDENTS"),
        selection("PARTNERSHIP_QUALITY"),
        selection("FDI_INBOUND"),
    )
}

const MEASURE: &str = "mutation($p: UUID!, $i: MeasurementInput!) { recordMeasurement(partnershipId: $p, input: $i) { partnership { id version } } }";

fn measurement(p: &str, selection: &str, city: &str, value: Value) -> Value {
    json!({ "p": p, "i": {
        "selectionId": selection,
        "cityId": city,
        "periodStart": "2025-01-01",
        "periodEnd": "2025-12-31",
        "value": value,
        "source": "Statistics office",
    }})
}

const UNKNOWN: &str = "0190f5e2-0000-7000-8000-000000000000";

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_body_that_is_not_a_valid_graphql_document_is_refused_as_invalid_input(app) {
        let token = &app.initiator.editor;
        // A syntax error.
        refused(&app, token, "mutation { startPartnership(atStep: AIM { id } }", json!({}), "INVALID_INPUT", None).await;
        // A field the schema does not have.
        refused(&app, token, "{ me { account { id password } } }", json!({}), "INVALID_INPUT", None).await;
        refused(&app, token, "mutation { dropEverything }", json!({}), "INVALID_INPUT", None).await;
        // A body that is not JSON at all, and JSON that is not a request.
        refused_raw(&app, "this is not JSON".to_owned(), &[400]).await;
        refused_raw(&app, "{\"query\": ".to_owned(), &[400]).await;
        refused_raw(&app, "[1, 2, 3]".to_owned(), &[400]).await;
        // A request without a document: an (empty) document that does not parse.
        refused_raw(&app, "{\"variables\": {}}".to_owned(), &[200, 400]).await;
    }

    async fn a_query_deeper_or_more_complex_than_the_limits_is_refused(app) {
        let token = &app.initiator.editor;
        let (p, ..) = measured_partnership(&app).await;
        // Depth: the initiator's parent's parent's ... (16 levels > 12).
        let deep = format!(
            "query($p: UUID!) {{ partnership(id: $p) {{ initiator {{ {} id {} }} }} }}",
            "parent {".repeat(13),
            "}".repeat(13)
        );
        let r = refused(&app, token, &deep, json!({ "p": p }), "QUERY_TOO_COSTLY", None).await;
        assert!(r.data.is_null() || r.data["partnership"].is_null());
        // The same at 12 levels, the limit, is served.
        let fine = format!(
            "query($p: UUID!) {{ partnership(id: $p) {{ initiator {{ {} id {} }} }} }}",
            "parent {".repeat(9),
            "}".repeat(9)
        );
        app.gql(token, &fine, json!({ "p": p })).await.ok();
        // 500 aliases of a shallow selection (more than 30 aliases, 20 root fields).
        let wide: String = (0..500)
            .map(|i| format!("a{i}: me {{ account {{ id name role }} }} "))
            .collect();
        refused(&app, token, &format!("{{ {wide} }}"), json!({}), "QUERY_TOO_COSTLY", None).await;
        // The same with nested selections: 300 aliases.
        let nested: String = (0..300)
            .map(|i| format!("n{i}: kpiSelections {{ id kpi {{ code name }} measurements {{ id }} }} "))
            .collect();
        refused(&app, token, &format!("query($p: UUID!) {{ partnership(id: $p) {{ {nested} }} }}"), json!({ "p": p }), "QUERY_TOO_COSTLY", None).await;
    }

    async fn an_oversized_body_is_refused_with_a_code_and_no_server_error(app) {
        let padding = " ".repeat(c2c_gateway::BODY_LIMIT + 1024);
        let body = json!({ "query": format!("{{ me {{ account {{ id }} }} {padding} }}") }).to_string();
        assert!(body.len() > c2c_gateway::BODY_LIMIT);
        refused_raw(&app, body, &[413, 400]).await;
        // A large variable rather than a large document.
        let body = json!({
            "query": "mutation($i: StrategyInput!) { recordStrategy(input: $i) { version } }",
            "variables": { "i": { "vision": "x".repeat(300 * 1024) } },
        })
        .to_string();
        refused_raw(&app, body, &[413, 400]).await;
    }

    async fn a_measurement_that_does_not_fit_its_kpi_or_partnership_is_refused_and_writes_nothing(app) {
        let token = &app.initiator.editor;
        let me = app.initiator.id.clone();
        let (p, count, score, money) = measured_partnership(&app).await;
        refused(&app, token, MEASURE, measurement(&p, &count, &me, json!({ "count": -3 })), "INVALID_INPUT", Some("value.count")).await;
        refused(&app, token, MEASURE, measurement(&p, &count, &me, json!({ "score": 3 })), "INVALID_INPUT", Some("value")).await;
        refused(&app, token, MEASURE, measurement(&p, &score, &me, json!({ "score": 6 })), "INVALID_INPUT", Some("value.score")).await;
        refused(&app, token, MEASURE, measurement(&p, &score, &me, json!({ "score": 0 })), "INVALID_INPUT", Some("value.score")).await;
        refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "10" })), "INVALID_INPUT", Some("value")).await;
        refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "10", "currency": "XXX" })), "INVALID_INPUT", Some("currency")).await;
        refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "10", "currency": "EURO" })), "INVALID_INPUT", Some("currency")).await;
        refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "10.001", "currency": "EUR" })), "INVALID_INPUT", Some("amount")).await;
        // A period that ends before it starts.
        let mut backwards = measurement(&p, &count, &me, json!({ "count": 3 }));
        backwards["i"]["periodEnd"] = json!("2024-12-31");
        refused(&app, token, MEASURE, backwards, "INVALID_INPUT", Some("periodEnd")).await;
        // The initiator's editor names a reporting city that is not party to
        // the partnership: a refusal of the input (NOT_PARTY), not of access.
        let r = refused(&app, token, MEASURE, measurement(&p, &count, &app.unrelated.id, json!({ "count": 3 })), "INVALID_INPUT", Some("cityId")).await;
        assert_eq!(extension(&r, "reason"), Some("NOT_PARTY"));
        // An unknown selection.
        refused(&app, token, MEASURE, measurement(&p, UNKNOWN, &me, json!({ "count": 3 })), "NOT_FOUND", None).await;
        // And the well-formed measurements are taken.
        for (selection, value) in [(&count, json!({ "count": 3 })), (&score, json!({ "score": 5 })), (&money, json!({ "amount": "10.50", "currency": "EUR" }))] {
            app.gql(token, MEASURE, measurement(&p, selection, &me, value)).await.ok();
        }
        assert_eq!(app.count("measurement").await, 3);
    }

    async fn unknown_identifiers_and_codes_are_not_found_and_write_nothing(app) {
        let token = &app.initiator.editor;
        let (p, ..) = measured_partnership(&app).await;
        let today = chrono::Utc::now().date_naive().to_string();
        // An unknown partnership, read and written.
        refused(&app, token, "query($p: UUID!) { partnership(id: $p) { id } }", json!({ "p": UNKNOWN }), "NOT_FOUND", None).await;
        refused(&app, token, "mutation($p: UUID!, $i: ContactInput!) { recordContact(partnershipId: $p, input: $i) { partnership { id } } }", json!({ "p": UNKNOWN, "i": { "on": today, "kind": "CALL", "direction": "OUTBOUND" } }), "NOT_FOUND", None).await;
        refused(&app, token, "mutation($p: UUID!) { advancePartnership(id: $p, expectedVersion: 1) { id } }", json!({ "p": UNKNOWN }), "NOT_FOUND", None).await;
        // An unknown city.
        refused(&app, token, "query($c: UUID!) { city(id: $c) { id } }", json!({ "c": UNKNOWN }), "NOT_FOUND", None).await;
        refused(&app, &app.operator, "mutation($c: UUID!) { addStakeholder(cityId: $c, input: { name: \"Port authority\", sector: GOVERNMENT, involvement: PROMOTER }) { id } }", json!({ "c": UNKNOWN }), "NOT_FOUND", None).await;
        refused(&app, token, "mutation($p: UUID!, $c: UUID!) { recordAssessment(partnershipId: $p, input: { candidateCityId: $c, on: \"2025-01-01\", items: [] }) { partnership { id } } }", json!({ "p": p, "c": UNKNOWN }), "NOT_FOUND", None).await;
        // An unknown activity.
        refused(&app, token, "mutation($p: UUID!, $i: ProgressInput!) { recordProgress(partnershipId: $p, input: $i) { partnership { id } } }", json!({ "p": p, "i": { "activityId": UNKNOWN, "on": today, "summary": "Done", "status": "COMPLETED" } }), "NOT_FOUND", None).await;
        // An unknown KPI selection is checked in the measurement test; an
        // unknown KPI code here.
        refused(&app, token, "mutation($p: UUID!) { recordKpiSelection(partnershipId: $p, input: { kpiCode: \"NO_SUCH_KPI\" }) { partnership { id } } }", json!({ "p": p }), "NOT_FOUND", None).await;
    }

    async fn malformed_arguments_are_refused_as_invalid_input(app) {
        let token = &app.initiator.editor;
        let (p, ..) = measured_partnership(&app).await;
        // A negative expected version, inline and as a variable.
        refused(&app, token, "mutation($p: UUID!) { advancePartnership(id: $p, expectedVersion: -1) { id } }", json!({ "p": p }), "INVALID_INPUT", None).await;
        refused(&app, token, "mutation($p: UUID!, $v: Int!) { advancePartnership(id: $p, expectedVersion: $v) { id } }", json!({ "p": p, "v": -1 }), "INVALID_INPUT", None).await;
        refused(&app, token, "mutation($p: UUID!) { recordPlan(partnershipId: $p, title: \"Plan 2\", expectedVersion: -7) { partnership { id } } }", json!({ "p": p }), "INVALID_INPUT", None).await;
        // Pages: too large, not positive, a cursor that is not one.
        refused(&app, token, "{ partnerships(first: 1000) { nodes { id } } }", json!({}), "INVALID_INPUT", Some("first")).await;
        refused(&app, token, "{ partnerships(first: 0) { nodes { id } } }", json!({}), "INVALID_INPUT", Some("first")).await;
        refused(&app, token, "{ partnerships(first: 10, after: \"not a cursor\") { nodes { id } } }", json!({}), "INVALID_INPUT", Some("after")).await;
        // A malformed UUID, inline and as a variable.
        refused(&app, token, "{ partnership(id: \"not-a-uuid\") { id } }", json!({}), "INVALID_INPUT", None).await;
        refused(&app, token, "query($p: UUID!) { partnership(id: $p) { id } }", json!({ "p": "1234" }), "INVALID_INPUT", None).await;
        // An invalid currency code in funding.
        refused(&app, token, "mutation($p: UUID!, $i: ActivityInput!) { recordActivity(partnershipId: $p, input: $i) { partnership { id } } }", json!({ "p": p, "i": { "title": "Exchange", "funding": [{ "amount": "100", "currency": "XXX", "source": "City budget" }] } }), "INVALID_INPUT", Some("currency")).await;
        // An invalid country code, and other malformed city fields.
        let city = "mutation($i: CityInput!) { createCity(input: $i) { id } }";
        refused(&app, &app.operator, city, json!({ "i": { "name": "Atlantis", "country": "XZ" } }), "INVALID_INPUT", Some("country")).await;
        refused(&app, &app.operator, city, json!({ "i": { "name": "Atlantis", "country": "Atlantis" } }), "INVALID_INPUT", Some("country")).await;
        refused(&app, &app.operator, city, json!({ "i": { "name": "Atlantis", "country": "GR", "population": -1 } }), "INVALID_INPUT", Some("population")).await;
        refused(&app, &app.operator, city, json!({ "i": { "name": "Atlantis", "country": "GR", "timeZone": "somewhere" } }), "INVALID_INPUT", Some("timeZone")).await;
        // An enum value the schema does not have.
        refused(&app, token, "mutation { startPartnership(atStep: SOMEWHERE) { id } }", json!({}), "INVALID_INPUT", None).await;
    }

    async fn dates_amounts_and_reasons_out_of_range_are_refused_the_same_way_everywhere(app) {
        let token = &app.initiator.editor;
        let me = app.initiator.id.clone();
        let (p, _, _, money) = measured_partnership(&app).await;
        let contact = "mutation($p: UUID!, $i: ContactInput!) { recordContact(partnershipId: $p, input: $i) { partnership { id } } }";
        refused(&app, token, contact, json!({ "p": p, "i": { "on": "1899-12-31", "kind": "CALL", "direction": "OUTBOUND" } }), "INVALID_INPUT", Some("on")).await;
        refused(&app, token, contact, json!({ "p": p, "i": { "on": "2024-01-10", "kind": "CALL", "direction": "OUTBOUND", "followUpDue": "2101-01-01" } }), "INVALID_INPUT", Some("followUpDue")).await;
        let activity = "mutation($p: UUID!, $i: ActivityInput!) { recordActivity(partnershipId: $p, input: $i) { partnership { plan { activities { id } } } } }";
        refused(&app, token, activity, json!({ "p": p, "i": { "title": "Exchange", "start": "2024-01-01", "due": "2101-01-01" } }), "INVALID_INPUT", Some("due")).await;
        // More than four decimal places: one message, whatever carries the amount.
        let funding = refused(&app, token, activity, json!({ "p": p, "i": { "title": "Exchange", "funding": [{ "amount": "10.12345", "currency": "XAU", "source": "Gold reserve" }] } }), "INVALID_INPUT", Some("amount")).await;
        let measured = refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "10.12345", "currency": "XAU" })), "INVALID_INPUT", Some("amount")).await;
        assert_eq!(funding.errors[0]["message"], measured.errors[0]["message"]);
        assert_eq!(funding.errors[0]["message"], "amount: 10.12345 has more than 4 decimal places");
        // Money in a measurement is never negative.
        let negative = refused(&app, token, MEASURE, measurement(&p, &money, &me, json!({ "amount": "-10", "currency": "EUR" })), "INVALID_INPUT", Some("amount")).await;
        assert_eq!(negative.errors[0]["message"], "amount: -10 is negative");
        let mut late = measurement(&p, &money, &me, json!({ "amount": "10", "currency": "EUR" }));
        late["i"]["periodEnd"] = json!("2101-01-01");
        refused(&app, token, MEASURE, late, "INVALID_INPUT", Some("periodEnd")).await;
        // A cancellation needs a reason; only a cancellation takes one.
        let r = app.gql(token, activity, json!({ "p": p, "i": { "title": "Exchange", "start": "2024-01-01", "due": "2024-12-31" } })).await;
        let a = str_at(r.ok(), "/recordActivity/partnership/plan/activities/0/id");
        let progress = "mutation($p: UUID!, $i: ProgressInput!) { recordProgress(partnershipId: $p, input: $i) { partnership { id } } }";
        refused(&app, token, progress, json!({ "p": p, "i": { "activityId": a, "on": "2024-06-01", "summary": "Dropped", "status": "CANCELLED" } }), "INVALID_INPUT", Some("reason")).await;
        refused(&app, token, progress, json!({ "p": p, "i": { "activityId": a, "on": "2024-06-01", "summary": "Going", "status": "IN_PROGRESS", "reason": "Budget" } }), "INVALID_INPUT", Some("reason")).await;
        // A contact person's e-mail; an analytic asked as of a future date.
        let person = "mutation($p: UUID!, $i: ContactPersonInput!) { recordContactPerson(partnershipId: $p, input: $i) { partnership { id } } }";
        refused(&app, token, person, json!({ "p": p, "i": { "name": "Li Wei", "role": "Office", "email": "li.wei", "from": "2024-01-01", "announced": true } }), "INVALID_INPUT", Some("email")).await;
        refused(&app, &app.operator, "{ platform { expiringAgreements(asOf: \"2999-01-01\") { nodes { title } } } }", json!({}), "INVALID_INPUT", Some("asOf")).await;
    }

    async fn text_with_a_nul_character_is_invalid_input_on_both_backends(app) {
        // PostgreSQL cannot store U+0000 in text: it must be refused as input,
        // not fail in the database (and not be taken by SQLite alone).
        let token = &app.initiator.editor;
        let (p, ..) = measured_partnership(&app).await;
        let today = chrono::Utc::now().date_naive().to_string();
        let nul = "Talks\u{0}held";
        refused(&app, token, "mutation($p: UUID!, $i: ContactInput!) { recordContact(partnershipId: $p, input: $i) { partnership { id } } }", json!({ "p": p, "i": { "on": today, "kind": "CALL", "direction": "OUTBOUND", "outcome": nul } }), "INVALID_INPUT", Some("outcome")).await;
        refused(&app, token, "mutation($i: StrategyInput!) { recordStrategy(input: $i) { version } }", json!({ "i": { "vision": nul } }), "INVALID_INPUT", Some("vision")).await;
        refused(&app, token, "mutation($c: UUID!, $n: String!) { addStakeholder(cityId: $c, input: { name: $n, sector: GOVERNMENT, involvement: PROMOTER }) { id } }", json!({ "c": app.initiator.id, "n": nul }), "INVALID_INPUT", Some("name")).await;
        refused(&app, &app.operator, "mutation($n: String!) { createCity(input: { name: $n, country: \"FR\" }) { id } }", json!({ "n": nul }), "INVALID_INPUT", Some("name")).await;
        refused(&app, &app.operator, "mutation($n: String!) { createAccount(input: { name: $n, role: OPERATOR }) { id } }", json!({ "n": nul }), "INVALID_INPUT", Some("name")).await;
        refused(&app, token, "mutation($a: UUID!, $l: String!) { issueToken(accountId: $a, label: $l) { secret } }", json!({ "a": app.initiator.editor_account, "l": nul }), "INVALID_INPUT", Some("label")).await;
        refused(&app, token, "mutation($p: UUID!, $k: String!) { recordKpiSelection(partnershipId: $p, input: { kpiCode: $k }) { partnership { id } } }", json!({ "p": p, "k": "VISITORS\u{0}" }), "NOT_FOUND", None).await;
        // In a filter (found by the fuzzing test): PostgreSQL refuses the
        // text, which is the input's fault; SQLite finds nothing.
        let r = app.gql(&app.operator, "query($c: String) { platform { stepFunnel(filter: { country: $c }) { count } } }", json!({ "c": "\u{0}" })).await;
        assert_ne!(r.code(), Some("INTERNAL"), "{:?}", r.errors);
        if r.code().is_some() {
            assert_eq!(r.code(), Some("INVALID_INPUT"), "{:?}", r.errors);
        }
    }

    async fn an_empty_strategy_vision_is_a_draft_not_an_error(app) {
        let events = app.count("event").await;
        let r = app
            .gql(
                &app.initiator.editor,
                "mutation($i: StrategyInput!) { recordStrategy(input: $i) { version vision objectives { id } } }",
                json!({ "i": { "vision": "" } }),
            )
            .await;
        let strategy = &r.ok()["recordStrategy"];
        assert_eq!(strategy["vision"], "");
        assert_eq!(strategy["objectives"], json!([]));
        assert_eq!(app.count("event").await, events + 1);
        // An empty input is a draft as well.
        let r = app
            .gql(&app.initiator.editor, "mutation { recordStrategy(input: {}) { version } }", json!({}))
            .await;
        assert_eq!(r.ok()["recordStrategy"]["version"], 2);
    }
}
