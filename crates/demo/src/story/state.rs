//! A story being written: the partnership as last recorded, its parties,
//! what has been written so far, and the three ways to write (a sourced
//! command, a filler, a move dated after the fact). The step families
//! (`at_*.rs`) and the driver (`drive.rs`) write through these.

use crate::common::{id, midnight};
use crate::context::Seeder;
use crate::data::PartnershipData;
use crate::plan::{Item, Walk, items};
use anyhow::{Context, Result, anyhow};
use c2c_domain::outputs::{ApprovalDraft, ApprovalSubject, Outputs};
use c2c_domain::{CityId, Command, Move, Partnership, PartnershipId};
use c2c_store::Actor;
use chrono::NaiveDate;

/// What one story wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    /// Commands executed (outputs and moves, the start included).
    pub commands: usize,
    /// Fillers among them.
    pub fillers: usize,
}

/// One partnership's story while it is written.
pub struct Story<'a> {
    pub(super) sx: &'a Seeder<'a>,
    pub(super) p: &'a PartnershipData,
    pub(super) id: PartnershipId,
    pub(super) walk: Walk,
    /// The sourced records written at each stop.
    pub(super) items: Vec<Vec<Item>>,
    pub(super) agg: Option<Partnership>,
    pub(super) initiator: CityId,
    pub(super) counterpart: Option<CityId>,
    /// Whether a spin-off is spawned from this partnership.
    pub(super) has_children: bool,
    next_filler: u32,
    pub(super) written: Written,
}

impl<'a> Story<'a> {
    /// A story about to be written along `walk`.
    pub fn new(sx: &'a Seeder<'a>, p: &'a PartnershipData, walk: Walk) -> Result<Self> {
        let initiator = sx.city(&p.initiator)?;
        let counterpart = match (&p.counterpart, p.counterpart_chosen) {
            (Some(c), true) => Some(sx.city(c)?),
            _ => None,
        };
        let items = items(p, &walk);
        Ok(Story {
            sx,
            p,
            id: PartnershipId(id("partnership", &p.key)),
            walk,
            items,
            agg: None,
            initiator,
            counterpart,
            has_children: sx
                .data
                .partnerships
                .iter()
                .any(|c| c.origin.as_deref() == Some(p.key.as_str())),
            next_filler: 0,
            written: Written::default(),
        })
    }

    /// The partnership as last recorded.
    pub(super) fn agg(&self) -> Result<&Partnership> {
        self.agg
            .as_ref()
            .ok_or_else(|| anyhow!("partnership {} is not started", self.p.key))
    }

    pub(super) fn outputs(&self) -> Result<&Outputs> {
        Ok(self.agg()?.outputs())
    }

    pub(super) fn cycle(&self) -> Result<u32> {
        Ok(self.agg()?.state().cycle)
    }

    /// The initiator, and the counterpart once chosen.
    pub(super) fn parties(&self) -> Vec<CityId> {
        std::iter::once(self.initiator)
            .chain(self.counterpart)
            .collect()
    }

    pub(super) fn name(&self, city: CityId) -> &str {
        self.sx.name(city)
    }

    /// The identifier of the next filler record (deterministic).
    pub(super) fn filler<T: From<uuid::Uuid>>(&mut self) -> T {
        self.next_filler += 1;
        T::from(id(
            "filler",
            &format!("{}:{}", self.p.key, self.next_filler),
        ))
    }

    pub(super) fn actor(&self, city: CityId) -> Result<Actor> {
        self.sx.actor(city)
    }

    /// Reads the partnership again (after a change of the initiator's
    /// standing, which the partnership reads when it is loaded).
    pub(super) async fn reload(&mut self) -> Result<()> {
        let p = self
            .sx
            .store
            .partnership(self.id)
            .await
            .with_context(|| format!("reloading partnership {}", self.p.key))?;
        self.agg = Some(p);
        Ok(())
    }

    /// Keeps the partnership a command left, read again when the command
    /// read only its row.
    async fn keep(&mut self, recorded: c2c_store::Recorded) -> Result<()> {
        if recorded.whole {
            self.agg = Some(recorded.partnership);
            Ok(())
        } else {
            self.reload().await
        }
    }

    /// Executes a command as `city`.
    pub(super) async fn exec(&mut self, city: CityId, command: Command) -> Result<()> {
        let label = command_label(&command);
        let recorded = self
            .sx
            .store
            .execute(self.actor(city)?, self.id, None, None, command)
            .await
            .with_context(|| format!("partnership {}: {label}", self.p.key))?;
        self.written.commands += 1;
        self.keep(recorded).await
    }

    /// Executes a filler command as `city`.
    pub(super) async fn fill(&mut self, city: CityId, command: Command) -> Result<()> {
        self.written.fillers += 1;
        self.exec(city, command).await
    }

    /// Makes a move as the initiator, recorded as made on `on`.
    pub(super) async fn mv(&mut self, m: Move, on: NaiveDate) -> Result<()> {
        let label = format!("{:?} on {on}", m.kind());
        let recorded = self
            .sx
            .store
            .execute(
                self.actor(self.initiator)?,
                self.id,
                None,
                Some(midnight(on)),
                Command::Move(m),
            )
            .await
            .with_context(|| format!("partnership {}: {label}", self.p.key))?;
        self.written.commands += 1;
        self.keep(recorded).await
    }

    /// A filler approval of `version` of `subject` by every party that has
    /// not approved it (in `cycle`, when one is given).
    pub(super) async fn approve_missing(
        &mut self,
        (subject, version, cycle): (ApprovalSubject, u32, Option<u32>),
        on: NaiveDate,
        reference: &str,
    ) -> Result<()> {
        for city in self.parties() {
            let done = self.outputs()?.approvals.iter().any(|a| {
                a.subject == subject
                    && cycle.is_none_or(|c| a.cycle == c)
                    && a.version == version
                    && a.city == city
            });
            if !done {
                let draft = ApprovalDraft {
                    subject,
                    version,
                    by: format!("{} (demo filler)", self.name(city)),
                    on,
                    reference: reference.to_owned(),
                };
                self.fill(city, Command::Approve(draft)).await?;
            }
        }
        Ok(())
    }
}

impl std::fmt::Debug for Story<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Story")
            .field("partnership", &self.p.key)
            .field("written", &self.written)
            .finish()
    }
}

/// The command's name, for error messages.
fn command_label(command: &Command) -> String {
    let debug = format!("{command:?}");
    let name = debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    name.to_owned()
}
