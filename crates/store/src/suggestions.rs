//! Partner suggestions (DESIGN §7): candidate counterparts ranked for a city's
//! standing strategy, with every part of the score.
//!
//! The score is a weighted sum of four parts, each between 0 and 1:
//!
//! | part | weight | value |
//! |---|---|---|
//! | shared areas | 0.4 | the share of the city's strategy themes (its areas of interest when it has no strategy) that the candidate is interested in |
//! | looking for a partner | 0.2 | 1 when the candidate says it is looking for a partner |
//! | existing relations | 0.2 | 1 when a partnership (not terminated) already links the two families (each city, its parent, its children) or links the two cities in the past (concluded) |
//! | prior assessment | 0.2 | the share of the twelve selection criteria met in the city's latest assessment of the candidate |
//!
//! Candidates exclude the city itself, its parent and children, and the cities
//! it already has an active or suspended partnership with. Ties are broken by
//! name. Seven statements whatever the number of cities.

use crate::Store;
use crate::aggregate::assessments::latest_items_by_candidate;
use crate::aggregate::row::partnership;
use crate::convert::parse;
use crate::error::{Result, StoreError};
use c2c_domain::outputs::{Answer, AssessmentItem};
use c2c_domain::{Area, City, CityId, Status};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};
use std::collections::HashSet;
use uuid::Uuid;

/// The weights of the parts of a suggestion's score, in the order of
/// [`Suggestion`]'s parts.
pub const WEIGHTS: [(&str, Decimal); 4] = [
    ("sharedAreas", Decimal::from_parts(4, 0, 0, false, 1)),
    ("lookingForPartner", Decimal::from_parts(2, 0, 0, false, 1)),
    ("existingRelations", Decimal::from_parts(2, 0, 0, false, 1)),
    ("priorAssessment", Decimal::from_parts(2, 0, 0, false, 1)),
];

/// A candidate counterpart and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The candidate.
    pub city: City,
    /// The areas it shares with the city's strategy.
    pub shared: Vec<Area>,
    /// Shared areas part (0–1).
    pub shared_areas: Decimal,
    /// Looking-for-a-partner part (0 or 1).
    pub looking_for_partner: Decimal,
    /// Existing-relations part (0 or 1).
    pub existing_relations: Decimal,
    /// Prior-assessment part (0–1).
    pub prior_assessment: Decimal,
    /// The weighted total (0–1).
    pub score: Decimal,
}

fn ratio(a: usize, b: usize) -> Decimal {
    if b == 0 {
        return Decimal::ZERO;
    }
    let mut r = Decimal::from(a) / Decimal::from(b);
    r.rescale(4);
    r.normalize()
}

/// A city's family: itself, its parent, its children.
fn family(c: &City, cities: &[City]) -> HashSet<Uuid> {
    let mut f: HashSet<Uuid> = HashSet::from([c.id.0]);
    if let Some(p) = c.parent {
        f.insert(p.0);
    }
    for other in cities {
        if other.parent == Some(c.id) {
            f.insert(other.id.0);
        }
    }
    f
}

/// A partnership between two cities: initiator, counterpart, status.
type Link = (Uuid, Option<Uuid>, Status);

/// A candidate and its score, given whether it is related to the city and
/// the city's latest assessment of it.
fn suggestion(
    c: &City,
    themes: &[Area],
    related: bool,
    assessed: Option<&Vec<AssessmentItem>>,
) -> Suggestion {
    let shared: Vec<Area> = themes
        .iter()
        .filter(|a| c.areas.contains(a))
        .copied()
        .collect();
    let one_if = |b: bool| if b { Decimal::ONE } else { Decimal::ZERO };
    let parts = [
        ratio(shared.len(), themes.len()),
        one_if(c.looking_for_partner),
        one_if(related),
        assessed
            .map(|items| ratio(items.iter().filter(|i| i.answer == Answer::Met).count(), 12))
            .unwrap_or(Decimal::ZERO),
    ];
    let score: Decimal = parts
        .iter()
        .zip(WEIGHTS.iter())
        .map(|(p, (_, w))| p * w)
        .sum();
    Suggestion {
        city: c.clone(),
        shared,
        shared_areas: parts[0],
        looking_for_partner: parts[1],
        existing_relations: parts[2],
        prior_assessment: parts[3],
        score: score.normalize(),
    }
}

impl Store {
    /// The partnerships of a family's cities (one statement).
    async fn links(&self, family: &HashSet<Uuid>) -> Result<Vec<Link>> {
        let ids: Vec<Uuid> = family.iter().copied().collect();
        partnership::Entity::find()
            .filter(
                Condition::any()
                    .add(partnership::Column::InitiatorId.is_in(ids.clone()))
                    .add(partnership::Column::CounterpartId.is_in(ids)),
            )
            .all(self.db())
            .await?
            .into_iter()
            .map(|p| {
                let status = parse("status", &p.status)?;
                Ok((p.initiator_id, p.counterpart_id, status))
            })
            .collect()
    }

    /// Candidate counterparts for a city's strategy, best first, at most `first`.
    pub async fn partner_suggestions(&self, city: CityId, first: usize) -> Result<Vec<Suggestion>> {
        let standing = self.standing(city).await?;
        let cities = self.cities().await?;
        let me = cities
            .iter()
            .find(|c| c.id == city)
            .ok_or_else(|| StoreError::not_found("city", city))?;
        let themes: Vec<Area> = match &standing.strategy {
            Some(s) if !s.themes.is_empty() => s.themes.clone(),
            _ => me.areas.clone(),
        };
        let mine = family(me, &cities);
        let links = self.links(&mine).await?;
        let assessed = latest_items_by_candidate(self.db(), city).await?;
        let mut out = Vec::new();
        for c in &cities {
            if mine.contains(&c.id.0) {
                continue;
            }
            let partners_now = links.iter().any(|(i, cp, status)| {
                matches!(status, Status::Active | Status::Suspended)
                    && ((*i == city.0 && *cp == Some(c.id.0))
                        || (*cp == Some(city.0) && *i == c.id.0))
            });
            if partners_now {
                continue;
            }
            let theirs = family(c, &cities);
            let related = links.iter().any(|(i, cp, status)| {
                *status != Status::Terminated
                    && cp.is_some_and(|cp| {
                        (mine.contains(i) && theirs.contains(&cp))
                            || (mine.contains(&cp) && theirs.contains(i))
                    })
            });
            out.push(suggestion(c, &themes, related, assessed.get(&c.id.0)));
        }
        out.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.city.name.cmp(&b.city.name))
        });
        out.truncate(first);
        Ok(out)
    }
}
