//! Small text helpers shared by the input parsers.

use crate::DomainError;

/// Trims `value`; refuses it when longer than `max` characters or when it
/// holds a NUL character (which PostgreSQL cannot store in text).
pub(crate) fn clean(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim();
    if value.contains('\0') {
        return Err(DomainError::invalid(
            field,
            "must not contain a NUL character",
        ));
    }
    if value.chars().count() > max {
        return Err(DomainError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// Like [`clean`], and refuses an empty value.
pub(crate) fn required(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = clean(field, value, max)?;
    if value.is_empty() {
        return Err(DomainError::invalid(field, "must not be empty"));
    }
    Ok(value)
}

/// Cleans every entry of a list and drops the empty ones.
pub(crate) fn list(field: &str, values: &[String], max: usize) -> Result<Vec<String>, DomainError> {
    let mut out = Vec::with_capacity(values.len());
    for value in values {
        let value = clean(field, value, max)?;
        if !value.is_empty() {
            out.push(value);
        }
    }
    Ok(out)
}

/// An optional e-mail address: trimmed; blank is none; otherwise one `@`
/// between a non-empty local part and a domain with a dot, no spaces.
pub(crate) fn email(field: &str, value: Option<&str>) -> Result<Option<String>, DomainError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let value = clean(field, value, SHORT)?;
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !valid {
        return Err(DomainError::invalid(
            field,
            format!("'{value}' is not an e-mail address"),
        ));
    }
    Ok(Some(value))
}

/// Maximum length of a short text (a name, a title, a reference).
pub(crate) const SHORT: usize = 300;
/// Maximum length of a long text (a description, a vision, an agreement text).
pub(crate) const LONG: usize = 20_000;
