//! The event bus that feeds subscriptions from the history.
//!
//! On PostgreSQL every committed event is announced with `NOTIFY`; each gateway
//! process listens, reads the new events from the history and broadcasts them
//! to its subscribers, so that several processes on one database all deliver
//! every event. On SQLite (one process) a change pokes the bus directly. Either
//! way, what subscribers receive is what the history holds, in its order.

use c2c_store::{Store, StoredEvent};
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
        };
        let mut last = store.last_event_seq().await?;
        let mut listener = store.listen().await?;
        tokio::spawn(async move {
            loop {
                match listener.as_mut() {
                    Some(l) => {
                        tokio::select! {
                            r = l.recv() => {
                                if let Err(e) = r {
                                    tracing::warn!(error = %e, "event listener failed; retrying");
                                    tokio::time::sleep(Duration::from_secs(1)).await;
                                }
                            }
                            _ = poke.notified() => {}
                        }
                    }
                    None => poke.notified().await,
                }
                // Read everything after the last event seen, in pages.
                loop {
                    match store.events_after(last, 500).await {
                        Ok(events) => {
                            let done = events.len() < 500;
                            for e in events {
                                last = last.max(e.seq);
                                // No subscriber is not an error.
                                let _ = sender.send(Arc::new(e));
                            }
                            if done {
                                break;
                            }
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "reading new events failed");
                            tokio::time::sleep(Duration::from_secs(1)).await;
                            break;
                        }
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
        }
    }

    /// Tells the bus that events were committed in this process.
    pub fn poke(&self) {
        self.poke.notify_one();
    }

    /// Subscribes to every event.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StoredEvent>> {
        self.sender.subscribe()
    }
}
