//! Small helpers shared by the criteria's checks: the parties, the cities an
//! activity involves, the approvals still missing.

use crate::CityId;
use crate::message::{Arg, Message};
use crate::snapshot::Snapshot;

/// The initiator and the counterpart, once there is one.
pub(super) fn parties(p: &Snapshot) -> Option<(CityId, CityId)> {
    p.counterpart.map(|c| (p.initiator, c))
}

/// The cities an activity involves: those it lists, or both parties when it
/// lists none.
pub(super) fn involved(p: &Snapshot, cities: &[CityId]) -> Vec<CityId> {
    if cities.is_empty() {
        std::iter::once(p.initiator).chain(p.counterpart).collect()
    } else {
        cities.to_vec()
    }
}

/// The message for `what` when some of `cities` have not approved it.
pub(super) fn missing_approvals(
    cities: &[CityId],
    approved: impl Fn(CityId) -> bool,
    what: Message,
) -> Option<Message> {
    let missing: Vec<CityId> = cities.iter().copied().filter(|c| !approved(*c)).collect();
    (!missing.is_empty()).then(|| {
        Message::new("unmet-approval")
            .with("what", what)
            .with("cities", Arg::Cities(missing))
    })
}
