//! The exit criteria of DESIGN §2: each a named check with a stable code.
//!
//! A check returns `None` when the criterion holds and `Some(message)` when it
//! does not; the message says what is missing in words a city team
//! understands. [`unmet`] runs every criterion of a step and returns all the
//! unmet ones, not only the first.

use crate::CityId;
use crate::narrative::{Narrative, Step};
use crate::outputs::{ActivityStatus, ApprovalSubject, LessonKind};
use crate::partnership::Snapshot;
use crate::standing::Standing;
use chrono::NaiveDate;
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
    /// `COMMIT_POLITICAL`
    CommitPolitical,
    /// `COMMIT_PRIORITY`
    CommitPriority,
    /// `COMMIT_ROLES`
    CommitRoles,
    /// `COMMIT_RESOURCES`
    CommitResources,
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
}

/// An unmet criterion with a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmet {
    /// The criterion.
    pub criterion: Criterion,
    /// What is missing.
    pub message: String,
}

impl Criterion {
    /// The stable code, e.g. `"PARTNER_AGREEMENT"`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The step whose exit the criterion guards.
    pub fn step(self) -> Step {
        Narrative::standard()
            .steps
            .iter()
            .find(|def| def.criteria.contains(&self))
            .map_or(Step::Aim, |def| def.step)
    }

    /// The rule, as the contract states it.
    pub fn rule(self) -> &'static str {
        use Criterion::*;
        match self {
            AimVision => "A vision text.",
            AimObjective => "At least one long-term objective.",
            AimTheme => "At least one cooperation area.",
            AimStakeholder => "At least one local stakeholder identified.",
            CommitPolitical => {
                "A political commitment (approving body or person, date, reference)."
            }
            CommitPriority => "At least one priority, each linked to an Aim objective.",
            CommitRoles => "At least one stakeholder with a role and responsibilities.",
            CommitResources => "At least one resource and a named contact team.",
            PartnerCounterpart => "A counterpart city, different from the initiator.",
            PartnerAssessment => "The selection-criteria assessment of the counterpart is filled.",
            PartnerPriority => "At least one first priority area agreed by both cities.",
            PartnerAgreement => {
                "A framework agreement signed by both cities and in force on the transition date."
            }
            PlanActivity => "A cooperation plan with at least one activity.",
            PlanActivityComplete => {
                "Every activity has a lead (city and stakeholder), a funding source, a start and \
                 due date (start ≤ due), and expected results."
            }
            PlanApproved => "The plan version is politically approved by both cities.",
            DoTeams => "Every active activity has a team from each city involved.",
            DoProgress => "Every active activity has a progress report in the current cycle.",
            DoDelivered => {
                "At least one activity completed or reported with progress in this cycle."
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
        }
    }
}

/// Every unmet criterion of `step` for a partnership, on the date of the move.
pub fn unmet(step: Step, p: &Snapshot, on: NaiveDate) -> Vec<Unmet> {
    Narrative::standard()
        .step(step)
        .criteria
        .iter()
        .filter_map(|c| {
            check(*c, p, on).map(|message| Unmet {
                criterion: *c,
                message,
            })
        })
        .collect()
}

/// Every unmet criterion of the steps a partnership skips by starting at
/// `step`, checked on the initiator's standing.
pub fn unmet_before(step: Step, standing: &Standing) -> Vec<Unmet> {
    let narrative = Narrative::standard();
    narrative
        .steps_before(step)
        .flat_map(|s| narrative.step(s).criteria.iter())
        .filter_map(|c| {
            check_standing(*c, standing).map(|message| Unmet {
                criterion: *c,
                message,
            })
        })
        .collect()
}

/// Decides one criterion. `None` means it holds.
pub fn check(criterion: Criterion, p: &Snapshot, on: NaiveDate) -> Option<String> {
    use Criterion::*;
    if let Some(message) = missing_counterpart(criterion, p) {
        return Some(message);
    }
    let o = &p.outputs;
    let cycle = p.state.cycle;
    match criterion {
        AimVision | AimObjective | AimTheme | AimStakeholder | CommitPolitical | CommitPriority
        | CommitRoles | CommitResources => check_standing(criterion, &p.standing),
        PartnerCounterpart => match p.counterpart {
            None => Some("no counterpart city has been chosen".into()),
            Some(c) if c == p.initiator => {
                Some("the counterpart must be another city than the initiator".into())
            }
            Some(_) => None,
        },
        PartnerAssessment => {
            let counterpart = p.counterpart?;
            let assessment = o
                .assessments
                .iter()
                .filter(|a| a.candidate == counterpart)
                .max_by_key(|a| (a.on, a.recorded_at));
            match assessment {
                None => Some(
                    "the counterpart has not been assessed against the selection criteria".into(),
                ),
                Some(a) if !a.is_filled() => Some(format!(
                    "the assessment of the counterpart leaves {} of 12 selection criteria unanswered: {}",
                    a.missing().len(),
                    codes(a.missing().iter().map(|c| c.code()))
                )),
                Some(_) => None,
            }
        }
        PartnerPriority => {
            let (a, b) = parties(p)?;
            let agreed = o.priorities.iter().any(|x| {
                x.city == a && o.priorities.iter().any(|y| y.city == b && y.area == x.area)
            });
            (!agreed).then(|| {
                if o.priorities.is_empty() {
                    "no first priority area has been agreed".into()
                } else {
                    "no first priority area has been agreed by both cities".into()
                }
            })
        }
        PartnerAgreement => {
            let (a, b) = parties(p)?;
            if o.agreements.iter().any(|g| g.in_force_on(a, b, on)) {
                None
            } else if o.agreements.iter().any(|g| g.signed_on(a, b).is_some()) {
                Some(format!(
                    "no agreement signed by both cities is in force on {on}"
                ))
            } else if o.agreements.is_empty() {
                Some("no framework agreement has been recorded".into())
            } else {
                Some("no framework agreement has been signed by both cities".into())
            }
        }
        PlanActivity => match &o.plan {
            None => Some("there is no cooperation plan".into()),
            Some(plan)
                if !plan
                    .activities
                    .iter()
                    .any(|a| a.status != ActivityStatus::Cancelled) =>
            {
                Some("the cooperation plan has no activity".into())
            }
            Some(_) => None,
        },
        PlanActivityComplete => {
            let plan = o.plan.as_ref()?;
            let incomplete: Vec<String> = plan
                .activities
                .iter()
                .filter(|a| a.status != ActivityStatus::Cancelled)
                .filter_map(|a| {
                    let x = &a.plan;
                    let mut missing = Vec::new();
                    if x.lead_city.is_none() {
                        missing.push("lead city");
                    }
                    if x.lead_stakeholder.is_none() {
                        missing.push("lead stakeholder");
                    }
                    if x.funding.is_empty() {
                        missing.push("funding source");
                    }
                    match (x.start, x.due) {
                        (Some(s), Some(d)) if s > d => missing.push("start on or before due"),
                        (Some(_), Some(_)) => {}
                        _ => missing.push("start and due dates"),
                    }
                    if x.expected_results.is_empty() {
                        missing.push("expected results");
                    }
                    (!missing.is_empty())
                        .then(|| format!("'{}' lacks {}", x.title, missing.join(", ")))
                })
                .collect();
            (!incomplete.is_empty()).then(|| incomplete.join("; "))
        }
        PlanApproved => {
            let Some(plan) = o.plan.as_ref() else {
                return Some("there is no cooperation plan to approve".into());
            };
            let (a, b) = parties(p)?;
            let approved = |city: CityId| {
                o.approvals.iter().any(|x| {
                    x.subject == ApprovalSubject::Plan
                        && x.version == plan.version
                        && x.city == city
                })
            };
            missing_approvals(&[a, b], approved, &format!("plan version {}", plan.version))
        }
        DoTeams => {
            let plan = o.plan.as_ref()?;
            let lacking: Vec<&str> = plan
                .activities
                .iter()
                .filter(|a| a.status == ActivityStatus::InProgress)
                .filter(|a| {
                    involved(p, &a.plan.cities)
                        .iter()
                        .any(|c| !a.teams.iter().any(|t| t.city == *c))
                })
                .map(|a| a.plan.title.as_str())
                .collect();
            (!lacking.is_empty())
                .then(|| format!("no team from every city involved in: {}", quoted(&lacking)))
        }
        DoProgress => {
            let plan = o.plan.as_ref()?;
            let lacking: Vec<&str> = plan
                .activities
                .iter()
                .filter(|a| a.status == ActivityStatus::InProgress)
                .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
                .map(|a| a.plan.title.as_str())
                .collect();
            (!lacking.is_empty()).then(|| {
                format!(
                    "no progress report in cycle {cycle} for: {}",
                    quoted(&lacking)
                )
            })
        }
        DoDelivered => {
            let delivered = o.plan.as_ref().is_some_and(|plan| {
                plan.activities
                    .iter()
                    .any(|a| a.progress.iter().any(|r| r.cycle == cycle))
            });
            (!delivered).then(|| {
                format!("no activity has been completed or reported with progress in cycle {cycle}")
            })
        }
        DoRisksOwned => {
            let plan = o.plan.as_ref()?;
            let unowned: Vec<&str> = plan
                .activities
                .iter()
                .filter(|a| a.status != ActivityStatus::Cancelled)
                .flat_map(|a| a.risks.iter())
                .filter(|r| r.status == crate::outputs::RiskStatus::Open && r.is_high())
                .filter(|r| r.owner.is_none() || r.mitigation.is_none())
                .map(|r| r.description.as_str())
                .collect();
            (!unowned.is_empty()).then(|| {
                format!(
                    "open high risks without an owner and a mitigation: {}",
                    quoted(&unowned)
                )
            })
        }
        MeasureFramework => {
            if o.selections.is_empty() {
                return Some("no KPI has been selected for the evaluation framework".into());
            }
            let objectives = p.standing.objectives();
            let problems: Vec<String> = o
                .selections
                .iter()
                .filter_map(|s| {
                    let mut missing = Vec::new();
                    if !s
                        .objective
                        .is_some_and(|id| objectives.iter().any(|x| x.id == id))
                    {
                        missing.push("a link to an Aim objective");
                    }
                    if s.target.is_none() {
                        missing.push("a target");
                    }
                    if s.reporting.is_empty() {
                        missing.push("a reporting city");
                    }
                    (!missing.is_empty()).then(|| format!("{} lacks {}", s.kpi, missing.join(", ")))
                })
                .collect();
            (!problems.is_empty()).then(|| problems.join("; "))
        }
        MeasureKpiCaptured => {
            let missing: Vec<String> = o
                .missing_measurements(cycle)
                .iter()
                .map(|(s, c)| format!("{} from city {c}", s.kpi))
                .collect();
            (!missing.is_empty())
                .then(|| format!("no measurement in cycle {cycle} of {}", missing.join(", ")))
        }
        MeasureFeedback => (!o.feedback.iter().any(|f| f.cycle == cycle))
            .then(|| format!("no feedback from the teams in cycle {cycle}")),
        MeasureEvaluation => {
            let evaluation = o
                .evaluations
                .iter()
                .filter(|e| e.cycle == cycle)
                .max_by_key(|e| (e.on, e.recorded_at));
            match evaluation {
                None => Some(format!("no evaluation of cycle {cycle}")),
                Some(e) => {
                    let mut missing = Vec::new();
                    if e.strengths.is_empty() {
                        missing.push("strengths");
                    }
                    if e.challenges.is_empty() {
                        missing.push("challenges");
                    }
                    if !e.no_adjustments && !o.adjustments.iter().any(|a| a.cycle == cycle) {
                        missing.push("proposed adjustments (or an explicit none)");
                    }
                    (!missing.is_empty())
                        .then(|| format!("the evaluation lacks {}", missing.join(", ")))
                }
            }
        }
        ActDecided => {
            let open: Vec<&str> = o
                .adjustments
                .iter()
                .filter(|a| a.cycle == cycle && a.decision.is_none())
                .map(|a| a.proposal.as_str())
                .collect();
            (!open.is_empty()).then(|| format!("adjustments without a decision: {}", quoted(&open)))
        }
        ActApproved => {
            let (a, b) = parties(p)?;
            let version = o.decisions_version;
            let approved = |city: CityId| {
                o.approvals.iter().any(|x| {
                    x.subject == ApprovalSubject::Decisions
                        && x.cycle == cycle
                        && x.version == version
                        && x.city == city
                })
            };
            missing_approvals(
                &[a, b],
                approved,
                &format!("the decisions of cycle {cycle}"),
            )
        }
        ReplicateLessons => (!o
            .lessons
            .iter()
            .any(|l| l.cycle == cycle && l.kind == LessonKind::SuccessFactor))
        .then(|| format!("no success factor recorded in cycle {cycle}")),
        ReplicateExpost => {
            let objectives = p.standing.objectives();
            if objectives.is_empty() {
                return Some("the strategy in force has no objective to evaluate".into());
            }
            let missing: Vec<&str> = objectives
                .iter()
                .filter(|obj| {
                    !o.ex_post.iter().any(|e| {
                        e.cycle == cycle
                            && e.objective == obj.id
                            && !e.foreseen.is_empty()
                            && !e.achieved.is_empty()
                            && !e.gap.is_empty()
                    })
                })
                .map(|obj| obj.text.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                format!(
                    "no ex-post evaluation in cycle {cycle} of the objectives: {}",
                    quoted(&missing)
                )
            })
        }
    }
}

/// The joint criteria need a counterpart: without one they are unmet.
fn missing_counterpart(criterion: Criterion, p: &Snapshot) -> Option<String> {
    use Criterion::*;
    let joint = matches!(
        criterion,
        PartnerAssessment | PartnerPriority | PartnerAgreement | PlanApproved | ActApproved
    );
    (joint && p.counterpart.is_none()).then(|| "the partnership has no counterpart city".into())
}

/// Decides a criterion of the Aim and Commit steps on a city's standing.
pub fn check_standing(criterion: Criterion, standing: &Standing) -> Option<String> {
    use Criterion::*;
    let strategy = standing.strategy.as_ref();
    let commitment = standing.commitment.as_ref();
    match criterion {
        AimVision => match strategy {
            None => Some("the city has no strategy in force".into()),
            Some(s) if s.vision.is_empty() => Some("the strategy has no vision".into()),
            Some(_) => None,
        },
        AimObjective => strategy
            .is_none_or(|s| s.objectives.is_empty())
            .then(|| "the strategy has no long-term objective".into()),
        AimTheme => strategy
            .is_none_or(|s| s.themes.is_empty())
            .then(|| "the strategy names no cooperation area".into()),
        AimStakeholder => strategy
            .is_none_or(|s| s.stakeholders.is_empty())
            .then(|| "the strategy identifies no local stakeholder".into()),
        CommitPolitical => match commitment.and_then(|c| c.political.as_ref()) {
            None => Some("there is no political commitment".into()),
            Some(pc) => {
                let mut missing = Vec::new();
                if pc.body.is_empty() {
                    missing.push("the approving body or person");
                }
                if pc.on.is_none() {
                    missing.push("the date");
                }
                if pc.reference.is_empty() {
                    missing.push("the reference");
                }
                (!missing.is_empty())
                    .then(|| format!("the political commitment lacks {}", missing.join(", ")))
            }
        },
        CommitPriority => {
            let priorities = commitment.map(|c| c.priorities.as_slice()).unwrap_or(&[]);
            if priorities.is_empty() {
                return Some("the commitment sets no priority".into());
            }
            let objectives = standing.objectives();
            let unlinked: Vec<&str> = priorities
                .iter()
                .filter(|p| {
                    !p.objective
                        .is_some_and(|id| objectives.iter().any(|o| o.id == id))
                })
                .map(|p| p.text.as_str())
                .collect();
            (!unlinked.is_empty()).then(|| {
                format!(
                    "priorities not linked to an objective of the strategy: {}",
                    quoted(&unlinked)
                )
            })
        }
        CommitRoles => (!commitment.is_some_and(|c| {
            c.roles
                .iter()
                .any(|r| !r.role.is_empty() && !r.responsibilities.is_empty())
        }))
        .then(|| "no stakeholder has a role and responsibilities".into()),
        CommitResources => {
            let mut missing = Vec::new();
            if commitment.is_none_or(|c| c.resources.is_empty()) {
                missing.push("a resource");
            }
            if commitment
                .and_then(|c| c.contact_team.as_ref())
                .is_none_or(|t| t.name.is_empty())
            {
                missing.push("a named contact team");
            }
            (!missing.is_empty()).then(|| format!("the commitment lacks {}", missing.join(" and ")))
        }
        _ => None,
    }
}

fn parties(p: &Snapshot) -> Option<(CityId, CityId)> {
    p.counterpart.map(|c| (p.initiator, c))
}

fn involved(p: &Snapshot, cities: &[CityId]) -> Vec<CityId> {
    if cities.is_empty() {
        std::iter::once(p.initiator).chain(p.counterpart).collect()
    } else {
        cities.to_vec()
    }
}

fn missing_approvals(
    cities: &[CityId],
    approved: impl Fn(CityId) -> bool,
    what: &str,
) -> Option<String> {
    let missing: Vec<String> = cities
        .iter()
        .filter(|c| !approved(**c))
        .map(|c| c.to_string())
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "{what} lacks the political approval of city {}",
            missing.join(" and city ")
        )
    })
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn codes<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}
