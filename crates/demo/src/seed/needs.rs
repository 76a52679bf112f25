//! Before anything is written: every partnership's walk, and what each city
//! needs for its partnerships to be walked (a strategy, a commitment from a
//! date, a stakeholder to lead activities).

use crate::data::Platform;
use crate::plan::{self, Item, Walk};
use anyhow::{Result, anyhow};
use c2c_domain::Step;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The static walks: every partnership's plan, origins first; a spin-off
/// starts when its origin's story has reached REPLICATE.
pub fn walks(data: &Platform, today: NaiveDate) -> Result<BTreeMap<String, Walk>> {
    let mut out = BTreeMap::new();
    for p in data.partnerships.iter().filter(|p| p.origin.is_none()) {
        let start = plan::own_start(data, p, today);
        let w =
            plan::walk(data, p, start, today).map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        out.insert(p.key.clone(), w);
    }
    for p in data.partnerships.iter().filter(|p| p.origin.is_some()) {
        let origin = p.origin.as_deref().unwrap_or_default();
        let after = out
            .get(origin)
            .map(|w: &Walk| w.last().entered)
            .ok_or_else(|| anyhow!("partnership {}: unknown origin", p.key))?;
        let start = plan::own_start(data, p, today).max(after);
        let w =
            plan::walk(data, p, start, today).map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        out.insert(p.key.clone(), w);
    }
    Ok(out)
}

/// What each city needs for its partnerships to be walked.
#[derive(Debug, Default)]
pub struct Needs {
    /// A strategy meeting the Aim criteria.
    pub aim: HashSet<String>,
    /// A commitment meeting the Commit criteria, from this date.
    pub commit: HashMap<String, NaiveDate>,
    /// A stakeholder to lead activities.
    pub lead: HashSet<String>,
}

impl Needs {
    /// Whether the city needs anything.
    pub fn any(&self, city: &str) -> bool {
        self.aim.contains(city) || self.commit.contains_key(city) || self.lead.contains(city)
    }
}

/// What the walks need of each city.
pub fn needs(data: &Platform, walks: &BTreeMap<String, Walk>) -> Needs {
    let mut n = Needs::default();
    for p in &data.partnerships {
        let Some(w) = walks.get(&p.key) else { continue };
        let at_partner = w.start_step == Step::Partner;
        if at_partner || w.leaves(Step::Aim) {
            n.aim.insert(p.initiator.clone());
        }
        if at_partner || w.leaves(Step::Commit) {
            let d = n.commit.entry(p.initiator.clone()).or_insert(w.start);
            *d = (*d).min(w.start);
        }
        if w.leaves(Step::Plan) {
            n.lead.insert(p.initiator.clone());
        }
        for (si, items) in plan::items(p, w).iter().enumerate() {
            for item in items {
                if let Item::Activity(i) = *item
                    && w.stops[si].leave.is_some()
                {
                    n.lead.insert(p.activities[i].lead.clone());
                }
            }
        }
    }
    n
}
