//! Cities (the `city` and `cities` queries, `Partnership.initiator`): the
//! directory entry, its stakeholders, and its standing, the strategy (Aim)
//! and commitment (Commit) in force, which only the city itself and
//! operators may read.

use crate::context::{loaders, viewer};
use crate::error::{GatewayError, Result};
use crate::loader::loaded;
use crate::types::{Area, CityLevel, HelixSector, Involvement, Money};
use async_graphql::{Context, Object, SimpleObject};
use c2c_domain::partnership::Snapshot;
use c2c_domain::{City, CityId};
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::Arc;
use uuid::Uuid;

/// A local or regional authority.
#[derive(Clone, Debug)]
pub struct CityNode(pub Arc<City>);

/// A stakeholder of a city.
#[derive(SimpleObject, Clone, Debug)]
pub struct Stakeholder {
    /// Identifier.
    pub id: Uuid,
    /// Its city.
    pub city_id: Uuid,
    /// Name.
    pub name: String,
    /// Helix sector.
    pub sector: HelixSector,
    /// Involvement.
    pub involvement: Involvement,
}

impl From<&c2c_domain::Stakeholder> for Stakeholder {
    fn from(s: &c2c_domain::Stakeholder) -> Self {
        Stakeholder {
            id: s.id.0,
            city_id: s.city.0,
            name: s.name.clone(),
            sector: s.sector.into(),
            involvement: s.involvement.into(),
        }
    }
}

/// A long-term objective.
#[derive(SimpleObject, Clone, Debug)]
pub struct Objective {
    /// Identifier (kept across versions).
    pub id: Uuid,
    /// The objective.
    pub text: String,
}

/// A city's international strategy (Aim outputs). Visible to the city and to
/// operators only.
#[derive(SimpleObject, Clone, Debug)]
pub struct Strategy {
    /// Identifier (derived from the city and the version).
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Version.
    pub version: u32,
    /// Vision.
    pub vision: String,
    /// Horizon.
    pub horizon: Option<String>,
    /// Objectives.
    pub objectives: Vec<Objective>,
    /// Challenges.
    pub challenges: Vec<String>,
    /// Opportunities.
    pub opportunities: Vec<String>,
    /// Cooperation areas.
    pub themes: Vec<Area>,
    /// Identified stakeholders.
    pub stakeholder_ids: Vec<Uuid>,
    /// Evidence.
    pub evidence: Vec<String>,
    /// Adopted on.
    pub adopted_on: Option<NaiveDate>,
    /// Recorded at.
    pub recorded_at: DateTime<Utc>,
}

impl Strategy {
    /// The GraphQL strategy of a city's domain strategy.
    pub fn of(city: CityId, s: &c2c_domain::Strategy) -> Self {
        Strategy {
            id: super::derived_id("strategy", city.0, &[&s.version]),
            city_id: city.0,
            version: s.version,
            vision: s.vision.clone(),
            horizon: s.horizon.clone(),
            objectives: s
                .objectives
                .iter()
                .map(|o| Objective {
                    id: o.id.0,
                    text: o.text.clone(),
                })
                .collect(),
            challenges: s.challenges.clone(),
            opportunities: s.opportunities.clone(),
            themes: s.themes.iter().map(|a| (*a).into()).collect(),
            stakeholder_ids: s.stakeholders.iter().map(|x| x.0).collect(),
            evidence: s.evidence.clone(),
            adopted_on: s.adopted_on,
            recorded_at: s.recorded_at,
        }
    }
}

/// A political commitment.
#[derive(SimpleObject, Clone, Debug)]
pub struct PoliticalCommitment {
    /// Approving body or person.
    pub body: String,
    /// Date.
    pub on: Option<NaiveDate>,
    /// Reference.
    pub reference: String,
}

/// A priority linked to an objective.
#[derive(SimpleObject, Clone, Debug)]
pub struct Priority {
    /// The priority.
    pub text: String,
    /// The objective it serves.
    pub objective_id: Option<Uuid>,
}

/// A stakeholder's role.
#[derive(SimpleObject, Clone, Debug)]
pub struct StakeholderRole {
    /// Stakeholder.
    pub stakeholder_id: Uuid,
    /// Role.
    pub role: String,
    /// Responsibilities.
    pub responsibilities: String,
}

/// A committed resource.
#[derive(SimpleObject, Clone, Debug)]
pub struct Resource {
    /// Kind.
    pub kind: String,
    /// Description.
    pub description: String,
    /// Value.
    pub amount: Option<Money>,
}

/// A contact team.
#[derive(SimpleObject, Clone, Debug)]
pub struct ContactTeam {
    /// Name.
    pub name: String,
    /// Members.
    pub members: Vec<String>,
}

/// A city's commitment (Commit outputs). Visible to the city and to
/// operators only.
#[derive(SimpleObject, Clone, Debug)]
pub struct Commitment {
    /// Identifier (derived from the city and the version).
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Version.
    pub version: u32,
    /// Political commitment.
    pub political: Option<PoliticalCommitment>,
    /// Priorities.
    pub priorities: Vec<Priority>,
    /// Stakeholder roles.
    pub roles: Vec<StakeholderRole>,
    /// Resources.
    pub resources: Vec<Resource>,
    /// Contact team.
    pub contact_team: Option<ContactTeam>,
    /// External stakeholders.
    pub external_stakeholders: Vec<String>,
    /// Recorded at.
    pub recorded_at: DateTime<Utc>,
}

impl Commitment {
    /// The GraphQL commitment of a city's domain commitment.
    pub fn of(city: CityId, c: &c2c_domain::Commitment) -> Self {
        Commitment {
            id: super::derived_id("commitment", city.0, &[&c.version]),
            city_id: city.0,
            version: c.version,
            political: c.political.as_ref().map(|p| PoliticalCommitment {
                body: p.body.clone(),
                on: p.on,
                reference: p.reference.clone(),
            }),
            priorities: c
                .priorities
                .iter()
                .map(|p| Priority {
                    text: p.text.clone(),
                    objective_id: p.objective.map(|o| o.0),
                })
                .collect(),
            roles: c
                .roles
                .iter()
                .map(|r| StakeholderRole {
                    stakeholder_id: r.stakeholder.0,
                    role: r.role.clone(),
                    responsibilities: r.responsibilities.clone(),
                })
                .collect(),
            resources: c
                .resources
                .iter()
                .map(|r| Resource {
                    kind: r.kind.clone(),
                    description: r.description.clone(),
                    amount: r.amount.as_ref().map(Into::into),
                })
                .collect(),
            contact_team: c.contact_team.as_ref().map(|t| ContactTeam {
                name: t.name.clone(),
                members: t.members.clone(),
            }),
            external_stakeholders: c.external_stakeholders.clone(),
            recorded_at: c.recorded_at,
        }
    }
}

#[Object(name = "City")]
impl CityNode {
    /// Identifier.
    async fn id(&self) -> Uuid {
        self.0.id.0
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Other known names (spelling variants).
    async fn other_names(&self) -> &[String] {
        &self.0.other_names
    }
    /// Level.
    async fn level(&self) -> CityLevel {
        self.0.level.into()
    }
    /// The authority that contains it.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.0.parent {
            Some(id) => city(ctx, id).await,
            None => Ok(None),
        }
    }
    /// ISO 3166-1 alpha-2 country code.
    async fn country(&self) -> String {
        self.0.country.code()
    }
    /// Population, when known.
    async fn population(&self) -> Option<u64> {
        self.0.population
    }
    /// ISO 639-1 languages.
    async fn languages(&self) -> &[String] {
        &self.0.languages
    }
    /// IANA time zone.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }
    /// Cooperation areas it is interested in.
    async fn areas(&self) -> Vec<Area> {
        self.0.areas.iter().map(|a| (*a).into()).collect()
    }
    /// Whether it is looking for a partner.
    async fn looking_for_partner(&self) -> bool {
        self.0.looking_for_partner
    }
    /// Its stakeholders.
    async fn stakeholders(&self, ctx: &Context<'_>) -> Result<Vec<Stakeholder>> {
        let standing = loaded(loaders(ctx)?.standings.load_one(self.0.id).await)?;
        Ok(standing
            .map(|s| s.stakeholders.iter().map(Into::into).collect())
            .unwrap_or_default())
    }
    /// Its strategy in force: visible to the city itself and to operators.
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        standing_visible(
            ctx,
            self.0.id,
            "a city's strategy is visible to that city and to operators only",
        )?;
        let standing = loaded(loaders(ctx)?.standings.load_one(self.0.id).await)?;
        Ok(standing.and_then(|s| s.strategy.as_ref().map(|x| Strategy::of(self.0.id, x))))
    }
    /// Its commitment in force: visible to the city itself and to operators.
    async fn commitment(&self, ctx: &Context<'_>) -> Result<Option<Commitment>> {
        standing_visible(
            ctx,
            self.0.id,
            "a city's commitment is visible to that city and to operators only",
        )?;
        let standing = loaded(loaders(ctx)?.standings.load_one(self.0.id).await)?;
        Ok(standing.and_then(|s| s.commitment.as_ref().map(|x| Commitment::of(self.0.id, x))))
    }
}

/// A city by identifier, through the request's loader.
pub async fn city(ctx: &Context<'_>, id: CityId) -> Result<Option<CityNode>> {
    Ok(loaded(loaders(ctx)?.cities.load_one(id).await)?.map(CityNode))
}

/// Fails with `FORBIDDEN` and `message` unless the viewer may see the
/// strategy and commitment of `city`.
fn standing_visible(ctx: &Context<'_>, city: CityId, message: &str) -> Result<()> {
    if viewer(ctx)?.can_see_standing_of(city) {
        Ok(())
    } else {
        Err(GatewayError::forbidden(message).into())
    }
}

/// The initiator's strategy in force, as a partnership relies on it
/// (`Partnership.strategy`).
pub fn initiator_strategy(ctx: &Context<'_>, p: &Snapshot) -> Result<Option<Strategy>> {
    standing_visible(
        ctx,
        p.initiator,
        "the initiator's strategy is visible to the initiator and to operators only",
    )?;
    Ok(p.standing
        .strategy
        .as_ref()
        .map(|s| Strategy::of(p.initiator, s)))
}

/// The initiator's commitment in force (`Partnership.commitment`).
pub fn initiator_commitment(ctx: &Context<'_>, p: &Snapshot) -> Result<Option<Commitment>> {
    standing_visible(
        ctx,
        p.initiator,
        "the initiator's commitment is visible to the initiator and to operators only",
    )?;
    Ok(p.standing
        .commitment
        .as_ref()
        .map(|c| Commitment::of(p.initiator, c)))
}
