//! The append-only history: one row per event. Triggers refuse any `UPDATE`
//! or `DELETE` of an event, on PostgreSQL and on SQLite.

use crate::m20261122_000001_create_cities::{Account, City};
use crate::m20261122_000003_create_partnerships::Partnership;
use crate::{fk, index};
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Event {
    Table,
    Seq,
    Id,
    PartnershipId,
    CityId,
    ActorId,
    Kind,
    Payload,
    Step,
    Loop,
    Cycle,
    Status,
    Version,
    OccurredAt,
    RecordedAt,
}

const POSTGRES_UP: &str = r#"
CREATE FUNCTION c2c_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the event history is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER event_append_only
    BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION c2c_event_is_append_only();
CREATE TRIGGER event_no_truncate
    BEFORE TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION c2c_event_is_append_only();
"#;

const POSTGRES_DOWN: &str = r#"
DROP TRIGGER IF EXISTS event_no_truncate ON event;
DROP TRIGGER IF EXISTS event_append_only ON event;
DROP FUNCTION IF EXISTS c2c_event_is_append_only();
"#;

const SQLITE_UP: [&str; 2] = [
    "CREATE TRIGGER event_no_update BEFORE UPDATE ON event \
     BEGIN SELECT RAISE(ABORT, 'the event history is append-only: UPDATE refused'); END",
    "CREATE TRIGGER event_no_delete BEFORE DELETE ON event \
     BEGIN SELECT RAISE(ABORT, 'the event history is append-only: DELETE refused'); END",
];

const SQLITE_DOWN: [&str; 2] = [
    "DROP TRIGGER IF EXISTS event_no_update",
    "DROP TRIGGER IF EXISTS event_no_delete",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .col(big_pk_auto(Event::Seq))
                    .col(uuid_uniq(Event::Id))
                    .col(uuid_null(Event::PartnershipId))
                    .col(uuid(Event::CityId))
                    .col(uuid(Event::ActorId))
                    .col(string_len(Event::Kind, 48))
                    .col(json(Event::Payload))
                    .col(string_len_null(Event::Step, 16))
                    .col(string_len_null(Event::Loop, 32))
                    .col(integer_null(Event::Cycle))
                    .col(string_len_null(Event::Status, 16))
                    .col(big_integer_null(Event::Version))
                    .col(timestamp_with_time_zone(Event::OccurredAt))
                    .col(timestamp_with_time_zone(Event::RecordedAt))
                    .foreign_key(&mut fk(
                        Event::Table,
                        Event::PartnershipId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .foreign_key(&mut fk(Event::Table, Event::CityId, City::Table, City::Id))
                    .foreign_key(&mut fk(
                        Event::Table,
                        Event::ActorId,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for columns in [
            vec![Event::PartnershipId, Event::Seq],
            vec![Event::PartnershipId, Event::OccurredAt],
            vec![Event::CityId, Event::Seq],
            vec![Event::Kind, Event::OccurredAt],
        ] {
            manager.create_index(index(Event::Table, &columns)).await?;
        }
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(POSTGRES_UP).await?;
            }
            DbBackend::Sqlite => {
                for statement in SQLITE_UP {
                    db.execute_unprepared(statement).await?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(POSTGRES_DOWN).await?;
            }
            DbBackend::Sqlite => {
                for statement in SQLITE_DOWN {
                    db.execute_unprepared(statement).await?;
                }
            }
            _ => {}
        }
        manager
            .drop_table(Table::drop().table(Event::Table).to_owned())
            .await
    }
}
