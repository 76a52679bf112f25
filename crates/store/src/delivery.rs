//! Reading the history as it becomes final, for the event bus: every
//! committed event once, in history order, across processes.
//!
//! An event's `seq` is taken when it is inserted, before its transaction
//! commits, so a transaction that commits late can leave behind it an event
//! with a smaller `seq` than some already read. On PostgreSQL the bus therefore
//! reads by transaction: the [`Horizon`] is the oldest transaction still in
//! flight (`pg_snapshot_xmin`), and a read takes the events of the
//! transactions between the last horizon and the new one, all of them ended,
//! in `seq` order. No transaction that could still write starts below the
//! horizon, so nothing is skipped; each window is read once, so nothing
//! twice. On SQLite one writer commits at a time, in `seq` order.

use crate::Store;
use crate::error::Result;
use crate::events::{StoredEvent, event};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Statement,
};

/// How far the history has been read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Horizon {
    /// PostgreSQL: every event of a transaction older than this one (an
    /// `xid8`, as text) has been read.
    Transactions(String),
    /// SQLite: every event up to this `seq` has been read.
    Seq(i64),
}

/// The most events one read returns.
const PAGE: u64 = 500;

/// What a read of the history found.
#[derive(Debug, Clone, PartialEq)]
pub struct Final {
    /// The events that became final, in history order.
    pub events: Vec<StoredEvent>,
    /// How far the history is now read.
    pub horizon: Horizon,
    /// Whether events are written beyond it, held back by a transaction
    /// still in flight (read again shortly), or beyond a full page.
    pub pending: bool,
}

impl Store {
    /// The horizon now: what is older is final.
    pub async fn horizon(&self) -> Result<Horizon> {
        if self.backend() == DbBackend::Sqlite {
            return Ok(Horizon::Seq(self.last_event_seq().await?));
        }
        let sql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x";
        let row = self
            .db()
            .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await?;
        let x: String = match row {
            Some(r) => r.try_get("", "x")?,
            None => "0".to_owned(),
        };
        Ok(Horizon::Transactions(x))
    }

    /// The events that became final since `from`, in history order, the
    /// horizon they reach, and whether more are pending (read again).
    pub async fn final_events(&self, from: &Horizon) -> Result<Final> {
        match from {
            Horizon::Seq(seq) => {
                let events = self.events_after(*seq, PAGE).await?;
                let to = events.last().map_or(*seq, |e| e.seq);
                let pending = events.len() as u64 == PAGE;
                Ok(Final {
                    events,
                    horizon: Horizon::Seq(to),
                    pending,
                })
            }
            Horizon::Transactions(xid) => self.final_between(xid).await,
        }
    }

    /// PostgreSQL: the events of the transactions ended between `from` and
    /// now, the window read whole.
    async fn final_between(&self, from: &str) -> Result<Final> {
        let Horizon::Transactions(to) = self.horizon().await? else {
            unreachable!("PostgreSQL reads by transaction")
        };
        let rows = event::Entity::find()
            .filter(Expr::cust_with_values(
                "xid >= CAST($1 AS xid8) AND xid < CAST($2 AS xid8)",
                [from.to_owned(), to.clone()],
            ))
            .order_by_asc(event::Column::Seq)
            .all(self.db())
            .await?;
        let events = rows
            .into_iter()
            .map(StoredEvent::from_row)
            .collect::<Result<Vec<_>>>()?;
        let beyond = event::Entity::find()
            .filter(Expr::cust_with_values(
                "xid >= CAST($1 AS xid8)",
                [to.clone()],
            ))
            .one(self.db())
            .await?;
        Ok(Final {
            events,
            horizon: Horizon::Transactions(to),
            pending: beyond.is_some(),
        })
    }

    /// The final events of one partnership after `seq`, in history order (a
    /// subscription that resumes).
    pub async fn final_events_of(
        &self,
        partnership: uuid::Uuid,
        after: i64,
    ) -> Result<Vec<StoredEvent>> {
        let mut q = event::Entity::find()
            .filter(event::Column::PartnershipId.eq(partnership))
            .filter(event::Column::Seq.gt(after))
            .order_by_asc(event::Column::Seq)
            .limit(10_000);
        if self.backend() == DbBackend::Postgres {
            q = q.filter(Expr::cust("xid < pg_snapshot_xmin(pg_current_snapshot())"));
        }
        q.all(self.db())
            .await?
            .into_iter()
            .map(StoredEvent::from_row)
            .collect()
    }
}
