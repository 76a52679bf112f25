//! The KPI catalogue and the cities' own KPI definitions: the entity, the
//! row as a domain definition and the definition as a row, and the store's
//! operations on them.

use crate::cities::city;
use crate::convert::{code, parse};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::{Store, now};
use c2c_domain::CityId;
use c2c_domain::kpi::{KpiCode, KpiDefinition};
use sea_orm::{EntityTrait, QueryOrder, Set};

entity!(kpi_definition, "kpi_definition", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub unit: String,
    pub direction: String,
    pub category: String,
    pub owner_city_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
});

fn kpi_definition_from(m: kpi_definition::Model) -> Result<KpiDefinition> {
    Ok(KpiDefinition {
        code: KpiCode::parse(&m.code)
            .map_err(|_| StoreError::corrupt(format!("KPI code '{}'", m.code)))?,
        name: m.name,
        unit: parse("KPI unit", &m.unit)?,
        direction: parse("KPI direction", &m.direction)?,
        category: m.category,
        owner: m.owner_city_id.map(CityId),
    })
}

fn kpi_definition_row(d: &KpiDefinition) -> kpi_definition::ActiveModel {
    kpi_definition::ActiveModel {
        code: Set(d.code.to_string()),
        name: Set(d.name.clone()),
        unit: Set(code(d.unit)),
        direction: Set(code(d.direction)),
        category: Set(d.category.clone()),
        owner_city_id: Set(d.owner.map(|c| c.0)),
        created_at: Set(now()),
    }
}

impl Store {
    /// The KPI catalogue and the cities' own definitions, by code.
    pub async fn kpi_definitions(&self) -> Result<Vec<KpiDefinition>> {
        kpi_definition::Entity::find()
            .order_by_asc(kpi_definition::Column::Code)
            .all(self.db())
            .await?
            .into_iter()
            .map(kpi_definition_from)
            .collect()
    }

    /// One KPI definition.
    pub async fn kpi_definition(&self, code_: &str) -> Result<KpiDefinition> {
        // A malformed code names no definition (and may hold bytes, such as
        // NUL, that PostgreSQL refuses in a query).
        if KpiCode::parse(code_).is_err() {
            return Err(StoreError::not_found("KPI definition", code_));
        }
        kpi_definition::Entity::find_by_id(code_.to_owned())
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::not_found("KPI definition", code_))
            .and_then(kpi_definition_from)
    }

    /// Adds a KPI definition; its code must be new.
    pub async fn define_kpi(&self, definition: KpiDefinition) -> Result<KpiDefinition> {
        let mut w = self.begin_write().await?;
        let code_ = definition.code.to_string();
        if kpi_definition::Entity::find_by_id(code_.clone())
            .one(&w.txn)
            .await?
            .is_some()
        {
            return Err(StoreError::Invalid {
                field: "code".into(),
                message: format!("KPI {code_} already exists"),
            });
        }
        if let Some(owner) = definition.owner
            && city::Entity::find_by_id(owner.0)
                .one(&w.txn)
                .await?
                .is_none()
        {
            return Err(StoreError::not_found("city", owner));
        }
        w.insert(kpi_definition_row(&definition)).await?;
        w.commit().await?;
        Ok(definition)
    }
}
