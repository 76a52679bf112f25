//! The transaction that wrote each event (PostgreSQL's `xid8`), so that the
//! event bus delivers an event only once every transaction that could still
//! write an earlier one has ended: subscribers then get every committed event,
//! once, in order, across processes. SQLite has one writer at a time and one
//! process: nothing to add.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "ALTER TABLE event ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()",
        )
        .await?;
        db.execute_unprepared("CREATE INDEX event_xid ON event (xid)")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE event DROP COLUMN xid")
            .await?;
        Ok(())
    }
}
