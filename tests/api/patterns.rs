//! The failure patterns over GraphQL, on a small dataset computed by hand:
//! key contacts that change without notice (`contactPersonChanges`), one side
//! doing all the initiative (`oneSidedPartnerships`), and dormancy as of a
//! date with suspended partnerships included (`stalledPartnerships`).
//!
//! Gothenburg (G) initiates two partnerships at Partner, both started on
//! 2023-01-01:
//!
//! P1, G–Shanghai (S), suspended on 2024-06-15:
//! - contacts: G's meeting 2024-03-01, G's delegation 2024-04-01 (followed
//!   up by S on 2024-04-20), S's joint visit 2024-04-15, G's call 2024-05-01;
//! - contact persons: G names Anna from 2024-01-01 (announced) and Bo from
//!   2024-05-10 (not announced); Anna leaves on 2024-05-09 (not announced).
//!   S names Li from 2024-02-01 (announced) and Wang from 2024-06-01
//!   (announced); Li leaves on 2024-05-31 (announced).
//!
//! P2, G–Łódź (L): G's meetings on the 10th of January to May 2024, L's
//! meeting on 2024-05-20.

use crate::flow::Flow;
use crate::helpers::{TestApp, on_both_backends, str_at};
use serde_json::{Value, json};

async fn contact(f: &mut Flow<'_>, token: &str, (on, kind): (&str, &str), joint: bool) -> String {
    f.change(
        token,
        "recordContact(partnershipId: $id, input: $i)",
        "$id: UUID!, $i: ContactInput!",
        json!({ "i": { "on": on, "kind": kind, "direction": "OUTBOUND", "outcome": "Talks", "joint": joint } }),
    )
    .await;
    let r = f.read(token, "contacts { id on }").await;
    let list = r.ok()["partnership"]["contacts"]
        .as_array()
        .unwrap()
        .clone();
    let c = list.iter().find(|c| c["on"] == on).unwrap();
    str_at(c, "/id")
}

async fn person(f: &mut Flow<'_>, token: &str, id: Option<&str>, person: Value) -> String {
    let mut input = person;
    if let Some(id) = id {
        input["id"] = json!(id);
    }
    let name = input["name"].as_str().unwrap().to_owned();
    f.change(
        token,
        "recordContactPerson(partnershipId: $id, input: $i)",
        "$id: UUID!, $i: ContactPersonInput!",
        json!({ "i": input }),
    )
    .await;
    let r = f.read(token, "contactPersons { id name }").await;
    let list = r.ok()["partnership"]["contactPersons"]
        .as_array()
        .unwrap()
        .clone();
    str_at(
        list.iter().find(|p| p["name"] == name.as_str()).unwrap(),
        "/id",
    )
}

/// The dataset of the module's doc; the two partnerships' identifiers.
async fn dataset(app: &TestApp) -> (String, String) {
    let (g, s, l) = (
        app.initiator.editor.clone(),
        app.counterpart.editor.clone(),
        app.unrelated.editor.clone(),
    );
    let mut p1 = Flow::start_at_partner(app, "2023-01-01T00:00:00Z", &app.counterpart.id).await;
    contact(&mut p1, &g, ("2024-03-01", "MEETING"), false).await;
    let delegation = contact(&mut p1, &g, ("2024-04-01", "DELEGATION"), false).await;
    p1.change(
        &s,
        "recordFollowUp(partnershipId: $id, contactId: $c, on: \"2024-04-20\", note: \"Minutes sent\")",
        "$id: UUID!, $c: UUID!",
        json!({ "c": delegation }),
    )
    .await;
    contact(&mut p1, &s, ("2024-04-15", "VISIT"), true).await;
    contact(&mut p1, &g, ("2024-05-01", "CALL"), false).await;
    let p = |name: &str, from: &str, announced: bool| json!({ "name": name, "role": "International office", "from": from, "announced": announced });
    let anna = person(&mut p1, &g, None, p("Anna", "2024-01-01", true)).await;
    person(&mut p1, &g, None, p("Bo", "2024-05-10", false)).await;
    let mut left = p("Anna", "2024-01-01", false);
    left["until"] = json!("2024-05-09");
    person(&mut p1, &g, Some(&anna), left).await;
    let li = person(&mut p1, &s, None, p("Li", "2024-02-01", true)).await;
    person(&mut p1, &s, None, p("Wang", "2024-06-01", true)).await;
    let mut left = p("Li", "2024-02-01", true);
    left["until"] = json!("2024-05-31");
    person(&mut p1, &s, Some(&li), left).await;
    let suspend = "suspendPartnership(id: $id, reason: \"Elections\", expectedVersion: $v, at: \"2024-06-15T00:00:00Z\")";
    let v = p1.version;
    p1.change(&g, suspend, "$id: UUID!, $v: Int!", json!({ "v": v }))
        .await;

    let mut p2 = Flow::start_at_partner(app, "2023-01-01T00:00:00Z", &app.unrelated.id).await;
    for month in 1..=5 {
        contact(
            &mut p2,
            &g,
            (&format!("2024-0{month}-10"), "MEETING"),
            false,
        )
        .await;
    }
    contact(&mut p2, &l, ("2024-05-20", "MEETING"), false).await;
    (p1.id, p2.id)
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn the_failure_patterns_give_the_answers_computed_by_hand(app) {
        let (p1, p2) = dataset(&app).await;

        // Changes of contact persons in (2024-04-01, 2024-06-30]: Anna left
        // and Bo started (G had named Anna), neither announced; Li left and
        // Wang started, both announced. The first persons of each city and
        // the starts before the window are no changes.
        let changes = app
            .gql(
                &app.operator,
                "{ platform { contactPersonChanges(withinDays: 90, asOf: \"2024-06-30\") { nodes { partnership { id } city { name } person { name until } kind on announced flagged } } } }",
                json!({}),
            )
            .await;
        let row = |city: &str, name: &str, until: Value, kind: &str, on: &str, announced: bool| {
            json!({ "partnership": { "id": p1 }, "city": { "name": city }, "person": { "name": name, "until": until }, "kind": kind, "on": on, "announced": announced, "flagged": !announced })
        };
        assert_eq!(
            changes.ok()["platform"]["contactPersonChanges"]["nodes"],
            json!([
                row("Gothenburg", "Anna", json!("2024-05-09"), "ENDED", "2024-05-09", false),
                row("Gothenburg", "Bo", Value::Null, "STARTED", "2024-05-10", false),
                row("Shanghai", "Li", json!("2024-05-31"), "ENDED", "2024-05-31", true),
                row("Shanghai", "Wang", Value::Null, "STARTED", "2024-06-01", true),
            ])
        );

        // Items in (2023-07-01, 2024-06-30]: P1 — G three contacts, Anna and
        // Bo: 5; S its visit, the follow-up it recorded, Li and Wang: 4; 5/9.
        // P2 — G five meetings, L one: 5/6.
        let one_sided = |share: f64| {
            let app = &app;
            async move {
                app.gql(
                    &app.operator,
                    "query($s: Float!) { platform { oneSidedPartnerships(minShare: $s, asOf: \"2024-06-30\") { nodes { partnership { id } initiatorItems counterpartItems share leadingCity { name } } } } }",
                    json!({ "s": share }),
                )
                .await
            }
        };
        let r = one_sided(0.8).await;
        assert_eq!(
            r.ok()["platform"]["oneSidedPartnerships"]["nodes"],
            json!([{ "partnership": { "id": p2 }, "initiatorItems": 5, "counterpartItems": 1, "share": 5.0 / 6.0, "leadingCity": { "name": "Gothenburg" } }])
        );
        let r = one_sided(0.5).await;
        assert_eq!(
            r.ok()["platform"]["oneSidedPartnerships"]["nodes"],
            json!([
                { "partnership": { "id": p2 }, "initiatorItems": 5, "counterpartItems": 1, "share": 5.0 / 6.0, "leadingCity": { "name": "Gothenburg" } },
                { "partnership": { "id": p1 }, "initiatorItems": 5, "counterpartItems": 4, "share": 5.0 / 9.0, "leadingCity": { "name": "Gothenburg" } }
            ])
        );
        // Shanghai sees P1 only; a share beyond 1 is refused.
        let s = app.gql(&app.counterpart.viewer, "{ platform { oneSidedPartnerships(minShare: 0.5, asOf: \"2024-06-30\") { nodes { initiatorItems } } } }", json!({})).await;
        assert_eq!(s.ok()["platform"]["oneSidedPartnerships"]["nodes"], json!([{ "initiatorItems": 5 }]));
        let bad = app.gql(&app.operator, "{ platform { oneSidedPartnerships(minShare: 1.5) { nodes { share } } } }", json!({})).await;
        assert_eq!(bad.code(), Some("INVALID_INPUT"));

        // Dormant as of 2024-06-30 for 45 days: P1, suspended, silent since
        // G's call of 2024-05-01 (60 days); P2's last meeting was 41 days
        // before. Counting joint contacts only: P2 has none (judged by its
        // start), P1's joint visit was on 2024-04-15.
        let stalled = |joint: bool| {
            let app = &app;
            async move {
                app.gql(
                    &app.operator,
                    "query($j: Boolean!) { platform { stalledPartnerships(days: 45, asOf: \"2024-06-30\", jointOnly: $j) { nodes { partnership { id } status lastActivityOn anyActivity daysSilent } } } }",
                    json!({ "j": joint }),
                )
                .await
            }
        };
        let r = stalled(false).await;
        assert_eq!(
            r.ok()["platform"]["stalledPartnerships"]["nodes"],
            json!([{ "partnership": { "id": p1 }, "status": "SUSPENDED", "lastActivityOn": "2024-05-01", "anyActivity": true, "daysSilent": 60 }])
        );
        let r = stalled(true).await;
        assert_eq!(
            r.ok()["platform"]["stalledPartnerships"]["nodes"],
            json!([
                { "partnership": { "id": p2 }, "status": "ACTIVE", "lastActivityOn": "2023-01-01", "anyActivity": false, "daysSilent": 546 },
                { "partnership": { "id": p1 }, "status": "SUSPENDED", "lastActivityOn": "2024-04-15", "anyActivity": true, "daysSilent": 76 }
            ])
        );
        let future = app.gql(&app.operator, "{ platform { stalledPartnerships(asOf: \"2999-01-01\") { nodes { daysSilent } } } }", json!({})).await;
        assert_eq!(future.code(), Some("INVALID_INPUT"));

        // A page at a time: the same two, one per page, the cursor of the
        // first leading to the second.
        let page = |after: Value| {
            let app = &app;
            async move {
                app.gql(
                    &app.operator,
                    "query($a: String) { platform { stalledPartnerships(days: 45, asOf: \"2024-06-30\", jointOnly: true, first: 1, after: $a) { edges { cursor node { partnership { id } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }",
                    json!({ "a": after }),
                )
                .await
                .ok()["platform"]["stalledPartnerships"]
                .clone()
            }
        };
        let one = page(Value::Null).await;
        assert_eq!(one["edges"][0]["node"]["partnership"]["id"], json!(p2));
        assert_eq!(one["pageInfo"], json!({ "hasNextPage": true, "hasPreviousPage": false, "endCursor": one["edges"][0]["cursor"] }));
        let two = page(one["pageInfo"]["endCursor"].clone()).await;
        assert_eq!(two["edges"][0]["node"]["partnership"]["id"], json!(p1));
        assert_eq!(two["pageInfo"]["hasNextPage"], json!(false));
        assert_eq!(two["pageInfo"]["hasPreviousPage"], json!(true));
        let three = page(two["pageInfo"]["endCursor"].clone()).await;
        assert_eq!(three["edges"], json!([]));
        // Pages are at most 100, and a cursor is one of the list's.
        for (args, field) in [("first: 101", "first"), ("first: 0", "first"), ("after: \"x\"", "after")] {
            let q = format!("{{ platform {{ unfollowedDelegations({args}) {{ nodes {{ on }} }} }} }}");
            let r = app.gql(&app.operator, &q, json!({})).await;
            assert_eq!(r.code(), Some("INVALID_INPUT"), "{args}");
            assert_eq!(r.errors[0].pointer("/extensions/field").and_then(Value::as_str), Some(field), "{args}");
        }
    }
}
