//! `Command::reads`: a command said to read only the row decides the same on
//! the row alone as on the whole aggregate, at every step, for either city.

use c2c_domain::fixtures::{Side, World};
use c2c_domain::kpi::RawValue;
use c2c_domain::outputs::MeasurementDraft;
use c2c_domain::{Command, MeasurementId, Move, Partnership, Reads, Standing, Status, Step};
use uuid::Uuid;

/// The partnership as a store that loads only what `command` reads sees it.
fn as_loaded(p: &Partnership, command: &Command) -> Partnership {
    let mut s = p.snapshot().clone();
    s.standing = Standing::empty(s.initiator);
    s.counterpart_stakeholders = Vec::new();
    s.outputs = command.reads().keep(&s.outputs);
    Partnership::restore(s)
}

fn row_only(p: &Partnership) -> Partnership {
    as_loaded(p, &Command::Move(Move::Resume))
}

fn row_commands() -> Vec<Command> {
    vec![
        Command::Move(Move::Suspend {
            reason: "elections".into(),
        }),
        Command::Move(Move::Suspend { reason: " ".into() }),
        Command::Move(Move::Resume),
        Command::Move(Move::Terminate {
            reason: "no funds".into(),
        }),
    ]
}

#[test]
fn a_command_that_reads_the_row_decides_the_same_on_the_row_alone() {
    for step in [
        Step::Aim,
        Step::Partner,
        Step::Do,
        Step::Act,
        Step::Replicate,
    ] {
        let mut w = World::new();
        let mut p = w.start(Step::Aim).expect("start");
        w.drive_to(&mut p, step).expect("drive");
        let mut suspended = p.clone();
        w.mv(
            &mut suspended,
            Move::Suspend {
                reason: "pause".into(),
            },
        )
        .expect("suspend");
        assert_eq!(suspended.state().status, Status::Suspended);
        for partnership in [&p, &suspended] {
            for command in row_commands() {
                assert_eq!(command.reads(), Reads::Row);
                for side in [Side::Initiator, Side::Counterpart] {
                    let ctx = w.ctx(side);
                    let whole = partnership.decide(&ctx, command.clone());
                    let row = row_only(partnership).decide(&ctx, command.clone());
                    assert_eq!(whole, row, "{command:?} at {step:?} by {side:?}");
                }
            }
        }
    }
    assert_eq!(Command::Move(Move::Advance).reads(), Reads::Whole);
}

/// Captures of every kind: new, a duplicate id, a correction, a correction
/// of what was corrected already, for a selection that exists or not.
fn captures(p: &Partnership) -> Vec<Command> {
    let mut out = Vec::new();
    for (i, m) in p.outputs().measurements.iter().enumerate() {
        let draft = MeasurementDraft {
            id: MeasurementId(Uuid::from_u128(0xfeed_0000 + i as u128)),
            selection: m.selection,
            city: m.city,
            period_start: m.period.start,
            period_end: m.period.end,
            value: RawValue {
                count: Some(42),
                ..RawValue::default()
            },
            source: "survey".into(),
            note: String::new(),
            supersedes: None,
        };
        out.push(Command::RecordMeasurement(draft.clone()));
        out.push(Command::RecordMeasurement(MeasurementDraft {
            id: m.id,
            ..draft.clone()
        }));
        out.push(Command::RecordMeasurement(MeasurementDraft {
            supersedes: Some(m.id),
            ..draft.clone()
        }));
        out.push(Command::RecordMeasurement(MeasurementDraft {
            supersedes: m.supersedes,
            ..draft.clone()
        }));
        out.push(Command::RecordMeasurement(MeasurementDraft {
            selection: c2c_domain::SelectionId(Uuid::from_u128(0xbad0_0000 + i as u128)),
            ..draft
        }));
    }
    out
}

#[test]
fn a_capture_decides_the_same_on_what_it_reads_as_on_the_whole_aggregate() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).expect("start");
    w.drive_to(&mut p, Step::Act).expect("drive");
    let commands = captures(&p);
    assert!(commands.len() >= 5, "the partnership has measurements");
    for command in commands {
        assert!(matches!(command.reads(), Reads::Capture { .. }));
        for side in [Side::Initiator, Side::Counterpart] {
            let ctx = w.ctx(side);
            let whole = p.decide(&ctx, command.clone());
            let loaded = as_loaded(&p, &command).decide(&ctx, command.clone());
            assert_eq!(whole, loaded, "{command:?} by {side:?}");
        }
    }
}
