//! The story of one partnership as a walk: the cycles it goes through, the
//! steps it stops at, the date of every move, and the stop at which each
//! sourced record is written. Pure: no I/O, no clock (today is a parameter).
//!
//! # Where a partnership starts
//!
//! - Without loop-backs, the data's `loop` says it: `CITY_DEVELOPMENT` starts
//!   at AIM, `NEW_PARTNERSHIP` at PARTNER (targets AIM and COMMIT are always
//!   `CITY_DEVELOPMENT`).
//! - With loop-backs, the first cycle starts at AIM when the first loop-back
//!   is `CITY_DEVELOPMENT` (the city *re*visits a strategy it set when the
//!   partnership began), and at PARTNER otherwise.
//! - A spin-off starts at PARTNER by a spawn from its origin.
//!
//! # Dates (moves are recorded after the fact, never in the future)
//!
//! - The start S: `relations_since`, else the earliest dated record of the
//!   partnership (or of its spin-offs), else the adoption of the initiator's
//!   strategy, else 1 January 2019 (the year of the guidebook the data
//!   restates). A spin-off starts when it is spawned: at its own S, but not
//!   before its origin's last move.
//! - The end E: the latest dated record (signatures, contacts and follow-ups,
//!   assessments, activity starts, the due date of completed or cancelled
//!   activities, measurement periods, `status_on`), at most today; an origin's
//!   story ends when its first spin-off starts.
//! - Anchors: the first exit from PARTNER is on the signing of the earliest
//!   agreement in force then (`PARTNER_AGREEMENT` checks it); loop-backs fall
//!   on the signing of the renewals (`renewal_of`), the last loop-back on the
//!   last renewal, and a `CITY_DEVELOPMENT` loop-back on the adoption of the
//!   initiator's strategy when that lies within the story; a suspension,
//!   termination or conclusion is at `status_on` (else at E).
//! - Every other move is spread evenly between the anchors around it (the
//!   last move before E strictly before it). Then a PARTNER exit that finds no
//!   agreement in force is pushed to the next signing, and the dates are made
//!   non-decreasing.
//! - Sourced outputs keep their own dates; fillers are dated with the step
//!   they belong to (the day the partnership leaves it, or entered it).

use super::data::{PartnershipData, Platform};
use c2c_domain::outputs::ActivityStatus;
use c2c_domain::{Loop, Narrative, Status, Step};
use chrono::NaiveDate;
use std::cmp::{max, min};

/// The default start of a story without any date.
pub fn default_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default()
}

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

fn dated_records(p: &PartnershipData) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = Vec::new();
    dates.extend(p.relations_since);
    dates.extend(p.status_on);
    dates.extend(p.agreements.iter().filter_map(|a| a.signed_on));
    for c in &p.contacts {
        dates.push(c.on);
        dates.extend(c.followed_up_on);
    }
    dates.extend(p.assessments.iter().map(|a| a.on));
    for a in &p.activities {
        dates.push(a.start);
        if matches!(
            a.status,
            ActivityStatus::Completed | ActivityStatus::Cancelled
        ) {
            dates.push(a.due);
        }
    }
    dates.extend(p.measurements.iter().map(|m| m.period_end));
    dates
}

/// The start of a partnership's story (before any spawn constraint).
pub fn own_start(data: &Platform, p: &PartnershipData, today: NaiveDate) -> NaiveDate {
    let children = data
        .partnerships
        .iter()
        .filter(|c| c.origin.as_deref() == Some(p.key.as_str()));
    let start = p.relations_since.or_else(|| {
        dated_records(p)
            .into_iter()
            .chain(children.filter_map(|c| {
                c.relations_since
                    .or_else(|| dated_records(c).into_iter().min())
            }))
            .min()
    });
    let strategy = || {
        data.city(&p.initiator)
            .and_then(|c| c.strategy.first())
            .and_then(|s| s.adopted_on)
    };
    min(start.or_else(strategy).unwrap_or_else(default_start), today)
}

/// The end of a partnership's story.
fn own_end(data: &Platform, p: &PartnershipData, start: NaiveDate, today: NaiveDate) -> NaiveDate {
    let mut end = dated_records(p).into_iter().max().unwrap_or(start);
    if let Some(first_child) = data
        .partnerships
        .iter()
        .filter(|c| c.origin.as_deref() == Some(p.key.as_str()))
        .map(|c| own_start(data, c, today))
        .min()
    {
        end = min(end, first_child);
    }
    min(max(end, start), today)
}

/// The step a partnership starts at.
pub fn start_step(p: &PartnershipData) -> Step {
    if p.origin.is_some() {
        return Step::Partner;
    }
    match p.loop_backs.first() {
        Some(Loop::CityDevelopment) => Step::Aim,
        Some(_) => Step::Partner,
        None if p.loop_ == Loop::CityDevelopment => Step::Aim,
        None => Step::Partner,
    }
}

/// Plans the walk of a partnership starting on `start`.
pub fn walk(
    data: &Platform,
    p: &PartnershipData,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<Walk, String> {
    let narrative = Narrative::standard();
    let first = start_step(p);
    let first_loop = match first {
        Step::Aim => Loop::CityDevelopment,
        _ => Loop::NewPartnership,
    };
    // The skeleton: the stops and how each is left.
    let mut stops: Vec<(usize, Step, Option<Leave>)> = Vec::new();
    let mut loops = vec![first_loop];
    let mut step = first;
    let mut loop_ = first_loop;
    let targets: Vec<(Step, Option<Loop>)> = p
        .loop_backs
        .iter()
        .map(|l| (narrative.loop_def(*l).closes_at, Some(*l)))
        .chain(std::iter::once((p.step, None)))
        .collect();
    for (cycle, (target, loop_back)) in targets.into_iter().enumerate() {
        let mut guard = 0;
        while step != target {
            let next = narrative
                .advance_target(loop_, step)
                .filter(|_| guard < 16)
                .ok_or_else(|| {
                    format!(
                        "cycle {} in loop {} cannot reach {} from {}",
                        cycle + 1,
                        loop_.code(),
                        target.code(),
                        step.code()
                    )
                })?;
            stops.push((cycle, step, Some(Leave::Advance)));
            step = next;
            guard += 1;
        }
        match loop_back {
            Some(l) => {
                stops.push((cycle, step, Some(Leave::LoopBack(l))));
                step = narrative.loop_def(l).reenters;
                loop_ = l;
                loops.push(l);
            }
            None => stops.push((cycle, step, None)),
        }
    }
    if p.status == Status::Concluded && step != Step::Replicate {
        return Err("a partnership concludes at REPLICATE".into());
    }

    // The dates.
    let end = own_end(data, p, start, today);
    let status_date = min(max(p.status_on.unwrap_or(end), start), today);
    let moves = stops.len() - 1;
    let horizon = match p.status {
        Status::Active => end,
        _ => status_date,
    };
    let mut anchors: Vec<(usize, NaiveDate)> = Vec::new();
    let signed: Vec<(NaiveDate, Option<NaiveDate>)> = p
        .agreements
        .iter()
        .filter_map(|a| a.signed_on.map(|s| (s, a.valid_until)))
        .collect();
    let in_force_from = |from: NaiveDate| -> Option<NaiveDate> {
        signed
            .iter()
            .map(|(s, until)| (max(*s, from), *until))
            .filter(|(t, until)| until.is_none_or(|u| *t <= u))
            .map(|(t, _)| t)
            .min()
    };
    if let Some(i) = stops
        .iter()
        .position(|s| s.1 == Step::Partner && s.2.is_some())
        && let Some(t) = in_force_from(start)
    {
        anchors.push((i, t));
    }
    let loop_back_moves: Vec<usize> = stops
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.2, Some(Leave::LoopBack(_))))
        .map(|(i, _)| i)
        .collect();
    let mut renewals: Vec<NaiveDate> = p
        .agreements
        .iter()
        .filter(|a| a.renewal_of.is_some())
        .filter_map(|a| a.signed_on)
        .filter(|d| *d > start && *d <= horizon)
        .collect();
    renewals.sort();
    renewals.dedup();
    let mut pending = loop_back_moves.clone();
    if let Some(&last) = pending.last()
        && p.loop_backs.last() == Some(&Loop::CityDevelopment)
        && let Some(adopted) = data
            .city(&p.initiator)
            .and_then(|c| c.strategy.first())
            .and_then(|s| s.adopted_on)
            .filter(|d| *d > start && *d <= horizon)
    {
        anchors.push((last, adopted));
        pending.pop();
        renewals.retain(|d| *d < adopted);
    }
    for (i, d) in pending.iter().rev().zip(renewals.iter().rev()) {
        anchors.push((*i, *d));
    }
    anchors.sort();
    // Keep the anchors that make a non-decreasing sequence within the story.
    let mut points: Vec<(i64, NaiveDate)> = vec![(-1, start)];
    for (i, d) in anchors {
        let (_, previous) = points[points.len() - 1];
        if d >= previous && d <= horizon {
            points.push((i as i64, d));
        }
    }
    points.push((moves as i64, horizon));
    let mut dates: Vec<NaiveDate> = Vec::with_capacity(moves);
    for i in 0..moves as i64 {
        let next = points
            .iter()
            .position(|(j, _)| *j >= i)
            .unwrap_or(points.len() - 1);
        let (ni, nd) = points[next];
        if ni == i {
            dates.push(nd);
            continue;
        }
        let (pi, pd) = points[next.saturating_sub(1)];
        let span = (nd - pd).num_days();
        let offset = span * (i - pi) / (ni - pi).max(1);
        dates.push(pd + chrono::Duration::days(offset));
    }
    // A PARTNER exit needs an agreement in force: push it to the next signing.
    for (i, s) in stops.iter().enumerate().take(moves) {
        if s.1 == Step::Partner
            && let Some(t) = in_force_from(dates[i])
            && t > dates[i]
            && t <= horizon
        {
            dates[i] = t;
        }
    }
    let mut previous = start;
    for d in &mut dates {
        *d = min(max(*d, previous), today);
        previous = *d;
    }
    let finish = match p.status {
        Status::Active => Finish::Stay,
        Status::Suspended => Finish::Suspend(max(status_date, previous), p.status_reason.clone()),
        Status::Terminated => {
            Finish::Terminate(max(status_date, previous), p.status_reason.clone())
        }
        Status::Concluded => Finish::Conclude(max(status_date, previous)),
    };

    let mut cycles = vec![Cycle {
        loop_: loops[0],
        start,
    }];
    let mut out = Vec::with_capacity(stops.len());
    let mut entered = start;
    for (i, (cycle, step, leave)) in stops.into_iter().enumerate() {
        let leave = leave.map(|l| (l, dates[i]));
        out.push(Stop {
            cycle,
            step,
            entered,
            leave,
        });
        if let Some((l, d)) = leave {
            entered = d;
            if let Leave::LoopBack(loop_) = l {
                cycles.push(Cycle { loop_, start: d });
            }
        }
    }
    Ok(Walk {
        start_step: first,
        start,
        cycles,
        stops: out,
        finish,
    })
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

/// Assigns every sourced record of a partnership to a stop of its walk.
pub fn items(p: &PartnershipData, walk: &Walk) -> Vec<Vec<Item>> {
    let mut at: Vec<Vec<(Item, NaiveDate)>> = vec![Vec::new(); walk.stops.len()];
    let last = walk.last_cycle();
    // Records that need the counterpart come at or after its choice.
    let chosen = match walk.start_step {
        Step::Aim if p.counterpart_chosen => {
            let i = walk.stop_for(0, Step::Partner, 0);
            (walk.stops[i].step == Step::Partner).then_some(i)
        }
        Step::Aim => None,
        _ => Some(0),
    };
    let mut put = |i: usize, item: Item, date: NaiveDate| at[i].push((item, date));
    if walk.start_step == Step::Aim
        && let Some(i) = chosen
    {
        put(i, Item::Counterpart, walk.start);
    }
    for (i, a) in p.assessments.iter().enumerate() {
        let c = walk.cycle_of(a.on);
        put(
            walk.stop_for(c, Step::Partner, 0),
            Item::Assessment(i),
            a.on,
        );
    }
    for (i, c) in p.contacts.iter().enumerate() {
        let cycle = walk.cycle_of(c.on);
        put(walk.stop_for(cycle, Step::Aim, 0), Item::Contact(i), c.on);
    }
    if let Some(chosen) = chosen {
        for (i, a) in p.agreements.iter().enumerate() {
            let date = a.signed_on.unwrap_or(walk.start);
            let c = a.signed_on.map_or(0, |d| walk.cycle_of(d));
            put(
                walk.stop_for(c, Step::Partner, chosen),
                Item::Agreement(i),
                date,
            );
        }
        if !p.first_priorities.is_empty() {
            put(
                walk.stop_for(0, Step::Partner, chosen),
                Item::Priorities,
                walk.start,
            );
        }
        for (i, a) in p.activities.iter().enumerate() {
            let c = walk.cycle_of(a.start);
            let stop = walk.stop_for(c, Step::Plan, chosen);
            put(stop, Item::Activity(i), a.start);
            let report = match a.status {
                ActivityStatus::Planned => None,
                ActivityStatus::InProgress => Some(last),
                ActivityStatus::Completed | ActivityStatus::Cancelled => Some(walk.cycle_of(a.due)),
            };
            if let Some(c) = report {
                put(walk.stop_for(c, Step::Do, stop), Item::Progress(i), a.due);
            }
        }
        for (i, m) in p.measurements.iter().enumerate() {
            let c = walk.cycle_of(m.period_end);
            put(
                walk.stop_for(c, Step::Measure, chosen),
                Item::Measurement(i),
                m.period_end,
            );
        }
    }
    for i in 0..p.lessons.len() {
        put(
            walk.stop_for(last, Step::Replicate, 0),
            Item::Lesson(i),
            walk.start,
        );
    }
    at.into_iter()
        .map(|mut v| {
            v.sort_by_key(|(item, date)| (item.rank(), *date, *item));
            v.into_iter().map(|(item, _)| item).collect()
        })
        .collect()
}

impl Item {
    /// The rank of an item's kind: the order kinds are written in at a stop.
    fn rank(&self) -> u8 {
        match self {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Platform {
        Platform::parse(super::super::DATA).unwrap_or_else(|e| panic!("{e}"))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn plan(data: &Platform, key: &str) -> Walk {
        let p = data
            .partnerships
            .iter()
            .find(|p| p.key == key)
            .unwrap_or_else(|| panic!("{key}"));
        let today = day(2026, 1, 1);
        walk(data, p, own_start(data, p, today), today).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_story_has_a_walk_with_dates_in_order() {
        let data = data();
        let today = day(2026, 1, 1);
        for p in &data.partnerships {
            let w = walk(&data, p, own_start(&data, p, today), today)
                .unwrap_or_else(|e| panic!("{}: {e}", p.key));
            assert_eq!(w.cycles.len(), p.loop_backs.len() + 1, "{}", p.key);
            assert_eq!(w.last().step, p.step, "{}", p.key);
            let mut previous = w.start;
            for s in &w.stops {
                assert!(s.entered >= previous && s.date() >= s.entered, "{}", p.key);
                assert!(s.date() <= today, "{}", p.key);
                previous = s.entered;
            }
        }
    }

    #[test]
    fn gothenburg_loops_back_on_the_renewals() {
        let w = plan(&data(), "gothenburg-shanghai");
        assert_eq!(w.start_step, Step::Partner);
        let starts: Vec<NaiveDate> = w.cycles.iter().map(|c| c.start).collect();
        assert_eq!(starts.len(), 5);
        assert_eq!(starts[0], day(2003, 1, 1));
        assert_eq!(starts[3], day(2013, 1, 1));
        assert_eq!(starts[4], day(2017, 5, 1));
        assert!(starts.windows(2).all(|w| w[0] < w[1]));
        // The first exit from PARTNER is on the first MoU's signing.
        assert_eq!(w.stops[0].leave, Some((Leave::Advance, day(2003, 1, 1))));
    }

    #[test]
    fn city_development_loops_back_on_the_new_strategy() {
        let w = plan(&data(), "malmo-hong-kong");
        assert_eq!(w.start_step, Step::Aim);
        assert_eq!(w.cycles[1].loop_, Loop::CityDevelopment);
        assert_eq!(w.cycles[1].start, day(2016, 11, 1));
    }

    #[test]
    fn records_go_to_the_stop_of_their_step_and_cycle() {
        let data = data();
        let w = plan(&data, "gothenburg-shanghai");
        let p = data
            .partnerships
            .iter()
            .find(|p| p.key == "gothenburg-shanghai")
            .unwrap_or_else(|| panic!("gothenburg-shanghai"));
        let items = items(p, &w);
        let stop_of = |item: Item| {
            let i = items
                .iter()
                .position(|v| v.contains(&item))
                .unwrap_or_else(|| panic!("{item:?}"));
            (w.stops[i].cycle, w.stops[i].step)
        };
        // The 2017 MoU is recorded in the fifth cycle, at its first stop (PLAN).
        let mou_2017 = p
            .agreements
            .iter()
            .position(|a| a.key == "gs-mou-2017")
            .unwrap_or_default();
        assert_eq!(stop_of(Item::Agreement(mou_2017)), (4, Step::Plan));
        assert_eq!(stop_of(Item::Agreement(0)), (0, Step::Partner));
        assert_eq!(stop_of(Item::Priorities), (0, Step::Partner));
    }
}
