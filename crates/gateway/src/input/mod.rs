//! Input types, one file per feature. Each converts into the domain's draft
//! through `From` or `TryFrom` (see `common.rs` for what a conversion may be
//! given besides its input); the domain checks the draft (ranges, units,
//! dates, parties): the gateway only shapes the input.

mod account;
mod act;
mod city;
mod common;
mod delivery;
mod kpi;
mod measure;
mod partner;
mod partnership;
mod plan;
mod platform;
mod replicate;

pub use account::AccountInput;
pub use act::{ApprovalInput, DecisionInput};
pub use city::{CityInput, CommitmentInput, StakeholderInput, StrategyInput};
pub use common::Given;
pub use delivery::{ProgressInput, RiskInput, TeamInput};
pub use kpi::KpiDefinitionInput;
pub use measure::{EvaluationInput, FeedbackInput, KpiSelectionInput, MeasurementInput};
pub use partner::{AgreementInput, AssessmentInput, ContactInput, ContactPersonInput};
pub use partnership::PartnershipFilter;
pub use plan::{ActivityChanges, ActivityInput};
pub use platform::{FunnelFilter, KpiGroupBy};
pub use replicate::ExPostInput;
