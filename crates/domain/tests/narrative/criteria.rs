//! Every exit criterion: one test where it blocks the move out of its step, one
//! where it is met.

use crate::support::{at, leave, unmet};
use c2c_domain::criteria::Criterion;
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::outputs::*;
use c2c_domain::standing::{CommitmentDraft, StrategyDraft};
use c2c_domain::{Area, Command, DomainError, Loop, Move, MoveKind, Partnership, Step, criteria};
use chrono::Duration;
use strum::IntoEnumIterator;

/// Completes every criterion of the step but `code`, then checks that the move
/// out of the step is blocked by `code` alone.
fn blocks_alone(step: Step, code: Criterion) {
    let (mut w, mut p) = at(step);
    w.complete_except(&mut p, &[code]).unwrap();
    assert_eq!(leave(&mut w, &mut p), [code.code()]);
}

/// Completes every criterion of the step but `code`, checks that `code` is
/// unmet, records what meets it, and checks that it holds and the move is
/// applied.
fn met_when_fixed(step: Step, code: Criterion) {
    let (mut w, mut p) = at(step);
    w.complete_except(&mut p, &[code]).unwrap();
    assert_eq!(unmet(&w, &p), [code.code()]);
    for action in w.fixes(&p, code) {
        w.perform(&mut p, action).unwrap();
    }
    assert!(!unmet(&w, &p).contains(&code.code()));
    // Meeting one criterion may raise another (a new decision voids the
    // approvals of the decision set): finish the step and leave it.
    w.complete(&mut p).unwrap();
    let before = p.state();
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    assert_ne!(p.state(), before);
}

fn strategy(w: &mut World, p: &mut Partnership, edit: impl FnOnce(&mut StrategyDraft)) {
    let mut d = w.strategy_draft();
    edit(&mut d);
    w.perform(p, Action::Strategy(d)).unwrap();
}

fn commitment(w: &mut World, p: &mut Partnership, edit: impl FnOnce(&mut CommitmentDraft)) {
    let mut d = w.commitment_draft();
    edit(&mut d);
    w.perform(p, Action::Commitment(d)).unwrap();
}

/// A strategy that holds nothing but what `keep` puts back.
fn only(w: &mut World, p: &mut Partnership, keep: impl FnOnce(&mut StrategyDraft, &StrategyDraft)) {
    let full = w.strategy_draft();
    let mut d = StrategyDraft::default();
    keep(&mut d, &full);
    w.perform(p, Action::Strategy(d)).unwrap();
}

// ---------------------------------------------------------------- Aim

#[test]
fn aim_vision_blocks_a_strategy_without_a_vision() {
    let (mut w, mut p) = at(Step::Aim);
    strategy(&mut w, &mut p, |d| d.vision = "  ".into());
    assert_eq!(leave(&mut w, &mut p), ["AIM_VISION"]);
}

#[test]
fn aim_vision_is_met_by_a_vision_text() {
    let (mut w, mut p) = at(Step::Aim);
    assert!(unmet(&w, &p).contains(&"AIM_VISION"));
    only(&mut w, &mut p, |d, full| d.vision = full.vision.clone());
    assert_eq!(
        unmet(&w, &p),
        ["AIM_OBJECTIVE", "AIM_THEME", "AIM_STAKEHOLDER"]
    );
}

#[test]
fn aim_objective_blocks_a_strategy_without_objectives() {
    let (mut w, mut p) = at(Step::Aim);
    strategy(&mut w, &mut p, |d| d.objectives.clear());
    assert_eq!(leave(&mut w, &mut p), ["AIM_OBJECTIVE"]);
}

#[test]
fn aim_objective_is_met_by_one_objective() {
    let (mut w, mut p) = at(Step::Aim);
    only(&mut w, &mut p, |d, full| {
        d.objectives = full.objectives[..1].to_vec()
    });
    assert!(!unmet(&w, &p).contains(&"AIM_OBJECTIVE"));
    assert!(unmet(&w, &p).contains(&"AIM_VISION"));
}

#[test]
fn aim_theme_blocks_a_strategy_without_cooperation_areas() {
    let (mut w, mut p) = at(Step::Aim);
    strategy(&mut w, &mut p, |d| d.themes.clear());
    assert_eq!(leave(&mut w, &mut p), ["AIM_THEME"]);
}

#[test]
fn aim_theme_is_met_by_one_cooperation_area() {
    let (mut w, mut p) = at(Step::Aim);
    only(&mut w, &mut p, |d, full| {
        d.themes = full.themes[..1].to_vec()
    });
    assert_eq!(
        unmet(&w, &p),
        ["AIM_VISION", "AIM_OBJECTIVE", "AIM_STAKEHOLDER"]
    );
}

#[test]
fn aim_stakeholder_blocks_a_strategy_without_local_stakeholders() {
    let (mut w, mut p) = at(Step::Aim);
    strategy(&mut w, &mut p, |d| d.stakeholders.clear());
    assert_eq!(leave(&mut w, &mut p), ["AIM_STAKEHOLDER"]);
}

#[test]
fn aim_stakeholder_is_met_by_one_identified_stakeholder() {
    let (mut w, mut p) = at(Step::Aim);
    only(&mut w, &mut p, |d, full| {
        d.stakeholders = full.stakeholders.clone()
    });
    assert_eq!(unmet(&w, &p), ["AIM_VISION", "AIM_OBJECTIVE", "AIM_THEME"]);
}

// ---------------------------------------------------------------- Commit

#[test]
fn commit_political_blocks_without_a_political_commitment() {
    let (mut w, mut p) = at(Step::Commit);
    commitment(&mut w, &mut p, |d| d.political = None);
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_POLITICAL"]);
}

#[test]
fn commit_political_blocks_a_commitment_without_its_reference() {
    let (mut w, mut p) = at(Step::Commit);
    commitment(&mut w, &mut p, |d| {
        if let Some(pc) = d.political.as_mut() {
            pc.reference.clear();
        }
    });
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_POLITICAL"]);
}

#[test]
fn commit_political_is_met_by_body_date_and_reference() {
    let (mut w, mut p) = at(Step::Commit);
    let full = w.commitment_draft();
    w.perform(
        &mut p,
        Action::Commitment(CommitmentDraft {
            political: full.political,
            ..CommitmentDraft::default()
        }),
    )
    .unwrap();
    assert_eq!(
        unmet(&w, &p),
        ["COMMIT_PRIORITY", "COMMIT_ROLES", "COMMIT_RESOURCES"]
    );
}

#[test]
fn commit_priority_blocks_a_priority_linked_to_no_objective_of_the_strategy() {
    let (mut w, mut p) = at(Step::Commit);
    let stray = w.id();
    commitment(&mut w, &mut p, |d| d.priorities[0].objective = Some(stray));
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_PRIORITY"]);
}

#[test]
fn commit_priority_blocks_when_the_strategy_drops_the_linked_objective() {
    let (mut w, mut p) = at(Step::Commit);
    w.complete(&mut p).unwrap();
    strategy(&mut w, &mut p, |d| d.objectives.truncate(1));
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_PRIORITY"]);
}

#[test]
fn commit_priority_is_met_by_priorities_linked_to_objectives() {
    let (mut w, mut p) = at(Step::Commit);
    let full = w.commitment_draft();
    w.perform(
        &mut p,
        Action::Commitment(CommitmentDraft {
            priorities: full.priorities,
            ..CommitmentDraft::default()
        }),
    )
    .unwrap();
    assert_eq!(
        unmet(&w, &p),
        ["COMMIT_POLITICAL", "COMMIT_ROLES", "COMMIT_RESOURCES"]
    );
}

#[test]
fn commit_roles_blocks_without_stakeholder_roles() {
    let (mut w, mut p) = at(Step::Commit);
    commitment(&mut w, &mut p, |d| d.roles[0].responsibilities.clear());
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_ROLES"]);
}

#[test]
fn commit_roles_is_met_by_a_stakeholder_with_role_and_responsibilities() {
    let (mut w, mut p) = at(Step::Commit);
    let full = w.commitment_draft();
    w.perform(
        &mut p,
        Action::Commitment(CommitmentDraft {
            roles: full.roles,
            ..CommitmentDraft::default()
        }),
    )
    .unwrap();
    assert_eq!(
        unmet(&w, &p),
        ["COMMIT_POLITICAL", "COMMIT_PRIORITY", "COMMIT_RESOURCES"]
    );
}

#[test]
fn commit_resources_blocks_without_a_named_contact_team() {
    let (mut w, mut p) = at(Step::Commit);
    commitment(&mut w, &mut p, |d| d.contact_team = None);
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_RESOURCES"]);
}

#[test]
fn commit_resources_blocks_without_resources() {
    let (mut w, mut p) = at(Step::Commit);
    commitment(&mut w, &mut p, |d| d.resources.clear());
    assert_eq!(leave(&mut w, &mut p), ["COMMIT_RESOURCES"]);
}

#[test]
fn commit_resources_is_met_by_a_resource_and_a_contact_team() {
    let (mut w, mut p) = at(Step::Commit);
    let full = w.commitment_draft();
    w.perform(
        &mut p,
        Action::Commitment(CommitmentDraft {
            resources: full.resources,
            contact_team: full.contact_team,
            ..CommitmentDraft::default()
        }),
    )
    .unwrap();
    assert_eq!(
        unmet(&w, &p),
        ["COMMIT_POLITICAL", "COMMIT_PRIORITY", "COMMIT_ROLES"]
    );
}

// ---------------------------------------------------------------- Partner

#[test]
fn partner_counterpart_blocks_without_a_counterpart() {
    let (mut w, mut p) = at(Step::Partner);
    let codes = leave(&mut w, &mut p);
    assert_eq!(codes[0], "PARTNER_COUNTERPART");
    // Nothing joint can hold without a second city.
    assert_eq!(codes.len(), 4);
}

#[test]
fn partner_counterpart_is_met_once_a_counterpart_is_chosen() {
    let (mut w, mut p) = at(Step::Partner);
    let fixes = w.fixes(&p, Criterion::PartnerCounterpart);
    for action in fixes {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(
        unmet(&w, &p),
        [
            "PARTNER_ASSESSMENT",
            "PARTNER_PRIORITY",
            "PARTNER_AGREEMENT"
        ]
    );
}

#[test]
fn partner_assessment_blocks_without_an_assessment() {
    blocks_alone(Step::Partner, Criterion::PartnerAssessment);
}

#[test]
fn partner_assessment_blocks_a_partly_filled_assessment() {
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAssessment])
        .unwrap();
    let id = w.id();
    let candidate = w.counterpart;
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::RecordAssessment(AssessmentDraft {
                id,
                candidate,
                on,
                items: SelectionCriterion::iter()
                    .take(11)
                    .map(|criterion| AssessmentItem {
                        criterion,
                        answer: Answer::Unknown,
                        note: String::new(),
                    })
                    .collect(),
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_ASSESSMENT"]);
}

#[test]
fn partner_assessment_is_met_by_an_assessment_of_the_counterpart_with_every_item_met() {
    met_when_fixed(Step::Partner, Criterion::PartnerAssessment);
}

#[test]
fn partner_priority_blocks_when_only_one_city_agreed() {
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerPriority])
        .unwrap();
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::AgreePriority {
                area: Area::EducationResearch,
                by: "Mayor".into(),
                on,
            },
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_PRIORITY"]);
}

#[test]
fn partner_priority_is_met_when_both_cities_agree_an_area() {
    met_when_fixed(Step::Partner, Criterion::PartnerPriority);
}

#[test]
fn partner_agreement_blocks_when_one_city_has_not_signed() {
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAgreement])
        .unwrap();
    let actions = w.fixes(&p, Criterion::PartnerAgreement);
    // Record the agreement and the initiator's signature only.
    for action in actions.into_iter().take(2) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_AGREEMENT"]);
}

#[test]
fn partner_agreement_blocks_an_expired_agreement() {
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAgreement])
        .unwrap();
    let id = w.id();
    let on = w.today();
    let mut actions = vec![Action::Do(
        Side::Initiator,
        Command::RecordAgreement(AgreementDraft {
            id,
            kind: AgreementKind::Mou,
            title: "Three-year MoU".into(),
            areas: vec![],
            binding: false,
            text: None,
            reference: None,
            valid_until: Some(on + Duration::days(2)),
            renewal_of: None,
        }),
    )];
    for side in [Side::Initiator, Side::Counterpart] {
        actions.push(Action::Do(
            side,
            Command::SignAgreement {
                agreement: id,
                by: "Mayor".into(),
                on,
                reference: None,
            },
        ));
    }
    for action in actions {
        w.perform(&mut p, action).unwrap();
    }
    w.wait(Duration::days(5));
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_AGREEMENT"]);
}

#[test]
fn partner_agreement_is_met_by_an_agreement_signed_by_both_and_in_force() {
    met_when_fixed(Step::Partner, Criterion::PartnerAgreement);
}

// ---------------------------------------------------------------- Plan

#[test]
fn plan_activity_blocks_a_plan_without_activities() {
    let (mut w, mut p) = at(Step::Plan);
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::RecordPlan {
                title: "Plan".into(),
                summary: String::new(),
            },
        ),
    )
    .unwrap();
    w.complete_except(&mut p, &[Criterion::PlanActivity])
        .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["PLAN_ACTIVITY"]);
}

#[test]
fn plan_activity_is_met_by_one_activity() {
    let (mut w, mut p) = at(Step::Plan);
    assert!(unmet(&w, &p).contains(&"PLAN_ACTIVITY"));
    for action in w.fixes(&p, Criterion::PlanActivity) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(unmet(&w, &p), ["PLAN_APPROVED"]);
}

#[test]
fn plan_activity_complete_blocks_an_activity_without_funding() {
    let (mut w, mut p) = at(Step::Plan);
    w.complete(&mut p).unwrap();
    let id = w.id();
    let mut draft = w.activity_draft(id, "Port study", w.initiator());
    draft.funding.clear();
    w.perform(
        &mut p,
        Action::Do(Side::Initiator, Command::RecordActivity(draft)),
    )
    .unwrap();
    // The plan changed: its approvals are void until both cities approve again.
    assert_eq!(unmet(&w, &p), ["PLAN_ACTIVITY_COMPLETE", "PLAN_APPROVED"]);
    for action in w.fixes(&p, Criterion::PlanApproved) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(leave(&mut w, &mut p), ["PLAN_ACTIVITY_COMPLETE"]);
}

#[test]
fn plan_activity_complete_is_met_when_every_activity_is_complete() {
    let (mut w, mut p) = at(Step::Plan);
    w.complete(&mut p).unwrap();
    let id = w.id();
    let mut draft = w.activity_draft(id, "Port study", w.initiator());
    draft.lead_stakeholder = None;
    draft.expected_results.clear();
    w.perform(
        &mut p,
        Action::Do(Side::Initiator, Command::RecordActivity(draft)),
    )
    .unwrap();
    assert!(unmet(&w, &p).contains(&"PLAN_ACTIVITY_COMPLETE"));
    for action in w.fixes(&p, Criterion::PlanActivityComplete) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(unmet(&w, &p), ["PLAN_APPROVED"]);
}

#[test]
fn plan_approved_blocks_without_both_approvals() {
    blocks_alone(Step::Plan, Criterion::PlanApproved);
}

#[test]
fn plan_approved_is_met_when_both_cities_approve_the_current_version() {
    met_when_fixed(Step::Plan, Criterion::PlanApproved);
}

// ---------------------------------------------------------------- Do

#[test]
fn do_teams_blocks_an_active_activity_without_a_team_of_each_city() {
    blocks_alone(Step::Do, Criterion::DoTeams);
}

#[test]
fn do_teams_is_met_by_a_team_from_each_city() {
    let (mut w, mut p) = at(Step::Do);
    w.complete_except(&mut p, &[Criterion::DoTeams]).unwrap();
    assert_eq!(unmet(&w, &p), ["DO_TEAMS"]);
    for action in w.fixes(&p, Criterion::DoTeams) {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

#[test]
fn do_progress_blocks_an_active_activity_without_a_report_this_cycle() {
    let (mut w, mut p) = at(Step::Do);
    w.drive_to(&mut p, Step::Act).unwrap();
    w.complete(&mut p).unwrap();
    w.mv(&mut p, Move::LoopBack(Loop::ContinualImprovement))
        .unwrap();
    w.drive_to(&mut p, Step::Do).unwrap();
    // The first activity is still in progress from cycle 1; the second is
    // reported completed in cycle 2.
    let second = p.outputs().plan.as_ref().unwrap().activities[1].plan.id;
    let id = w.id();
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordProgress(ProgressDraft {
                id,
                activity: second,
                on,
                summary: "Summer school held".into(),
                status: ActivityStatus::Completed,
                reason: None,
                percent: Some(100),
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["DO_PROGRESS"]);
}

#[test]
fn do_progress_is_met_by_a_report_in_the_current_cycle() {
    let (mut w, mut p) = at(Step::Do);
    w.complete(&mut p).unwrap();
    assert!(!unmet(&w, &p).contains(&"DO_PROGRESS"));
    assert!(
        p.outputs()
            .plan
            .as_ref()
            .unwrap()
            .activities
            .iter()
            .any(|a| a.status == ActivityStatus::InProgress)
    );
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

/// At Do, both activities moved to start in a month: nothing is under way,
/// so nothing needs a team or a report yet.
fn at_do_with_nothing_under_way() -> (World, Partnership) {
    let (mut w, mut p) = at(Step::Do);
    let later = w.today() + Duration::days(30);
    for a in p.outputs().plan.as_ref().unwrap().activities.clone() {
        let lead = a.plan.lead_city.unwrap();
        let side = if lead == w.initiator() {
            Side::Initiator
        } else {
            Side::Counterpart
        };
        let mut draft = w.activity_draft(a.plan.id, &a.plan.title, lead);
        draft.start = Some(later);
        w.perform(&mut p, Action::Do(side, Command::RecordActivity(draft)))
            .unwrap();
    }
    (w, p)
}

fn report(
    w: &mut World,
    p: &mut Partnership,
    i: usize,
    status: ActivityStatus,
    reason: Option<&str>,
) {
    let activity = p.outputs().plan.as_ref().unwrap().activities[i].plan.id;
    let id = w.id();
    let on = w.today();
    w.perform(
        p,
        Action::Do(
            Side::Initiator,
            Command::RecordProgress(ProgressDraft {
                id,
                activity,
                on,
                summary: "Reported".into(),
                status,
                reason: reason.map(str::to_owned),
                percent: None,
            }),
        ),
    )
    .unwrap();
}

#[test]
fn do_delivered_blocks_when_nothing_was_reported_this_cycle() {
    let (mut w, mut p) = at_do_with_nothing_under_way();
    assert_eq!(leave(&mut w, &mut p), ["DO_DELIVERED"]);
}

#[test]
fn do_delivered_blocks_when_the_only_report_of_the_cycle_is_a_cancellation() {
    let (mut w, mut p) = at_do_with_nothing_under_way();
    report(
        &mut w,
        &mut p,
        0,
        ActivityStatus::Cancelled,
        Some("The venue closed"),
    );
    assert_eq!(leave(&mut w, &mut p), ["DO_DELIVERED"]);
}

#[test]
fn do_delivered_is_met_by_a_progress_report() {
    let (mut w, mut p) = at_do_with_nothing_under_way();
    assert_eq!(unmet(&w, &p), ["DO_DELIVERED"]);
    report(&mut w, &mut p, 1, ActivityStatus::Completed, None);
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

#[test]
fn do_teams_and_progress_watch_a_planned_activity_once_its_start_has_come() {
    let (mut w, mut p) = at_do_with_nothing_under_way();
    report(&mut w, &mut p, 1, ActivityStatus::Completed, None);
    // The first activity is still planned: not watched before its start...
    assert!(unmet(&w, &p).is_empty());
    // ...and watched from its start on, though nobody reported it started.
    w.wait(Duration::days(30));
    assert_eq!(
        p.outputs().plan.as_ref().unwrap().activities[0].status,
        ActivityStatus::Planned
    );
    assert_eq!(unmet(&w, &p), ["DO_TEAMS", "DO_PROGRESS"]);
    let blocked = criteria::unmet(Step::Do, p.snapshot(), w.today());
    assert_eq!(blocked[0].message.key, "unmet-teams-lacking");
    assert!(
        blocked[0]
            .message
            .args
            .contains(&("on", c2c_domain::Arg::Date(w.today()))),
        "{}",
        blocked[0].message
    );
    assert_eq!(leave(&mut w, &mut p), ["DO_TEAMS", "DO_PROGRESS"]);
    w.complete(&mut p).unwrap();
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

#[test]
fn a_cancellation_needs_a_reason_and_only_a_cancellation_takes_one() {
    let (mut w, mut p) = at(Step::Do);
    let activity = p.outputs().plan.as_ref().unwrap().activities[0].plan.id;
    let draft = |w: &mut World, status, reason: Option<&str>| ProgressDraft {
        id: w.id(),
        activity,
        on: w.today(),
        summary: "Reported".into(),
        status,
        reason: reason.map(str::to_owned),
        percent: None,
    };
    for (status, reason) in [
        (ActivityStatus::Cancelled, None),
        (ActivityStatus::Cancelled, Some("   ")),
        (ActivityStatus::InProgress, Some("Budget cut")),
    ] {
        let d = draft(&mut w, status, reason);
        let before = p.clone();
        let refused = w
            .perform(
                &mut p,
                Action::Do(Side::Initiator, Command::RecordProgress(d)),
            )
            .unwrap_err();
        assert!(
            matches!(&refused, DomainError::Invalid { field, .. } if field == "reason"),
            "{refused:?}"
        );
        assert_eq!(p, before);
    }
}

#[test]
fn cancelling_an_activity_makes_a_new_plan_version_that_voids_its_approvals() {
    let (mut w, mut p) = at(Step::Do);
    let version = p.outputs().plan.as_ref().unwrap().version;
    report(
        &mut w,
        &mut p,
        0,
        ActivityStatus::Cancelled,
        Some("The partner university withdrew"),
    );
    let plan = p.outputs().plan.as_ref().unwrap();
    assert_eq!(plan.version, version + 1);
    assert_eq!(
        plan.activities[0].progress[0].reason.as_deref(),
        Some("The partner university withdrew")
    );
    assert_eq!(
        criteria::check(Criterion::PlanApproved, p.snapshot(), w.today()),
        Some(
            c2c_domain::Message::new("unmet-approval")
                .with(
                    "what",
                    c2c_domain::Message::new("what-plan-version").with("version", version + 1)
                )
                .with(
                    "cities",
                    c2c_domain::Arg::Cities(vec![w.initiator(), w.counterpart])
                )
        )
    );
    // A second cancellation of the same activity changes nothing more.
    report(
        &mut w,
        &mut p,
        0,
        ActivityStatus::Cancelled,
        Some("Still withdrawn"),
    );
    assert_eq!(p.outputs().plan.as_ref().unwrap().version, version + 1);
}

#[test]
fn do_risks_owned_blocks_an_open_high_risk_without_owner() {
    let (mut w, mut p) = at(Step::Do);
    w.complete(&mut p).unwrap();
    let activity = p.outputs().plan.as_ref().unwrap().activities[0].plan.id;
    let id = w.id();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordRisk(RiskDraft {
                id,
                activity,
                description: "Visa rules change".into(),
                likelihood: Level::Medium,
                impact: Level::High,
                mitigation: Some("Early applications".into()),
                owner: None,
                status: RiskStatus::Open,
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["DO_RISKS_OWNED"]);
}

#[test]
fn do_risks_owned_is_met_by_an_owner_and_a_mitigation() {
    let (mut w, mut p) = at(Step::Do);
    w.complete(&mut p).unwrap();
    let activity = p.outputs().plan.as_ref().unwrap().activities[0].plan.id;
    let id = w.id();
    let draft = |owner: Option<&str>| RiskDraft {
        id,
        activity,
        description: "Visa rules change".into(),
        likelihood: Level::High,
        impact: Level::Low,
        mitigation: Some("Early applications".into()),
        owner: owner.map(str::to_owned),
        status: RiskStatus::Open,
    };
    w.perform(
        &mut p,
        Action::Do(Side::Counterpart, Command::RecordRisk(draft(None))),
    )
    .unwrap();
    assert_eq!(unmet(&w, &p), ["DO_RISKS_OWNED"]);
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordRisk(draft(Some("Visa officer"))),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

// ---------------------------------------------------------------- Measure

#[test]
fn measure_framework_blocks_without_a_selected_kpi() {
    blocks_alone(Step::Measure, Criterion::MeasureFramework);
}

#[test]
fn measure_framework_blocks_a_kpi_without_a_target() {
    let (mut w, mut p) = at(Step::Measure);
    w.complete(&mut p).unwrap();
    let s = p.outputs().selections[0].clone();
    let definition = c2c_domain::kpi::catalogue()
        .into_iter()
        .find(|d| d.code == s.kpi)
        .unwrap();
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::SelectKpi(SelectionDraft {
                id: s.id,
                definition,
                objective: s.objective,
                target: None,
                reporting: s.reporting.clone(),
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["MEASURE_FRAMEWORK"]);
}

#[test]
fn measure_framework_is_met_by_a_kpi_with_objective_target_and_reporting_city() {
    met_when_fixed(Step::Measure, Criterion::MeasureFramework);
}

#[test]
fn measure_kpi_captured_blocks_a_kpi_without_a_measurement_from_each_reporting_city() {
    blocks_alone(Step::Measure, Criterion::MeasureKpiCaptured);
}

#[test]
fn measure_kpi_captured_is_met_by_a_measurement_from_each_reporting_city() {
    met_when_fixed(Step::Measure, Criterion::MeasureKpiCaptured);
}

#[test]
fn measure_feedback_blocks_without_feedback() {
    blocks_alone(Step::Measure, Criterion::MeasureFeedback);
}

#[test]
fn measure_feedback_is_met_by_one_feedback_entry() {
    met_when_fixed(Step::Measure, Criterion::MeasureFeedback);
}

#[test]
fn measure_evaluation_blocks_without_an_evaluation() {
    blocks_alone(Step::Measure, Criterion::MeasureEvaluation);
}

#[test]
fn measure_evaluation_blocks_an_evaluation_that_proposes_nothing_and_does_not_say_none() {
    let (mut w, mut p) = at(Step::Measure);
    w.complete_except(&mut p, &[Criterion::MeasureEvaluation])
        .unwrap();
    let id = w.id();
    let on = w.today();
    let evaluation = |no_adjustments| {
        Action::Do(
            Side::Initiator,
            Command::RecordEvaluation(EvaluationDraft {
                id,
                strengths: "Trust".into(),
                challenges: "Distance".into(),
                no_adjustments,
                on,
            }),
        )
    };
    w.perform(&mut p, evaluation(false)).unwrap();
    assert_eq!(leave(&mut w, &mut p), ["MEASURE_EVALUATION"]);
}

#[test]
fn measure_evaluation_is_met_by_an_explicit_none() {
    let (mut w, mut p) = at(Step::Measure);
    w.complete_except(&mut p, &[Criterion::MeasureEvaluation])
        .unwrap();
    let id = w.id();
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordEvaluation(EvaluationDraft {
                id,
                strengths: "Trust".into(),
                challenges: "Distance".into(),
                no_adjustments: true,
                on,
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

// ---------------------------------------------------------------- Act

#[test]
fn act_decided_blocks_an_undecided_adjustment() {
    blocks_alone(Step::Act, Criterion::ActDecided);
}

#[test]
fn act_decided_is_met_when_every_adjustment_is_decided() {
    met_when_fixed(Step::Act, Criterion::ActDecided);
}

#[test]
fn act_approved_blocks_without_both_approvals() {
    blocks_alone(Step::Act, Criterion::ActApproved);
}

#[test]
fn act_approved_blocks_when_a_decision_changes_after_approval() {
    let (mut w, mut p) = at(Step::Act);
    w.complete(&mut p).unwrap();
    let adjustment = p.outputs().adjustments[0].id;
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::DecideAdjustment(DecisionDraft {
                adjustment,
                outcome: Outcome::Rejected,
                on,
                note: "No budget this year".into(),
            }),
        ),
    )
    .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["ACT_APPROVED"]);
}

#[test]
fn act_approved_is_met_when_both_cities_approve_the_decisions() {
    met_when_fixed(Step::Act, Criterion::ActApproved);
}

// ---------------------------------------------------------------- Replicate

#[test]
fn replicate_lessons_blocks_without_a_success_factor() {
    let (mut w, mut p) = at(Step::Replicate);
    let id = w.id();
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::RecordLesson {
                id,
                kind: LessonKind::FailureFactor,
                text: "Delegations without follow-up".into(),
            },
        ),
    )
    .unwrap();
    w.complete_except(&mut p, &[Criterion::ReplicateLessons])
        .unwrap();
    assert_eq!(leave(&mut w, &mut p), ["REPLICATE_LESSONS"]);
}

#[test]
fn replicate_lessons_is_met_by_a_success_factor() {
    met_when_fixed(Step::Replicate, Criterion::ReplicateLessons);
}

#[test]
fn replicate_expost_blocks_when_an_objective_is_not_evaluated() {
    let (mut w, mut p) = at(Step::Replicate);
    w.complete_except(&mut p, &[Criterion::ReplicateExpost])
        .unwrap();
    let mut fixes = w.fixes(&p, Criterion::ReplicateExpost);
    fixes.pop();
    for action in fixes {
        w.perform(&mut p, action).unwrap();
    }
    assert_eq!(leave(&mut w, &mut p), ["REPLICATE_EXPOST"]);
}

#[test]
fn replicate_expost_is_met_when_every_objective_is_evaluated() {
    met_when_fixed(Step::Replicate, Criterion::ReplicateExpost);
}

// ---------------------------------------------------------------- All codes

#[test]
fn every_criterion_code_of_design_section_2_is_defined_once_on_its_step() {
    let expected = [
        (
            "AIM",
            "AIM_VISION AIM_OBJECTIVE AIM_THEME AIM_STAKEHOLDER AIM_RENEWED",
        ),
        (
            "COMMIT",
            "COMMIT_POLITICAL COMMIT_PRIORITY COMMIT_ROLES COMMIT_RESOURCES COMMIT_RENEWED",
        ),
        (
            "PARTNER",
            "PARTNER_COUNTERPART PARTNER_ASSESSMENT PARTNER_PRIORITY PARTNER_AGREEMENT",
        ),
        (
            "PLAN",
            "PLAN_ACTIVITY PLAN_ACTIVITY_COMPLETE PLAN_APPROVED PLAN_REVISED",
        ),
        ("DO", "DO_TEAMS DO_PROGRESS DO_DELIVERED DO_RISKS_OWNED"),
        (
            "MEASURE",
            "MEASURE_FRAMEWORK MEASURE_KPI_CAPTURED MEASURE_FEEDBACK MEASURE_EVALUATION",
        ),
        ("ACT", "ACT_DECIDED ACT_APPROVED"),
        ("REPLICATE", "REPLICATE_LESSONS REPLICATE_EXPOST"),
    ];
    let narrative = c2c_domain::Narrative::standard();
    for ((step, codes), def) in expected.iter().zip(narrative.steps) {
        assert_eq!(def.step.code(), *step);
        let actual: Vec<&str> = def.criteria.iter().map(|c| c.code()).collect();
        assert_eq!(actual.join(" "), *codes);
        for c in def.criteria {
            assert_eq!(c.step(), Some(def.step));
        }
    }
    // Checked throughout, on every advance and loop back but out of Partner.
    let throughout: Vec<_> = narrative
        .throughout
        .iter()
        .map(|t| (t.criterion.code(), t.moves.to_vec(), t.except_at.to_vec()))
        .collect();
    assert_eq!(
        throughout,
        [(
            "AGREEMENT_IN_FORCE",
            vec![MoveKind::Advance, MoveKind::LoopBack],
            vec![Step::Partner]
        )]
    );
    assert_eq!(Criterion::AgreementInForce.step(), None);
    assert_eq!(narrative.criteria().count(), 31);
    assert_eq!(Criterion::iter().count(), 31);
}

#[test]
fn a_blocked_move_reports_every_unmet_criterion_with_a_message() {
    let mut w = World::new();
    let mut p = w.start(Step::Aim).unwrap();
    let before = p.clone();
    match w.mv(&mut p, Move::Advance) {
        Err(DomainError::Blocked { unmet, .. }) => {
            assert_eq!(unmet.len(), 4);
            assert!(unmet.iter().all(|u| !u.message.key.is_empty()));
        }
        other => panic!("expected a blocked move, got {other:?}"),
    }
    assert_eq!(p, before);
}
