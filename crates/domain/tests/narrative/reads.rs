//! `Command::reads`: a command said to read only the row decides the same on
//! the row alone as on the whole aggregate, at every step, for either city.

use c2c_domain::fixtures::{Side, World};
use c2c_domain::outputs::Outputs;
use c2c_domain::{Command, Move, Partnership, Reads, Standing, Status, Step};

/// The partnership as a store that loads only the row sees it.
fn row_only(p: &Partnership) -> Partnership {
    let mut s = p.snapshot().clone();
    s.standing = Standing::empty(s.initiator);
    s.counterpart_stakeholders = Vec::new();
    s.outputs = Outputs {
        decisions_version: s.outputs.decisions_version,
        ..Outputs::default()
    };
    Partnership::restore(s)
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
