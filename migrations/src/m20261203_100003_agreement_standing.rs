//! Expiring agreements read from the agreement row: the day it was signed by
//! both cities (`signed_both_on`: the day of its last signature once two
//! cities have signed it) and the first day a renewal of it was signed by
//! both (`renewed_on`), kept by the store in the transaction of each
//! signature. The agreements signed by both and not renewed are indexed by
//! their last day in force. Existing rows are filled from the signatures
//! recorded.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::common::{add_columns, drop_columns, drop_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Agreement {
    Table,
    SignedBothOn,
    RenewedOn,
}

const INDEX: &str = "idx_agreement_in_force";

/// Fills both columns of every agreement, its own first.
const BACKFILL: [&str; 2] = [
    "UPDATE agreement SET signed_both_on = (SELECT max(s.signed_on) FROM signature s \
     WHERE s.agreement_id = agreement.id HAVING count(DISTINCT s.city_id) >= 2)",
    "UPDATE agreement SET renewed_on = (SELECT min(r.signed_both_on) FROM agreement r \
     WHERE r.renewal_of = agreement.id)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            date_null(Agreement::SignedBothOn),
            date_null(Agreement::RenewedOn),
        ];
        add_columns(manager, Agreement::Table, columns).await?;
        let db = manager.get_connection();
        for sql in BACKFILL {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared(&format!(
            "CREATE INDEX {INDEX} ON agreement (valid_until, id) \
             WHERE signed_both_on IS NOT NULL AND renewed_on IS NULL"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_indexes(manager, Agreement::Table, &[INDEX]).await?;
        let columns = [Agreement::RenewedOn, Agreement::SignedBothOn];
        drop_columns(manager, Agreement::Table, columns).await
    }
}
