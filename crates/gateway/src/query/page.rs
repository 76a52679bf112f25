//! Pages of lists, the Relay way (`first`, `after`): the largest page, what
//! a page costs in the complexity limit, and the pages of the analytics
//! lists, whose cursors are positions in the list as it stands when asked.

use crate::error::{GatewayError, Result};
use async_graphql::OutputType;
use async_graphql::connection::{Connection, Edge, EmptyFields};
use c2c_store::{Page, Paged};

/// The most items one page returns.
pub const MAX_PAGE: i32 = 100;

/// A connection of `T`s, with string cursors.
pub type Listed<T> = Connection<String, T, EmptyFields, EmptyFields>;

/// The size of a page asked for: `first`, by default 20, from 1 to
/// [`MAX_PAGE`].
pub fn size(first: Option<i32>) -> Result<u64> {
    let first = first.unwrap_or(20);
    if !(1..=MAX_PAGE).contains(&first) {
        return Err(
            GatewayError::invalid("first", format!("must be between 1 and {MAX_PAGE}")).into(),
        );
    }
    Ok(u64::try_from(first).unwrap_or(20))
}

/// The complexity of a page: its size (`first`, default 20, at most 100)
/// times the fields of one item.
pub fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    let page = first.unwrap_or(20).clamp(1, MAX_PAGE);
    usize::try_from(page)
        .unwrap_or(100)
        .saturating_mul(child_complexity)
}

/// The page of an analytics list that `first` and `after` ask for.
pub fn page(first: Option<i32>, after: Option<&str>) -> Result<Page> {
    let skip = match after {
        None => 0,
        Some(cursor) => cursor
            .parse::<u64>()
            .map_err(|_| GatewayError::invalid("after", "not a cursor of this list"))?,
    };
    Ok(Page {
        first: size(first)?,
        skip,
    })
}

/// The connection of a page of an analytics list: each item's cursor is its
/// position in the list (from 1).
pub fn listed<T, N: OutputType>(page: Page, paged: Paged<T>, node: impl Fn(T) -> N) -> Listed<N> {
    let mut connection = Connection::new(page.skip > 0, paged.more);
    let first = page.skip + 1;
    connection.edges.extend(
        paged
            .items
            .into_iter()
            .zip(first..)
            .map(|(item, at)| Edge::new(at.to_string(), node(item))),
    );
    connection
}
