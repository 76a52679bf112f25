//! The Partner decisions: choosing the counterpart, assessing a candidate,
//! contacts and their follow-ups, contact persons, agreements and their
//! signatures, first priority areas; and how each of their changes is
//! applied.

use super::common::{counterpart as require_counterpart, duplicate};
use crate::city::{Area, Stakeholder, dedup, optional};
use crate::command::Ctx;
use crate::event::Change;
use crate::outputs::{
    Agreement, AgreementDraft, Assessment, AssessmentDraft, AssessmentItem, Contact, ContactDraft,
    ContactPerson, ContactPersonDraft, PriorityAgreement, Signature,
};
use crate::snapshot::Snapshot;
use crate::text::{LONG, SHORT, clean, email, required};
use crate::value;
use crate::vocab::Step;
use crate::{AgreementId, CityId, ContactId, DomainError};
use chrono::NaiveDate;

/// The initiator chooses the counterpart at Partner.
pub(super) fn counterpart(
    s: &Snapshot,
    ctx: &Ctx,
    city: CityId,
    stakeholders: Vec<Stakeholder>,
) -> Result<Change, DomainError> {
    if s.state.step != Step::Partner {
        return Err(DomainError::invalid(
            "counterpartCityId",
            "the counterpart is chosen at PARTNER",
        ));
    }
    if ctx.city != s.initiator {
        return Err(DomainError::forbidden(
            "only the initiator city chooses the counterpart",
        ));
    }
    if city == s.initiator {
        return Err(DomainError::invalid(
            "counterpartCityId",
            "the counterpart must be another city than the initiator",
        ));
    }
    Ok(Change::CounterpartChosen { city, stakeholders })
}

/// An assessment of a candidate counterpart, each criterion answered once.
pub(super) fn assessment(
    s: &Snapshot,
    ctx: &Ctx,
    d: AssessmentDraft,
) -> Result<Change, DomainError> {
    if d.candidate == ctx.city {
        return Err(DomainError::invalid(
            "candidateCityId",
            "a city does not assess itself",
        ));
    }
    value::happened("on", d.on, ctx.now)?;
    if s.outputs.assessments.iter().any(|a| a.id == d.id) {
        return Err(duplicate("assessment"));
    }
    let mut items: Vec<AssessmentItem> = Vec::new();
    for item in d.items {
        if items.iter().any(|i| i.criterion == item.criterion) {
            return Err(DomainError::invalid(
                "items",
                format!("{} is answered twice", item.criterion.code()),
            ));
        }
        items.push(AssessmentItem {
            note: clean("items.note", &item.note, LONG)?,
            ..item
        });
    }
    Ok(Change::AssessmentRecorded(Assessment {
        id: d.id,
        city: ctx.city,
        candidate: d.candidate,
        on: d.on,
        items,
        recorded_at: ctx.now,
    }))
}

/// A contact of the acting city.
pub(super) fn contact(s: &Snapshot, ctx: &Ctx, d: ContactDraft) -> Result<Change, DomainError> {
    value::happened("on", d.on, ctx.now)?;
    value::planned_opt("followUpDue", d.follow_up_due)?;
    if let Some(due) = d.follow_up_due
        && due < d.on
    {
        return Err(DomainError::invalid(
            "followUpDue",
            "a follow-up cannot be due before the contact",
        ));
    }
    if s.outputs.contacts.iter().any(|c| c.id == d.id) {
        return Err(duplicate("contact"));
    }
    Ok(Change::ContactRecorded(Contact {
        id: d.id,
        city: ctx.city,
        on: d.on,
        kind: d.kind,
        direction: d.direction,
        ours: d.ours,
        theirs: d.theirs,
        outcome: clean("outcome", &d.outcome, LONG)?,
        follow_up_due: d.follow_up_due,
        followed_up_on: None,
        follow_up_note: None,
        followed_up_by: None,
        joint: d.joint,
        cycle: s.state.cycle,
        recorded_at: ctx.now,
    }))
}

/// The follow-up of a contact, not before it.
pub(super) fn follow_up(
    s: &Snapshot,
    ctx: &Ctx,
    contact: ContactId,
    on: NaiveDate,
    note: String,
) -> Result<Change, DomainError> {
    let c = s
        .outputs
        .contacts
        .iter()
        .find(|c| c.id == contact)
        .ok_or(DomainError::NotFound {
            what: "contact",
            id: contact.to_string(),
        })?;
    value::happened("on", on, ctx.now)?;
    if on < c.on {
        return Err(DomainError::invalid(
            "on",
            "a follow-up cannot precede its contact",
        ));
    }
    Ok(Change::FollowUpRecorded {
        contact,
        on,
        note: required("note", &note, LONG)?,
        by: Some(ctx.city),
    })
}

/// A contact person of the acting city, named or changed by identifier. The
/// `announced` of the draft is about the change it makes: the start of a new
/// person (or a moved `from`), the leaving when `until` is set or moved.
pub(super) fn contact_person(
    s: &Snapshot,
    ctx: &Ctx,
    d: ContactPersonDraft,
) -> Result<Change, DomainError> {
    let existing = s.outputs.contact_persons.iter().find(|p| p.id == d.id);
    if existing.is_some_and(|p| p.city != ctx.city) {
        return Err(DomainError::forbidden(
            "a city names and changes only its own contact persons",
        ));
    }
    let from = value::happened("from", d.from, ctx.now)?;
    let until = value::planned_opt("until", d.until)?;
    if let Some(until) = until
        && until < from
    {
        return Err(DomainError::invalid(
            "until",
            format!("a contact person cannot leave ({until}) before they start ({from})"),
        ));
    }
    let (announced, until_announced) = match existing {
        None => (d.announced, until.is_some() && d.announced),
        Some(p) => (
            if p.from == from {
                p.announced
            } else {
                d.announced
            },
            if p.until == until {
                p.until_announced
            } else {
                until.is_some() && d.announced
            },
        ),
    };
    Ok(Change::ContactPersonRecorded(ContactPerson {
        id: d.id,
        city: ctx.city,
        name: required("name", &d.name, SHORT)?,
        role: required("role", &d.role, SHORT)?,
        email: email("email", d.email.as_deref())?,
        from,
        until,
        announced,
        until_announced,
        recorded_at: ctx.now,
    }))
}

/// An agreement, unsigned; a renewal names an agreement of the partnership.
pub(super) fn agreement(s: &Snapshot, ctx: &Ctx, d: AgreementDraft) -> Result<Change, DomainError> {
    require_counterpart(s)?;
    let agreements = &s.outputs.agreements;
    if agreements.iter().any(|a| a.id == d.id) {
        return Err(duplicate("agreement"));
    }
    if let Some(prev) = d.renewal_of
        && !agreements.iter().any(|a| a.id == prev)
    {
        return Err(DomainError::NotFound {
            what: "agreement",
            id: prev.to_string(),
        });
    }
    Ok(Change::AgreementRecorded(Agreement {
        id: d.id,
        kind: d.kind,
        title: required("title", &d.title, SHORT)?,
        areas: dedup(d.areas),
        binding: d.binding,
        text: optional("text", d.text.as_deref(), 200_000)?,
        reference: optional("reference", d.reference.as_deref(), SHORT)?,
        valid_until: value::planned_opt("validUntil", d.valid_until)?,
        renewal_of: d.renewal_of,
        signatures: Vec::new(),
        city: ctx.city,
        recorded_at: ctx.now,
    }))
}

/// The acting city's signature of an agreement, once, before it expires.
pub(super) fn signature(
    s: &Snapshot,
    ctx: &Ctx,
    agreement: AgreementId,
    by: String,
    on: NaiveDate,
    reference: Option<String>,
) -> Result<Change, DomainError> {
    require_counterpart(s)?;
    let a = s
        .outputs
        .agreements
        .iter()
        .find(|a| a.id == agreement)
        .ok_or(DomainError::NotFound {
            what: "agreement",
            id: agreement.to_string(),
        })?;
    if a.signature(ctx.city).is_some() {
        return Err(DomainError::invalid(
            "agreementId",
            "this city has already signed the agreement",
        ));
    }
    value::happened("on", on, ctx.now)?;
    if let Some(until) = a.valid_until
        && on > until
    {
        return Err(DomainError::invalid(
            "on",
            "an agreement cannot be signed after it expires",
        ));
    }
    Ok(Change::AgreementSigned {
        agreement,
        signature: Signature {
            city: ctx.city,
            by: required("by", &by, SHORT)?,
            on,
            reference: optional("reference", reference.as_deref(), SHORT)?,
            recorded_at: ctx.now,
        },
    })
}

/// The acting city's agreement to a first priority area, once per area.
pub(super) fn priority(
    s: &Snapshot,
    ctx: &Ctx,
    area: Area,
    by: String,
    on: NaiveDate,
) -> Result<Change, DomainError> {
    require_counterpart(s)?;
    value::happened("on", on, ctx.now)?;
    if s.outputs
        .priorities
        .iter()
        .any(|p| p.area == area && p.city == ctx.city)
    {
        return Err(DomainError::invalid(
            "area",
            format!("this city has already agreed to {}", area.code()),
        ));
    }
    Ok(Change::PriorityAgreed(PriorityAgreement {
        area,
        city: ctx.city,
        by: required("by", &by, SHORT)?,
        on,
        recorded_at: ctx.now,
    }))
}

/// Applies a Partner change. The counterpart's stakeholders come with its
/// choice.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let o = &mut s.outputs;
    match change {
        Change::CounterpartChosen { city, stakeholders } => {
            s.counterpart = Some(*city);
            s.counterpart_stakeholders = stakeholders.clone();
        }
        Change::AssessmentRecorded(a) => o.assessments.push(a.clone()),
        Change::ContactRecorded(c) => o.contacts.push(c.clone()),
        Change::FollowUpRecorded {
            contact,
            on,
            note,
            by,
        } => {
            if let Some(c) = o.contacts.iter_mut().find(|c| c.id == *contact) {
                c.followed_up_on = Some(*on);
                c.follow_up_note = Some(note.clone());
                c.followed_up_by = *by;
            }
        }
        Change::ContactPersonRecorded(p) => {
            match o.contact_persons.iter_mut().find(|x| x.id == p.id) {
                Some(x) => *x = p.clone(),
                None => o.contact_persons.push(p.clone()),
            }
        }
        Change::AgreementRecorded(a) => o.agreements.push(a.clone()),
        Change::AgreementSigned {
            agreement,
            signature,
        } => {
            if let Some(a) = o.agreements.iter_mut().find(|a| a.id == *agreement) {
                a.signatures.push(signature.clone());
            }
        }
        Change::PriorityAgreed(x) => o.priorities.push(x.clone()),
        _ => {}
    }
}
