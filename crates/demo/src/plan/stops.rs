//! The walk's vocabulary: its stops and cycles, how a stop is left, what
//! happens after the last one, and the kinds of sourced records written at a
//! stop; and the questions the loader asks a walk.

use c2c_domain::{Loop, Narrative, Step};
use chrono::NaiveDate;
use std::cmp::max;

/// A stop before it is dated: its cycle (0-based), its step, and how it is
/// left (`None` at the last stop).
pub type Undated = (usize, Step, Option<Leave>);

/// A step at which the walk stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// The cycle (0-based index into [`Walk::cycles`]).
    pub cycle: usize,
    /// The step.
    pub step: Step,
    /// The day the partnership came to this step.
    pub entered: NaiveDate,
    /// The move that leaves it, with its date; `None` at the last stop.
    pub leave: Option<(Leave, NaiveDate)>,
}

impl Stop {
    /// The date of the step's outputs that the sources do not date: the day
    /// it is left, or the day it was entered.
    pub fn date(&self) -> NaiveDate {
        self.leave.map_or(self.entered, |(_, d)| d)
    }
}

/// How a stop is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// To the next step of the loop.
    Advance,
    /// Loop back by this loop (a new cycle).
    LoopBack(Loop),
}

/// A cycle of the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// Its loop.
    pub loop_: Loop,
    /// The day it began.
    pub start: NaiveDate,
}

/// What happens after the last stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// Nothing: the partnership stays active at its step.
    Stay,
    /// Suspended with a reason.
    Suspend(NaiveDate, String),
    /// Terminated with a reason.
    Terminate(NaiveDate, String),
    /// Concluded at Replicate.
    Conclude(NaiveDate),
}

/// The whole walk of one partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// The step it starts at (AIM or PARTNER).
    pub start_step: Step,
    /// The day it starts.
    pub start: NaiveDate,
    /// Its cycles.
    pub cycles: Vec<Cycle>,
    /// Its stops, in order.
    pub stops: Vec<Stop>,
    /// Whether the walk is held at its last stop: the step is completed but
    /// its move is refused, for no agreement is in force on its date (the
    /// last stop's `leave` is the move that would have been made).
    pub held: bool,
    /// After the last stop.
    pub finish: Finish,
}

/// The kinds of sourced records, in the order they are written at a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// Choose the counterpart (a walk started at AIM).
    Counterpart,
    /// `assessments[i]`.
    Assessment(usize),
    /// `contacts[i]`.
    Contact(usize),
    /// `agreements[i]` with its signatures.
    Agreement(usize),
    /// The first priorities, agreed by both cities.
    Priorities,
    /// `activities[i]`.
    Activity(usize),
    /// The status of `activities[i]` as the sources report it.
    Progress(usize),
    /// `measurements[i]`.
    Measurement(usize),
    /// `lessons[i]`.
    Lesson(usize),
}

impl Walk {
    /// The cycle a date falls in (a date before the start falls in the first).
    pub fn cycle_of(&self, date: NaiveDate) -> usize {
        self.cycles
            .iter()
            .rposition(|c| c.start <= date)
            .unwrap_or(0)
    }

    /// The last cycle.
    pub fn last_cycle(&self) -> usize {
        self.cycles.len() - 1
    }

    /// The stop of `cycle` where a record whose home is `home` is written: the
    /// first stop of the cycle at or after `home` in the narrative, else the
    /// cycle's last stop; never before `not_before`.
    pub fn stop_for(&self, cycle: usize, home: Step, not_before: usize) -> usize {
        let narrative = Narrative::standard();
        let in_cycle: Vec<usize> = (0..self.stops.len())
            .filter(|i| self.stops[*i].cycle == cycle)
            .collect();
        let at = in_cycle
            .iter()
            .copied()
            .find(|i| narrative.position(self.stops[*i].step) >= narrative.position(home))
            .or_else(|| in_cycle.last().copied())
            .unwrap_or(self.stops.len() - 1);
        max(at, not_before)
    }

    /// The first stop from `not_before` on that is left on or after `date`
    /// (the last stop when none is).
    pub fn stop_left_from(&self, date: NaiveDate, not_before: usize) -> usize {
        (not_before..self.stops.len())
            .find(|i| self.stops[*i].date() >= date)
            .unwrap_or(self.stops.len() - 1)
    }

    /// Whether the walk ever leaves `step` (at any cycle).
    pub fn leaves(&self, step: Step) -> bool {
        self.stops
            .iter()
            .any(|s| s.step == step && s.leave.is_some())
    }

    /// The last stop.
    pub fn last(&self) -> &Stop {
        &self.stops[self.stops.len() - 1]
    }
}
