//! The cities (parents first) and their stakeholders: the sourced ones, and
//! a filler office for a city that needs one and has none; and the
//! stakeholder that leads each city's activities when the sources name none.

use super::needs::Needs;
use crate::common::id;
use crate::data::{CityData, Platform};
use anyhow::{Context, Result};
use c2c_domain::standing::Standing;
use c2c_domain::{CityDraft, CityId, HelixSector, Involvement, StakeholderId};
use c2c_store::Store;
use std::collections::{HashMap, HashSet};

/// Every city's identifier, by key.
pub fn ids(data: &Platform) -> HashMap<String, CityId> {
    data.cities
        .iter()
        .map(|c| (c.key.clone(), CityId(id("city", &c.key))))
        .collect()
}

fn city_draft(c: &CityData, parent: Option<CityId>) -> CityDraft {
    CityDraft {
        name: c.name.clone(),
        other_names: c.other_names.clone(),
        level: Some(c.level),
        parent,
        country: c.country.clone(),
        population: c.population,
        languages: c.languages.clone(),
        time_zone: c.time_zone.clone(),
        areas: c.areas.clone(),
        looking_for_partner: c.looking_for_partner,
    }
}

/// Creates the cities that do not exist; returns how many it created.
pub async fn create(
    store: &Store,
    data: &Platform,
    cities: &HashMap<String, CityId>,
) -> Result<usize> {
    let existing: HashSet<CityId> = store.cities().await?.into_iter().map(|c| c.id).collect();
    let mut added = 0;
    for c in &data.cities {
        let city = cities[&c.key];
        if existing.contains(&city) {
            continue;
        }
        let parent = c.parent.as_ref().map(|k| cities[k]);
        store
            .create_city(city, city_draft(c, parent))
            .await
            .with_context(|| format!("creating city {}", c.key))?;
        added += 1;
    }
    Ok(added)
}

/// The cities' stakeholders, as the strategies and activities use them.
#[derive(Debug, Default)]
pub struct Stakeholders {
    /// The stakeholder that leads a city's activities.
    pub leads: HashMap<CityId, StakeholderId>,
    /// A city's stakeholders, in the data's order (a filler office last).
    pub of: HashMap<CityId, Vec<StakeholderId>>,
}

/// Adds the stakeholders that do not exist (`standings` as they were before).
pub async fn stakeholders(
    store: &Store,
    data: &Platform,
    cities: &HashMap<String, CityId>,
    needs: &Needs,
    standings: &HashMap<CityId, Standing>,
) -> Result<Stakeholders> {
    let mut out = Stakeholders::default();
    for c in &data.cities {
        let city = cities[&c.key];
        let have: HashSet<StakeholderId> = standings
            .get(&city)
            .map(|s| s.stakeholders.iter().map(|x| x.id).collect())
            .unwrap_or_default();
        let mut mine = Vec::new();
        for s in &c.stakeholders {
            let sid = StakeholderId(id("stakeholder", &s.key));
            if !have.contains(&sid) {
                store
                    .add_stakeholder(sid, city, &s.name, s.sector, s.involvement)
                    .await
                    .with_context(|| format!("adding stakeholder {}", s.key))?;
            }
            mine.push(sid);
        }
        if c.stakeholders.is_empty() && needs.any(&c.key) {
            mine.push(filler_office(store, c, city, &have).await?);
        }
        if let Some(lead) = lead(c).or_else(|| mine.first().copied()) {
            out.leads.insert(city, lead);
        }
        out.of.insert(city, mine);
    }
    Ok(out)
}

/// The international relations office of a city the sources give no
/// stakeholder for, added unless it exists.
async fn filler_office(
    store: &Store,
    c: &CityData,
    city: CityId,
    have: &HashSet<StakeholderId>,
) -> Result<StakeholderId> {
    let sid = StakeholderId(id("stakeholder", &format!("filler:{}", c.key)));
    if !have.contains(&sid) {
        let name = format!(
            "{} international relations office (demo filler, not from the sources)",
            c.name
        );
        store
            .add_stakeholder(
                sid,
                city,
                &name,
                HelixSector::Government,
                Involvement::Promoter,
            )
            .await?;
    }
    Ok(sid)
}

/// The sourced stakeholder that leads: the first government one that is not
/// external, else the first.
fn lead(c: &CityData) -> Option<StakeholderId> {
    c.stakeholders
        .iter()
        .find(|s| s.sector == HelixSector::Government && s.involvement != Involvement::External)
        .or_else(|| c.stakeholders.first())
        .map(|s| StakeholderId(id("stakeholder", &s.key)))
}
