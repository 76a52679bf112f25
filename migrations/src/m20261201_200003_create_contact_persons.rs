//! The persons each city names as its contacts for a partnership: from when
//! to when, and whether the counterpart was told of their start and of their
//! leaving (a change without notice is a known failure pattern).

use crate::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ContactPerson {
    Table,
    Id,
    PartnershipId,
    CityId,
    Name,
    Role,
    Email,
    FromOn,
    UntilOn,
    Announced,
    UntilAnnounced,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Partnership {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum City {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ContactPerson::Table)
                    .col(pk_uuid(ContactPerson::Id))
                    .col(uuid(ContactPerson::PartnershipId))
                    .col(uuid(ContactPerson::CityId))
                    .col(text(ContactPerson::Name))
                    .col(text(ContactPerson::Role))
                    .col(text_null(ContactPerson::Email))
                    .col(date(ContactPerson::FromOn))
                    .col(date_null(ContactPerson::UntilOn))
                    .col(boolean(ContactPerson::Announced))
                    .col(boolean(ContactPerson::UntilAnnounced))
                    .col(timestamp_with_time_zone(ContactPerson::RecordedAt))
                    .foreign_key(&mut fk(
                        ContactPerson::Table,
                        ContactPerson::PartnershipId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .foreign_key(&mut fk(
                        ContactPerson::Table,
                        ContactPerson::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                ContactPerson::Table,
                &[ContactPerson::PartnershipId, ContactPerson::CityId],
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::drop_tables(manager, [ContactPerson::Table.into_iden()]).await
    }
}
