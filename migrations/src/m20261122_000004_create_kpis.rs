//! The KPI catalogue, the evaluation framework (KPI selections) and
//! measurements (DESIGN §6).
//!
//! A measurement keeps its value in typed columns: counts and scores as
//! integers, money and percentages as integers in units of 10^-4 (exact sums on
//! both backends), text as text.

use crate::m20261122_000001_create_cities::City;
use crate::m20261122_000003_create_partnerships::Partnership;
use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum KpiDefinition {
    Table,
    Code,
    Name,
    Unit,
    Direction,
    Category,
    OwnerCityId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum KpiSelection {
    Table,
    Id,
    PartnershipId,
    KpiCode,
    Unit,
    ObjectiveId,
    Target,
    Reporting,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Measurement {
    Table,
    Id,
    SelectionId,
    PartnershipId,
    KpiCode,
    CityId,
    PeriodStart,
    PeriodEnd,
    Unit,
    ValueCount,
    ValueE4,
    Currency,
    ValueScore,
    ValueText,
    Source,
    Note,
    SupersedesId,
    RecordedBy,
    Cycle,
    RecordedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KpiDefinition::Table)
                    .col(string_len(KpiDefinition::Code, 64).primary_key())
                    .col(text(KpiDefinition::Name))
                    .col(string_len(KpiDefinition::Unit, 16))
                    .col(string_len(KpiDefinition::Direction, 32))
                    .col(string_len(KpiDefinition::Category, 64))
                    .col(uuid_null(KpiDefinition::OwnerCityId))
                    .col(timestamp_with_time_zone(KpiDefinition::CreatedAt))
                    .foreign_key(&mut fk(
                        KpiDefinition::Table,
                        KpiDefinition::OwnerCityId,
                        City::Table,
                        City::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KpiSelection::Table)
                    .col(pk_uuid(KpiSelection::Id))
                    .col(uuid(KpiSelection::PartnershipId))
                    .col(string_len(KpiSelection::KpiCode, 64))
                    .col(string_len(KpiSelection::Unit, 16))
                    .col(uuid_null(KpiSelection::ObjectiveId))
                    .col(json_null(KpiSelection::Target))
                    .col(json(KpiSelection::Reporting))
                    .col(timestamp_with_time_zone(KpiSelection::RecordedAt))
                    .foreign_key(&mut fk(
                        KpiSelection::Table,
                        KpiSelection::PartnershipId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .foreign_key(&mut fk(
                        KpiSelection::Table,
                        KpiSelection::KpiCode,
                        KpiDefinition::Table,
                        KpiDefinition::Code,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(KpiSelection::Table, &[KpiSelection::PartnershipId]))
            .await?;
        manager
            .create_index(index(KpiSelection::Table, &[KpiSelection::KpiCode]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Measurement::Table)
                    .col(pk_uuid(Measurement::Id))
                    .col(uuid(Measurement::SelectionId))
                    .col(uuid(Measurement::PartnershipId))
                    .col(string_len(Measurement::KpiCode, 64))
                    .col(uuid(Measurement::CityId))
                    .col(date(Measurement::PeriodStart))
                    .col(date(Measurement::PeriodEnd))
                    .col(string_len(Measurement::Unit, 16))
                    .col(big_integer_null(Measurement::ValueCount))
                    .col(big_integer_null(Measurement::ValueE4))
                    .col(char_len_null(Measurement::Currency, 3))
                    .col(small_integer_null(Measurement::ValueScore))
                    .col(text_null(Measurement::ValueText))
                    .col(text(Measurement::Source))
                    .col(text(Measurement::Note))
                    .col(uuid_null(Measurement::SupersedesId))
                    .col(uuid(Measurement::RecordedBy))
                    .col(integer(Measurement::Cycle))
                    .col(timestamp_with_time_zone(Measurement::RecordedAt))
                    .foreign_key(&mut fk(
                        Measurement::Table,
                        Measurement::SelectionId,
                        KpiSelection::Table,
                        KpiSelection::Id,
                    ))
                    .foreign_key(&mut fk(
                        Measurement::Table,
                        Measurement::PartnershipId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .foreign_key(&mut fk(
                        Measurement::Table,
                        Measurement::KpiCode,
                        KpiDefinition::Table,
                        KpiDefinition::Code,
                    ))
                    .foreign_key(&mut fk(
                        Measurement::Table,
                        Measurement::CityId,
                        City::Table,
                        City::Id,
                    ))
                    .foreign_key(&mut fk(
                        Measurement::Table,
                        Measurement::SupersedesId,
                        Measurement::Table,
                        Measurement::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for columns in [
            vec![
                Measurement::KpiCode,
                Measurement::PeriodStart,
                Measurement::PeriodEnd,
            ],
            vec![Measurement::PartnershipId, Measurement::PeriodEnd],
            vec![Measurement::SelectionId, Measurement::CityId],
            vec![Measurement::SupersedesId],
            vec![Measurement::CityId],
        ] {
            manager
                .create_index(index(Measurement::Table, &columns))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::drop_tables(
            manager,
            [
                Measurement::Table.into_iden(),
                KpiSelection::Table.into_iden(),
                KpiDefinition::Table.into_iden(),
            ],
        )
        .await
    }
}
