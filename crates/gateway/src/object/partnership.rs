//! The `Partnership` object: where it stands (step, loop, cycle, status,
//! version), which moves are ready (`readiness`), its history (`Event`), and
//! its outputs, each field delegating to the object of its feature (`city`,
//! `partner`, `plan`, `measure`, `act`, `replicate`).

use super::act::{Adjustment, Approval};
use super::city::{CityNode, Commitment, Strategy, city, initiator_commitment, initiator_strategy};
use super::measure::{self, Evaluation, Feedback, KpiSelection, Measurement};
use super::node::PartnershipNode;
use super::partner::{self, Agreement, Assessment, Contact, ContactPerson, FirstPriority};
use super::plan::{self, Plan};
use super::readiness::{Readiness, readiness};
use super::replicate::{ExPost, Lesson};
use crate::context::loaders;
use crate::error::Result;
use crate::loader::{ReasonKey, loaded};
use crate::types::{Loop, Status, Step};
use async_graphql::{Context, Object};
use c2c_store::{Part, StoredEvent};
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::Arc;
use uuid::Uuid;

/// Converts every item of a list of outputs.
fn all<'a, D: 'a, T: From<&'a D>>(list: &'a [D]) -> Vec<T> {
    list.iter().map(Into::into).collect()
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
    /// Every move allowed from here, whether it is ready, every unmet
    /// criterion and the warnings. `on` is the date of the move (default:
    /// today).
    async fn readiness(&self, ctx: &Context<'_>, on: Option<NaiveDate>) -> Result<Vec<Readiness>> {
        let p = self.full(ctx).await?;
        readiness(ctx, &p, on.unwrap_or_else(|| Utc::now().date_naive())).await
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
        initiator_strategy(ctx, self.full(ctx).await?.snapshot())
    }
    /// The initiator's commitment in force: visible to the initiator and to
    /// operators only.
    async fn commitment(&self, ctx: &Context<'_>) -> Result<Option<Commitment>> {
        initiator_commitment(ctx, self.full(ctx).await?.snapshot())
    }
    /// Assessments of candidate counterparts.
    async fn assessments(&self, ctx: &Context<'_>) -> Result<Vec<Assessment>> {
        Ok(all(&self.full(ctx).await?.outputs().assessments))
    }
    /// Contacts.
    async fn contacts(&self, ctx: &Context<'_>) -> Result<Vec<Contact>> {
        Ok(all(&self.full(ctx).await?.outputs().contacts))
    }
    /// The contact persons both cities named, each city its own.
    async fn contact_persons(&self, ctx: &Context<'_>) -> Result<Vec<ContactPerson>> {
        Ok(all(&self.full(ctx).await?.outputs().contact_persons))
    }
    /// Agreements with their signatures.
    async fn agreements(&self, ctx: &Context<'_>) -> Result<Vec<Agreement>> {
        Ok(partner::agreements(self.full(ctx).await?.snapshot()))
    }
    /// First priority areas, as each city agreed them.
    async fn first_priorities(&self, ctx: &Context<'_>) -> Result<Vec<FirstPriority>> {
        Ok(all(&self.full(ctx).await?.outputs().priorities))
    }
    /// The cooperation plan.
    async fn plan(&self, ctx: &Context<'_>) -> Result<Option<Plan>> {
        let id = self.p().id.0;
        let asked = ctx.look_ahead();
        let activity = asked.field("activities");
        let more = asked.field("approvals").exists()
            || ["teams", "progress", "risks"]
                .iter()
                .any(|f| activity.field(f).exists());
        if more {
            return Ok(plan::plan(id, self.full(ctx).await?.outputs()));
        }
        self.with_part(ctx, Part::Plan, |o| plan::plan(id, o)).await
    }
    /// The evaluation framework: KPI selections with their measurements.
    async fn kpi_selections(&self, ctx: &Context<'_>) -> Result<Vec<KpiSelection>> {
        let part = measure::kpis_part(&ctx.look_ahead());
        self.with_part(ctx, part, measure::kpi_selections).await
    }
    /// Every measurement, corrections included.
    async fn measurements(&self, ctx: &Context<'_>) -> Result<Vec<Measurement>> {
        self.with_part(ctx, Part::Kpis, measure::measurements).await
    }
    /// Feedback from the teams.
    async fn feedback(&self, ctx: &Context<'_>) -> Result<Vec<Feedback>> {
        Ok(all(&self.full(ctx).await?.outputs().feedback))
    }
    /// Evaluations.
    async fn evaluations(&self, ctx: &Context<'_>) -> Result<Vec<Evaluation>> {
        Ok(all(&self.full(ctx).await?.outputs().evaluations))
    }
    /// Adjustments and their decisions.
    async fn adjustments(&self, ctx: &Context<'_>) -> Result<Vec<Adjustment>> {
        Ok(all(&self.full(ctx).await?.outputs().adjustments))
    }
    /// The version of the current cycle's decision set.
    async fn decisions_version(&self) -> u32 {
        self.p().outputs.decisions_version
    }
    /// Every approval (plan versions and decision sets).
    async fn approvals(&self, ctx: &Context<'_>) -> Result<Vec<Approval>> {
        Ok(all(&self.full(ctx).await?.outputs().approvals))
    }
    /// Lessons.
    async fn lessons(&self, ctx: &Context<'_>) -> Result<Vec<Lesson>> {
        Ok(all(&self.full(ctx).await?.outputs().lessons))
    }
    /// Ex-post evaluations.
    async fn ex_post(&self, ctx: &Context<'_>) -> Result<Vec<ExPost>> {
        Ok(all(&self.full(ctx).await?.outputs().ex_post))
    }
}

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
