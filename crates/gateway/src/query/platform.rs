//! Platform queries: `platform`, the analytics over the partnerships the
//! account may see (operators: every partnership; city accounts: their
//! city's), each date-based one as of a date (default today), and
//! `partnerSuggestions`.

use super::page::{Listed, listed, page, page_cost};
use crate::context::{store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::input::{FunnelFilter, KpiGroupBy};
use crate::object::{
    ContactPersonChangeNode, ExpiringNode, FunnelRow, KpiTotalNode, OneSidedNode, StalledNode,
    StepTime, SuggestionNode, UnfollowedNode, WithoutPlanNode,
};
use async_graphql::{Context, Object};
use c2c_domain::{CityId, value};
use c2c_store::Scope;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

/// The analytics and suggestions.
#[derive(Debug, Default)]
pub struct PlatformQuery;

#[Object]
impl PlatformQuery {
    /// Analytics: for operators over every partnership, for city accounts over
    /// their city's.
    async fn platform(&self, ctx: &Context<'_>) -> Result<Platform> {
        Ok(Platform { scope: scope(ctx)? })
    }

    /// Candidate counterparts for a city's strategy, best first, each with
    /// every part of its score (for the city's own accounts and operators).
    async fn partner_suggestions(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
        #[graphql(default = 10)] first: i32,
    ) -> Result<Vec<SuggestionNode>> {
        let v = viewer(ctx)?;
        if !v.is_operator() && v.city() != Some(CityId(city_id)) {
            return Err(GatewayError::forbidden(
                "partner suggestions rest on a city's strategy: its own accounts and operators only",
            )
            .into());
        }
        if !(1..=100).contains(&first) {
            return Err(GatewayError::invalid("first", "must be between 1 and 100").into());
        }
        let list = s(store(ctx)?
            .partner_suggestions(CityId(city_id), usize::try_from(first).unwrap_or(10))
            .await)?;
        Ok(list.into_iter().map(SuggestionNode).collect())
    }
}

/// Analytics over the partnerships the account may see.
#[derive(Debug)]
pub struct Platform {
    scope: Scope,
}

/// The scope of the viewer: everything for operators, its city otherwise.
fn scope(ctx: &Context<'_>) -> Result<Scope> {
    let v = viewer(ctx)?;
    if v.is_operator() {
        Ok(Scope::All)
    } else {
        v.city()
            .map(Scope::City)
            .ok_or_else(|| GatewayError::forbidden("this account belongs to no city").into())
    }
}

/// The date an analytic is asked as of: today by default, never later (a
/// date of what happened, checked like every other).
fn as_of(date: Option<NaiveDate>) -> Result<NaiveDate> {
    let now = Utc::now();
    Ok(match date {
        Some(d) => value::happened("asOf", d, now).map_err(GatewayError::from)?,
        None => now.date_naive(),
    })
}

/// The moment `timeInStep` measures open stays to: now, or the end of a past
/// `asOf`.
fn as_of_moment(date: Option<NaiveDate>) -> Result<DateTime<Utc>> {
    let now = Utc::now();
    let day = as_of(date)?;
    let end = (day + Duration::days(1)).and_time(NaiveTime::MIN).and_utc();
    Ok(end.min(now))
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
        let rows = s(store(ctx)?.step_funnel(self.scope, &f.into()).await)?;
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
    /// 90th percentile) and the open ones, flagged separately. As of `asOf`
    /// (default today): only moves up to its end count.
    async fn time_in_step(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<StepTime>> {
        let now = as_of_moment(as_of)?;
        let rows = s(store(ctx)?.time_in_step(self.scope, now).await)?;
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

    /// Active and suspended partnerships with no joint activity for `days`
    /// days (default 730, the two-year rule of the regional survey) before
    /// `asOf` (default today), judged by the dates things happened up to
    /// then; with `jointOnly`, only contacts both cities took part in (and
    /// their follow-ups) count. Quietest first.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn stalled_partnerships(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 730)] days: i32,
        as_of: Option<NaiveDate>,
        #[graphql(default = false)] joint_only: bool,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<StalledNode>> {
        let page = page(first, after.as_deref())?;
        let d = self::days(days, "days")?;
        let paged = s(store(ctx)?
            .stalled_partnerships(self.scope, d, (self::as_of(as_of)?, joint_only), page)
            .await)?;
        Ok(listed(page, paged, StalledNode))
    }

    /// Count, sum and mean of a KPI over a period (measurements whose period
    /// lies within `from`–`to`), grouped. Money is totalled per currency; only
    /// the latest non-superseded measurement of each period counts.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)] // the field's arguments, and a page's two
    async fn kpi_totals(
        &self,
        ctx: &Context<'_>,
        code: String,
        from: NaiveDate,
        to: NaiveDate,
        #[graphql(default_with = "KpiGroupBy::City")] group_by: KpiGroupBy,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<KpiTotalNode>> {
        let page = page(first, after.as_deref())?;
        if to < from {
            return Err(GatewayError::invalid("to", "the period ends before it starts").into());
        }
        let paged = s(store(ctx)?
            .kpi_totals(self.scope, code.trim(), (from, to), group_by.into(), page)
            .await)?;
        Ok(listed(page, paged, KpiTotalNode))
    }

    /// Agreements of active partnerships that expire within `withinDays`
    /// (default 90) of `asOf` (default today), and those already expired,
    /// unless a renewal signed by both followed by then; soonest first.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn expiring_agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 90)] within_days: i32,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<ExpiringNode>> {
        let page = page(first, after.as_deref())?;
        let d = days(within_days, "withinDays")?;
        let paged = s(store(ctx)?
            .expiring_agreements(self.scope, d, self::as_of(as_of)?, page)
            .await)?;
        Ok(listed(page, paged, ExpiringNode))
    }

    /// Delegations and visits whose follow-up is overdue or missing, as of
    /// `asOf` (default today).
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn unfollowed_delegations(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<UnfollowedNode>> {
        let page = page(first, after.as_deref())?;
        let paged = s(store(ctx)?
            .unfollowed_delegations(self.scope, self::as_of(as_of)?, page)
            .await)?;
        Ok(listed(page, paged, UnfollowedNode))
    }

    /// Partnerships with an agreement signed by both cities more than `days`
    /// (default 180) before `asOf` (default today) and no plan approved by
    /// both by then.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn agreements_without_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 180)] days: i32,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<WithoutPlanNode>> {
        let page = page(first, after.as_deref())?;
        let d = self::days(days, "days")?;
        let paged = s(store(ctx)?
            .agreements_without_plan(self.scope, d, self::as_of(as_of)?, page)
            .await)?;
        Ok(listed(page, paged, WithoutPlanNode))
    }

    /// Key contacts that change: every change of a city's contact person
    /// dated in the `withinDays` days (default 90) up to `asOf` (default
    /// today): a person who started when the city had already named
    /// someone, or a person who left. Unannounced changes are flagged. By
    /// date.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn contact_person_changes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 90)] within_days: i32,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<ContactPersonChangeNode>> {
        let page = page(first, after.as_deref())?;
        let d = days(within_days, "withinDays")?;
        let paged = s(store(ctx)?
            .contact_person_changes(self.scope, d, self::as_of(as_of)?, page)
            .await)?;
        Ok(listed(page, paged, ContactPersonChangeNode))
    }

    /// One side doing all the initiative: among the partnerships with at
    /// least `minItems` (default 5) items dated in the `sinceDays` days
    /// (default 365) up to `asOf` (default today), those where one city
    /// recorded at least `minShare` (default 0.8) of them. Items: contacts,
    /// follow-ups, signatures, first priorities, progress reports, risks,
    /// measurements (by period end), feedback, evaluations, decisions,
    /// approvals, lessons and contact persons, each by the date it happened
    /// and the city that recorded it. The most one-sided first.
    /// A page at a time: `first` (default 20, at most 100) after the
    /// cursor `after`.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)] // the field's arguments, and a page's two
    async fn one_sided_partnerships(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 0.8)] min_share: f64,
        #[graphql(default = 365)] since_days: i32,
        as_of: Option<NaiveDate>,
        #[graphql(default = 5)] min_items: i32,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Listed<OneSidedNode>> {
        let page = page(first, after.as_deref())?;
        let share = Decimal::try_from(min_share)
            .ok()
            .filter(|d| (Decimal::ZERO..=Decimal::ONE).contains(d))
            .ok_or_else(|| GatewayError::invalid("minShare", "must be between 0 and 1"))?;
        let share = value::decimals("minShare", share).map_err(GatewayError::from)?;
        let items = u32::try_from(min_items)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| GatewayError::invalid("minItems", "must be at least 1"))?;
        let d = days(since_days, "sinceDays")?;
        let paged = s(store(ctx)?
            .one_sided_partnerships(self.scope, (share, items), (d, self::as_of(as_of)?), page)
            .await)?;
        Ok(listed(page, paged, OneSidedNode))
    }
}
