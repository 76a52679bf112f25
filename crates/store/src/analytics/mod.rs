//! Cross-partnership analytics (DESIGN §7, §12): one SQL statement each,
//! aggregating in the database, over the indexes of the migrations. The
//! statements are built with sea-query, so their values are bound whatever
//! the backend; window functions (the time in step, the latest measurement
//! of each period) are common table expressions of the same builder.
//!
//! Every query takes a [`Scope`]: everything (operators) or the partnerships a
//! city is party to (city accounts).

mod alerts;
mod common;
mod export;
mod funnel;
mod kpi;
mod patterns;
mod steps;

pub use crate::aggregate::contacts::Unfollowed;
pub use crate::aggregate::persons::{PersonChange, PersonChangeKind};
pub use alerts::{Expiring, Stalled, WithoutPlan};
pub use common::{Page, Paged, Scope};
pub use export::{Export, Records};
pub use funnel::{FunnelFilter, FunnelRow};
pub use kpi::{GroupBy, KpiTotal};
pub use patterns::OneSided;
pub use steps::StepTime;
