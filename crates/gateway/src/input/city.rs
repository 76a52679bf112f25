//! City inputs: a new or changed city, a stakeholder, and the city's standing,
//! its strategy (Aim) and commitment (Commit).

use super::common::Given;
use crate::types::{Area, CityLevel, HelixSector, Involvement};
use async_graphql::InputObject;
use c2c_domain::standing as st;
use c2c_domain::{CityDraft, CityId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

/// A new city.
#[derive(InputObject, Clone, Debug)]
pub struct CityInput {
    /// Name.
    pub name: String,
    /// Other known names.
    #[graphql(default)]
    pub other_names: Vec<String>,
    /// Level (default CITY).
    pub level: Option<CityLevel>,
    /// The containing authority.
    pub parent_id: Option<Uuid>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Population.
    pub population: Option<i64>,
    /// ISO 639-1 languages.
    #[graphql(default)]
    pub languages: Vec<String>,
    /// IANA time zone (default UTC).
    #[graphql(default)]
    pub time_zone: String,
    /// Areas of interest.
    #[graphql(default)]
    pub areas: Vec<Area>,
    /// Looking for a partner.
    #[graphql(default)]
    pub looking_for_partner: bool,
}

impl From<CityInput> for CityDraft {
    fn from(i: CityInput) -> Self {
        CityDraft {
            name: i.name,
            other_names: i.other_names,
            level: i.level.map(Into::into),
            parent: i.parent_id.map(CityId),
            country: i.country,
            population: i.population,
            languages: i.languages,
            time_zone: i.time_zone,
            areas: i.areas.into_iter().map(Into::into).collect(),
            looking_for_partner: i.looking_for_partner,
        }
    }
}

/// A new stakeholder.
#[derive(InputObject, Clone, Debug)]
pub struct StakeholderInput {
    /// Name.
    pub name: String,
    /// Helix sector.
    pub sector: HelixSector,
    /// Involvement.
    pub involvement: Involvement,
}

/// A long-term objective; keep its `id` to keep it across versions.
#[derive(InputObject, Clone, Debug)]
pub struct ObjectiveInput {
    /// Identifier (new if absent).
    pub id: Option<Uuid>,
    /// The objective.
    pub text: String,
}

/// A city's strategy (Aim outputs). A draft may be incomplete.
#[derive(InputObject, Clone, Debug)]
pub struct StrategyInput {
    /// Vision.
    #[graphql(default)]
    pub vision: String,
    /// Horizon, e.g. "2035".
    pub horizon: Option<String>,
    /// Long-term objectives.
    #[graphql(default)]
    pub objectives: Vec<ObjectiveInput>,
    /// Challenges.
    #[graphql(default)]
    pub challenges: Vec<String>,
    /// Opportunities.
    #[graphql(default)]
    pub opportunities: Vec<String>,
    /// Cooperation areas.
    #[graphql(default)]
    pub themes: Vec<Area>,
    /// Local stakeholders identified (of the city).
    #[graphql(default)]
    pub stakeholder_ids: Vec<Uuid>,
    /// Evidence: studies, facts and figures.
    #[graphql(default)]
    pub evidence: Vec<String>,
    /// Adopted on.
    pub adopted_on: Option<NaiveDate>,
}

impl From<Given<StrategyInput>> for st::StrategyDraft {
    fn from(Given { input: i, ids, .. }: Given<StrategyInput>) -> Self {
        st::StrategyDraft {
            vision: i.vision,
            horizon: i.horizon,
            objectives: i
                .objectives
                .into_iter()
                .map(|o| st::Objective {
                    id: ids.or_fresh(o.id).into(),
                    text: o.text,
                })
                .collect(),
            challenges: i.challenges,
            opportunities: i.opportunities,
            themes: i.themes.into_iter().map(Into::into).collect(),
            stakeholders: i.stakeholder_ids.into_iter().map(Into::into).collect(),
            evidence: i.evidence,
            adopted_on: i.adopted_on,
        }
    }
}

/// An amount of money.
#[derive(InputObject, Clone, Debug)]
pub struct MoneyInput {
    /// The exact amount, as a decimal string or number.
    pub amount: Decimal,
    /// An ISO 4217 currency code.
    pub currency: String,
}

/// A political commitment.
#[derive(InputObject, Clone, Debug)]
pub struct PoliticalCommitmentInput {
    /// Approving body or person.
    pub body: String,
    /// Date of the decision.
    pub on: Option<NaiveDate>,
    /// Reference of the decision.
    #[graphql(default)]
    pub reference: String,
}

/// A priority, linked to an Aim objective.
#[derive(InputObject, Clone, Debug)]
pub struct PriorityInput {
    /// The priority.
    pub text: String,
    /// The objective it serves.
    pub objective_id: Option<Uuid>,
}

/// A stakeholder's role.
#[derive(InputObject, Clone, Debug)]
pub struct StakeholderRoleInput {
    /// Stakeholder (of the city).
    pub stakeholder_id: Uuid,
    /// Role.
    pub role: String,
    /// Responsibilities.
    pub responsibilities: String,
}

/// A committed resource.
#[derive(InputObject, Clone, Debug)]
pub struct ResourceInput {
    /// Kind: budget, staff, in kind, infrastructure, ...
    pub kind: String,
    /// Description.
    #[graphql(default)]
    pub description: String,
    /// Value.
    pub amount: Option<MoneyInput>,
}

/// A contact team.
#[derive(InputObject, Clone, Debug)]
pub struct ContactTeamInput {
    /// Name.
    pub name: String,
    /// Members.
    #[graphql(default)]
    pub members: Vec<String>,
}

/// A city's commitment (Commit outputs). A draft may be incomplete.
#[derive(InputObject, Clone, Debug)]
pub struct CommitmentInput {
    /// Political commitment.
    pub political: Option<PoliticalCommitmentInput>,
    /// Priorities.
    #[graphql(default)]
    pub priorities: Vec<PriorityInput>,
    /// Stakeholder roles.
    #[graphql(default)]
    pub roles: Vec<StakeholderRoleInput>,
    /// Resources.
    #[graphql(default)]
    pub resources: Vec<ResourceInput>,
    /// Contact team.
    pub contact_team: Option<ContactTeamInput>,
    /// External stakeholders.
    #[graphql(default)]
    pub external_stakeholders: Vec<String>,
}

impl From<CommitmentInput> for st::CommitmentDraft {
    fn from(i: CommitmentInput) -> Self {
        st::CommitmentDraft {
            political: i.political.map(|p| st::PoliticalCommitment {
                body: p.body,
                on: p.on,
                reference: p.reference,
            }),
            priorities: i
                .priorities
                .into_iter()
                .map(|p| st::Priority {
                    text: p.text,
                    objective: p.objective_id.map(Into::into),
                })
                .collect(),
            roles: i
                .roles
                .into_iter()
                .map(|r| st::StakeholderRole {
                    stakeholder: r.stakeholder_id.into(),
                    role: r.role,
                    responsibilities: r.responsibilities,
                })
                .collect(),
            resources: i
                .resources
                .into_iter()
                .map(|r| st::ResourceDraft {
                    kind: r.kind,
                    description: r.description,
                    amount: r.amount.as_ref().map(|m| m.amount),
                    currency: r.amount.map(|m| m.currency),
                })
                .collect(),
            contact_team: i.contact_team.map(|t| st::ContactTeam {
                name: t.name,
                members: t.members,
            }),
            external_stakeholders: i.external_stakeholders,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::common::Ids;

    #[test]
    fn a_strategy_keeps_the_objective_ids_the_client_chose_and_takes_new_ones_from_its_source() {
        let kept = Uuid::from_u128(7);
        let objective = |id, text: &str| ObjectiveInput {
            id,
            text: text.to_owned(),
        };
        let input = StrategyInput {
            vision: "A bridge between two ports".to_owned(),
            horizon: None,
            objectives: vec![objective(Some(kept), "trade"), objective(None, "culture")],
            challenges: Vec::new(),
            opportunities: Vec::new(),
            themes: Vec::new(),
            stakeholder_ids: Vec::new(),
            evidence: Vec::new(),
            adopted_on: None,
        };
        let given = Given {
            ids: Ids::NIL,
            ..Given::new(input)
        };
        let draft = st::StrategyDraft::from(given);
        let ids: Vec<Uuid> = draft.objectives.iter().map(|o| o.id.0).collect();
        assert_eq!(ids, [kept, Uuid::nil()]);
    }
}
