//! The partnerships: every one that is not a spin-off, a few at a time (each
//! is its own story), then the spin-offs one by one (each spawn is a move of
//! its origin, dated after the origin's last one). A partnership that exists
//! is left alone.

use crate::common::{id, not_found};
use crate::context::Seeder;
use crate::data::PartnershipData;
use crate::plan::{self, Walk};
use crate::story::{self, Written};
use anyhow::{Context, Result, anyhow, bail};
use c2c_domain::PartnershipId;
use futures_util::StreamExt;
use std::collections::BTreeMap;
use std::time::Instant;

/// How many stories are written at a time.
const CONCURRENCY: usize = 4;

/// What the stories wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Partnerships created.
    pub added: usize,
    /// Partnerships that already existed.
    pub skipped: usize,
    /// Commands executed (the starts included).
    pub commands: usize,
    /// Fillers among them.
    pub fillers: usize,
}

/// Writes every partnership's story that is not written yet; `log` hears of
/// every tenth partnership and the last.
pub async fn write(
    sx: &Seeder<'_>,
    walks: &BTreeMap<String, Walk>,
    log: &mut impl FnMut(String),
    began: Instant,
) -> Result<Tally> {
    let data = sx.data;
    let roots: Vec<&PartnershipData> = data
        .partnerships
        .iter()
        .filter(|p| p.origin.is_none())
        .collect();
    let mut children: Vec<&PartnershipData> = data
        .partnerships
        .iter()
        .filter(|p| p.origin.is_some())
        .collect();
    children.sort_by_key(|p| walks.get(&p.key).map(|w| w.start));
    let total = roots.len() + children.len();
    let mut tally = Tally::default();
    // SQLite has one writer at a time: more stories at once only queue.
    let parallel = match sx.store.backend() {
        c2c_store::DbBackend::Postgres => CONCURRENCY,
        _ => 1,
    };
    for (group, parallel) in [(roots, parallel), (children, 1)] {
        let mut stories = futures_util::stream::iter(group)
            .map(|p| one(sx, walks, p))
            .buffer_unordered(parallel);
        while let Some(written) = stories.next().await {
            match written? {
                Some(Written { commands, fillers }) => {
                    tally.commands += commands;
                    tally.fillers += fillers;
                    tally.added += 1;
                }
                None => tally.skipped += 1,
            }
            let done = tally.added + tally.skipped;
            if done % 10 == 0 || done == total {
                log(format!(
                    "partnerships: {done}/{total} ({} added, {} already there) after {:.1} s",
                    tally.added,
                    tally.skipped,
                    began.elapsed().as_secs_f64()
                ));
            }
        }
    }
    if tally.added + tally.skipped != total {
        bail!("not every partnership was seeded");
    }
    Ok(tally)
}

/// Writes one partnership's story, unless it exists (then `None`).
async fn one(
    sx: &Seeder<'_>,
    walks: &BTreeMap<String, Walk>,
    p: &PartnershipData,
) -> Result<Option<Written>> {
    let store = sx.store;
    let pid = PartnershipId(id("partnership", &p.key));
    if not_found(store.partnership(pid).await)?.is_some() {
        return Ok(None);
    }
    let mut walk = walks
        .get(&p.key)
        .cloned()
        .ok_or_else(|| anyhow!("no walk for {}", p.key))?;
    if let Some(origin) = &p.origin {
        // The spawn is a move of the origin: not before its last one.
        let o = store
            .partnership(PartnershipId(id("partnership", origin)))
            .await
            .with_context(|| format!("the origin of {}", p.key))?;
        let after = o.snapshot().last_move_at.date_naive();
        if after > walk.start {
            walk = plan::walk(sx.data, p, after, sx.today)
                .map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        }
    }
    story::write(sx, p, walk).await.map(Some)
}
