//! The helpers the migrations share: dropping tables in order, and naming
//! indexes and foreign keys. A leaf: it knows no migration, so that the
//! migrations can use it while `lib.rs` lists them.

use sea_orm_migration::prelude::*;

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

/// Alters a table once for each item, one statement each (SQLite alters one
/// column at a time): `change` adds or drops the item.
async fn alter_each<T, I>(
    manager: &SchemaManager<'_>,
    table: T,
    items: impl IntoIterator<Item = I>,
    change: impl Fn(&mut TableAlterStatement, I) -> &mut TableAlterStatement,
) -> Result<(), DbErr>
where
    T: IntoIden + Clone + 'static,
{
    for item in items {
        let mut alter = Table::alter();
        alter.table(table.clone());
        change(&mut alter, item);
        manager.alter_table(alter).await?;
    }
    Ok(())
}

/// Adds columns to a table.
pub(crate) async fn add_columns<T>(
    manager: &SchemaManager<'_>,
    table: T,
    columns: impl IntoIterator<Item = ColumnDef>,
) -> Result<(), DbErr>
where
    T: IntoIden + Clone + 'static,
{
    alter_each(manager, table, columns, |a, c| a.add_column(c)).await
}

/// Drops columns of a table.
pub(crate) async fn drop_columns<T, C>(
    manager: &SchemaManager<'_>,
    table: T,
    columns: impl IntoIterator<Item = C>,
) -> Result<(), DbErr>
where
    T: IntoIden + Clone + 'static,
    C: IntoIden + 'static,
{
    alter_each(manager, table, columns, |a, c| a.drop_column(c)).await
}

/// Drops indexes of a table, by name.
pub(crate) async fn drop_indexes<T>(
    manager: &SchemaManager<'_>,
    table: T,
    names: &[&str],
) -> Result<(), DbErr>
where
    T: IntoIden + Clone + 'static,
{
    for name in names {
        manager
            .drop_index(Index::drop().name(*name).table(table.clone()).to_owned())
            .await?;
    }
    Ok(())
}
