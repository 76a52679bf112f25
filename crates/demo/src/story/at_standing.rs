//! AIM and COMMIT in a later cycle: the city's strategy and commitment are
//! recorded before any story (`seed/standing.rs`), so a cycle that begins
//! later needs them recorded again (`AIM_RENEWED`, `COMMIT_RENEWED`). The
//! sources give no new versions: the fillers record the version in force
//! again, unchanged, and say so.

use super::state::Story;
use crate::common::{FILLER, truncate};
use anyhow::{Context, Result, anyhow};
use c2c_domain::standing::{CommitmentDraft, PoliticalCommitment, ResourceDraft, StrategyDraft};

impl Story<'_> {
    /// `AIM_RENEWED`: the strategy in force, recorded again for the cycle.
    pub(super) async fn renew_strategy(&mut self, cycle: u32) -> Result<()> {
        let s = self
            .agg()?
            .snapshot()
            .standing
            .strategy
            .clone()
            .ok_or_else(|| anyhow!("{} has no strategy to renew", self.p.initiator))?;
        let mut evidence = s.evidence.clone();
        evidence.retain(|e| !e.starts_with(FILLER));
        evidence.push(format!(
            "{FILLER} recorded again, unchanged, for cycle {cycle} of the partnership {}: a new \
             City development cycle revisits the strategy and the sources give no new version.",
            self.p.key
        ));
        let draft = StrategyDraft {
            vision: s.vision,
            horizon: s.horizon,
            objectives: s.objectives,
            challenges: s.challenges,
            opportunities: s.opportunities,
            themes: s.themes,
            stakeholders: s.stakeholders,
            evidence,
            adopted_on: s.adopted_on,
        };
        let actor = self.actor(self.initiator)?;
        self.sx
            .store
            .record_strategy(actor, draft)
            .await
            .with_context(|| format!("renewing the strategy of {}", self.p.initiator))?;
        self.written.fillers += 1;
        self.reload().await
    }

    /// `COMMIT_RENEWED`: the commitment in force, recorded again for the
    /// cycle.
    pub(super) async fn renew_commitment(&mut self, cycle: u32) -> Result<()> {
        let c = self
            .agg()?
            .snapshot()
            .standing
            .commitment
            .clone()
            .ok_or_else(|| anyhow!("{} has no commitment to renew", self.p.initiator))?;
        let political = c.political.map(|pc| PoliticalCommitment {
            reference: truncate(
                &format!(
                    "{FILLER} renewed, unchanged, for cycle {cycle} of {}; before: {}",
                    self.p.key,
                    pc.reference.rsplit("; before: ").next().unwrap_or_default()
                ),
                300,
            ),
            ..pc
        });
        let draft = CommitmentDraft {
            political,
            priorities: c.priorities,
            roles: c.roles,
            resources: c
                .resources
                .into_iter()
                .map(|r| ResourceDraft {
                    kind: r.kind,
                    description: r.description,
                    amount: r.amount.map(|m| m.amount),
                    currency: r.amount.map(|m| m.currency.code().to_owned()),
                })
                .collect(),
            contact_team: c.contact_team,
            external_stakeholders: c.external_stakeholders,
        };
        let actor = self.actor(self.initiator)?;
        self.sx
            .store
            .record_commitment(actor, draft)
            .await
            .with_context(|| format!("renewing the commitment of {}", self.p.initiator))?;
        self.written.fillers += 1;
        self.reload().await
    }
}
