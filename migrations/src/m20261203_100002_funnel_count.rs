//! The partnerships counted by step, loop and status (`funnel_count`), kept
//! by the store in the transaction of every change that moves one, so that
//! the operator's funnel reads a few hundred rows however many partnerships
//! there are. Each state's count is spread over shards (rows the store picks
//! by partnership), and the funnel sums them; the existing partnerships are
//! counted in shard 0.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum FunnelCount {
    Table,
    Shard,
    Step,
    Loop,
    Status,
    N,
}

/// Counts the partnerships there are.
const BACKFILL: &str = "INSERT INTO funnel_count (shard, step, \"loop\", status, n) \
    SELECT 0, step, \"loop\", status, count(*) FROM partnership \
    GROUP BY step, \"loop\", status";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use FunnelCount as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .col(small_integer(F::Shard))
                    .col(string_len(F::Step, 16))
                    .col(string_len(F::Loop, 32))
                    .col(string_len(F::Status, 16))
                    .col(big_integer(F::N))
                    .primary_key(
                        Index::create()
                            .col(F::Shard)
                            .col(F::Step)
                            .col(F::Loop)
                            .col(F::Status),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(BACKFILL)
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::common::drop_tables(manager, [FunnelCount::Table.into_iden()]).await
    }
}
