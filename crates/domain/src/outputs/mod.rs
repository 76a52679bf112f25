//! The outputs of a partnership (DESIGN §5): what its exit criteria read.
//!
//! Every output records the date it happened (a signing, a visit, a report, a
//! measurement period) beside the time it was recorded, and the cycle it was
//! recorded in. The Do, Measure, Act and Replicate evidence belongs to a cycle;
//! the standing outputs (counterpart, assessment, agreement, priorities, plan,
//! KPI selections) carry over from one cycle to the next.
//!
//! The outputs are grouped by the steps that record them: `partner.rs`,
//! `plan.rs` (Plan and Do), `measure.rs` and `act.rs` (Act and Replicate). Each
//! file holds its outputs and the drafts they are decided from; every type is
//! re-exported here, so `outputs::Contact` names it whatever its family.

mod act;
mod measure;
mod partner;
mod plan;

pub use act::*;
pub use measure::*;
pub use partner::*;
pub use plan::*;

use crate::CityId;
use serde::{Deserialize, Serialize};

/// Every output of a partnership.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outputs {
    /// Assessments of candidate counterparts.
    pub assessments: Vec<Assessment>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Contact persons of both cities.
    pub contact_persons: Vec<ContactPerson>,
    /// Agreements with their signatures.
    pub agreements: Vec<Agreement>,
    /// First priorities agreed, per city.
    pub priorities: Vec<PriorityAgreement>,
    /// The cooperation plan.
    pub plan: Option<Plan>,
    /// KPI selections (the evaluation framework).
    pub selections: Vec<KpiSelection>,
    /// Measurements.
    pub measurements: Vec<Measurement>,
    /// Feedback.
    pub feedback: Vec<Feedback>,
    /// Evaluations.
    pub evaluations: Vec<Evaluation>,
    /// Adjustments with their decisions.
    pub adjustments: Vec<Adjustment>,
    /// The version of the current cycle's decision set.
    pub decisions_version: u32,
    /// Approvals of plan versions and decision sets.
    pub approvals: Vec<Approval>,
    /// Lessons.
    pub lessons: Vec<Lesson>,
    /// Ex-post evaluations.
    pub ex_post: Vec<ExPost>,
}

impl Outputs {
    /// The (selection, reporting city) pairs with no measurement recorded in
    /// `cycle`: what `MEASURE_KPI_CAPTURED` waits for.
    pub fn missing_measurements(&self, cycle: u32) -> Vec<(&KpiSelection, CityId)> {
        self.selections
            .iter()
            .flat_map(|s| s.reporting.iter().map(move |c| (s, *c)))
            .filter(|(s, c)| {
                !self
                    .measurements
                    .iter()
                    .any(|m| m.selection == s.id && m.city == *c && m.cycle == cycle)
            })
            .collect()
    }
}
