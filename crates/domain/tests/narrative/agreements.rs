//! Partner as the guidebook's cases allow, and an agreement in force
//! throughout: the assessment of the chosen counterpart decides each group
//! of Figure 9, a joint project agreement on an agreed first priority passes
//! Partner (the project-first route), every later advance and loop back
//! needs an agreement in force (`AGREEMENT_IN_FORCE`), renewals carry a
//! partnership over an expiry, and readiness warns of an expiry ahead.

use crate::support::{at, leave, unmet};
use c2c_domain::criteria::{self, Criterion};
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::outputs::*;
use c2c_domain::{
    AgreementId, Area, CityId, Command, Loop, Move, MoveKind, Partnership, Step, WarningCode,
};
use chrono::{Duration, NaiveDate};

/// Records an agreement of `kind` on `areas`, valid until `until`, signed by
/// both cities today; a renewal when `renewal_of` is given.
fn sign(
    w: &mut World,
    p: &mut Partnership,
    kind: AgreementKind,
    areas: Vec<Area>,
    until: Option<NaiveDate>,
    renewal_of: Option<AgreementId>,
) -> AgreementId {
    let id = w.id();
    let on = w.today();
    let mut actions = vec![Action::Do(
        Side::Initiator,
        Command::RecordAgreement(AgreementDraft {
            id,
            kind,
            title: format!("{} until {until:?}", kind.code()),
            areas,
            binding: false,
            text: None,
            reference: None,
            valid_until: until,
            renewal_of,
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
        w.perform(p, action).unwrap();
    }
    id
}

/// A partnership at Partner with everything but the agreement.
fn at_partner_without_agreement() -> (World, Partnership) {
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAgreement])
        .unwrap();
    (w, p)
}

/// A partnership past Partner on an MoU that expires in `days` days, at
/// Plan with Plan complete.
fn at_plan_on_an_mou_of(days: i64) -> (World, Partnership, AgreementId) {
    let (mut w, mut p) = at_partner_without_agreement();
    let until = w.today() + Duration::days(days);
    let mou = sign(
        &mut w,
        &mut p,
        AgreementKind::Mou,
        vec![],
        Some(until),
        None,
    );
    w.mv(&mut p, Move::Advance).unwrap();
    w.complete(&mut p).unwrap();
    (w, p, mou)
}

fn assess(
    w: &mut World,
    p: &mut Partnership,
    candidate: CityId,
    items: Vec<(SelectionCriterion, Answer)>,
) {
    let id = w.id();
    let on = w.today();
    let items = items
        .into_iter()
        .map(|(criterion, answer)| AssessmentItem {
            criterion,
            answer,
            note: String::new(),
        })
        .collect();
    w.perform(
        p,
        Action::Do(
            Side::Initiator,
            Command::RecordAssessment(AssessmentDraft {
                id,
                candidate,
                on,
                items,
            }),
        ),
    )
    .unwrap();
}

// ---------------------------------------------------------------- Assessment

#[test]
fn partner_assessment_blocks_twelve_unknown_answers() {
    use strum::IntoEnumIterator;
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAssessment])
        .unwrap();
    let counterpart = w.counterpart;
    let unknown = SelectionCriterion::iter()
        .map(|c| (c, Answer::Unknown))
        .collect();
    assess(&mut w, &mut p, counterpart, unknown);
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_ASSESSMENT"]);
    let message = criteria::check(Criterion::PartnerAssessment, p.snapshot(), w.today()).unwrap();
    assert!(
        message
            .to_string()
            .ends_with("groups: POTENTIAL, OPPORTUNITY, SIMILARITY, WILLINGNESS)"),
        "{message}"
    );
}

#[test]
fn partner_assessment_names_the_groups_with_no_item_met_or_not_met() {
    use SelectionCriterion::*;
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAssessment])
        .unwrap();
    let counterpart = w.counterpart;
    assess(
        &mut w,
        &mut p,
        counterpart,
        vec![
            (RepresentsCity, Answer::Met),
            (HistoricalBasis, Answer::NotMet),
            (SharedAims, Answer::Unknown),
        ],
    );
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_ASSESSMENT"]);
    let message = criteria::check(Criterion::PartnerAssessment, p.snapshot(), w.today()).unwrap();
    assert!(
        message
            .to_string()
            .ends_with("groups: SIMILARITY, WILLINGNESS)"),
        "{message}"
    );
}

#[test]
fn partner_assessment_of_another_candidate_does_not_count() {
    use SelectionCriterion::*;
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAssessment])
        .unwrap();
    let other: CityId = w.id();
    let decided = vec![
        (RepresentsCity, Answer::Met),
        (HistoricalBasis, Answer::Met),
        (SharedAims, Answer::Met),
        (PeerToPeer, Answer::Met),
    ];
    assess(&mut w, &mut p, other, decided);
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_ASSESSMENT"]);
}

#[test]
fn partner_assessment_is_met_by_one_item_met_or_not_met_in_each_group() {
    use SelectionCriterion::*;
    let (mut w, mut p) = at(Step::Partner);
    w.complete_except(&mut p, &[Criterion::PartnerAssessment])
        .unwrap();
    let counterpart = w.counterpart;
    assess(
        &mut w,
        &mut p,
        counterpart,
        vec![
            (CriticalMass, Answer::NotMet),
            (MouSignedOrIntended, Answer::Met),
            (ReferenceForLearning, Answer::NotMet),
            (PlatformInterest, Answer::Met),
            (WishesToHost, Answer::Unknown),
        ],
    );
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
}

// ---------------------------------------------------------------- Project-first route

#[test]
fn partner_agreement_is_met_by_a_project_agreement_on_an_agreed_first_priority() {
    let (mut w, mut p) = at_partner_without_agreement();
    assert_eq!(unmet(&w, &p), ["PARTNER_AGREEMENT"]);
    sign(
        &mut w,
        &mut p,
        AgreementKind::ProjectAgreement,
        vec![Area::Sport, Area::EducationResearch],
        None,
        None,
    );
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    // The project agreement keeps the partnership in force afterwards.
    w.complete(&mut p).unwrap();
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    assert_eq!(p.state().step, Step::Do);
}

#[test]
fn partner_agreement_blocks_a_project_agreement_on_no_agreed_first_priority() {
    let (mut w, mut p) = at_partner_without_agreement();
    sign(
        &mut w,
        &mut p,
        AgreementKind::ProjectAgreement,
        vec![Area::Sport],
        None,
        None,
    );
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_AGREEMENT"]);
    let message = criteria::check(Criterion::PartnerAgreement, p.snapshot(), w.today()).unwrap();
    assert!(
        message.key == "unmet-project-agreement-off-priority",
        "{message}"
    );
}

// ---------------------------------------------------------------- In force throughout

#[test]
fn agreement_in_force_blocks_an_advance_after_the_agreement_expired() {
    let (mut w, mut p, _) = at_plan_on_an_mou_of(10);
    w.wait(Duration::days(20));
    assert_eq!(
        unmet(&w, &p),
        Vec::<&str>::new(),
        "Plan's own criteria hold"
    );
    assert_eq!(leave(&mut w, &mut p), ["AGREEMENT_IN_FORCE"]);
    let expired = p.outputs().agreements[0].valid_until.unwrap();
    assert!(expired < w.today());
    let message = criteria::check(Criterion::AgreementInForce, p.snapshot(), w.today()).unwrap();
    assert!(
        message.key == "unmet-agreement-expired"
            && message
                .args
                .contains(&("until", c2c_domain::Arg::Date(expired))),
        "{message}"
    );
}

#[test]
fn agreement_in_force_is_met_again_by_a_renewal_signed_by_both() {
    let (mut w, mut p, mou) = at_plan_on_an_mou_of(10);
    w.wait(Duration::days(20));
    assert_eq!(leave(&mut w, &mut p), ["AGREEMENT_IN_FORCE"]);
    let until = w.today() + Duration::days(3 * 365);
    sign(
        &mut w,
        &mut p,
        AgreementKind::Mou,
        vec![],
        Some(until),
        Some(mou),
    );
    assert_eq!(leave(&mut w, &mut p), Vec::<&str>::new());
    assert_eq!(p.state().step, Step::Do);
}

#[test]
fn agreement_in_force_blocks_a_loop_back_but_not_a_conclusion_a_spawn_or_a_suspension() {
    let (mut w, mut p, _) = at_plan_on_an_mou_of(400);
    w.drive_to(&mut p, Step::Replicate).unwrap();
    w.complete(&mut p).unwrap();
    w.wait(Duration::days(400));
    let ready: Vec<(MoveKind, bool, Vec<&str>)> = p
        .readiness(w.today())
        .iter()
        .map(|r| {
            (
                r.allowed.kind,
                r.ready,
                r.unmet.iter().map(|u| u.criterion.code()).collect(),
            )
        })
        .collect();
    assert_eq!(
        ready,
        [
            (MoveKind::Spawn, true, vec![]),
            (MoveKind::LoopBack, false, vec!["AGREEMENT_IN_FORCE"]),
            (MoveKind::Conclude, true, vec![]),
            (MoveKind::Suspend, true, vec![]),
            (MoveKind::Terminate, true, vec![]),
        ]
    );
    assert!(w.mv(&mut p, Move::LoopBack(Loop::CityDevelopment)).is_err());
    w.spawn(&mut p).unwrap();
    w.mv(
        &mut p,
        Move::Suspend {
            reason: "Elections".into(),
        },
    )
    .unwrap();
    w.mv(&mut p, Move::Resume).unwrap();
    w.mv(&mut p, Move::Conclude).unwrap();
}

#[test]
fn agreement_in_force_is_left_to_partner_agreement_at_partner() {
    let (mut w, mut p) = at_partner_without_agreement();
    let until = w.today() + Duration::days(5);
    sign(
        &mut w,
        &mut p,
        AgreementKind::Mou,
        vec![],
        Some(until),
        None,
    );
    w.wait(Duration::days(10));
    assert_eq!(leave(&mut w, &mut p), ["PARTNER_AGREEMENT"]);
}

#[test]
fn agreement_in_force_holds_for_a_partnership_without_a_counterpart() {
    let mut w = World::new();
    let p = w.start(Step::Aim).unwrap();
    assert_eq!(
        criteria::check(Criterion::AgreementInForce, p.snapshot(), w.today()),
        None
    );
    assert_eq!(
        criteria::unmet_throughout(MoveKind::Advance, p.snapshot(), w.today()),
        []
    );
}

// ---------------------------------------------------------------- Warnings

fn warnings(w: &World, p: &Partnership) -> Vec<(MoveKind, WarningCode)> {
    p.readiness(w.today())
        .iter()
        .flat_map(|r| r.warnings.iter().map(move |x| (r.allowed.kind, x.code)))
        .collect()
}

#[test]
fn readiness_warns_of_an_agreement_that_expires_within_ninety_days_with_nothing_to_follow_it() {
    let (mut w, mut p, mou) = at_plan_on_an_mou_of(100);
    assert_eq!(warnings(&w, &p), []);
    w.wait(Duration::days(11));
    assert_eq!(
        warnings(&w, &p),
        [(MoveKind::Advance, WarningCode::AgreementExpiring)]
    );
    let r = p.readiness(w.today());
    assert!(r[0].ready, "a warning needs no action yet");
    let left = (p.outputs().agreements[0].valid_until.unwrap() - w.today()).num_days();
    assert!(left <= 90);
    let message = &r[0].warnings[0].message;
    assert!(
        message
            .args
            .contains(&("days", c2c_domain::Arg::Number(left))),
        "{message}"
    );
    // A renewal signed by both that follows the MoU ends the warning.
    let until = w.today() + Duration::days(1000);
    sign(
        &mut w,
        &mut p,
        AgreementKind::Mou,
        vec![],
        Some(until),
        Some(mou),
    );
    assert_eq!(warnings(&w, &p), []);
}

#[test]
fn an_agreement_without_an_expiry_warns_of_nothing() {
    let (mut w, mut p, _) = at_plan_on_an_mou_of(30);
    sign(
        &mut w,
        &mut p,
        AgreementKind::FriendshipCity,
        vec![],
        None,
        None,
    );
    assert_eq!(warnings(&w, &p), []);
}
