//! What a story has at hand while it is written: the store, the data, today,
//! and who is who (cities by key, the account that acts for each city, the
//! stakeholder that leads its activities, the KPI catalogue). The seeding
//! puts it together (`seed.rs`); the stories only read it.

use crate::data::Platform;
use anyhow::{Result, anyhow};
use c2c_domain::{AccountId, CityId, KpiDefinition, StakeholderId};
use c2c_store::{Actor, Store};
use chrono::NaiveDate;
use std::collections::HashMap;

/// What the seeding needs at hand.
pub struct Seeder<'a> {
    /// The store.
    pub store: &'a Store,
    /// The data.
    pub data: &'a Platform,
    /// Today: nothing is dated later.
    pub today: NaiveDate,
    /// Cities by key.
    pub cities: HashMap<String, CityId>,
    /// Cities' names.
    pub names: HashMap<CityId, String>,
    /// The account that acts for each city.
    pub actors: HashMap<CityId, AccountId>,
    /// The stakeholder that leads a city's activities.
    pub leads: HashMap<CityId, StakeholderId>,
    /// The KPI catalogue by code.
    pub kpis: HashMap<String, KpiDefinition>,
}

impl std::fmt::Debug for Seeder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Seeder")
            .field("today", &self.today)
            .finish()
    }
}

impl Seeder<'_> {
    /// A city by its key.
    pub fn city(&self, key: &str) -> Result<CityId> {
        self.cities
            .get(key)
            .copied()
            .ok_or_else(|| anyhow!("unknown city '{key}'"))
    }

    /// A city's name.
    pub fn name(&self, city: CityId) -> &str {
        self.names.get(&city).map_or("?", String::as_str)
    }

    /// The account that acts for a city.
    pub fn actor(&self, city: CityId) -> Result<Actor> {
        let account = self
            .actors
            .get(&city)
            .copied()
            .ok_or_else(|| anyhow!("no demo account acts for {}", self.name(city)))?;
        Ok(Actor { account, city })
    }

    /// The stakeholder that leads a city's activities when the sources name
    /// none (a filler choice, said so where it is used).
    pub fn lead_stakeholder(&self, city: CityId) -> Result<StakeholderId> {
        self.leads
            .get(&city)
            .copied()
            .ok_or_else(|| anyhow!("{} has no stakeholder to lead an activity", self.name(city)))
    }

    /// A KPI definition of the catalogue.
    pub fn kpi(&self, code: &str) -> Result<&KpiDefinition> {
        self.kpis
            .get(code)
            .ok_or_else(|| anyhow!("unknown KPI code '{code}'"))
    }
}
