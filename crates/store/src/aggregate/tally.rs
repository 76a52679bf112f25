//! The partnerships counted by step, loop and status, kept in the
//! transaction of every change that moves one (`funnel_count`), so that the
//! operator's funnel reads a few hundred rows however many partnerships
//! there are.
//!
//! The counts are spread over [`SHARDS`] rows per state, a partnership's
//! shard taken from its identifier, so that moves of different partnerships
//! seldom wait for the same row; the funnel sums the shards. A move takes
//! one from its former state and adds one to its new state in one statement,
//! its rows in the order of their keys (two moves never wait for each other
//! in a circle).

use crate::Writer;
use crate::convert::code;
use crate::entity::entity;
use crate::error::Result;
use c2c_domain::partnership::State;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{EntityTrait, Set};
use uuid::Uuid;

entity!(funnel_count, "funnel_count", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub shard: i16,
    #[sea_orm(primary_key, auto_increment = false)]
    pub step: String,
    #[sea_orm(primary_key, auto_increment = false)]
    #[sea_orm(column_name = "loop")]
    pub loop_: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub status: String,
    pub n: i64,
});

/// How many rows each state's count is spread over.
pub(crate) const SHARDS: u128 = 64;

/// The key of a state's count in a partnership's shard.
fn key(id: Uuid, s: &State) -> (i16, String, String, String) {
    let shard = i16::try_from(id.as_u128() % SHARDS).unwrap_or(0);
    (shard, code(s.step), code(s.loop_), code(s.status))
}

/// Counts a partnership that leaves state `from` (none for a new one) for
/// state `to`: one write, none when the state stays the same.
pub(crate) async fn moved(w: &mut Writer, id: Uuid, from: Option<State>, to: State) -> Result<()> {
    if from == Some(to) {
        return Ok(());
    }
    let mut deltas: Vec<_> = from.map(|f| (key(id, &f), -1_i64)).into_iter().collect();
    deltas.push((key(id, &to), 1));
    deltas.sort();
    let rows =
        deltas.into_iter().map(
            |((shard, step, loop_, status), n)| funnel_count::ActiveModel {
                shard: Set(shard),
                step: Set(step),
                loop_: Set(loop_),
                status: Set(status),
                n: Set(n),
            },
        );
    use funnel_count::Column as C;
    funnel_count::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([C::Shard, C::Step, C::Loop, C::Status])
                .value(C::N, Expr::cust("funnel_count.n + excluded.n"))
                .to_owned(),
        )
        .exec_without_returning(&w.txn)
        .await?;
    w.wrote()
}
