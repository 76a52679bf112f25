//! The narrative as data: the eight steps, the four loops, how a partnership may
//! start, and which moves are allowed from where.
//!
//! Nothing in the rest of the crate hard-codes a step order or a loop: it asks a
//! [`Narrative`] value. [`Narrative::standard`] is the URBAN-EU-CHINA narrative of
//! the guidebook; its whole table is in this file and can be read at once.
//! The vocabulary it is written in (steps, loops, statuses, move kinds) lives in
//! [`crate::vocab`] (re-exported here) and the criterion codes in
//! [`crate::criterion`].

use crate::criterion::Criterion;
pub use crate::vocab::{Loop, MoveKind, Status, Step};
use serde::{Deserialize, Serialize};

/// Where a loop goes back to when it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Reentry {
    /// The same partnership continues at the re-entry step, in a new cycle.
    SamePartnership,
    /// A new partnership of the same city starts at the re-entry step.
    NewPartnership,
}

/// A step of the narrative with the question it answers and its exit criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDef {
    /// The step.
    pub step: Step,
    /// The question the step answers.
    pub question: &'static str,
    /// Whether the step is the local work of the initiator alone ("prepare to go
    /// out"): only the initiator may move the partnership out of it.
    pub initiator_only: bool,
    /// The exit criteria: all must hold to leave the step.
    pub criteria: &'static [Criterion],
}

/// A loop: an ordered path of steps, the step where it closes and where it
/// re-enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoopDef {
    /// The loop.
    pub loop_: Loop,
    /// The steps of the work path, in order.
    pub steps: &'static [Step],
    /// The step at which the loop closes (where a loop back by it is chosen).
    pub closes_at: Step,
    /// The step at which the loop re-enters.
    pub reenters: Step,
    /// Whether the re-entry continues the same partnership or starts a new one.
    pub reentry: Reentry,
    /// What the loop means, in a sentence.
    pub meaning: &'static str,
}

/// How a partnership may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartRule {
    /// The first step.
    pub step: Step,
    /// The loop of the first cycle.
    pub loop_: Loop,
}

/// A move that the narrative allows from a given state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllowedMove {
    /// The kind of move.
    pub kind: MoveKind,
    /// The loop it closes (loop back, spawn).
    pub loop_: Option<Loop>,
    /// The step the partnership (or, for a spawn, the new partnership) is at after
    /// the move; `None` when the step does not change meaning (conclude,
    /// terminate).
    pub target: Option<Step>,
}

/// One row of the move table: from a step, within a loop, a move to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoveRule {
    /// The loop of the current cycle.
    pub within: Loop,
    /// The step the partnership is at.
    pub from: Step,
    /// The move.
    pub allowed: AllowedMove,
}

/// A criterion checked throughout rather than at one step's exit: on the
/// moves of the kinds it names, from every step but those it excepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throughout {
    /// The criterion.
    pub criterion: Criterion,
    /// The moves it is checked on.
    pub moves: &'static [MoveKind],
    /// The steps whose own criteria decide it instead.
    pub except_at: &'static [Step],
}

/// A narrative: steps with their criteria, the criteria checked throughout,
/// loops, start rules. The moves follow from these by the rules of
/// [`Narrative::allowed_moves`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Narrative {
    /// The steps in order.
    pub steps: &'static [StepDef],
    /// The criteria checked on moves out of any step (beside the steps' own).
    pub throughout: &'static [Throughout],
    /// The loops.
    pub loops: &'static [LoopDef],
    /// How a partnership may start.
    pub starts: &'static [StartRule],
}

use Criterion as C;

static STEPS: [StepDef; 8] = [
    StepDef {
        step: Step::Aim,
        question: "Why and what does the city want from international partnerships?",
        initiator_only: true,
        criteria: &[
            C::AimVision,
            C::AimObjective,
            C::AimTheme,
            C::AimStakeholder,
            C::AimRenewed,
        ],
    },
    StepDef {
        step: Step::Commit,
        question: "How will the city meet the aim, with what, who does what?",
        initiator_only: true,
        criteria: &[
            C::CommitPolitical,
            C::CommitPriority,
            C::CommitRoles,
            C::CommitResources,
            C::CommitRenewed,
        ],
    },
    StepDef {
        step: Step::Partner,
        question: "With whom, and on what first?",
        initiator_only: false,
        criteria: &[
            C::PartnerCounterpart,
            C::PartnerAssessment,
            C::PartnerPriority,
            C::PartnerAgreement,
        ],
    },
    StepDef {
        step: Step::Plan,
        question: "Which activities, funded how, by when?",
        initiator_only: false,
        criteria: &[
            C::PlanActivity,
            C::PlanActivityComplete,
            C::PlanApproved,
            C::PlanRevised,
        ],
    },
    StepDef {
        step: Step::Do,
        question: "Are the activities being delivered?",
        initiator_only: false,
        criteria: &[C::DoTeams, C::DoProgress, C::DoDelivered, C::DoRisksOwned],
    },
    StepDef {
        step: Step::Measure,
        question: "Is the partnership delivering?",
        initiator_only: false,
        criteria: &[
            C::MeasureFramework,
            C::MeasureKpiCaptured,
            C::MeasureFeedback,
            C::MeasureEvaluation,
        ],
    },
    StepDef {
        step: Step::Act,
        question: "What do we change?",
        initiator_only: false,
        criteria: &[C::ActDecided, C::ActApproved],
    },
    StepDef {
        step: Step::Replicate,
        question: "What can be reused, here and elsewhere?",
        initiator_only: false,
        criteria: &[C::ReplicateLessons, C::ReplicateExpost],
    },
];

/// `AGREEMENT_IN_FORCE` on every advance and loop back; at Partner,
/// `PARTNER_AGREEMENT` already demands an agreement in force on the move's
/// date. (The check holds for a partnership without a counterpart.)
static THROUGHOUT: [Throughout; 1] = [Throughout {
    criterion: C::AgreementInForce,
    moves: &[MoveKind::Advance, MoveKind::LoopBack],
    except_at: &[Step::Partner],
}];

static LOOPS: [LoopDef; 4] = [
    LoopDef {
        loop_: Loop::NewPartnership,
        steps: &[
            Step::Partner,
            Step::Plan,
            Step::Do,
            Step::Measure,
            Step::Act,
            Step::Replicate,
        ],
        closes_at: Step::Replicate,
        reenters: Step::Partner,
        reentry: Reentry::NewPartnership,
        meaning: "The city reuses its standing aim and commitment and the lessons of a finished \
                  partnership to start another, with a new counterpart.",
    },
    LoopDef {
        loop_: Loop::ContinualImprovement,
        steps: &[Step::Plan, Step::Do, Step::Measure, Step::Act],
        closes_at: Step::Act,
        reenters: Step::Plan,
        reentry: Reentry::SamePartnership,
        meaning: "The plan is revised (a new plan version), e.g. yearly action plans or an MoU \
                  renewed every three years.",
    },
    LoopDef {
        loop_: Loop::LocalHelixBuilding,
        steps: &[Step::Commit, Step::Plan, Step::Do, Step::Measure, Step::Act],
        closes_at: Step::Act,
        reenters: Step::Commit,
        reentry: Reentry::SamePartnership,
        meaning: "The city re-commits its local triple/quadruple helix (roles, resources, \
                  teams); the agreement with the partner stays in force.",
    },
    LoopDef {
        loop_: Loop::CityDevelopment,
        steps: &[
            Step::Aim,
            Step::Commit,
            Step::Partner,
            Step::Plan,
            Step::Do,
            Step::Measure,
            Step::Act,
            Step::Replicate,
        ],
        closes_at: Step::Replicate,
        reenters: Step::Aim,
        reentry: Reentry::SamePartnership,
        meaning: "The city revisits its whole strategy, usually after a change of political \
                  leadership.",
    },
];

static STARTS: [StartRule; 2] = [
    StartRule {
        step: Step::Aim,
        loop_: Loop::CityDevelopment,
    },
    StartRule {
        step: Step::Partner,
        loop_: Loop::NewPartnership,
    },
];

static STANDARD: Narrative = Narrative {
    steps: &STEPS,
    throughout: &THROUGHOUT,
    loops: &LOOPS,
    starts: &STARTS,
};

impl Criterion {
    /// The step whose exit the criterion guards, by the standard narrative's
    /// table; `None` for a criterion checked throughout.
    pub fn step(self) -> Option<Step> {
        Narrative::standard()
            .steps
            .iter()
            .find(|def| def.criteria.contains(&self))
            .map(|def| def.step)
    }
}

impl Narrative {
    /// The URBAN-EU-CHINA narrative of the guidebook (DESIGN §2–§3).
    pub fn standard() -> &'static Narrative {
        &STANDARD
    }

    /// The definition of a step.
    pub fn step(&self, step: Step) -> &StepDef {
        self.steps
            .iter()
            .find(|def| def.step == step)
            .unwrap_or(&STEPS[0])
    }

    /// The definition of a loop.
    pub fn loop_def(&self, loop_: Loop) -> &LoopDef {
        self.loops
            .iter()
            .find(|def| def.loop_ == loop_)
            .unwrap_or(&LOOPS[0])
    }

    /// The criteria checked throughout on a move of `kind` out of `step`.
    pub fn throughout_on(
        &self,
        kind: MoveKind,
        step: Step,
    ) -> impl Iterator<Item = Criterion> + '_ {
        self.throughout
            .iter()
            .filter(move |t| t.moves.contains(&kind) && !t.except_at.contains(&step))
            .map(|t| t.criterion)
    }

    /// Every criterion: the steps' in order, then those checked throughout.
    pub fn criteria(&self) -> impl Iterator<Item = Criterion> + '_ {
        self.steps
            .iter()
            .flat_map(|d| d.criteria.iter().copied())
            .chain(self.throughout.iter().map(|t| t.criterion))
    }

    /// The position of a step in the narrative order.
    pub fn position(&self, step: Step) -> usize {
        self.steps
            .iter()
            .position(|def| def.step == step)
            .unwrap_or(0)
    }

    /// The start rule for a step, if a partnership may start there.
    pub fn start_rule(&self, step: Step) -> Option<&StartRule> {
        self.starts.iter().find(|rule| rule.step == step)
    }

    /// The steps a partnership starting at `step` does not walk through itself:
    /// their exit criteria must hold for the initiator's standing strategy and
    /// commitment instead.
    pub fn steps_before(&self, step: Step) -> impl Iterator<Item = Step> + '_ {
        self.steps
            .iter()
            .take(self.position(step))
            .map(|def| def.step)
    }

    /// The step an advance goes to: the next step of the current loop's path;
    /// past the loop's last step, the next step of the narrative. This is how a
    /// Local helix building cycle goes from Commit to Plan (the agreement stays in
    /// force) while every other forward move follows the narrative order.
    pub fn advance_target(&self, loop_: Loop, from: Step) -> Option<Step> {
        let path = self.loop_def(loop_).steps;
        if let Some(i) = path.iter().position(|s| *s == from)
            && let Some(next) = path.get(i + 1)
        {
            return Some(*next);
        }
        self.steps.get(self.position(from) + 1).map(|def| def.step)
    }

    /// Whether `from` is the last step of the narrative (where a partnership may
    /// conclude).
    pub fn is_last(&self, step: Step) -> bool {
        self.steps.last().map(|def| def.step) == Some(step)
    }

    /// Every move allowed from a state, in a stable order: advance, loop backs,
    /// spawns, conclude, suspend, resume, terminate.
    pub fn allowed_moves(&self, status: Status, loop_: Loop, step: Step) -> Vec<AllowedMove> {
        let mut moves = Vec::new();
        match status {
            Status::Active => {
                if let Some(target) = self.advance_target(loop_, step) {
                    moves.push(AllowedMove {
                        kind: MoveKind::Advance,
                        loop_: None,
                        target: Some(target),
                    });
                }
                for def in self.loops.iter().filter(|def| def.closes_at == step) {
                    let kind = match def.reentry {
                        Reentry::SamePartnership => MoveKind::LoopBack,
                        Reentry::NewPartnership => MoveKind::Spawn,
                    };
                    moves.push(AllowedMove {
                        kind,
                        loop_: Some(def.loop_),
                        target: Some(def.reenters),
                    });
                }
                if self.is_last(step) {
                    moves.push(AllowedMove {
                        kind: MoveKind::Conclude,
                        loop_: None,
                        target: None,
                    });
                }
                moves.push(AllowedMove {
                    kind: MoveKind::Suspend,
                    loop_: None,
                    target: Some(step),
                });
                moves.push(AllowedMove {
                    kind: MoveKind::Terminate,
                    loop_: None,
                    target: None,
                });
            }
            Status::Suspended => {
                moves.push(AllowedMove {
                    kind: MoveKind::Resume,
                    loop_: None,
                    target: Some(step),
                });
                moves.push(AllowedMove {
                    kind: MoveKind::Terminate,
                    loop_: None,
                    target: None,
                });
            }
            Status::Concluded | Status::Terminated => {}
        }
        moves
    }

    /// The steps reachable within a loop: its path, then the rest of the narrative
    /// reached by advancing.
    pub fn reachable(&self, loop_: Loop) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut current = self.loop_def(loop_).steps.first().copied();
        while let Some(step) = current {
            if steps.contains(&step) {
                break;
            }
            steps.push(step);
            current = self.advance_target(loop_, step);
        }
        steps
    }

    /// The whole move table of an active partnership: for every loop and every
    /// step reachable in it, the moves allowed (suspend and terminate included).
    pub fn move_table(&self) -> Vec<MoveRule> {
        let mut rules = Vec::new();
        for def in self.loops {
            for from in self.reachable(def.loop_) {
                for allowed in self.allowed_moves(Status::Active, def.loop_, from) {
                    rules.push(MoveRule {
                        within: def.loop_,
                        from,
                        allowed,
                    });
                }
            }
        }
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_step_and_loop_has_one_definition() {
        let n = Narrative::standard();
        for step in Step::iter() {
            assert_eq!(n.steps.iter().filter(|d| d.step == step).count(), 1);
        }
        for l in Loop::iter() {
            assert_eq!(n.loops.iter().filter(|d| d.loop_ == l).count(), 1);
        }
    }

    #[test]
    fn local_helix_building_skips_partner_and_nothing_else_skips() {
        let n = Narrative::standard();
        assert_eq!(
            n.advance_target(Loop::LocalHelixBuilding, Step::Commit),
            Some(Step::Plan)
        );
        assert_eq!(
            n.advance_target(Loop::CityDevelopment, Step::Commit),
            Some(Step::Partner)
        );
        assert_eq!(
            n.advance_target(Loop::ContinualImprovement, Step::Act),
            Some(Step::Replicate)
        );
        assert_eq!(
            n.advance_target(Loop::CityDevelopment, Step::Replicate),
            None
        );
    }
}
