//! Two cities drive one partnership through GraphQL: all eight steps, loop
//! backs by Continual improvement and Local helix building, a spawn from
//! Replicate, a loop back by City development. Before each step is complete a
//! move is tried, so that every exit criterion is seen in a
//! `TRANSITION_BLOCKED` answer; each loop's second cycle is refused with its
//! renewal's code until the new plan, commitment or strategy is recorded, and
//! Do is refused while an activity planned to start today has no team or
//! report.

use crate::flow::Flow;
use crate::helpers::{int_at, on_both_backends, str_at};
use serde_json::json;
use std::collections::BTreeSet;

/// Every criterion code of DESIGN §2. The journey sees each blocking but
/// `AGREEMENT_IN_FORCE` (its agreement never expires): `agreements.rs` sees
/// that one.
pub const ALL_CODES: [&str; 31] = [
    "AIM_VISION",
    "AIM_OBJECTIVE",
    "AIM_THEME",
    "AIM_STAKEHOLDER",
    "AIM_RENEWED",
    "COMMIT_POLITICAL",
    "COMMIT_PRIORITY",
    "COMMIT_ROLES",
    "COMMIT_RESOURCES",
    "COMMIT_RENEWED",
    "PARTNER_COUNTERPART",
    "PARTNER_ASSESSMENT",
    "PARTNER_PRIORITY",
    "PARTNER_AGREEMENT",
    "PLAN_ACTIVITY",
    "PLAN_ACTIVITY_COMPLETE",
    "PLAN_APPROVED",
    "PLAN_REVISED",
    "DO_TEAMS",
    "DO_PROGRESS",
    "DO_DELIVERED",
    "DO_RISKS_OWNED",
    "MEASURE_FRAMEWORK",
    "MEASURE_KPI_CAPTURED",
    "MEASURE_FEEDBACK",
    "MEASURE_EVALUATION",
    "ACT_DECIDED",
    "ACT_APPROVED",
    "REPLICATE_LESSONS",
    "REPLICATE_EXPOST",
    "AGREEMENT_IN_FORCE",
];

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn two_cities_drive_a_partnership_through_every_step_and_loop(app) {
        let mut f = Flow::start(&app).await;

        // Cycle 1 — City development from Aim.
        assert_eq!(f.blocked_advance().await.len(), 4);
        f.aim().await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await.len(), 4);
        f.commit().await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await.len(), 4);
        f.partner().await;
        f.advance().await;
        assert_eq!(f.at().await.0, "PLAN");
        assert_eq!(f.blocked_advance().await, ["PLAN_ACTIVITY", "PLAN_APPROVED"]);
        f.plan().await;
        assert_eq!(f.blocked_advance().await, ["PLAN_ACTIVITY_COMPLETE", "PLAN_APPROVED"]);
        // The refusal names both cities by name and what meets each criterion.
        let refusal = f.last_refusal.as_ref().expect("a refusal").unmet_checked();
        assert_eq!(refusal[1]["fixedBy"], json!(["recordApproval"]));
        let approval = refusal[1]["message"].as_str().unwrap_or_default();
        let both = format!("{} and {}", app.initiator.name, app.counterpart.name);
        assert!(approval.ends_with(&format!("lacks the political approval of {both}")), "{approval}");
        let r = f.read(&app.initiator.editor, "readiness { unmet { code message fixedBy } }").await;
        let read = &r.ok()["partnership"]["readiness"][0]["unmet"][1];
        assert_eq!((read["message"].as_str(), &read["fixedBy"]), (Some(approval), &json!(["recordApproval"])));
        f.fix_plan().await;
        f.approve("PLAN").await;
        f.advance().await;
        // Both activities start today: under way, though nobody reported them
        // started.
        assert_eq!(f.blocked_advance().await, ["DO_TEAMS", "DO_PROGRESS", "DO_DELIVERED"]);
        f.progress("IN_PROGRESS").await;
        f.risk(None).await;
        assert_eq!(f.blocked_advance().await, ["DO_TEAMS", "DO_PROGRESS", "DO_RISKS_OWNED"]);
        f.teams().await;
        f.risk(Some("Visa officer")).await;
        // The second activity, planned and started, still has neither.
        assert_eq!(f.blocked_advance().await, ["DO_TEAMS", "DO_PROGRESS"]);
        let r = f.read(&app.initiator.editor, "readiness { unmet { message } }").await;
        let message = str_at(r.ok(), "/partnership/readiness/0/unmet/0/message");
        assert!(message.contains(&format!("'Exchange led by {}'", app.counterpart.id)), "{message}");
        f.teams_of(1).await;
        f.progress_of(1, "IN_PROGRESS").await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await, ["MEASURE_FRAMEWORK", "MEASURE_FEEDBACK", "MEASURE_EVALUATION"]);
        f.select_kpi().await;
        assert_eq!(f.blocked_advance().await, ["MEASURE_KPI_CAPTURED", "MEASURE_FEEDBACK", "MEASURE_EVALUATION"]);
        f.measure(31).await;
        f.feedback_and_evaluation(true).await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await, ["ACT_DECIDED", "ACT_APPROVED"]);
        f.decide().await;
        f.approve("DECISIONS").await;
        f.loop_back("CONTINUAL_IMPROVEMENT").await;
        assert_eq!(f.at().await, ("PLAN".into(), "CONTINUAL_IMPROVEMENT".into(), 2));

        // Cycle 2 — Continual improvement: a revised plan; Do needs new reports.
        assert_eq!(f.blocked_advance().await, ["PLAN_REVISED"]);
        f.revise_plan("Education first; rail logistics from cycle 2").await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await, ["DO_PROGRESS", "DO_DELIVERED"]);
        f.progress("IN_PROGRESS").await;
        f.progress_of(1, "IN_PROGRESS").await;
        f.advance().await;
        f.measure(35).await;
        f.feedback_and_evaluation(false).await;
        f.advance().await;
        f.approve("DECISIONS").await;
        f.loop_back("LOCAL_HELIX_BUILDING").await;
        assert_eq!(f.at().await, ("COMMIT".into(), "LOCAL_HELIX_BUILDING".into(), 3));

        // Cycle 3 — Local helix building: a renewed commitment, then straight
        // to Plan, revised again.
        assert_eq!(f.blocked_advance().await, ["COMMIT_RENEWED"]);
        f.commit().await;
        f.advance().await;
        assert_eq!(f.at().await.0, "PLAN");
        assert_eq!(f.blocked_advance().await, ["PLAN_REVISED"]);
        f.revise_plan("Education first; the helix renewed in cycle 3").await;
        f.advance().await;
        f.progress("COMPLETED").await;
        f.progress_of(1, "IN_PROGRESS").await;
        f.advance().await;
        f.measure(40).await;
        f.feedback_and_evaluation(false).await;
        f.advance().await;
        f.approve("DECISIONS").await;
        f.advance().await;
        assert_eq!(f.at().await.0, "REPLICATE");
        assert_eq!(f.blocked_advance_conclude().await, ["REPLICATE_LESSONS", "REPLICATE_EXPOST"]);
        f.replicate().await;

        // A spawn: a new partnership of the same city, at Partner, with a new
        // counterpart and the origin's success factors as starting notes.
        let spawned = app
            .gql(
                &app.initiator.editor,
                "mutation($f: UUID!, $c: UUID!) { spawnPartnership(fromId: $f, counterpartCityId: $c) { id step loop cycle originId startingNotes counterpart { id } } }",
                json!({ "f": f.id, "c": app.unrelated.id }),
            )
            .await;
        let child = spawned.ok()["spawnPartnership"].clone();
        assert_eq!((str_at(&child, "/step"), str_at(&child, "/loop")), ("PARTNER".into(), "NEW_PARTNERSHIP".into()));
        assert_eq!(str_at(&child, "/originId"), f.id);
        assert_eq!(str_at(&child, "/counterpart/id"), app.unrelated.id);
        assert_eq!(child["startingNotes"], json!(["A small group of persistent people on both sides"]));
        let r = f.read(&app.initiator.editor, "version").await;
        f.version = int_at(r.ok(), "/partnership/version");

        // Cycle 4 — City development, back at Aim: a new strategy, then a
        // new commitment.
        f.loop_back("CITY_DEVELOPMENT").await;
        assert_eq!(f.at().await, ("AIM".into(), "CITY_DEVELOPMENT".into(), 4));
        assert_eq!(f.blocked_advance().await, ["AIM_RENEWED"]);
        f.aim().await;
        f.advance().await;
        assert_eq!(f.blocked_advance().await, ["COMMIT_RENEWED"]);
        f.commit().await;
        f.advance().await;
        assert_eq!(f.at().await, ("PARTNER".into(), "CITY_DEVELOPMENT".into(), 4));

        let missing: Vec<_> = ALL_CODES
            .iter()
            .filter(|c| **c != "AGREEMENT_IN_FORCE" && !f.blocked.contains(**c))
            .collect();
        assert!(missing.is_empty(), "criteria never seen blocking: {missing:?}");

        // The history lists every event with its actor and city.
        let history = f.read(&app.counterpart.editor, "history { kind actorId cityId city { name } step loop cycle version }").await;
        let events = history.ok()["partnership"]["history"].as_array().unwrap().clone();
        assert_eq!(events.len() as i64, f.version, "one event per version");
        let kinds: BTreeSet<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
        for kind in ["STARTED", "ADVANCED", "LOOPED_BACK", "SPAWNED", "COUNTERPART_CHOSEN", "AGREEMENT_SIGNED", "MEASUREMENT_RECORDED", "APPROVED", "EX_POST_RECORDED"] {
            assert!(kinds.contains(kind), "no {kind} in the history");
        }
        let cities: BTreeSet<&str> = events.iter().filter_map(|e| e["city"]["name"].as_str()).collect();
        assert_eq!(cities, BTreeSet::from(["Gothenburg", "Shanghai"]));
        for e in &events {
            assert!(e["actorId"].as_str().is_some_and(|a| !a.is_empty()));
        }
        let loops: Vec<&str> = events
            .iter()
            .filter(|e| e["kind"] == "LOOPED_BACK")
            .filter_map(|e| e["loop"].as_str())
            .collect();
        assert_eq!(loops, ["CONTINUAL_IMPROVEMENT", "LOCAL_HELIX_BUILDING", "CITY_DEVELOPMENT"]);
    }
}
