//! A city's standing: its strategy (Aim outputs) and its commitment (Commit
//! outputs). Both belong to the city, not to one partnership: one version of each
//! is in force at a time, and every partnership the city initiates relies on it.
//! A city's own history is made of [`CityEvent`]s, decided and applied here.

use crate::city::{Area, Stakeholder, dedup, optional};
use crate::money::Money;
use crate::text::{LONG, SHORT, clean, list, required};
use crate::value;
use crate::{AccountId, CityId, DomainError, ObjectiveId, StakeholderId};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

/// A long-term objective of a strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    /// Its identifier, kept across strategy versions.
    pub id: ObjectiveId,
    /// The objective, in words.
    pub text: String,
}

/// A city's international strategy (the Aim outputs), versioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    /// 1 for the first version, then +1.
    pub version: u32,
    /// The vision.
    pub vision: String,
    /// The horizon, e.g. "2035".
    pub horizon: Option<String>,
    /// Long-term objectives.
    pub objectives: Vec<Objective>,
    /// Challenges the city wants to address.
    pub challenges: Vec<String>,
    /// Opportunities it sees.
    pub opportunities: Vec<String>,
    /// Cooperation areas (themes).
    pub themes: Vec<Area>,
    /// Local stakeholders identified.
    pub stakeholders: Vec<StakeholderId>,
    /// Evidence: studies, facts and figures.
    pub evidence: Vec<String>,
    /// When it was adopted, if known.
    pub adopted_on: Option<NaiveDate>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for a strategy. Drafts may be incomplete: the Aim exit criteria say
/// what must be filled before a partnership leaves Aim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyDraft {
    /// The vision.
    pub vision: String,
    /// The horizon.
    pub horizon: Option<String>,
    /// Objectives with their identifiers (keep an identifier to keep the
    /// objective across versions).
    pub objectives: Vec<Objective>,
    /// Challenges.
    pub challenges: Vec<String>,
    /// Opportunities.
    pub opportunities: Vec<String>,
    /// Themes.
    pub themes: Vec<Area>,
    /// Stakeholders of the city.
    pub stakeholders: Vec<StakeholderId>,
    /// Evidence.
    pub evidence: Vec<String>,
    /// Adoption date.
    pub adopted_on: Option<NaiveDate>,
}

/// The political commitment behind a commitment: who approved it, when, and
/// under which reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalCommitment {
    /// The approving body or person (e.g. "City Council").
    pub body: String,
    /// The date of the decision.
    pub on: Option<NaiveDate>,
    /// The reference of the decision (e.g. a resolution number).
    pub reference: String,
}

/// A priority of a commitment, linked to an Aim objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// The priority, in words.
    pub text: String,
    /// The objective it serves.
    pub objective: Option<ObjectiveId>,
}

/// The role of a stakeholder in the commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StakeholderRole {
    /// The stakeholder.
    pub stakeholder: StakeholderId,
    /// Its role.
    pub role: String,
    /// Its responsibilities.
    pub responsibilities: String,
}

/// A resource committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// The kind: budget, staff, in kind, infrastructure, ...
    pub kind: String,
    /// What it is.
    pub description: String,
    /// Its value, when it has one.
    pub amount: Option<Money>,
}

/// The contact team that represents the city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactTeam {
    /// The team's name (e.g. "International Relations Office").
    pub name: String,
    /// Its members.
    pub members: Vec<String>,
}

/// A city's commitment (the Commit outputs), versioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// 1 for the first version, then +1.
    pub version: u32,
    /// The political commitment.
    pub political: Option<PoliticalCommitment>,
    /// Priorities.
    pub priorities: Vec<Priority>,
    /// Stakeholder roles.
    pub roles: Vec<StakeholderRole>,
    /// Resources.
    pub resources: Vec<Resource>,
    /// The contact team.
    pub contact_team: Option<ContactTeam>,
    /// External stakeholders (national bodies, other cities, platforms).
    pub external_stakeholders: Vec<String>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for a resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceDraft {
    /// Kind.
    pub kind: String,
    /// Description.
    pub description: String,
    /// Amount.
    pub amount: Option<Decimal>,
    /// Currency of the amount.
    pub currency: Option<String>,
}

/// Input for a commitment. Drafts may be incomplete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentDraft {
    /// Political commitment.
    pub political: Option<PoliticalCommitment>,
    /// Priorities.
    pub priorities: Vec<Priority>,
    /// Roles.
    pub roles: Vec<StakeholderRole>,
    /// Resources.
    pub resources: Vec<ResourceDraft>,
    /// Contact team.
    pub contact_team: Option<ContactTeam>,
    /// External stakeholders.
    pub external_stakeholders: Vec<String>,
}

/// One event of a city's own history (its strategy and commitment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityEvent {
    /// The city.
    pub city: CityId,
    /// Who did it.
    pub actor: AccountId,
    /// When.
    pub at: DateTime<Utc>,
    /// What changed.
    pub change: CityChange,
}

impl CityEvent {
    /// The stable code of the event's kind.
    pub fn kind(&self) -> &'static str {
        (&self.change).into()
    }
}

/// What a city event changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(tag = "kind", content = "data", rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum CityChange {
    /// A new strategy version.
    StrategyRecorded(Strategy),
    /// A new commitment version.
    CommitmentRecorded(Commitment),
}

/// A city's standing: its stakeholders and its strategy and commitment in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// The city.
    pub city: CityId,
    /// Its stakeholders.
    pub stakeholders: Vec<Stakeholder>,
    /// Its strategy in force.
    pub strategy: Option<Strategy>,
    /// Its commitment in force.
    pub commitment: Option<Commitment>,
}

impl Standing {
    /// A city with nothing recorded yet.
    pub fn empty(city: CityId) -> Self {
        Self {
            city,
            stakeholders: Vec::new(),
            strategy: None,
            commitment: None,
        }
    }

    /// The objectives of the strategy in force.
    pub fn objectives(&self) -> &[Objective] {
        self.strategy
            .as_ref()
            .map(|s| s.objectives.as_slice())
            .unwrap_or(&[])
    }

    fn check_actor(&self, city: CityId) -> Result<(), DomainError> {
        if city != self.city {
            return Err(DomainError::forbidden(
                "a city records only its own strategy and commitment",
            ));
        }
        Ok(())
    }

    fn check_stakeholder(&self, field: &str, id: StakeholderId) -> Result<(), DomainError> {
        if self.stakeholders.iter().any(|s| s.id == id) {
            Ok(())
        } else {
            Err(DomainError::invalid(
                field,
                format!("stakeholder {id} does not belong to this city"),
            ))
        }
    }

    /// Records a new version of the strategy. `city` is the acting city.
    pub fn record_strategy(
        &self,
        actor: AccountId,
        city: CityId,
        now: DateTime<Utc>,
        draft: StrategyDraft,
    ) -> Result<CityEvent, DomainError> {
        self.check_actor(city)?;
        let mut objectives: Vec<Objective> = Vec::new();
        for o in draft.objectives {
            if objectives.iter().any(|x| x.id == o.id) {
                return Err(DomainError::invalid(
                    "objectives",
                    format!("objective {} is listed twice", o.id),
                ));
            }
            let text = clean("objectives.text", &o.text, LONG)?;
            if !text.is_empty() {
                objectives.push(Objective { id: o.id, text });
            }
        }
        let stakeholders = dedup(draft.stakeholders);
        for s in &stakeholders {
            self.check_stakeholder("stakeholders", *s)?;
        }
        if let Some(on) = draft.adopted_on {
            value::happened("adoptedOn", on, now)?;
        }
        let strategy = Strategy {
            version: self.strategy.as_ref().map_or(1, |s| s.version + 1),
            vision: clean("vision", &draft.vision, LONG)?,
            horizon: optional("horizon", draft.horizon.as_deref(), SHORT)?,
            objectives,
            challenges: list("challenges", &draft.challenges, LONG)?,
            opportunities: list("opportunities", &draft.opportunities, LONG)?,
            themes: dedup(draft.themes),
            stakeholders,
            evidence: list("evidence", &draft.evidence, LONG)?,
            adopted_on: draft.adopted_on,
            recorded_at: now,
        };
        Ok(CityEvent {
            city,
            actor,
            at: now,
            change: CityChange::StrategyRecorded(strategy),
        })
    }

    /// Records a new version of the commitment. `city` is the acting city.
    pub fn record_commitment(
        &self,
        actor: AccountId,
        city: CityId,
        now: DateTime<Utc>,
        draft: CommitmentDraft,
    ) -> Result<CityEvent, DomainError> {
        self.check_actor(city)?;
        let political = match draft.political {
            Some(p) => {
                if let Some(on) = p.on {
                    value::happened("political.on", on, now)?;
                }
                Some(PoliticalCommitment {
                    body: clean("political.body", &p.body, SHORT)?,
                    on: p.on,
                    reference: clean("political.reference", &p.reference, SHORT)?,
                })
            }
            None => None,
        };
        let mut priorities = Vec::new();
        for p in draft.priorities {
            let text = clean("priorities.text", &p.text, LONG)?;
            if !text.is_empty() {
                priorities.push(Priority {
                    text,
                    objective: p.objective,
                });
            }
        }
        let mut roles = Vec::new();
        for r in draft.roles {
            self.check_stakeholder("roles.stakeholder", r.stakeholder)?;
            roles.push(StakeholderRole {
                stakeholder: r.stakeholder,
                role: clean("roles.role", &r.role, SHORT)?,
                responsibilities: clean("roles.responsibilities", &r.responsibilities, LONG)?,
            });
        }
        let mut resources = Vec::new();
        for r in draft.resources {
            let amount = match (r.amount, r.currency.as_deref()) {
                (Some(a), Some(c)) => Some(Money::parse_non_negative(a, c)?),
                (None, None) => None,
                (Some(_), None) => {
                    return Err(DomainError::invalid(
                        "resources.currency",
                        "an amount needs a currency",
                    ));
                }
                (None, Some(_)) => {
                    return Err(DomainError::invalid(
                        "resources.amount",
                        "a currency needs an amount",
                    ));
                }
            };
            resources.push(Resource {
                kind: required("resources.kind", &r.kind, SHORT)?,
                description: clean("resources.description", &r.description, LONG)?,
                amount,
            });
        }
        let contact_team = match draft.contact_team {
            Some(t) => Some(ContactTeam {
                name: clean("contactTeam.name", &t.name, SHORT)?,
                members: list("contactTeam.members", &t.members, SHORT)?,
            }),
            None => None,
        };
        let commitment = Commitment {
            version: self.commitment.as_ref().map_or(1, |c| c.version + 1),
            political,
            priorities,
            roles,
            resources,
            contact_team,
            external_stakeholders: list(
                "externalStakeholders",
                &draft.external_stakeholders,
                SHORT,
            )?,
            recorded_at: now,
        };
        Ok(CityEvent {
            city,
            actor,
            at: now,
            change: CityChange::CommitmentRecorded(commitment),
        })
    }

    /// Applies a city event.
    pub fn apply(&mut self, event: &CityEvent) {
        match &event.change {
            CityChange::StrategyRecorded(s) => self.strategy = Some(s.clone()),
            CityChange::CommitmentRecorded(c) => self.commitment = Some(c.clone()),
        }
    }
}
