//! Seeds the KPI catalogue that ships with the product: the guidebook's
//! Table 5. The rows are written out here (not read from the domain crate) so
//! that this migration never changes.

use crate::m20261122_000004_create_kpis::KpiDefinition;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(code, indicator, unit, direction, category)`.
const CATALOGUE: [(&str, &str, &str, &str, &str); 18] = [
    (
        "HIGH_LEVEL_VISITS",
        "High-level visits or delegations received",
        "COUNT",
        "HIGHER_IS_BETTER",
        "POLITICAL",
    ),
    (
        "PARTNER_EVENT_PARTICIPATION",
        "Participation of the partner city in key events in our city",
        "COUNT",
        "HIGHER_IS_BETTER",
        "POLITICAL",
    ),
    (
        "DIRECT_CONNECTIONS",
        "Direct flights, shipping routes, rail links between the cities",
        "COUNT",
        "HIGHER_IS_BETTER",
        "CONNECTIVITY",
    ),
    (
        "JOINT_PROJECTS",
        "Number, volume or value of joint projects",
        "COUNT",
        "HIGHER_IS_BETTER",
        "COOPERATION",
    ),
    (
        "FDI_INBOUND",
        "Foreign direct investment into our city",
        "MONEY",
        "HIGHER_IS_BETTER",
        "ECONOMIC",
    ),
    (
        "INVESTMENT_OUTBOUND",
        "Investment from our city into the partner city",
        "MONEY",
        "HIGHER_IS_BETTER",
        "ECONOMIC",
    ),
    (
        "TRADE_VOLUME",
        "Trade between the two cities, regions or countries",
        "MONEY",
        "HIGHER_IS_BETTER",
        "ECONOMIC",
    ),
    (
        "COMPANIES_OUTBOUND",
        "Companies from our city starting business in the partner city",
        "COUNT",
        "HIGHER_IS_BETTER",
        "ECONOMIC",
    ),
    (
        "COMPANIES_INBOUND",
        "Companies from the partner city starting business in our city",
        "COUNT",
        "HIGHER_IS_BETTER",
        "ECONOMIC",
    ),
    (
        "VISITORS",
        "Foreign visitors and tourists attracted",
        "COUNT",
        "HIGHER_IS_BETTER",
        "PEOPLE",
    ),
    (
        "NONCOMMERCIAL_EXCHANGES",
        "Exchanges between non-commercial organisations (sport, culture, youth, education)",
        "COUNT",
        "HIGHER_IS_BETTER",
        "PEOPLE",
    ),
    (
        "ACADEMIC_ACTIVITIES",
        "Joint programmes, degrees, staff and student exchanges",
        "COUNT",
        "HIGHER_IS_BETTER",
        "ACADEMIC",
    ),
    (
        "FOREIGN_STUDENTS",
        "Foreign students attracted",
        "COUNT",
        "HIGHER_IS_BETTER",
        "ACADEMIC",
    ),
    (
        "JOINT_SCIENTIFIC_OUTPUT",
        "Joint publications, patents, value of joint research",
        "COUNT",
        "HIGHER_IS_BETTER",
        "ACADEMIC",
    ),
    (
        "PARTNERSHIP_QUALITY",
        "Quality of the partnership and of its values",
        "SCORE_1_5",
        "HIGHER_IS_BETTER",
        "QUALITATIVE",
    ),
    (
        "NEW_KNOWLEDGE",
        "New knowledge acquired through the partnership",
        "TEXT",
        "NONE",
        "QUALITATIVE",
    ),
    (
        "REPUTATION",
        "Reputation of our city in the partner city or country",
        "SCORE_1_5",
        "HIGHER_IS_BETTER",
        "QUALITATIVE",
    ),
    (
        "PUBLICITY",
        "Publicity that the partnership's activities obtain",
        "COUNT",
        "HIGHER_IS_BETTER",
        "QUALITATIVE",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut insert = Query::insert();
        insert.into_table(KpiDefinition::Table).columns([
            KpiDefinition::Code,
            KpiDefinition::Name,
            KpiDefinition::Unit,
            KpiDefinition::Direction,
            KpiDefinition::Category,
            KpiDefinition::CreatedAt,
        ]);
        for (code, name, unit, direction, category) in CATALOGUE {
            insert.values_panic([
                code.into(),
                name.into(),
                unit.into(),
                direction.into(),
                category.into(),
                Expr::current_timestamp(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let codes: Vec<&str> = CATALOGUE.iter().map(|row| row.0).collect();
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(KpiDefinition::Table)
                    .and_where(Expr::col(KpiDefinition::Code).is_in(codes))
                    .to_owned(),
            )
            .await
    }
}
