//! Analytics under `platform` (operators: every partnership; city accounts: the
//! same fields scoped to their city's partnerships), and partner suggestions.

use crate::context::{store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::object::{CityNode, PartnershipNode, partnership};
use crate::types::{Area, Loop, Status, Step};
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};
use c2c_domain::CityId;
use c2c_store::{FunnelFilter as StoreFunnelFilter, GroupBy as StoreGroupBy, Scope};
use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use std::sync::Arc;
use uuid::Uuid;

/// Analytics over the partnerships the account may see.
#[derive(Debug)]
pub struct Platform {
    scope: Scope,
}

/// The scope of the viewer: everything for operators, its city otherwise.
pub fn scope(ctx: &Context<'_>) -> Result<Scope> {
    let v = viewer(ctx)?;
    if v.is_operator() {
        Ok(Scope::All)
    } else {
        v.city()
            .map(Scope::City)
            .ok_or_else(|| GatewayError::forbidden("this account belongs to no city").into())
    }
}

impl Platform {
    /// The analytics of the viewer's scope.
    pub fn of(ctx: &Context<'_>) -> Result<Platform> {
        Ok(Platform { scope: scope(ctx)? })
    }
}

/// Filters of the step funnel.
#[derive(InputObject, Clone, Debug, Default)]
pub struct FunnelFilter {
    /// Either city in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// This area among the first priorities or activities.
    pub area: Option<Area>,
    /// Started on or after.
    pub started_from: Option<NaiveDate>,
    /// Started on or before.
    pub started_to: Option<NaiveDate>,
}

/// Partnerships counted by step, loop and status.
#[derive(SimpleObject, Clone, Debug)]
pub struct FunnelRow {
    /// Step.
    pub step: Step,
    /// Loop.
    #[graphql(name = "loop")]
    pub loop_: Loop,
    /// Status.
    pub status: Status,
    /// How many.
    pub count: u64,
}

/// Days spent in a step.
#[derive(SimpleObject, Clone, Debug)]
pub struct StepTime {
    /// Step.
    pub step: Step,
    /// Stays that ended.
    pub completed_stays: u64,
    /// Their median, in days (the middle one, or the mean of the middle two).
    pub median_days: Option<f64>,
    /// Their 90th percentile (nearest rank), in days.
    pub p90_days: Option<f64>,
    /// Stays still open (partnerships at the step now).
    pub open_stays: u64,
    /// The median of the open stays' days so far.
    pub open_median_days: Option<f64>,
}

/// An active partnership with no joint activity for a long time.
#[derive(Clone, Debug)]
pub struct StalledNode(c2c_store::Stalled);

#[Object(name = "StalledPartnership")]
impl StalledNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// Its step.
    async fn step(&self) -> Step {
        self.0.step.into()
    }
    /// The date of its last joint activity (its start, if none).
    async fn last_activity_on(&self) -> NaiveDate {
        self.0.last_activity_on
    }
    /// Whether it had any joint activity at all.
    async fn any_activity(&self) -> bool {
        self.0.any_activity
    }
    /// Days since.
    async fn days_silent(&self) -> i64 {
        self.0.days_silent
    }
}

/// How to group KPI totals.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
pub enum KpiGroupBy {
    /// By reporting city.
    City,
    /// By the reporting city's country.
    Country,
    /// By partnership.
    Partnership,
}

/// A KPI total for one group (and, for money, one currency).
#[derive(Clone, Debug)]
pub struct KpiTotalNode(c2c_store::KpiTotal);

#[Object(name = "KpiTotal")]
impl KpiTotalNode {
    /// The reporting city (grouping by city).
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.0.city {
            Some(c) => crate::object::city(ctx, c).await,
            None => Ok(None),
        }
    }
    /// The country (grouping by city or country).
    async fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }
    /// The partnership (grouping by partnership).
    async fn partnership_id(&self) -> Option<Uuid> {
        self.0.partnership.map(|p| p.0)
    }
    /// The currency of a money KPI: totals are per currency, never converted.
    async fn currency(&self) -> Option<&str> {
        self.0.currency.as_deref()
    }
    /// Measurements counted.
    async fn count(&self) -> u64 {
        self.0.count
    }
    /// Their sum (null for text).
    async fn sum(&self) -> Option<Decimal> {
        self.0.sum
    }
    /// Their mean (null for text).
    async fn mean(&self) -> Option<Decimal> {
        self.0.mean
    }
}

/// An agreement expiring soon or expired, on an active partnership.
#[derive(Clone, Debug)]
pub struct ExpiringNode(c2c_store::Expiring);

#[Object(name = "ExpiringAgreement")]
impl ExpiringNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// The agreement.
    async fn agreement_id(&self) -> Uuid {
        self.0.agreement
    }
    /// Its title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Its last day in force.
    async fn valid_until(&self) -> NaiveDate {
        self.0.valid_until
    }
    /// Days left (negative once expired).
    async fn days_left(&self) -> i64 {
        self.0.days_left
    }
    /// Whether it has already expired.
    async fn expired(&self) -> bool {
        self.0.days_left < 0
    }
}

/// Why a delegation shows up: its follow-up is overdue, or none was planned.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
pub enum FollowUpProblem {
    /// The follow-up was due and nothing was recorded.
    Overdue,
    /// No follow-up was planned and none was recorded.
    Missing,
}

/// A delegation or visit whose follow-up is overdue or missing.
#[derive(Clone, Debug)]
pub struct UnfollowedNode(c2c_store::Unfollowed);

#[Object(name = "UnfollowedDelegation")]
impl UnfollowedNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// The contact.
    async fn contact_id(&self) -> Uuid {
        self.0.contact
    }
    /// The city that recorded it.
    async fn city_id(&self) -> Uuid {
        self.0.city.0
    }
    /// `DELEGATION` or `VISIT`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// When it happened.
    async fn on(&self) -> NaiveDate {
        self.0.on
    }
    /// When the follow-up was due.
    async fn follow_up_due(&self) -> Option<NaiveDate> {
        self.0.follow_up_due
    }
    /// Overdue or missing.
    async fn problem(&self) -> FollowUpProblem {
        if self.0.follow_up_due.is_some() {
            FollowUpProblem::Overdue
        } else {
            FollowUpProblem::Missing
        }
    }
    /// Days since the follow-up was due (or since the contact, when none was planned).
    async fn days_waiting(&self) -> i64 {
        self.0.days_waiting
    }
}

/// A partnership with a signed agreement and no approved plan.
#[derive(Clone, Debug)]
pub struct WithoutPlanNode(c2c_store::WithoutPlan);

#[Object(name = "AgreementWithoutPlan")]
impl WithoutPlanNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// Its step.
    async fn step(&self) -> Step {
        self.0.step.into()
    }
    /// When its first agreement was signed by both cities.
    async fn signed_on(&self) -> NaiveDate {
        self.0.signed_on
    }
    /// Days since.
    async fn days_since(&self) -> i64 {
        self.0.days_since
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn days(value: i32, field: &str) -> Result<u32> {
    u32::try_from(value)
        .ok()
        .filter(|d| *d <= 36_500)
        .ok_or_else(|| GatewayError::invalid(field, "must be between 0 and 36500 days").into())
}

#[Object]
impl Platform {
    /// Partnerships counted by step × loop × status.
    async fn step_funnel(
        &self,
        ctx: &Context<'_>,
        filter: Option<FunnelFilter>,
    ) -> Result<Vec<FunnelRow>> {
        let f = filter.unwrap_or_default();
        if let (Some(a), Some(b)) = (f.started_from, f.started_to)
            && b < a
        {
            return Err(GatewayError::invalid("startedTo", "ends before startedFrom").into());
        }
        let rows = s(store(ctx)?
            .step_funnel(
                self.scope,
                &StoreFunnelFilter {
                    country: f.country,
                    area: f.area.map(Into::into),
                    started_from: f.started_from,
                    started_to: f.started_to,
                },
            )
            .await)?;
        Ok(rows
            .into_iter()
            .map(|r| FunnelRow {
                step: r.step.into(),
                loop_: r.loop_.into(),
                status: r.status.into(),
                count: r.count,
            })
            .collect())
    }

    /// Days spent in each step, from the history: completed stays (median and
    /// 90th percentile) and the open ones, flagged separately.
    async fn time_in_step(&self, ctx: &Context<'_>) -> Result<Vec<StepTime>> {
        let rows = s(store(ctx)?.time_in_step(self.scope, Utc::now()).await)?;
        Ok(rows
            .into_iter()
            .map(|r| StepTime {
                step: r.step.into(),
                completed_stays: r.completed,
                median_days: r.median_days,
                p90_days: r.p90_days,
                open_stays: r.open,
                open_median_days: r.open_median_days,
            })
            .collect())
    }

    /// Active partnerships with no joint activity for `days` days (default 730,
    /// the two-year rule of the regional survey), judged by the dates things
    /// happened; oldest first.
    async fn stalled_partnerships(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 730)] days: i32,
    ) -> Result<Vec<StalledNode>> {
        let d = self::days(days, "days")?;
        Ok(s(store(ctx)?
            .stalled_partnerships(self.scope, d, today())
            .await)?
        .into_iter()
        .map(StalledNode)
        .collect())
    }

    /// Count, sum and mean of a KPI over a period (measurements whose period
    /// lies within `from`–`to`), grouped. Money is totalled per currency; only
    /// the latest non-superseded measurement of each period counts.
    async fn kpi_totals(
        &self,
        ctx: &Context<'_>,
        code: String,
        from: NaiveDate,
        to: NaiveDate,
        #[graphql(default_with = "KpiGroupBy::City")] group_by: KpiGroupBy,
    ) -> Result<Vec<KpiTotalNode>> {
        if to < from {
            return Err(GatewayError::invalid("to", "the period ends before it starts").into());
        }
        let g = match group_by {
            KpiGroupBy::City => StoreGroupBy::City,
            KpiGroupBy::Country => StoreGroupBy::Country,
            KpiGroupBy::Partnership => StoreGroupBy::Partnership,
        };
        Ok(s(store(ctx)?
            .kpi_totals(self.scope, code.trim(), from, to, g)
            .await)?
        .into_iter()
        .map(KpiTotalNode)
        .collect())
    }

    /// Agreements of active partnerships that expire within `withinDays`
    /// (default 90), and those already expired; soonest first.
    async fn expiring_agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 90)] within_days: i32,
    ) -> Result<Vec<ExpiringNode>> {
        let d = days(within_days, "withinDays")?;
        Ok(s(store(ctx)?
            .expiring_agreements(self.scope, d, today())
            .await)?
        .into_iter()
        .map(ExpiringNode)
        .collect())
    }

    /// Delegations and visits whose follow-up is overdue or missing.
    async fn unfollowed_delegations(&self, ctx: &Context<'_>) -> Result<Vec<UnfollowedNode>> {
        Ok(s(store(ctx)?
            .unfollowed_delegations(self.scope, today())
            .await)?
        .into_iter()
        .map(UnfollowedNode)
        .collect())
    }

    /// Partnerships with an agreement signed by both cities more than `days`
    /// (default 180) ago and no plan approved by both.
    async fn agreements_without_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 180)] days: i32,
    ) -> Result<Vec<WithoutPlanNode>> {
        let d = self::days(days, "days")?;
        Ok(s(store(ctx)?
            .agreements_without_plan(self.scope, d, today())
            .await)?
        .into_iter()
        .map(WithoutPlanNode)
        .collect())
    }
}

/// A candidate counterpart with every part of its score. The weights: shared
/// areas 0.4, looking for a partner 0.2, existing relations 0.2, prior
/// assessment 0.2 (see ARCHITECTURE.md).
#[derive(Clone, Debug)]
pub struct SuggestionNode(c2c_store::Suggestion);

/// One part of a suggestion's score.
#[derive(SimpleObject, Clone, Debug)]
pub struct ScorePart {
    /// `sharedAreas`, `lookingForPartner`, `existingRelations` or `priorAssessment`.
    pub name: String,
    /// The part's value, from 0 to 1.
    pub value: Decimal,
    /// Its weight in the total.
    pub weight: Decimal,
}

#[Object(name = "PartnerSuggestion")]
impl SuggestionNode {
    /// The candidate city.
    async fn city(&self) -> CityNode {
        CityNode(Arc::new(self.0.city.clone()))
    }
    /// The total score, from 0 to 1.
    async fn score(&self) -> Decimal {
        self.0.score
    }
    /// Every part of the score with its weight.
    async fn parts(&self) -> Vec<ScorePart> {
        let values = [
            self.0.shared_areas,
            self.0.looking_for_partner,
            self.0.existing_relations,
            self.0.prior_assessment,
        ];
        c2c_store::WEIGHTS
            .iter()
            .zip(values)
            .map(|((name, weight), value)| ScorePart {
                name: (*name).to_owned(),
                value,
                weight: *weight,
            })
            .collect()
    }
    /// The cooperation areas the candidate shares with the city's strategy.
    async fn shared_areas(&self) -> Vec<Area> {
        self.0.shared.iter().map(|a| (*a).into()).collect()
    }
}

/// Partner suggestions for a city (its own accounts and operators).
pub async fn suggestions(ctx: &Context<'_>, city: Uuid, first: i32) -> Result<Vec<SuggestionNode>> {
    let v = viewer(ctx)?;
    if !v.is_operator() && v.city() != Some(CityId(city)) {
        return Err(GatewayError::forbidden(
            "partner suggestions rest on a city's strategy: its own accounts and operators only",
        )
        .into());
    }
    if !(1..=100).contains(&first) {
        return Err(GatewayError::invalid("first", "must be between 1 and 100").into());
    }
    let list = s(store(ctx)?
        .partner_suggestions(CityId(city), usize::try_from(first).unwrap_or(10))
        .await)?;
    Ok(list.into_iter().map(SuggestionNode).collect())
}
