//! Money: a decimal amount with an ISO 4217 currency. Never a float, never
//! converted between currencies.

use crate::DomainError;
use crate::value;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An ISO 4217 currency, e.g. `EUR`, `CNY`, `GBP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Parses a three-letter ISO 4217 code (case-insensitive). The codes that
    /// ISO 4217 reserves for "no currency" (`XXX`) and for testing (`XTS`) are
    /// not money.
    pub fn parse(code: &str) -> Result<Self, DomainError> {
        let code = code.trim().to_ascii_uppercase();
        iso_currency::Currency::from_code(&code)
            .filter(|_| !matches!(code.as_str(), "XXX" | "XTS"))
            .map(Self)
            .ok_or_else(|| {
                DomainError::invalid(
                    "currency",
                    format!("'{code}' is not an ISO 4217 currency code"),
                )
            })
    }

    /// The three-letter code.
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The number of decimal places the currency uses (2 for EUR, 0 for JPY).
    pub fn exponent(self) -> Option<u16> {
        self.0.exponent()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Currency::parse(&code).map_err(serde::de::Error::custom)
    }
}

/// An amount of money in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount, exact.
    pub amount: Decimal,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// The most decimal places an amount may have (no ISO 4217 currency uses
    /// more).
    pub const MAX_SCALE: u32 = value::MAX_DECIMALS;

    /// The largest absolute amount: 10^14, so that an amount in units of 10^-4
    /// fits a signed 64-bit integer (how the store keeps it, to sum exactly).
    pub fn max_amount() -> Decimal {
        Decimal::from(100_000_000_000_000_i64)
    }

    /// Parses an amount and a currency code. The amount may not have more decimal
    /// places than the currency uses (nor more than [`Money::MAX_SCALE`]), and
    /// its absolute value stays below [`Money::max_amount`].
    pub fn parse(amount: Decimal, currency: &str) -> Result<Self, DomainError> {
        let currency = Currency::parse(currency)?;
        let amount = value::decimals("amount", amount)?;
        if amount.abs() >= Self::max_amount() {
            return Err(DomainError::invalid(
                "amount",
                format!("{amount} is out of range (at most 10^14 in absolute value)"),
            ));
        }
        if let Some(exponent) = currency.exponent()
            && amount.normalize().scale() > u32::from(exponent)
        {
            return Err(DomainError::invalid(
                "amount",
                format!(
                    "{amount} has more decimal places than {} uses ({exponent})",
                    currency.code()
                ),
            ));
        }
        Ok(Self { amount, currency })
    }

    /// Parses money that must not be negative (a budget, a funding source, a
    /// measured value).
    pub fn parse_non_negative(amount: Decimal, currency: &str) -> Result<Self, DomainError> {
        Self::parse(value::non_negative("amount", amount)?, currency)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_needs_a_real_currency() {
        let one = Decimal::from_str("1.50").unwrap();
        assert!(Money::parse(one, "EUR").is_ok());
        assert!(Money::parse(one, "eur").is_ok());
        assert!(Money::parse(one, "").is_err());
        assert!(Money::parse(one, "XYZ").is_err());
        assert!(Money::parse(one, "XXX").is_err());
        assert!(Money::parse(one, "XTS").is_err());
    }

    #[test]
    fn money_refuses_more_decimals_than_the_currency_has() {
        assert!(Money::parse(Decimal::from_str("1.005").unwrap(), "EUR").is_err());
        assert!(Money::parse(Decimal::from_str("1.5").unwrap(), "JPY").is_err());
        assert!(Money::parse(Decimal::from_str("100").unwrap(), "JPY").is_ok());
        assert!(Money::parse(Decimal::from_str("1.10000").unwrap(), "EUR").is_ok());
        assert!(Money::parse(Decimal::from_str("1.00001").unwrap(), "XAU").is_err());
        assert!(Money::parse(Decimal::from_str("100000000000000").unwrap(), "EUR").is_err());
        assert!(Money::parse(Decimal::from_str("99999999999999.99").unwrap(), "EUR").is_ok());
    }
}
