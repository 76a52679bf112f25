//! The exit criteria's codes (DESIGN §2): [`Criterion`] with its stable code and
//! its rule in words, and [`Unmet`], a criterion that does not hold with a
//! message; beside them [`Warning`], what needs no action yet. The checks
//! that decide them are in [`crate::criteria`]; the step each guards (or
//! none, for a criterion checked throughout) is in the narrative's table
//! ([`Criterion::step`]).

use crate::message::Message;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// An exit criterion.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Criterion {
    /// `AIM_VISION`
    AimVision,
    /// `AIM_OBJECTIVE`
    AimObjective,
    /// `AIM_THEME`
    AimTheme,
    /// `AIM_STAKEHOLDER`
    AimStakeholder,
    /// `AIM_RENEWED`
    AimRenewed,
    /// `COMMIT_POLITICAL`
    CommitPolitical,
    /// `COMMIT_PRIORITY`
    CommitPriority,
    /// `COMMIT_ROLES`
    CommitRoles,
    /// `COMMIT_RESOURCES`
    CommitResources,
    /// `COMMIT_RENEWED`
    CommitRenewed,
    /// `PARTNER_COUNTERPART`
    PartnerCounterpart,
    /// `PARTNER_ASSESSMENT`
    PartnerAssessment,
    /// `PARTNER_PRIORITY`
    PartnerPriority,
    /// `PARTNER_AGREEMENT`
    PartnerAgreement,
    /// `PLAN_ACTIVITY`
    PlanActivity,
    /// `PLAN_ACTIVITY_COMPLETE`
    PlanActivityComplete,
    /// `PLAN_APPROVED`
    PlanApproved,
    /// `PLAN_REVISED`
    PlanRevised,
    /// `DO_TEAMS`
    DoTeams,
    /// `DO_PROGRESS`
    DoProgress,
    /// `DO_DELIVERED`
    DoDelivered,
    /// `DO_RISKS_OWNED`
    DoRisksOwned,
    /// `MEASURE_FRAMEWORK`
    MeasureFramework,
    /// `MEASURE_KPI_CAPTURED`
    MeasureKpiCaptured,
    /// `MEASURE_FEEDBACK`
    MeasureFeedback,
    /// `MEASURE_EVALUATION`
    MeasureEvaluation,
    /// `ACT_DECIDED`
    ActDecided,
    /// `ACT_APPROVED`
    ActApproved,
    /// `REPLICATE_LESSONS`
    ReplicateLessons,
    /// `REPLICATE_EXPOST`
    ReplicateExpost,
    /// `AGREEMENT_IN_FORCE`
    AgreementInForce,
}

/// An unmet criterion with a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmet {
    /// The criterion.
    pub criterion: Criterion,
    /// What is missing.
    pub message: Message,
}

impl Criterion {
    /// The stable code, e.g. `"PARTNER_AGREEMENT"`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The rule, as the contract states it.
    pub fn rule(self) -> &'static str {
        use Criterion::*;
        match self {
            AimVision => "A vision text.",
            AimObjective => "At least one long-term objective.",
            AimTheme => "At least one cooperation area.",
            AimStakeholder => "At least one local stakeholder identified.",
            AimRenewed => "From cycle 2 on, a strategy version recorded in the current cycle.",
            CommitPolitical => {
                "A political commitment (approving body or person, date, reference)."
            }
            CommitPriority => "At least one priority, each linked to an Aim objective.",
            CommitRoles => "At least one stakeholder with a role and responsibilities.",
            CommitResources => "At least one resource and a named contact team.",
            CommitRenewed => {
                "From cycle 2 on, a commitment version of the initiator recorded in the current \
                 cycle."
            }
            PartnerCounterpart => "A counterpart city, different from the initiator.",
            PartnerAssessment => {
                "The latest selection-criteria assessment of the chosen counterpart answers, in \
                 each of the four groups, at least one item met or not met."
            }
            PartnerPriority => "At least one first priority area agreed by both cities.",
            PartnerAgreement => {
                "A framework agreement signed by both cities and in force on the transition date, \
                 or a joint project agreement signed by both, in force, naming a first priority \
                 area agreed by both cities."
            }
            PlanActivity => "A cooperation plan with at least one activity.",
            PlanActivityComplete => {
                "Every activity has a lead (city and stakeholder), a funding source, a start and \
                 due date (start ≤ due), and expected results."
            }
            PlanApproved => "The plan version is politically approved by both cities.",
            PlanRevised => {
                "From cycle 2 on, the plan version was created in the current cycle and approved \
                 by both cities in it."
            }
            DoTeams => {
                "Every activity under way (in progress, or planned to start on or before the \
                 move's date) has a team from each city involved."
            }
            DoProgress => "Every activity under way has a progress report in the current cycle.",
            DoDelivered => {
                "At least one activity completed or reported with progress (not a cancellation) \
                 in this cycle."
            }
            DoRisksOwned => "Every open high risk has an owner and a mitigation.",
            MeasureFramework => {
                "At least one KPI selected, each linked to an Aim objective, with a target and \
                 the city that reports it."
            }
            MeasureKpiCaptured => {
                "Every selected KPI has a measurement in the current cycle from each reporting city."
            }
            MeasureFeedback => "At least one feedback entry from the teams in this cycle.",
            MeasureEvaluation => {
                "An evaluation of this cycle with strengths, challenges and proposed adjustments \
                 (an explicit \"none\" counts)."
            }
            ActDecided => "Every proposed adjustment is approved or rejected.",
            ActApproved => "The set of decisions is politically approved by both cities.",
            ReplicateLessons => "At least one success factor recorded in this cycle.",
            ReplicateExpost => {
                "An ex-post evaluation covering every Aim objective: foreseen vs achieved, and the gap."
            }
            AgreementInForce => {
                "On every advance and loop back of a partnership with a counterpart (from \
                 Partner, PARTNER_AGREEMENT decides): an agreement signed by both cities and in \
                 force on the move's date."
            }
        }
    }
}

/// What a warning is about: something that needs no action yet.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum WarningCode {
    /// The agreements that keep the partnership in force all expire within 90
    /// days, and no agreement signed by both cities follows them.
    AgreementExpiring,
}

impl WarningCode {
    /// The stable code, e.g. `"AGREEMENT_EXPIRING"`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// A warning with a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What it is about.
    pub code: WarningCode,
    /// What to look at.
    pub message: Message,
}
