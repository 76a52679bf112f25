//! The driver: cities, stakeholders, accounts and standings, then every
//! partnership's story, all through the store's own operations. Every unit is
//! skipped when it already exists (by its deterministic identifier), so a
//! second run adds nothing.
//!
//! The phases, in order: `needs.rs` (the walks, and what they need of each
//! city), `cities.rs` (cities and stakeholders), `accounts.rs` (who acts for
//! each city), `standing.rs` (strategies and commitments),
//! `partnerships.rs` (the stories).

mod accounts;
mod cities;
mod needs;
mod partnerships;
mod standing;

pub use accounts::DemoAccount;

use crate::context::Seeder;
use crate::data::{DATA, Platform};
use anyhow::Result;
use c2c_domain::{CityId, KpiDefinition};
use c2c_store::Store;
use chrono::Utc;
use std::collections::HashMap;
use std::time::Instant;

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    /// The demo accounts of the data file.
    pub accounts: Vec<DemoAccount>,
    /// The hidden loader accounts (one per city that acts without a demo editor).
    pub loaders: usize,
    /// Cities created by this run.
    pub cities_added: usize,
    /// Partnerships created by this run.
    pub partnerships_added: usize,
    /// Partnerships that already existed and were left alone.
    pub partnerships_skipped: usize,
    /// Commands executed on partnerships (the starts included).
    pub commands: usize,
    /// Fillers among them.
    pub fillers: usize,
    /// How long the run took.
    pub seconds: f64,
}

/// Loads the demo into `store`; `log` receives progress lines.
pub async fn seed(store: &Store, mut log: impl FnMut(String)) -> Result<Seeded> {
    let began = Instant::now();
    let data = Platform::parse(DATA)?;
    let today = Utc::now().date_naive();
    let walks = needs::walks(&data, today)?;
    let needs = needs::needs(&data, &walks);

    let cities = cities::ids(&data);
    let cities_added = cities::create(store, &data, &cities).await?;
    log(format!(
        "cities: {} in the data, {cities_added} added",
        data.cities.len()
    ));
    let ids: Vec<CityId> = data.cities.iter().map(|c| cities[&c.key]).collect();
    let standings = store.standings(&ids).await?;
    let stakeholders = cities::stakeholders(store, &data, &cities, &needs, &standings).await?;
    let acting = accounts::create(store, &data, &cities, &needs).await?;
    let kpis: HashMap<String, KpiDefinition> = store
        .kpi_definitions()
        .await?
        .into_iter()
        .map(|d| (d.code.to_string(), d))
        .collect();
    let sx = Seeder {
        store,
        data: &data,
        today,
        names: data
            .cities
            .iter()
            .map(|c| (cities[&c.key], c.name.clone()))
            .collect(),
        cities,
        actors: acting.actors,
        leads: stakeholders.leads,
        kpis,
    };
    standing::record(&sx, &needs, &standings, &stakeholders.of).await?;
    log("stakeholders, accounts, strategies and commitments in place".into());

    let stories = partnerships::write(&sx, &walks, &mut log, began).await?;
    Ok(Seeded {
        accounts: acting.accounts,
        loaders: acting.loaders,
        cities_added,
        partnerships_added: stories.added,
        partnerships_skipped: stories.skipped,
        commands: stories.commands,
        fillers: stories.fillers,
        seconds: began.elapsed().as_secs_f64(),
    })
}
