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
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Statement,
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
    /// now, the window read whole, with the new horizon and whether events
    /// lie beyond it: one statement (one snapshot), a row even when the
    /// window is empty.
    async fn final_between(&self, from: &str) -> Result<Final> {
        let sql = "WITH h AS (SELECT x, EXISTS (SELECT 1 FROM event WHERE xid >= x) AS beyond \
                   FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x) s) \
                   SELECT e.*, h.x::text AS horizon, h.beyond FROM h \
                   LEFT JOIN event e ON e.xid >= CAST($1 AS xid8) AND e.xid < h.x \
                   ORDER BY e.seq";
        let rows = self
            .db()
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                sql,
                [from.to_owned().into()],
            ))
            .await?;
        let (to, pending) = match rows.first() {
            Some(r) => (
                r.try_get::<String>("", "horizon")?,
                r.try_get::<bool>("", "beyond")?,
            ),
            None => (from.to_owned(), true),
        };
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            if row.try_get::<Option<i64>>("", "seq")?.is_some() {
                events.push(StoredEvent::from_row(event::Model::from_query_result(
                    row, "",
                )?)?);
            }
        }
        Ok(Final {
            events,
            horizon: Horizon::Transactions(to),
            pending,
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
