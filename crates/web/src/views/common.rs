//! What the pages share: city names, a partnership the account may see (or
//! the same "not found" as a missing one), a partnership's title.

use crate::auth::User;
use crate::page::{Failure, Tr};
use c2c_domain::{CityId, Partnership, PartnershipId};
use c2c_store::Store;
use std::collections::HashMap;

/// The names of every city, by id.
pub async fn city_names(store: &Store, user: &User) -> Result<HashMap<CityId, String>, Failure> {
    Ok(store
        .cities()
        .await
        .map_err(|e| Failure::of(user.lang, e))?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// A KPI's name in the reader's language: the catalogue's words for the
/// guidebook's indicators, the name it was defined with for the others.
pub fn kpi_name(tr: Tr, d: &c2c_domain::KpiDefinition) -> String {
    let id = format!("kpi-{}", d.code.as_str());
    if tr.0.has(&id) {
        tr.t(&id)
    } else {
        d.name.clone()
    }
}

/// A partnership the account may see; "not found" otherwise, exactly as for
/// one that does not exist.
pub async fn visible(
    store: &Store,
    user: &User,
    id: PartnershipId,
) -> Result<Partnership, Failure> {
    match store.partnership(id).await {
        Ok(p) if user.account.can_see(&p) => Ok(p),
        Ok(_) => Err(Failure::NotFound(user.lang)),
        Err(e) => Err(Failure::of(user.lang, e)),
    }
}

/// A city's name, or a dash.
pub fn name(names: &HashMap<CityId, String>, city: Option<CityId>) -> String {
    city.and_then(|c| names.get(&c).cloned())
        .unwrap_or_else(|| "—".to_owned())
}
