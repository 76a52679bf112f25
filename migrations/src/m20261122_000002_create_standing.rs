//! A city's standing: its versioned strategy (Aim) and commitment (Commit).

use crate::fk;
use crate::m20261122_000001_create_cities::{Account, City};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Strategy {
    Table,
    CityId,
    Version,
    Vision,
    Horizon,
    Objectives,
    Challenges,
    Opportunities,
    Themes,
    Stakeholders,
    Evidence,
    AdoptedOn,
    RecordedAt,
    RecordedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum Commitment {
    Table,
    CityId,
    Version,
    PoliticalBody,
    PoliticalOn,
    PoliticalReference,
    Priorities,
    Roles,
    Resources,
    ContactTeamName,
    ContactTeamMembers,
    ExternalStakeholders,
    RecordedAt,
    RecordedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Strategy::Table)
                    .col(uuid(Strategy::CityId))
                    .col(integer(Strategy::Version))
                    .col(text(Strategy::Vision))
                    .col(text_null(Strategy::Horizon))
                    .col(json(Strategy::Objectives))
                    .col(json(Strategy::Challenges))
                    .col(json(Strategy::Opportunities))
                    .col(json(Strategy::Themes))
                    .col(json(Strategy::Stakeholders))
                    .col(json(Strategy::Evidence))
                    .col(date_null(Strategy::AdoptedOn))
                    .col(timestamp_with_time_zone(Strategy::RecordedAt))
                    .col(uuid(Strategy::RecordedBy))
                    .primary_key(Index::create().col(Strategy::CityId).col(Strategy::Version))
                    .foreign_key(&mut fk(
                        Strategy::Table,
                        Strategy::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .foreign_key(&mut fk(
                        Strategy::Table,
                        Strategy::RecordedBy,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Commitment::Table)
                    .col(uuid(Commitment::CityId))
                    .col(integer(Commitment::Version))
                    .col(text_null(Commitment::PoliticalBody))
                    .col(date_null(Commitment::PoliticalOn))
                    .col(text_null(Commitment::PoliticalReference))
                    .col(json(Commitment::Priorities))
                    .col(json(Commitment::Roles))
                    .col(json(Commitment::Resources))
                    .col(text_null(Commitment::ContactTeamName))
                    .col(json(Commitment::ContactTeamMembers))
                    .col(json(Commitment::ExternalStakeholders))
                    .col(timestamp_with_time_zone(Commitment::RecordedAt))
                    .col(uuid(Commitment::RecordedBy))
                    .primary_key(
                        Index::create()
                            .col(Commitment::CityId)
                            .col(Commitment::Version),
                    )
                    .foreign_key(&mut fk(
                        Commitment::Table,
                        Commitment::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .foreign_key(&mut fk(
                        Commitment::Table,
                        Commitment::RecordedBy,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::drop_tables(
            manager,
            [Commitment::Table.into_iden(), Strategy::Table.into_iden()],
        )
        .await
    }
}
