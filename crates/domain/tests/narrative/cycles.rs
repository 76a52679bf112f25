//! The loops demand new work: from cycle 2 on, Aim needs a strategy recorded
//! in the cycle (`AIM_RENEWED`), Commit a commitment (`COMMIT_RENEWED`), Plan
//! a plan version made and approved in the cycle (`PLAN_REVISED`). A
//! partnership cannot go around a loop twice on the first cycle's work.

use crate::support::{leave, unmet};
use c2c_domain::criteria::{self, Criterion};
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::{Command, Loop, Move, Narrative, Partnership, Step};

/// A partnership that has closed `l` once: it is at the loop's re-entry step
/// in cycle 2, nothing of the new cycle recorded.
fn in_second_cycle_of(l: Loop) -> (World, Partnership) {
    let def = Narrative::standard().loop_def(l);
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.drive_to(&mut p, def.closes_at).unwrap();
    w.complete(&mut p).unwrap();
    w.mv(&mut p, Move::LoopBack(l)).unwrap();
    assert_eq!(
        (p.state().step, p.state().cycle),
        (def.reenters, 2),
        "entered {l:?}"
    );
    (w, p)
}

#[test]
fn the_renewals_hold_in_the_first_cycle() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    for step in [Step::Aim, Step::Commit, Step::Plan] {
        w.drive_to(&mut p, step).unwrap();
        w.complete(&mut p).unwrap();
        for c in [
            Criterion::AimRenewed,
            Criterion::CommitRenewed,
            Criterion::PlanRevised,
        ] {
            assert_eq!(criteria::check(c, p.snapshot(), w.today()), None, "{c:?}");
        }
    }
}

#[test]
fn aim_renewed_blocks_a_second_city_development_cycle_on_the_old_strategy() {
    let (mut w, mut p) = in_second_cycle_of(Loop::CityDevelopment);
    w.complete_except(&mut p, &[Criterion::AimRenewed]).unwrap();
    assert_eq!(leave(&mut w, &mut p), ["AIM_RENEWED"]);
    let message = criteria::check(Criterion::AimRenewed, p.snapshot(), w.today()).unwrap();
    assert!(
        message.to_string().starts_with(
            "unmet-not-renewed(what: what-strategy, version: 1, recorded: 2020-01-01, cycle: 2"
        ),
        "{message}"
    );
}

#[test]
fn aim_renewed_is_met_by_a_strategy_recorded_in_the_cycle() {
    let (mut w, mut p) = in_second_cycle_of(Loop::CityDevelopment);
    assert_eq!(unmet(&w, &p), ["AIM_RENEWED"]);
    w.perform(&mut p, Action::Strategy(w.strategy_draft()))
        .unwrap();
    assert_eq!(unmet(&w, &p), Vec::<&str>::new());
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    assert_eq!(p.state().step, Step::Commit);
    // The commitment is due again as well, in the same cycle.
    assert_eq!(unmet(&w, &p), ["COMMIT_RENEWED"]);
}

#[test]
fn commit_renewed_blocks_a_local_helix_building_cycle_on_the_old_commitment() {
    let (mut w, mut p) = in_second_cycle_of(Loop::LocalHelixBuilding);
    w.complete_except(&mut p, &[Criterion::CommitRenewed])
        .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_RENEWED"]);
}

#[test]
fn commit_renewed_is_met_by_a_commitment_recorded_in_the_cycle() {
    let (mut w, mut p) = in_second_cycle_of(Loop::LocalHelixBuilding);
    assert_eq!(unmet(&w, &p), ["COMMIT_RENEWED"]);
    for action in w.fixes(&p, Criterion::CommitRenewed) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    assert_eq!(p.state().step, Step::Plan);
}

#[test]
fn plan_revised_blocks_a_continual_improvement_cycle_on_the_plan_of_cycle_one() {
    let (mut w, mut p) = in_second_cycle_of(Loop::ContinualImprovement);
    // The plan of cycle 1 is still approved by both cities.
    assert_eq!(unmet(&w, &p), ["PLAN_REVISED"]);
    assert_eq!(leave(&mut w, &mut p), ["PLAN_REVISED"]);
    assert_eq!(
        criteria::check(Criterion::PlanRevised, p.snapshot(), w.today())
            .unwrap()
            .to_string(),
        "unmet-plan-not-revised(version: 3, made: 1, cycle: 2)"
    );
}

#[test]
fn plan_revised_blocks_a_revision_until_both_cities_approve_it_in_the_cycle() {
    let (mut w, mut p) = in_second_cycle_of(Loop::ContinualImprovement);
    let title = p.outputs().plan.as_ref().unwrap().title.clone();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordPlan {
                title,
                summary: "Rail logistics added".into(),
            },
        ),
    )
    .unwrap();
    assert_eq!(unmet(&w, &p), ["PLAN_APPROVED", "PLAN_REVISED"]);
    let message = criteria::check(Criterion::PlanRevised, p.snapshot(), w.today()).unwrap();
    assert!(
        message
            .to_string()
            .starts_with("unmet-approval(what: what-plan-version-in-cycle(version: 4, cycle: 2)"),
        "{message}"
    );
}

#[test]
fn plan_revised_is_met_by_a_plan_version_of_the_cycle_approved_by_both() {
    let (mut w, mut p) = in_second_cycle_of(Loop::ContinualImprovement);
    for action in w.fixes(&p, Criterion::PlanRevised) {
        w.perform(&mut p, action).unwrap();
    }
    let plan = p.outputs().plan.as_ref().unwrap();
    assert_eq!((plan.version, plan.version_cycle), (4, 2));
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

/// The criterion a loop's re-entry demands from cycle 2 on.
fn renewal_of(l: Loop) -> Criterion {
    match l {
        Loop::ContinualImprovement => Criterion::PlanRevised,
        Loop::LocalHelixBuilding => Criterion::CommitRenewed,
        _ => Criterion::AimRenewed,
    }
}

#[test]
fn no_same_partnership_loop_completes_a_second_cycle_without_its_new_version() {
    for l in [
        Loop::ContinualImprovement,
        Loop::LocalHelixBuilding,
        Loop::CityDevelopment,
    ] {
        let def = Narrative::standard().loop_def(l);
        let (mut w, mut p) = in_second_cycle_of(l);
        let code = renewal_of(l);
        // Everything of cycle 2 but the new version: the walk stops at the
        // re-entry step.
        w.complete_except(&mut p, &[code]).unwrap();
        assert_eq!(leave(&mut w, &mut p), [code.code()], "{l:?}");
        assert_eq!(p.state().step, def.reenters);
        // With it, the cycle completes and the loop closes again.
        for action in w.fixes(&p, code) {
            w.perform(&mut p, action).unwrap();
        }
        while p.state().step != def.closes_at {
            w.complete(&mut p).unwrap();
            w.mv(&mut p, Move::Advance).unwrap();
        }
        w.complete(&mut p).unwrap();
        w.mv(&mut p, Move::LoopBack(l)).unwrap();
        assert_eq!(p.state().cycle, 3, "{l:?}");
    }
}
