//! The demo dataset as Rust types: `demo/platform.toml`, embedded and parsed
//! with serde; [`Platform::parse`] (in `check.rs`) also checks what serde
//! cannot.
//!
//! Every type refuses unknown fields, so a typo in the data file is an error,
//! not a silently ignored value. Codes (areas, steps, kinds, ...) parse into
//! the domain's own vocabularies. An empty string in a date or a reference
//! means "not given by the sources" and reads as `None`.

mod check;

use c2c_domain::outputs::{
    ActivityStatus, AgreementKind, Answer, ContactDirection, ContactKind, LessonKind,
    SelectionCriterion,
};
use c2c_domain::{Area, CityLevel, HelixSector, Involvement, Loop, Status, Step};
use c2c_store::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// The data file, embedded: nothing is read at run time.
pub const DATA: &str = include_str!("../../../demo/platform.toml");

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
    /// Both cities took part, as the source describes it.
    pub joint: bool,
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
    /// A city by key.
    pub fn city(&self, key: &str) -> Option<&CityData> {
        self.cities.iter().find(|c| c.key == key)
    }
}
