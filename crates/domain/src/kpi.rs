//! KPI definitions, the catalogue that ships with the product (the guidebook's
//! Table 5), and values checked against their unit.

use crate::city::vocabulary;
use crate::money::Money;
use crate::text::{LONG, SHORT, required};
use crate::value;
use crate::{CityId, DomainError};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// The unit of a KPI, which decides what a value may be.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
pub enum Unit {
    /// A non-negative integer.
    #[serde(rename = "COUNT")]
    #[strum(serialize = "COUNT")]
    Count,
    /// Money with a currency.
    #[serde(rename = "MONEY")]
    #[strum(serialize = "MONEY")]
    Money,
    /// A percentage from 0 to 100.
    #[serde(rename = "PERCENT")]
    #[strum(serialize = "PERCENT")]
    Percent,
    /// A score from 1 to 5.
    #[serde(rename = "SCORE_1_5")]
    #[strum(serialize = "SCORE_1_5")]
    Score1To5,
    /// A text.
    #[serde(rename = "TEXT")]
    #[strum(serialize = "TEXT")]
    Text,
}

impl Unit {
    /// The stable code, e.g. `"SCORE_1_5"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

vocabulary! {
    /// Which way a KPI should move.
    Direction {
        /// More is better.
        HigherIsBetter,
        /// Less is better.
        LowerIsBetter,
        /// Neither (a text, a context figure).
        None,
    }
}

/// A KPI code: upper-case letters, digits and underscores, starting with a
/// letter, e.g. `FOREIGN_STUDENTS`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KpiCode(String);

impl KpiCode {
    /// Parses a code.
    pub fn parse(code: &str) -> Result<Self, DomainError> {
        let code = code.trim();
        let valid = (2..=64).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if valid {
            Ok(Self(code.to_owned()))
        } else {
            Err(DomainError::invalid(
                "code",
                format!(
                    "'{code}' is not a KPI code (A-Z, 0-9 and _, starting with a letter, 2 to 64 characters)"
                ),
            ))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KpiCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for KpiCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for KpiCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        KpiCode::parse(&code).map_err(serde::de::Error::custom)
    }
}

/// A KPI definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiDefinition {
    /// The stable code.
    pub code: KpiCode,
    /// The indicator, in words.
    pub name: String,
    /// The unit of its values.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// A category, e.g. `ECONOMIC`.
    pub category: String,
    /// The city that defined it; `None` for the catalogue and operators'
    /// definitions, which every city may use.
    pub owner: Option<CityId>,
}

impl KpiDefinition {
    /// Validates a definition.
    pub fn parse(
        code: &str,
        name: &str,
        unit: Unit,
        direction: Direction,
        category: &str,
        owner: Option<CityId>,
    ) -> Result<Self, DomainError> {
        let category = required("category", category, 64)?.to_ascii_uppercase();
        Ok(Self {
            code: KpiCode::parse(code)?,
            name: required("name", name, SHORT)?,
            unit,
            direction,
            category,
            owner,
        })
    }
}

/// The KPI catalogue that ships with the product: the guidebook's Table 5.
/// Returns `(code, indicator, unit, direction, category)`.
pub const CATALOGUE: [(&str, &str, Unit, Direction, &str); 18] = {
    use Direction::{HigherIsBetter as Up, None as Neutral};
    use Unit::*;
    [
        (
            "HIGH_LEVEL_VISITS",
            "High-level visits or delegations received",
            Count,
            Up,
            "POLITICAL",
        ),
        (
            "PARTNER_EVENT_PARTICIPATION",
            "Participation of the partner city in key events in our city",
            Count,
            Up,
            "POLITICAL",
        ),
        (
            "DIRECT_CONNECTIONS",
            "Direct flights, shipping routes, rail links between the cities",
            Count,
            Up,
            "CONNECTIVITY",
        ),
        (
            "JOINT_PROJECTS",
            "Number, volume or value of joint projects",
            Count,
            Up,
            "COOPERATION",
        ),
        (
            "FDI_INBOUND",
            "Foreign direct investment into our city",
            Money,
            Up,
            "ECONOMIC",
        ),
        (
            "INVESTMENT_OUTBOUND",
            "Investment from our city into the partner city",
            Money,
            Up,
            "ECONOMIC",
        ),
        (
            "TRADE_VOLUME",
            "Trade between the two cities, regions or countries",
            Money,
            Up,
            "ECONOMIC",
        ),
        (
            "COMPANIES_OUTBOUND",
            "Companies from our city starting business in the partner city",
            Count,
            Up,
            "ECONOMIC",
        ),
        (
            "COMPANIES_INBOUND",
            "Companies from the partner city starting business in our city",
            Count,
            Up,
            "ECONOMIC",
        ),
        (
            "VISITORS",
            "Foreign visitors and tourists attracted",
            Count,
            Up,
            "PEOPLE",
        ),
        (
            "NONCOMMERCIAL_EXCHANGES",
            "Exchanges between non-commercial organisations (sport, culture, youth, education)",
            Count,
            Up,
            "PEOPLE",
        ),
        (
            "ACADEMIC_ACTIVITIES",
            "Joint programmes, degrees, staff and student exchanges",
            Count,
            Up,
            "ACADEMIC",
        ),
        (
            "FOREIGN_STUDENTS",
            "Foreign students attracted",
            Count,
            Up,
            "ACADEMIC",
        ),
        (
            "JOINT_SCIENTIFIC_OUTPUT",
            "Joint publications, patents, value of joint research",
            Count,
            Up,
            "ACADEMIC",
        ),
        (
            "PARTNERSHIP_QUALITY",
            "Quality of the partnership and of its values",
            Score1To5,
            Up,
            "QUALITATIVE",
        ),
        (
            "NEW_KNOWLEDGE",
            "New knowledge acquired through the partnership",
            Text,
            Neutral,
            "QUALITATIVE",
        ),
        (
            "REPUTATION",
            "Reputation of our city in the partner city or country",
            Score1To5,
            Up,
            "QUALITATIVE",
        ),
        (
            "PUBLICITY",
            "Publicity that the partnership's activities obtain",
            Count,
            Up,
            "QUALITATIVE",
        ),
    ]
};

/// The catalogue as definitions.
pub fn catalogue() -> Vec<KpiDefinition> {
    CATALOGUE
        .iter()
        .map(|(code, name, unit, direction, category)| KpiDefinition {
            code: KpiCode(code.to_string()),
            name: name.to_string(),
            unit: *unit,
            direction: *direction,
            category: category.to_string(),
            owner: None,
        })
        .collect()
}

/// A KPI value, typed by its unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "value", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum KpiValue {
    /// A non-negative integer.
    Count(u64),
    /// Money with a currency.
    Money(Money),
    /// A percentage from 0 to 100.
    Percent(Decimal),
    /// A score from 1 to 5.
    #[serde(rename = "SCORE_1_5")]
    Score(u8),
    /// A text.
    Text(String),
}

/// A value as it arrives from outside: the fields that its unit needs are read,
/// the others must be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawValue {
    /// For `COUNT`.
    pub count: Option<i64>,
    /// For `MONEY`.
    pub amount: Option<Decimal>,
    /// For `MONEY`: an ISO 4217 code.
    pub currency: Option<String>,
    /// For `PERCENT`.
    pub percent: Option<Decimal>,
    /// For `SCORE_1_5`.
    pub score: Option<i64>,
    /// For `TEXT`.
    pub text: Option<String>,
}

impl KpiValue {
    /// The unit of this value.
    pub fn unit(&self) -> Unit {
        match self {
            KpiValue::Count(_) => Unit::Count,
            KpiValue::Money(_) => Unit::Money,
            KpiValue::Percent(_) => Unit::Percent,
            KpiValue::Score(_) => Unit::Score1To5,
            KpiValue::Text(_) => Unit::Text,
        }
    }

    /// Checks a raw value against a unit: a non-negative integer for counts,
    /// money with a currency (never negative), 0–100 for percent (at most four
    /// decimal places), 1–5 for scores, a text for text.
    pub fn parse(unit: Unit, raw: &RawValue) -> Result<KpiValue, DomainError> {
        let given: Vec<&str> = [
            raw.count.map(|_| "count"),
            raw.amount.map(|_| "amount"),
            raw.currency.as_ref().map(|_| "currency"),
            raw.percent.map(|_| "percent"),
            raw.score.map(|_| "score"),
            raw.text.as_ref().map(|_| "text"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let allowed: &[&str] = match unit {
            Unit::Count => &["count"],
            Unit::Money => &["amount", "currency"],
            Unit::Percent => &["percent"],
            Unit::Score1To5 => &["score"],
            Unit::Text => &["text"],
        };
        if let Some(extra) = given.iter().find(|f| !allowed.contains(f)) {
            return Err(DomainError::invalid(
                "value",
                format!(
                    "a {} value takes {}; '{extra}' was given",
                    unit.code(),
                    allowed.join(" and ")
                ),
            ));
        }
        let missing = |field: &str| {
            DomainError::invalid("value", format!("a {} value needs '{field}'", unit.code()))
        };
        match unit {
            Unit::Count => {
                let n = raw.count.ok_or_else(|| missing("count"))?;
                u64::try_from(n).map(KpiValue::Count).map_err(|_| {
                    DomainError::invalid("value.count", format!("a count cannot be negative ({n})"))
                })
            }
            Unit::Money => {
                let amount = raw.amount.ok_or_else(|| missing("amount"))?;
                let currency = raw.currency.as_deref().ok_or_else(|| missing("currency"))?;
                Ok(KpiValue::Money(Money::parse_non_negative(
                    amount, currency,
                )?))
            }
            Unit::Percent => {
                let p = value::decimals(
                    "value.percent",
                    raw.percent.ok_or_else(|| missing("percent"))?,
                )?;
                if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                    return Err(DomainError::invalid(
                        "value.percent",
                        format!("a percentage is between 0 and 100 ({p})"),
                    ));
                }
                Ok(KpiValue::Percent(p))
            }
            Unit::Score1To5 => {
                let s = raw.score.ok_or_else(|| missing("score"))?;
                match u8::try_from(s) {
                    Ok(s @ 1..=5) => Ok(KpiValue::Score(s)),
                    _ => Err(DomainError::invalid(
                        "value.score",
                        format!("a score is an integer from 1 to 5 ({s})"),
                    )),
                }
            }
            Unit::Text => {
                let t = raw.text.as_deref().ok_or_else(|| missing("text"))?;
                Ok(KpiValue::Text(required("value.text", t, LONG)?))
            }
        }
    }

    /// The value back as raw fields (for storage and display).
    pub fn to_raw(&self) -> RawValue {
        let mut raw = RawValue::default();
        match self {
            KpiValue::Count(n) => raw.count = i64::try_from(*n).ok(),
            KpiValue::Money(m) => {
                raw.amount = Some(m.amount);
                raw.currency = Some(m.currency.code().to_owned());
            }
            KpiValue::Percent(p) => raw.percent = Some(*p),
            KpiValue::Score(s) => raw.score = Some(i64::from(*s)),
            KpiValue::Text(t) => raw.text = Some(t.clone()),
        }
        raw
    }
}

impl fmt::Display for KpiValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KpiValue::Count(n) => write!(f, "{n}"),
            KpiValue::Money(m) => write!(f, "{m}"),
            KpiValue::Percent(p) => write!(f, "{p}%"),
            KpiValue::Score(s) => write!(f, "{s}/5"),
            KpiValue::Text(t) => f.write_str(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn raw() -> RawValue {
        RawValue::default()
    }

    #[test]
    fn the_catalogue_has_the_eighteen_indicators_of_table_5() {
        let codes: Vec<_> = catalogue()
            .into_iter()
            .map(|d| d.code.to_string())
            .collect();
        assert_eq!(codes.len(), 18);
        for code in &codes {
            assert!(KpiCode::parse(code).is_ok(), "{code}");
        }
        assert!(codes.contains(&"HIGH_LEVEL_VISITS".to_owned()));
        assert!(codes.contains(&"PUBLICITY".to_owned()));
    }

    #[test]
    fn a_count_is_a_non_negative_integer() {
        let ok = RawValue {
            count: Some(3),
            ..raw()
        };
        assert_eq!(
            KpiValue::parse(Unit::Count, &ok).unwrap(),
            KpiValue::Count(3)
        );
        let negative = RawValue {
            count: Some(-1),
            ..raw()
        };
        assert_eq!(
            KpiValue::parse(Unit::Count, &negative).unwrap_err().code(),
            crate::ErrorCode::InvalidInput
        );
        assert!(KpiValue::parse(Unit::Count, &raw()).is_err());
    }

    #[test]
    fn money_needs_a_currency() {
        let no_currency = RawValue {
            amount: Some(Decimal::from(10)),
            ..raw()
        };
        assert!(KpiValue::parse(Unit::Money, &no_currency).is_err());
        let ok = RawValue {
            amount: Some(Decimal::from_str("10.50").unwrap()),
            currency: Some("CNY".into()),
            ..raw()
        };
        assert!(matches!(
            KpiValue::parse(Unit::Money, &ok).unwrap(),
            KpiValue::Money(_)
        ));
        let negative = RawValue {
            amount: Some(Decimal::from_str("-10.50").unwrap()),
            currency: Some("CNY".into()),
            ..raw()
        };
        assert_eq!(
            KpiValue::parse(Unit::Money, &negative)
                .unwrap_err()
                .to_string(),
            "amount: -10.50 is negative"
        );
    }

    #[test]
    fn percent_and_score_have_ranges() {
        let p = |v: i64| RawValue {
            percent: Some(Decimal::from(v)),
            ..raw()
        };
        assert!(KpiValue::parse(Unit::Percent, &p(0)).is_ok());
        assert!(KpiValue::parse(Unit::Percent, &p(100)).is_ok());
        assert!(KpiValue::parse(Unit::Percent, &p(101)).is_err());
        assert!(KpiValue::parse(Unit::Percent, &p(-1)).is_err());
        let fine = RawValue {
            percent: Some(Decimal::from_str("12.34567").unwrap()),
            ..raw()
        };
        assert_eq!(
            KpiValue::parse(Unit::Percent, &fine)
                .unwrap_err()
                .to_string(),
            "value.percent: 12.34567 has more than 4 decimal places"
        );
        let s = |v: i64| RawValue {
            score: Some(v),
            ..raw()
        };
        assert!(KpiValue::parse(Unit::Score1To5, &s(1)).is_ok());
        assert!(KpiValue::parse(Unit::Score1To5, &s(5)).is_ok());
        assert!(KpiValue::parse(Unit::Score1To5, &s(6)).is_err());
        assert!(KpiValue::parse(Unit::Score1To5, &s(0)).is_err());
    }

    #[test]
    fn a_value_of_another_unit_is_refused() {
        let count_for_text = RawValue {
            count: Some(1),
            ..raw()
        };
        assert!(KpiValue::parse(Unit::Text, &count_for_text).is_err());
        let empty_text = RawValue {
            text: Some("  ".into()),
            ..raw()
        };
        assert!(KpiValue::parse(Unit::Text, &empty_text).is_err());
    }

    #[test]
    fn values_survive_a_round_trip_through_raw_fields() {
        let values = [
            KpiValue::Count(7),
            KpiValue::Money(Money::parse(Decimal::from_str("1.25").unwrap(), "EUR").unwrap()),
            KpiValue::Percent(Decimal::from_str("12.5").unwrap()),
            KpiValue::Score(4),
            KpiValue::Text("new port know-how".into()),
        ];
        for v in values {
            assert_eq!(KpiValue::parse(v.unit(), &v.to_raw()).unwrap(), v);
        }
    }
}
