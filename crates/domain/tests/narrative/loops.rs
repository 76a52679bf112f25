//! The loop table equals DESIGN §3, and every loop is a cycle a partnership can
//! complete.

use c2c_domain::fixtures::World;
use c2c_domain::narrative::Reentry;
use c2c_domain::{Change, DomainError, Loop, MoveKind, Narrative, Status, Step};

fn codes(steps: &[Step]) -> String {
    steps.iter().map(|s| s.code()).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_loop_table_is_the_one_of_design_section_3() {
    let n = Narrative::standard();
    let table: Vec<(&str, String, &str, &str, Reentry)> = n
        .loops
        .iter()
        .map(|l| {
            (
                l.loop_.code(),
                codes(l.steps),
                l.closes_at.code(),
                l.reenters.code(),
                l.reentry,
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            (
                "NEW_PARTNERSHIP",
                "PARTNER PLAN DO MEASURE ACT REPLICATE".to_owned(),
                "REPLICATE",
                "PARTNER",
                Reentry::NewPartnership
            ),
            (
                "CONTINUAL_IMPROVEMENT",
                "PLAN DO MEASURE ACT".to_owned(),
                "ACT",
                "PLAN",
                Reentry::SamePartnership
            ),
            (
                "LOCAL_HELIX_BUILDING",
                "COMMIT PLAN DO MEASURE ACT".to_owned(),
                "ACT",
                "COMMIT",
                Reentry::SamePartnership
            ),
            (
                "CITY_DEVELOPMENT",
                "AIM COMMIT PARTNER PLAN DO MEASURE ACT REPLICATE".to_owned(),
                "REPLICATE",
                "AIM",
                Reentry::SamePartnership
            ),
        ]
    );
}

#[test]
fn a_partnership_starts_at_aim_in_city_development_or_at_partner_in_new_partnership() {
    let n = Narrative::standard();
    let starts: Vec<(&str, &str)> = n
        .starts
        .iter()
        .map(|s| (s.step.code(), s.loop_.code()))
        .collect();
    assert_eq!(
        starts,
        [("AIM", "CITY_DEVELOPMENT"), ("PARTNER", "NEW_PARTNERSHIP")]
    );
}

#[test]
fn every_loop_path_is_walked_in_narrative_order_without_skips_but_helix_partner() {
    let n = Narrative::standard();
    for def in n.loops {
        for pair in def.steps.windows(2) {
            let (from, to) = (n.position(pair[0]), n.position(pair[1]));
            let helix_skip = def.loop_ == Loop::LocalHelixBuilding
                && pair[0] == Step::Commit
                && pair[1] == Step::Plan;
            assert!(
                to == from + 1 || helix_skip,
                "{:?} skips in {:?}",
                pair,
                def.loop_
            );
        }
        assert_eq!(def.steps.last(), Some(&def.closes_at));
        assert_eq!(def.steps.first(), Some(&def.reenters));
    }
}

#[test]
fn the_move_table_offers_each_loop_back_at_its_closing_step_only() {
    let n = Narrative::standard();
    for rule in n.move_table() {
        if let Some(l) = rule.allowed.loop_ {
            assert_eq!(n.loop_def(l).closes_at, rule.from);
            assert_eq!(rule.allowed.target, Some(n.loop_def(l).reenters));
        }
        if rule.allowed.kind == MoveKind::Conclude {
            assert_eq!(rule.from, Step::Replicate);
        }
    }
    let at_act: Vec<_> = n
        .allowed_moves(Status::Active, Loop::ContinualImprovement, Step::Act)
        .into_iter()
        .map(|m| (m.kind, m.loop_, m.target))
        .collect();
    assert_eq!(
        at_act,
        [
            (MoveKind::Advance, None, Some(Step::Replicate)),
            (
                MoveKind::LoopBack,
                Some(Loop::ContinualImprovement),
                Some(Step::Plan)
            ),
            (
                MoveKind::LoopBack,
                Some(Loop::LocalHelixBuilding),
                Some(Step::Commit)
            ),
            (MoveKind::Suspend, None, Some(Step::Act)),
            (MoveKind::Terminate, None, None),
        ]
    );
}

/// Drives a partnership around one cycle of a loop and checks that it comes
/// back to the loop's re-entry step in the next cycle (or, for New
/// partnership, that a new partnership starts there).
fn complete_cycle_of(l: Loop) {
    let n = Narrative::standard();
    let def = n.loop_def(l);
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    // Get into the loop first: reach its closing step and loop back by it.
    w.drive_to(&mut p, def.closes_at).unwrap();
    w.complete(&mut p).unwrap();
    let entered = match def.reentry {
        Reentry::SamePartnership => {
            w.mv(&mut p, c2c_domain::Move::LoopBack(l)).unwrap();
            p.clone()
        }
        Reentry::NewPartnership => w.spawn(&mut p).unwrap().child,
    };
    assert_eq!(entered.state().step, def.reenters);
    assert_eq!(entered.state().loop_, l);
    // Then walk the whole path of the loop and close it again.
    let mut p = entered;
    let cycle = p.state().cycle;
    let mut visited = vec![p.state().step];
    while p.state().step != def.closes_at {
        w.complete(&mut p).unwrap();
        let e = w.mv(&mut p, c2c_domain::Move::Advance).unwrap();
        assert!(matches!(e.change, Change::Advanced { .. }));
        visited.push(p.state().step);
    }
    assert_eq!(visited, def.steps, "the path walked in {l:?}");
    w.complete(&mut p).unwrap();
    match def.reentry {
        Reentry::SamePartnership => {
            w.mv(&mut p, c2c_domain::Move::LoopBack(l)).unwrap();
            assert_eq!(p.state().step, def.reenters);
            assert_eq!(p.state().cycle, cycle + 1);
        }
        Reentry::NewPartnership => {
            let spawned = w.spawn(&mut p).unwrap();
            assert_eq!(spawned.child.state().step, def.reenters);
            assert_eq!(spawned.child.snapshot().origin, Some(p.id()));
        }
    }
}

#[test]
fn a_partnership_can_complete_a_new_partnership_cycle() {
    complete_cycle_of(Loop::NewPartnership);
}

#[test]
fn a_partnership_can_complete_a_continual_improvement_cycle() {
    complete_cycle_of(Loop::ContinualImprovement);
}

#[test]
fn a_partnership_can_complete_a_local_helix_building_cycle() {
    complete_cycle_of(Loop::LocalHelixBuilding);
}

#[test]
fn a_partnership_can_complete_a_city_development_cycle() {
    complete_cycle_of(Loop::CityDevelopment);
}

#[test]
fn a_loop_back_needs_the_exit_criteria_of_the_closing_step() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.drive_to(&mut p, Step::Act).unwrap();
    match w.mv(
        &mut p,
        c2c_domain::Move::LoopBack(Loop::ContinualImprovement),
    ) {
        Err(DomainError::Blocked { kind, unmet }) => {
            assert_eq!(kind, MoveKind::LoopBack);
            assert!(unmet.iter().any(|u| u.criterion.code() == "ACT_DECIDED"));
        }
        other => panic!("expected a blocked loop back, got {other:?}"),
    }
    assert_eq!(p.state().cycle, 1);
}

#[test]
fn a_loop_cannot_be_closed_away_from_its_closing_step() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.drive_to(&mut p, Step::Plan).unwrap();
    w.complete(&mut p).unwrap();
    let e = w.mv(
        &mut p,
        c2c_domain::Move::LoopBack(Loop::ContinualImprovement),
    );
    assert!(matches!(
        e,
        Err(DomainError::NotAllowed {
            kind: MoveKind::LoopBack,
            ..
        })
    ));
    let e = w.mv(&mut p, c2c_domain::Move::LoopBack(Loop::CityDevelopment));
    assert!(matches!(e, Err(DomainError::NotAllowed { .. })));
}
