//! One partnership through all eight steps, both Act loops, the City
//! development loop and a spawn.

use c2c_domain::fixtures::{Side, World};
use c2c_domain::{Change, Event, Loop, Move, Partnership, Status, Step};

fn advance_to(w: &mut World, p: &mut Partnership, step: Step, history: &mut Vec<Event>) {
    while p.state().step != step {
        w.complete(p).unwrap();
        history.push(w.mv(p, Move::Advance).unwrap());
    }
}

fn close(w: &mut World, p: &mut Partnership, l: Loop, history: &mut Vec<Event>) {
    w.complete(p).unwrap();
    history.push(w.mv(p, Move::LoopBack(l)).unwrap());
}

#[test]
fn a_partnership_runs_all_steps_both_act_loops_city_development_and_a_spawn() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    let mut moves = Vec::new();
    let start_version = p.version();

    // Cycle 1: the whole narrative up to Act, then Continual improvement.
    advance_to(&mut w, &mut p, Step::Act, &mut moves);
    close(&mut w, &mut p, Loop::ContinualImprovement, &mut moves);
    assert_eq!(
        (p.state().step, p.state().loop_, p.state().cycle),
        (Step::Plan, Loop::ContinualImprovement, 2)
    );

    // Cycle 2: a revised plan must be approved again by both cities.
    let plan_version = p.outputs().plan.as_ref().unwrap().version;
    let id = w.id();
    let draft = w.activity_draft(id, "Rail logistics seminar", w.counterpart);
    w.perform(
        &mut p,
        c2c_domain::fixtures::Action::Do(
            Side::Counterpart,
            c2c_domain::Command::RecordActivity(draft),
        ),
    )
    .unwrap();
    assert_eq!(p.outputs().plan.as_ref().unwrap().version, plan_version + 1);
    advance_to(&mut w, &mut p, Step::Act, &mut moves);
    close(&mut w, &mut p, Loop::LocalHelixBuilding, &mut moves);
    assert_eq!(
        (p.state().step, p.state().loop_, p.state().cycle),
        (Step::Commit, Loop::LocalHelixBuilding, 3)
    );

    // Cycle 3: Commit, then straight to Plan (the agreement stays in force).
    w.complete(&mut p).unwrap();
    moves.push(w.mv(&mut p, Move::Advance).unwrap());
    assert_eq!(p.state().step, Step::Plan);
    advance_to(&mut w, &mut p, Step::Replicate, &mut moves);
    close(&mut w, &mut p, Loop::CityDevelopment, &mut moves);
    assert_eq!(
        (p.state().step, p.state().loop_, p.state().cycle),
        (Step::Aim, Loop::CityDevelopment, 4)
    );

    // Cycle 4: the whole narrative again, then a spawn and the conclusion.
    advance_to(&mut w, &mut p, Step::Replicate, &mut moves);
    w.complete(&mut p).unwrap();
    let spawned = w.spawn(&mut p).unwrap();
    moves.push(spawned.origin_event.clone());
    w.wait(chrono::Duration::hours(1));
    moves.push(w.mv(&mut p, Move::Conclude).unwrap());
    assert_eq!(p.state().status, Status::Concluded);

    let path: Vec<String> = moves
        .iter()
        .map(|e| match &e.change {
            Change::Advanced { to, .. } => to.code().to_owned(),
            Change::LoopedBack { to, .. } => format!("{}@{}", to.code(), e.loop_.code()),
            _ => e.kind().to_owned(),
        })
        .collect();
    assert_eq!(
        path.join(" "),
        "COMMIT PARTNER PLAN DO MEASURE ACT PLAN@CONTINUAL_IMPROVEMENT DO MEASURE ACT \
         COMMIT@LOCAL_HELIX_BUILDING PLAN DO MEASURE ACT REPLICATE AIM@CITY_DEVELOPMENT \
         COMMIT PARTNER PLAN DO MEASURE ACT REPLICATE SPAWNED CONCLUDED"
    );

    // The spawn: a new partnership of the same city, at Partner, with the
    // origin's success factors as starting notes.
    let child = spawned.child.snapshot();
    assert_eq!(child.initiator, p.snapshot().initiator);
    assert_eq!(child.origin, Some(p.id()));
    assert_ne!(child.counterpart, p.snapshot().counterpart);
    assert_eq!(
        (child.state.step, child.state.loop_, child.state.cycle),
        (Step::Partner, Loop::NewPartnership, 1)
    );
    let factors: Vec<_> = p
        .outputs()
        .lessons
        .iter()
        .filter(|l| l.kind == c2c_domain::outputs::LessonKind::SuccessFactor)
        .map(|l| l.text.clone())
        .collect();
    assert_eq!(factors.len(), 2, "one success factor per Replicate visit");
    assert_eq!(child.starting_notes, factors);

    // Every event raised the version by one; the history carries the actor
    // and the city of each.
    assert!(p.version() > start_version + moves.len() as u64);
    for e in &moves {
        assert_eq!(e.partnership, p.id());
        assert_eq!(e.city, w.initiator());
        assert_eq!(e.actor, w.initiator_actor);
    }
    let versions: Vec<u64> = moves.iter().map(|e| e.version).collect();
    assert!(versions.windows(2).all(|v| v[0] < v[1]));
}
