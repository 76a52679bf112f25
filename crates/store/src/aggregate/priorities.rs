//! First priorities agreed by each city (Partner): the entity, the row as a
//! domain priority agreement and the agreement as a row.

use super::common::loaded;
use crate::Writer;
use crate::convert::{code, parse};
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::CityId;
use c2c_domain::outputs::PriorityAgreement;
use sea_orm::Set;
use uuid::Uuid;

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

fn priority_from(m: first_priority::Model) -> Result<PriorityAgreement> {
    Ok(PriorityAgreement {
        area: parse("area", &m.area)?,
        city: CityId(m.city_id),
        by: m.agreed_by,
        on: m.agreed_on,
        recorded_at: m.recorded_at,
    })
}

fn priority_row(pid: Uuid, p: &PriorityAgreement) -> first_priority::ActiveModel {
    first_priority::ActiveModel {
        partnership_id: Set(pid),
        area: Set(code(p.area)),
        city_id: Set(p.city.0),
        agreed_by: Set(p.by.clone()),
        agreed_on: Set(p.on),
        recorded_at: Set(p.recorded_at),
    }
}

loaded!(first_priority => priorities via priority_from);

/// `PriorityAgreed`.
pub(super) async fn record(w: &mut Writer, pid: Uuid, p: &PriorityAgreement) -> Result<()> {
    w.insert(priority_row(pid, p)).await
}
