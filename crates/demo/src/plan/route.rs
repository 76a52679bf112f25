//! The route of a walk: the step a partnership starts at, the stops it makes
//! on its way through the loops to its step, and the walk put together with
//! the dates of its moves (`dates.rs`) and what happens after the last stop.

use super::dates::{move_dates, own_end};
use super::stops::{Cycle, Finish, Leave, Stop, Undated, Walk};
use crate::data::{PartnershipData, Platform};
use c2c_domain::{Loop, Narrative, Status, Step};
use chrono::NaiveDate;
use std::cmp::{max, min};

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
    let first = start_step(p);
    let (stops, loops) = route(p, first)?;
    let last = stops.last().map_or(first, |s| s.1);
    if p.status == Status::Concluded && last != Step::Replicate {
        return Err("a partnership concludes at REPLICATE".into());
    }
    let end = own_end(data, p, start, today);
    let status_date = min(max(p.status_on.unwrap_or(end), start), today);
    let horizon = match p.status {
        Status::Active => end,
        _ => status_date,
    };
    let (dates, held) = move_dates(data, p, &stops, (start, horizon), today);
    let stops = match held {
        Some(i) => stops[..=i].to_vec(),
        None => stops,
    };
    let last = stops.last().map_or(first, |s| s.1);
    let previous = dates.last().copied().unwrap_or(start);
    let finish = match p.status {
        Status::Active => Finish::Stay,
        Status::Suspended => Finish::Suspend(max(status_date, previous), p.status_reason.clone()),
        Status::Terminated => {
            Finish::Terminate(max(status_date, previous), p.status_reason.clone())
        }
        Status::Concluded if last == Step::Replicate => {
            Finish::Conclude(max(status_date, previous))
        }
        Status::Concluded => Finish::Stay,
    };
    let (cycles, stops) = dated(loops[0], start, stops, &dates);
    Ok(Walk {
        start_step: first,
        start,
        cycles,
        stops,
        held: held.is_some(),
        finish,
    })
}

/// The stops from `first` through every loop-back to the partnership's
/// step, each with how it is left, and the loop of every cycle.
fn route(p: &PartnershipData, first: Step) -> Result<(Vec<Undated>, Vec<Loop>), String> {
    let narrative = Narrative::standard();
    let first_loop = match first {
        Step::Aim => Loop::CityDevelopment,
        _ => Loop::NewPartnership,
    };
    let mut stops: Vec<Undated> = Vec::new();
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
    Ok((stops, loops))
}

/// The stops with their dates, and the cycles with the day each began.
fn dated(
    first_loop: Loop,
    start: NaiveDate,
    stops: Vec<Undated>,
    dates: &[NaiveDate],
) -> (Vec<Cycle>, Vec<Stop>) {
    let mut cycles = vec![Cycle {
        loop_: first_loop,
        start,
    }];
    let n = stops.len();
    let mut out = Vec::with_capacity(n);
    let mut entered = start;
    for (i, (cycle, step, leave)) in stops.into_iter().enumerate() {
        let leave = leave.map(|l| (l, dates[i]));
        out.push(Stop {
            cycle,
            step,
            entered,
            leave,
        });
        // A held walk's last move is not made: it begins no cycle.
        if let Some((l, d)) = leave
            && i + 1 < n
        {
            entered = d;
            if let Leave::LoopBack(loop_) = l {
                cycles.push(Cycle { loop_, start: d });
            }
        }
    }
    (cycles, out)
}
