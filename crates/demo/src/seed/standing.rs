//! The cities' standing (AIM and COMMIT): the sourced strategies, and filler
//! strategies and commitments where a partnership needs them, recorded by
//! the account that acts for the city unless the city has one already.

use super::needs::Needs;
use crate::common::{FILLER, id};
use crate::context::Seeder;
use crate::data::{CityData, StrategyData};
use anyhow::{Context, Result};
use c2c_domain::standing::{
    CommitmentDraft, ContactTeam, Objective, PoliticalCommitment, Priority, ResourceDraft,
    StakeholderRole, Standing, StrategyDraft,
};
use c2c_domain::{Area, CityId, StakeholderId};
use c2c_store::Role;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Records the strategies and commitments that are missing
/// (`standings` as they were before the seeding).
pub async fn record(
    sx: &Seeder<'_>,
    needs: &Needs,
    standings: &HashMap<CityId, Standing>,
    stakeholders_of: &HashMap<CityId, Vec<StakeholderId>>,
) -> Result<()> {
    for c in &sx.data.cities {
        let city = sx.city(&c.key)?;
        let standing = standings.get(&city);
        let stakeholders = stakeholders_of.get(&city).cloned().unwrap_or_default();
        let has_strategy = standing.is_some_and(|s| s.strategy.is_some());
        let (draft, objectives) = match c.strategy.first() {
            Some(s) => {
                let (draft, objectives) = sourced_strategy(c, s, stakeholders);
                (Some(draft), objectives)
            }
            None if needs.aim.contains(&c.key) => {
                let (draft, objectives) = filler_strategy(c, stakeholders);
                (Some(draft), objectives)
            }
            None => (None, Vec::new()),
        };
        if let Some(draft) = draft
            && !has_strategy
        {
            sx.store
                .record_strategy(sx.actor(city)?, draft)
                .await
                .with_context(|| format!("recording the strategy of {}", c.key))?;
        }
        if let Some(on) = needs.commit.get(&c.key)
            && standing.is_none_or(|s| s.commitment.is_none())
        {
            let draft = commitment(sx, c, *on, &objectives)?;
            sx.store
                .record_commitment(sx.actor(city)?, draft)
                .await
                .with_context(|| format!("recording the commitment of {}", c.key))?;
        }
    }
    Ok(())
}

/// The city's sourced strategy as a draft, and its objectives.
fn sourced_strategy(
    c: &CityData,
    s: &StrategyData,
    stakeholders: Vec<StakeholderId>,
) -> (StrategyDraft, Vec<Objective>) {
    let objectives: Vec<Objective> = s
        .objectives
        .iter()
        .enumerate()
        .map(|(i, text)| Objective {
            id: id("objective", &format!("{}:{i}", c.key)).into(),
            text: text.clone(),
        })
        .collect();
    let mut evidence = s.evidence.clone();
    evidence.push(format!("Source: {}", s.source));
    let draft = StrategyDraft {
        vision: s.vision.clone(),
        horizon: s.horizon.clone(),
        objectives: objectives.clone(),
        challenges: s.challenges.clone(),
        opportunities: s.opportunities.clone(),
        themes: s.themes.clone(),
        stakeholders,
        evidence,
        adopted_on: s.adopted_on,
    };
    (draft, objectives)
}

/// A filler strategy for a city the sources document none for, and its
/// one objective.
fn filler_strategy(
    c: &CityData,
    stakeholders: Vec<StakeholderId>,
) -> (StrategyDraft, Vec<Objective>) {
    let themes = if c.areas.is_empty() {
        vec![Area::EconomyTrade]
    } else {
        c.areas.clone()
    };
    let objectives = vec![Objective {
        id: id("objective", &format!("{}:filler", c.key)).into(),
        text: format!(
            "{FILLER} build lasting cooperation with partner cities in the city's areas \
             of interest."
        ),
    }];
    let draft = StrategyDraft {
        vision: format!(
            "{FILLER} {} seeks international partnerships that serve its own \
             development (the sources document no strategy).",
            c.name
        ),
        horizon: None,
        objectives: objectives.clone(),
        challenges: Vec::new(),
        opportunities: Vec::new(),
        themes,
        stakeholders,
        evidence: Vec::new(),
        adopted_on: None,
    };
    (draft, objectives)
}

/// A filler commitment of the city's council on `on`, with a priority for
/// each objective of the strategy.
fn commitment(
    sx: &Seeder<'_>,
    c: &CityData,
    on: NaiveDate,
    objectives: &[Objective],
) -> Result<CommitmentDraft> {
    let city = sx.city(&c.key)?;
    let role = sx.lead_stakeholder(city)?;
    let team = sx
        .data
        .accounts
        .iter()
        .find(|a| a.role == Role::Editor && a.city.as_deref() == Some(c.key.as_str()))
        .map_or_else(
            || format!("{} international relations team", c.name),
            |a| a.name.clone(),
        );
    Ok(CommitmentDraft {
        political: Some(PoliticalCommitment {
            body: format!("{} council", c.name),
            on: Some(on),
            reference: format!("{FILLER} no commitment decision is documented"),
        }),
        priorities: objectives
            .iter()
            .map(|o| Priority {
                text: format!("{FILLER} pursue this objective through city-to-city partnerships."),
                objective: Some(o.id),
            })
            .collect(),
        roles: vec![StakeholderRole {
            stakeholder: role,
            role: "Coordinates the city's international partnerships".into(),
            responsibilities: format!("{FILLER} roles are not documented."),
        }],
        resources: vec![ResourceDraft {
            kind: "STAFF".into(),
            description: format!("{FILLER} staff time of the international team."),
            amount: None,
            currency: None,
        }],
        contact_team: Some(ContactTeam {
            name: team,
            members: Vec::new(),
        }),
        external_stakeholders: Vec::new(),
    })
}
