//! What the decisions share: the access and version checks, the event a
//! decision makes, duplicate identifiers, and the lookups of a party, the
//! plan and an activity. (Dates and amounts are checked by
//! [`crate::value`].)

use crate::command::Ctx;
use crate::event::{Change, Event};
use crate::outputs::{Activity, Outputs, Plan};
use crate::snapshot::{Snapshot, State};
use crate::{ActivityId, CityId, DomainError, StakeholderId};
use chrono::{DateTime, Utc};

/// Refuses a city that is not party to the partnership, exactly as if the
/// partnership did not exist. Comes first: such a city learns nothing, not
/// even that it exists.
pub(super) fn check_actor(s: &Snapshot, ctx: &Ctx) -> Result<(), DomainError> {
    if s.is_party(ctx.city) {
        Ok(())
    } else {
        Err(DomainError::NotFound {
            what: "partnership",
            id: s.id.to_string(),
        })
    }
}

/// Refuses a caller that expected another version.
pub(super) fn check_version(s: &Snapshot, ctx: &Ctx) -> Result<(), DomainError> {
    match ctx.expected_version {
        Some(expected) if expected != s.version => Err(DomainError::VersionConflict {
            expected,
            actual: s.version,
        }),
        _ => Ok(()),
    }
}

/// The event of a change: the partnership is in `state` after it, and at the
/// next version.
pub(super) fn event(
    s: &Snapshot,
    ctx: &Ctx,
    state: State,
    occurred_at: DateTime<Utc>,
    change: Change,
) -> Event {
    Event {
        partnership: s.id,
        actor: ctx.actor,
        city: ctx.city,
        at: ctx.now,
        occurred_at,
        step: state.step,
        loop_: state.loop_,
        cycle: state.cycle,
        status: state.status,
        version: s.version + 1,
        change,
    }
}

/// A new record whose identifier is taken.
pub(super) fn duplicate(what: &str) -> DomainError {
    DomainError::invalid(
        "id",
        format!("a {what} with this identifier already exists"),
    )
}

/// The counterpart, which joint outputs need.
pub(super) fn counterpart(s: &Snapshot) -> Result<CityId, DomainError> {
    s.counterpart.ok_or_else(|| {
        DomainError::invalid(
            "partnershipId",
            "the partnership has no counterpart city yet: choose one at PARTNER first",
        )
    })
}

/// `city`, if it is party to the partnership.
pub(super) fn party(s: &Snapshot, city: CityId) -> Result<CityId, DomainError> {
    if s.is_party(city) {
        Ok(city)
    } else {
        Err(DomainError::NotParty { city })
    }
}

/// The cooperation plan, which activities need.
pub(super) fn plan(s: &Snapshot) -> Result<&Plan, DomainError> {
    s.outputs.plan.as_ref().ok_or_else(|| {
        DomainError::invalid(
            "partnershipId",
            "the partnership has no cooperation plan yet",
        )
    })
}

/// An activity of the plan.
pub(super) fn activity(s: &Snapshot, id: ActivityId) -> Result<&Activity, DomainError> {
    plan(s)?.activity(id).ok_or(DomainError::NotFound {
        what: "activity",
        id: id.to_string(),
    })
}

/// Whether a stakeholder belongs to `city`, a party.
pub(super) fn stakeholder_of(s: &Snapshot, city: CityId, id: StakeholderId) -> bool {
    s.standing
        .stakeholders
        .iter()
        .chain(s.counterpart_stakeholders.iter())
        .any(|x| x.id == id && x.city == city)
}

/// An activity of the plan, to change.
pub(super) fn activity_mut(o: &mut Outputs, id: ActivityId) -> Option<&mut Activity> {
    o.plan
        .as_mut()?
        .activities
        .iter_mut()
        .find(|a| a.plan.id == id)
}
