//! Contact persons (Partner, and any later step): the entity, the row as a
//! domain contact person, the person as a row (a change replaces the row),
//! and the row of the contact-person-changes report (`PersonChange`).

use super::common::loaded;
use crate::Writer;
use crate::convert::{get, parse};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::outputs::ContactPerson;
use c2c_domain::{CityId, PartnershipId};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{IdenStatic, QueryResult, Set};
use strum::{EnumIter, EnumString, IntoStaticStr};
use uuid::Uuid;

entity!(contact_person, "contact_person", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub from_on: Date,
    pub until_on: Option<Date>,
    pub announced: bool,
    pub until_announced: bool,
    pub recorded_at: DateTimeUtc,
});

fn person_from(m: contact_person::Model) -> Result<ContactPerson> {
    Ok(ContactPerson {
        id: m.id.into(),
        city: CityId(m.city_id),
        name: m.name,
        role: m.role,
        email: m.email,
        from: m.from_on,
        until: m.until_on,
        announced: m.announced,
        until_announced: m.until_announced,
        recorded_at: m.recorded_at,
    })
}

fn person_row(pid: Uuid, p: &ContactPerson) -> contact_person::ActiveModel {
    contact_person::ActiveModel {
        id: Set(p.id.0),
        partnership_id: Set(pid),
        city_id: Set(p.city.0),
        name: Set(p.name.clone()),
        role: Set(p.role.clone()),
        email: Set(p.email.clone()),
        from_on: Set(p.from),
        until_on: Set(p.until),
        announced: Set(p.announced),
        until_announced: Set(p.until_announced),
        recorded_at: Set(p.recorded_at),
    }
}

loaded!(contact_person => contact_persons via person_from);

/// `ContactPersonRecorded`: the person, inserted or replaced.
pub(super) async fn record(w: &mut Writer, pid: Uuid, p: &ContactPerson) -> Result<()> {
    use contact_person::Column as C;
    w.upsert(
        person_row(pid, p),
        OnConflict::column(C::Id)
            .update_columns([
                C::Name,
                C::Role,
                C::Email,
                C::FromOn,
                C::UntilOn,
                C::Announced,
                C::UntilAnnounced,
                C::RecordedAt,
            ])
            .to_owned(),
    )
    .await
}

/// A change of contact person: a start, or a leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum PersonChangeKind {
    /// A person started while the city had already named someone.
    Started,
    /// A person left.
    Ended,
}

/// A change of a city's contact person for a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChange {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The city whose person changed.
    pub city: CityId,
    /// The person.
    pub person: ContactPerson,
    /// A start or a leaving.
    pub kind: PersonChangeKind,
    /// When.
    pub on: NaiveDate,
    /// Whether the counterpart was told (`false`: the failure pattern).
    pub announced: bool,
}

/// The person's columns in the report's rows.
pub(crate) const PERSON_COLUMNS: [contact_person::Column; 11] = [
    contact_person::Column::Id,
    contact_person::Column::PartnershipId,
    contact_person::Column::CityId,
    contact_person::Column::Name,
    contact_person::Column::Role,
    contact_person::Column::Email,
    contact_person::Column::FromOn,
    contact_person::Column::UntilOn,
    contact_person::Column::Announced,
    contact_person::Column::UntilAnnounced,
    contact_person::Column::RecordedAt,
];

/// A row of the contact-person-changes report: [`PERSON_COLUMNS`], then
/// `change`, `change_on` and `change_announced`.
pub(crate) fn person_change_from(r: &QueryResult) -> Result<PersonChange> {
    let [
        id,
        partnership,
        city,
        name,
        role,
        email,
        from,
        until,
        announced,
        until_announced,
        at,
    ] = PERSON_COLUMNS.map(|c| c.as_str());
    let person = person_from(contact_person::Model {
        id: get(r, id)?,
        partnership_id: get(r, partnership)?,
        city_id: get(r, city)?,
        name: get(r, name)?,
        role: get(r, role)?,
        email: get(r, email)?,
        from_on: get(r, from)?,
        until_on: get(r, until)?,
        announced: get(r, announced)?,
        until_announced: get(r, until_announced)?,
        recorded_at: get(r, at)?,
    })?;
    Ok(PersonChange {
        partnership: PartnershipId(get(r, partnership)?),
        city: person.city,
        kind: parse("contact person change", &get::<String>(r, "change")?)?,
        on: get(r, "change_on")?,
        announced: get(r, "change_announced")?,
        person,
    })
}
