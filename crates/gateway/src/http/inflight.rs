//! How many requests one account may have running at once. A request over
//! the limit is answered at once, `429` with `TOO_MANY_REQUESTS` and
//! `Retry-After`, so that one account's burst of costly queries cannot take
//! every connection and worker from the others.
//!
//! A counter per account in one map (no crate keys a concurrency limit by
//! caller: `tower`'s limit is global, `governor` limits a rate).

use c2c_domain::AccountId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The requests running, per account.
#[derive(Debug)]
pub struct InFlight {
    limit: usize,
    running: Mutex<HashMap<AccountId, usize>>,
}

/// One admitted request: the account's count goes down when it is dropped.
#[derive(Debug)]
pub struct Admitted {
    flight: Arc<InFlight>,
    account: AccountId,
}

impl InFlight {
    /// At most `limit` requests per account at once (at least one).
    pub fn new(limit: usize) -> Arc<InFlight> {
        Arc::new(InFlight {
            limit: limit.max(1),
            running: Mutex::new(HashMap::new()),
        })
    }

    /// The most requests an account may have running.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Admits one more request of `account`, unless it has `limit` running.
    pub fn admit(self: &Arc<Self>, account: AccountId) -> Option<Admitted> {
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        let count = running.entry(account).or_insert(0);
        if *count >= self.limit {
            return None;
        }
        *count += 1;
        Some(Admitted {
            flight: Arc::clone(self),
            account,
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut running = self
            .flight
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = running.get_mut(&self.account) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                running.remove(&self.account);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::InFlight;
    use c2c_domain::AccountId;
    use uuid::Uuid;

    #[test]
    fn an_account_gets_its_limit_and_its_slot_back_when_a_request_ends() {
        let flight = InFlight::new(2);
        let (a, b) = (AccountId(Uuid::from_u128(1)), AccountId(Uuid::from_u128(2)));
        let first = flight.admit(a);
        let second = flight.admit(a);
        assert!(first.is_some() && second.is_some());
        assert!(
            flight.admit(a).is_none(),
            "a third request of the same account"
        );
        assert!(
            flight.admit(b).is_some(),
            "another account is not held back"
        );
        drop(first);
        assert!(flight.admit(a).is_some(), "the slot is back");
        drop(second);
    }
}
