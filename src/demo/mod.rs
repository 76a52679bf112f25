//! The demo dataset (`demo/platform.toml`: real EU–China partnerships restated
//! from the URBAN-EU-CHINA sources) and its loader, `c2c seed-demo`.
//!
//! The loader goes through the same store operations as the API
//! (`create_city`, `add_stakeholder`, `create_account`, `issue_token`,
//! `record_strategy`, `record_commitment`, `start_with_id`, `spawn_with_id`,
//! `execute`), so every output passes the domain's checks and every move is in
//! the history. It never writes SQL.
//!
//! - [`data`]: the file's types (unknown fields are errors) and its checks;
//! - [`plan`]: each partnership's story as a walk: start, cycles, stops, dates;
//! - [`story`]: one partnership driven through its walk, with the fillers
//!   (marked "Demo filler, not from the sources: …") that the sources leave out;
//! - [`seed`]: the driver, idempotent by deterministic identifiers (UUID v5).
//!
//! Accounts: the file's demo accounts (an operator, city editors, a viewer)
//! get a token when they are created. A city's moves and outputs are recorded
//! by its demo editor when the file has one (Gothenburg, Shanghai, Birmingham,
//! Nanjing, Łódź, Chengdu), otherwise by a hidden editor account of its own,
//! "Demo loader for <city>", which never gets a token.

pub mod data;
pub mod plan;
pub mod seed;
pub mod story;

use anyhow::Result;
use c2c_domain::{CityId, Loop, Status, Step};
use c2c_store::{PartnershipFilter, Role, Store};
use std::collections::HashSet;
use std::fmt::Write as _;

pub use seed::{DemoAccount, seed};

/// The data file, embedded: nothing is read at run time.
pub const DATA: &str = include_str!("../../demo/platform.toml");

/// What a database holds, for `serve --demo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// No city at all.
    Empty,
    /// The demo's cities (some or all).
    Demo,
    /// Cities, none of them the demo's.
    Other,
}

/// What the database holds.
pub async fn contents(store: &Store) -> Result<Contents> {
    let cities = store.cities().await?;
    if cities.is_empty() {
        return Ok(Contents::Empty);
    }
    let data = data::Platform::parse(DATA)?;
    let demo: HashSet<CityId> = data
        .cities
        .iter()
        .map(|c| CityId(seed::id("city", &c.key)))
        .collect();
    Ok(if cities.iter().any(|c| demo.contains(&c.id)) {
        Contents::Demo
    } else {
        Contents::Other
    })
}

/// The message for a database that holds other data than the demo.
pub fn refusal(url: &str) -> String {
    format!(
        "the database {url} already holds cities, none of them the demo's: the demo is loaded \
         only into an empty database (or one that holds the demo). Use another database, e.g. \
         DATABASE_URL=sqlite://c2c-demo.db"
    )
}

/// The demo's accounts as stored (for a database that already holds the demo).
pub async fn accounts(store: &Store) -> Result<Vec<DemoAccount>> {
    let data = data::Platform::parse(DATA)?;
    let mut out = Vec::new();
    for a in &data.accounts {
        let id = c2c_domain::AccountId(seed::id("account", &a.key));
        if let Ok(account) = store.account(id).await {
            out.push(DemoAccount {
                id,
                role: account.role,
                name: account.name,
                city: a
                    .city
                    .as_ref()
                    .and_then(|k| data.city(k))
                    .map(|c| c.name.clone()),
                secret: None,
            });
        }
    }
    Ok(out)
}

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
            "demo accounts and their tokens (shown once, keep them safe):"
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
