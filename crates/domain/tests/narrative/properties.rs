//! Properties of the state machine over random sequences of moves and outputs:
//! a step is never skipped; the cycle grows only on a loop back; a terminated
//! partnership never changes; a refused command changes nothing; every applied
//! command yields exactly one event.

use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::outputs::*;
use c2c_domain::{
    Change, Command, Ctx, DomainError, Loop, Move, Narrative, Partnership, Status, Step, criteria,
};
use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::VecDeque;

/// The number of random sequences each property run tries.
pub const CASES: u32 = 1000;

#[derive(Debug, Clone)]
enum Op {
    /// Record what meets the first unmet criterion of the step.
    Fix,
    Advance,
    LoopBack(Loop),
    Conclude,
    Suspend,
    Resume,
    Terminate,
    Spawn,
    /// An output that may break a criterion.
    Noise(u8),
    /// A move with a stale expected version.
    Stale,
    /// A city that is not party acts.
    Stranger,
    /// A move dated before the previous one.
    Backdated,
    /// The counterpart tries to advance.
    CounterpartAdvances,
    /// Time passes.
    Wait(u16),
}

fn op() -> impl Strategy<Value = Op> {
    let l = prop_oneof![
        Just(Loop::NewPartnership),
        Just(Loop::ContinualImprovement),
        Just(Loop::LocalHelixBuilding),
        Just(Loop::CityDevelopment),
    ];
    prop_oneof![
        150 => Just(Op::Fix),
        50 => Just(Op::Advance),
        15 => l.prop_map(Op::LoopBack),
        2 => Just(Op::Conclude),
        3 => Just(Op::Suspend),
        8 => Just(Op::Resume),
        1 => Just(Op::Terminate),
        3 => Just(Op::Spawn),
        12 => (0u8..8).prop_map(Op::Noise),
        3 => Just(Op::Stale),
        3 => Just(Op::Stranger),
        3 => Just(Op::Backdated),
        5 => Just(Op::CounterpartAdvances),
        3 => (1u16..900).prop_map(Op::Wait),
    ]
}

/// What an operation did.
#[allow(clippy::large_enum_variant)]
enum Outcome {
    /// A command on the partnership: applied (one event) or refused.
    Command(Result<c2c_domain::Event, DomainError>),
    /// Something that is not a command on this partnership (time passing, a
    /// city-level strategy, a spawn checked on its own).
    Other,
}

fn noise(w: &mut World, p: &Partnership, n: u8) -> Action {
    let today = w.today();
    let first_activity = p
        .outputs()
        .plan
        .as_ref()
        .and_then(|plan| plan.activities.first())
        .map(|a| a.plan.id);
    match (n, first_activity) {
        (0, _) => {
            let mut d = w.strategy_draft();
            d.vision.clear();
            Action::Strategy(d)
        }
        (1, _) => {
            let id = w.id();
            let mut d = w.activity_draft(id, "Unfunded idea", w.initiator());
            d.funding.clear();
            Action::Do(Side::Initiator, Command::RecordActivity(d))
        }
        (2, Some(activity)) => {
            let id = w.id();
            Action::Do(
                Side::Counterpart,
                Command::RecordRisk(RiskDraft {
                    id,
                    activity,
                    description: "Key contact leaves".into(),
                    likelihood: Level::High,
                    impact: Level::High,
                    mitigation: None,
                    owner: None,
                    status: RiskStatus::Open,
                }),
            )
        }
        (3, _) => {
            let id = w.id();
            Action::Do(
                Side::Counterpart,
                Command::ProposeAdjustment {
                    id,
                    proposal: "Add a sports exchange".into(),
                },
            )
        }
        (4, _) => {
            let id = w.id();
            Action::Do(
                Side::Initiator,
                Command::RecordContact(ContactDraft {
                    id,
                    on: today,
                    kind: ContactKind::Delegation,
                    direction: ContactDirection::Outbound,
                    ours: Levels {
                        political: true,
                        technical: false,
                    },
                    theirs: Levels::default(),
                    outcome: "Courtesy visit".into(),
                    follow_up_due: Some(today + Duration::days(30)),
                    joint: false,
                }),
            )
        }
        (6, Some(activity)) => {
            let id = w.id();
            Action::Do(
                Side::Counterpart,
                Command::RecordProgress(ProgressDraft {
                    id,
                    activity,
                    on: today,
                    summary: "Dropped".into(),
                    status: ActivityStatus::Cancelled,
                    reason: Some("The partner university withdrew".into()),
                    percent: None,
                }),
            )
        }
        (7, _) => {
            let id = w.id();
            Action::Do(
                Side::Counterpart,
                Command::RecordContactPerson(ContactPersonDraft {
                    id,
                    name: "New head of office".into(),
                    role: "Contact".into(),
                    email: None,
                    from: today,
                    until: None,
                    announced: false,
                }),
            )
        }
        _ => {
            let id = w.id();
            Action::Do(
                Side::Counterpart,
                Command::RecordFeedback(FeedbackDraft {
                    id,
                    team: "Youth office".into(),
                    text: "Good start".into(),
                    on: today,
                }),
            )
        }
    }
}

fn run(w: &mut World, p: &mut Partnership, pending: &mut VecDeque<Action>, op: &Op) -> Outcome {
    let initiator = w.ctx(Side::Initiator);
    match op {
        Op::Fix => {
            // Fixes are several actions (an agreement, then two signatures):
            // one is performed per operation, the rest wait their turn.
            if pending.is_empty() {
                let unmet = criteria::unmet(p.state().step, p.snapshot(), w.today());
                if let Some(u) = unmet.first() {
                    pending.extend(w.fixes(p, u.criterion));
                }
            }
            match pending.pop_front() {
                Some(Action::Do(side, command)) => {
                    w.wait(Duration::minutes(5));
                    Outcome::Command(p.execute(&w.ctx(side), command))
                }
                Some(standing) => {
                    let _ = w.perform(p, standing);
                    Outcome::Other
                }
                None => Outcome::Other,
            }
        }
        Op::Advance => Outcome::Command(w.mv(p, Move::Advance)),
        Op::LoopBack(l) => Outcome::Command(w.mv(p, Move::LoopBack(*l))),
        Op::Conclude => Outcome::Command(w.mv(p, Move::Conclude)),
        Op::Suspend => Outcome::Command(w.mv(
            p,
            Move::Suspend {
                reason: "Elections".into(),
            },
        )),
        Op::Resume => Outcome::Command(w.mv(p, Move::Resume)),
        Op::Terminate => Outcome::Command(w.mv(
            p,
            Move::Terminate {
                reason: "A clause could not be accepted".into(),
            },
        )),
        Op::Spawn => {
            let before = p.clone();
            match w.spawn(p) {
                Ok(s) => {
                    let child = s.child.snapshot();
                    assert_eq!(before.state().step, Step::Replicate);
                    assert_eq!(child.state.step, Step::Partner);
                    assert_eq!(child.state.loop_, Loop::NewPartnership);
                    assert_eq!(child.state.cycle, 1);
                    assert_eq!(child.origin, Some(p.id()));
                    assert_eq!(s.child_event.version, 1);
                    Outcome::Command(Ok(s.origin_event))
                }
                Err(e) => Outcome::Command(Err(e)),
            }
        }
        Op::Noise(n) => {
            let action = noise(w, p, *n);
            match action {
                Action::Do(side, command) => {
                    w.wait(Duration::minutes(5));
                    Outcome::Command(p.execute(&w.ctx(side), command))
                }
                standing => {
                    let _ = w.perform(p, standing);
                    Outcome::Other
                }
            }
        }
        Op::Stale => {
            let ctx = initiator.expecting(p.version() + 3);
            let result = p.execute(&ctx, Command::Move(Move::Advance));
            assert!(matches!(result, Err(DomainError::VersionConflict { .. })));
            Outcome::Command(result)
        }
        Op::Stranger => {
            let stranger = Ctx::new(w.id(), w.id(), w.now);
            let result = p.execute(&stranger, Command::Move(Move::Advance));
            assert!(matches!(result, Err(DomainError::NotFound { .. })));
            Outcome::Command(result)
        }
        Op::Backdated => {
            let at = p.snapshot().last_move_at - Duration::days(1);
            let result = p.execute(
                &initiator.effective(at),
                Command::Move(Move::Suspend {
                    reason: "Backdated".into(),
                }),
            );
            assert!(result.is_err());
            Outcome::Command(result)
        }
        Op::CounterpartAdvances => {
            w.wait(Duration::minutes(5));
            let result = p.execute(&w.ctx(Side::Counterpart), Command::Move(Move::Advance));
            if let Ok(Change::Advanced { from, .. }) = result.as_ref().map(|e| &e.change) {
                assert!(
                    !Narrative::standard().step(*from).initiator_only,
                    "the counterpart moved a partnership out of {from:?}"
                );
            }
            Outcome::Command(result)
        }
        Op::Wait(days) => {
            w.wait(Duration::days(i64::from(*days)));
            Outcome::Other
        }
    }
}

fn check(before: &Partnership, after: &Partnership, outcome: &Outcome, events: &mut usize) {
    let n = Narrative::standard();
    match outcome {
        Outcome::Command(Ok(e)) => {
            assert_ne!(
                before.state().status,
                Status::Terminated,
                "a terminated partnership changed"
            );
            assert_ne!(
                before.state().status,
                Status::Concluded,
                "a concluded partnership changed"
            );
            assert_eq!(
                after.version(),
                before.version() + 1,
                "one event, one version"
            );
            assert_eq!(e.version, after.version());
            assert_eq!(e.partnership, after.id());
            *events += 1;
            let (b, a) = (before.state(), after.state());
            match &e.change {
                Change::Advanced { from, to, .. } => {
                    assert_eq!((*from, *to), (b.step, a.step));
                    let next = n.position(*from) + 1 == n.position(*to);
                    let helix = b.loop_ == Loop::LocalHelixBuilding
                        && *from == Step::Commit
                        && *to == Step::Plan;
                    assert!(
                        next || helix,
                        "skipped from {from:?} to {to:?} in {:?}",
                        b.loop_
                    );
                    assert_eq!(a.cycle, b.cycle);
                }
                Change::LoopedBack { from, to } => {
                    assert_eq!(a.cycle, b.cycle + 1, "a loop back starts a new cycle");
                    assert_eq!(*from, n.loop_def(a.loop_).closes_at);
                    assert_eq!(*to, n.loop_def(a.loop_).reenters);
                }
                _ => {
                    assert_eq!(
                        a.step, b.step,
                        "only advances and loop backs change the step"
                    );
                    assert_eq!(a.cycle, b.cycle, "only a loop back changes the cycle");
                    assert_eq!(a.loop_, b.loop_);
                }
            }
        }
        Outcome::Command(Err(_)) => {
            assert_eq!(after, before, "a refused command changed the partnership");
        }
        Outcome::Other => {
            assert_eq!(after.state(), before.state());
            assert_eq!(after.version(), before.version());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_keep_the_narrative_invariants(
        start_at_partner in any::<bool>(),
        seed in 1u128..1_000_000,
        ops in prop::collection::vec(op(), 1..300),
    ) {
        let now = Utc.with_ymd_and_hms(2019, 3, 1, 8, 0, 0).single().unwrap();
        let mut w = World::at(now, seed);
        let mut p = if start_at_partner {
            w.stand().unwrap();
            w.start(Step::Partner).unwrap()
        } else {
            w.start(Step::Aim).unwrap()
        };
        let mut events = 1usize;
        let mut pending = VecDeque::new();
        for op in &ops {
            let before = p.clone();
            let outcome = run(&mut w, &mut p, &mut pending, op);
            check(&before, &p, &outcome, &mut events);
            if before.state().status.is_final() {
                prop_assert_eq!(p.state(), before.state());
                prop_assert_eq!(p.version(), before.version());
                prop_assert_eq!(p.outputs(), before.outputs());
            }
        }
        prop_assert_eq!(p.version() as usize, events);
    }
}

#[test]
fn a_terminated_partnership_refuses_every_command() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.mv(
        &mut p,
        Move::Terminate {
            reason: "Dispute over a clause".into(),
        },
    )
    .unwrap();
    let frozen = p.clone();
    let mut pending = VecDeque::new();
    for op in [
        Op::Fix,
        Op::Advance,
        Op::Resume,
        Op::Suspend,
        Op::Terminate,
        Op::Noise(4),
        Op::Conclude,
    ] {
        let outcome = run(&mut w, &mut p, &mut pending, &op);
        assert!(!matches!(outcome, Outcome::Command(Ok(_))));
        assert_eq!(
            (p.state(), p.version(), p.outputs()),
            (frozen.state(), frozen.version(), frozen.outputs())
        );
    }
}

#[test]
fn a_suspended_partnership_resumes_at_the_same_step_and_still_takes_contacts() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.drive_to(&mut p, Step::Plan).unwrap();
    w.mv(
        &mut p,
        Move::Suspend {
            reason: "Change of government".into(),
        },
    )
    .unwrap();
    let mut pending = VecDeque::new();
    assert!(matches!(
        run(&mut w, &mut p, &mut pending, &Op::Noise(5)),
        Outcome::Command(Err(DomainError::NotActive { .. }))
    ));
    assert!(matches!(
        run(&mut w, &mut p, &mut pending, &Op::Noise(4)),
        Outcome::Command(Ok(_))
    ));
    assert!(matches!(
        w.mv(&mut p, Move::Advance),
        Err(DomainError::NotAllowed { .. })
    ));
    w.mv(&mut p, Move::Resume).unwrap();
    assert_eq!(
        (p.state().step, p.state().status),
        (Step::Plan, Status::Active)
    );
}
