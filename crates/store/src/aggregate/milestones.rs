//! The milestones the alert of agreements without a plan is judged by: the
//! day a partnership's first agreement was signed by both cities, and the
//! day a plan version was first approved by both. An agreement is signed by
//! both on the day of its last signature once two cities have signed it; a
//! plan version is approved by both on the day of its last approval once two
//! cities have approved it.
//!
//! The partnership row keeps both (`first_signed_on`, `plan_approved_on`),
//! and the agreement row keeps the day it was signed by both
//! (`signed_both_on`) and the first day a renewal of it was
//! (`renewed_on`), set in the transaction of the signature or the approval;
//! the analytics read the rows as of today and the signatures and approvals
//! as of any other day.

use super::act::approval;
use super::agreements::{agreement, signature};
use crate::Writer;
use crate::error::Result;
use c2c_domain::outputs::ApprovalSubject;
use c2c_domain::{AgreementId, Change};
use chrono::NaiveDate;
use sea_orm::sea_query::{
    Expr, ExprTrait, Func, IntoIden, Query, QueryStatementBuilder, SelectStatement,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// A milestone of a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Milestone {
    /// An agreement signed by both cities.
    SignedByBoth,
    /// A plan version approved by both cities.
    PlanApproved,
}

/// Every time `milestone` was reached, as `(partnership_id, d)` rows: one per
/// agreement signed by both, or per plan version approved by both, up to
/// `as_of` (or ever), of one partnership or of all.
fn reached(milestone: Milestone, as_of: Option<NaiveDate>, of: Option<Uuid>) -> SelectStatement {
    let (table, on, partnership_id, city, by) = match milestone {
        Milestone::SignedByBoth => (
            signature::Entity.into_iden(),
            signature::Column::SignedOn.into_iden(),
            signature::Column::PartnershipId.into_iden(),
            signature::Column::CityId.into_iden(),
            signature::Column::AgreementId.into_iden(),
        ),
        Milestone::PlanApproved => (
            approval::Entity.into_iden(),
            approval::Column::ApprovedOn.into_iden(),
            approval::Column::PartnershipId.into_iden(),
            approval::Column::CityId.into_iden(),
            approval::Column::Version.into_iden(),
        ),
    };
    let mut q = Query::select();
    q.column(partnership_id.clone())
        .expr_as(Func::max(Expr::col(on.clone())), "d")
        .from(table);
    if milestone == Milestone::PlanApproved {
        q.and_where(Expr::col(approval::Column::Subject).eq("PLAN"));
    }
    if let Some(day) = as_of {
        q.and_where(Expr::col(on).lte(day));
    }
    if let Some(id) = of {
        q.and_where(Expr::col(partnership_id.clone()).eq(id));
    }
    q.group_by_col(partnership_id)
        .group_by_col(by)
        .and_having(Func::count_distinct(Expr::col(city)).gte(2));
    q
}

/// The first day each partnership reached `milestone` up to `as_of`, as
/// `first_on`.
pub(crate) fn first(milestone: Milestone, as_of: NaiveDate) -> SelectStatement {
    Query::select()
        .column("partnership_id")
        .expr_as(Func::min(Expr::col("d")), "first_on")
        .from_subquery(reached(milestone, Some(as_of), None), "x")
        .group_by_col("partnership_id")
        .to_owned()
}

/// The first day partnership `id` reached `milestone`: a scalar subquery.
pub(crate) fn first_of(milestone: Milestone, id: Uuid) -> Expr {
    scalar(
        Query::select()
            .expr(Func::min(Expr::col("d")))
            .from_subquery(reached(milestone, None, Some(id)), "x")
            .to_owned(),
    )
}

/// The milestone a change may reach (read again from what is recorded).
pub(crate) fn moved_by(change: &Change) -> Option<Milestone> {
    match change {
        Change::AgreementSigned { .. } => Some(Milestone::SignedByBoth),
        Change::Approved(a) if a.subject == ApprovalSubject::Plan => Some(Milestone::PlanApproved),
        _ => None,
    }
}

/// A query as a scalar subquery.
fn scalar(q: SelectStatement) -> Expr {
    Expr::SubQuery(None, Box::new(q.into_sub_query_statement()))
}

/// Keeps, after a signature of `signed`, the day it was signed by both and
/// the first day the agreement it renews (if any) was renewed: two writes.
pub(crate) async fn agreement_signed(w: &mut Writer, signed: AgreementId) -> Result<()> {
    use agreement::Column as A;
    let s = |c| Expr::col((signature::Entity, c));
    let both = Query::select()
        .expr(Func::max(s(signature::Column::SignedOn)))
        .from(signature::Entity)
        .and_where(s(signature::Column::AgreementId).eq(signed.0))
        .and_having(Func::count_distinct(s(signature::Column::CityId)).gte(2))
        .to_owned();
    agreement::Entity::update_many()
        .col_expr(A::SignedBothOn, scalar(both))
        .filter(A::Id.eq(signed.0))
        .exec(&w.txn)
        .await?;
    w.wrote()?;
    let first_renewal = Query::select()
        .expr(Func::min(Expr::col(("r", A::SignedBothOn))))
        .from_as(agreement::Entity, "r")
        .and_where(Expr::col(("r", A::RenewalOf)).equals((agreement::Entity, A::Id)))
        .to_owned();
    let renewed = Query::select()
        .column(A::RenewalOf)
        .from_as(agreement::Entity, "x")
        .and_where(Expr::col(("x", A::Id)).eq(signed.0))
        .to_owned();
    agreement::Entity::update_many()
        .col_expr(A::RenewedOn, scalar(first_renewal))
        .filter(A::Id.in_subquery(renewed))
        .exec(&w.txn)
        .await?;
    w.wrote()
}
