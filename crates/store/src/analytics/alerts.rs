//! The alerts: stalled partnerships, expiring agreements, unfollowed
//! delegations, and signed agreements without an approved plan; each as of
//! a date (what is dated later does not count; the partnerships' current
//! status does).

use super::common::{Scope, day_of, one, p};
use crate::Store;
use crate::aggregate::act::approval;
use crate::aggregate::agreements::{agreement, signature};
use crate::aggregate::contacts::{UNFOLLOWED_COLUMNS, Unfollowed, contact, unfollowed_from};
use crate::aggregate::delivery::progress_report;
use crate::aggregate::measure::measurement;
use crate::aggregate::row::partnership;
use crate::convert::{get, parse};
use crate::error::Result;
use c2c_domain::{PartnershipId, Status, Step};
use chrono::{Duration, NaiveDate};
use sea_orm::DbBackend;
use sea_orm::sea_query::{
    Expr, ExprTrait, Func, IntoIden, JoinType, Order, Query, SelectStatement, UnionType,
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

/// The day a partnership started.
fn started_on(backend: DbBackend) -> Expr {
    day_of(backend, p(partnership::Column::StartedAt))
}

/// `SELECT partnership_id, <column> AS d FROM <table>`: a date of joint
/// activity.
fn dates<T, C>(table: T, partnership_id: C, on: C) -> SelectStatement
where
    T: IntoIden,
    C: IntoIden + Copy + 'static,
{
    Query::select()
        .column(partnership_id)
        .expr_as(Expr::col(on), "d")
        .from(table)
        .to_owned()
}

/// The date of each partnership's last joint activity up to `as_of`:
/// contacts and their follow-ups, progress reports, the end of measurement
/// periods, signatures and approvals; with `joint_only`, the contacts both
/// cities took part in and their follow-ups.
fn last_activity(as_of: NaiveDate, joint_only: bool) -> SelectStatement {
    let mut followed = dates(
        contact::Entity,
        contact::Column::PartnershipId,
        contact::Column::FollowedUpOn,
    );
    followed.and_where(Expr::col(contact::Column::FollowedUpOn).is_not_null());
    let mut contacts = dates(
        contact::Entity,
        contact::Column::PartnershipId,
        contact::Column::HappenedOn,
    );
    if joint_only {
        for q in [&mut contacts, &mut followed] {
            q.and_where(Expr::col(contact::Column::Joint).eq(true));
        }
        contacts.union(UnionType::All, followed);
        return latest(contacts, as_of);
    }
    let all = contacts
        .unions([
            (UnionType::All, followed),
            (
                UnionType::All,
                dates(
                    progress_report::Entity,
                    progress_report::Column::PartnershipId,
                    progress_report::Column::ReportedOn,
                ),
            ),
            (
                UnionType::All,
                dates(
                    measurement::Entity,
                    measurement::Column::PartnershipId,
                    measurement::Column::PeriodEnd,
                ),
            ),
            (
                UnionType::All,
                dates(
                    signature::Entity,
                    signature::Column::PartnershipId,
                    signature::Column::SignedOn,
                ),
            ),
            (
                UnionType::All,
                dates(
                    approval::Entity,
                    approval::Column::PartnershipId,
                    approval::Column::ApprovedOn,
                ),
            ),
        ])
        .to_owned();
    latest(all, as_of)
}

/// The latest date `d` up to `as_of` of each partnership, as `last_on`.
fn latest(dates: SelectStatement, as_of: NaiveDate) -> SelectStatement {
    Query::select()
        .column("partnership_id")
        .expr_as(Func::max(Expr::col("d")), "last_on")
        .from_subquery(dates, "x")
        .and_where(Expr::col("d").lte(as_of))
        .group_by_col("partnership_id")
        .to_owned()
}

/// Active and suspended partnerships in scope whose last joint activity up
/// to `as_of` (or their start) is before `cutoff`, oldest first.
fn stalled(
    backend: DbBackend,
    scope: Scope,
    (cutoff, as_of): (NaiveDate, NaiveDate),
    joint_only: bool,
) -> SelectStatement {
    let started = started_on(backend);
    let last_or_start = Func::coalesce([Expr::col(("a", "last_on")), started.clone()]);
    let mut q = Query::select();
    q.expr(p(partnership::Column::Id))
        .expr(p(partnership::Column::Step))
        .expr(p(partnership::Column::Status))
        .column(("a", "last_on"))
        .expr_as(started, "started_on")
        .from(partnership::Entity)
        .join_subquery(
            JoinType::LeftJoin,
            last_activity(as_of, joint_only),
            "a",
            Expr::col(("a", "partnership_id"))
                .equals((partnership::Entity, partnership::Column::Id)),
        )
        .and_where(p(partnership::Column::Status).is_in(["ACTIVE", "SUSPENDED"]));
    scope.restrict(&mut q);
    q.and_where(Expr::from(last_or_start.clone()).lt(cutoff))
        .order_by_expr(last_or_start.into(), Order::Asc)
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
/// `horizon` at the latest; soonest first.
fn expiring(scope: Scope, horizon: NaiveDate, as_of: NaiveDate) -> SelectStatement {
    let a = |column| Expr::col((agreement::Entity, column));
    let this = (agreement::Entity, agreement::Column::Id);
    let renewal = Query::select()
        .expr(one())
        .from_as(agreement::Entity, "r")
        .and_where(Expr::col(("r", agreement::Column::RenewalOf)).equals(this))
        .and_where(Expr::from(signatories(("r", agreement::Column::Id), as_of)).gte(2))
        .to_owned();
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
    .and_where(a(agreement::Column::ValidUntil).lte(horizon))
    .and_where(Expr::from(signatories(this, as_of)).gte(2))
    .and_where(Expr::exists(renewal).not());
    scope.restrict(&mut q);
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
        .and_where(p(partnership::Column::Status).is_in(["ACTIVE", "SUSPENDED"]));
    scope.restrict(&mut q);
    q.order_by_expr(
        Func::coalesce([c(due), c(contact::Column::HappenedOn)]).into(),
        Order::Asc,
    )
    .order_by((contact::Entity, contact::Column::Id), Order::Asc);
    q
}

/// Each agreement's last signature and number of signatory cities, up to
/// `as_of`.
fn signed(as_of: NaiveDate) -> SelectStatement {
    Query::select()
        .column(signature::Column::AgreementId)
        .expr_as(
            Func::max(Expr::col(signature::Column::SignedOn)),
            "signed_on",
        )
        .expr_as(
            Func::count_distinct(Expr::col(signature::Column::CityId)),
            "n",
        )
        .from(signature::Entity)
        .and_where(Expr::col(signature::Column::SignedOn).lte(as_of))
        .group_by_col(signature::Column::AgreementId)
        .to_owned()
}

/// A plan version of the outer partnership approved by both cities by
/// `as_of`.
fn approved_plan(as_of: NaiveDate) -> SelectStatement {
    let ap = |column| Expr::col(("ap", column));
    Query::select()
        .expr(one())
        .from_as(approval::Entity, "ap")
        .and_where(
            ap(approval::Column::PartnershipId)
                .equals((partnership::Entity, partnership::Column::Id)),
        )
        .and_where(ap(approval::Column::Subject).eq("PLAN"))
        .and_where(ap(approval::Column::ApprovedOn).lte(as_of))
        .group_by_col(("ap", approval::Column::Version))
        .and_having(Func::count_distinct(ap(approval::Column::CityId)).gte(2))
        .to_owned()
}

/// Active partnerships in scope whose first agreement signed by both cities
/// was signed by `cutoff` and that have no plan approved by both by `as_of`;
/// longest waiting first.
fn without_plan(scope: Scope, cutoff: NaiveDate, as_of: NaiveDate) -> SelectStatement {
    let first_signed = || Expr::from(Func::min(Expr::col(("s", "signed_on"))));
    let mut q = Query::select();
    q.expr(p(partnership::Column::Id))
        .expr(p(partnership::Column::Step))
        .expr_as(first_signed(), "signed_on")
        .from(partnership::Entity)
        .inner_join(
            agreement::Entity,
            Expr::col((agreement::Entity, agreement::Column::PartnershipId))
                .equals((partnership::Entity, partnership::Column::Id)),
        )
        .join_subquery(
            JoinType::InnerJoin,
            signed(as_of),
            "s",
            Expr::col(("s", "agreement_id")).equals((agreement::Entity, agreement::Column::Id)),
        )
        .and_where(p(partnership::Column::Status).eq("ACTIVE"))
        .and_where(Expr::col(("s", "n")).gte(2))
        .and_where(Expr::exists(approved_plan(as_of)).not());
    scope.restrict(&mut q);
    q.group_by_columns([
        (partnership::Entity, partnership::Column::Id),
        (partnership::Entity, partnership::Column::Step),
    ])
    .and_having(first_signed().lte(cutoff))
    .order_by_expr(first_signed(), Order::Asc)
    .order_by((partnership::Entity, partnership::Column::Id), Order::Asc);
    q
}

impl Store {
    /// Active and suspended partnerships with no joint activity for `days`
    /// days before `as_of`, oldest first (one statement). Joint activity is
    /// judged by the dates things happened, up to `as_of`: contacts and their
    /// follow-ups, progress reports, the end of measurement periods,
    /// signatures and approvals (with `joint_only`, only the contacts both
    /// cities took part in and their follow-ups); a partnership with none is
    /// judged by its start.
    pub async fn stalled_partnerships(
        &self,
        scope: Scope,
        days: u32,
        as_of: NaiveDate,
        joint_only: bool,
    ) -> Result<Vec<Stalled>> {
        let cutoff = as_of - Duration::days(i64::from(days));
        let q = stalled(self.backend(), scope, (cutoff, as_of), joint_only);
        let mut out = Vec::new();
        for r in self.rows(&q).await? {
            let last: Option<NaiveDate> = get(&r, "last_on")?;
            let started: NaiveDate = get(&r, "started_on")?;
            let on = last.unwrap_or(started);
            out.push(Stalled {
                partnership: PartnershipId(get(&r, "id")?),
                step: parse("step", &get::<String>(&r, "step")?)?,
                status: parse("status", &get::<String>(&r, "status")?)?,
                last_activity_on: on,
                any_activity: last.is_some(),
                days_silent: (as_of - on).num_days(),
            });
        }
        Ok(out)
    }

    /// Agreements signed by both cities of active partnerships by `as_of`
    /// that expire within `within_days` of it, or have expired, and were not
    /// renewed by then; soonest first (one statement).
    pub async fn expiring_agreements(
        &self,
        scope: Scope,
        within_days: u32,
        as_of: NaiveDate,
    ) -> Result<Vec<Expiring>> {
        let horizon = as_of + Duration::days(i64::from(within_days));
        let mut out = Vec::new();
        for r in self.rows(&expiring(scope, horizon, as_of)).await? {
            let until: NaiveDate = get(&r, "valid_until")?;
            out.push(Expiring {
                partnership: PartnershipId(get(&r, "partnership_id")?),
                agreement: get(&r, "id")?,
                title: get(&r, "title")?,
                valid_until: until,
                days_left: (until - as_of).num_days(),
            });
        }
        Ok(out)
    }

    /// Delegations and visits of live partnerships up to `as_of` with no
    /// follow-up recorded by then, whose follow-up is overdue or was never
    /// planned; longest waiting first (one statement).
    pub async fn unfollowed_delegations(
        &self,
        scope: Scope,
        as_of: NaiveDate,
    ) -> Result<Vec<Unfollowed>> {
        self.rows(&unfollowed(scope, as_of))
            .await?
            .iter()
            .map(|r| unfollowed_from(r, as_of))
            .collect()
    }

    /// Active partnerships whose first agreement signed by both cities is
    /// more than `days` old on `as_of` and that have no plan version approved
    /// by both cities by then; longest waiting first (one statement).
    pub async fn agreements_without_plan(
        &self,
        scope: Scope,
        days: u32,
        as_of: NaiveDate,
    ) -> Result<Vec<WithoutPlan>> {
        let cutoff = as_of - Duration::days(i64::from(days));
        let mut out = Vec::new();
        for r in self.rows(&without_plan(scope, cutoff, as_of)).await? {
            let signed: NaiveDate = get(&r, "signed_on")?;
            out.push(WithoutPlan {
                partnership: PartnershipId(get(&r, "id")?),
                step: parse("step", &get::<String>(&r, "step")?)?,
                signed_on: signed,
                days_since: (as_of - signed).num_days(),
            });
        }
        Ok(out)
    }
}
