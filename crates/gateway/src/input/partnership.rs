//! Partnership inputs: the filter of the `partnerships` listing.

use super::common::Given;
use crate::types::{Area, Loop, Status, Step};
use async_graphql::InputObject;
use c2c_domain::CityId;
use uuid::Uuid;

/// Which partnerships to list.
#[derive(InputObject, Clone, Debug, Default)]
pub struct PartnershipFilter {
    /// At this step.
    pub step: Option<Step>,
    /// In this loop.
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// With this status.
    pub status: Option<Status>,
    /// With this city as initiator or counterpart.
    pub city_id: Option<Uuid>,
    /// With this cooperation area among its first priorities or activities.
    pub area: Option<Area>,
}

/// The store's filter, restricted to the partnerships of one city (`with`;
/// none for operators).
impl From<Given<PartnershipFilter, Option<CityId>>> for c2c_store::PartnershipFilter {
    fn from(g: Given<PartnershipFilter, Option<CityId>>) -> Self {
        let f = g.input;
        c2c_store::PartnershipFilter {
            step: f.step.map(Into::into),
            loop_: f.loop_.map(Into::into),
            status: f.status.map(Into::into),
            city: f.city_id.map(CityId),
            area: f.area.map(Into::into),
            party: g.with,
        }
    }
}
