//! The storage rows, one sea-orm entity per table of `migrations/`.
//!
//! These types never leave the crate: `rows.rs` converts them to and from the
//! domain's types, explicitly.

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

entity!(city, "city", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub other_names: Json,
    pub level: String,
    pub parent_id: Option<Uuid>,
    pub country: String,
    pub population: Option<i64>,
    pub languages: Json,
    pub time_zone: String,
    pub looking_for_partner: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
});

entity!(city_area, "city_area", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area: String,
});

entity!(stakeholder, "stakeholder", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub city_id: Uuid,
    pub name: String,
    pub sector: String,
    pub involvement: String,
    pub created_at: DateTimeUtc,
});

entity!(account, "account", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub city_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub disabled_at: Option<DateTimeUtc>,
});

entity!(api_token, "api_token", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub hash: String,
    pub label: String,
    pub created_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
});

entity!(strategy, "strategy", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub vision: String,
    pub horizon: Option<String>,
    pub objectives: Json,
    pub challenges: Json,
    pub opportunities: Json,
    pub themes: Json,
    pub stakeholders: Json,
    pub evidence: Json,
    pub adopted_on: Option<Date>,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
});

entity!(commitment, "commitment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub political_body: Option<String>,
    pub political_on: Option<Date>,
    pub political_reference: Option<String>,
    pub priorities: Json,
    pub roles: Json,
    pub resources: Json,
    pub contact_team_name: Option<String>,
    pub contact_team_members: Json,
    pub external_stakeholders: Json,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
});

entity!(partnership, "partnership", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub initiator_id: Uuid,
    pub counterpart_id: Option<Uuid>,
    pub origin_id: Option<Uuid>,
    pub step: String,
    #[sea_orm(column_name = "loop")]
    pub loop_: String,
    pub cycle: i32,
    pub status: String,
    pub status_reason: Option<String>,
    pub version: i64,
    pub started_at: DateTimeUtc,
    pub last_move_at: DateTimeUtc,
    pub starting_notes: Json,
    pub strategy_version: Option<i32>,
    pub commitment_version: Option<i32>,
    pub decisions_version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
});

entity!(assessment, "assessment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub candidate_id: Uuid,
    pub assessed_on: Date,
    pub items: Json,
    pub recorded_at: DateTimeUtc,
});

entity!(contact, "contact", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub happened_on: Date,
    pub kind: String,
    pub direction: String,
    pub ours_political: bool,
    pub ours_technical: bool,
    pub theirs_political: bool,
    pub theirs_technical: bool,
    pub outcome: String,
    pub follow_up_due: Option<Date>,
    pub followed_up_on: Option<Date>,
    pub follow_up_note: Option<String>,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(agreement, "agreement", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub kind: String,
    pub title: String,
    pub areas: Json,
    pub binding: bool,
    pub text: Option<String>,
    pub reference: Option<String>,
    pub valid_until: Option<Date>,
    pub renewal_of: Option<Uuid>,
    pub recorded_at: DateTimeUtc,
});

entity!(signature, "signature", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub partnership_id: Uuid,
    pub signed_by: String,
    pub signed_on: Date,
    pub reference: Option<String>,
    pub recorded_at: DateTimeUtc,
});

entity!(first_priority, "first_priority", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub agreed_by: String,
    pub agreed_on: Date,
    pub recorded_at: DateTimeUtc,
});

entity!(plan, "plan", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    pub title: String,
    pub summary: String,
    pub version: i32,
    pub updated_at: DateTimeUtc,
});

entity!(activity, "activity", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub position: i32,
    pub title: String,
    pub area: Option<String>,
    pub description: String,
    pub lead_city_id: Option<Uuid>,
    pub lead_stakeholder_id: Option<Uuid>,
    pub cities: Json,
    pub funding: Json,
    pub start_on: Option<Date>,
    pub due_on: Option<Date>,
    pub expected_results: String,
    pub resources: Json,
    pub status: String,
    pub recorded_at: DateTimeUtc,
});

entity!(team, "team", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub partnership_id: Uuid,
    pub name: String,
    pub members: Json,
    pub responsibilities: String,
    pub recorded_at: DateTimeUtc,
});

entity!(progress_report, "progress_report", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub activity_id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub reported_on: Date,
    pub summary: String,
    pub status: String,
    pub percent: Option<i16>,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(risk, "risk", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub activity_id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub description: String,
    pub likelihood: String,
    pub impact: String,
    pub mitigation: Option<String>,
    pub owner: Option<String>,
    pub status: String,
    pub recorded_at: DateTimeUtc,
});

entity!(feedback, "feedback", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub team: String,
    pub text: String,
    pub given_on: Date,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(evaluation, "evaluation", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub strengths: String,
    pub challenges: String,
    pub no_adjustments: bool,
    pub evaluated_on: Date,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(adjustment, "adjustment", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub proposal: String,
    pub cycle: i32,
    pub decision_outcome: Option<String>,
    pub decision_city_id: Option<Uuid>,
    pub decided_on: Option<Date>,
    pub decision_note: Option<String>,
    pub decision_recorded_at: Option<DateTimeUtc>,
    pub recorded_at: DateTimeUtc,
});

entity!(approval, "approval", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub city_id: Uuid,
    pub approved_by: String,
    pub approved_on: Date,
    pub reference: String,
    pub recorded_at: DateTimeUtc,
});

entity!(lesson, "lesson", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub kind: String,
    pub text: String,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(ex_post, "ex_post", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partnership_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub objective_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle: i32,
    pub city_id: Uuid,
    pub foreseen: String,
    pub achieved: String,
    pub gap: String,
    pub recorded_at: DateTimeUtc,
});

entity!(kpi_definition, "kpi_definition", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub unit: String,
    pub direction: String,
    pub category: String,
    pub owner_city_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
});

entity!(kpi_selection, "kpi_selection", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub kpi_code: String,
    pub unit: String,
    pub objective_id: Option<Uuid>,
    pub target: Option<Json>,
    pub reporting: Json,
    pub recorded_at: DateTimeUtc,
});

entity!(measurement, "measurement", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub selection_id: Uuid,
    pub partnership_id: Uuid,
    pub kpi_code: String,
    pub city_id: Uuid,
    pub period_start: Date,
    pub period_end: Date,
    pub unit: String,
    pub value_count: Option<i64>,
    pub value_e4: Option<i64>,
    pub currency: Option<String>,
    pub value_score: Option<i16>,
    pub value_text: Option<String>,
    pub source: String,
    pub note: String,
    pub supersedes_id: Option<Uuid>,
    pub recorded_by: Uuid,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(event, "event", {
    #[sea_orm(primary_key)]
    pub seq: i64,
    pub id: Uuid,
    pub partnership_id: Option<Uuid>,
    pub city_id: Uuid,
    pub actor_id: Uuid,
    pub kind: String,
    pub payload: Json,
    pub step: Option<String>,
    #[sea_orm(column_name = "loop")]
    pub loop_: Option<String>,
    pub cycle: Option<i32>,
    pub status: Option<String>,
    pub version: Option<i64>,
    pub occurred_at: DateTimeUtc,
    pub recorded_at: DateTimeUtc,
});
