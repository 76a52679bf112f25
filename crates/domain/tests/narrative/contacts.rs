//! Contact persons (each city names its own, a change says whether the
//! counterpart was told), joint contacts, follow-ups by their city, and the
//! value checks every date and amount passes on its way in.

use crate::support::at;
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::outputs::*;
use c2c_domain::{Command, ContactPersonId, DomainError, Move, Partnership, Step};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use std::str::FromStr;

fn person(
    id: ContactPersonId,
    from: NaiveDate,
    until: Option<NaiveDate>,
    announced: bool,
) -> Command {
    Command::RecordContactPerson(ContactPersonDraft {
        id,
        name: "Li Wei".into(),
        role: "Head of the foreign affairs office".into(),
        email: Some(" li.wei@example.cn ".into()),
        from,
        until,
        announced,
    })
}

fn refused_field(w: &mut World, p: &mut Partnership, side: Side, command: Command) -> String {
    let before = p.clone();
    match w.perform(p, Action::Do(side, command)) {
        Err(DomainError::Invalid { field, .. }) => {
            assert_eq!(*p, before);
            field
        }
        other => panic!("expected an invalid input, got {other:?}"),
    }
}

#[test]
fn a_city_names_its_contact_person_and_records_when_they_leave() {
    let (mut w, mut p) = at(Step::Plan);
    let id: ContactPersonId = w.id();
    let from = w.today() - Duration::days(400);
    w.perform(
        &mut p,
        Action::Do(Side::Counterpart, person(id, from, None, true)),
    )
    .unwrap();
    let named = p.outputs().contact_persons[0].clone();
    assert_eq!(named.city, w.counterpart);
    assert_eq!(named.email.as_deref(), Some("li.wei@example.cn"));
    assert!(named.announced && !named.until_announced);
    // She leaves, and the counterpart is not told: the start stays announced.
    let until = w.today();
    w.perform(
        &mut p,
        Action::Do(Side::Counterpart, person(id, from, Some(until), false)),
    )
    .unwrap();
    let changed = &p.outputs().contact_persons;
    assert_eq!(changed.len(), 1, "a change, not a new person");
    assert_eq!(changed[0].until, Some(until));
    assert!(changed[0].announced && !changed[0].until_announced);
}

#[test]
fn a_city_changes_only_its_own_contact_persons() {
    let (mut w, mut p) = at(Step::Plan);
    let id: ContactPersonId = w.id();
    let from = w.today();
    w.perform(
        &mut p,
        Action::Do(Side::Counterpart, person(id, from, None, true)),
    )
    .unwrap();
    let before = p.clone();
    let refused = w.perform(
        &mut p,
        Action::Do(Side::Initiator, person(id, from, Some(from), true)),
    );
    assert!(
        matches!(refused, Err(DomainError::Forbidden { .. })),
        "{refused:?}"
    );
    assert_eq!(p, before);
}

#[test]
fn a_contact_person_is_refused_with_a_bad_email_or_leaving_before_starting() {
    let (mut w, mut p) = at(Step::Plan);
    let today = w.today();
    let id = w.id();
    let mut bad = ContactPersonDraft {
        id,
        name: "Li Wei".into(),
        role: "Officer".into(),
        email: Some("li.wei at example".into()),
        from: today,
        until: None,
        announced: true,
    };
    let field = refused_field(
        &mut w,
        &mut p,
        Side::Initiator,
        Command::RecordContactPerson(bad.clone()),
    );
    assert_eq!(field, "email");
    bad.email = None;
    bad.until = Some(today - Duration::days(1));
    let field = refused_field(
        &mut w,
        &mut p,
        Side::Initiator,
        Command::RecordContactPerson(bad.clone()),
    );
    assert_eq!(field, "until");
    bad.until = None;
    bad.from = today + Duration::days(10);
    let field = refused_field(
        &mut w,
        &mut p,
        Side::Initiator,
        Command::RecordContactPerson(bad),
    );
    assert_eq!(field, "from");
}

#[test]
fn a_suspended_partnership_still_takes_contact_persons() {
    let (mut w, mut p) = at(Step::Plan);
    w.mv(
        &mut p,
        Move::Suspend {
            reason: "Elections".into(),
        },
    )
    .unwrap();
    let id = w.id();
    let from = w.today();
    w.perform(
        &mut p,
        Action::Do(Side::Initiator, person(id, from, None, false)),
    )
    .unwrap();
    assert_eq!(p.outputs().contact_persons.len(), 1);
}

#[test]
fn a_joint_contact_and_the_city_of_its_follow_up_are_kept() {
    let (mut w, mut p) = at(Step::Plan);
    let id = w.id();
    let on = w.today();
    w.perform(
        &mut p,
        Action::Do(
            Side::Initiator,
            Command::RecordContact(ContactDraft {
                id,
                on,
                kind: ContactKind::Delegation,
                direction: ContactDirection::Outbound,
                ours: Levels {
                    political: true,
                    technical: true,
                },
                theirs: Levels {
                    political: true,
                    technical: false,
                },
                outcome: "Both mayors met".into(),
                follow_up_due: Some(on + Duration::days(30)),
                joint: true,
            }),
        ),
    )
    .unwrap();
    w.perform(
        &mut p,
        Action::Do(
            Side::Counterpart,
            Command::RecordFollowUp {
                contact: id,
                on,
                note: "Minutes sent".into(),
            },
        ),
    )
    .unwrap();
    let c = &p.outputs().contacts[0];
    assert!(c.joint);
    assert_eq!(c.followed_up_by, Some(w.counterpart));
}

#[test]
fn dates_and_amounts_are_checked_the_same_way_wherever_they_enter() {
    let (mut w, mut p) = at(Step::Do);
    let today = w.today();
    let too_early = NaiveDate::from_ymd_opt(1899, 12, 31).unwrap();
    let too_late = NaiveDate::from_ymd_opt(2101, 1, 1).unwrap();
    let id = w.id();
    let contact = |on, due| {
        Command::RecordContact(ContactDraft {
            id,
            on,
            kind: ContactKind::Meeting,
            direction: ContactDirection::Inbound,
            ours: Levels::default(),
            theirs: Levels::default(),
            outcome: String::new(),
            follow_up_due: due,
            joint: false,
        })
    };
    assert_eq!(
        refused_field(&mut w, &mut p, Side::Initiator, contact(too_early, None)),
        "on"
    );
    assert_eq!(
        refused_field(
            &mut w,
            &mut p,
            Side::Initiator,
            contact(today, Some(too_late))
        ),
        "followUpDue"
    );
    let activity = w.id();
    let mut draft = w.activity_draft(activity, "Late plan", w.initiator());
    draft.due = Some(too_late);
    assert_eq!(
        refused_field(
            &mut w,
            &mut p,
            Side::Initiator,
            Command::RecordActivity(draft.clone())
        ),
        "due"
    );
    draft.due = Some(today);
    draft.funding[0].amount = Decimal::from_str("10.12345").unwrap();
    let before = p.clone();
    let refused = w
        .perform(
            &mut p,
            Action::Do(Side::Initiator, Command::RecordActivity(draft)),
        )
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "amount: 10.12345 has more than 4 decimal places"
    );
    assert_eq!(p, before);
    let agreement = w.id();
    let late_agreement = Command::RecordAgreement(AgreementDraft {
        id: agreement,
        kind: AgreementKind::Mou,
        title: "A very long MoU".into(),
        areas: vec![],
        binding: false,
        text: None,
        reference: None,
        valid_until: Some(too_late),
        renewal_of: None,
    });
    assert_eq!(
        refused_field(&mut w, &mut p, Side::Initiator, late_agreement),
        "validUntil"
    );
}
