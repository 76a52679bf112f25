//! Contacts say whether both cities took part (`joint`, what dormancy counts
//! when asked for joint activity only) and which city recorded their
//! follow-up; a progress report that cancels an activity keeps its reason.
//!
//! Existing contacts are not joint; their follow-up's city is unknown (the
//! analytics take the contact's city then).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Contact {
    Table,
    Joint,
    FollowUpCityId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProgressReport {
    Table,
    Reason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Contact::Table)
                    .add_column(boolean(Contact::Joint).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Contact::Table)
                    .add_column(uuid_null(Contact::FollowUpCityId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ProgressReport::Table)
                    .add_column(text_null(ProgressReport::Reason))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ProgressReport::Table)
                    .drop_column(ProgressReport::Reason)
                    .to_owned(),
            )
            .await?;
        for column in [Contact::FollowUpCityId, Contact::Joint] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Contact::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
