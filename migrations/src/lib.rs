//! `c2c-migration`: the c2c database schema as sea-orm migrations.
//!
//! The same migrations run on PostgreSQL and SQLite. Each has a working `down`.
//! Migrations are frozen history: they depend on nothing of the project (not
//! even the domain's vocabularies), so that an old migration never changes when
//! the code does. The KPI catalogue is seeded by its own migration, as data.

pub use sea_orm_migration::prelude::*;

mod common;
mod m20261122_000001_create_cities;
mod m20261122_000002_create_standing;
mod m20261122_000003_create_partnerships;
mod m20261122_000004_create_kpis;
mod m20261122_000005_seed_kpi_catalogue;
mod m20261122_000006_create_history;
mod m20261201_100001_create_sign_in;
mod m20261201_200001_cycle_evidence;
mod m20261201_200002_joint_contacts_and_reasons;
mod m20261201_200003_create_contact_persons;
mod m20261201_300001_event_transaction;
mod m20261202_100001_last_activity;
mod m20261203_100001_plan_waiting;
mod m20261203_100002_funnel_count;
mod m20261203_100003_agreement_standing;

// The helpers every migration uses, defined in a leaf below them.
pub(crate) use common::{drop_tables, fk, index};

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
            Box::new(m20261201_100001_create_sign_in::Migration),
            Box::new(m20261201_200001_cycle_evidence::Migration),
            Box::new(m20261201_200002_joint_contacts_and_reasons::Migration),
            Box::new(m20261201_200003_create_contact_persons::Migration),
            Box::new(m20261201_300001_event_transaction::Migration),
            Box::new(m20261202_100001_last_activity::Migration),
            Box::new(m20261203_100001_plan_waiting::Migration),
            Box::new(m20261203_100002_funnel_count::Migration),
            Box::new(m20261203_100003_agreement_standing::Migration),
        ]
    }
}
