//! What a conversion may need besides its input: `Given`, and `Ids`, where
//! the identifiers of new records come from.
//!
//! Every input becomes its domain draft through `From` (or `TryFrom`) in its
//! feature's file. An input that needs nothing else converts from itself; one
//! that needs identifiers for the records it creates, or a value the resolver
//! looked up (the KPI definition a selection names, the city that owns a new
//! KPI), converts from a `Given` that carries them. A conversion reads no
//! clock, no store and no context of its own.

use uuid::Uuid;

/// An input with what its conversion needs from outside it.
#[derive(Debug)]
pub struct Given<T, X = ()> {
    /// The input.
    pub input: T,
    /// What the resolver looked up for it.
    pub with: X,
    /// Where the identifiers of the records it creates come from.
    pub ids: Ids,
}

impl<T> Given<T> {
    /// The input, with new identifiers for the records it creates.
    pub fn new(input: T) -> Self {
        Given::with(input, ())
    }
}

impl<T, X> Given<T, X> {
    /// The input, with `with` and new identifiers.
    pub fn with(input: T, with: X) -> Self {
        Given {
            input,
            with,
            ids: Ids::V7,
        }
    }
}

/// Where the identifiers of new records come from.
#[derive(Clone, Copy, Debug)]
pub struct Ids(fn() -> Uuid);

impl Ids {
    /// UUID v7: new, and ordered by time.
    pub const V7: Ids = Ids(Uuid::now_v7);

    /// The nil UUID every time: a test's fixed identifiers.
    #[cfg(test)]
    pub const NIL: Ids = Ids(Uuid::nil);

    /// A new identifier.
    pub fn fresh(self) -> Uuid {
        (self.0)()
    }

    /// The identifier the client chose (to change a record, or to make a
    /// retry idempotent), or a new one.
    pub fn or_fresh(self, id: Option<Uuid>) -> Uuid {
        id.unwrap_or_else(self.0)
    }
}
