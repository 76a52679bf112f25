//! Signing in to the web app: an account's e-mail login, password hash and
//! failed attempts; one-time links (invitations and sign-in links); the web
//! sessions, kept in the database so that several gateway processes share them.

use crate::{drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Account {
    Table,
    Id,
    Email,
    PasswordHash,
    FailedSignIns,
    LockedUntil,
}

#[derive(DeriveIden, Clone, Copy)]
enum City {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SignInLink {
    Table,
    Id,
    Hash,
    Purpose,
    AccountId,
    Email,
    Name,
    Role,
    CityId,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebSession {
    Table,
    Id,
    Data,
    ExpiresAt,
}

fn add_column(column: ColumnDef) -> TableAlterStatement {
    Table::alter()
        .table(Account::Table)
        .add_column(column)
        .to_owned()
}

fn drop_column(column: Account) -> TableAlterStatement {
    Table::alter()
        .table(Account::Table)
        .drop_column(column)
        .to_owned()
}

fn links() -> TableCreateStatement {
    Table::create()
        .table(SignInLink::Table)
        .col(pk_uuid(SignInLink::Id))
        .col(text_uniq(SignInLink::Hash))
        .col(string_len(SignInLink::Purpose, 16))
        .col(uuid_null(SignInLink::AccountId))
        .col(text_null(SignInLink::Email))
        .col(text_null(SignInLink::Name))
        .col(string_len_null(SignInLink::Role, 16))
        .col(uuid_null(SignInLink::CityId))
        .col(uuid_null(SignInLink::CreatedBy))
        .col(timestamp_with_time_zone(SignInLink::CreatedAt))
        .col(timestamp_with_time_zone(SignInLink::ExpiresAt))
        .col(timestamp_with_time_zone_null(SignInLink::UsedAt))
        .foreign_key(&mut fk(
            SignInLink::Table,
            SignInLink::AccountId,
            Account::Table,
            Account::Id,
        ))
        .foreign_key(&mut fk(
            SignInLink::Table,
            SignInLink::CityId,
            City::Table,
            City::Id,
        ))
        .foreign_key(&mut fk(
            SignInLink::Table,
            SignInLink::CreatedBy,
            Account::Table,
            Account::Id,
        ))
        .to_owned()
}

fn sessions() -> TableCreateStatement {
    Table::create()
        .table(WebSession::Table)
        .col(string_len(WebSession::Id, 64).primary_key())
        .col(text(WebSession::Data))
        .col(timestamp_with_time_zone(WebSession::ExpiresAt))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(add_column(text_null(Account::Email)))
            .await?;
        manager
            .alter_table(add_column(text_null(Account::PasswordHash)))
            .await?;
        manager
            .alter_table(add_column(
                integer(Account::FailedSignIns).default(0).to_owned(),
            ))
            .await?;
        manager
            .alter_table(add_column(timestamp_with_time_zone_null(
                Account::LockedUntil,
            )))
            .await?;
        manager
            .create_index(index(Account::Table, &[Account::Email]).unique().to_owned())
            .await?;
        manager.create_table(links()).await?;
        manager
            .create_index(index(SignInLink::Table, &[SignInLink::AccountId]))
            .await?;
        manager.create_table(sessions()).await?;
        manager
            .create_index(index(WebSession::Table, &[WebSession::ExpiresAt]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            [WebSession::Table.into_iden(), SignInLink::Table.into_iden()],
        )
        .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_account_email")
                    .table(Account::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            Account::LockedUntil,
            Account::FailedSignIns,
            Account::PasswordHash,
            Account::Email,
        ] {
            manager.alter_table(drop_column(column)).await?;
        }
        Ok(())
    }
}
