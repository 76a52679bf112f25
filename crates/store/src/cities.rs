//! Cities and their areas of interest: the entities, the rows as a domain
//! city and the city as rows, and the store's operations on cities.

use crate::convert::{code, from_json, i64_of, json, parse, u64_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::{Store, Writer, now};
use c2c_domain::{Area, City, CityDraft, CityId, Country};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;
use uuid::Uuid;

entity!(city, "city", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub other_names: Json,
    pub level: String,
    pub parent_id: Option<Uuid>,
    pub country: String,
    pub population: Option<i64>,
    pub languages: Json,
    pub time_zone: String,
    pub looking_for_partner: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
});

entity!(city_area, "city_area", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area: String,
});

fn city_from(m: city::Model, areas: Vec<Area>) -> Result<City> {
    Ok(City {
        id: CityId(m.id),
        name: m.name,
        other_names: from_json("city.other_names", m.other_names)?,
        level: parse("city level", &m.level)?,
        parent: m.parent_id.map(CityId),
        country: Country::parse(&m.country)
            .map_err(|_| StoreError::corrupt(format!("country '{}'", m.country)))?,
        population: m.population.map(|p| u64_of("population", p)).transpose()?,
        languages: from_json("city.languages", m.languages)?,
        time_zone: m.time_zone,
        areas,
        looking_for_partner: m.looking_for_partner,
    })
}

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

fn city_row(city: &City, created: DateTime<Utc>, updated: DateTime<Utc>) -> city::ActiveModel {
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

async fn write_areas(w: &mut Writer, city: &City) -> Result<()> {
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
async fn check_parent(w: &Writer, city: &City) -> Result<()> {
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
        w.insert(city_row(&city, at, at)).await?;
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
}
