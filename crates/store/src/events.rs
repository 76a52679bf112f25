//! The append-only history: the event entity, the row as a [`StoredEvent`]
//! and an event as a row. Events are inserted, never updated or deleted.

use crate::convert::{code, i32_of, i64_of, json, parse, u32_of, u64_of};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::{Store, Writer};
use c2c_domain::{
    AccountId, Change, CityEvent, CityId, Event, EventId, Loop, PartnershipId, Status, Step,
};
use chrono::{DateTime, Utc};
use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ActiveValue::NotSet, EntityTrait, Set};
use sea_orm::{ConnectionTrait, DbBackend, DbErr};
use uuid::Uuid;

entity!(event, "event", {
    #[sea_orm(primary_key)]
    pub seq: i64,
    pub id: Uuid,
    pub partnership_id: Option<Uuid>,
    pub city_id: Uuid,
    pub actor_id: Uuid,
    pub kind: String,
    pub payload: Json,
    pub step: Option<String>,
    #[sea_orm(column_name = "loop")]
    pub loop_: Option<String>,
    pub cycle: Option<i32>,
    pub status: Option<String>,
    pub version: Option<i64>,
    pub occurred_at: DateTimeUtc,
    pub recorded_at: DateTimeUtc,
});

/// An event as the history keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// Its position in the whole history (increasing).
    pub seq: i64,
    /// Its identifier.
    pub id: EventId,
    /// The partnership, or `None` for a city's own event (strategy, commitment).
    pub partnership: Option<PartnershipId>,
    /// The acting city.
    pub city: CityId,
    /// The acting account.
    pub actor: AccountId,
    /// The kind, e.g. `ADVANCED`, `MEASUREMENT_RECORDED`.
    pub kind: String,
    /// What changed, as JSON.
    pub payload: serde_json::Value,
    /// The step after the event.
    pub step: Option<Step>,
    /// The loop after the event.
    pub loop_: Option<Loop>,
    /// The cycle after the event.
    pub cycle: Option<u32>,
    /// The status after the event.
    pub status: Option<Status>,
    /// The partnership's version after the event.
    pub version: Option<u64>,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl StoredEvent {
    pub(crate) fn from_row(m: event::Model) -> Result<StoredEvent> {
        Ok(StoredEvent {
            seq: m.seq,
            id: EventId(m.id),
            partnership: m.partnership_id.map(PartnershipId),
            city: CityId(m.city_id),
            actor: AccountId(m.actor_id),
            kind: m.kind,
            payload: m.payload,
            step: m.step.as_deref().map(|s| parse("step", s)).transpose()?,
            loop_: m.loop_.as_deref().map(|s| parse("loop", s)).transpose()?,
            cycle: m.cycle.map(|c| u32_of("cycle", c)).transpose()?,
            status: m
                .status
                .as_deref()
                .map(|s| parse("status", s))
                .transpose()?,
            version: m.version.map(|v| u64_of("version", v)).transpose()?,
            occurred_at: m.occurred_at,
            recorded_at: m.recorded_at,
        })
    }

    /// The change of a partnership event, read back from its payload.
    pub fn change(&self) -> Option<Change> {
        serde_json::from_value(self.payload.clone()).ok()
    }
}

/// Appends a partnership event.
pub(crate) async fn append(w: &mut Writer, e: &Event) -> Result<StoredEvent> {
    let row = event::ActiveModel {
        seq: NotSet,
        id: Set(Uuid::now_v7()),
        partnership_id: Set(Some(e.partnership.0)),
        city_id: Set(e.city.0),
        actor_id: Set(e.actor.0),
        kind: Set(e.kind().to_owned()),
        payload: Set(json(&e.change)),
        step: Set(Some(code(e.step))),
        loop_: Set(Some(code(e.loop_))),
        cycle: Set(Some(i32_of(e.cycle))),
        status: Set(Some(code(e.status))),
        version: Set(Some(i64_of(e.version))),
        occurred_at: Set(e.occurred_at),
        recorded_at: Set(e.at),
    };
    let stored = event::Entity::insert(row)
        .exec_with_returning(&w.txn)
        .await?;
    w.wrote()?;
    notify(w, stored.seq).await?;
    StoredEvent::from_row(stored)
}

/// The PostgreSQL channel on which every committed event is announced.
pub const CHANNEL: &str = "c2c_events";

/// Announces an event to every listener, on commit (PostgreSQL delivers
/// notifications of a transaction when it commits, and drops them when it
/// rolls back). SQLite has no such thing: its gateway is one process.
async fn notify(w: &Writer, seq: i64) -> Result<()> {
    if w.backend == DbBackend::Postgres {
        w.txn
            .execute_unprepared(&format!("NOTIFY {CHANNEL}, '{seq}'"))
            .await?;
    }
    Ok(())
}

/// Listens for the events committed by any process on a PostgreSQL database.
pub struct EventListener(PgListener);

impl std::fmt::Debug for EventListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventListener")
    }
}

impl EventListener {
    /// Waits for the next announced event; returns its sequence number.
    /// Fails as soon as the connection is lost: the caller listens again
    /// and then reads what it missed meanwhile (`PgListener::recv` would
    /// reconnect by itself, losing the announcements of the gap unseen).
    pub async fn recv(&mut self) -> Result<i64> {
        let listening = |e: String| StoreError::Database(DbErr::Custom(format!("listening: {e}")));
        match self.0.try_recv().await {
            Ok(Some(n)) => Ok(n.payload().parse().unwrap_or(0)),
            Ok(None) => Err(listening("the connection was lost".to_owned())),
            Err(e) => Err(listening(e.to_string())),
        }
    }
}

impl Store {
    /// A listener for the events committed by every process on this database,
    /// on PostgreSQL; `None` on SQLite.
    pub async fn listen(&self) -> Result<Option<EventListener>> {
        if self.backend() != DbBackend::Postgres {
            return Ok(None);
        }
        let mut l = PgListener::connect(self.raw_url())
            .await
            .map_err(|e| StoreError::Database(DbErr::Custom(format!("listening: {e}"))))?;
        l.listen(CHANNEL)
            .await
            .map_err(|e| StoreError::Database(DbErr::Custom(format!("listening: {e}"))))?;
        Ok(Some(EventListener(l)))
    }

    /// The sequence number of the newest event, 0 when there is none.
    pub async fn last_event_seq(&self) -> Result<i64> {
        use sea_orm::{QueryOrder, QuerySelect};
        let seq: Option<i64> = event::Entity::find()
            .select_only()
            .column(event::Column::Seq)
            .order_by_desc(event::Column::Seq)
            .limit(1)
            .into_tuple()
            .one(self.db())
            .await?;
        Ok(seq.unwrap_or(0))
    }
}

/// Appends a city event.
pub(crate) async fn append_city(w: &mut Writer, e: &CityEvent) -> Result<StoredEvent> {
    let row = event::ActiveModel {
        seq: NotSet,
        id: Set(Uuid::now_v7()),
        partnership_id: Set(None),
        city_id: Set(e.city.0),
        actor_id: Set(e.actor.0),
        kind: Set(e.kind().to_owned()),
        payload: Set(json(&e.change)),
        step: Set(None),
        loop_: Set(None),
        cycle: Set(None),
        status: Set(None),
        version: Set(None),
        occurred_at: Set(e.at),
        recorded_at: Set(e.at),
    };
    let stored = event::Entity::insert(row)
        .exec_with_returning(&w.txn)
        .await?;
    w.wrote()?;
    notify(w, stored.seq).await?;
    StoredEvent::from_row(stored)
}
