//! `c2c-migration`: the c2c database schema as sea-orm migrations.
//!
//! The same migrations run on PostgreSQL and SQLite. Each has a working `down`.
//! Migrations are frozen history: they depend on nothing of the project (not
//! even the domain's vocabularies), so that an old migration never changes when
//! the code does. The KPI catalogue is seeded by its own migration, as data.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_cities;
mod m20261122_000002_create_standing;
mod m20261122_000003_create_partnerships;
mod m20261122_000004_create_kpis;
mod m20261122_000005_seed_kpi_catalogue;
mod m20261122_000006_create_history;

/// Runs the c2c migrations.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_cities::Migration),
            Box::new(m20261122_000002_create_standing::Migration),
            Box::new(m20261122_000003_create_partnerships::Migration),
            Box::new(m20261122_000004_create_kpis::Migration),
            Box::new(m20261122_000005_seed_kpi_catalogue::Migration),
            Box::new(m20261122_000006_create_history::Migration),
        ]
    }
}

/// Drops tables in the order given (dependents first).
pub(crate) async fn drop_tables(
    manager: &SchemaManager<'_>,
    tables: impl IntoIterator<Item = DynIden>,
) -> Result<(), DbErr> {
    for table in tables {
        manager
            .drop_table(Table::drop().table(table).to_owned())
            .await?;
    }
    Ok(())
}

/// Creates an index named `idx_<table>_<columns>`.
pub(crate) fn index<T, C>(table: T, columns: &[C]) -> IndexCreateStatement
where
    T: IntoIden + Clone + 'static,
    C: IntoIden + Clone + 'static,
{
    let table_name = table.clone().into_iden().to_string();
    let names: Vec<String> = columns
        .iter()
        .map(|c| c.clone().into_iden().to_string())
        .collect();
    let mut statement = Index::create();
    statement
        .name(format!("idx_{table_name}_{}", names.join("_")))
        .table(table);
    for c in columns {
        statement.col(c.clone());
    }
    statement.to_owned()
}

/// A foreign key from `table.column` to `to.id`.
pub(crate) fn fk<T, C, U, D>(table: T, column: C, to: U, to_column: D) -> ForeignKeyCreateStatement
where
    T: IntoIden + Clone + 'static,
    C: IntoIden + Clone + 'static,
    U: IntoIden + Clone + 'static,
    D: IntoIden + Clone + 'static,
{
    let name = format!(
        "fk_{}_{}",
        table.clone().into_iden(),
        column.clone().into_iden()
    );
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(to, to_column)
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}
