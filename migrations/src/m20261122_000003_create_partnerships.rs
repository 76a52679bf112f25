//! Partnerships and their outputs (DESIGN §5).
//!
//! Every output row carries its partnership, so that an aggregate loads with one
//! statement per table whatever the number of rows. Rows with an identity of
//! their own have a UUID key; value lists without one (objectives of a strategy,
//! members of a team, funding of an activity) are JSON columns.

use crate::m20261122_000001_create_cities::City;
use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Partnership {
    Table,
    Id,
    InitiatorId,
    CounterpartId,
    OriginId,
    Step,
    Loop,
    Cycle,
    Status,
    StatusReason,
    Version,
    StartedAt,
    LastMoveAt,
    StartingNotes,
    StrategyVersion,
    CommitmentVersion,
    DecisionsVersion,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Assessment {
    Table,
    Id,
    PartnershipId,
    CityId,
    CandidateId,
    AssessedOn,
    Items,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Contact {
    Table,
    Id,
    PartnershipId,
    CityId,
    HappenedOn,
    Kind,
    Direction,
    OursPolitical,
    OursTechnical,
    TheirsPolitical,
    TheirsTechnical,
    Outcome,
    FollowUpDue,
    FollowedUpOn,
    FollowUpNote,
    Cycle,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Agreement {
    Table,
    Id,
    PartnershipId,
    CityId,
    Kind,
    Title,
    Areas,
    Binding,
    Text,
    Reference,
    ValidUntil,
    RenewalOf,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Signature {
    Table,
    AgreementId,
    CityId,
    PartnershipId,
    SignedBy,
    SignedOn,
    Reference,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FirstPriority {
    Table,
    PartnershipId,
    Area,
    CityId,
    AgreedBy,
    AgreedOn,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Plan {
    Table,
    PartnershipId,
    Title,
    Summary,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Activity {
    Table,
    Id,
    PartnershipId,
    Position,
    Title,
    Area,
    Description,
    LeadCityId,
    LeadStakeholderId,
    Cities,
    Funding,
    StartOn,
    DueOn,
    ExpectedResults,
    Resources,
    Status,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Team {
    Table,
    ActivityId,
    CityId,
    PartnershipId,
    Name,
    Members,
    Responsibilities,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProgressReport {
    Table,
    Id,
    ActivityId,
    PartnershipId,
    CityId,
    ReportedOn,
    Summary,
    Status,
    Percent,
    Cycle,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Risk {
    Table,
    Id,
    ActivityId,
    PartnershipId,
    CityId,
    Description,
    Likelihood,
    Impact,
    Mitigation,
    Owner,
    Status,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Feedback {
    Table,
    Id,
    PartnershipId,
    CityId,
    Team,
    Text,
    GivenOn,
    Cycle,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Evaluation {
    Table,
    Id,
    PartnershipId,
    CityId,
    Strengths,
    Challenges,
    NoAdjustments,
    EvaluatedOn,
    Cycle,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Adjustment {
    Table,
    Id,
    PartnershipId,
    CityId,
    Proposal,
    Cycle,
    DecisionOutcome,
    DecisionCityId,
    DecidedOn,
    DecisionNote,
    DecisionRecordedAt,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Approval {
    Table,
    PartnershipId,
    Subject,
    Version,
    Cycle,
    CityId,
    ApprovedBy,
    ApprovedOn,
    Reference,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Lesson {
    Table,
    Id,
    PartnershipId,
    CityId,
    Kind,
    Text,
    Cycle,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExPost {
    Table,
    PartnershipId,
    ObjectiveId,
    Cycle,
    CityId,
    Foreseen,
    Achieved,
    Gap,
    RecordedAt,
}

/// The `partnership_id` column of an output table and its foreign key.
fn owned_by<T: IntoIden + Clone + 'static, C: IntoIden + Clone + 'static>(
    table: &mut TableCreateStatement,
    name: T,
    column: C,
) {
    table.col(uuid(column.clone())).foreign_key(&mut fk(
        name,
        column,
        Partnership::Table,
        Partnership::Id,
    ));
}

/// The `city_id` column of an output table and its foreign key.
fn by_city<T: IntoIden + Clone + 'static, C: IntoIden + Clone + 'static>(
    table: &mut TableCreateStatement,
    name: T,
    column: C,
) {
    table
        .col(uuid(column.clone()))
        .foreign_key(&mut fk(name, column, City::Table, City::Id));
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Partnership::Table)
                    .col(pk_uuid(Partnership::Id))
                    .col(uuid(Partnership::InitiatorId))
                    .col(uuid_null(Partnership::CounterpartId))
                    .col(uuid_null(Partnership::OriginId))
                    .col(string_len(Partnership::Step, 16))
                    .col(string_len(Partnership::Loop, 32))
                    .col(integer(Partnership::Cycle))
                    .col(string_len(Partnership::Status, 16))
                    .col(text_null(Partnership::StatusReason))
                    .col(big_integer(Partnership::Version))
                    .col(timestamp_with_time_zone(Partnership::StartedAt))
                    .col(timestamp_with_time_zone(Partnership::LastMoveAt))
                    .col(json(Partnership::StartingNotes))
                    .col(integer_null(Partnership::StrategyVersion))
                    .col(integer_null(Partnership::CommitmentVersion))
                    .col(integer(Partnership::DecisionsVersion))
                    .col(timestamp_with_time_zone(Partnership::CreatedAt))
                    .col(timestamp_with_time_zone(Partnership::UpdatedAt))
                    .foreign_key(&mut fk(
                        Partnership::Table,
                        Partnership::InitiatorId,
                        City::Table,
                        City::Id,
                    ))
                    .foreign_key(&mut fk(
                        Partnership::Table,
                        Partnership::CounterpartId,
                        City::Table,
                        City::Id,
                    ))
                    .foreign_key(&mut fk(
                        Partnership::Table,
                        Partnership::OriginId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for columns in [
            vec![Partnership::Step, Partnership::Loop, Partnership::Status],
            vec![Partnership::Status, Partnership::Step],
            vec![Partnership::Loop],
            vec![Partnership::InitiatorId],
            vec![Partnership::CounterpartId],
            vec![Partnership::OriginId],
            vec![Partnership::StartedAt],
        ] {
            manager
                .create_index(index(Partnership::Table, &columns))
                .await?;
        }

        let mut t = Table::create();
        t.table(Assessment::Table).col(pk_uuid(Assessment::Id));
        owned_by(&mut t, Assessment::Table, Assessment::PartnershipId);
        by_city(&mut t, Assessment::Table, Assessment::CityId);
        by_city(&mut t, Assessment::Table, Assessment::CandidateId);
        t.col(date(Assessment::AssessedOn))
            .col(json(Assessment::Items))
            .col(timestamp_with_time_zone(Assessment::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(Assessment::Table, &[Assessment::PartnershipId]))
            .await?;
        manager
            .create_index(index(
                Assessment::Table,
                &[Assessment::CandidateId, Assessment::CityId],
            ))
            .await?;

        let mut t = Table::create();
        t.table(Contact::Table).col(pk_uuid(Contact::Id));
        owned_by(&mut t, Contact::Table, Contact::PartnershipId);
        by_city(&mut t, Contact::Table, Contact::CityId);
        t.col(date(Contact::HappenedOn))
            .col(string_len(Contact::Kind, 16))
            .col(string_len(Contact::Direction, 16))
            .col(boolean(Contact::OursPolitical))
            .col(boolean(Contact::OursTechnical))
            .col(boolean(Contact::TheirsPolitical))
            .col(boolean(Contact::TheirsTechnical))
            .col(text(Contact::Outcome))
            .col(date_null(Contact::FollowUpDue))
            .col(date_null(Contact::FollowedUpOn))
            .col(text_null(Contact::FollowUpNote))
            .col(integer(Contact::Cycle))
            .col(timestamp_with_time_zone(Contact::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(
                Contact::Table,
                &[Contact::PartnershipId, Contact::HappenedOn],
            ))
            .await?;
        manager
            .create_index(index(
                Contact::Table,
                &[Contact::Kind, Contact::FollowedUpOn, Contact::FollowUpDue],
            ))
            .await?;

        let mut t = Table::create();
        t.table(Agreement::Table).col(pk_uuid(Agreement::Id));
        owned_by(&mut t, Agreement::Table, Agreement::PartnershipId);
        by_city(&mut t, Agreement::Table, Agreement::CityId);
        t.col(string_len(Agreement::Kind, 32))
            .col(text(Agreement::Title))
            .col(json(Agreement::Areas))
            .col(boolean(Agreement::Binding))
            .col(text_null(Agreement::Text))
            .col(text_null(Agreement::Reference))
            .col(date_null(Agreement::ValidUntil))
            .col(uuid_null(Agreement::RenewalOf))
            .col(timestamp_with_time_zone(Agreement::RecordedAt))
            .foreign_key(&mut fk(
                Agreement::Table,
                Agreement::RenewalOf,
                Agreement::Table,
                Agreement::Id,
            ));
        manager.create_table(t).await?;
        manager
            .create_index(index(Agreement::Table, &[Agreement::PartnershipId]))
            .await?;
        manager
            .create_index(index(Agreement::Table, &[Agreement::ValidUntil]))
            .await?;

        let mut t = Table::create();
        t.table(Signature::Table)
            .col(uuid(Signature::AgreementId))
            .foreign_key(&mut fk(
                Signature::Table,
                Signature::AgreementId,
                Agreement::Table,
                Agreement::Id,
            ));
        by_city(&mut t, Signature::Table, Signature::CityId);
        owned_by(&mut t, Signature::Table, Signature::PartnershipId);
        t.col(text(Signature::SignedBy))
            .col(date(Signature::SignedOn))
            .col(text_null(Signature::Reference))
            .col(timestamp_with_time_zone(Signature::RecordedAt))
            .primary_key(
                Index::create()
                    .col(Signature::AgreementId)
                    .col(Signature::CityId),
            );
        manager.create_table(t).await?;
        manager
            .create_index(index(
                Signature::Table,
                &[Signature::PartnershipId, Signature::SignedOn],
            ))
            .await?;

        let mut t = Table::create();
        t.table(FirstPriority::Table);
        owned_by(&mut t, FirstPriority::Table, FirstPriority::PartnershipId);
        t.col(string_len(FirstPriority::Area, 32));
        by_city(&mut t, FirstPriority::Table, FirstPriority::CityId);
        t.col(text(FirstPriority::AgreedBy))
            .col(date(FirstPriority::AgreedOn))
            .col(timestamp_with_time_zone(FirstPriority::RecordedAt))
            .primary_key(
                Index::create()
                    .col(FirstPriority::PartnershipId)
                    .col(FirstPriority::Area)
                    .col(FirstPriority::CityId),
            );
        manager.create_table(t).await?;
        manager
            .create_index(index(
                FirstPriority::Table,
                &[FirstPriority::Area, FirstPriority::PartnershipId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Plan::Table)
                    .col(pk_uuid(Plan::PartnershipId))
                    .col(text(Plan::Title))
                    .col(text(Plan::Summary))
                    .col(integer(Plan::Version))
                    .col(timestamp_with_time_zone(Plan::UpdatedAt))
                    .foreign_key(&mut fk(
                        Plan::Table,
                        Plan::PartnershipId,
                        Partnership::Table,
                        Partnership::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        let mut t = Table::create();
        t.table(Activity::Table).col(pk_uuid(Activity::Id));
        owned_by(&mut t, Activity::Table, Activity::PartnershipId);
        t.col(integer(Activity::Position))
            .col(text(Activity::Title))
            .col(string_len_null(Activity::Area, 32))
            .col(text(Activity::Description))
            .col(uuid_null(Activity::LeadCityId))
            .col(uuid_null(Activity::LeadStakeholderId))
            .col(json(Activity::Cities))
            .col(json(Activity::Funding))
            .col(date_null(Activity::StartOn))
            .col(date_null(Activity::DueOn))
            .col(text(Activity::ExpectedResults))
            .col(json(Activity::Resources))
            .col(string_len(Activity::Status, 16))
            .col(timestamp_with_time_zone(Activity::RecordedAt))
            .foreign_key(&mut fk(
                Activity::Table,
                Activity::LeadCityId,
                City::Table,
                City::Id,
            ));
        manager.create_table(t).await?;
        manager
            .create_index(index(
                Activity::Table,
                &[Activity::PartnershipId, Activity::Position],
            ))
            .await?;
        manager
            .create_index(index(Activity::Table, &[Activity::Area]))
            .await?;

        let mut t = Table::create();
        t.table(Team::Table)
            .col(uuid(Team::ActivityId))
            .foreign_key(&mut fk(
                Team::Table,
                Team::ActivityId,
                Activity::Table,
                Activity::Id,
            ));
        by_city(&mut t, Team::Table, Team::CityId);
        owned_by(&mut t, Team::Table, Team::PartnershipId);
        t.col(text(Team::Name))
            .col(json(Team::Members))
            .col(text(Team::Responsibilities))
            .col(timestamp_with_time_zone(Team::RecordedAt))
            .primary_key(Index::create().col(Team::ActivityId).col(Team::CityId));
        manager.create_table(t).await?;
        manager
            .create_index(index(Team::Table, &[Team::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(ProgressReport::Table)
            .col(pk_uuid(ProgressReport::Id))
            .col(uuid(ProgressReport::ActivityId))
            .foreign_key(&mut fk(
                ProgressReport::Table,
                ProgressReport::ActivityId,
                Activity::Table,
                Activity::Id,
            ));
        owned_by(&mut t, ProgressReport::Table, ProgressReport::PartnershipId);
        by_city(&mut t, ProgressReport::Table, ProgressReport::CityId);
        t.col(date(ProgressReport::ReportedOn))
            .col(text(ProgressReport::Summary))
            .col(string_len(ProgressReport::Status, 16))
            .col(small_integer_null(ProgressReport::Percent))
            .col(integer(ProgressReport::Cycle))
            .col(timestamp_with_time_zone(ProgressReport::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(
                ProgressReport::Table,
                &[ProgressReport::PartnershipId, ProgressReport::ReportedOn],
            ))
            .await?;

        let mut t = Table::create();
        t.table(Risk::Table)
            .col(pk_uuid(Risk::Id))
            .col(uuid(Risk::ActivityId))
            .foreign_key(&mut fk(
                Risk::Table,
                Risk::ActivityId,
                Activity::Table,
                Activity::Id,
            ));
        owned_by(&mut t, Risk::Table, Risk::PartnershipId);
        by_city(&mut t, Risk::Table, Risk::CityId);
        t.col(text(Risk::Description))
            .col(string_len(Risk::Likelihood, 8))
            .col(string_len(Risk::Impact, 8))
            .col(text_null(Risk::Mitigation))
            .col(text_null(Risk::Owner))
            .col(string_len(Risk::Status, 16))
            .col(timestamp_with_time_zone(Risk::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(Risk::Table, &[Risk::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(Feedback::Table).col(pk_uuid(Feedback::Id));
        owned_by(&mut t, Feedback::Table, Feedback::PartnershipId);
        by_city(&mut t, Feedback::Table, Feedback::CityId);
        t.col(text(Feedback::Team))
            .col(text(Feedback::Text))
            .col(date(Feedback::GivenOn))
            .col(integer(Feedback::Cycle))
            .col(timestamp_with_time_zone(Feedback::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(Feedback::Table, &[Feedback::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(Evaluation::Table).col(pk_uuid(Evaluation::Id));
        owned_by(&mut t, Evaluation::Table, Evaluation::PartnershipId);
        by_city(&mut t, Evaluation::Table, Evaluation::CityId);
        t.col(text(Evaluation::Strengths))
            .col(text(Evaluation::Challenges))
            .col(boolean(Evaluation::NoAdjustments))
            .col(date(Evaluation::EvaluatedOn))
            .col(integer(Evaluation::Cycle))
            .col(timestamp_with_time_zone(Evaluation::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(Evaluation::Table, &[Evaluation::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(Adjustment::Table).col(pk_uuid(Adjustment::Id));
        owned_by(&mut t, Adjustment::Table, Adjustment::PartnershipId);
        by_city(&mut t, Adjustment::Table, Adjustment::CityId);
        t.col(text(Adjustment::Proposal))
            .col(integer(Adjustment::Cycle))
            .col(string_len_null(Adjustment::DecisionOutcome, 16))
            .col(uuid_null(Adjustment::DecisionCityId))
            .col(date_null(Adjustment::DecidedOn))
            .col(text_null(Adjustment::DecisionNote))
            .col(timestamp_with_time_zone_null(
                Adjustment::DecisionRecordedAt,
            ))
            .col(timestamp_with_time_zone(Adjustment::RecordedAt))
            .foreign_key(&mut fk(
                Adjustment::Table,
                Adjustment::DecisionCityId,
                City::Table,
                City::Id,
            ));
        manager.create_table(t).await?;
        manager
            .create_index(index(Adjustment::Table, &[Adjustment::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(Approval::Table);
        owned_by(&mut t, Approval::Table, Approval::PartnershipId);
        t.col(string_len(Approval::Subject, 16))
            .col(integer(Approval::Version))
            .col(integer(Approval::Cycle));
        by_city(&mut t, Approval::Table, Approval::CityId);
        t.col(text(Approval::ApprovedBy))
            .col(date(Approval::ApprovedOn))
            .col(text(Approval::Reference))
            .col(timestamp_with_time_zone(Approval::RecordedAt))
            .primary_key(
                Index::create()
                    .col(Approval::PartnershipId)
                    .col(Approval::Subject)
                    .col(Approval::Version)
                    .col(Approval::Cycle)
                    .col(Approval::CityId),
            );
        manager.create_table(t).await?;
        manager
            .create_index(index(
                Approval::Table,
                &[Approval::Subject, Approval::ApprovedOn],
            ))
            .await?;

        let mut t = Table::create();
        t.table(Lesson::Table).col(pk_uuid(Lesson::Id));
        owned_by(&mut t, Lesson::Table, Lesson::PartnershipId);
        by_city(&mut t, Lesson::Table, Lesson::CityId);
        t.col(string_len(Lesson::Kind, 32))
            .col(text(Lesson::Text))
            .col(integer(Lesson::Cycle))
            .col(timestamp_with_time_zone(Lesson::RecordedAt));
        manager.create_table(t).await?;
        manager
            .create_index(index(Lesson::Table, &[Lesson::PartnershipId]))
            .await?;

        let mut t = Table::create();
        t.table(ExPost::Table);
        owned_by(&mut t, ExPost::Table, ExPost::PartnershipId);
        t.col(uuid(ExPost::ObjectiveId)).col(integer(ExPost::Cycle));
        by_city(&mut t, ExPost::Table, ExPost::CityId);
        t.col(text(ExPost::Foreseen))
            .col(text(ExPost::Achieved))
            .col(text(ExPost::Gap))
            .col(timestamp_with_time_zone(ExPost::RecordedAt))
            .primary_key(
                Index::create()
                    .col(ExPost::PartnershipId)
                    .col(ExPost::ObjectiveId)
                    .col(ExPost::Cycle),
            );
        manager.create_table(t).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::drop_tables(
            manager,
            [
                ExPost::Table.into_iden(),
                Lesson::Table.into_iden(),
                Approval::Table.into_iden(),
                Adjustment::Table.into_iden(),
                Evaluation::Table.into_iden(),
                Feedback::Table.into_iden(),
                Risk::Table.into_iden(),
                ProgressReport::Table.into_iden(),
                Team::Table.into_iden(),
                Activity::Table.into_iden(),
                Plan::Table.into_iden(),
                FirstPriority::Table.into_iden(),
                Signature::Table.into_iden(),
                Agreement::Table.into_iden(),
                Contact::Table.into_iden(),
                Assessment::Table.into_iden(),
                Partnership::Table.into_iden(),
            ],
        )
        .await
    }
}
