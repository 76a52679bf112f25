//! The demo platform in numbers, and the lines `seed-demo` and
//! `serve --demo` print for people: the summary and the demo accounts.

use crate::seed::DemoAccount;
use anyhow::Result;
use c2c_domain::{CityId, Loop, Status, Step};
use c2c_store::{PartnershipFilter, Role, Store};
use std::fmt::Write as _;

/// What the database holds, in numbers.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Cities.
    pub cities: usize,
    /// Stakeholders.
    pub stakeholders: usize,
    /// Cities with a strategy in force.
    pub strategies: usize,
    /// Cities with a commitment in force.
    pub commitments: usize,
    /// Accounts.
    pub accounts: usize,
    /// Partnerships.
    pub partnerships: usize,
    /// By step, in narrative order.
    pub by_step: Vec<(Step, usize)>,
    /// By loop.
    pub by_loop: Vec<(Loop, usize)>,
    /// By status.
    pub by_status: Vec<(Status, usize)>,
    /// Events in the history (partnerships' and cities' own).
    pub events: usize,
    /// KPI measurements.
    pub measurements: usize,
}

/// Counts what the database holds.
pub async fn summary(store: &Store) -> Result<Summary> {
    use strum::IntoEnumIterator;
    let cities = store.cities().await?;
    let ids: Vec<CityId> = cities.iter().map(|c| c.id).collect();
    let standings = store.standings(&ids).await?;
    let (pids, _) = store
        .list_partnerships(&PartnershipFilter::default(), 1_000_000, None)
        .await?;
    let partnerships = store.partnerships_by_id(&pids).await?;
    let histories = store.histories(&pids).await?;
    let mut city_events = 0;
    for c in &ids {
        city_events += store.city_history(*c).await?.len();
    }
    let count =
        |f: &dyn Fn(&c2c_domain::Partnership) -> bool| partnerships.iter().filter(|p| f(p)).count();
    Ok(Summary {
        cities: cities.len(),
        stakeholders: standings.values().map(|s| s.stakeholders.len()).sum(),
        strategies: standings.values().filter(|s| s.strategy.is_some()).count(),
        commitments: standings
            .values()
            .filter(|s| s.commitment.is_some())
            .count(),
        accounts: store.accounts().await?.len(),
        partnerships: partnerships.len(),
        by_step: Step::iter()
            .map(|s| (s, count(&|p| p.state().step == s)))
            .collect(),
        by_loop: Loop::iter()
            .map(|l| (l, count(&|p| p.state().loop_ == l)))
            .collect(),
        by_status: Status::iter()
            .map(|s| (s, count(&|p| p.state().status == s)))
            .collect(),
        events: histories.values().map(Vec::len).sum::<usize>() + city_events,
        measurements: partnerships
            .iter()
            .map(|p| p.outputs().measurements.len())
            .sum(),
    })
}

fn codes<T: Copy>(items: &[(T, usize)], code: impl Fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|(x, n)| format!("{} {n}", code(*x)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary as lines for people.
pub fn describe_summary(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "cities {} (stakeholders {}, strategies {}, commitments {}), accounts {}",
        s.cities, s.stakeholders, s.strategies, s.commitments, s.accounts
    );
    let _ = writeln!(out, "partnerships {}", s.partnerships);
    let _ = writeln!(out, "  by step:   {}", codes(&s.by_step, Step::code));
    let _ = writeln!(out, "  by loop:   {}", codes(&s.by_loop, Loop::code));
    let _ = writeln!(out, "  by status: {}", codes(&s.by_status, Status::code));
    let _ = writeln!(out, "events {}, measurements {}", s.events, s.measurements);
    out
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Operator => "OPERATOR",
        Role::Editor => "EDITOR",
        Role::Viewer => "VIEWER",
    }
}

/// The demo accounts, with their tokens when they were just created.
pub fn describe_accounts(accounts: &[DemoAccount]) -> String {
    let mut out = String::new();
    let fresh = accounts.iter().any(|a| a.secret.is_some());
    if fresh {
        let _ = writeln!(
            out,
            "demo accounts and their tokens (shown once, keep them safe; \
             `c2c token create --account <id>` makes another):"
        );
    } else {
        let _ = writeln!(
            out,
            "demo accounts (a token is shown only when its account is created; make one with \
             `c2c token create --account <id>`):"
        );
    }
    for a in accounts {
        let city = a
            .city
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {:<8} {}{city}", role(a.role), a.name);
        let _ = writeln!(out, "           account {}", a.id);
        if let Some(secret) = &a.secret {
            let _ = writeln!(out, "           token   {secret}");
        }
    }
    out
}
