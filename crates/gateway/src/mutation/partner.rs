//! Partner mutations (at Partner): the counterpart, assessments, contacts and
//! their follow-ups, agreements and each city's signature, first priorities.

use super::common::record;
use super::payload::{
    self, ChooseCounterpartPayload, RecordAgreementPayload, RecordAssessmentPayload,
    RecordContactPayload, RecordContactPersonPayload, RecordFirstPriorityPayload,
    RecordSignaturePayload,
};
use crate::error::Result;
use crate::guard::RoleGuard;
use crate::input::{AgreementInput, AssessmentInput, ContactInput, ContactPersonInput, Given};
use crate::types::Area;
use async_graphql::{Context, Object};
use c2c_domain::{CityId, Command};
use chrono::NaiveDate;
use uuid::Uuid;

/// The partner outputs.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct PartnerMutation;

#[Object(guard = "RoleGuard::Editor")]
impl PartnerMutation {
    /// Chooses the counterpart city (at Partner, by the initiator).
    async fn choose_counterpart(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        city_id: Uuid,
        expected_version: Option<u64>,
    ) -> Result<ChooseCounterpartPayload> {
        let command = Command::choose_counterpart(CityId(city_id));
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(ChooseCounterpartPayload::of(
            &r,
            payload::counterpart(ctx, &r).await?,
        ))
    }

    /// Records an assessment of a candidate counterpart against the twelve
    /// selection criteria.
    async fn record_assessment(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: AssessmentInput,
        expected_version: Option<u64>,
    ) -> Result<RecordAssessmentPayload> {
        let command = Command::RecordAssessment(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordAssessmentPayload::of(&r, payload::assessment(&r)?))
    }

    /// Records a meeting, delegation, visit, call or event.
    async fn record_contact(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ContactInput,
        expected_version: Option<u64>,
    ) -> Result<RecordContactPayload> {
        let command = Command::RecordContact(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordContactPayload::of(&r, payload::contact(&r)?))
    }

    /// Names a contact person of the editor's city for the partnership, or
    /// changes one (by `input.id`), e.g. to record that they left. Allowed
    /// while the partnership is suspended.
    async fn record_contact_person(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ContactPersonInput,
        expected_version: Option<u64>,
    ) -> Result<RecordContactPersonPayload> {
        let command = Command::RecordContactPerson(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordContactPersonPayload::of(
            &r,
            payload::contact_person(&r)?,
        ))
    }

    /// Records the follow-up of a contact.
    async fn record_follow_up(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        contact_id: Uuid,
        on: NaiveDate,
        note: String,
        expected_version: Option<u64>,
    ) -> Result<RecordContactPayload> {
        let command = Command::RecordFollowUp {
            contact: contact_id.into(),
            on,
            note,
        };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordContactPayload::of(&r, payload::contact(&r)?))
    }

    /// Records an agreement: a framework agreement, or a joint project
    /// agreement (each city then signs it).
    async fn record_agreement(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: AgreementInput,
        expected_version: Option<u64>,
    ) -> Result<RecordAgreementPayload> {
        let command = Command::RecordAgreement(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordAgreementPayload::of(&r, payload::agreement(&r)?))
    }

    /// Records the editor's city's signature of an agreement.
    #[allow(clippy::too_many_arguments)]
    async fn record_signature(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        agreement_id: Uuid,
        by: String,
        on: NaiveDate,
        reference: Option<String>,
        expected_version: Option<u64>,
    ) -> Result<RecordSignaturePayload> {
        let command = Command::SignAgreement {
            agreement: agreement_id.into(),
            by,
            on,
            reference,
        };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordSignaturePayload::of(&r, payload::signature(&r)?))
    }

    /// Records the editor's city's agreement to a first priority area.
    async fn record_first_priority(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        area: Area,
        by: String,
        on: NaiveDate,
        expected_version: Option<u64>,
    ) -> Result<RecordFirstPriorityPayload> {
        let command = Command::AgreePriority {
            area: area.into(),
            by,
            on,
        };
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordFirstPriorityPayload::of(
            &r,
            payload::first_priority(&r)?,
        ))
    }
}
