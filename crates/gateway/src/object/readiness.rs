//! Readiness: every move allowed to a partnership on a date, each unmet
//! criterion with a message that names the cities by name and the mutations
//! that meet it (`fixedBy`), and the warnings.

use crate::context::loaders;
use crate::error::Result;
use crate::loader::loaded;
use crate::types::{Loop, MoveKind, Step};
use crate::words::{english, fixed_by};
use async_graphql::{Context, SimpleObject};
use c2c_domain::message::cities_of;
use c2c_domain::{CityId, Partnership, Unmet};
use chrono::NaiveDate;
use std::collections::HashMap;

/// An unmet exit criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct UnmetCriterion {
    /// Its code.
    pub code: String,
    /// What is missing, in English, naming cities by name.
    pub message: String,
    /// The mutations that meet it (any one of them may be enough, or
    /// several may be needed, as the message says).
    pub fixed_by: Vec<String>,
}

/// Something that needs no action yet, e.g. `AGREEMENT_EXPIRING`.
#[derive(SimpleObject, Clone, Debug)]
pub struct ReadinessWarning {
    /// Its code.
    pub code: String,
    /// What to look at.
    pub message: String,
}

/// A move allowed from here: whether it is ready, what blocks it, and what
/// needs no action yet.
#[derive(SimpleObject, Clone, Debug)]
pub struct Readiness {
    /// The move.
    #[graphql(name = "move")]
    pub kind: MoveKind,
    /// The loop it closes (loop back, spawn).
    #[graphql(name = "loop")]
    pub loop_: Option<Loop>,
    /// The step after the move.
    pub target: Option<Step>,
    /// No criterion blocks it.
    pub ready: bool,
    /// Every unmet criterion.
    pub unmet: Vec<UnmetCriterion>,
    /// What needs no action yet (an agreement that expires within 90 days
    /// with nothing to follow it).
    pub warnings: Vec<ReadinessWarning>,
}

/// Every move allowed to a partnership on a date, with what blocks it.
pub async fn readiness(
    ctx: &Context<'_>,
    p: &Partnership,
    on: NaiveDate,
) -> Result<Vec<Readiness>> {
    let all = p.readiness(on);
    let ids = cities_of(all.iter().flat_map(|r| {
        let unmet = r.unmet.iter().map(|u| &u.message);
        unmet.chain(r.warnings.iter().map(|w| &w.message))
    }));
    let names = names(ctx, ids).await?;
    Ok(all
        .into_iter()
        .map(|r| Readiness {
            kind: r.allowed.kind.into(),
            loop_: r.allowed.loop_.map(Into::into),
            target: r.allowed.target.map(Into::into),
            ready: r.ready,
            unmet: r.unmet.iter().map(|u| unmet(u, &names)).collect(),
            warnings: r
                .warnings
                .into_iter()
                .map(|w| ReadinessWarning {
                    code: w.code.code().to_owned(),
                    message: english(&w.message, &names),
                })
                .collect(),
        })
        .collect())
}

/// An unmet criterion for the client.
pub fn unmet(u: &Unmet, names: &HashMap<CityId, String>) -> UnmetCriterion {
    UnmetCriterion {
        code: u.criterion.code().to_owned(),
        message: english(&u.message, names),
        fixed_by: fixed_by(u.criterion)
            .iter()
            .map(|m| (*m).to_owned())
            .collect(),
    }
}

/// The names of cities (one batched load, none for no city).
pub async fn names(ctx: &Context<'_>, ids: Vec<CityId>) -> Result<HashMap<CityId, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let cities = loaded(loaders(ctx)?.cities.load_many(ids).await)?;
    Ok(cities
        .into_iter()
        .map(|(id, c)| (id, c.name.clone()))
        .collect())
}
