//! Partnerships: start, change (one transaction per command), spawn, read,
//! history.

use crate::aggregate::row::{partnership, party_to, with_area};
use crate::aggregate::{self, insert_new, lock, write};
use crate::cities::city;
use crate::convert::code;
use crate::error::{Result, StoreError};
use crate::events::{self, StoredEvent, event};
use crate::standing::{stakeholders_of, standing_and_counterpart};
use crate::{Actor, Store, Writer, now};
use c2c_domain::{Change, CityId, Command, Ctx, Partnership, PartnershipId, StartRequest, Step};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

/// What a change wrote: the event as the history keeps it, and the
/// partnership after it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The event.
    pub event: StoredEvent,
    /// What it changed, as the domain says it (the record it wrote).
    pub change: Change,
    /// The partnership after the event: whole, or (when `whole` is false,
    /// after a command that reads only the row) its row's state with no
    /// outputs or standing: read it again for those.
    pub partnership: Partnership,
    /// Whether `partnership` holds its outputs and standing.
    pub whole: bool,
}

/// What a spawn wrote: the origin's `SPAWNED` event and the new partnership's
/// `STARTED` event.
#[derive(Debug, Clone)]
pub struct SpawnRecorded {
    /// The origin after the spawn.
    pub origin: Recorded,
    /// The new partnership.
    pub child: Recorded,
}

async fn city_exists<C: ConnectionTrait>(db: &C, id: CityId) -> Result<()> {
    let found = city::Entity::find_by_id(id.0)
        .select_only()
        .column(city::Column::Id)
        .into_tuple::<Uuid>()
        .one(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::not_found("city", id)),
    }
}

/// The cities a command names, which must exist.
fn cities_named(command: &Command) -> Vec<CityId> {
    match command {
        Command::ChooseCounterpart { city, .. } => vec![*city],
        Command::RecordAssessment(a) => vec![a.candidate],
        _ => Vec::new(),
    }
}

fn context(
    actor: Actor,
    at: DateTime<Utc>,
    expected: Option<u64>,
    effective: Option<DateTime<Utc>>,
) -> Ctx {
    Ctx {
        actor: actor.account,
        city: actor.city,
        now: at,
        effective_at: effective,
        expected_version: expected,
    }
}

impl Store {
    /// Starts a partnership of the actor's city at Aim or at Partner.
    pub async fn start(
        &self,
        actor: Actor,
        at: Step,
        counterpart: Option<CityId>,
        effective_at: Option<DateTime<Utc>>,
    ) -> Result<Recorded> {
        self.start_with_id(
            PartnershipId(Uuid::now_v7()),
            actor,
            at,
            counterpart,
            effective_at,
        )
        .await
    }

    /// Like [`Store::start`], with an identifier chosen by the caller (a
    /// loader that must be able to run twice, for instance).
    pub async fn start_with_id(
        &self,
        id: PartnershipId,
        actor: Actor,
        at: Step,
        counterpart: Option<CityId>,
        effective_at: Option<DateTime<Utc>>,
    ) -> Result<Recorded> {
        let mut w = self.begin_write().await?;
        if partnership::Entity::find_by_id(id.0)
            .one(&w.txn)
            .await?
            .is_some()
        {
            return Err(StoreError::Invalid {
                field: "id".into(),
                message: format!("partnership {id} already exists"),
            });
        }
        city_exists(&w.txn, actor.city).await?;
        if let Some(c) = counterpart {
            city_exists(&w.txn, c).await?;
        }
        let (standing, counterpart_stakeholders) =
            standing_and_counterpart(&w.txn, actor.city, counterpart).await?;
        let now = now();
        let ctx = context(actor, now, None, effective_at);
        let (p, e) = Partnership::start(
            &ctx,
            StartRequest {
                id,
                at,
                counterpart,
                standing,
                counterpart_stakeholders,
            },
        )?;
        insert_new(&mut w, &p, now).await?;
        let event = events::append(&mut w, &e).await?;
        w.commit().await?;
        Ok(Recorded {
            event,
            change: e.change,
            partnership: p,
            whole: true,
        })
    }

    /// Applies a command to a partnership in one transaction: lock the row,
    /// load the aggregate, let the domain decide (with the expected version),
    /// write the change and its event, bump the version.
    pub async fn execute(
        &self,
        actor: Actor,
        id: PartnershipId,
        expected_version: Option<u64>,
        effective_at: Option<DateTime<Utc>>,
        command: Command,
    ) -> Result<Recorded> {
        let mut w = self.begin_write().await?;
        let row = lock(&w, id).await?;
        for city in cities_named(&command) {
            city_exists(&w.txn, city).await?;
        }
        // The counterpart's stakeholders go in with its choice.
        let command = match command {
            Command::ChooseCounterpart { city, .. } => Command::ChooseCounterpart {
                city,
                stakeholders: stakeholders_of(&w.txn, city).await?,
            },
            other => other,
        };
        let reads = command.reads();
        let before = aggregate::load_for(&w.txn, row, &reads).await?;
        let ctx = context(actor, now(), expected_version, effective_at);
        let e = before.decide(&ctx, command)?;
        let mut after = before.clone();
        after.apply(&e);
        write(&mut w, &before, &after, &e).await?;
        let event = events::append(&mut w, &e).await?;
        w.commit().await?;
        Ok(Recorded {
            event,
            change: e.change,
            partnership: after,
            whole: matches!(reads, c2c_domain::Reads::Whole),
        })
    }

    /// Spawns a new partnership of the same city from a partnership at
    /// Replicate, with a new counterpart.
    pub async fn spawn(
        &self,
        actor: Actor,
        from: PartnershipId,
        expected_version: Option<u64>,
        counterpart: CityId,
    ) -> Result<SpawnRecorded> {
        self.spawn_with_id(
            PartnershipId(Uuid::now_v7()),
            actor,
            from,
            expected_version,
            counterpart,
            None,
        )
        .await
    }

    /// Like [`Store::spawn`], with the new partnership's identifier chosen by
    /// the caller, and the date of the spawn when it is recorded after the fact.
    pub async fn spawn_with_id(
        &self,
        child: PartnershipId,
        actor: Actor,
        from: PartnershipId,
        expected_version: Option<u64>,
        counterpart: CityId,
        effective_at: Option<DateTime<Utc>>,
    ) -> Result<SpawnRecorded> {
        let mut w: Writer = self.begin_write().await?;
        let row = lock(&w, from).await?;
        city_exists(&w.txn, counterpart).await?;
        let before = aggregate::load(&w.txn, row).await?;
        let counterpart_stakeholders = stakeholders_of(&w.txn, counterpart).await?;
        let at = now();
        let ctx = context(actor, at, expected_version, effective_at);
        let spawned = before.spawn(&ctx, child, counterpart, counterpart_stakeholders)?;
        let mut after = before.clone();
        after.apply(&spawned.origin_event);
        insert_new(&mut w, &spawned.child, at).await?;
        write(&mut w, &before, &after, &spawned.origin_event).await?;
        let origin_event = events::append(&mut w, &spawned.origin_event).await?;
        let child_event = events::append(&mut w, &spawned.child_event).await?;
        w.commit().await?;
        Ok(SpawnRecorded {
            origin: Recorded {
                event: origin_event,
                change: spawned.origin_event.change,
                partnership: after,
                whole: true,
            },
            child: Recorded {
                event: child_event,
                change: spawned.child_event.change,
                partnership: spawned.child,
                whole: true,
            },
        })
    }

    /// Loads a partnership with every output its criteria read, in
    /// [`crate::LOAD_STATEMENTS`] statements.
    pub async fn partnership(&self, id: PartnershipId) -> Result<Partnership> {
        let row = partnership::Entity::find_by_id(id.0)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::not_found("partnership", id))?;
        aggregate::load(self.db(), row).await
    }

    /// The history of a partnership, oldest first.
    pub async fn history(&self, id: PartnershipId) -> Result<Vec<StoredEvent>> {
        event::Entity::find()
            .filter(event::Column::PartnershipId.eq(id.0))
            .order_by_asc(event::Column::Seq)
            .all(self.db())
            .await?
            .into_iter()
            .map(StoredEvent::from_row)
            .collect()
    }

    /// A city's own history (its strategy and commitment versions), oldest
    /// first.
    pub async fn city_history(&self, city: CityId) -> Result<Vec<StoredEvent>> {
        event::Entity::find()
            .filter(event::Column::CityId.eq(city.0))
            .filter(event::Column::PartnershipId.is_null())
            .order_by_asc(event::Column::Seq)
            .all(self.db())
            .await?
            .into_iter()
            .map(StoredEvent::from_row)
            .collect()
    }

    /// Events recorded after `seq`, oldest first, at most `limit` of them.
    pub async fn events_after(&self, seq: i64, limit: u64) -> Result<Vec<StoredEvent>> {
        event::Entity::find()
            .filter(event::Column::Seq.gt(seq))
            .order_by_asc(event::Column::Seq)
            .limit(limit)
            .all(self.db())
            .await?
            .into_iter()
            .map(StoredEvent::from_row)
            .collect()
    }
}

/// Which partnerships a listing returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnershipFilter {
    /// At this step.
    pub step: Option<c2c_domain::Step>,
    /// In this loop.
    pub loop_: Option<c2c_domain::Loop>,
    /// With this status.
    pub status: Option<c2c_domain::Status>,
    /// With this city as initiator or counterpart.
    pub city: Option<CityId>,
    /// With this cooperation area among its first priorities or activities.
    pub area: Option<c2c_domain::Area>,
    /// Only those this city is party to (the access scope of a city account).
    pub party: Option<CityId>,
}

impl Store {
    /// A page of partnerships, in the order they were created, after the
    /// cursor `after`: their identifiers, and whether more follow. One
    /// statement.
    pub async fn list_partnerships(
        &self,
        filter: &PartnershipFilter,
        first: u64,
        after: Option<PartnershipId>,
    ) -> Result<(Vec<PartnershipId>, bool)> {
        let mut ids: Vec<Uuid> = listing(filter, after)
            .select_only()
            .column(partnership::Column::Id)
            .limit(first + 1)
            .into_tuple()
            .all(self.db())
            .await?;
        let more = ids.len() as u64 > first;
        ids.truncate(usize::try_from(first).unwrap_or(usize::MAX));
        Ok((ids.into_iter().map(PartnershipId).collect(), more))
    }

    /// Like [`Store::list_partnerships`], the rows themselves, each as an
    /// aggregate without its outputs or standing (see
    /// [`Store::partnership_rows`]). One statement.
    pub async fn list_partnership_rows(
        &self,
        filter: &PartnershipFilter,
        first: u64,
        after: Option<PartnershipId>,
    ) -> Result<(Vec<Partnership>, bool)> {
        let mut rows = listing(filter, after)
            .limit(first + 1)
            .all(self.db())
            .await?;
        let more = rows.len() as u64 > first;
        rows.truncate(usize::try_from(first).unwrap_or(usize::MAX));
        let rows = rows
            .into_iter()
            .map(aggregate::row_only)
            .collect::<Result<_>>()?;
        Ok((rows, more))
    }

    /// Several partnerships with all their outputs, in the order asked, in
    /// [`crate::LOAD_STATEMENTS`] statements whatever their number; unknown
    /// identifiers are left out.
    pub async fn partnerships_by_id(&self, ids: &[PartnershipId]) -> Result<Vec<Partnership>> {
        let rows = self.rows_by_id(ids).await?;
        aggregate::load_many(self.db(), rows).await
    }

    /// Several partnerships' rows, in the order asked, each as an aggregate
    /// without its outputs or standing (read those with
    /// [`Store::outputs_part`] or [`Store::partnerships_by_id`]): one
    /// statement.
    pub async fn partnership_rows(&self, ids: &[PartnershipId]) -> Result<Vec<Partnership>> {
        let rows = self.rows_by_id(ids).await?;
        rows.into_iter().map(aggregate::row_only).collect()
    }

    /// The rows of several partnerships, in the order asked: one statement.
    async fn rows_by_id(&self, ids: &[PartnershipId]) -> Result<Vec<partnership::Model>> {
        let uuids: Vec<Uuid> = ids.iter().map(|p| p.0).collect();
        let mut rows = partnership::Entity::find()
            .filter(partnership::Column::Id.is_in(uuids))
            .all(self.db())
            .await?;
        rows.sort_by_key(|r| ids.iter().position(|p| p.0 == r.id));
        Ok(rows)
    }

    /// One part of several partnerships' outputs, each in an otherwise
    /// empty `Outputs`: two statements.
    pub async fn outputs_part(
        &self,
        ids: &[PartnershipId],
        part: aggregate::Part,
    ) -> Result<std::collections::HashMap<PartnershipId, c2c_domain::outputs::Outputs>> {
        let uuids: Vec<Uuid> = ids.iter().map(|p| p.0).collect();
        let found = aggregate::load_part(self.db(), &uuids, part).await?;
        Ok(found
            .into_iter()
            .map(|(id, o)| (PartnershipId(id), o))
            .collect())
    }

    /// The histories of several partnerships, oldest first: one statement.
    pub async fn histories(
        &self,
        ids: &[PartnershipId],
    ) -> Result<std::collections::HashMap<PartnershipId, Vec<StoredEvent>>> {
        let uuids: Vec<Uuid> = ids.iter().map(|p| p.0).collect();
        let mut out: std::collections::HashMap<PartnershipId, Vec<StoredEvent>> =
            std::collections::HashMap::new();
        for row in event::Entity::find()
            .filter(event::Column::PartnershipId.is_in(uuids))
            .order_by_asc(event::Column::Seq)
            .all(self.db())
            .await?
        {
            let e = StoredEvent::from_row(row)?;
            if let Some(p) = e.partnership {
                out.entry(p).or_default().push(e);
            }
        }
        Ok(out)
    }

    /// When each partnership entered its current step, as it happened (its
    /// last start, advance or loop back): one statement.
    pub async fn steps_entered(
        &self,
        ids: &[PartnershipId],
    ) -> Result<std::collections::HashMap<PartnershipId, DateTime<Utc>>> {
        let uuids: Vec<Uuid> = ids.iter().map(|p| p.0).collect();
        let rows: Vec<(Option<Uuid>, Option<DateTime<Utc>>)> = event::Entity::find()
            .select_only()
            .column(event::Column::PartnershipId)
            .column_as(event::Column::OccurredAt.max(), "entered")
            .filter(event::Column::PartnershipId.is_in(uuids))
            .filter(event::Column::Kind.is_in(["STARTED", "ADVANCED", "LOOPED_BACK"]))
            .group_by(event::Column::PartnershipId)
            .into_tuple()
            .all(self.db())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, at)| Some((PartnershipId(id?), at?)))
            .collect())
    }

    /// The cities of a partnership: its initiator and its counterpart, if any
    /// (one statement).
    pub async fn parties(&self, id: PartnershipId) -> Result<(CityId, Option<CityId>)> {
        let row: Option<(Uuid, Option<Uuid>)> = partnership::Entity::find_by_id(id.0)
            .select_only()
            .column(partnership::Column::InitiatorId)
            .column(partnership::Column::CounterpartId)
            .into_tuple()
            .one(self.db())
            .await?;
        row.map(|(i, c)| (CityId(i), c.map(CityId)))
            .ok_or_else(|| StoreError::not_found("partnership", id))
    }

    /// The status reason (why it was suspended or terminated) of partnerships:
    /// one statement.
    pub async fn status_reasons(
        &self,
        ids: &[PartnershipId],
    ) -> Result<std::collections::HashMap<PartnershipId, String>> {
        let uuids: Vec<Uuid> = ids.iter().map(|p| p.0).collect();
        let rows: Vec<(Uuid, Option<String>)> = partnership::Entity::find()
            .select_only()
            .column(partnership::Column::Id)
            .column(partnership::Column::StatusReason)
            .filter(partnership::Column::Id.is_in(uuids))
            .into_tuple()
            .all(self.db())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, r)| r.map(|r| (PartnershipId(id), r)))
            .collect())
    }
}

/// The partnerships a filter keeps after the cursor, in the order they were
/// created.
fn listing(
    filter: &PartnershipFilter,
    after: Option<PartnershipId>,
) -> Select<partnership::Entity> {
    let mut q = partnership::Entity::find();
    if let Some(step) = filter.step {
        q = q.filter(partnership::Column::Step.eq(code(step)));
    }
    if let Some(l) = filter.loop_ {
        q = q.filter(partnership::Column::Loop.eq(code(l)));
    }
    if let Some(status) = filter.status {
        q = q.filter(partnership::Column::Status.eq(code(status)));
    }
    for city in [filter.city, filter.party].into_iter().flatten() {
        q = q.filter(party_to(city));
    }
    if let Some(area) = filter.area {
        q = q.filter(with_area(area));
    }
    if let Some(after) = after {
        q = q.filter(partnership::Column::Id.gt(after.0));
    }
    q.order_by_asc(partnership::Column::Id)
}
