//! What the table families of an aggregate share: rows grouped by
//! partnership (or by activity, or by agreement), the statement that reads
//! them, and the loader of a family whose tables each fill one output. A
//! leaf.

use crate::error::Result;
use std::collections::HashMap;
use uuid::Uuid;

/// Rows grouped by the identifier of what they belong to, oldest first.
pub(super) type Grouped<M> = HashMap<Uuid, Vec<M>>;

/// Rows of an output table for a set of partnerships, grouped by partnership,
/// oldest first: one statement.
macro_rules! rows_of {
    ($db:expr, $entity:ident, $ids:expr) => {{
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        let mut grouped: std::collections::HashMap<uuid::Uuid, Vec<$entity::Model>> =
            std::collections::HashMap::new();
        for m in $entity::Entity::find()
            .filter($entity::Column::PartnershipId.is_in($ids.to_vec()))
            .order_by_asc($entity::Column::RecordedAt)
            .all($db)
            .await?
        {
            grouped.entry(m.partnership_id).or_default().push(m);
        }
        grouped
    }};
}

pub(super) use rows_of;

/// `loaded!(table => field via conversion, ...)` declares a family's
/// `Loaded`: the rows of its output tables for a set of partnerships (one
/// statement per table, in the order given), handed out partnership by
/// partnership into the `field`s of its outputs.
macro_rules! loaded {
    ($($entity:ident => $field:ident via $from:path),+ $(,)?) => {
        /// This family's rows of a set of partnerships, by partnership.
        pub(super) struct Loaded {
            $($field: super::common::Grouped<$entity::Model>,)+
        }

        impl Loaded {
            pub(super) async fn load<C: sea_orm::ConnectionTrait>(
                db: &C,
                ids: &[uuid::Uuid],
            ) -> $crate::error::Result<Loaded> {
                Ok(Loaded {
                    $($field: super::common::rows_of!(db, $entity, ids),)+
                })
            }

            pub(super) fn fill(
                &mut self,
                pid: uuid::Uuid,
                outputs: &mut c2c_domain::outputs::Outputs,
            ) -> $crate::error::Result<()> {
                $(outputs.$field = super::common::take(&mut self.$field, pid, $from)?;)+
                Ok(())
            }
        }
    };
}

pub(super) use loaded;

/// The rows of `id`, converted, in their order; none when there are none.
pub(super) fn take<M, T>(
    grouped: &mut Grouped<M>,
    id: Uuid,
    f: impl FnMut(M) -> Result<T>,
) -> Result<Vec<T>> {
    grouped
        .remove(&id)
        .unwrap_or_default()
        .into_iter()
        .map(f)
        .collect()
}

/// Regroups converted rows by another key (an activity, an agreement).
pub(super) fn regroup<M, T>(
    grouped: Grouped<M>,
    key: impl Fn(&M) -> Uuid,
    mut f: impl FnMut(M) -> Result<T>,
) -> Result<Grouped<T>> {
    let mut out: Grouped<T> = HashMap::new();
    for m in grouped.into_values().flatten() {
        out.entry(key(&m)).or_default().push(f(m)?);
    }
    Ok(out)
}
