//! Cities, their stakeholders and standing (strategy, commitment), and the KPI
//! catalogue.

use crate::aggregate;
use crate::entity::{city, city_area, commitment, kpi_definition, stakeholder, strategy};
use crate::error::{Result, StoreError};
use crate::events::{self, StoredEvent};
use crate::rows::*;
use crate::{Actor, Backend, Store, now};
use c2c_domain::kpi::KpiDefinition;
use c2c_domain::standing::{Commitment, CommitmentDraft, Standing, Strategy, StrategyDraft};
use c2c_domain::{
    Area, City, CityChange, CityDraft, CityId, HelixSector, Involvement, Stakeholder, StakeholderId,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

async fn areas_of<C: ConnectionTrait>(db: &C, cities: &[Uuid]) -> Result<HashMap<Uuid, Vec<Area>>> {
    let mut areas: HashMap<Uuid, Vec<Area>> = HashMap::new();
    for row in city_area::Entity::find()
        .filter(city_area::Column::CityId.is_in(cities.to_vec()))
        .order_by_asc(city_area::Column::Area)
        .all(db)
        .await?
    {
        areas
            .entry(row.city_id)
            .or_default()
            .push(parse("area", &row.area)?);
    }
    Ok(areas)
}

fn city_row(
    city: &City,
    created: chrono::DateTime<chrono::Utc>,
    updated: chrono::DateTime<chrono::Utc>,
) -> city::ActiveModel {
    city::ActiveModel {
        id: Set(city.id.0),
        name: Set(city.name.clone()),
        other_names: Set(json(&city.other_names)),
        level: Set(code(city.level)),
        parent_id: Set(city.parent.map(|p| p.0)),
        country: Set(city.country.code()),
        population: Set(city.population.map(i64_of)),
        languages: Set(json(&city.languages)),
        time_zone: Set(city.time_zone.clone()),
        looking_for_partner: Set(city.looking_for_partner),
        created_at: Set(created),
        updated_at: Set(updated),
    }
}

async fn write_areas(w: &mut crate::Writer, city: &City) -> Result<()> {
    if !city.areas.is_empty() {
        city_area::Entity::insert_many(city.areas.iter().map(|a| city_area::ActiveModel {
            city_id: Set(city.id.0),
            area: Set(code(*a)),
        }))
        .exec_without_returning(&w.txn)
        .await?;
        w.wrote()?;
    }
    Ok(())
}

/// The parent must exist, and a city may not contain itself, even through
/// other cities.
async fn check_parent(w: &crate::Writer, city: &City) -> Result<()> {
    let mut next = city.parent;
    let mut seen = 0;
    while let Some(parent) = next {
        if parent == city.id {
            return Err(StoreError::Invalid {
                field: "parentId".into(),
                message: "a city cannot contain itself".into(),
            });
        }
        let row = city::Entity::find_by_id(parent.0)
            .one(&w.txn)
            .await?
            .ok_or_else(|| StoreError::not_found("city", parent))?;
        next = row.parent_id.map(CityId);
        seen += 1;
        if seen > 32 {
            return Err(StoreError::Invalid {
                field: "parentId".into(),
                message: "the chain of containing cities is too long".into(),
            });
        }
    }
    Ok(())
}

impl Store {
    /// Creates a city.
    pub async fn create_city(&self, id: CityId, draft: CityDraft) -> Result<City> {
        let city = City::parse(id, draft)?;
        let mut w = self.begin_write().await?;
        if city::Entity::find_by_id(id.0).one(&w.txn).await?.is_some() {
            return Err(StoreError::Invalid {
                field: "id".into(),
                message: format!("city {id} already exists"),
            });
        }
        check_parent(&w, &city).await?;
        let at = now();
        city::Entity::insert(city_row(&city, at, at))
            .exec_without_returning(&w.txn)
            .await?;
        w.wrote()?;
        write_areas(&mut w, &city).await?;
        w.commit().await?;
        Ok(city)
    }

    /// Replaces a city's description (name, level, parent, country, areas,
    /// whether it looks for a partner, ...).
    pub async fn update_city(&self, id: CityId, draft: CityDraft) -> Result<City> {
        let city = City::parse(id, draft)?;
        let mut w = self.begin_write().await?;
        let Some(existing) = city::Entity::find_by_id(id.0).one(&w.txn).await? else {
            return Err(StoreError::not_found("city", id));
        };
        check_parent(&w, &city).await?;
        city::Entity::update(city_row(&city, existing.created_at, now()))
            .exec(&w.txn)
            .await?;
        w.wrote()?;
        city_area::Entity::delete_many()
            .filter(city_area::Column::CityId.eq(id.0))
            .exec(&w.txn)
            .await?;
        w.wrote()?;
        write_areas(&mut w, &city).await?;
        w.commit().await?;
        Ok(city)
    }

    /// A city.
    pub async fn city(&self, id: CityId) -> Result<City> {
        let row = city::Entity::find_by_id(id.0)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::not_found("city", id))?;
        let mut areas = areas_of(self.db(), &[id.0]).await?;
        city_from(row, areas.remove(&id.0).unwrap_or_default())
    }

    /// Cities by identifier, in two statements; unknown identifiers are left out.
    pub async fn cities_by_id(&self, ids: &[CityId]) -> Result<Vec<City>> {
        let ids: Vec<Uuid> = ids.iter().map(|c| c.0).collect();
        let rows = city::Entity::find()
            .filter(city::Column::Id.is_in(ids.clone()))
            .all(self.db())
            .await?;
        let mut areas = areas_of(self.db(), &ids).await?;
        rows.into_iter()
            .map(|r| {
                let a = areas.remove(&r.id).unwrap_or_default();
                city_from(r, a)
            })
            .collect()
    }

    /// Every city, by name.
    pub async fn cities(&self) -> Result<Vec<City>> {
        let rows = city::Entity::find()
            .order_by_asc(city::Column::Name)
            .order_by_asc(city::Column::Id)
            .all(self.db())
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut areas = areas_of(self.db(), &ids).await?;
        rows.into_iter()
            .map(|r| {
                let a = areas.remove(&r.id).unwrap_or_default();
                city_from(r, a)
            })
            .collect()
    }

    /// Adds a stakeholder to a city.
    pub async fn add_stakeholder(
        &self,
        id: StakeholderId,
        city: CityId,
        name: &str,
        sector: HelixSector,
        involvement: Involvement,
    ) -> Result<Stakeholder> {
        let s = Stakeholder::parse(id, city, name, sector, involvement)?;
        let mut w = self.begin_write().await?;
        if city::Entity::find_by_id(city.0)
            .one(&w.txn)
            .await?
            .is_none()
        {
            return Err(StoreError::not_found("city", city));
        }
        stakeholder::Entity::insert(stakeholder::ActiveModel {
            id: Set(id.0),
            city_id: Set(city.0),
            name: Set(s.name.clone()),
            sector: Set(code(sector)),
            involvement: Set(code(involvement)),
            created_at: Set(now()),
        })
        .exec_without_returning(&w.txn)
        .await?;
        w.wrote()?;
        w.commit().await?;
        Ok(s)
    }

    /// A city's stakeholders.
    pub async fn stakeholders(&self, city: CityId) -> Result<Vec<Stakeholder>> {
        Ok(aggregate::standing(self.db(), city).await?.stakeholders)
    }

    /// A city's standing: stakeholders, strategy and commitment in force.
    pub async fn standing(&self, city: CityId) -> Result<Standing> {
        aggregate::standing(self.db(), city).await
    }

    /// The standings of several cities, in three statements.
    pub async fn standings(&self, cities: &[CityId]) -> Result<HashMap<CityId, Standing>> {
        aggregate::standings(self.db(), cities).await
    }

    /// Locks a city's row (PostgreSQL) so that two versions of its strategy or
    /// commitment are not written at once; SQLite's write lock does the same.
    async fn lock_city(&self, w: &crate::Writer, id: CityId) -> Result<()> {
        let mut q = city::Entity::find_by_id(id.0);
        if w.backend == Backend::Postgres {
            q = q.lock_exclusive();
        }
        q.one(&w.txn)
            .await?
            .map(|_| ())
            .ok_or_else(|| StoreError::not_found("city", id))
    }

    /// Records a new version of the actor's city's strategy.
    pub async fn record_strategy(
        &self,
        actor: Actor,
        draft: StrategyDraft,
    ) -> Result<(Strategy, StoredEvent)> {
        let mut w = self.begin_write().await?;
        self.lock_city(&w, actor.city).await?;
        let standing = aggregate::standing(&w.txn, actor.city).await?;
        let e = standing.record_strategy(actor.account, actor.city, now(), draft)?;
        let CityChange::StrategyRecorded(s) = &e.change else {
            return Err(StoreError::corrupt("a strategy event without a strategy"));
        };
        strategy::Entity::insert(strategy::ActiveModel {
            city_id: Set(actor.city.0),
            version: Set(i32_of(s.version)),
            vision: Set(s.vision.clone()),
            horizon: Set(s.horizon.clone()),
            objectives: Set(json(&s.objectives)),
            challenges: Set(json(&s.challenges)),
            opportunities: Set(json(&s.opportunities)),
            themes: Set(json(&s.themes)),
            stakeholders: Set(json(&s.stakeholders)),
            evidence: Set(json(&s.evidence)),
            adopted_on: Set(s.adopted_on),
            recorded_at: Set(s.recorded_at),
            recorded_by: Set(actor.account.0),
        })
        .exec_without_returning(&w.txn)
        .await?;
        w.wrote()?;
        let stored = events::append_city(&mut w, &e).await?;
        w.commit().await?;
        Ok((s.clone(), stored))
    }

    /// Records a new version of the actor's city's commitment.
    pub async fn record_commitment(
        &self,
        actor: Actor,
        draft: CommitmentDraft,
    ) -> Result<(Commitment, StoredEvent)> {
        let mut w = self.begin_write().await?;
        self.lock_city(&w, actor.city).await?;
        let standing = aggregate::standing(&w.txn, actor.city).await?;
        let e = standing.record_commitment(actor.account, actor.city, now(), draft)?;
        let CityChange::CommitmentRecorded(c) = &e.change else {
            return Err(StoreError::corrupt(
                "a commitment event without a commitment",
            ));
        };
        let political = c.political.as_ref();
        commitment::Entity::insert(commitment::ActiveModel {
            city_id: Set(actor.city.0),
            version: Set(i32_of(c.version)),
            political_body: Set(political.map(|p| p.body.clone())),
            political_on: Set(political.and_then(|p| p.on)),
            political_reference: Set(political.map(|p| p.reference.clone())),
            priorities: Set(json(&c.priorities)),
            roles: Set(json(&c.roles)),
            resources: Set(json(&c.resources)),
            contact_team_name: Set(c.contact_team.as_ref().map(|t| t.name.clone())),
            contact_team_members: Set(json(
                &c.contact_team
                    .as_ref()
                    .map(|t| t.members.clone())
                    .unwrap_or_default(),
            )),
            external_stakeholders: Set(json(&c.external_stakeholders)),
            recorded_at: Set(c.recorded_at),
            recorded_by: Set(actor.account.0),
        })
        .exec_without_returning(&w.txn)
        .await?;
        w.wrote()?;
        let stored = events::append_city(&mut w, &e).await?;
        w.commit().await?;
        Ok((c.clone(), stored))
    }

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
        if c2c_domain::KpiCode::parse(code_).is_err() {
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
        kpi_definition::Entity::insert(kpi_definition::ActiveModel {
            code: Set(code_),
            name: Set(definition.name.clone()),
            unit: Set(code(definition.unit)),
            direction: Set(code(definition.direction)),
            category: Set(definition.category.clone()),
            owner_city_id: Set(definition.owner.map(|c| c.0)),
            created_at: Set(now()),
        })
        .exec_without_returning(&w.txn)
        .await?;
        w.wrote()?;
        w.commit().await?;
        Ok(definition)
    }
}
