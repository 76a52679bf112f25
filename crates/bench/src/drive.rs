//! Many clients doing one operation for a fixed time: each client repeats
//! it as soon as the previous one is answered, and every latency is kept.

use anyhow::Result;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What one side of a workload did.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// Operations that succeeded.
    pub ops: u64,
    /// Operations that failed (with the first error).
    pub errors: u64,
    /// The first error, if any.
    pub first_error: Option<String>,
    /// Latencies of the successful operations, sorted.
    pub latencies: Vec<Duration>,
    /// How long the clients ran.
    pub elapsed: Duration,
}

impl Outcome {
    /// Operations per second.
    pub fn rate(&self) -> f64 {
        self.ops as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The latency below which a share `q` of the operations took.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let at = ((self.latencies.len() as f64 * q).ceil() as usize).clamp(1, self.latencies.len());
        self.latencies[at - 1]
    }
}

/// Runs `op(client, iteration)` from `clients` clients for `duration`.
pub async fn drive<F, Fut>(clients: usize, duration: Duration, op: F) -> Outcome
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<()>> + Send + 'static,
{
    let op = Arc::new(op);
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let op = Arc::clone(&op);
            tokio::spawn(async move {
                let mut out = Outcome::default();
                let mut i = 0;
                while Instant::now() < deadline {
                    let at = Instant::now();
                    match op(client, i).await {
                        Ok(()) => {
                            out.ops += 1;
                            out.latencies.push(at.elapsed());
                        }
                        Err(e) => {
                            out.errors += 1;
                            out.first_error.get_or_insert_with(|| format!("{e:#}"));
                        }
                    }
                    i += 1;
                }
                out
            })
        })
        .collect();
    let mut all = Outcome::default();
    for task in tasks {
        if let Ok(out) = task.await {
            all.ops += out.ops;
            all.errors += out.errors;
            all.latencies.extend(out.latencies);
            if all.first_error.is_none() {
                all.first_error = out.first_error;
            }
        }
    }
    all.elapsed = started.elapsed();
    all.latencies.sort();
    all
}
