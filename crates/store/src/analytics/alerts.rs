//! The alerts: stalled partnerships, expiring agreements, unfollowed
//! delegations, and signed agreements without an approved plan; each as of
//! a date (what is dated later does not count; the partnerships' current
//! status does).

use super::common::{Page, Paged, Scope, one, p};
use crate::Store;
use crate::aggregate::activity::{self, Activity};
use crate::aggregate::agreements::{agreement, signature};
use crate::aggregate::contacts::{UNFOLLOWED_COLUMNS, Unfollowed, contact, unfollowed_from};
use crate::aggregate::milestones::{self, Milestone};
use crate::aggregate::row::{kept_in, partnership};
use crate::convert::{get, parse};
use crate::error::Result;
use c2c_domain::{PartnershipId, Status, Step};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::DbBackend;
use sea_orm::sea_query::{
    Expr, ExprTrait, Func, IntoIden, JoinType, Order, Query, SelectStatement,
};
use uuid::Uuid;

/// An active or suspended partnership with no joint activity for a long time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stalled {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its step.
    pub step: Step,
    /// Its status: active, or suspended (the survey's "not active, may
    /// resume").
    pub status: Status,
    /// The date of its last joint activity (or its start, if none).
    pub last_activity_on: NaiveDate,
    /// Whether it had any joint activity at all.
    pub any_activity: bool,
    /// Days since then.
    pub days_silent: i64,
}

/// An agreement that expires soon, or has expired, on an active partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expiring {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The agreement.
    pub agreement: Uuid,
    /// Its title.
    pub title: String,
    /// Its last day in force.
    pub valid_until: NaiveDate,
    /// Days left (negative once expired).
    pub days_left: i64,
}

/// A partnership with a signed agreement and no approved plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutPlan {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its step.
    pub step: Step,
    /// When its first agreement was signed by both cities.
    pub signed_on: NaiveDate,
    /// Days since.
    pub days_since: i64,
}

/// The live partnerships: active or suspended, as a literal condition (so
/// that the partial indexes of dormancy, made for this very condition, are
/// used whatever the plan).
fn live() -> Expr {
    Expr::cust("partnership.status IN ('ACTIVE', 'SUSPENDED')")
}

/// Where the kept dates (of activity, of milestones) come from: the
/// partnership row (as of today: it keeps them, and nothing is dated later
/// than today), or the dates up to another day.
#[derive(Debug, Clone, Copy)]
enum KeptFrom {
    Row,
    Dates(NaiveDate),
}

/// Active and suspended partnerships in scope whose last activity (or their
/// start) is before `cutoff`, quietest first.
fn stalled(
    backend: DbBackend,
    scope: Scope,
    cutoff: NaiveDate,
    (activity, from): (Activity, KeptFrom),
) -> SelectStatement {
    let last = match from {
        KeptFrom::Row => p(kept_in(activity)),
        KeptFrom::Dates(_) => Expr::col(("a", "last_on")),
    };
    let quiet = || {
        Expr::from(Func::coalesce([
            last.clone(),
            p(partnership::Column::StartedOn),
        ]))
    };
    let mut q = Query::select();
    q.expr(p(partnership::Column::Id))
        .expr(p(partnership::Column::Step))
        .expr(p(partnership::Column::Status))
        .expr_as(last.clone(), "last_on")
        .expr(p(partnership::Column::StartedOn))
        .from(partnership::Entity);
    if let KeptFrom::Dates(as_of) = from {
        q.join_subquery(
            JoinType::LeftJoin,
            activity::latest(backend, activity, as_of),
            "a",
            Expr::col(("a", "partnership_id"))
                .equals((partnership::Entity, partnership::Column::Id)),
        );
    }
    q.and_where(live());
    scope.restrict(&mut q);
    q.and_where(quiet().lt(cutoff))
        .order_by_expr(quiet(), Order::Asc)
        .order_by((partnership::Entity, partnership::Column::Id), Order::Asc);
    q
}

/// The number of cities that signed the agreement `this` by `as_of`.
fn signatories<T: IntoIden>(this: (T, agreement::Column), as_of: NaiveDate) -> SelectStatement {
    let s = |column| Expr::col(("s", column));
    Query::select()
        .expr(Func::count_distinct(s(signature::Column::CityId)))
        .from_as(signature::Entity, "s")
        .and_where(s(signature::Column::AgreementId).equals(this))
        .and_where(s(signature::Column::SignedOn).lte(as_of))
        .to_owned()
}

/// Agreements signed by both cities of active partnerships in scope by
/// `as_of`, not renewed by then (a renewal signed by both), in force until
/// `horizon` at the latest; soonest first. As of today, the agreement rows
/// say it, through an index of the agreements in force by their last day; as
/// of another day, the signatures up to then.
fn expiring(horizon: NaiveDate, from: KeptFrom) -> SelectStatement {
    let a = |column| Expr::col((agreement::Entity, column));
    let this = (agreement::Entity, agreement::Column::Id);
    let mut q = Query::select();
    q.exprs(
        [
            agreement::Column::Id,
            agreement::Column::PartnershipId,
            agreement::Column::Title,
            agreement::Column::ValidUntil,
        ]
        .map(a),
    )
    .from(agreement::Entity)
    .inner_join(
        partnership::Entity,
        p(partnership::Column::Id).equals((agreement::Entity, agreement::Column::PartnershipId)),
    )
    .and_where(p(partnership::Column::Status).eq("ACTIVE"))
    .and_where(a(agreement::Column::ValidUntil).is_not_null())
    .and_where(a(agreement::Column::ValidUntil).lte(horizon));
    match from {
        KeptFrom::Row => {
            q.and_where(Expr::cust(
                "agreement.signed_both_on IS NOT NULL AND agreement.renewed_on IS NULL",
            ));
        }
        KeptFrom::Dates(as_of) => {
            let renewal = Query::select()
                .expr(one())
                .from_as(agreement::Entity, "r")
                .and_where(Expr::col(("r", agreement::Column::RenewalOf)).equals(this))
                .and_where(Expr::from(signatories(("r", agreement::Column::Id), as_of)).gte(2))
                .to_owned();
            q.and_where(Expr::from(signatories(this, as_of)).gte(2))
                .and_where(Expr::exists(renewal).not());
        }
    }
    q.order_by(
        (agreement::Entity, agreement::Column::ValidUntil),
        Order::Asc,
    )
    .order_by(this, Order::Asc);
    q
}

/// Delegations and visits of live partnerships in scope up to `as_of` with
/// no follow-up by then, due before `as_of` or never planned; longest
/// waiting first.
fn unfollowed(scope: Scope, as_of: NaiveDate) -> SelectStatement {
    let c = |column| Expr::col((contact::Entity, column));
    let due = contact::Column::FollowUpDue;
    let followed = contact::Column::FollowedUpOn;
    let mut q = Query::select();
    q.exprs(UNFOLLOWED_COLUMNS.map(c))
        .from(contact::Entity)
        .inner_join(
            partnership::Entity,
            p(partnership::Column::Id).equals((contact::Entity, contact::Column::PartnershipId)),
        )
        .and_where(c(contact::Column::Kind).is_in(["DELEGATION", "VISIT"]))
        .and_where(c(contact::Column::HappenedOn).lte(as_of))
        .and_where(c(followed).is_null().or(c(followed).gt(as_of)))
        .and_where(c(due).is_null().or(c(due).lt(as_of)))
        .and_where(live());
    scope.restrict(&mut q);
    q.order_by_expr(
        Func::coalesce([c(due), c(contact::Column::HappenedOn)]).into(),
        Order::Asc,
    )
    .order_by((contact::Entity, contact::Column::Id), Order::Asc);
    q
}

/// Active partnerships in scope whose first agreement signed by both cities
/// was signed by `cutoff` and that have no plan approved by both; longest
/// waiting first. As of today, the partnership rows say it, through an index
/// of the active partnerships waiting for a plan; as of another day, the
/// signatures and approvals up to then.
fn without_plan(cutoff: NaiveDate, from: KeptFrom) -> SelectStatement {
    let mut q = Query::select();
    q.expr(p(partnership::Column::Id))
        .expr(p(partnership::Column::Step))
        .from(partnership::Entity);
    let signed = match from {
        KeptFrom::Row => {
            q.and_where(Expr::cust(
                "partnership.status = 'ACTIVE' AND partnership.plan_approved_on IS NULL",
            ));
            p(partnership::Column::FirstSignedOn)
        }
        KeptFrom::Dates(as_of) => {
            let joined = |q: &mut SelectStatement, m, alias: &'static str, kind| {
                q.join_subquery(
                    kind,
                    milestones::first(m, as_of),
                    alias,
                    Expr::col((alias, "partnership_id"))
                        .equals((partnership::Entity, partnership::Column::Id)),
                );
            };
            joined(&mut q, Milestone::SignedByBoth, "s", JoinType::InnerJoin);
            joined(&mut q, Milestone::PlanApproved, "ap", JoinType::LeftJoin);
            q.and_where(p(partnership::Column::Status).eq("ACTIVE"))
                .and_where(Expr::col(("ap", "partnership_id")).is_null());
            Expr::col(("s", "first_on"))
        }
    };
    q.expr_as(signed.clone(), "signed_on")
        .and_where(signed.clone().lte(cutoff))
        .order_by_expr(signed, Order::Asc)
        .order_by((partnership::Entity, partnership::Column::Id), Order::Asc);
    q
}

/// Where the kept dates come from as of `as_of`.
fn from_row_or_dates(as_of: NaiveDate) -> KeptFrom {
    if as_of >= Utc::now().date_naive() {
        KeptFrom::Row
    } else {
        KeptFrom::Dates(as_of)
    }
}

impl Store {
    /// Active and suspended partnerships with no joint activity for `days`
    /// days before `as_of`, quietest first, a page of them (one statement).
    /// Joint activity is judged by the dates things happened, up to `as_of`
    /// (see [`activity`]; with `joint_only`, only the contacts both cities
    /// took part in and their follow-ups); a partnership with none is judged
    /// by its start. As of today, the partnership rows say it, through an
    /// index of the live partnerships by the day they went quiet.
    pub async fn stalled_partnerships(
        &self,
        scope: Scope,
        days: u32,
        (as_of, joint_only): (NaiveDate, bool),
        page: Page,
    ) -> Result<Paged<Stalled>> {
        let cutoff = as_of - Duration::days(i64::from(days));
        let activity = if joint_only {
            Activity::Joint
        } else {
            Activity::All
        };
        let from = from_row_or_dates(as_of);
        let mut q = stalled(self.backend(), scope, cutoff, (activity, from));
        self.page(&mut q, page, |r| {
            let last: Option<NaiveDate> = get(r, "last_on")?;
            let started: Option<NaiveDate> = get(r, "started_on")?;
            let on = last.or(started).unwrap_or(as_of);
            Ok(Stalled {
                partnership: PartnershipId(get(r, "id")?),
                step: parse("step", &get::<String>(r, "step")?)?,
                status: parse("status", &get::<String>(r, "status")?)?,
                last_activity_on: on,
                any_activity: last.is_some(),
                days_silent: (as_of - on).num_days(),
            })
        })
        .await
    }

    /// Agreements signed by both cities of active partnerships by `as_of`
    /// that expire within `within_days` of it, or have expired, and were not
    /// renewed by then; soonest first, a page of them (one statement; see
    /// [`milestones`]).
    pub async fn expiring_agreements(
        &self,
        scope: Scope,
        within_days: u32,
        as_of: NaiveDate,
        page: Page,
    ) -> Result<Paged<Expiring>> {
        let horizon = as_of + Duration::days(i64::from(within_days));
        let mut q = expiring(horizon, from_row_or_dates(as_of));
        scope.restrict(&mut q);
        self.page(&mut q, page, |r| {
            let until: NaiveDate = get(r, "valid_until")?;
            Ok(Expiring {
                partnership: PartnershipId(get(r, "partnership_id")?),
                agreement: get(r, "id")?,
                title: get(r, "title")?,
                valid_until: until,
                days_left: (until - as_of).num_days(),
            })
        })
        .await
    }

    /// Delegations and visits of live partnerships up to `as_of` with no
    /// follow-up recorded by then, whose follow-up is overdue or was never
    /// planned; longest waiting first, a page of them (one statement).
    pub async fn unfollowed_delegations(
        &self,
        scope: Scope,
        as_of: NaiveDate,
        page: Page,
    ) -> Result<Paged<Unfollowed>> {
        let mut q = unfollowed(scope, as_of);
        self.page(&mut q, page, |r| unfollowed_from(r, as_of)).await
    }

    /// Active partnerships whose first agreement signed by both cities is
    /// more than `days` old on `as_of` and that have no plan version approved
    /// by both cities by then; longest waiting first, a page of them (one
    /// statement; see [`milestones`]).
    pub async fn agreements_without_plan(
        &self,
        scope: Scope,
        days: u32,
        as_of: NaiveDate,
        page: Page,
    ) -> Result<Paged<WithoutPlan>> {
        let cutoff = as_of - Duration::days(i64::from(days));
        let mut q = without_plan(cutoff, from_row_or_dates(as_of));
        scope.restrict(&mut q);
        self.page(&mut q, page, |r| {
            let signed: NaiveDate = get(r, "signed_on")?;
            Ok(WithoutPlan {
                partnership: PartnershipId(get(r, "id")?),
                step: parse("step", &get::<String>(r, "step")?)?,
                signed_on: signed,
                days_since: (as_of - signed).num_days(),
            })
        })
        .await
    }
}
