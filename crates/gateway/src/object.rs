//! Output types, written by hand over the domain's types (never derived on a
//! storage row). Nested reads go through the request's loaders.

use crate::context::{loaders, viewer};
use crate::error::{GatewayError, Result};
use crate::loader::{ReasonKey, loaded};
use crate::types::*;
use async_graphql::{ComplexObject, Context, Object, SimpleObject};
use c2c_domain::narrative::{MoveRule as DomainMoveRule, Narrative};
use c2c_domain::outputs as o;
use c2c_domain::{City, CityId, Criterion, Partnership, PartnershipId};
use c2c_store::StoredEvent;
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::Arc;
use uuid::Uuid;

// ------------------------------------------------------------------ narrative

/// The narrative as data: steps with their exit criteria, loops, start rules
/// and every allowed move.
#[derive(Clone, Copy, Debug)]
pub struct NarrativeNode(pub &'static Narrative);

/// An exit criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct CriterionDef {
    /// The stable code, e.g. `PARTNER_AGREEMENT`.
    pub code: String,
    /// The step whose exit it guards.
    pub step: Step,
    /// The rule.
    pub rule: String,
}

impl From<Criterion> for CriterionDef {
    fn from(c: Criterion) -> Self {
        CriterionDef {
            code: c.code().to_owned(),
            step: c.step().into(),
            rule: c.rule().to_owned(),
        }
    }
}

/// A step of the narrative.
#[derive(SimpleObject, Clone, Debug)]
pub struct NarrativeStep {
    /// The step.
    pub step: Step,
    /// The question it answers.
    pub question: String,
    /// Only the initiator may move a partnership out of it.
    pub initiator_only: bool,
    /// Its exit criteria.
    pub criteria: Vec<CriterionDef>,
}

/// A loop of the narrative.
#[derive(SimpleObject, Clone, Debug)]
pub struct NarrativeLoop {
    /// The loop.
    #[graphql(name = "loop")]
    pub loop_: Loop,
    /// Its path of steps.
    pub steps: Vec<Step>,
    /// Where it closes.
    pub closes_at: Step,
    /// Where it re-enters.
    pub reenters: Step,
    /// Same partnership, or a new one.
    pub reentry: Reentry,
    /// What it means.
    pub meaning: String,
}

/// How a partnership may start.
#[derive(SimpleObject, Clone, Debug)]
pub struct StartRule {
    /// The first step.
    pub step: Step,
    /// The loop of the first cycle.
    #[graphql(name = "loop")]
    pub loop_: Loop,
}

/// A move the narrative allows.
#[derive(SimpleObject, Clone, Debug)]
pub struct MoveRule {
    /// The loop of the current cycle.
    pub within: Loop,
    /// The step the partnership is at.
    pub from: Step,
    /// The move.
    #[graphql(name = "move")]
    pub kind: MoveKind,
    /// The loop it closes (loop back, spawn).
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// The step after the move.
    pub target: Option<Step>,
}

impl From<DomainMoveRule> for MoveRule {
    fn from(r: DomainMoveRule) -> Self {
        MoveRule {
            within: r.within.into(),
            from: r.from.into(),
            kind: r.allowed.kind.into(),
            loop_: r.allowed.loop_.map(Into::into),
            target: r.allowed.target.map(Into::into),
        }
    }
}

#[Object(name = "Narrative")]
impl NarrativeNode {
    /// The eight steps, in order.
    async fn steps(&self) -> Vec<NarrativeStep> {
        self.0
            .steps
            .iter()
            .map(|d| NarrativeStep {
                step: d.step.into(),
                question: d.question.to_owned(),
                initiator_only: d.initiator_only,
                criteria: d.criteria.iter().map(|c| (*c).into()).collect(),
            })
            .collect()
    }

    /// The four loops.
    async fn loops(&self) -> Vec<NarrativeLoop> {
        self.0
            .loops
            .iter()
            .map(|d| NarrativeLoop {
                loop_: d.loop_.into(),
                steps: d.steps.iter().map(|s| (*s).into()).collect(),
                closes_at: d.closes_at.into(),
                reenters: d.reenters.into(),
                reentry: d.reentry.into(),
                meaning: d.meaning.to_owned(),
            })
            .collect()
    }

    /// Where a partnership may start.
    async fn starts(&self) -> Vec<StartRule> {
        self.0
            .starts
            .iter()
            .map(|r| StartRule {
                step: r.step.into(),
                loop_: r.loop_.into(),
            })
            .collect()
    }

    /// Every move allowed to an active partnership, by loop and step.
    async fn moves(&self) -> Vec<MoveRule> {
        self.0.move_table().into_iter().map(Into::into).collect()
    }

    /// Every exit criterion.
    async fn criteria(&self) -> Vec<CriterionDef> {
        self.0
            .steps
            .iter()
            .flat_map(|d| d.criteria.iter())
            .map(|c| (*c).into())
            .collect()
    }
}

// ------------------------------------------------------------------ cities

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
        if !viewer(ctx)?.can_see_standing_of(self.0.id) {
            return Err(GatewayError::forbidden(
                "a city's strategy is visible to that city and to operators only",
            )
            .into());
        }
        let standing = loaded(loaders(ctx)?.standings.load_one(self.0.id).await)?;
        Ok(standing.and_then(|s| s.strategy.as_ref().map(|x| Strategy::of(self.0.id, x))))
    }
    /// Its commitment in force: visible to the city itself and to operators.
    async fn commitment(&self, ctx: &Context<'_>) -> Result<Option<Commitment>> {
        if !viewer(ctx)?.can_see_standing_of(self.0.id) {
            return Err(GatewayError::forbidden(
                "a city's commitment is visible to that city and to operators only",
            )
            .into());
        }
        let standing = loaded(loaders(ctx)?.standings.load_one(self.0.id).await)?;
        Ok(standing.and_then(|s| s.commitment.as_ref().map(|x| Commitment::of(self.0.id, x))))
    }
}

/// A city by identifier, through the request's loader.
pub async fn city(ctx: &Context<'_>, id: CityId) -> Result<Option<CityNode>> {
    Ok(loaded(loaders(ctx)?.cities.load_one(id).await)?.map(CityNode))
}

// ------------------------------------------------------------------ history

/// An event of the history: who did what, for which city, when, and where the
/// partnership stood after it.
#[derive(Clone, Debug)]
pub struct EventNode(pub Arc<StoredEvent>);

#[Object(name = "Event")]
impl EventNode {
    /// Identifier.
    async fn id(&self) -> Uuid {
        self.0.id.0
    }
    /// Position in the whole history.
    async fn seq(&self) -> i64 {
        self.0.seq
    }
    /// The kind, e.g. `ADVANCED`, `MEASUREMENT_RECORDED`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// The partnership (none for a city's own strategy or commitment).
    async fn partnership_id(&self) -> Option<Uuid> {
        self.0.partnership.map(|p| p.0)
    }
    /// The acting account.
    async fn actor_id(&self) -> Uuid {
        self.0.actor.0
    }
    /// The acting city.
    async fn city_id(&self) -> Uuid {
        self.0.city.0
    }
    /// The acting city.
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        city(ctx, self.0.city).await
    }
    /// The step after the event.
    async fn step(&self) -> Option<Step> {
        self.0.step.map(Into::into)
    }
    /// The loop after the event.
    #[graphql(name = "loop")]
    async fn loop_(&self) -> Option<Loop> {
        self.0.loop_.map(Into::into)
    }
    /// The cycle after the event.
    async fn cycle(&self) -> Option<u32> {
        self.0.cycle
    }
    /// The status after the event.
    async fn status(&self) -> Option<Status> {
        self.0.status.map(Into::into)
    }
    /// The partnership's version after the event.
    async fn version(&self) -> Option<u64> {
        self.0.version
    }
    /// When it happened.
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// When it was recorded.
    async fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
    }
    /// What changed, as JSON.
    async fn payload(&self) -> async_graphql::Json<serde_json::Value> {
        async_graphql::Json(self.0.payload.clone())
    }
}

// ------------------------------------------------------------------ readiness

/// An unmet exit criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct UnmetCriterion {
    /// Its code.
    pub code: String,
    /// What is missing.
    pub message: String,
}

/// A move allowed from here: whether it is ready, and what blocks it.
#[derive(SimpleObject, Clone, Debug)]
pub struct Readiness {
    /// The move.
    #[graphql(name = "move")]
    pub kind: MoveKind,
    /// The loop it closes (loop back, spawn).
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// The step after the move.
    pub target: Option<Step>,
    /// No criterion blocks it.
    pub ready: bool,
    /// Every unmet criterion.
    pub unmet: Vec<UnmetCriterion>,
}

// ------------------------------------------------------------------ outputs

/// An answered selection criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct AssessmentItem {
    /// Criterion.
    pub criterion: SelectionCriterion,
    /// Its group.
    pub group: CriterionGroup,
    /// Answer.
    pub answer: Answer,
    /// Note.
    pub note: String,
}

/// A selection-criteria assessment of a candidate counterpart.
#[derive(SimpleObject, Clone, Debug)]
pub struct Assessment {
    /// Identifier.
    pub id: Uuid,
    /// Assessing city.
    pub city_id: Uuid,
    /// Candidate.
    pub candidate_city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Every criterion answered.
    pub filled: bool,
    /// Answers.
    pub items: Vec<AssessmentItem>,
}

/// Levels present on one side of a contact.
#[derive(SimpleObject, Clone, Debug)]
pub struct Levels {
    /// Political level.
    pub political: bool,
    /// Technical level.
    pub technical: bool,
}

/// A meeting, delegation, visit, call or event.
#[derive(SimpleObject, Clone, Debug)]
pub struct Contact {
    /// Identifier.
    pub id: Uuid,
    /// Recording city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Direction from the recording city.
    pub direction: ContactDirection,
    /// Levels on the recording city's side.
    pub ours: Levels,
    /// Levels on the partner's side.
    pub theirs: Levels,
    /// Outcome.
    pub outcome: String,
    /// Follow-up due.
    pub follow_up_due: Option<NaiveDate>,
    /// Followed up on.
    pub followed_up_on: Option<NaiveDate>,
    /// Follow-up note.
    pub follow_up_note: Option<String>,
    /// Cycle.
    pub cycle: u32,
}

/// One city's signature.
#[derive(SimpleObject, Clone, Debug)]
pub struct Signature {
    /// City.
    pub city_id: Uuid,
    /// Signatory.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: Option<String>,
}

/// A framework agreement with its signatures.
#[derive(SimpleObject, Clone, Debug)]
pub struct Agreement {
    /// Identifier.
    pub id: Uuid,
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    pub areas: Vec<Area>,
    /// Binding.
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Last day in force.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<Uuid>,
    /// Signatures.
    pub signatures: Vec<Signature>,
    /// Signed by both cities on (the later signature).
    pub signed_on: Option<NaiveDate>,
}

/// One city's agreement to a first priority area.
#[derive(SimpleObject, Clone, Debug)]
pub struct FirstPriority {
    /// Area.
    pub area: Area,
    /// City.
    pub city_id: Uuid,
    /// Who.
    pub by: String,
    /// When.
    pub on: NaiveDate,
}

/// A funding source.
#[derive(SimpleObject, Clone, Debug)]
pub struct Funding {
    /// How much.
    pub money: Money,
    /// From where.
    pub source: String,
}

/// A team of one city.
#[derive(SimpleObject, Clone, Debug)]
pub struct Team {
    /// City.
    pub city_id: Uuid,
    /// Name.
    pub name: String,
    /// Members.
    pub members: Vec<String>,
    /// Responsibilities.
    pub responsibilities: String,
}

/// A progress report.
#[derive(SimpleObject, Clone, Debug)]
pub struct ProgressReport {
    /// Identifier.
    pub id: Uuid,
    /// Reporting city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Summary.
    pub summary: String,
    /// Status after the report.
    pub status: ActivityStatus,
    /// Percent complete.
    pub percent: Option<u8>,
    /// Cycle.
    pub cycle: u32,
}

/// A risk.
#[derive(SimpleObject, Clone, Debug)]
pub struct Risk {
    /// Identifier.
    pub id: Uuid,
    /// Recording city.
    pub city_id: Uuid,
    /// The risk.
    pub description: String,
    /// Likelihood.
    pub likelihood: Level,
    /// Impact.
    pub impact: Level,
    /// High: likelihood or impact high.
    pub high: bool,
    /// Mitigation.
    pub mitigation: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status.
    pub status: RiskStatus,
}

/// An activity of the cooperation plan.
#[derive(SimpleObject, Clone, Debug)]
pub struct Activity {
    /// Identifier.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    pub description: String,
    /// Lead city.
    pub lead_city_id: Option<Uuid>,
    /// Lead stakeholder.
    pub lead_stakeholder_id: Option<Uuid>,
    /// Cities involved (empty: both).
    pub city_ids: Vec<Uuid>,
    /// Funding.
    pub funding: Vec<Funding>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    pub expected_results: String,
    /// Other resources.
    pub resources: Vec<String>,
    /// Status.
    pub status: ActivityStatus,
    /// Teams.
    pub teams: Vec<Team>,
    /// Progress reports.
    pub progress: Vec<ProgressReport>,
    /// Risks.
    pub risks: Vec<Risk>,
}

/// One city's political approval.
#[derive(SimpleObject, Clone, Debug)]
pub struct Approval {
    /// What.
    pub subject: ApprovalSubject,
    /// Version approved.
    pub version: u32,
    /// Cycle.
    pub cycle: u32,
    /// City.
    pub city_id: Uuid,
    /// Who.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: String,
}

/// The cooperation plan.
#[derive(SimpleObject, Clone, Debug)]
pub struct Plan {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Current version.
    pub version: u32,
    /// Activities.
    pub activities: Vec<Activity>,
    /// Approvals of the current version.
    pub approvals: Vec<Approval>,
}

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

/// A measurement.
#[derive(SimpleObject, Clone, Debug)]
pub struct Measurement {
    /// Identifier.
    pub id: Uuid,
    /// The selection it answers.
    pub selection_id: Uuid,
    /// Reporting city.
    pub city_id: Uuid,
    /// First day.
    pub period_start: NaiveDate,
    /// Last day.
    pub period_end: NaiveDate,
    /// Value.
    pub value: KpiValue,
    /// Source or method.
    pub source: String,
    /// Note.
    pub note: String,
    /// The measurement it corrects.
    pub supersedes: Option<Uuid>,
    /// Whether a later correction supersedes it.
    pub superseded: bool,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Cycle.
    pub cycle: u32,
}

/// A KPI selected in the evaluation framework.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct KpiSelection {
    /// Identifier.
    pub id: Uuid,
    /// KPI code.
    pub kpi_code: String,
    /// Unit.
    pub unit: Unit,
    /// Aim objective.
    pub objective_id: Option<Uuid>,
    /// Target.
    pub target: Option<KpiValue>,
    /// Reporting cities.
    pub reporting_city_ids: Vec<Uuid>,
    /// Every measurement, corrections included, oldest first.
    pub measurements: Vec<Measurement>,
    /// The latest measurement of each reporting city that no correction
    /// supersedes.
    pub latest_measurements: Vec<Measurement>,
}

#[ComplexObject]
impl KpiSelection {
    /// The KPI's definition.
    async fn kpi(&self, ctx: &Context<'_>) -> Result<Option<KpiDefinition>> {
        let d = loaded(loaders(ctx)?.kpis.load_one(self.kpi_code.clone()).await)?;
        Ok(d.map(|d| d.as_ref().into()))
    }
}

/// A feedback entry.
#[derive(SimpleObject, Clone, Debug)]
pub struct Feedback {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Team or person.
    pub team: String,
    /// Text.
    pub text: String,
    /// When.
    pub on: NaiveDate,
    /// Cycle.
    pub cycle: u32,
}

/// An evaluation of a cycle.
#[derive(SimpleObject, Clone, Debug)]
pub struct Evaluation {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Strengths.
    pub strengths: String,
    /// Challenges.
    pub challenges: String,
    /// Explicit "no adjustments".
    pub no_adjustments: bool,
    /// When.
    pub on: NaiveDate,
    /// Cycle.
    pub cycle: u32,
}

/// A decision on an adjustment.
#[derive(SimpleObject, Clone, Debug)]
pub struct Decision {
    /// Approved or rejected.
    pub outcome: Outcome,
    /// Deciding city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Why.
    pub note: String,
}

/// A proposed adjustment.
#[derive(SimpleObject, Clone, Debug)]
pub struct Adjustment {
    /// Identifier.
    pub id: Uuid,
    /// Proposing city.
    pub city_id: Uuid,
    /// Proposal.
    pub proposal: String,
    /// Decision.
    pub decision: Option<Decision>,
    /// Cycle.
    pub cycle: u32,
}

/// A lesson.
#[derive(SimpleObject, Clone, Debug)]
pub struct Lesson {
    /// Identifier.
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Kind.
    pub kind: LessonKind,
    /// Text.
    pub text: String,
    /// Cycle.
    pub cycle: u32,
}

/// The ex-post evaluation of an objective.
#[derive(SimpleObject, Clone, Debug)]
pub struct ExPost {
    /// Objective.
    pub objective_id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Foreseen.
    pub foreseen: String,
    /// Achieved.
    pub achieved: String,
    /// Gap.
    pub gap: String,
    /// Cycle.
    pub cycle: u32,
}

fn measurement(m: &o::Measurement, all: &[o::Measurement]) -> Measurement {
    Measurement {
        id: m.id.0,
        selection_id: m.selection.0,
        city_id: m.city.0,
        period_start: m.period.start,
        period_end: m.period.end,
        value: (&m.value).into(),
        source: m.source.clone(),
        note: m.note.clone(),
        supersedes: m.supersedes.map(|s| s.0),
        superseded: all.iter().any(|x| x.supersedes == Some(m.id)),
        recorded_by: m.recorded_by.0,
        recorded_at: m.recorded_at,
        cycle: m.cycle,
    }
}

fn activity(a: &o::Activity) -> Activity {
    let p = &a.plan;
    Activity {
        id: p.id.0,
        title: p.title.clone(),
        area: p.area.map(Into::into),
        description: p.description.clone(),
        lead_city_id: p.lead_city.map(|c| c.0),
        lead_stakeholder_id: p.lead_stakeholder.map(|s| s.0),
        city_ids: p.cities.iter().map(|c| c.0).collect(),
        funding: p
            .funding
            .iter()
            .map(|f| Funding {
                money: (&f.money).into(),
                source: f.source.clone(),
            })
            .collect(),
        start: p.start,
        due: p.due,
        expected_results: p.expected_results.clone(),
        resources: p.resources.clone(),
        status: a.status.into(),
        teams: a
            .teams
            .iter()
            .map(|t| Team {
                city_id: t.city.0,
                name: t.name.clone(),
                members: t.members.clone(),
                responsibilities: t.responsibilities.clone(),
            })
            .collect(),
        progress: a
            .progress
            .iter()
            .map(|r| ProgressReport {
                id: r.id.0,
                city_id: r.city.0,
                on: r.on,
                summary: r.summary.clone(),
                status: r.status.into(),
                percent: r.percent,
                cycle: r.cycle,
            })
            .collect(),
        risks: a
            .risks
            .iter()
            .map(|r| Risk {
                id: r.id.0,
                city_id: r.city.0,
                description: r.description.clone(),
                likelihood: r.likelihood.into(),
                impact: r.impact.into(),
                high: r.is_high(),
                mitigation: r.mitigation.clone(),
                owner: r.owner.clone(),
                status: r.status.into(),
            })
            .collect(),
    }
}

fn approval(a: &o::Approval) -> Approval {
    Approval {
        subject: a.subject.into(),
        version: a.version,
        cycle: a.cycle,
        city_id: a.city.0,
        by: a.by.clone(),
        on: a.on,
        reference: a.reference.clone(),
    }
}

// ------------------------------------------------------------------ partnership

/// A partnership between two cities (one, at Aim and Commit).
#[derive(Clone, Debug)]
pub struct PartnershipNode(pub Arc<Partnership>);

impl PartnershipNode {
    fn p(&self) -> &c2c_domain::partnership::Snapshot {
        self.0.snapshot()
    }
    fn outputs(&self) -> &o::Outputs {
        self.0.outputs()
    }
}

/// A partnership by identifier, if it exists and the viewer may see it:
/// `NOT_FOUND` or `FORBIDDEN` otherwise.
pub async fn partnership(ctx: &Context<'_>, id: PartnershipId) -> Result<PartnershipNode> {
    let v = viewer(ctx)?;
    let p = loaded(loaders(ctx)?.partnerships.load_one(id).await)?
        .ok_or_else(|| GatewayError::not_found("partnership", id))?;
    if !v.can_see(&p) {
        return Err(GatewayError::forbidden(
            "this partnership is visible to its two cities and to operators only",
        )
        .into());
    }
    Ok(PartnershipNode(p))
}

#[Object(name = "Partnership")]
impl PartnershipNode {
    /// Identifier.
    async fn id(&self) -> Uuid {
        self.p().id.0
    }
    /// The city that started it.
    async fn initiator(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        city(ctx, self.p().initiator).await
    }
    /// The counterpart city, from Partner on.
    async fn counterpart(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.p().counterpart {
            Some(c) => city(ctx, c).await,
            None => Ok(None),
        }
    }
    /// The partnership it was spawned from.
    async fn origin_id(&self) -> Option<Uuid> {
        self.p().origin.map(|o| o.0)
    }
    /// The current step.
    async fn step(&self) -> Step {
        self.p().state.step.into()
    }
    /// The loop of the current cycle.
    #[graphql(name = "loop")]
    async fn loop_(&self) -> Loop {
        self.p().state.loop_.into()
    }
    /// The cycle: 1, then +1 at every loop back.
    async fn cycle(&self) -> u32 {
        self.p().state.cycle
    }
    /// The status.
    async fn status(&self) -> Status {
        self.p().state.status.into()
    }
    /// Why it was suspended or terminated.
    async fn status_reason(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if matches!(
            self.p().state.status,
            c2c_domain::Status::Active | c2c_domain::Status::Concluded
        ) {
            return Ok(None);
        }
        loaded(loaders(ctx)?.reasons.load_one(ReasonKey(self.p().id)).await)
    }
    /// The version: send it back as `expectedVersion` to change the partnership.
    async fn version(&self) -> u64 {
        self.p().version
    }
    /// When it started.
    async fn started_at(&self) -> DateTime<Utc> {
        self.p().started_at
    }
    /// When its state last changed.
    async fn last_move_at(&self) -> DateTime<Utc> {
        self.p().last_move_at
    }
    /// Starting notes (a spawned partnership's copy of its origin's success factors).
    async fn starting_notes(&self) -> &[String] {
        &self.p().starting_notes
    }
    /// The versions of the initiator's strategy and commitment it relies on.
    async fn strategy_version(&self) -> Option<u32> {
        self.p().strategy_version
    }
    /// See `strategyVersion`.
    async fn commitment_version(&self) -> Option<u32> {
        self.p().commitment_version
    }
    /// Every move allowed from here, whether it is ready, and every unmet
    /// criterion. `on` is the date of the move (default: today).
    async fn readiness(&self, on: Option<NaiveDate>) -> Vec<Readiness> {
        let on = on.unwrap_or_else(|| Utc::now().date_naive());
        self.0
            .readiness(on)
            .into_iter()
            .map(|r| Readiness {
                kind: r.allowed.kind.into(),
                loop_: r.allowed.loop_.map(Into::into),
                target: r.allowed.target.map(Into::into),
                ready: r.ready,
                unmet: r
                    .unmet
                    .into_iter()
                    .map(|u| UnmetCriterion {
                        code: u.criterion.code().to_owned(),
                        message: u.message,
                    })
                    .collect(),
            })
            .collect()
    }
    /// The history: every event, oldest first.
    async fn history(&self, ctx: &Context<'_>) -> Result<Vec<EventNode>> {
        let events = loaded(loaders(ctx)?.histories.load_one(self.p().id).await)?;
        Ok(events
            .map(|list| {
                list.iter()
                    .cloned()
                    .map(|e| EventNode(Arc::new(e)))
                    .collect()
            })
            .unwrap_or_default())
    }
    /// The initiator's strategy in force: visible to the initiator and to
    /// operators only.
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        let p = self.p();
        if !viewer(ctx)?.can_see_standing_of(p.initiator) {
            return Err(GatewayError::forbidden(
                "the initiator's strategy is visible to the initiator and to operators only",
            )
            .into());
        }
        Ok(p.standing
            .strategy
            .as_ref()
            .map(|s| Strategy::of(p.initiator, s)))
    }
    /// The initiator's commitment in force: visible to the initiator and to
    /// operators only.
    async fn commitment(&self, ctx: &Context<'_>) -> Result<Option<Commitment>> {
        let p = self.p();
        if !viewer(ctx)?.can_see_standing_of(p.initiator) {
            return Err(GatewayError::forbidden(
                "the initiator's commitment is visible to the initiator and to operators only",
            )
            .into());
        }
        Ok(p.standing
            .commitment
            .as_ref()
            .map(|c| Commitment::of(p.initiator, c)))
    }
    /// Assessments of candidate counterparts.
    async fn assessments(&self) -> Vec<Assessment> {
        self.outputs()
            .assessments
            .iter()
            .map(|a| Assessment {
                id: a.id.0,
                city_id: a.city.0,
                candidate_city_id: a.candidate.0,
                on: a.on,
                filled: a.is_filled(),
                items: a
                    .items
                    .iter()
                    .map(|i| AssessmentItem {
                        criterion: i.criterion.into(),
                        group: i.criterion.group().into(),
                        answer: i.answer.into(),
                        note: i.note.clone(),
                    })
                    .collect(),
            })
            .collect()
    }
    /// Contacts.
    async fn contacts(&self) -> Vec<Contact> {
        self.outputs()
            .contacts
            .iter()
            .map(|c| Contact {
                id: c.id.0,
                city_id: c.city.0,
                on: c.on,
                kind: c.kind.into(),
                direction: c.direction.into(),
                ours: Levels {
                    political: c.ours.political,
                    technical: c.ours.technical,
                },
                theirs: Levels {
                    political: c.theirs.political,
                    technical: c.theirs.technical,
                },
                outcome: c.outcome.clone(),
                follow_up_due: c.follow_up_due,
                followed_up_on: c.followed_up_on,
                follow_up_note: c.follow_up_note.clone(),
                cycle: c.cycle,
            })
            .collect()
    }
    /// Agreements with their signatures.
    async fn agreements(&self) -> Vec<Agreement> {
        let p = self.p();
        self.outputs()
            .agreements
            .iter()
            .map(|a| Agreement {
                id: a.id.0,
                kind: a.kind.into(),
                title: a.title.clone(),
                areas: a.areas.iter().map(|x| (*x).into()).collect(),
                binding: a.binding,
                text: a.text.clone(),
                reference: a.reference.clone(),
                valid_until: a.valid_until,
                renewal_of: a.renewal_of.map(|r| r.0),
                signatures: a
                    .signatures
                    .iter()
                    .map(|s| Signature {
                        city_id: s.city.0,
                        by: s.by.clone(),
                        on: s.on,
                        reference: s.reference.clone(),
                    })
                    .collect(),
                signed_on: p.counterpart.and_then(|c| a.signed_on(p.initiator, c)),
            })
            .collect()
    }
    /// First priority areas, as each city agreed them.
    async fn first_priorities(&self) -> Vec<FirstPriority> {
        self.outputs()
            .priorities
            .iter()
            .map(|x| FirstPriority {
                area: x.area.into(),
                city_id: x.city.0,
                by: x.by.clone(),
                on: x.on,
            })
            .collect()
    }
    /// The cooperation plan.
    async fn plan(&self) -> Option<Plan> {
        let out = self.outputs();
        out.plan.as_ref().map(|plan| Plan {
            title: plan.title.clone(),
            summary: plan.summary.clone(),
            version: plan.version,
            activities: plan.activities.iter().map(activity).collect(),
            approvals: out
                .approvals
                .iter()
                .filter(|a| a.subject == o::ApprovalSubject::Plan && a.version == plan.version)
                .map(approval)
                .collect(),
        })
    }
    /// The evaluation framework: KPI selections with their measurements.
    async fn kpi_selections(&self) -> Vec<KpiSelection> {
        let out = self.outputs();
        out.selections
            .iter()
            .map(|s| {
                let mine: Vec<&o::Measurement> = out
                    .measurements
                    .iter()
                    .filter(|m| m.selection == s.id)
                    .collect();
                let latest = s
                    .reporting
                    .iter()
                    .filter_map(|city| {
                        mine.iter()
                            .filter(|m| m.city == *city)
                            .filter(|m| {
                                !out.measurements.iter().any(|x| x.supersedes == Some(m.id))
                            })
                            .max_by_key(|m| (m.period.end, m.recorded_at))
                            .map(|m| measurement(m, &out.measurements))
                    })
                    .collect();
                KpiSelection {
                    id: s.id.0,
                    kpi_code: s.kpi.to_string(),
                    unit: s.unit.into(),
                    objective_id: s.objective.map(|x| x.0),
                    target: s.target.as_ref().map(Into::into),
                    reporting_city_ids: s.reporting.iter().map(|c| c.0).collect(),
                    measurements: mine
                        .iter()
                        .map(|m| measurement(m, &out.measurements))
                        .collect(),
                    latest_measurements: latest,
                }
            })
            .collect()
    }
    /// Every measurement, corrections included.
    async fn measurements(&self) -> Vec<Measurement> {
        let all = &self.outputs().measurements;
        all.iter().map(|m| measurement(m, all)).collect()
    }
    /// Feedback from the teams.
    async fn feedback(&self) -> Vec<Feedback> {
        self.outputs()
            .feedback
            .iter()
            .map(|f| Feedback {
                id: f.id.0,
                city_id: f.city.0,
                team: f.team.clone(),
                text: f.text.clone(),
                on: f.on,
                cycle: f.cycle,
            })
            .collect()
    }
    /// Evaluations.
    async fn evaluations(&self) -> Vec<Evaluation> {
        self.outputs()
            .evaluations
            .iter()
            .map(|e| Evaluation {
                id: e.id.0,
                city_id: e.city.0,
                strengths: e.strengths.clone(),
                challenges: e.challenges.clone(),
                no_adjustments: e.no_adjustments,
                on: e.on,
                cycle: e.cycle,
            })
            .collect()
    }
    /// Adjustments and their decisions.
    async fn adjustments(&self) -> Vec<Adjustment> {
        self.outputs()
            .adjustments
            .iter()
            .map(|a| Adjustment {
                id: a.id.0,
                city_id: a.city.0,
                proposal: a.proposal.clone(),
                decision: a.decision.as_ref().map(|d| Decision {
                    outcome: d.outcome.into(),
                    city_id: d.city.0,
                    on: d.on,
                    note: d.note.clone(),
                }),
                cycle: a.cycle,
            })
            .collect()
    }
    /// The version of the current cycle's decision set.
    async fn decisions_version(&self) -> u32 {
        self.outputs().decisions_version
    }
    /// Every approval (plan versions and decision sets).
    async fn approvals(&self) -> Vec<Approval> {
        self.outputs().approvals.iter().map(approval).collect()
    }
    /// Lessons.
    async fn lessons(&self) -> Vec<Lesson> {
        self.outputs()
            .lessons
            .iter()
            .map(|l| Lesson {
                id: l.id.0,
                city_id: l.city.0,
                kind: l.kind.into(),
                text: l.text.clone(),
                cycle: l.cycle,
            })
            .collect()
    }
    /// Ex-post evaluations.
    async fn ex_post(&self) -> Vec<ExPost> {
        self.outputs()
            .ex_post
            .iter()
            .map(|e| ExPost {
                objective_id: e.objective.0,
                city_id: e.city.0,
                foreseen: e.foreseen.clone(),
                achieved: e.achieved.clone(),
                gap: e.gap.clone(),
                cycle: e.cycle,
            })
            .collect()
    }
}

// ------------------------------------------------------------------ accounts

/// An account.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Account {
    /// Identifier.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// City of an editor or viewer.
    pub city_id: Option<Uuid>,
    /// Created at.
    pub created_at: DateTime<Utc>,
    /// Disabled at (its tokens no longer work).
    pub disabled_at: Option<DateTime<Utc>>,
}

#[ComplexObject]
impl Account {
    /// The account's city.
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.city_id {
            Some(c) => city(ctx, CityId(c)).await,
            None => Ok(None),
        }
    }
}

impl From<&c2c_store::Account> for Account {
    fn from(a: &c2c_store::Account) -> Self {
        Account {
            id: a.id.0,
            name: a.name.clone(),
            role: a.role.into(),
            city_id: a.city.map(|c| c.0),
            created_at: a.created_at,
            disabled_at: a.disabled_at,
        }
    }
}

/// An API token (never its secret).
#[derive(SimpleObject, Clone, Debug)]
pub struct Token {
    /// Identifier (to revoke it).
    pub id: Uuid,
    /// Account.
    pub account_id: Uuid,
    /// Label.
    pub label: String,
    /// Issued at.
    pub created_at: DateTime<Utc>,
    /// Expires at.
    pub expires_at: Option<DateTime<Utc>>,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Last used at (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<&c2c_store::Token> for Token {
    fn from(t: &c2c_store::Token) -> Self {
        Token {
            id: t.id,
            account_id: t.account.0,
            label: t.label.clone(),
            created_at: t.created_at,
            expires_at: t.expires_at,
            revoked_at: t.revoked_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// A newly issued token: its secret is shown here once and never again.
#[derive(SimpleObject, Clone, Debug)]
pub struct IssuedToken {
    /// The secret: send it as `Authorization: Bearer <secret>`.
    pub secret: String,
    /// The token.
    pub token: Token,
}
