//! The macro that declares one sea-orm entity per table of `migrations/`.
//! Each table family's module declares its own entities with it, next to
//! their conversions to and from the domain's types. A leaf.
//!
//! The rows never leave the crate.

/// `entity!(module, "table", { fields })` declares `module::{Model, Entity,
/// Column, ActiveModel}` for one table, without relations.
macro_rules! entity {
    ($module:ident, $table:literal, { $($field:tt)* }) => {
        pub(crate) mod $module {
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                $($field)*
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

pub(crate) use entity;
