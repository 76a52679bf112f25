//! The narrative's vocabulary: the eight steps, the four loops, the status of a
//! partnership and the kinds of moves. Closed enums with stable codes; they
//! depend on nothing else of the crate, so every other module can name them.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// One of the eight steps of the narrative.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Step {
    /// Why, and what does the city want from international partnerships?
    Aim,
    /// How will the city meet the aim, with what, who does what?
    Commit,
    /// With whom, and on what first?
    Partner,
    /// Which activities, funded how, by when?
    Plan,
    /// Are the activities being delivered?
    Do,
    /// Is the partnership delivering?
    Measure,
    /// What do we change?
    Act,
    /// What can be reused, here and elsewhere?
    Replicate,
}

impl Step {
    /// The stable code, e.g. `"PARTNER"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// One of the four loops (work paths) of the narrative.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Loop {
    /// The city reuses its standing aim and commitment to start another partnership.
    NewPartnership,
    /// Plan → Do → Measure → Act, again: the plan is revised.
    ContinualImprovement,
    /// The city re-commits its local triple/quadruple helix.
    LocalHelixBuilding,
    /// The whole narrative, again: the city revisits its strategy.
    CityDevelopment,
}

impl Loop {
    /// The stable code, e.g. `"CONTINUAL_IMPROVEMENT"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The status of a partnership.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Work goes on.
    Active,
    /// Paused with a reason; can be resumed at the same step.
    Suspended,
    /// Finished at Replicate. Final.
    Concluded,
    /// Ended with a reason. Final.
    Terminated,
}

impl Status {
    /// A final status never changes again.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Concluded | Status::Terminated)
    }
    /// The stable code, e.g. `"ACTIVE"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The kinds of moves.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum MoveKind {
    /// Create a partnership at a start step.
    Start,
    /// Go to the next step.
    Advance,
    /// Close the current loop and re-enter it in a new cycle.
    LoopBack,
    /// Start a new partnership of the same city from Replicate.
    Spawn,
    /// Pause an active partnership.
    Suspend,
    /// Resume a suspended partnership at the same step.
    Resume,
    /// Finish the partnership at Replicate.
    Conclude,
    /// End the partnership. Final.
    Terminate,
}

impl MoveKind {
    /// The stable code, e.g. `"LOOP_BACK"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
    /// Whether the move leaves the current step (or closes a loop at it), and so
    /// needs the step's exit criteria.
    pub fn leaves_step(self) -> bool {
        matches!(
            self,
            MoveKind::Advance | MoveKind::LoopBack | MoveKind::Spawn | MoveKind::Conclude
        )
    }
}
