//! Joint activity, the dates dormancy is judged by: contacts and their
//! follow-ups, progress reports, measurements, signatures and approvals
//! (joint only: the contacts both cities took part in and their follow-ups).
//! A measurement counts on the day its period ends, or the day it was
//! recorded if that is earlier (a period still running).
//!
//! The partnership row keeps the latest of each (`last_activity_on`,
//! `last_joint_on`), set in the transaction of the change that records one;
//! the analytics read the row as of today and these dates as of any other
//! day.

use super::act::approval;
use super::agreements::signature;
use super::contacts::contact;
use super::delivery::progress_report;
use super::measure::measurement;
use crate::convert::day_of;
use c2c_domain::Change;
use chrono::NaiveDate;
use sea_orm::DbBackend;
use sea_orm::sea_query::{
    Expr, ExprTrait, Func, IntoIden, Query, QueryStatementBuilder, SelectStatement, UnionType,
};
use uuid::Uuid;

/// Which activity: every kind, or the contacts both cities took part in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Activity {
    /// Every kind of joint activity.
    All,
    /// The joint contacts and their follow-ups.
    Joint,
}

/// `SELECT partnership_id, <on> AS d FROM <table> [WHERE partnership_id = …]`.
fn dated<T, C>(table: T, partnership_id: C, on: Expr, of: Option<Uuid>) -> SelectStatement
where
    T: IntoIden,
    C: IntoIden + Copy + 'static,
{
    let mut q = Query::select();
    q.column(partnership_id).expr_as(on, "d").from(table);
    if let Some(id) = of {
        q.and_where(Expr::col(partnership_id).eq(id));
    }
    q
}

/// The day a measurement counts as activity.
fn measured_on(backend: DbBackend) -> Expr {
    let end = Expr::col(measurement::Column::PeriodEnd);
    let recorded = day_of(backend, Expr::col(measurement::Column::RecordedAt));
    let least = if backend == DbBackend::Postgres {
        "LEAST"
    } else {
        "min"
    };
    Func::cust(least).arg(end).arg(recorded).into()
}

/// Every dated item of `activity` as `(partnership_id, d)` rows, of one
/// partnership or of all; `d` may be null (a contact not followed up).
pub(crate) fn dates(backend: DbBackend, activity: Activity, of: Option<Uuid>) -> SelectStatement {
    use contact::Column as C;
    let contacts = |on: C| {
        let mut q = dated(contact::Entity, C::PartnershipId, Expr::col(on), of);
        if activity == Activity::Joint {
            q.and_where(Expr::col(C::Joint).eq(true));
        }
        q
    };
    let mut all = contacts(C::HappenedOn);
    all.union(UnionType::All, contacts(C::FollowedUpOn));
    if activity == Activity::Joint {
        return all;
    }
    let others = [
        dated(
            progress_report::Entity,
            progress_report::Column::PartnershipId,
            Expr::col(progress_report::Column::ReportedOn),
            of,
        ),
        dated(
            measurement::Entity,
            measurement::Column::PartnershipId,
            measured_on(backend),
            of,
        ),
        dated(
            signature::Entity,
            signature::Column::PartnershipId,
            Expr::col(signature::Column::SignedOn),
            of,
        ),
        dated(
            approval::Entity,
            approval::Column::PartnershipId,
            Expr::col(approval::Column::ApprovedOn),
            of,
        ),
    ];
    all.unions(others.map(|q| (UnionType::All, q)));
    all
}

/// The latest date of `activity` of each partnership up to `as_of`, as
/// `last_on`.
pub(crate) fn latest(backend: DbBackend, activity: Activity, as_of: NaiveDate) -> SelectStatement {
    Query::select()
        .column("partnership_id")
        .expr_as(Func::max(Expr::col("d")), "last_on")
        .from_subquery(dates(backend, activity, None), "x")
        .and_where(Expr::col("d").lte(as_of))
        .group_by_col("partnership_id")
        .to_owned()
}

/// The latest date of `activity` of one partnership: a scalar subquery.
fn latest_of(backend: DbBackend, activity: Activity, id: Uuid) -> Expr {
    let q = Query::select()
        .expr(Func::max(Expr::col("d")))
        .from_subquery(dates(backend, activity, Some(id)), "x")
        .to_owned();
    Expr::SubQuery(None, Box::new(q.into_sub_query_statement()))
}

/// How a change moves the kept latest date of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moved {
    /// A new dated item: the latest date is at least this day. Such items are
    /// only ever added, so the kept date is raised, never read again.
    AtLeast(NaiveDate),
    /// An existing item changed its date: the latest date is read again.
    Recount,
}

/// The activities whose latest date a change moves, and how.
pub(crate) fn moved_by(change: &Change) -> Vec<(Activity, Moved)> {
    use Moved::{AtLeast, Recount};
    let all = |on: NaiveDate| vec![(Activity::All, AtLeast(on))];
    match change {
        Change::ContactRecorded(c) if c.joint => {
            vec![
                (Activity::All, AtLeast(c.on)),
                (Activity::Joint, AtLeast(c.on)),
            ]
        }
        Change::ContactRecorded(c) => all(c.on),
        Change::FollowUpRecorded { .. } => {
            vec![(Activity::All, Recount), (Activity::Joint, Recount)]
        }
        Change::ProgressReported { report, .. } => all(report.on),
        Change::MeasurementRecorded(m) => all(Ord::min(m.period.end, m.recorded_at.date_naive())),
        Change::AgreementSigned { signature, .. } => all(signature.on),
        Change::Approved(a) => all(a.on),
        _ => Vec::new(),
    }
}

/// The new value of the kept date `column` of partnership `id` after a move.
pub(crate) fn kept_after<C>(
    backend: DbBackend,
    (activity, moved): (Activity, Moved),
    column: C,
    id: Uuid,
) -> Expr
where
    C: IntoIden + Copy + 'static,
{
    match moved {
        Moved::AtLeast(on) => {
            let kept = || Expr::col(column);
            Expr::case(kept().is_null().or(kept().lt(on)), on)
                .finally(kept())
                .into()
        }
        Moved::Recount => latest_of(backend, activity, id),
    }
}
