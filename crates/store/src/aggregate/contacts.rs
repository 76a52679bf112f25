//! Contacts and their follow-ups (Partner, and any later step): the entity,
//! the row as a domain contact, the contact as a row, the follow-up update,
//! and the row of the unfollowed-delegations report.

use super::common::loaded;
use crate::Writer;
use crate::convert::{code, get, i32_of, parse, u32_of};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::outputs::{Contact, Levels};
use c2c_domain::{CityId, ContactId, PartnershipId};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, IdenStatic, QueryFilter, QueryResult, Set};
use uuid::Uuid;

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
    pub follow_up_city_id: Option<Uuid>,
    pub joint: bool,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

fn contact_from(m: contact::Model) -> Result<Contact> {
    Ok(Contact {
        id: m.id.into(),
        city: CityId(m.city_id),
        on: m.happened_on,
        kind: parse("contact kind", &m.kind)?,
        direction: parse("contact direction", &m.direction)?,
        ours: Levels {
            political: m.ours_political,
            technical: m.ours_technical,
        },
        theirs: Levels {
            political: m.theirs_political,
            technical: m.theirs_technical,
        },
        outcome: m.outcome,
        follow_up_due: m.follow_up_due,
        followed_up_on: m.followed_up_on,
        follow_up_note: m.follow_up_note,
        followed_up_by: m.follow_up_city_id.map(CityId),
        joint: m.joint,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

/// A new contact's row: no follow-up yet.
fn contact_row(pid: Uuid, c: &Contact) -> contact::ActiveModel {
    contact::ActiveModel {
        id: Set(c.id.0),
        partnership_id: Set(pid),
        city_id: Set(c.city.0),
        happened_on: Set(c.on),
        kind: Set(code(c.kind)),
        direction: Set(code(c.direction)),
        ours_political: Set(c.ours.political),
        ours_technical: Set(c.ours.technical),
        theirs_political: Set(c.theirs.political),
        theirs_technical: Set(c.theirs.technical),
        outcome: Set(c.outcome.clone()),
        follow_up_due: Set(c.follow_up_due),
        followed_up_on: Set(None),
        follow_up_note: Set(None),
        follow_up_city_id: Set(None),
        joint: Set(c.joint),
        cycle: Set(i32_of(c.cycle)),
        recorded_at: Set(c.recorded_at),
    }
}

loaded!(contact => contacts via contact_from);

/// `ContactRecorded`.
pub(super) async fn record(w: &mut Writer, pid: Uuid, c: &Contact) -> Result<()> {
    w.insert(contact_row(pid, c)).await
}

/// `FollowUpRecorded`.
pub(super) async fn follow_up(
    w: &mut Writer,
    pid: Uuid,
    id: ContactId,
    (on, note, by): (NaiveDate, &str, Option<CityId>),
) -> Result<()> {
    contact::Entity::update_many()
        .col_expr(contact::Column::FollowedUpOn, on.into())
        .col_expr(contact::Column::FollowUpNote, note.to_owned().into())
        .col_expr(contact::Column::FollowUpCityId, by.map(|c| c.0).into())
        .filter(contact::Column::Id.eq(id.0))
        .filter(contact::Column::PartnershipId.eq(pid))
        .exec(&w.txn)
        .await?;
    w.wrote()
}

/// A delegation or visit whose follow-up is overdue or missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfollowed {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The contact.
    pub contact: Uuid,
    /// The city that recorded it.
    pub city: CityId,
    /// `DELEGATION` or `VISIT`.
    pub kind: String,
    /// When it happened.
    pub on: NaiveDate,
    /// When the follow-up was due (none: no follow-up was ever planned).
    pub follow_up_due: Option<NaiveDate>,
    /// Days since it was due, or since the contact when none was planned.
    pub days_waiting: i64,
}

/// The columns of the report's rows, by name.
pub(crate) const UNFOLLOWED_COLUMNS: [contact::Column; 6] = [
    contact::Column::Id,
    contact::Column::PartnershipId,
    contact::Column::CityId,
    contact::Column::Kind,
    contact::Column::HappenedOn,
    contact::Column::FollowUpDue,
];

/// A row of the unfollowed-delegations report ([`UNFOLLOWED_COLUMNS`]), as of
/// `today`.
pub(crate) fn unfollowed_from(r: &QueryResult, today: NaiveDate) -> Result<Unfollowed> {
    let [id, partnership, city, kind, on, due] = UNFOLLOWED_COLUMNS.map(|c| c.as_str());
    let on: NaiveDate = get(r, on)?;
    let due: Option<NaiveDate> = get(r, due)?;
    Ok(Unfollowed {
        partnership: PartnershipId(get(r, partnership)?),
        contact: get(r, id)?,
        city: CityId(get(r, city)?),
        kind: get(r, kind)?,
        on,
        follow_up_due: due,
        days_waiting: (today - due.unwrap_or(on)).num_days(),
    })
}
