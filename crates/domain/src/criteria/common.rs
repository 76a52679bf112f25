//! Small helpers shared by the criteria's checks: the parties, the cities an
//! activity involves, the approvals still missing, quoted lists.

use crate::CityId;
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
    what: &str,
) -> Option<String> {
    let missing: Vec<String> = cities
        .iter()
        .filter(|c| !approved(**c))
        .map(|c| c.to_string())
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "{what} lacks the political approval of city {}",
            missing.join(" and city ")
        )
    })
}

/// `'a', 'b', 'c'`.
pub(super) fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a, b, c`.
pub(super) fn codes<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}
