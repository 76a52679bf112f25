//! Identifiers. Every identifier is a UUID chosen by the caller: the domain never
//! generates one (that would need a source of randomness).

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// The underlying UUID.
            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id! {
    /// A city or other local or regional authority.
    CityId;
    /// A partnership between two cities.
    PartnershipId;
    /// A local stakeholder of a city (university, company, association...).
    StakeholderId;
    /// A long-term objective of a city's strategy.
    ObjectiveId;
    /// An account (a person or a system acting for a city, or an operator).
    AccountId;
    /// A selection-criteria assessment of a candidate counterpart.
    AssessmentId;
    /// A meeting, delegation, visit, call or event.
    ContactId;
    /// A person a city names as its contact for a partnership.
    ContactPersonId;
    /// An agreement (a framework, or a joint project agreement).
    AgreementId;
    /// An activity of the cooperation plan.
    ActivityId;
    /// A progress report on an activity.
    ProgressId;
    /// A risk of an activity.
    RiskId;
    /// A KPI selected in the evaluation framework.
    SelectionId;
    /// A KPI measurement.
    MeasurementId;
    /// A feedback entry.
    FeedbackId;
    /// An evaluation of a cycle.
    EvaluationId;
    /// A proposed adjustment.
    AdjustmentId;
    /// A lesson (success factor, failure factor, ...).
    LessonId;
    /// An event of the history.
    EventId;
}
