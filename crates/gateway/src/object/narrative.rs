//! The narrative as data (the `narrative` query): steps with their exit
//! criteria, loops, start rules and the table of allowed moves.

use crate::types::{Loop, MoveKind, Reentry, Step};
use async_graphql::{Object, SimpleObject};
use c2c_domain::Criterion;
use c2c_domain::narrative::{MoveRule as DomainMoveRule, Narrative};

/// The narrative as data: steps with their exit criteria, loops, start rules
/// and every allowed move.
#[derive(Clone, Copy, Debug)]
pub struct NarrativeNode(pub &'static Narrative);

/// An exit criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct CriterionDef {
    /// The stable code, e.g. `PARTNER_AGREEMENT`.
    pub code: String,
    /// The step whose exit it guards; null for a criterion checked throughout
    /// (see `Narrative.throughout`).
    pub step: Option<Step>,
    /// The rule.
    pub rule: String,
}

impl From<Criterion> for CriterionDef {
    fn from(c: Criterion) -> Self {
        CriterionDef {
            code: c.code().to_owned(),
            step: c.step().map(Into::into),
            rule: c.rule().to_owned(),
        }
    }
}

/// A criterion checked throughout, beside the steps' own: on the moves it
/// names, out of every step but those it excepts.
#[derive(SimpleObject, Clone, Debug)]
pub struct ThroughoutRule {
    /// The criterion.
    pub criterion: CriterionDef,
    /// The moves it is checked on.
    pub moves: Vec<MoveKind>,
    /// The steps whose own criteria decide it instead.
    pub except_at: Vec<Step>,
}

/// A step of the narrative.
#[derive(SimpleObject, Clone, Debug)]
pub struct NarrativeStep {
    /// The step.
    pub step: Step,
    /// The question it answers.
    pub question: String,
    /// Only the initiator may move a partnership out of it.
    pub initiator_only: bool,
    /// Its exit criteria.
    pub criteria: Vec<CriterionDef>,
}

/// A loop of the narrative.
#[derive(SimpleObject, Clone, Debug)]
pub struct NarrativeLoop {
    /// The loop.
    #[graphql(name = "loop")]
    pub loop_: Loop,
    /// Its path of steps.
    pub steps: Vec<Step>,
    /// Where it closes.
    pub closes_at: Step,
    /// Where it re-enters.
    pub reenters: Step,
    /// Same partnership, or a new one.
    pub reentry: Reentry,
    /// What it means.
    pub meaning: String,
}

/// How a partnership may start.
#[derive(SimpleObject, Clone, Debug)]
pub struct StartRule {
    /// The first step.
    pub step: Step,
    /// The loop of the first cycle.
    #[graphql(name = "loop")]
    pub loop_: Loop,
}

/// A move the narrative allows.
#[derive(SimpleObject, Clone, Debug)]
pub struct MoveRule {
    /// The loop of the current cycle.
    pub within: Loop,
    /// The step the partnership is at.
    pub from: Step,
    /// The move.
    #[graphql(name = "move")]
    pub kind: MoveKind,
    /// The loop it closes (loop back, spawn).
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// The step after the move.
    pub target: Option<Step>,
}

impl From<DomainMoveRule> for MoveRule {
    fn from(r: DomainMoveRule) -> Self {
        MoveRule {
            within: r.within.into(),
            from: r.from.into(),
            kind: r.allowed.kind.into(),
            loop_: r.allowed.loop_.map(Into::into),
            target: r.allowed.target.map(Into::into),
        }
    }
}

#[Object(name = "Narrative")]
impl NarrativeNode {
    /// The eight steps, in order.
    async fn steps(&self) -> Vec<NarrativeStep> {
        self.0
            .steps
            .iter()
            .map(|d| NarrativeStep {
                step: d.step.into(),
                question: d.question.to_owned(),
                initiator_only: d.initiator_only,
                criteria: d.criteria.iter().map(|c| (*c).into()).collect(),
            })
            .collect()
    }

    /// The criteria checked throughout, on moves out of any step.
    async fn throughout(&self) -> Vec<ThroughoutRule> {
        self.0
            .throughout
            .iter()
            .map(|t| ThroughoutRule {
                criterion: t.criterion.into(),
                moves: t.moves.iter().map(|m| (*m).into()).collect(),
                except_at: t.except_at.iter().map(|s| (*s).into()).collect(),
            })
            .collect()
    }

    /// The four loops.
    async fn loops(&self) -> Vec<NarrativeLoop> {
        self.0
            .loops
            .iter()
            .map(|d| NarrativeLoop {
                loop_: d.loop_.into(),
                steps: d.steps.iter().map(|s| (*s).into()).collect(),
                closes_at: d.closes_at.into(),
                reenters: d.reenters.into(),
                reentry: d.reentry.into(),
                meaning: d.meaning.to_owned(),
            })
            .collect()
    }

    /// Where a partnership may start.
    async fn starts(&self) -> Vec<StartRule> {
        self.0
            .starts
            .iter()
            .map(|r| StartRule {
                step: r.step.into(),
                loop_: r.loop_.into(),
            })
            .collect()
    }

    /// Every move allowed to an active partnership, by loop and step.
    async fn moves(&self) -> Vec<MoveRule> {
        self.0.move_table().into_iter().map(Into::into).collect()
    }

    /// Every criterion: the steps' exit criteria, then those checked
    /// throughout.
    async fn criteria(&self) -> Vec<CriterionDef> {
        self.0.criteria().map(Into::into).collect()
    }
}
