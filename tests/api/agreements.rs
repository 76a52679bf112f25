//! An agreement in force throughout, and the project-first route, over
//! GraphQL: a move after the agreement expired is refused with
//! `AGREEMENT_IN_FORCE` and allowed again once a renewal is signed by both;
//! readiness warns ahead of the expiry; a joint project agreement on an
//! agreed first priority passes Partner.

use crate::flow::Flow;
use crate::helpers::{on_both_backends, str_at};
use serde_json::{Value, json};

/// The Partner outputs but the agreement: assessment, a first priority agreed
/// by both on `on`.
async fn partner_without_agreement(f: &mut Flow<'_>, on: &str) {
    let init = f.app.initiator.editor.clone();
    let counterpart = f.app.counterpart.id.clone();
    let items: Vec<Value> = [
        "REPRESENTS_CITY",
        "HISTORICAL_BASIS",
        "SHARED_AIMS",
        "PLATFORM_INTEREST",
    ]
    .iter()
    .map(|c| json!({ "criterion": c, "answer": "MET" }))
    .collect();
    f.change(
        &init,
        "recordAssessment(partnershipId: $id, input: $i)",
        "$id: UUID!, $i: AssessmentInput!",
        json!({ "i": { "candidateCityId": counterpart, "on": on, "items": items } }),
    )
    .await;
    for token in [init.clone(), f.app.counterpart.editor.clone()] {
        f.change(
            &token,
            "recordFirstPriority(partnershipId: $id, area: EDUCATION_RESEARCH, by: \"Mayor\", on: $on)",
            "$id: UUID!, $on: NaiveDate!",
            json!({ "on": on }),
        )
        .await;
    }
}

/// An agreement recorded by the initiator and signed by both cities on `on`;
/// its identifier.
async fn sign(f: &mut Flow<'_>, input: Value, on: &str) -> String {
    let init = f.app.initiator.editor.clone();
    f.change(
        &init,
        "recordAgreement(partnershipId: $id, input: $i)",
        "$id: UUID!, $i: AgreementInput!",
        json!({ "i": input }),
    )
    .await;
    let r = f.read(&init, "agreements { id }").await;
    let n = r.ok()["partnership"]["agreements"]
        .as_array()
        .unwrap()
        .len();
    let agreement = str_at(r.ok(), &format!("/partnership/agreements/{}/id", n - 1));
    for token in [init, f.app.counterpart.editor.clone()] {
        f.change(
            &token,
            "recordSignature(partnershipId: $id, agreementId: $a, by: \"Mayor\", on: $on)",
            "$id: UUID!, $a: UUID!, $on: NaiveDate!",
            json!({ "a": agreement, "on": on }),
        )
        .await;
    }
    agreement
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_move_after_the_agreement_expired_is_refused_until_a_renewal_is_signed(app) {
        let counterpart = app.counterpart.id.clone();
        let mut f = Flow::start_at_partner(&app, "2020-01-01T00:00:00Z", &counterpart).await;
        partner_without_agreement(&mut f, "2020-01-05").await;
        let mou = sign(
            &mut f,
            json!({ "kind": "MOU", "title": "MoU 2020", "areas": ["EDUCATION_RESEARCH"], "validUntil": "2021-01-09" }),
            "2020-01-10",
        )
        .await;
        assert!(f.try_advance_at("2020-02-01T00:00:00Z").await.errors.is_empty());
        f.plan().await;
        f.fix_plan().await;
        f.approve("PLAN").await;

        // Before the expiry, readiness warns; it needs no action yet.
        let r = f.read(&app.initiator.editor, "readiness(on: \"2020-12-01\") { move ready warnings { code message } }").await;
        let advance = &r.ok()["partnership"]["readiness"][0];
        assert_eq!((advance["move"].as_str(), advance["ready"].as_bool()), (Some("ADVANCE"), Some(true)));
        assert_eq!(advance["warnings"][0]["code"], "AGREEMENT_EXPIRING");
        assert_eq!(
            advance["warnings"][0]["message"],
            "the agreements in force expire by 2021-01-09, in 39 days, and no agreement signed by both cities follows them: 'MoU 2020'"
        );

        // After it, Plan's own criteria hold but the move is refused.
        let refused = f.try_advance_at("2021-06-01T00:00:00Z").await;
        assert_eq!(refused.code(), Some("TRANSITION_BLOCKED"));
        assert_eq!(refused.unmet(), ["AGREEMENT_IN_FORCE"]);
        assert_eq!(
            refused.errors[0].pointer("/extensions/unmet/0/message").and_then(Value::as_str),
            Some("the last agreement signed by both cities, 'MoU 2020', expired on 2021-01-09: none is in force on 2021-06-01")
        );
        assert_eq!(f.at().await.0, "PLAN");

        // A renewal signed by both carries the partnership over the expiry.
        sign(
            &mut f,
            json!({ "kind": "MOU", "title": "MoU 2021", "validUntil": "2024-04-30", "renewalOf": mou }),
            "2021-05-01",
        )
        .await;
        let moved = f.try_advance_at("2021-06-01T00:00:00Z").await;
        assert!(moved.errors.is_empty(), "{:?}", moved.errors);
        assert_eq!(f.at().await.0, "DO");
    }

    async fn the_project_first_route_passes_partner_on_a_project_agreement_naming_an_agreed_priority(app) {
        let counterpart = app.counterpart.id.clone();
        let mut f = Flow::start_at_partner(&app, "2023-01-01T00:00:00Z", &counterpart).await;
        partner_without_agreement(&mut f, "2023-02-01").await;
        // A project on an area the cities did not agree first does not pass.
        sign(
            &mut f,
            json!({ "kind": "PROJECT_AGREEMENT", "title": "Joint film week", "areas": ["CULTURE"] }),
            "2023-03-01",
        )
        .await;
        let refused = f.try_advance_at("2023-04-01T00:00:00Z").await;
        assert_eq!(refused.unmet(), ["PARTNER_AGREEMENT"]);
        // One on the agreed first priority does: no MoU first (Athens and Chengdu).
        sign(
            &mut f,
            json!({ "kind": "PROJECT_AGREEMENT", "title": "Joint summer school", "areas": ["EDUCATION_RESEARCH"] }),
            "2023-03-15",
        )
        .await;
        let moved = f.try_advance_at("2023-04-01T00:00:00Z").await;
        assert!(moved.errors.is_empty(), "{:?}", moved.errors);
        assert_eq!(f.at().await.0, "PLAN");
        let kinds = f.read(&app.counterpart.viewer, "agreements { kind signedOn }").await;
        assert_eq!(
            kinds.ok()["partnership"]["agreements"],
            json!([
                { "kind": "PROJECT_AGREEMENT", "signedOn": "2023-03-01" },
                { "kind": "PROJECT_AGREEMENT", "signedOn": "2023-03-15" }
            ])
        );
    }
}
