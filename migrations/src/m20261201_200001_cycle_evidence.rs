//! What the renewals of a new cycle read: when a partnership's current cycle
//! began (the recorded time of its start or its last loop back), and the
//! cycle in which its plan's current version was made.
//!
//! Existing rows are filled from the history: a partnership's last
//! `LOOPED_BACK` event (else the row's creation), and the latest cycle in
//! which its plan or an activity was recorded (else 1).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Partnership {
    Table,
    CycleBeganAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Plan {
    Table,
    VersionCycle,
}

const FILL_CYCLE_BEGAN_AT: &str = "UPDATE partnership SET cycle_began_at = COALESCE(\
     (SELECT MAX(e.recorded_at) FROM event e \
      WHERE e.partnership_id = partnership.id AND e.kind = 'LOOPED_BACK'), \
     created_at)";

const FILL_VERSION_CYCLE: &str = "UPDATE plan SET version_cycle = COALESCE(\
     (SELECT MAX(e.cycle) FROM event e \
      WHERE e.partnership_id = plan.partnership_id \
      AND e.kind IN ('PLAN_RECORDED', 'ACTIVITY_RECORDED')), \
     1)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Partnership::Table)
                    .add_column(timestamp_with_time_zone_null(Partnership::CycleBeganAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Plan::Table)
                    .add_column(integer(Plan::VersionCycle).default(1))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(FILL_CYCLE_BEGAN_AT).await?;
        db.execute_unprepared(FILL_VERSION_CYCLE).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Plan::Table)
                    .drop_column(Plan::VersionCycle)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Partnership::Table)
                    .drop_column(Partnership::CycleBeganAt)
                    .to_owned(),
            )
            .await
    }
}
