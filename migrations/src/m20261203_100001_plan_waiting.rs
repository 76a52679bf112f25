//! Agreements without a plan read from the partnership row: the day its
//! first agreement was signed by both cities (`first_signed_on`) and the day
//! a plan version was first approved by both (`plan_approved_on`), kept by
//! the store in the transaction of the signature or the approval. The active
//! partnerships still waiting for a plan are indexed by the first of these.
//!
//! An agreement is signed by both on the day of its last signature once two
//! cities have signed it; a plan version is approved by both on the day of
//! its last approval once two cities have approved it. Existing rows are
//! filled from the signatures and approvals recorded.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::common::{add_columns, drop_columns, drop_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Partnership {
    Table,
    FirstSignedOn,
    PlanApprovedOn,
}

const INDEX: &str = "idx_partnership_without_plan";

/// Fills both columns of every partnership from what is recorded.
const BACKFILL: &str = "UPDATE partnership SET \
    first_signed_on = (SELECT min(d) FROM ( \
      SELECT max(t.signed_on) AS d FROM signature t \
      WHERE t.partnership_id = partnership.id \
      GROUP BY t.agreement_id HAVING count(DISTINCT t.city_id) >= 2) x), \
    plan_approved_on = (SELECT min(d) FROM ( \
      SELECT max(t.approved_on) AS d FROM approval t \
      WHERE t.partnership_id = partnership.id AND t.subject = 'PLAN' \
      GROUP BY t.version HAVING count(DISTINCT t.city_id) >= 2) x)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            date_null(Partnership::FirstSignedOn),
            date_null(Partnership::PlanApprovedOn),
        ];
        add_columns(manager, Partnership::Table, columns).await?;
        let db = manager.get_connection();
        db.execute_unprepared(BACKFILL).await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {INDEX} ON partnership (first_signed_on, id) \
             WHERE status = 'ACTIVE' AND plan_approved_on IS NULL"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_indexes(manager, Partnership::Table, &[INDEX]).await?;
        let columns = [Partnership::PlanApprovedOn, Partnership::FirstSignedOn];
        drop_columns(manager, Partnership::Table, columns).await
    }
}
