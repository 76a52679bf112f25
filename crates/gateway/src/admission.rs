//! Costly queries take turns. A request whose complexity (as validation
//! counts it, pages times their fields) is at least [`HEAVY`] waits for one
//! of a few turns — one less than the cores, at least one — before it
//! executes, and holds it until its answer is done. Light requests never
//! wait: while clients send the costliest queries the limits admit, a
//! `{ me }` still finds a free core.

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{ServerError, ValidationResult};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The complexity from which a query waits for its turn (a page of 100
/// partnerships with about 20 fields; the limit is 5,000).
pub const HEAVY: usize = 2_000;

/// The schema extension: the turns of one process.
#[derive(Debug, Clone)]
pub struct Turns(Arc<Semaphore>);

impl Default for Turns {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Turns(Arc::new(Semaphore::new(cores.saturating_sub(1).max(1))))
    }
}

impl ExtensionFactory for Turns {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Turn {
            turns: Arc::clone(&self.0),
            held: Mutex::new(None),
        })
    }
}

/// One request's turn, held while the request lives.
struct Turn {
    turns: Arc<Semaphore>,
    held: Mutex<Option<OwnedSemaphorePermit>>,
}

#[async_graphql::async_trait::async_trait]
impl Extension for Turn {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if result.complexity >= HEAVY
            && let Ok(permit) = Arc::clone(&self.turns).acquire_owned().await
        {
            *self.held.lock().unwrap_or_else(PoisonError::into_inner) = Some(permit);
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::{HEAVY, Turns};
    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::sync::Semaphore;
    use tokio::time::timeout;

    struct Query;

    #[Object]
    impl Query {
        async fn light(&self) -> i32 {
            1
        }
        #[graphql(complexity = 2000)]
        async fn heavy(&self) -> i32 {
            2
        }
    }

    #[tokio::test]
    async fn a_heavy_query_waits_for_a_turn_and_a_light_one_never_does() {
        assert_eq!(HEAVY, 2000, "the test's heavy field costs HEAVY");
        let turns = Turns(Arc::new(Semaphore::new(1)));
        let schema = Schema::build(Query, EmptyMutation, EmptySubscription)
            .extension(turns.clone())
            .finish();
        let held = Arc::clone(&turns.0).acquire_owned().await;
        let light = timeout(Duration::from_secs(5), schema.execute("{ light }")).await;
        assert!(
            light.is_ok_and(|r| r.errors.is_empty()),
            "a light query runs"
        );
        let waiting = timeout(Duration::from_millis(200), schema.execute("{ heavy }")).await;
        assert!(
            waiting.is_err(),
            "a heavy query waits while every turn is taken"
        );
        drop(held);
        let heavy = timeout(Duration::from_secs(5), schema.execute("{ heavy }")).await;
        assert!(
            heavy.is_ok_and(|r| r.errors.is_empty()),
            "and runs once one is free"
        );
        assert_eq!(turns.0.available_permits(), 1, "its turn is given back");
    }
}
