//! Variable coercion before execution (GraphQL over HTTP counts a variable
//! that does not coerce as a request error). async-graphql's validation
//! checks the variables that arguments use against their types, but only
//! as far as a scalar says what it accepts: `UUID`, `DateTime`, `NaiveDate`
//! and `Decimal` accept any string there and fail only in the resolver.
//! This walks each variable's value along its declared type and parses
//! every scalar as execution would.

use async_graphql::parser::types::{OperationDefinition, VariableDefinition};
use async_graphql::registry::{MetaType, MetaTypeName, Registry};
use async_graphql::{InputType, Positioned, ServerError, Value, Variables};

/// The first variable of `operation` whose value does not coerce to its type.
pub fn invalid_variable(
    registry: &Registry,
    operation: &OperationDefinition,
    variables: &Variables,
) -> Option<ServerError> {
    operation
        .variable_definitions
        .iter()
        .find_map(|definition| invalid(registry, definition, variables))
}

fn invalid(
    registry: &Registry,
    definition: &Positioned<VariableDefinition>,
    variables: &Variables,
) -> Option<ServerError> {
    let name = definition.node.name.node.as_str();
    let value = variables.get(name)?;
    let ty = definition.node.var_type.node.to_string();
    let why = check(registry, &ty, value, &format!("${name}")).err()?;
    Some(ServerError::new(
        format!("Variable ${name} of type {ty} got an invalid value: {why}"),
        Some(definition.pos),
    ))
}

/// Whether `value` coerces to the type `ty` (in SDL, `[UUID!]!`); `at`
/// names the place for the message.
fn check(registry: &Registry, ty: &str, value: &Value, at: &str) -> Result<(), String> {
    match MetaTypeName::create(ty) {
        MetaTypeName::NonNull(inner) => match value {
            Value::Null => Err(format!("{at} must not be null")),
            _ => check(registry, inner, value, at),
        },
        MetaTypeName::List(inner) => match value {
            Value::List(items) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, item)| check(registry, inner, item, &format!("{at}[{i}]"))),
            // A single value coerces to a list of one.
            other => check(registry, inner, other, at),
        },
        MetaTypeName::Named(_) if *value == Value::Null => Ok(()),
        MetaTypeName::Named(name) => match registry.types.get(name) {
            Some(MetaType::Scalar { .. }) => scalar(name, value).map_err(|e| format!("{at}: {e}")),
            Some(MetaType::InputObject { input_fields, .. }) => match value {
                Value::Object(fields) => input_fields.values().try_for_each(|field| {
                    match fields.get(field.name.as_str()) {
                        Some(v) => check(registry, &field.ty, v, &format!("{at}.{}", field.name)),
                        None => Ok(()),
                    }
                }),
                // Validation reports a value that is not an object.
                _ => Ok(()),
            },
            _ => Ok(()),
        },
    }
}

/// Parses a scalar as its resolver would.
fn scalar(name: &str, value: &Value) -> Result<(), String> {
    fn parse<T: InputType>(value: &Value) -> Result<(), String> {
        T::parse(Some(value.clone()))
            .map(drop)
            .map_err(|e| e.into_server_error(Default::default()).message)
    }
    match name {
        "UUID" => parse::<uuid::Uuid>(value),
        "DateTime" => parse::<chrono::DateTime<chrono::Utc>>(value),
        "NaiveDate" => parse::<chrono::NaiveDate>(value),
        "Decimal" => parse::<rust_decimal::Decimal>(value),
        "Int" => parse::<i32>(value),
        "Float" => parse::<f64>(value),
        "String" => parse::<String>(value),
        "Boolean" => parse::<bool>(value),
        "ID" => parse::<async_graphql::ID>(value),
        _ => Ok(()),
    }
}
