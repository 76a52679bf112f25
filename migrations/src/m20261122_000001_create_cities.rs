//! Cities, their areas of interest and stakeholders; accounts and API tokens.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum City {
    Table,
    Id,
    Name,
    OtherNames,
    Level,
    ParentId,
    Country,
    Population,
    Languages,
    TimeZone,
    LookingForPartner,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CityArea {
    Table,
    CityId,
    Area,
}

#[derive(DeriveIden, Clone, Copy)]
enum Stakeholder {
    Table,
    Id,
    CityId,
    Name,
    Sector,
    Involvement,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Account {
    Table,
    Id,
    Name,
    Role,
    CityId,
    CreatedAt,
    DisabledAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApiToken {
    Table,
    Id,
    AccountId,
    Hash,
    Label,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(City::Table)
                    .col(pk_uuid(City::Id))
                    .col(text(City::Name))
                    .col(json(City::OtherNames))
                    .col(string_len(City::Level, 32))
                    .col(uuid_null(City::ParentId))
                    .col(char_len(City::Country, 2))
                    .col(big_integer_null(City::Population))
                    .col(json(City::Languages))
                    .col(string_len(City::TimeZone, 64))
                    .col(boolean(City::LookingForPartner))
                    .col(timestamp_with_time_zone(City::CreatedAt))
                    .col(timestamp_with_time_zone(City::UpdatedAt))
                    .foreign_key(&mut fk(City::Table, City::ParentId, City::Table, City::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(City::Table, &[City::Country]))
            .await?;
        manager
            .create_index(index(City::Table, &[City::ParentId]))
            .await?;
        manager
            .create_index(index(City::Table, &[City::Name]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CityArea::Table)
                    .col(uuid(CityArea::CityId))
                    .col(string_len(CityArea::Area, 32))
                    .primary_key(Index::create().col(CityArea::CityId).col(CityArea::Area))
                    .foreign_key(
                        &mut fk(CityArea::Table, CityArea::CityId, City::Table, City::Id)
                            .on_delete(ForeignKeyAction::Cascade)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(CityArea::Table, &[CityArea::Area, CityArea::CityId]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Stakeholder::Table)
                    .col(pk_uuid(Stakeholder::Id))
                    .col(uuid(Stakeholder::CityId))
                    .col(text(Stakeholder::Name))
                    .col(string_len(Stakeholder::Sector, 32))
                    .col(string_len(Stakeholder::Involvement, 32))
                    .col(timestamp_with_time_zone(Stakeholder::CreatedAt))
                    .foreign_key(&mut fk(
                        Stakeholder::Table,
                        Stakeholder::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Stakeholder::Table, &[Stakeholder::CityId]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(pk_uuid(Account::Id))
                    .col(text(Account::Name))
                    .col(string_len(Account::Role, 16))
                    .col(uuid_null(Account::CityId))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .col(timestamp_with_time_zone_null(Account::DisabledAt))
                    .foreign_key(&mut fk(
                        Account::Table,
                        Account::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Account::Table, &[Account::CityId]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiToken::Table)
                    .col(pk_uuid(ApiToken::Id))
                    .col(uuid(ApiToken::AccountId))
                    .col(char_len_uniq(ApiToken::Hash, 64))
                    .col(text(ApiToken::Label))
                    .col(timestamp_with_time_zone(ApiToken::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiToken::RevokedAt))
                    .col(timestamp_with_time_zone_null(ApiToken::LastUsedAt))
                    .foreign_key(&mut fk(
                        ApiToken::Table,
                        ApiToken::AccountId,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(ApiToken::Table, &[ApiToken::AccountId]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::drop_tables(
            manager,
            [
                ApiToken::Table.into_iden(),
                Account::Table.into_iden(),
                Stakeholder::Table.into_iden(),
                CityArea::Table.into_iden(),
                City::Table.into_iden(),
            ],
        )
        .await
    }
}
