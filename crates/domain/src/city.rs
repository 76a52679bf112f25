//! Cities (any local or regional authority that can hold a partnership), their
//! stakeholders, and the closed vocabularies they use.

use crate::text::{SHORT, clean, list, required};
use crate::{CityId, DomainError, StakeholderId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use strum::{EnumIter, EnumString, IntoStaticStr};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr,
        )]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// The stable code.
            pub fn code(self) -> &'static str {
                self.into()
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// The level of a local or regional authority.
    CityLevel {
        /// A city or town.
        City,
        /// A district of a city (Mitte in Berlin).
        District,
        /// A metropolitan area or city region (Leeds City Region).
        MetropolitanArea,
        /// A region (Łódzkie, Castile and León).
        Region,
        /// A province (Sichuan).
        Province,
    }
}

vocabulary! {
    /// A cooperation area (theme). DESIGN refers to "the list in §6", which does
    /// not exist; this list is distilled from the areas the sources name (e.g. the
    /// nine areas of the Birmingham–Nanjing MoU).
    Area {
        /// Economy and trade.
        EconomyTrade,
        /// Investment, inbound and outbound.
        Investment,
        /// Science, technology, innovation and entrepreneurship.
        Innovation,
        /// Creative and cultural industries (film, design, media).
        CreativeIndustries,
        /// Education and research.
        EducationResearch,
        /// Health and life sciences.
        HealthLifeSciences,
        /// Energy, new energy.
        Energy,
        /// Environment and climate.
        EnvironmentClimate,
        /// Transport, rail, logistics.
        TransportLogistics,
        /// Urban planning and sustainable urban development.
        UrbanDevelopment,
        /// Smart city, digital services.
        SmartCity,
        /// Culture and music.
        Culture,
        /// Sport.
        Sport,
        /// Tourism.
        Tourism,
        /// Civil society, youth, people-to-people exchanges.
        CivilSocietyYouth,
        /// Governance and public administration.
        Governance,
        /// Agriculture and food.
        AgricultureFood,
    }
}

vocabulary! {
    /// The helix sector of a stakeholder.
    HelixSector {
        /// Local, regional or national government and its bodies.
        Government,
        /// Universities and research institutes.
        Academia,
        /// Companies, chambers, business associations.
        Industry,
        /// Citizens' organisations, the fourth helix.
        CivilSociety,
    }
}

vocabulary! {
    /// How a stakeholder is involved.
    Involvement {
        /// Pushes the cooperation forward.
        Promoter,
        /// Brings money.
        Investor,
        /// Delivers activities and projects.
        Deliverer,
        /// Uses the results.
        Consumer,
        /// Outside the city (a national body, another city, an organisation).
        External,
    }
}

/// An ISO 3166-1 alpha-2 country code, e.g. `CN`, `GB`, `PL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(iso_currency::Country);

impl Country {
    /// Parses an alpha-2 code (case-insensitive).
    pub fn parse(code: &str) -> Result<Self, DomainError> {
        let code = code.trim().to_ascii_uppercase();
        match iso_currency::Country::from_str(&code) {
            Ok(country) if code.len() == 2 => Ok(Self(country)),
            _ => Err(DomainError::invalid(
                "country",
                format!("'{code}' is not an ISO 3166-1 alpha-2 country code"),
            )),
        }
    }

    /// The alpha-2 code.
    pub fn code(self) -> String {
        self.0.to_string()
    }

    /// The English name of the country.
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Country::parse(&code).map_err(serde::de::Error::custom)
    }
}

/// A local or regional authority that can hold a partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct City {
    /// Its identifier.
    pub id: CityId,
    /// Its name.
    pub name: String,
    /// Other known names (spelling variants such as Shandong/Shantung).
    pub other_names: Vec<String>,
    /// Its level.
    pub level: CityLevel,
    /// The authority that contains it (Chengdu in Sichuan).
    pub parent: Option<CityId>,
    /// Its country.
    pub country: Country,
    /// Its population, when known.
    pub population: Option<u64>,
    /// ISO 639-1 language codes.
    pub languages: Vec<String>,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// The cooperation areas it is interested in.
    pub areas: Vec<Area>,
    /// Whether it is looking for a partner.
    pub looking_for_partner: bool,
}

/// Unvalidated input for a city.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityDraft {
    /// The name.
    pub name: String,
    /// Other known names.
    pub other_names: Vec<String>,
    /// The level code.
    pub level: Option<CityLevel>,
    /// The containing authority.
    pub parent: Option<CityId>,
    /// The country code.
    pub country: String,
    /// The population; must not be negative.
    pub population: Option<i64>,
    /// Language codes.
    pub languages: Vec<String>,
    /// IANA time zone.
    pub time_zone: String,
    /// Areas of interest.
    pub areas: Vec<Area>,
    /// Whether it is looking for a partner.
    pub looking_for_partner: bool,
}

impl City {
    /// Validates a draft into a city.
    pub fn parse(id: CityId, draft: CityDraft) -> Result<City, DomainError> {
        if draft.parent == Some(id) {
            return Err(DomainError::invalid(
                "parent",
                "a city cannot contain itself",
            ));
        }
        let population = match draft.population {
            Some(p) if p < 0 => {
                return Err(DomainError::invalid("population", "must not be negative"));
            }
            Some(p) => Some(p.unsigned_abs()),
            None => None,
        };
        let mut languages = Vec::new();
        for code in &draft.languages {
            let code = code.trim().to_ascii_lowercase();
            if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(DomainError::invalid(
                    "languages",
                    format!("'{code}' is not an ISO 639-1 language code"),
                ));
            }
            if !languages.contains(&code) {
                languages.push(code);
            }
        }
        Ok(City {
            id,
            name: required("name", &draft.name, SHORT)?,
            other_names: list("otherNames", &draft.other_names, SHORT)?,
            level: draft.level.unwrap_or(CityLevel::City),
            parent: draft.parent,
            country: Country::parse(&draft.country)?,
            population,
            languages,
            time_zone: parse_time_zone(&draft.time_zone)?,
            areas: dedup(draft.areas),
            looking_for_partner: draft.looking_for_partner,
        })
    }
}

/// Checks the shape of an IANA time zone name (`UTC`, `Europe/Berlin`,
/// `America/Argentina/Salta`). The names are not looked up in a database.
fn parse_time_zone(value: &str) -> Result<String, DomainError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok("UTC".to_owned());
    }
    let ok_part = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    };
    if value == "UTC" || (value.contains('/') && value.split('/').all(ok_part)) {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(
            "timeZone",
            format!("'{value}' is not an IANA time zone name such as Europe/Berlin"),
        ))
    }
}

/// A local stakeholder of a city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stakeholder {
    /// Its identifier.
    pub id: StakeholderId,
    /// The city it belongs to.
    pub city: CityId,
    /// Its name.
    pub name: String,
    /// Its helix sector.
    pub sector: HelixSector,
    /// How it is involved.
    pub involvement: Involvement,
}

impl Stakeholder {
    /// Validates a stakeholder.
    pub fn parse(
        id: StakeholderId,
        city: CityId,
        name: &str,
        sector: HelixSector,
        involvement: Involvement,
    ) -> Result<Stakeholder, DomainError> {
        Ok(Stakeholder {
            id,
            city,
            name: required("name", name, SHORT)?,
            sector,
            involvement,
        })
    }
}

/// Removes duplicates, keeping the first occurrence.
pub(crate) fn dedup<T: PartialEq>(values: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Cleans an optional text: empty becomes `None`.
pub(crate) fn optional(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, DomainError> {
    match value {
        Some(v) => {
            let v = clean(field, v, max)?;
            Ok((!v.is_empty()).then_some(v))
        }
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_checked() {
        assert_eq!(Country::parse("cn").unwrap().code(), "CN");
        assert!(Country::parse("").is_err());
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("CHN").is_err());
    }

    #[test]
    fn time_zones_are_checked_for_shape() {
        assert!(parse_time_zone("Europe/Berlin").is_ok());
        assert!(parse_time_zone("Asia/Shanghai").is_ok());
        assert!(parse_time_zone("not a zone").is_err());
    }
}
