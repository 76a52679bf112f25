//! The partnership aggregate and the one place where it changes.
//!
//! [`Partnership::decide`] turns a [`Command`] into exactly one [`Event`] or a
//! [`DomainError`]; it reads and never writes. [`Partnership::apply`] folds an
//! event into the aggregate. [`Partnership::execute`] does both. A refused
//! command therefore changes nothing, and every applied command is one event.
//!
//! The methods here are entry points: the decisions and their folds live in
//! `decide/`, one file per step family; the data is a [`Snapshot`].

pub use crate::command::{Command, Ctx, Move, StartRequest};
pub use crate::snapshot::{Snapshot, State};

use crate::criteria;
use crate::criterion::{Unmet, Warning};
use crate::decide::{self, SpawnDecision};
use crate::event::Event;
use crate::narrative::{AllowedMove, Narrative};
use crate::outputs::Outputs;
use crate::{CityId, DomainError, PartnershipId, Stakeholder};
use chrono::NaiveDate;

/// The partnership aggregate. Its data can be read whole ([`Partnership::snapshot`])
/// but changes only through [`Partnership::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership(Snapshot);

/// A spawn: one event on the origin, and a new partnership with its start event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spawned {
    /// The event of the origin (`SPAWNED`).
    pub origin_event: Event,
    /// The new partnership, started at Partner.
    pub child: Partnership,
    /// Its first event (`STARTED`).
    pub child_event: Event,
}

/// Whether an allowed move is ready, what blocks it, and what needs no action
/// yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// The move.
    pub allowed: AllowedMove,
    /// No criterion blocks it.
    pub ready: bool,
    /// Every unmet criterion.
    pub unmet: Vec<Unmet>,
    /// What needs no action yet (an agreement about to expire).
    pub warnings: Vec<Warning>,
}

impl Partnership {
    /// Rebuilds a partnership from stored data.
    pub fn restore(snapshot: Snapshot) -> Self {
        Self(snapshot)
    }

    /// All its data.
    pub fn snapshot(&self) -> &Snapshot {
        &self.0
    }

    /// Its identifier.
    pub fn id(&self) -> PartnershipId {
        self.0.id
    }

    /// Step, loop, cycle and status.
    pub fn state(&self) -> State {
        self.0.state
    }

    /// Its version.
    pub fn version(&self) -> u64 {
        self.0.version
    }

    /// Its outputs.
    pub fn outputs(&self) -> &Outputs {
        &self.0.outputs
    }

    /// Whether a city is the initiator or the counterpart.
    pub fn is_party(&self, city: CityId) -> bool {
        self.0.is_party(city)
    }

    /// The parties: the initiator, then the counterpart if any.
    pub fn parties(&self) -> Vec<CityId> {
        self.0.parties()
    }

    /// Starts a partnership at Aim (loop City development) or at Partner (loop
    /// New partnership). Starting at Partner needs the criteria of Aim and
    /// Commit to hold on the initiator's standing.
    pub fn start(ctx: &Ctx, request: StartRequest) -> Result<(Partnership, Event), DomainError> {
        let (snapshot, event) = decide::start(ctx, request)?;
        Ok((Self::started(snapshot, &event), event))
    }

    /// A new partnership after its `STARTED` event.
    fn started(snapshot: Snapshot, event: &Event) -> Partnership {
        let mut partnership = Partnership(snapshot);
        partnership.apply(event);
        partnership
    }

    /// Every move allowed from here, with whether it is ready, every unmet
    /// criterion and the warnings. `on` is the date the move would happen.
    pub fn readiness(&self, on: NaiveDate) -> Vec<Readiness> {
        let s = &self.0.state;
        Narrative::standard()
            .allowed_moves(s.status, s.loop_, s.step)
            .into_iter()
            .map(|allowed| {
                let unmet = criteria::unmet_for(allowed.kind, &self.0, on);
                Readiness {
                    allowed,
                    ready: unmet.is_empty(),
                    unmet,
                    warnings: criteria::warnings(allowed.kind, &self.0, on),
                }
            })
            .collect()
    }

    /// Decides a command: one event, or why not. Changes nothing.
    pub fn decide(&self, ctx: &Ctx, command: Command) -> Result<Event, DomainError> {
        decide::command(&self.0, ctx, command)
    }

    /// Decides and applies a command.
    pub fn execute(&mut self, ctx: &Ctx, command: Command) -> Result<Event, DomainError> {
        let event = self.decide(ctx, command)?;
        self.apply(&event);
        Ok(event)
    }

    /// Spawns a new partnership of the same city from Replicate: it starts at
    /// Partner in loop New partnership, with a new counterpart, a link to its
    /// origin and the origin's success factors as starting notes.
    pub fn spawn(
        &self,
        ctx: &Ctx,
        child: PartnershipId,
        counterpart: CityId,
        counterpart_stakeholders: Vec<Stakeholder>,
    ) -> Result<Spawned, DomainError> {
        let SpawnDecision {
            origin_event,
            child,
            child_event,
        } = decide::spawn(&self.0, ctx, child, counterpart, counterpart_stakeholders)?;
        Ok(Spawned {
            origin_event,
            child: Self::started(child, &child_event),
            child_event,
        })
    }

    /// Folds an event into the aggregate.
    pub fn apply(&mut self, event: &Event) {
        decide::apply(&mut self.0, event);
    }
}
