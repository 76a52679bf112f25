//! The event bus that feeds subscriptions from the history.
//!
//! On PostgreSQL every committed event is announced with `NOTIFY`; each gateway
//! process listens, reads the new events from the history and broadcasts them
//! to its subscribers, so that several processes on one database all deliver
//! every event. On SQLite (one process) a change pokes the bus directly. Either
//! way, what subscribers receive is what the history holds, each committed event
//! once, in its order: the store reads it only once it is final
//! (`c2c_store::Horizon`). A subscriber that falls more than [`CAPACITY`]
//! events behind is told (`LAGGED`) and resumes with `after`.

use c2c_store::{EventListener, Store, StoredEvent};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, broadcast};

/// How many events a slow subscriber may lag behind before it misses some.
const CAPACITY: usize = 1024;

/// The bus: a broadcast of stored events.
#[derive(Clone, Debug)]
pub struct EventBus {
    sender: broadcast::Sender<Arc<StoredEvent>>,
    poke: Arc<Notify>,
    /// Whether the database announces every commit (PostgreSQL): a poke
    /// would only wake the bus a second time for the same events.
    announced: bool,
}

impl EventBus {
    /// A bus fed from a store's history. Spawns the task that reads new
    /// events (on PostgreSQL, when another process or this one announces them).
    pub async fn start(store: Store) -> Result<EventBus, c2c_store::StoreError> {
        let (sender, _) = broadcast::channel(CAPACITY);
        let poke = Arc::new(Notify::new());
        let bus = EventBus {
            sender: sender.clone(),
            poke: poke.clone(),
            announced: store.backend() == c2c_store::DbBackend::Postgres,
        };
        // The bus reads with a pool of its own (PostgreSQL).
        let store = store.detached().await?;
        let mut horizon = store.horizon().await?;
        let mut listener = store.listen().await?;
        tokio::spawn(async move {
            let mut pending = false;
            loop {
                wait(&store, &mut listener, &poke, pending).await;
                // Everything that became final since the horizon, in order.
                match store.final_events(&horizon).await {
                    Ok(read) => {
                        for e in read.events {
                            // No subscriber is not an error.
                            let _ = sender.send(Arc::new(e));
                        }
                        horizon = read.horizon;
                        pending = read.pending;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "reading new events failed");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        pending = true;
                    }
                }
            }
        });
        Ok(bus)
    }

    /// A bus that delivers nothing (for building a schema without a database).
    pub fn idle() -> EventBus {
        let (sender, _) = broadcast::channel(1);
        EventBus {
            sender,
            poke: Arc::new(Notify::new()),
            announced: false,
        }
    }

    /// Tells the bus that events were committed in this process (on
    /// PostgreSQL their `NOTIFY` wakes it: one read per commit).
    pub fn poke(&self) {
        if !self.announced {
            self.poke.notify_one();
        }
    }

    /// Subscribes to every event.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StoredEvent>> {
        self.sender.subscribe()
    }
}

/// Waits for something to read: a notification (PostgreSQL) or a poke from
/// this process; and, while events are pending (held back by a transaction in
/// flight, which may end without an event of its own, or beyond a page), a
/// short while at most. A lost listener is opened again, so that a restarted
/// database is caught up with.
async fn wait(store: &Store, listener: &mut Option<EventListener>, poke: &Notify, pending: bool) {
    let soon = async {
        if pending {
            tokio::time::sleep(RECHECK).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    if store.backend() != c2c_store::DbBackend::Postgres {
        tokio::select! {
            _ = poke.notified() => {}
            () = soon => {}
        }
        return;
    }
    let Some(l) = listener.as_mut() else {
        tokio::time::sleep(Duration::from_secs(1)).await;
        *listener = store.listen().await.ok().flatten();
        return;
    };
    tokio::select! {
        r = l.recv() => {
            if let Err(e) = r {
                tracing::warn!(error = %e, "event listener failed; listening again");
                *listener = None;
            }
        }
        _ = poke.notified() => {}
        () = soon => {}
    }
}

/// How long the bus waits at most while events are pending.
const RECHECK: Duration = Duration::from_millis(100);
