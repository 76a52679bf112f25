//! Parsing the data file and checking what serde cannot: unique keys,
//! references that resolve, and stories the narrative can walk (the domain
//! checks the rest when the loader runs). Every problem is reported, not
//! only the first.

use super::{AgreementData, PLAUSIBLE, PartnershipData, Platform};
use anyhow::{Result, bail};
use c2c_domain::{Loop, Narrative, Status, Step};
use c2c_store::Role;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

impl Platform {
    /// Parses the data file and checks its cross references.
    pub fn parse(text: &str) -> Result<Platform> {
        let platform: Platform = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("demo/platform.toml does not parse: {e}"))?;
        platform.check()?;
        Ok(platform)
    }

    /// Checks the whole file; fails with every problem found.
    fn check(&self) -> Result<()> {
        let mut problems = Vec::new();
        let city_keys = self.unique_keys(&mut problems);
        self.check_cities(&mut problems);
        self.check_accounts(&city_keys, &mut problems);
        let origins: HashMap<&str, &PartnershipData> = self
            .partnerships
            .iter()
            .map(|p| (p.key.as_str(), p))
            .collect();
        for p in &self.partnerships {
            let found = [
                parties(p, &city_keys),
                course(p),
                origin(p, &origins),
                records(p),
                renewals(p),
            ];
            problems.extend(
                found
                    .into_iter()
                    .flatten()
                    .map(|what| format!("partnership {}: {what}", p.key)),
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            bail!(
                "demo/platform.toml has {} problem(s):\n  {}",
                problems.len(),
                problems.join("\n  ")
            )
        }
    }

    /// Every key is given and used once in its kind; returns the cities' keys.
    fn unique_keys(&self, problems: &mut Vec<String>) -> HashSet<String> {
        let mut unique = |kind: &str, keys: &mut HashSet<String>, key: &str| {
            if key.trim().is_empty() || !keys.insert(key.to_owned()) {
                problems.push(format!("{kind} key '{key}' is empty or used twice"));
            }
        };
        let mut city_keys = HashSet::new();
        let mut stakeholder_keys = HashSet::new();
        for c in &self.cities {
            unique("city", &mut city_keys, &c.key);
            for s in &c.stakeholders {
                unique("stakeholder", &mut stakeholder_keys, &s.key);
            }
        }
        let mut account_keys = HashSet::new();
        for a in &self.accounts {
            unique("account", &mut account_keys, &a.key);
        }
        let mut partnership_keys = HashSet::new();
        let mut agreement_keys = HashSet::new();
        for p in &self.partnerships {
            unique("partnership", &mut partnership_keys, &p.key);
            for a in &p.agreements {
                unique("agreement", &mut agreement_keys, &a.key);
            }
        }
        city_keys
    }

    /// A parent is listed before its city; a city has at most one strategy.
    fn check_cities(&self, problems: &mut Vec<String>) {
        let mut seen = HashSet::new();
        for c in &self.cities {
            if let Some(parent) = &c.parent
                && !seen.contains(parent.as_str())
            {
                problems.push(format!(
                    "city {}: its parent '{parent}' must be a city listed before it",
                    c.key
                ));
            }
            seen.insert(c.key.as_str());
            if c.strategy.len() > 1 {
                problems.push(format!("city {}: at most one strategy", c.key));
            }
        }
    }

    /// An operator has no city; an editor or a viewer has a known one.
    fn check_accounts(&self, city_keys: &HashSet<String>, problems: &mut Vec<String>) {
        for a in &self.accounts {
            match (&a.role, &a.city) {
                (Role::Operator, None) => {}
                (Role::Operator, Some(_)) => {
                    problems.push(format!("account {}: an operator has no city", a.key))
                }
                (_, Some(c)) if city_keys.contains(c) => {}
                (_, _) => problems.push(format!("account {}: unknown or missing city", a.key)),
            }
        }
    }
}

/// The initiator and the counterpart are known cities, and the counterpart
/// is chosen exactly when the partnership is past COMMIT.
fn parties(p: &PartnershipData, city_keys: &HashSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    if !city_keys.contains(&p.initiator) {
        problems.push(format!("unknown initiator '{}'", p.initiator));
    }
    if let Some(c) = &p.counterpart
        && (!city_keys.contains(c) || *c == p.initiator)
    {
        problems.push(format!("unknown or self counterpart '{c}'"));
    }
    let narrative = Narrative::standard();
    let past_commit =
        narrative.position(p.step) >= narrative.position(Step::Partner) || !p.loop_backs.is_empty();
    if past_commit && (!p.counterpart_chosen || p.counterpart.is_none()) {
        problems.push("a partnership past COMMIT needs its counterpart".into());
    }
    if !past_commit && p.counterpart_chosen {
        problems.push(
            "at AIM or COMMIT the counterpart is not chosen yet (counterpart_chosen = false)"
                .into(),
        );
    }
    problems
}

/// The loops and the status tell a story the narrative allows.
fn course(p: &PartnershipData) -> Vec<String> {
    let mut problems = Vec::new();
    match p.loop_backs.last() {
        Some(last) if *last != p.loop_ => {
            problems.push("the last loop-back must equal `loop`".into())
        }
        None if !matches!(p.loop_, Loop::CityDevelopment | Loop::NewPartnership) => problems
            .push("without loop-backs the loop is CITY_DEVELOPMENT or NEW_PARTNERSHIP".into()),
        _ => {}
    }
    if p.status == Status::Concluded && p.step != Step::Replicate {
        problems.push("a CONCLUDED partnership stands at REPLICATE".into());
    }
    if matches!(p.status, Status::Suspended | Status::Terminated)
        && p.status_reason.trim().is_empty()
    {
        problems.push("a SUSPENDED or TERMINATED partnership needs a reason".into());
    }
    problems
}

/// A spin-off's origin exists and can spawn it.
fn origin(p: &PartnershipData, origins: &HashMap<&str, &PartnershipData>) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(origin) = &p.origin else {
        return problems;
    };
    let Some(o) = origins.get(origin.as_str()) else {
        problems.push(format!("unknown origin '{origin}'"));
        return problems;
    };
    if o.initiator != p.initiator {
        problems.push("a spin-off has its origin's initiator".into());
    }
    if o.step != Step::Replicate || o.status != Status::Active || o.origin.is_some() {
        problems.push(format!(
            "its origin '{origin}' must be an ACTIVE partnership at REPLICATE \
             that is not itself a spin-off"
        ));
    }
    if o.counterpart == p.counterpart {
        problems.push("a spin-off has a new counterpart".into());
    }
    if !p.loop_backs.is_empty() || p.loop_ != Loop::NewPartnership {
        problems.push("a spin-off starts at PARTNER in NEW_PARTNERSHIP (no loop-backs)".into());
    }
    problems
}

/// Activities, measurements and assessments belong to a party; a plausible
/// figure says so in its source.
fn records(p: &PartnershipData) -> Vec<String> {
    let mut problems = Vec::new();
    let parties: Vec<&str> = std::iter::once(p.initiator.as_str())
        .chain(p.counterpart.as_deref())
        .collect();
    for a in &p.activities {
        if !parties.contains(&a.lead.as_str()) {
            problems.push(format!("activity '{}': lead is not a party", a.title));
        }
    }
    for m in &p.measurements {
        if !parties.contains(&m.city.as_str()) {
            problems.push(format!("measurement of {}: city is not a party", m.kpi));
        }
        if m.plausible && !m.source.contains(PLAUSIBLE) {
            problems.push(format!(
                "measurement of {}: a plausible figure says \"{PLAUSIBLE}\" in its source",
                m.kpi
            ));
        }
    }
    for a in &p.assessments {
        if !parties.contains(&a.city.as_str()) {
            problems.push("assessment: city is not a party".into());
        }
    }
    problems
}

/// A renewal renews an earlier agreement of the same partnership.
fn renewals(p: &PartnershipData) -> Vec<String> {
    let mut problems = Vec::new();
    let mut before = HashSet::new();
    let mut agreements: Vec<&AgreementData> = p.agreements.iter().collect();
    agreements.sort_by_key(|a| a.signed_on.unwrap_or(NaiveDate::MAX));
    for a in agreements {
        if let Some(r) = &a.renewal_of
            && !before.contains(r.as_str())
        {
            problems.push(format!(
                "agreement {}: renews '{r}', which must be an earlier agreement of the \
                 same partnership",
                a.key
            ));
        }
        before.insert(a.key.as_str());
    }
    problems
}
