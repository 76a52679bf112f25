//! What a database holds before the demo is loaded into it (nothing, the
//! demo, or other data, which the demo leaves alone), and the demo's
//! accounts as stored in a database that already holds the demo.

use crate::common::id;
use crate::data::{DATA, Platform};
use crate::seed::DemoAccount;
use anyhow::Result;
use c2c_domain::{AccountId, CityId};
use c2c_store::Store;
use std::collections::HashSet;

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
    let data = Platform::parse(DATA)?;
    let demo: HashSet<CityId> = data
        .cities
        .iter()
        .map(|c| CityId(id("city", &c.key)))
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
    let data = Platform::parse(DATA)?;
    let mut out = Vec::new();
    for a in &data.accounts {
        let id = AccountId(id("account", &a.key));
        if let Ok(account) = store.account(id).await {
            out.push(DemoAccount::of(&data, a, (account.role, account.name)));
        }
    }
    Ok(out)
}
