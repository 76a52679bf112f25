//! The checks of values as they enter the domain, each rule decided here
//! once: dates of things that happened lie between 1900-01-01 and today,
//! planned dates between 1900-01-01 and 2100-12-31, and a decimal has at
//! most four decimal places. Every decision that takes a date or an amount
//! calls these, so a refusal reads the same wherever it comes from. A leaf.

use crate::DomainError;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

/// The earliest date the domain takes.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest planned date the domain takes.
pub const LATEST_PLANNED: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// The most decimal places a decimal may have (money, percentages).
pub const MAX_DECIMALS: u32 = 4;

/// A date of something that happened: from 1900-01-01 to today.
pub fn happened(
    field: &str,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<NaiveDate, DomainError> {
    if date > now.date_naive() {
        return Err(DomainError::invalid(
            field,
            format!("{date} lies in the future"),
        ));
    }
    not_too_early(field, date)
}

/// A planned date (a due date, an expiry, the end of a period): from
/// 1900-01-01 to 2100-12-31.
pub fn planned(field: &str, date: NaiveDate) -> Result<NaiveDate, DomainError> {
    if date > LATEST_PLANNED {
        return Err(DomainError::invalid(
            field,
            format!("{date} lies after {LATEST_PLANNED}"),
        ));
    }
    not_too_early(field, date)
}

/// An optional planned date.
pub fn planned_opt(field: &str, date: Option<NaiveDate>) -> Result<Option<NaiveDate>, DomainError> {
    date.map(|d| planned(field, d)).transpose()
}

fn not_too_early(field: &str, date: NaiveDate) -> Result<NaiveDate, DomainError> {
    if date < EARLIEST {
        return Err(DomainError::invalid(
            field,
            format!("{date} lies before {EARLIEST}"),
        ));
    }
    Ok(date)
}

/// A decimal with at most [`MAX_DECIMALS`] decimal places (trailing zeros do
/// not count).
pub fn decimals(field: &str, value: Decimal) -> Result<Decimal, DomainError> {
    if value.normalize().scale() > MAX_DECIMALS {
        return Err(DomainError::invalid(
            field,
            format!("{value} has more than {MAX_DECIMALS} decimal places"),
        ));
    }
    Ok(value)
}

/// A decimal that is not negative.
pub fn non_negative(field: &str, value: Decimal) -> Result<Decimal, DomainError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(DomainError::invalid(field, format!("{value} is negative")));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::str::FromStr;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).unwrap()
    }

    #[test]
    fn a_date_that_happened_lies_between_1900_and_today() {
        let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
        assert!(happened("on", d("2025-06-01"), now).is_ok());
        assert!(happened("on", d("1900-01-01"), now).is_ok());
        let future = happened("on", d("2025-06-02"), now).unwrap_err();
        assert_eq!(future.to_string(), "on: 2025-06-02 lies in the future");
        let early = happened("on", d("1899-12-31"), now).unwrap_err();
        assert_eq!(early.to_string(), "on: 1899-12-31 lies before 1900-01-01");
    }

    #[test]
    fn a_planned_date_lies_up_to_the_end_of_2100() {
        assert!(planned("due", d("2100-12-31")).is_ok());
        assert_eq!(
            planned("due", d("2101-01-01")).unwrap_err().to_string(),
            "due: 2101-01-01 lies after 2100-12-31"
        );
        assert!(planned("due", d("1899-01-01")).is_err());
    }

    #[test]
    fn more_than_four_decimal_places_are_refused_with_one_message() {
        assert!(decimals("amount", Decimal::from_str("1.2345").unwrap()).is_ok());
        assert!(decimals("amount", Decimal::from_str("1.234500").unwrap()).is_ok());
        assert_eq!(
            decimals("percent", Decimal::from_str("1.23456").unwrap())
                .unwrap_err()
                .to_string(),
            "percent: 1.23456 has more than 4 decimal places"
        );
    }
}
