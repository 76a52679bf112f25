//! KPI inputs: a new KPI definition, checked by the domain as it converts.

use super::common::Given;
use crate::types::{Direction, Unit};
use async_graphql::InputObject;
use c2c_domain::{CityId, DomainError, KpiDefinition};

/// A new KPI definition.
#[derive(InputObject, Clone, Debug)]
pub struct KpiDefinitionInput {
    /// Code: A–Z, 0–9 and _, starting with a letter.
    pub code: String,
    /// Indicator.
    pub name: String,
    /// Unit.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Category.
    pub category: String,
}

/// A definition owned by a city (`with`: its editor's city), or by none
/// (an operator's: everyone may use it).
impl TryFrom<Given<KpiDefinitionInput, Option<CityId>>> for KpiDefinition {
    type Error = DomainError;

    fn try_from(g: Given<KpiDefinitionInput, Option<CityId>>) -> Result<Self, DomainError> {
        let i = g.input;
        KpiDefinition::parse(
            &i.code,
            &i.name,
            i.unit.into(),
            i.direction.into(),
            &i.category,
            g.with,
        )
    }
}
