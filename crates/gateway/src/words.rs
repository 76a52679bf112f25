//! The domain's messages in the API's words: English, with cities named by
//! name, and the mutations that meet each criterion (`fixedBy`). Shared by
//! readiness and by the errors of a blocked move.

use c2c_domain::{CityId, Criterion, Message};
use c2c_i18n::Lang;
use std::collections::HashMap;

/// A domain message in English, cities named by name (a city the request
/// could not name is "another city").
pub fn english(m: &Message, names: &HashMap<CityId, String>) -> String {
    let name = |c: CityId| {
        names
            .get(&c)
            .cloned()
            .unwrap_or_else(|| "another city".to_owned())
    };
    Lang::En.message(m, &name)
}

/// The mutations that meet a criterion.
pub fn fixed_by(c: Criterion) -> &'static [&'static str] {
    use Criterion::*;
    match c {
        AimVision | AimObjective | AimTheme | AimStakeholder | AimRenewed => &["recordStrategy"],
        CommitPolitical | CommitPriority | CommitRoles | CommitResources | CommitRenewed => {
            &["recordCommitment"]
        }
        PartnerCounterpart => &["chooseCounterpart"],
        PartnerAssessment => &["recordAssessment"],
        PartnerPriority => &["recordFirstPriority"],
        PartnerAgreement | AgreementInForce => &["recordAgreement", "recordSignature"],
        PlanActivity => &["recordPlan", "recordActivity"],
        PlanActivityComplete => &["recordActivity"],
        PlanApproved => &["recordApproval"],
        PlanRevised => &["recordPlan", "recordApproval"],
        DoTeams => &["recordTeam"],
        DoProgress | DoDelivered => &["recordProgress"],
        DoRisksOwned => &["recordRisk"],
        MeasureFramework => &["recordKpiSelection"],
        MeasureKpiCaptured => &["recordMeasurement"],
        MeasureFeedback => &["recordFeedback"],
        MeasureEvaluation => &["recordEvaluation", "recordAdjustment"],
        ActDecided => &["recordDecision"],
        ActApproved => &["recordApproval"],
        ReplicateLessons => &["recordLesson"],
        ReplicateExpost => &["recordExPostEvaluation"],
    }
}
