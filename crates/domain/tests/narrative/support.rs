use c2c_domain::fixtures::World;
use c2c_domain::{DomainError, Move, Partnership, Step, criteria};

/// A world and a partnership that has just reached `step` (nothing of the step
/// recorded yet), by the City development path from Aim.
pub fn at(step: Step) -> (World, Partnership) {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    w.drive_to(&mut p, step).unwrap();
    (w, p)
}

/// The codes of the current step's unmet criteria.
pub fn unmet(w: &World, p: &Partnership) -> Vec<&'static str> {
    criteria::unmet(p.state().step, p.snapshot(), w.today())
        .iter()
        .map(|u| u.criterion.code())
        .collect()
}

/// Tries to leave the current step (advance, or conclude at Replicate). Returns
/// the unmet codes of a blocked move, or nothing when the move was applied.
pub fn leave(w: &mut World, p: &mut Partnership) -> Vec<&'static str> {
    let m = if p.state().step == Step::Replicate {
        Move::Conclude
    } else {
        Move::Advance
    };
    let before = p.clone();
    match w.mv(p, m) {
        Ok(_) => Vec::new(),
        Err(DomainError::Blocked { unmet, .. }) => {
            assert_eq!(*p, before, "a blocked move changed the partnership");
            unmet.iter().map(|u| u.criterion.code()).collect()
        }
        Err(other) => panic!("expected a blocked move, got {other:?}"),
    }
}
