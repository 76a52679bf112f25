//! Agreements and their signatures (Partner): the entities, the rows as a
//! domain agreement with its signatures, and the agreement and a signature as
//! rows.

use super::common::{Grouped, regroup, rows_of, take};
use crate::Writer;
use crate::convert::{code, from_json, json, parse};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::outputs::{Agreement, Outputs, Signature};
use c2c_domain::{AgreementId, CityId};
use sea_orm::{ConnectionTrait, Set};
use uuid::Uuid;

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
    pub signed_both_on: Option<Date>,
    pub renewed_on: Option<Date>,
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

fn signature_from(m: signature::Model) -> Signature {
    Signature {
        city: CityId(m.city_id),
        by: m.signed_by,
        on: m.signed_on,
        reference: m.reference,
        recorded_at: m.recorded_at,
    }
}

fn agreement_from(m: agreement::Model, signatures: Vec<Signature>) -> Result<Agreement> {
    Ok(Agreement {
        id: m.id.into(),
        kind: parse("agreement kind", &m.kind)?,
        title: m.title,
        areas: from_json("agreement.areas", m.areas)?,
        binding: m.binding,
        text: m.text,
        reference: m.reference,
        valid_until: m.valid_until,
        renewal_of: m.renewal_of.map(Into::into),
        signatures,
        city: CityId(m.city_id),
        recorded_at: m.recorded_at,
    })
}

fn agreement_row(pid: Uuid, a: &Agreement) -> agreement::ActiveModel {
    agreement::ActiveModel {
        id: Set(a.id.0),
        partnership_id: Set(pid),
        city_id: Set(a.city.0),
        kind: Set(code(a.kind)),
        title: Set(a.title.clone()),
        areas: Set(json(&a.areas)),
        binding: Set(a.binding),
        text: Set(a.text.clone()),
        reference: Set(a.reference.clone()),
        valid_until: Set(a.valid_until),
        renewal_of: Set(a.renewal_of.map(|r| r.0)),
        recorded_at: Set(a.recorded_at),
        signed_both_on: Set(None),
        renewed_on: Set(None),
    }
}

fn signature_row(pid: Uuid, agreement: AgreementId, s: &Signature) -> signature::ActiveModel {
    signature::ActiveModel {
        agreement_id: Set(agreement.0),
        city_id: Set(s.city.0),
        partnership_id: Set(pid),
        signed_by: Set(s.by.clone()),
        signed_on: Set(s.on),
        reference: Set(s.reference.clone()),
        recorded_at: Set(s.recorded_at),
    }
}

/// The agreements of a set of partnerships, and their signatures by
/// agreement: two statements.
pub(super) struct Loaded {
    agreements: Grouped<agreement::Model>,
    signatures: Grouped<Signature>,
}

impl Loaded {
    pub(super) async fn load<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Loaded> {
        let agreements = rows_of!(db, agreement, ids);
        let signatures = regroup(
            rows_of!(db, signature, ids),
            |s| s.agreement_id,
            |s| Ok(signature_from(s)),
        )?;
        Ok(Loaded {
            agreements,
            signatures,
        })
    }

    pub(super) fn fill(&mut self, pid: Uuid, outputs: &mut Outputs) -> Result<()> {
        let signatures = &mut self.signatures;
        outputs.agreements = take(&mut self.agreements, pid, |a| {
            let sigs = signatures.remove(&a.id).unwrap_or_default();
            agreement_from(a, sigs)
        })?;
        Ok(())
    }
}

/// `AgreementRecorded`.
pub(super) async fn record(w: &mut Writer, pid: Uuid, a: &Agreement) -> Result<()> {
    w.insert(agreement_row(pid, a)).await
}

/// `AgreementSigned`.
pub(super) async fn sign(
    w: &mut Writer,
    pid: Uuid,
    agreement: AgreementId,
    s: &Signature,
) -> Result<()> {
    w.insert(signature_row(pid, agreement, s)).await
}
