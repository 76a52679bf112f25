//! A city's standing: its stakeholders, and its strategy (Aim) and
//! commitment (Commit), versioned. The entities, the rows as domain values
//! and each as a row, the loader of several cities' standings, and the
//! store's operations on them.

use crate::cities::city;
use crate::convert::{code, from_json, i32_of, json, parse, u32_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::events::{self, StoredEvent};
use crate::{Actor, Store, Writer, now};
use c2c_domain::standing::{
    Commitment, CommitmentDraft, ContactTeam, PoliticalCommitment, Standing, Strategy,
    StrategyDraft,
};
use c2c_domain::{
    AccountId, CityChange, CityId, HelixSector, Involvement, Stakeholder, StakeholderId,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

entity!(stakeholder, "stakeholder", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub city_id: Uuid,
    pub name: String,
    pub sector: String,
    pub involvement: String,
    pub created_at: DateTimeUtc,
});

entity!(strategy, "strategy", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub vision: String,
    pub horizon: Option<String>,
    pub objectives: Json,
    pub challenges: Json,
    pub opportunities: Json,
    pub themes: Json,
    pub stakeholders: Json,
    pub evidence: Json,
    pub adopted_on: Option<Date>,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
});

entity!(commitment, "commitment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub political_body: Option<String>,
    pub political_on: Option<Date>,
    pub political_reference: Option<String>,
    pub priorities: Json,
    pub roles: Json,
    pub resources: Json,
    pub contact_team_name: Option<String>,
    pub contact_team_members: Json,
    pub external_stakeholders: Json,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
});

fn stakeholder_from(m: stakeholder::Model) -> Result<Stakeholder> {
    Ok(Stakeholder {
        id: StakeholderId(m.id),
        city: CityId(m.city_id),
        name: m.name,
        sector: parse("helix sector", &m.sector)?,
        involvement: parse("involvement", &m.involvement)?,
    })
}

fn stakeholder_row(s: &Stakeholder, at: DateTime<Utc>) -> stakeholder::ActiveModel {
    stakeholder::ActiveModel {
        id: Set(s.id.0),
        city_id: Set(s.city.0),
        name: Set(s.name.clone()),
        sector: Set(code(s.sector)),
        involvement: Set(code(s.involvement)),
        created_at: Set(at),
    }
}

fn strategy_from(m: strategy::Model) -> Result<Strategy> {
    Ok(Strategy {
        version: u32_of("strategy version", m.version)?,
        vision: m.vision,
        horizon: m.horizon,
        objectives: from_json("strategy.objectives", m.objectives)?,
        challenges: from_json("strategy.challenges", m.challenges)?,
        opportunities: from_json("strategy.opportunities", m.opportunities)?,
        themes: from_json("strategy.themes", m.themes)?,
        stakeholders: from_json("strategy.stakeholders", m.stakeholders)?,
        evidence: from_json("strategy.evidence", m.evidence)?,
        adopted_on: m.adopted_on,
        recorded_at: m.recorded_at,
    })
}

fn strategy_row(city: CityId, by: AccountId, s: &Strategy) -> strategy::ActiveModel {
    strategy::ActiveModel {
        city_id: Set(city.0),
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
        recorded_by: Set(by.0),
    }
}

fn commitment_from(m: commitment::Model) -> Result<Commitment> {
    let political = match (m.political_body, m.political_reference) {
        (None, None) if m.political_on.is_none() => None,
        (body, reference) => Some(PoliticalCommitment {
            body: body.unwrap_or_default(),
            on: m.political_on,
            reference: reference.unwrap_or_default(),
        }),
    };
    Ok(Commitment {
        version: u32_of("commitment version", m.version)?,
        political,
        priorities: from_json("commitment.priorities", m.priorities)?,
        roles: from_json("commitment.roles", m.roles)?,
        resources: from_json("commitment.resources", m.resources)?,
        contact_team: m
            .contact_team_name
            .map(|name| -> Result<ContactTeam> {
                Ok(ContactTeam {
                    name,
                    members: from_json(
                        "commitment.contact_team_members",
                        m.contact_team_members.clone(),
                    )?,
                })
            })
            .transpose()?,
        external_stakeholders: from_json(
            "commitment.external_stakeholders",
            m.external_stakeholders,
        )?,
        recorded_at: m.recorded_at,
    })
}

fn commitment_row(city: CityId, by: AccountId, c: &Commitment) -> commitment::ActiveModel {
    let political = c.political.as_ref();
    commitment::ActiveModel {
        city_id: Set(city.0),
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
        recorded_by: Set(by.0),
    }
}

/// A city's stakeholders, oldest first: one statement.
pub(crate) async fn stakeholders_of<C: ConnectionTrait>(
    db: &C,
    id: CityId,
) -> Result<Vec<Stakeholder>> {
    stakeholder::Entity::find()
        .filter(stakeholder::Column::CityId.eq(id.0))
        .order_by_asc(stakeholder::Column::CreatedAt)
        .order_by_asc(stakeholder::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(stakeholder_from)
        .collect()
}

/// A city's standing: its stakeholders and its strategy and commitment in force.
pub(crate) async fn standing<C: ConnectionTrait>(db: &C, city: CityId) -> Result<Standing> {
    let (standing, _) = standing_and_counterpart(db, city, None).await?;
    Ok(standing)
}

/// The initiator's standing and the counterpart's stakeholders, in three
/// statements.
pub(crate) async fn standing_and_counterpart<C: ConnectionTrait>(
    db: &C,
    initiator: CityId,
    counterpart: Option<CityId>,
) -> Result<(Standing, Vec<Stakeholder>)> {
    let mut cities = Standings::load(db, &[initiator.0], &[counterpart.map(|c| c.0)]).await?;
    let standing = cities.standing(initiator)?;
    let others = match counterpart {
        Some(c) => cities.stakeholders(c)?,
        None => Vec::new(),
    };
    Ok((standing, others))
}

/// The standings of several cities: three statements whatever their number.
pub(crate) struct Standings {
    strategies: HashMap<Uuid, strategy::Model>,
    commitments: HashMap<Uuid, commitment::Model>,
    stakeholders: HashMap<Uuid, Vec<stakeholder::Model>>,
}

impl Standings {
    /// The strategies and commitments in force of the initiators, and the
    /// stakeholders of the initiators and the counterparts.
    pub(crate) async fn load<C: ConnectionTrait>(
        db: &C,
        initiators: &[Uuid],
        counterparts: &[Option<Uuid>],
    ) -> Result<Standings> {
        let mut strategies: HashMap<Uuid, strategy::Model> = HashMap::new();
        for m in strategy::Entity::find()
            .filter(strategy::Column::CityId.is_in(initiators.to_vec()))
            .all(db)
            .await?
        {
            if strategies
                .get(&m.city_id)
                .is_none_or(|x| x.version < m.version)
            {
                strategies.insert(m.city_id, m);
            }
        }
        let mut commitments: HashMap<Uuid, commitment::Model> = HashMap::new();
        for m in commitment::Entity::find()
            .filter(commitment::Column::CityId.is_in(initiators.to_vec()))
            .all(db)
            .await?
        {
            if commitments
                .get(&m.city_id)
                .is_none_or(|x| x.version < m.version)
            {
                commitments.insert(m.city_id, m);
            }
        }
        let cities: Vec<Uuid> = initiators
            .iter()
            .copied()
            .chain(counterparts.iter().flatten().copied())
            .collect();
        let mut stakeholders: HashMap<Uuid, Vec<stakeholder::Model>> = HashMap::new();
        for m in stakeholder::Entity::find()
            .filter(stakeholder::Column::CityId.is_in(cities))
            .order_by_asc(stakeholder::Column::CreatedAt)
            .order_by_asc(stakeholder::Column::Id)
            .all(db)
            .await?
        {
            stakeholders.entry(m.city_id).or_default().push(m);
        }
        Ok(Standings {
            strategies,
            commitments,
            stakeholders,
        })
    }

    /// A loaded city's stakeholders.
    pub(crate) fn stakeholders(&self, city: CityId) -> Result<Vec<Stakeholder>> {
        self.stakeholders
            .get(&city.0)
            .map(|rows| rows.iter().cloned().map(stakeholder_from).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    /// A loaded initiator's standing.
    pub(crate) fn standing(&mut self, city: CityId) -> Result<Standing> {
        Ok(Standing {
            city,
            stakeholders: self.stakeholders(city)?,
            strategy: self
                .strategies
                .get(&city.0)
                .cloned()
                .map(strategy_from)
                .transpose()?,
            commitment: self
                .commitments
                .get(&city.0)
                .cloned()
                .map(commitment_from)
                .transpose()?,
        })
    }
}

/// Locks a city's row (PostgreSQL) so that two versions of its strategy or
/// commitment are not written at once; SQLite's write lock does the same.
async fn lock_city(w: &Writer, id: CityId) -> Result<()> {
    let mut q = city::Entity::find_by_id(id.0);
    if w.backend == DbBackend::Postgres {
        q = q.lock_exclusive();
    }
    q.one(&w.txn)
        .await?
        .map(|_| ())
        .ok_or_else(|| StoreError::not_found("city", id))
}

impl Store {
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
        w.insert(stakeholder_row(&s, now())).await?;
        w.commit().await?;
        Ok(s)
    }

    /// A city's stakeholders.
    pub async fn stakeholders(&self, city: CityId) -> Result<Vec<Stakeholder>> {
        Ok(standing(self.db(), city).await?.stakeholders)
    }

    /// A city's standing: stakeholders, strategy and commitment in force.
    pub async fn standing(&self, city: CityId) -> Result<Standing> {
        standing(self.db(), city).await
    }

    /// The standings of several cities, in three statements.
    pub async fn standings(&self, cities: &[CityId]) -> Result<HashMap<CityId, Standing>> {
        let ids: Vec<Uuid> = cities.iter().map(|c| c.0).collect();
        let mut loaded = Standings::load(self.db(), &ids, &[]).await?;
        cities
            .iter()
            .map(|c| Ok((*c, loaded.standing(*c)?)))
            .collect()
    }

    /// Records a new version of the actor's city's strategy.
    pub async fn record_strategy(
        &self,
        actor: Actor,
        draft: StrategyDraft,
    ) -> Result<(Strategy, StoredEvent)> {
        let mut w = self.begin_write().await?;
        lock_city(&w, actor.city).await?;
        let standing = standing(&w.txn, actor.city).await?;
        let e = standing.record_strategy(actor.account, actor.city, now(), draft)?;
        let CityChange::StrategyRecorded(s) = &e.change else {
            return Err(StoreError::corrupt("a strategy event without a strategy"));
        };
        w.insert(strategy_row(actor.city, actor.account, s)).await?;
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
        lock_city(&w, actor.city).await?;
        let standing = standing(&w.txn, actor.city).await?;
        let e = standing.record_commitment(actor.account, actor.city, now(), draft)?;
        let CityChange::CommitmentRecorded(c) = &e.change else {
            return Err(StoreError::corrupt(
                "a commitment event without a commitment",
            ));
        };
        w.insert(commitment_row(actor.city, actor.account, c))
            .await?;
        let stored = events::append_city(&mut w, &e).await?;
        w.commit().await?;
        Ok((c.clone(), stored))
    }
}
