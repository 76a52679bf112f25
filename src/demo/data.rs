//! The demo dataset as Rust types: `demo/platform.toml`, parsed with serde.
//!
//! Every type refuses unknown fields, so a typo in the data file is an error,
//! not a silently ignored value. Codes (areas, steps, kinds, ...) parse into
//! the domain's own vocabularies. An empty string in a date or a reference
//! means "not given by the sources" and reads as `None`.

use anyhow::{Result, bail};
use c2c_domain::outputs::{
    ActivityStatus, AgreementKind, Answer, ContactDirection, ContactKind, LessonKind,
    SelectionCriterion,
};
use c2c_domain::{Area, CityLevel, HelixSector, Involvement, Loop, Narrative, Status, Step};
use c2c_store::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use std::collections::{HashMap, HashSet};

/// What the source of a measurement invented for the demo says.
pub const PLAUSIBLE: &str = "plausible figure for the demo, not from the sources";

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// Demo accounts (operator, editors, viewers).
    pub accounts: Vec<AccountData>,
    /// Cities and regions.
    pub cities: Vec<CityData>,
    /// Partnerships, origins before their spin-offs or not: the loader orders them.
    pub partnerships: Vec<PartnershipData>,
}

/// A demo account.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountData {
    pub key: String,
    pub role: Role,
    #[serde(default, deserialize_with = "key")]
    pub city: Option<String>,
    pub name: String,
}

/// A city or region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityData {
    pub key: String,
    pub name: String,
    pub other_names: Vec<String>,
    pub level: CityLevel,
    #[serde(default, deserialize_with = "key")]
    pub parent: Option<String>,
    pub country: String,
    #[serde(default)]
    pub population: Option<i64>,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub areas: Vec<Area>,
    pub looking_for_partner: bool,
    /// Read by people: the domain's city has no field for it.
    #[allow(dead_code)]
    pub source: String,
    #[serde(default)]
    pub stakeholders: Vec<StakeholderData>,
    /// At most one (an array of tables in the file).
    #[serde(default)]
    pub strategy: Vec<StrategyData>,
}

/// A local stakeholder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakeholderData {
    pub key: String,
    pub name: String,
    pub sector: HelixSector,
    pub involvement: Involvement,
    /// Read by people: the domain's stakeholder has no field for it.
    #[allow(dead_code)]
    pub source: String,
}

/// A city's international strategy (the Aim outputs), as the sources give it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyData {
    pub vision: String,
    #[serde(default)]
    pub horizon: Option<String>,
    #[serde(default, deserialize_with = "date")]
    pub adopted_on: Option<NaiveDate>,
    pub objectives: Vec<String>,
    pub themes: Vec<Area>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub opportunities: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
    pub source: String,
}

/// A partnership and its sourced outputs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipData {
    pub key: String,
    pub initiator: String,
    #[serde(deserialize_with = "key")]
    pub counterpart: Option<String>,
    pub counterpart_chosen: bool,
    pub step: Step,
    #[serde(rename = "loop")]
    pub loop_: Loop,
    pub loop_backs: Vec<Loop>,
    pub status: Status,
    pub status_reason: String,
    #[serde(deserialize_with = "date")]
    pub status_on: Option<NaiveDate>,
    #[serde(deserialize_with = "date")]
    pub relations_since: Option<NaiveDate>,
    #[serde(deserialize_with = "key")]
    pub origin: Option<String>,
    pub first_priorities: Vec<Area>,
    /// Read by people (the records keep their own sources).
    #[allow(dead_code)]
    pub source: String,
    /// Why the partnership stands where it does, for people.
    #[allow(dead_code)]
    pub notes: String,
    #[serde(default)]
    pub agreements: Vec<AgreementData>,
    #[serde(default)]
    pub assessments: Vec<AssessmentData>,
    #[serde(default)]
    pub contacts: Vec<ContactData>,
    #[serde(default)]
    pub activities: Vec<ActivityData>,
    #[serde(default)]
    pub measurements: Vec<MeasurementData>,
    #[serde(default)]
    pub lessons: Vec<LessonData>,
}

/// A framework agreement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementData {
    pub key: String,
    pub kind: AgreementKind,
    pub title: String,
    pub areas: Vec<Area>,
    pub binding: bool,
    #[serde(deserialize_with = "date")]
    pub signed_on: Option<NaiveDate>,
    #[serde(deserialize_with = "date")]
    pub valid_until: Option<NaiveDate>,
    #[serde(deserialize_with = "key")]
    pub renewal_of: Option<String>,
    pub summary: String,
    pub source: String,
}

/// A selection-criteria assessment (an extension of the base format).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentData {
    #[serde(deserialize_with = "required_date")]
    pub on: NaiveDate,
    pub city: String,
    pub items: Vec<AssessmentItemData>,
    pub source: String,
}

/// One answered selection criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentItemData {
    pub criterion: CriterionData,
    pub status: Answer,
    pub note: String,
}

/// The data file's names for the twelve selection criteria of Figure 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CriterionData {
    PotentialOfficialRepresentation,
    PotentialHelixJointProjects,
    PotentialCriticalMass,
    OpportunityStrategy,
    OpportunityHistoricalBasis,
    OpportunityMou,
    SimilaritySharedAims,
    SimilarityResearchAgenda,
    SimilarityReference,
    WillingnessPeerToPeer,
    WillingnessHostProject,
    WillingnessPlatform,
}

impl CriterionData {
    /// The domain's criterion.
    pub fn criterion(self) -> SelectionCriterion {
        use CriterionData::*;
        use SelectionCriterion as S;
        match self {
            PotentialOfficialRepresentation => S::RepresentsCity,
            PotentialHelixJointProjects => S::WorksWithHelix,
            PotentialCriticalMass => S::CriticalMass,
            OpportunityStrategy => S::InternationalStrategy,
            OpportunityHistoricalBasis => S::HistoricalBasis,
            OpportunityMou => S::MouSignedOrIntended,
            SimilaritySharedAims => S::SharedAims,
            SimilarityResearchAgenda => S::SharedAgenda,
            SimilarityReference => S::ReferenceForLearning,
            WillingnessPeerToPeer => S::PeerToPeer,
            WillingnessHostProject => S::WishesToHost,
            WillingnessPlatform => S::PlatformInterest,
        }
    }
}

/// A meeting, delegation, visit or event.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactData {
    #[serde(deserialize_with = "required_date")]
    pub on: NaiveDate,
    pub kind: ContactKind,
    pub direction: ContactDirection,
    pub political: bool,
    pub technical: bool,
    pub outcome: String,
    #[serde(deserialize_with = "date")]
    pub follow_up_due: Option<NaiveDate>,
    #[serde(deserialize_with = "date")]
    pub followed_up_on: Option<NaiveDate>,
    pub source: String,
}

/// An activity of the cooperation plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityData {
    pub title: String,
    #[serde(default)]
    pub area: Option<Area>,
    pub description: String,
    /// The lead city.
    pub lead: String,
    #[serde(deserialize_with = "required_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "required_date")]
    pub due: NaiveDate,
    pub status: ActivityStatus,
    pub expected_results: String,
    pub funding: Vec<FundingData>,
    pub source: String,
}

/// A funding source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingData {
    pub amount: Decimal,
    pub currency: String,
    pub source: String,
}

/// A KPI measurement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasurementData {
    pub kpi: String,
    /// The measuring (reporting) city.
    pub city: String,
    #[serde(deserialize_with = "required_date")]
    pub period_start: NaiveDate,
    #[serde(deserialize_with = "required_date")]
    pub period_end: NaiveDate,
    pub value: ValueData,
    pub plausible: bool,
    #[serde(default)]
    pub note: String,
    pub source: String,
}

/// A measured value: an integer (count or score), a text, or money.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ValueData {
    Integer(i64),
    Text(String),
    Money(MoneyData),
}

/// Money in a measurement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyData {
    pub amount: Decimal,
    pub currency: String,
}

/// A lesson.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonData {
    pub kind: LessonKind,
    pub text: String,
    pub source: String,
}

/// A reference to another record: `""` means none.
fn key<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    let s = s.trim();
    Ok((!s.is_empty()).then(|| s.to_owned()))
}

/// A date `YYYY-MM-DD`: `""` means the sources give none.
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let s = String::deserialize(d)?;
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|e| serde::de::Error::custom(format!("'{s}' is not a date YYYY-MM-DD: {e}")))
}

/// A date that must be given.
fn required_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    date(d)?.ok_or_else(|| serde::de::Error::custom("a date YYYY-MM-DD is required here"))
}

impl Platform {
    /// Parses the data file and checks its cross references.
    pub fn parse(text: &str) -> Result<Platform> {
        let platform: Platform = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("demo/platform.toml does not parse: {e}"))?;
        platform.check()?;
        Ok(platform)
    }

    /// A city by key.
    pub fn city(&self, key: &str) -> Option<&CityData> {
        self.cities.iter().find(|c| c.key == key)
    }

    /// Checks what serde cannot: unique keys, references that resolve, and a
    /// story the narrative can walk (the domain checks the rest when it runs).
    fn check(&self) -> Result<()> {
        let mut problems = Vec::new();
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
        let is_city = |k: &str| city_keys.contains(k);
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
        for a in &self.accounts {
            match (&a.role, &a.city) {
                (Role::Operator, None) => {}
                (Role::Operator, Some(_)) => {
                    problems.push(format!("account {}: an operator has no city", a.key))
                }
                (_, Some(c)) if is_city(c) => {}
                (_, _) => problems.push(format!("account {}: unknown or missing city", a.key)),
            }
        }
        let origins: HashMap<&str, &PartnershipData> = self
            .partnerships
            .iter()
            .map(|p| (p.key.as_str(), p))
            .collect();
        for p in &self.partnerships {
            let at = |what: String| format!("partnership {}: {what}", p.key);
            if !is_city(&p.initiator) {
                problems.push(at(format!("unknown initiator '{}'", p.initiator)));
            }
            if let Some(c) = &p.counterpart
                && (!is_city(c) || *c == p.initiator)
            {
                problems.push(at(format!("unknown or self counterpart '{c}'")));
            }
            let narrative = Narrative::standard();
            let past_commit = narrative.position(p.step) >= narrative.position(Step::Partner)
                || !p.loop_backs.is_empty();
            if past_commit && (!p.counterpart_chosen || p.counterpart.is_none()) {
                problems.push(at("a partnership past COMMIT needs its counterpart".into()));
            }
            if !past_commit && p.counterpart_chosen {
                problems.push(at(
                    "at AIM or COMMIT the counterpart is not chosen yet (counterpart_chosen = false)"
                        .into(),
                ));
            }
            match p.loop_backs.last() {
                Some(last) if *last != p.loop_ => {
                    problems.push(at("the last loop-back must equal `loop`".into()))
                }
                None if !matches!(p.loop_, Loop::CityDevelopment | Loop::NewPartnership) => {
                    problems.push(at(
                        "without loop-backs the loop is CITY_DEVELOPMENT or NEW_PARTNERSHIP".into(),
                    ))
                }
                _ => {}
            }
            if p.status == Status::Concluded && p.step != Step::Replicate {
                problems.push(at("a CONCLUDED partnership stands at REPLICATE".into()));
            }
            if matches!(p.status, Status::Suspended | Status::Terminated)
                && p.status_reason.trim().is_empty()
            {
                problems.push(at(
                    "a SUSPENDED or TERMINATED partnership needs a reason".into()
                ));
            }
            if let Some(origin) = &p.origin {
                match origins.get(origin.as_str()) {
                    None => problems.push(at(format!("unknown origin '{origin}'"))),
                    Some(o) => {
                        if o.initiator != p.initiator {
                            problems.push(at("a spin-off has its origin's initiator".into()));
                        }
                        if o.step != Step::Replicate
                            || o.status != Status::Active
                            || o.origin.is_some()
                        {
                            problems.push(at(format!(
                                "its origin '{origin}' must be an ACTIVE partnership at REPLICATE \
                                 that is not itself a spin-off"
                            )));
                        }
                        if o.counterpart == p.counterpart {
                            problems.push(at("a spin-off has a new counterpart".into()));
                        }
                        if !p.loop_backs.is_empty() || p.loop_ != Loop::NewPartnership {
                            problems.push(at(
                                "a spin-off starts at PARTNER in NEW_PARTNERSHIP (no loop-backs)"
                                    .into(),
                            ));
                        }
                    }
                }
            }
            let parties: Vec<&str> = std::iter::once(p.initiator.as_str())
                .chain(p.counterpart.as_deref())
                .collect();
            for a in &p.activities {
                if !parties.contains(&a.lead.as_str()) {
                    problems.push(at(format!("activity '{}': lead is not a party", a.title)));
                }
            }
            for m in &p.measurements {
                if !parties.contains(&m.city.as_str()) {
                    problems.push(at(format!("measurement of {}: city is not a party", m.kpi)));
                }
                if m.plausible && !m.source.contains(PLAUSIBLE) {
                    problems.push(at(format!(
                        "measurement of {}: a plausible figure says \"{PLAUSIBLE}\" in its source",
                        m.kpi
                    )));
                }
            }
            for a in &p.assessments {
                if !parties.contains(&a.city.as_str()) {
                    problems.push(at("assessment: city is not a party".into()));
                }
            }
            let mut before = HashSet::new();
            let mut agreements: Vec<&AgreementData> = p.agreements.iter().collect();
            agreements.sort_by_key(|a| a.signed_on.unwrap_or(NaiveDate::MAX));
            for a in agreements {
                if let Some(r) = &a.renewal_of
                    && !before.contains(r.as_str())
                {
                    problems.push(at(format!(
                        "agreement {}: renews '{r}', which must be an earlier agreement of the \
                         same partnership",
                        a.key
                    )));
                }
                before.insert(a.key.as_str());
            }
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
}
