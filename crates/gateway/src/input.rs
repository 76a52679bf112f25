//! Input types. Each converts into the domain's draft, which the domain checks
//! (ranges, units, dates, parties): the gateway only shapes the input.

use crate::types::*;
use async_graphql::InputObject;
use c2c_domain::outputs as o;
use c2c_domain::standing as st;
use c2c_domain::{CityId, RawValue};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

/// A new identifier, or the one the client chose (to change a record, or to
/// make a retry idempotent).
pub fn id_or_new(id: Option<Uuid>) -> Uuid {
    id.unwrap_or_else(Uuid::now_v7)
}

/// An amount of money.
#[derive(InputObject, Clone, Debug)]
pub struct MoneyInput {
    /// The exact amount, as a decimal string or number.
    pub amount: Decimal,
    /// An ISO 4217 currency code.
    pub currency: String,
}

/// A KPI value: give the field of the KPI's unit.
#[derive(InputObject, Clone, Debug, Default)]
pub struct KpiValueInput {
    /// For `COUNT`: a non-negative integer.
    pub count: Option<i64>,
    /// For `MONEY`: the amount.
    pub amount: Option<Decimal>,
    /// For `MONEY`: the ISO 4217 currency.
    pub currency: Option<String>,
    /// For `PERCENT`: 0 to 100.
    pub percent: Option<Decimal>,
    /// For `SCORE_1_5`: 1 to 5.
    pub score: Option<i64>,
    /// For `TEXT`.
    pub text: Option<String>,
}

impl From<KpiValueInput> for RawValue {
    fn from(v: KpiValueInput) -> Self {
        RawValue {
            count: v.count,
            amount: v.amount,
            currency: v.currency,
            percent: v.percent,
            score: v.score,
            text: v.text,
        }
    }
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

impl From<StrategyInput> for st::StrategyDraft {
    fn from(i: StrategyInput) -> Self {
        st::StrategyDraft {
            vision: i.vision,
            horizon: i.horizon,
            objectives: i
                .objectives
                .into_iter()
                .map(|o| st::Objective {
                    id: id_or_new(o.id).into(),
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

/// An answered selection criterion.
#[derive(InputObject, Clone, Debug)]
pub struct AssessmentItemInput {
    /// Criterion.
    pub criterion: SelectionCriterion,
    /// Answer.
    pub answer: Answer,
    /// Note.
    #[graphql(default)]
    pub note: String,
}

/// An assessment of a candidate counterpart.
#[derive(InputObject, Clone, Debug)]
pub struct AssessmentInput {
    /// The candidate city.
    pub candidate_city_id: Uuid,
    /// When it was made.
    pub on: NaiveDate,
    /// Answers (all twelve for a filled assessment).
    pub items: Vec<AssessmentItemInput>,
}

impl AssessmentInput {
    /// The domain draft.
    pub fn draft(self) -> o::AssessmentDraft {
        o::AssessmentDraft {
            id: Uuid::now_v7().into(),
            candidate: CityId(self.candidate_city_id),
            on: self.on,
            items: self
                .items
                .into_iter()
                .map(|i| o::AssessmentItem {
                    criterion: i.criterion.into(),
                    answer: i.answer.into(),
                    note: i.note,
                })
                .collect(),
        }
    }
}

/// Levels present on one side.
#[derive(InputObject, Clone, Debug, Default)]
pub struct LevelsInput {
    /// Political level.
    #[graphql(default)]
    pub political: bool,
    /// Technical level.
    #[graphql(default)]
    pub technical: bool,
}

/// A meeting, delegation, visit, call or event.
#[derive(InputObject, Clone, Debug)]
pub struct ContactInput {
    /// When.
    pub on: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Direction from the recording city.
    pub direction: ContactDirection,
    /// Levels on the recording city's side.
    #[graphql(default)]
    pub ours: LevelsInput,
    /// Levels on the partner's side.
    #[graphql(default)]
    pub theirs: LevelsInput,
    /// Outcome.
    #[graphql(default)]
    pub outcome: String,
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
}

impl ContactInput {
    /// The domain draft.
    pub fn draft(self) -> o::ContactDraft {
        o::ContactDraft {
            id: Uuid::now_v7().into(),
            on: self.on,
            kind: self.kind.into(),
            direction: self.direction.into(),
            ours: o::Levels {
                political: self.ours.political,
                technical: self.ours.technical,
            },
            theirs: o::Levels {
                political: self.theirs.political,
                technical: self.theirs.technical,
            },
            outcome: self.outcome,
            follow_up_due: self.follow_up_due,
        }
    }
}

/// A framework agreement (unsigned; each city signs with `recordSignature`).
#[derive(InputObject, Clone, Debug)]
pub struct AgreementInput {
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    #[graphql(default)]
    pub areas: Vec<Area>,
    /// Legally binding.
    #[graphql(default)]
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference (a link, a registry entry).
    pub reference: Option<String>,
    /// Last day in force.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<Uuid>,
}

impl AgreementInput {
    /// The domain draft.
    pub fn draft(self) -> o::AgreementDraft {
        o::AgreementDraft {
            id: Uuid::now_v7().into(),
            kind: self.kind.into(),
            title: self.title,
            areas: self.areas.into_iter().map(Into::into).collect(),
            binding: self.binding,
            text: self.text,
            reference: self.reference,
            valid_until: self.valid_until,
            renewal_of: self.renewal_of.map(Into::into),
        }
    }
}

/// A funding source.
#[derive(InputObject, Clone, Debug)]
pub struct FundingInput {
    /// Amount.
    pub amount: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// Source (city budget, EU programme, ...).
    pub source: String,
}

/// An activity of the plan (new, or changed when `id` names one).
#[derive(InputObject, Clone, Debug)]
pub struct ActivityInput {
    /// The activity to change; new if absent.
    pub id: Option<Uuid>,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    #[graphql(default)]
    pub description: String,
    /// Lead city (a party).
    pub lead_city_id: Option<Uuid>,
    /// Lead stakeholder (of the lead city).
    pub lead_stakeholder_id: Option<Uuid>,
    /// Cities involved (default: both).
    #[graphql(default)]
    pub city_ids: Vec<Uuid>,
    /// Funding sources.
    #[graphql(default)]
    pub funding: Vec<FundingInput>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    #[graphql(default)]
    pub expected_results: String,
    /// Other resources.
    #[graphql(default)]
    pub resources: Vec<String>,
}

impl ActivityInput {
    /// The domain draft.
    pub fn draft(self) -> o::ActivityDraft {
        o::ActivityDraft {
            id: id_or_new(self.id).into(),
            title: self.title,
            area: self.area.map(Into::into),
            description: self.description,
            lead_city: self.lead_city_id.map(CityId),
            lead_stakeholder: self.lead_stakeholder_id.map(Into::into),
            cities: self.city_ids.into_iter().map(CityId).collect(),
            funding: self
                .funding
                .into_iter()
                .map(|f| o::FundingDraft {
                    amount: f.amount,
                    currency: f.currency,
                    source: f.source,
                })
                .collect(),
            start: self.start,
            due: self.due,
            expected_results: self.expected_results,
            resources: self.resources,
        }
    }
}

/// The acting city's team for an activity.
#[derive(InputObject, Clone, Debug)]
pub struct TeamInput {
    /// The activity.
    pub activity_id: Uuid,
    /// Name.
    pub name: String,
    /// Members.
    #[graphql(default)]
    pub members: Vec<String>,
    /// Responsibilities.
    #[graphql(default)]
    pub responsibilities: String,
}

/// A progress report.
#[derive(InputObject, Clone, Debug)]
pub struct ProgressInput {
    /// The activity.
    pub activity_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// What was done.
    pub summary: String,
    /// The activity's status after the report.
    pub status: ActivityStatus,
    /// Percent complete, 0 to 100.
    pub percent: Option<i64>,
}

/// A risk (new, or changed when `id` names one).
#[derive(InputObject, Clone, Debug)]
pub struct RiskInput {
    /// The risk to change; new if absent.
    pub id: Option<Uuid>,
    /// The activity.
    pub activity_id: Uuid,
    /// The risk.
    pub description: String,
    /// Likelihood.
    pub likelihood: Level,
    /// Impact.
    pub impact: Level,
    /// Mitigation.
    pub mitigation: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status.
    pub status: RiskStatus,
}

/// A KPI selected in the evaluation framework (new, or changed when `id`
/// names one).
#[derive(InputObject, Clone, Debug)]
pub struct KpiSelectionInput {
    /// The selection to change; new if absent.
    pub id: Option<Uuid>,
    /// KPI code.
    pub kpi_code: String,
    /// The Aim objective it measures.
    pub objective_id: Option<Uuid>,
    /// The target, in the KPI's unit.
    pub target: Option<KpiValueInput>,
    /// The cities that report it.
    #[graphql(default)]
    pub reporting_city_ids: Vec<Uuid>,
}

/// A KPI measurement.
#[derive(InputObject, Clone, Debug)]
pub struct MeasurementInput {
    /// The selection it answers.
    pub selection_id: Uuid,
    /// The reporting city (the acting city).
    pub city_id: Uuid,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// The value, in the KPI's unit.
    pub value: KpiValueInput,
    /// Source or method.
    pub source: String,
    /// Note.
    #[graphql(default)]
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<Uuid>,
}

impl MeasurementInput {
    /// The domain draft.
    pub fn draft(self) -> o::MeasurementDraft {
        o::MeasurementDraft {
            id: Uuid::now_v7().into(),
            selection: self.selection_id.into(),
            city: CityId(self.city_id),
            period_start: self.period_start,
            period_end: self.period_end,
            value: self.value.into(),
            source: self.source,
            note: self.note,
            supersedes: self.supersedes.map(Into::into),
        }
    }
}

/// A feedback entry.
#[derive(InputObject, Clone, Debug)]
pub struct FeedbackInput {
    /// Team or person.
    pub team: String,
    /// Feedback.
    pub text: String,
    /// When.
    pub on: NaiveDate,
}

/// An evaluation of the current cycle.
#[derive(InputObject, Clone, Debug)]
pub struct EvaluationInput {
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// An explicit "no adjustments needed".
    #[graphql(default)]
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
}

/// A decision on an adjustment.
#[derive(InputObject, Clone, Debug)]
pub struct DecisionInput {
    /// The adjustment.
    pub adjustment_id: Uuid,
    /// Approved or rejected.
    pub outcome: Outcome,
    /// When.
    pub on: NaiveDate,
    /// Why.
    #[graphql(default)]
    pub note: String,
}

/// One city's approval of the plan version or the decision set.
#[derive(InputObject, Clone, Debug)]
pub struct ApprovalInput {
    /// What is approved.
    pub subject: ApprovalSubject,
    /// The version approved (must be the current one).
    pub version: u32,
    /// Who approved (a council, a mayor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference of the decision.
    #[graphql(default)]
    pub reference: String,
}

/// The ex-post evaluation of one Aim objective.
#[derive(InputObject, Clone, Debug)]
pub struct ExPostInput {
    /// The objective.
    pub objective_id: Uuid,
    /// What was foreseen.
    pub foreseen: String,
    /// What was achieved.
    pub achieved: String,
    /// The gap.
    pub gap: String,
}

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

impl From<CityInput> for c2c_domain::CityDraft {
    fn from(i: CityInput) -> Self {
        c2c_domain::CityDraft {
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

/// A new account.
#[derive(InputObject, Clone, Debug)]
pub struct AccountInput {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// City of an editor or viewer.
    pub city_id: Option<Uuid>,
}

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
