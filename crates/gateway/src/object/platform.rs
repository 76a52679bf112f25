//! Partner suggestions with every part of their score, and the rows of the
//! platform analytics in the order of `Platform`'s fields (the step funnel,
//! time in step, stalled partnerships, KPI totals, expiring agreements,
//! agreements without a plan, one-sided partnerships). A delegation without
//! follow-up and a change of contact person are the Partner family's:
//! `partner.rs`.

use super::city::{CityNode, city};
use super::node::{PartnershipNode, partnership};
use crate::error::Result;
use crate::types::{Area, Loop, Status, Step};
use async_graphql::{Context, Object, SimpleObject};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::Arc;
use uuid::Uuid;

/// A candidate counterpart with every part of its score. The weights: shared
/// areas 0.4, looking for a partner 0.2, existing relations 0.2, prior
/// assessment 0.2 (see ARCHITECTURE.md).
#[derive(Clone, Debug)]
pub struct SuggestionNode(pub c2c_store::Suggestion);

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

/// An active or suspended partnership with no joint activity for a long
/// time.
#[derive(Clone, Debug)]
pub struct StalledNode(pub c2c_store::Stalled);

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
    /// Its status: `ACTIVE`, or `SUSPENDED` (not active, may resume).
    async fn status(&self) -> Status {
        self.0.status.into()
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

/// A KPI total for one group (and, for money, one currency).
#[derive(Clone, Debug)]
pub struct KpiTotalNode(pub c2c_store::KpiTotal);

#[Object(name = "KpiTotal")]
impl KpiTotalNode {
    /// The reporting city (grouping by city).
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        match self.0.city {
            Some(c) => city(ctx, c).await,
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
pub struct ExpiringNode(pub c2c_store::Expiring);

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

/// A partnership with a signed agreement and no approved plan.
#[derive(Clone, Debug)]
pub struct WithoutPlanNode(pub c2c_store::WithoutPlan);

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

/// A partnership where one city recorded most of what happened in a period.
#[derive(Clone, Debug)]
pub struct OneSidedNode(pub c2c_store::OneSided);

#[Object(name = "OneSidedPartnership")]
impl OneSidedNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// The items the initiator recorded in the period.
    async fn initiator_items(&self) -> u64 {
        self.0.initiator_items
    }
    /// The items the counterpart recorded in the period.
    async fn counterpart_items(&self) -> u64 {
        self.0.counterpart_items
    }
    /// The city that recorded the larger share.
    async fn leading_city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        let c = &self.0;
        let leader = if c.initiator_items >= c.counterpart_items {
            c.initiator
        } else {
            c.counterpart
        };
        city(ctx, leader).await
    }
    /// The larger city's share of the items, from 0.5 to 1.
    async fn share(&self) -> f64 {
        self.0.share
    }
}
