//! What a partnership is, as plain data: its [`State`] (step, loop, cycle,
//! status) and its [`Snapshot`] (parties, versions, standing, outputs). The
//! criteria read a snapshot; the decisions read one and the aggregate
//! ([`crate::Partnership`]) wraps one.

use crate::city::Stakeholder;
use crate::outputs::Outputs;
use crate::standing::Standing;
use crate::vocab::{Loop, Status, Step};
use crate::{CityId, PartnershipId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a partnership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The current step.
    pub step: Step,
    /// The loop of the current cycle.
    pub loop_: Loop,
    /// The cycle: 1 at the start, +1 at every loop back.
    pub cycle: u32,
    /// The status.
    pub status: Status,
}

/// Everything a partnership is: the data its criteria read. The store builds
/// one from its rows and calls [`crate::Partnership::restore`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Identifier.
    pub id: PartnershipId,
    /// The city that started it.
    pub initiator: CityId,
    /// The counterpart, from Partner on.
    pub counterpart: Option<CityId>,
    /// The partnership it was spawned from.
    pub origin: Option<PartnershipId>,
    /// Step, loop, cycle, status.
    pub state: State,
    /// Optimistic-concurrency version: +1 per event.
    pub version: u64,
    /// When it started (as it happened).
    pub started_at: DateTime<Utc>,
    /// When its state last changed (as it happened).
    pub last_move_at: DateTime<Utc>,
    /// When its current cycle began, as recorded: the recorded time of its
    /// start or of its last loop back. The renewals (`AIM_RENEWED`,
    /// `COMMIT_RENEWED`) compare the standing's recorded times with it.
    pub cycle_began_at: DateTime<Utc>,
    /// Starting notes (a spawned partnership's copy of its origin's success
    /// factors).
    pub starting_notes: Vec<String>,
    /// The version of the initiator's strategy it relies on.
    pub strategy_version: Option<u32>,
    /// The version of the initiator's commitment it relies on.
    pub commitment_version: Option<u32>,
    /// The initiator's standing: its stakeholders, strategy and commitment in
    /// force.
    pub standing: Standing,
    /// The counterpart's stakeholders.
    pub counterpart_stakeholders: Vec<Stakeholder>,
    /// The outputs.
    pub outputs: Outputs,
}

impl Snapshot {
    /// Whether a city is the initiator or the counterpart.
    pub fn is_party(&self, city: CityId) -> bool {
        city == self.initiator || Some(city) == self.counterpart
    }

    /// The parties: the initiator, then the counterpart if any.
    pub fn parties(&self) -> Vec<CityId> {
        std::iter::once(self.initiator)
            .chain(self.counterpart)
            .collect()
    }
}
