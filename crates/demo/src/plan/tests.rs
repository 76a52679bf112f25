//! The walks of the demo's partnerships: every story can be walked with its
//! dates in order, loop-backs fall on renewals and on a new strategy, and
//! records go to the stop of their step and cycle.

use crate::data::{DATA, Platform};
use crate::plan::{Item, Leave, Walk, items, own_start, walk};
use c2c_domain::{Loop, Step};
use chrono::NaiveDate;

fn data() -> Platform {
    Platform::parse(DATA).unwrap_or_else(|e| panic!("{e}"))
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
    assert_eq!(starts[1], day(2006, 1, 1));
    assert_eq!(starts[2], day(2009, 1, 1));
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
    // The 2017 MoU is recorded at the end of the fourth cycle (ACT), before
    // the loop back on its signing that relies on it.
    let mou_2017 = p
        .agreements
        .iter()
        .position(|a| a.key == "gs-mou-2017")
        .unwrap_or_default();
    assert_eq!(stop_of(Item::Agreement(mou_2017)), (3, Step::Act));
    assert_eq!(stop_of(Item::Agreement(0)), (0, Step::Partner));
    assert_eq!(stop_of(Item::Priorities), (0, Step::Partner));
}

/// Whether an agreement of `p` as the story records it is in force on `d`
/// (undated ones are signed when the partnership leaves PARTNER).
fn in_force(p: &crate::data::PartnershipData, d: NaiveDate) -> bool {
    p.agreements.is_empty()
        || p.agreements
            .iter()
            .any(|a| a.signed_on.is_none_or(|s| s <= d) && a.valid_until.is_none_or(|u| d <= u))
}

#[test]
fn every_move_from_partner_on_has_an_agreement_in_force() {
    let data = data();
    let today = day(2026, 1, 1);
    for p in &data.partnerships {
        let w = walk(&data, p, own_start(&data, p, today), today)
            .unwrap_or_else(|e| panic!("{}: {e}", p.key));
        let from = w.stops.iter().position(|s| s.step == Step::Partner);
        for (i, s) in w.stops.iter().enumerate() {
            if let (Some(f), Some((_, on))) = (from, s.leave)
                && i >= f
                && !(w.held && i + 1 == w.stops.len())
            {
                assert!(
                    in_force(p, on),
                    "{}: the move out of {:?} on {on}",
                    p.key,
                    s.step
                );
            }
        }
    }
}

#[test]
fn a_walk_is_held_where_an_agreement_lapses_and_no_renewal_follows() {
    let mut data = data();
    let gs = data
        .partnerships
        .iter_mut()
        .find(|p| p.key == "gothenburg-shanghai")
        .unwrap_or_else(|| panic!("gothenburg-shanghai"));
    // Without the 2013 and 2017 versions, the 2009 MoU lapses on 2013-01-01.
    gs.agreements
        .retain(|a| !["gs-mou-2013", "gs-mou-2017"].contains(&a.key.as_str()));
    let w = plan(&data, "gothenburg-shanghai");
    assert!(w.held);
    let last = w.last();
    let (_, on) = last.leave.unwrap_or_else(|| panic!("the held move"));
    assert!(on > day(2013, 1, 1), "held on {on}");
    // Every move made falls before the lapse; the partnership stays where
    // the first move after it would have taken it from.
    let made = &w.stops[..w.stops.len() - 1];
    assert!(made.iter().all(|s| s.date() <= day(2013, 1, 1)));
    assert_ne!(last.step, Step::Act, "held before the story's step");
}
