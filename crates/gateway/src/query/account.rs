//! Account queries: `me`.

use crate::context::viewer;
use crate::error::Result;
use crate::object::Me;
use async_graphql::{Context, Object};

/// Who is asking.
#[derive(Debug, Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The authenticated account.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        Ok(Me {
            account: (&viewer(ctx)?.account).into(),
        })
    }
}
