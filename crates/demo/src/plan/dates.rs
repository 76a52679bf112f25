//! The dates of a walk: where a story starts and ends, and the date of each
//! of its moves (anchored on signings, renewals and the adoption of a
//! strategy, the rest spread evenly between the anchors, never after today).
//! The rules are in the doc of [`crate::plan`].

use super::stops::{Leave, Undated};
use crate::data::{PartnershipData, Platform};
use c2c_domain::outputs::ActivityStatus;
use c2c_domain::{Loop, Step};
use chrono::NaiveDate;
use std::cmp::{max, min};

/// The default start of a story without any date.
pub fn default_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default()
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

/// The adoption of the initiator's strategy, when the sources date it.
fn strategy_adopted(data: &Platform, p: &PartnershipData) -> Option<NaiveDate> {
    data.city(&p.initiator)
        .and_then(|c| c.strategy.first())
        .and_then(|s| s.adopted_on)
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
    let strategy = || strategy_adopted(data, p);
    min(start.or_else(strategy).unwrap_or_else(default_start), today)
}

/// The end of a partnership's story.
pub fn own_end(
    data: &Platform,
    p: &PartnershipData,
    start: NaiveDate,
    today: NaiveDate,
) -> NaiveDate {
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

/// The agreements of a partnership as the story records them: the dated
/// ones (signing date, end of validity), and the ends of validity of those
/// the sources do not date (signed when the partnership leaves PARTNER; a
/// partnership with no agreement at all gets a placeholder without expiry).
struct Signings {
    dated: Vec<(NaiveDate, Option<NaiveDate>)>,
    undated: Vec<Option<NaiveDate>>,
}

impl Signings {
    fn of(p: &PartnershipData) -> Signings {
        let mut undated: Vec<Option<NaiveDate>> = p
            .agreements
            .iter()
            .filter(|a| a.signed_on.is_none())
            .map(|a| a.valid_until)
            .collect();
        if p.agreements.is_empty() {
            undated.push(None);
        }
        Signings {
            dated: p
                .agreements
                .iter()
                .filter_map(|a| a.signed_on.map(|s| (s, a.valid_until)))
                .collect(),
            undated,
        }
    }

    /// Whether an agreement is in force on `d`, a date after the partnership
    /// left PARTNER (when the undated ones are signed).
    fn covers(&self, d: NaiveDate) -> bool {
        self.undated
            .iter()
            .any(|until| until.is_none_or(|u| d <= u))
            || self
                .dated
                .iter()
                .any(|(s, until)| *s <= d && until.is_none_or(|u| d <= u))
    }

    /// The first day from `from` on when a dated agreement is in force.
    fn in_force_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.dated
            .iter()
            .map(|(s, until)| (max(*s, from), *until))
            .filter(|(t, until)| until.is_none_or(|u| *t <= u))
            .map(|(t, _)| t)
            .min()
    }
}

/// The moves whose dates the sources give, by index into `stops`: the first
/// exit from PARTNER, the loop-backs (on renewals, or the adoption of a new
/// strategy), in index order.
fn anchors(
    data: &Platform,
    p: &PartnershipData,
    stops: &[Undated],
    signings: &Signings,
    (start, horizon): (NaiveDate, NaiveDate),
) -> Vec<(usize, NaiveDate)> {
    let mut anchors: Vec<(usize, NaiveDate)> = Vec::new();
    if let Some(i) = stops
        .iter()
        .position(|s| s.1 == Step::Partner && s.2.is_some())
        && let Some(t) = signings.in_force_from(start)
    {
        anchors.push((i, t));
    }
    let mut pending: Vec<usize> = stops
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
    if let Some(&last) = pending.last()
        && p.loop_backs.last() == Some(&Loop::CityDevelopment)
        && let Some(adopted) = strategy_adopted(data, p).filter(|d| *d > start && *d <= horizon)
    {
        anchors.push((last, adopted));
        pending.pop();
        renewals.retain(|d| *d < adopted);
    }
    for (i, d) in pending.iter().rev().zip(renewals.iter().rev()) {
        anchors.push((*i, *d));
    }
    anchors.sort();
    anchors
}

/// The dates of `moves` moves: the anchors that make a non-decreasing
/// sequence within the story, and the other moves spread evenly between them.
fn spread(
    anchors: Vec<(usize, NaiveDate)>,
    moves: usize,
    (start, horizon): (NaiveDate, NaiveDate),
) -> Vec<NaiveDate> {
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
    dates
}

/// The date of every move of `stops` (one fewer than the stops), within
/// `start..=horizon` and never after today; and the first move that no
/// agreement in force allows, if any (the walk is held there).
///
/// From the PARTNER exit on, every move needs an agreement in force on its
/// date: a move that finds none is pushed to the next signing of one within
/// the story; when there is none, the walk stops where the rules stop it.
pub fn move_dates(
    data: &Platform,
    p: &PartnershipData,
    stops: &[Undated],
    (start, horizon): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> (Vec<NaiveDate>, Option<usize>) {
    let moves = stops.len() - 1;
    let signings = Signings::of(p);
    let anchors = anchors(data, p, stops, &signings, (start, horizon));
    let mut dates = spread(anchors, moves, (start, horizon));
    let from_partner = stops.iter().position(|s| s.1 == Step::Partner);
    let mut previous = start;
    for (i, d) in dates.iter_mut().enumerate() {
        *d = min(max(*d, previous), today);
        if from_partner.is_some_and(|f| i >= f) && !signings.covers(*d) {
            match signings.in_force_from(*d).filter(|t| *t <= horizon) {
                Some(t) => *d = t,
                None => return (dates[..=i].to_vec(), Some(i)),
            }
        }
        previous = *d;
    }
    (dates, None)
}
