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
