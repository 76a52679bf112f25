//! The accounts that act: the data file's demo accounts (a token each when
//! it is created), and a hidden loader editor, "Demo loader for <city>",
//! without a token, for every other city that acts in the demo.

use super::needs::Needs;
use crate::common::{id, not_found};
use crate::data::{AccountData, CityData, Platform};
use anyhow::{Context, Result};
use c2c_domain::{AccountId, CityId};
use c2c_store::{Role, Store};
use std::collections::HashMap;

/// A demo account (from the data file) and, when this run created it, the
/// secret of its token.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// Its identifier.
    pub id: AccountId,
    /// Its role.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Its city's name, for an editor or viewer.
    pub city: Option<String>,
    /// The token's secret, shown once: only when the account was created now.
    pub secret: Option<String>,
}

impl DemoAccount {
    /// The account of the data file `a`, stored with `role` and `name`.
    pub fn of(data: &Platform, a: &AccountData, (role, name): (Role, String)) -> DemoAccount {
        DemoAccount {
            id: AccountId(id("account", &a.key)),
            role,
            name,
            city: a
                .city
                .as_ref()
                .and_then(|k| data.city(k))
                .map(|c| c.name.clone()),
            secret: None,
        }
    }
}

/// Who acts for the cities.
#[derive(Debug, Default)]
pub struct Acting {
    /// The demo accounts of the data file.
    pub accounts: Vec<DemoAccount>,
    /// The account that acts for each city that acts.
    pub actors: HashMap<CityId, AccountId>,
    /// The hidden loader accounts among them.
    pub loaders: usize,
}

/// Creates the demo accounts and the loader accounts that do not exist.
pub async fn create(
    store: &Store,
    data: &Platform,
    cities: &HashMap<String, CityId>,
    needs: &Needs,
) -> Result<Acting> {
    let mut acting = Acting::default();
    for a in &data.accounts {
        let account = AccountId(id("account", &a.key));
        let city = a.city.as_ref().map(|k| cities[k]);
        let secret = match not_found(store.account(account).await)? {
            Some(_) => None,
            None => {
                store
                    .create_account(account, &a.name, a.role, city)
                    .await
                    .with_context(|| format!("creating account {}", a.key))?;
                let (secret, _) = store
                    .issue_token(account, "demo token (c2c seed-demo)", None)
                    .await?;
                Some(secret)
            }
        };
        if a.role == Role::Editor
            && let Some(c) = city
        {
            acting.actors.entry(c).or_insert(account);
        }
        acting.accounts.push(DemoAccount {
            secret,
            ..DemoAccount::of(data, a, (a.role, a.name.clone()))
        });
    }
    for c in acting_cities(data, needs) {
        let city = cities[&c.key];
        if acting.actors.contains_key(&city) {
            continue;
        }
        acting.actors.insert(city, loader(store, c, city).await?);
        acting.loaders += 1;
    }
    Ok(acting)
}

/// The cities that act: a party to a partnership, or a city with a strategy
/// (sourced or needed).
fn acting_cities<'a>(data: &'a Platform, needs: &Needs) -> Vec<&'a CityData> {
    data.cities
        .iter()
        .filter(|c| {
            let party = data
                .partnerships
                .iter()
                .any(|p| p.initiator == c.key || p.counterpart.as_deref() == Some(c.key.as_str()));
            party || !c.strategy.is_empty() || needs.aim.contains(&c.key)
        })
        .collect()
}

/// The hidden loader editor of a city, created unless it exists.
async fn loader(store: &Store, c: &CityData, city: CityId) -> Result<AccountId> {
    let account = AccountId(id("account", &format!("loader:{}", c.key)));
    if not_found(store.account(account).await)?.is_none() {
        let name = format!(
            "Demo loader for {} (records the demo data; no token)",
            c.name
        );
        store
            .create_account(account, &name, Role::Editor, Some(city))
            .await?;
    }
    Ok(account)
}
