//! Dormancy read from the partnership row: the day it started
//! (`started_on`), the day of its last joint activity (`last_activity_on`:
//! contacts and their follow-ups, progress reports, measurements, signatures
//! and approvals) and of its last contact both cities took part in
//! (`last_joint_on`), kept by the store in the transaction that records
//! them. Each is indexed for the live partnerships (active or suspended) by
//! the day they went quiet: their last activity, or their start when none.
//!
//! Agreements are indexed by the agreement they renew, which the expiring
//! agreements read for each agreement (without, a scan of them all each).
//!
//! A measurement is activity on the day its period ends, or on the day it was
//! recorded if that is earlier (a period still running). Existing rows are
//! filled from what is recorded.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::common::{add_columns, drop_columns, drop_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Agreement {
    Table,
    RenewalOf,
}

#[derive(DeriveIden, Clone, Copy)]
enum Partnership {
    Table,
    StartedOn,
    LastActivityOn,
    LastJointOn,
}

/// The two indexes: name, the column of activity.
const QUIET: [(&str, &str); 2] = [
    ("idx_partnership_quiet", "last_activity_on"),
    ("idx_partnership_quiet_joint", "last_joint_on"),
];

/// The day of a UTC timestamp column, and the earlier of two dates.
fn day_and_least(backend: DbBackend) -> (&'static str, &'static str) {
    if backend == DbBackend::Postgres {
        ("(recorded_at AT TIME ZONE 'UTC')::date", "LEAST")
    } else {
        ("date(recorded_at)", "min")
    }
}

/// Fills the three columns of every partnership from what is recorded.
fn backfill(backend: DbBackend) -> String {
    let (recorded_on, least) = day_and_least(backend);
    let started_on = if backend == DbBackend::Postgres {
        "(started_at AT TIME ZONE 'UTC')::date"
    } else {
        "date(started_at)"
    };
    let of = "WHERE t.partnership_id = partnership.id";
    format!(
        "UPDATE partnership SET started_on = {started_on}, \
         last_activity_on = (SELECT max(d) FROM ( \
           SELECT t.happened_on AS d FROM contact t {of} \
           UNION ALL SELECT t.followed_up_on FROM contact t {of} \
           UNION ALL SELECT t.reported_on FROM progress_report t {of} \
           UNION ALL SELECT {least}(t.period_end, {recorded_on}) FROM measurement t {of} \
           UNION ALL SELECT t.signed_on FROM signature t {of} \
           UNION ALL SELECT t.approved_on FROM approval t {of}) x), \
         last_joint_on = (SELECT max(d) FROM ( \
           SELECT t.happened_on AS d FROM contact t {of} AND t.joint \
           UNION ALL SELECT t.followed_up_on FROM contact t {of} AND t.joint) x)"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            date_null(Partnership::StartedOn),
            date_null(Partnership::LastActivityOn),
            date_null(Partnership::LastJointOn),
        ];
        add_columns(manager, Partnership::Table, columns).await?;
        let db = manager.get_connection();
        db.execute_unprepared(&backfill(manager.get_database_backend()))
            .await?;
        for (name, column) in QUIET {
            db.execute_unprepared(&format!(
                "CREATE INDEX {name} ON partnership \
                 ((coalesce({column}, started_on)), id) \
                 WHERE status IN ('ACTIVE', 'SUSPENDED')"
            ))
            .await?;
        }
        manager
            .create_index(crate::index(Agreement::Table, &[Agreement::RenewalOf]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_indexes(manager, Agreement::Table, &["idx_agreement_renewal_of"]).await?;
        let quiet = QUIET.map(|(name, _)| name);
        drop_indexes(manager, Partnership::Table, &quiet).await?;
        let columns = [
            Partnership::LastJointOn,
            Partnership::LastActivityOn,
            Partnership::StartedOn,
        ];
        drop_columns(manager, Partnership::Table, columns).await
    }
}
