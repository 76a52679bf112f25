//! KPI definitions: the catalogue and the cities' own (the `kpiDefinitions`
//! query, `KpiSelection.kpi`).

use crate::types::{Direction, Unit};
use async_graphql::SimpleObject;
use uuid::Uuid;

/// A KPI definition.
#[derive(SimpleObject, Clone, Debug)]
pub struct KpiDefinition {
    /// Stable code.
    pub code: String,
    /// Indicator.
    pub name: String,
    /// Unit.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Category.
    pub category: String,
    /// The city that defined it (none: everyone may use it).
    pub owner_city_id: Option<Uuid>,
}

impl From<&c2c_domain::KpiDefinition> for KpiDefinition {
    fn from(d: &c2c_domain::KpiDefinition) -> Self {
        KpiDefinition {
            code: d.code.to_string(),
            name: d.name.clone(),
            unit: d.unit.into(),
            direction: d.direction.into(),
            category: d.category.clone(),
            owner_city_id: d.owner.map(|c| c.0),
        }
    }
}
