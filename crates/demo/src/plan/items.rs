//! Where each sourced record of a partnership is written: the stop of its
//! walk in the cycle of its date, at or after the step it belongs to, and
//! never before the counterpart is chosen when it needs one. A dated
//! agreement is written at the stop that is left on or after its signing, so
//! that it is in the record before the first move that relies on it.

use super::stops::{Item, Walk};
use crate::data::PartnershipData;
use c2c_domain::Step;
use c2c_domain::outputs::ActivityStatus;
use chrono::NaiveDate;

/// Assigns every sourced record of a partnership to a stop of its walk.
pub fn items(p: &PartnershipData, walk: &Walk) -> Vec<Vec<Item>> {
    let mut at = Placed(vec![Vec::new(); walk.stops.len()]);
    // Records that need the counterpart come at or after its choice.
    let chosen = match walk.start_step {
        Step::Aim if p.counterpart_chosen => {
            let i = walk.stop_for(0, Step::Partner, 0);
            (walk.stops[i].step == Step::Partner).then_some(i)
        }
        Step::Aim => None,
        _ => Some(0),
    };
    if walk.start_step == Step::Aim
        && let Some(i) = chosen
    {
        at.put(i, Item::Counterpart, walk.start);
    }
    for (i, a) in p.assessments.iter().enumerate() {
        let c = walk.cycle_of(a.on);
        at.put(
            walk.stop_for(c, Step::Partner, 0),
            Item::Assessment(i),
            a.on,
        );
    }
    for (i, c) in p.contacts.iter().enumerate() {
        let cycle = walk.cycle_of(c.on);
        at.put(walk.stop_for(cycle, Step::Aim, 0), Item::Contact(i), c.on);
    }
    if let Some(chosen) = chosen {
        joint(p, walk, chosen, &mut at);
    }
    let last = walk.last_cycle();
    for i in 0..p.lessons.len() {
        at.put(
            walk.stop_for(last, Step::Replicate, 0),
            Item::Lesson(i),
            walk.start,
        );
    }
    at.0.into_iter()
        .map(|mut v| {
            v.sort_by_key(|(item, date)| (rank(item), *date, *item));
            v.into_iter().map(|(item, _)| item).collect()
        })
        .collect()
}

/// The records of both cities, from the stop `chosen` where the counterpart
/// is known: agreements, first priorities, activities and their progress,
/// measurements.
fn joint(p: &PartnershipData, walk: &Walk, chosen: usize, at: &mut Placed) {
    let last = walk.last_cycle();
    for (i, a) in p.agreements.iter().enumerate() {
        let stop = match a.signed_on {
            Some(signed) => walk.stop_left_from(signed, chosen),
            None => walk.stop_for(0, Step::Partner, chosen),
        };
        at.put(stop, Item::Agreement(i), a.signed_on.unwrap_or(walk.start));
    }
    if !p.first_priorities.is_empty() {
        at.put(
            walk.stop_for(0, Step::Partner, chosen),
            Item::Priorities,
            walk.start,
        );
    }
    for (i, a) in p.activities.iter().enumerate() {
        let c = walk.cycle_of(a.start);
        let stop = walk.stop_for(c, Step::Plan, chosen);
        at.put(stop, Item::Activity(i), a.start);
        let report = match a.status {
            ActivityStatus::Planned => None,
            ActivityStatus::InProgress => Some(last),
            ActivityStatus::Completed | ActivityStatus::Cancelled => Some(walk.cycle_of(a.due)),
        };
        if let Some(c) = report {
            at.put(walk.stop_for(c, Step::Do, stop), Item::Progress(i), a.due);
        }
    }
    for (i, m) in p.measurements.iter().enumerate() {
        let c = walk.cycle_of(m.period_end);
        at.put(
            walk.stop_for(c, Step::Measure, chosen),
            Item::Measurement(i),
            m.period_end,
        );
    }
}

/// The records placed so far, by stop, each with its date.
struct Placed(Vec<Vec<(Item, NaiveDate)>>);

impl Placed {
    fn put(&mut self, stop: usize, item: Item, date: NaiveDate) {
        self.0[stop].push((item, date));
    }
}

/// The rank of an item's kind: the order kinds are written in at a stop.
fn rank(item: &Item) -> u8 {
    match item {
        Item::Counterpart => 0,
        Item::Assessment(_) => 1,
        Item::Contact(_) => 2,
        Item::Agreement(_) => 3,
        Item::Priorities => 4,
        Item::Activity(_) => 5,
        Item::Progress(_) => 6,
        Item::Measurement(_) => 7,
        Item::Lesson(_) => 8,
    }
}
