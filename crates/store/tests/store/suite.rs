//! The store's suite. Every test runs twice: on PostgreSQL (`postgres::…`) and
//! on SQLite (`sqlite::…`), each time on a database of its own.

use crate::support::{Drive, TestDb, another_city, on_both_backends, set_up};
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::kpi::{KpiDefinition, RawValue, Unit};
use c2c_domain::outputs::*;
use c2c_domain::{Command, Direction, DomainError, Loop, Move, Step};
use c2c_store::{LOAD_STATEMENTS, Role, StoreError};
use chrono::{Duration, Utc};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::Arc;

/// Every kind of change the history can hold.
const ALL_KINDS: [&str; 30] = [
    "STARTED",
    "ADVANCED",
    "LOOPED_BACK",
    "SPAWNED",
    "SUSPENDED",
    "RESUMED",
    "CONCLUDED",
    "TERMINATED",
    "COUNTERPART_CHOSEN",
    "ASSESSMENT_RECORDED",
    "CONTACT_RECORDED",
    "FOLLOW_UP_RECORDED",
    "CONTACT_PERSON_RECORDED",
    "AGREEMENT_RECORDED",
    "AGREEMENT_SIGNED",
    "PRIORITY_AGREED",
    "PLAN_RECORDED",
    "ACTIVITY_RECORDED",
    "TEAM_RECORDED",
    "PROGRESS_REPORTED",
    "RISK_RECORDED",
    "KPI_SELECTED",
    "MEASUREMENT_RECORDED",
    "FEEDBACK_RECORDED",
    "EVALUATION_RECORDED",
    "ADJUSTMENT_PROPOSED",
    "ADJUSTMENT_DECIDED",
    "APPROVED",
    "LESSON_RECORDED",
    "EX_POST_RECORDED",
];

fn raw_money(amount: &str, currency: &str) -> RawValue {
    RawValue {
        amount: Some(Decimal::from_str(amount).unwrap()),
        currency: Some(currency.into()),
        ..RawValue::default()
    }
}

on_both_backends! { TestDb::new;
    async fn migrations_go_up_down_to_zero_and_up_again(db) {
        let s = &db.store;
        let (applied, pending) = s.migration_status().await.unwrap();
        assert_eq!(applied.len(), 15);
        assert!(pending.is_empty());
        assert_eq!(db.count("kpi_definition").await, 18);

        s.migrate_down_to_zero().await.unwrap();
        let (applied, pending) = s.migration_status().await.unwrap();
        assert!(applied.is_empty());
        assert_eq!(pending.len(), 15);
        for table in ["partnership", "event", "measurement", "city", "kpi_definition", "contact_person", "web_session", "sign_in_link", "funnel_count"] {
            assert!(db.raw(&format!("SELECT 1 FROM {table}")).await.is_err(), "{table} is still there");
        }

        s.migrate().await.unwrap();
        assert_eq!(db.count("kpi_definition").await, 18);
        assert_eq!(db.count("event").await, 0);
        let mut d = Drive::start(s, Step::Aim).await;
        d.complete().await;
        d.mv(Move::Advance).await.unwrap();
    }

    async fn every_output_type_reads_back_as_the_domain_wrote_it(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.drive_to(Step::Partner).await;
        d.complete().await;
        // A delegation, and its follow-up.
        let contact = d.w.id();
        let on = d.w.today();
        d.perform(Action::Do(Side::Initiator, Command::RecordContact(ContactDraft {
            id: contact,
            on,
            kind: ContactKind::Delegation,
            direction: ContactDirection::Inbound,
            ours: Levels { political: true, technical: true },
            theirs: Levels { political: true, technical: false },
            outcome: "Both mayors met".into(),
            follow_up_due: Some(on + Duration::days(60)),
            joint: true,
        }))).await.unwrap();
        d.perform(Action::Do(Side::Counterpart, Command::RecordFollowUp {
            contact,
            on: on + Duration::days(10),
            note: "Letter of thanks and a draft MoU".into(),
        })).await.unwrap();
        let stored = d.load().await;
        let c = &stored.outputs().contacts[0];
        assert!(c.joint);
        assert_eq!(c.followed_up_by, Some(d.w.counterpart));
        // A contact person, named, then leaving without notice.
        let person = d.w.id();
        for until in [None, Some(on + Duration::days(200))] {
            d.perform(Action::Do(Side::Counterpart, Command::RecordContactPerson(ContactPersonDraft {
                id: person,
                name: "Li Wei".into(),
                role: "Head of the foreign affairs office".into(),
                email: Some("li.wei@example.cn".into()),
                from: on - Duration::days(100),
                until,
                announced: until.is_none(),
            }))).await.unwrap();
        }
        let persons = d.load().await.outputs().contact_persons.clone();
        assert_eq!(persons.len(), 1);
        assert_eq!((persons[0].announced, persons[0].until_announced), (true, false));
        d.drive_to(Step::Do).await;
        d.complete().await;
        // A risk, then its owner.
        let activity = d.last.outputs().plan.as_ref().unwrap().activities[0].plan.id;
        let risk = d.w.id();
        for owner in [None, Some("Project officer".to_owned())] {
            d.perform(Action::Do(Side::Counterpart, Command::RecordRisk(RiskDraft {
                id: risk,
                activity,
                description: "Visa rules change".into(),
                likelihood: Level::High,
                impact: Level::Medium,
                mitigation: Some("Apply early".into()),
                owner,
                status: RiskStatus::Open,
            }))).await.unwrap();
        }
        // An activity cancelled for a reason: a new plan version.
        let extra = d.w.id();
        let draft = d.w.activity_draft(extra, "Joint film festival", d.w.initiator());
        d.perform(Action::Do(Side::Initiator, Command::RecordActivity(draft))).await.unwrap();
        let version = d.load().await.outputs().plan.as_ref().unwrap().version;
        let report = d.w.id();
        d.perform(Action::Do(Side::Initiator, Command::RecordProgress(ProgressDraft {
            id: report,
            activity: extra,
            on: d.w.today(),
            summary: "Dropped".into(),
            status: ActivityStatus::Cancelled,
            reason: Some("No venue this year".into()),
            percent: None,
        }))).await.unwrap();
        let plan = d.load().await.outputs().plan.clone().unwrap();
        assert_eq!((plan.version, plan.version_cycle), (version + 1, 1));
        d.drive_to(Step::Measure).await;
        d.complete().await;
        // A correction supersedes a measurement.
        let m = d.last.outputs().measurements[0].clone();
        let correction = d.w.id();
        let side = if m.city == d.w.initiator() { Side::Initiator } else { Side::Counterpart };
        d.perform(Action::Do(side, Command::RecordMeasurement(MeasurementDraft {
            id: correction,
            selection: m.selection,
            city: m.city,
            period_start: m.period.start,
            period_end: m.period.end,
            value: RawValue { count: Some(5), ..RawValue::default() },
            source: "Corrected office records".into(),
            note: "Two exchanges were missing".into(),
            supersedes: Some(m.id),
        }))).await.unwrap();
        d.drive_to(Step::Act).await;
        d.complete().await;
        let looped = d.mv(Move::LoopBack(Loop::ContinualImprovement)).await.unwrap();
        let stored = d.load().await;
        assert_eq!(stored.snapshot().cycle_began_at, looped.event.recorded_at);
        d.mv(Move::Suspend { reason: "Municipal elections".into() }).await.unwrap();
        d.mv(Move::Resume).await.unwrap();
        d.drive_to(Step::Act).await;
        d.complete().await;
        d.mv(Move::LoopBack(Loop::LocalHelixBuilding)).await.unwrap();
        d.drive_to(Step::Replicate).await;
        d.complete().await;
        let (third, _) = another_city(&db.store, "Łódź").await;
        let spawned = db
            .store
            .spawn(d.actor(Side::Initiator), d.id, None, third)
            .await
            .unwrap();
        assert_eq!(spawned.child.partnership.snapshot().origin, Some(d.id));
        assert_eq!(spawned.child.partnership.snapshot().counterpart, Some(third));
        crate::support::assert_same(&db.store.partnership(d.id).await.unwrap(), &spawned.origin.partnership, "SPAWNED");
        crate::support::assert_same(
            &db.store.partnership(spawned.child.partnership.id()).await.unwrap(),
            &spawned.child.partnership,
            "STARTED",
        );
        d.mv(Move::Conclude).await.unwrap();
        db.store
            .execute(
                d.actor(Side::Initiator),
                spawned.child.partnership.id(),
                Some(1),
                None,
                Command::Move(Move::Terminate { reason: "The new partner withdrew".into() }),
            )
            .await
            .unwrap();

        let mut kinds: BTreeSet<String> = db.store.history(d.id).await.unwrap().into_iter().map(|e| e.kind).collect();
        kinds.extend(db.store.history(spawned.child.partnership.id()).await.unwrap().into_iter().map(|e| e.kind));
        let missing: Vec<_> = ALL_KINDS.iter().filter(|k| !kinds.contains(**k)).collect();
        assert!(missing.is_empty(), "not exercised: {missing:?}");
        // Every event read back from the history converts to the domain's change.
        for e in db.store.history(d.id).await.unwrap() {
            let change = e.change().unwrap_or_else(|| panic!("{} does not read back", e.kind));
            assert_eq!(serde_json::to_value(&change).unwrap(), e.payload, "{}", e.kind);
            assert_eq!(e.partnership, Some(d.id));
        }
    }

    async fn kpi_values_keep_their_exact_value_and_unit(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.drive_to(Step::Measure).await;
        db.store
            .define_kpi(KpiDefinition::parse("SHARE_OF_GREEN_FREIGHT", "Share of rail freight", Unit::Percent, Direction::HigherIsBetter, "connectivity", None).unwrap())
            .await
            .unwrap();
        db.store
            .define_kpi(KpiDefinition::parse("JOINT_PROJECTS_VALUE", "Value of joint projects", Unit::Money, Direction::HigherIsBetter, "cooperation", Some(d.w.initiator())).unwrap())
            .await
            .unwrap();
        let cases: Vec<(&str, RawValue)> = vec![
            ("FDI_INBOUND", raw_money("0.01", "EUR")),
            ("JOINT_PROJECTS_VALUE", raw_money("0.0001", "CLF")),
            ("TRADE_VOLUME", raw_money("99999999999999.99", "CNY")),
            ("INVESTMENT_OUTBOUND", raw_money("1500", "JPY")),
            ("PARTNERSHIP_QUALITY", RawValue { score: Some(5), ..RawValue::default() }),
            ("NEW_KNOWLEDGE", RawValue { text: Some("Port logistics know-how, 港口".into()), ..RawValue::default() }),
            ("SHARE_OF_GREEN_FREIGHT", RawValue { percent: Some(Decimal::from_str("12.3456").unwrap()), ..RawValue::default() }),
            ("VISITORS", RawValue { count: Some(i64::from(u32::MAX) * 4), ..RawValue::default() }),
        ];
        let objective = d.w.objectives[0];
        for (code, value) in &cases {
            let definition = db.store.kpi_definition(code).await.unwrap();
            let selection = d.w.id();
            d.perform(Action::Do(Side::Initiator, Command::SelectKpi(SelectionDraft {
                id: selection,
                definition,
                objective: Some(objective),
                target: Some(value.clone()),
                reporting: vec![d.w.initiator()],
            }))).await.unwrap();
            let id = d.w.id();
            let today = Utc::now().date_naive();
            d.perform(Action::Do(Side::Initiator, Command::RecordMeasurement(MeasurementDraft {
                id,
                selection,
                city: d.w.initiator(),
                period_start: today - Duration::days(365),
                period_end: today,
                value: value.clone(),
                source: "City statistics office".into(),
                note: String::new(),
                supersedes: None,
            }))).await.unwrap();
        }
        let stored = d.load().await;
        for (code, value) in cases {
            let s = stored.outputs().selections.iter().find(|s| s.kpi.as_str() == code).unwrap();
            let m = stored.outputs().measurements.iter().find(|m| m.selection == s.id).unwrap();
            let expected = c2c_domain::KpiValue::parse(s.unit, &value).unwrap();
            assert_eq!(m.value, expected, "{code}");
            assert_eq!(s.target.as_ref(), Some(&expected), "{code} target");
        }
        // Money keeps its currency's decimals when shown.
        let fdi = stored.outputs().measurements.iter().find(|m| matches!(&m.value, c2c_domain::KpiValue::Money(x) if x.currency.code() == "EUR")).unwrap();
        assert_eq!(fdi.value.to_string(), "0.01 EUR");
    }

    async fn thirty_two_concurrent_advances_of_one_partnership_let_exactly_one_win(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.complete().await;
        let version = d.load().await.version();
        let events_before = db.store.history(d.id).await.unwrap().len();
        let mut stores = Vec::new();
        for _ in 0..32 {
            stores.push(db.another_connection().await);
        }
        let barrier = Arc::new(tokio::sync::Barrier::new(32));
        let mut tasks = Vec::new();
        for store in stores {
            let barrier = barrier.clone();
            let actor = d.actor(Side::Initiator);
            let id = d.id;
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                store.execute(actor, id, Some(version), None, Command::Move(Move::Advance)).await
            }));
        }
        let mut won = 0;
        let mut conflicts = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(r) => {
                    won += 1;
                    assert_eq!(r.partnership.version(), version + 1);
                }
                Err(StoreError::VersionConflict { expected, actual }) => {
                    conflicts += 1;
                    assert_eq!((expected, actual), (version, version + 1));
                }
                Err(other) => panic!("unexpected error: {other:?}"),
            }
        }
        assert_eq!((won, conflicts), (1, 31));
        let after = d.load().await;
        assert_eq!(after.version(), version + 1);
        assert_eq!(after.state().step, Step::Commit);
        let history = db.store.history(d.id).await.unwrap();
        assert_eq!(history.len(), events_before + 1);
        assert_eq!(history.last().unwrap().kind, "ADVANCED");
    }

    async fn a_failure_after_the_first_write_leaves_no_trace(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.drive_to(Step::Do).await;
        let tables = ["partnership", "progress_report", "activity", "event", "team"];
        let mut counts = Vec::new();
        for t in tables {
            counts.push(db.count(t).await);
        }
        let before = d.load().await;
        let history = db.store.history(d.id).await.unwrap();

        // A move: its first write is the partnership row.
        db.store.fail_after_writes(1);
        let e = db.store.execute(d.actor(Side::Initiator), d.id, Some(before.version()), None, Command::Move(Move::Suspend { reason: "Elections".into() })).await;
        assert!(matches!(e, Err(StoreError::Injected(1))), "{e:?}");

        // An output that writes two rows (a report, and its activity's status).
        let activity = before.outputs().plan.as_ref().unwrap().activities[0].plan.id;
        let report = |id| Command::RecordProgress(ProgressDraft {
            id,
            activity,
            on: Utc::now().date_naive(),
            summary: "First cohort travelled".into(),
            status: ActivityStatus::InProgress,
            reason: None,
            percent: Some(10),
        });
        for writes in [1, 2, 3] {
            db.store.fail_after_writes(writes);
            let id = d.w.id();
            let e = db.store.execute(d.actor(Side::Initiator), d.id, None, None, report(id)).await;
            assert!(matches!(e, Err(StoreError::Injected(n)) if n == writes), "{e:?}");
        }
        db.store.fail_after_writes(0);

        let after = d.load().await;
        crate::support::assert_same(&after, &before, "the injected failures");
        assert_eq!(db.store.history(d.id).await.unwrap(), history);
        for (t, n) in tables.iter().zip(counts) {
            assert_eq!(db.count(t).await, n, "rows of {t}");
        }
        // Without the fault, the same command goes through.
        let id = d.w.id();
        db.store.execute(d.actor(Side::Initiator), d.id, None, None, report(id)).await.unwrap();
        assert_eq!(db.store.history(d.id).await.unwrap().len(), history.len() + 1);
    }

    async fn loading_an_aggregate_costs_the_same_statements_with_1_and_500_activities(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.drive_to(Step::Plan).await;
        d.check_round_trip = false;
        let initiator = d.w.initiator();
        let first = d.w.id();
        d.perform(Action::Do(Side::Initiator, Command::RecordPlan { title: "Plan".into(), summary: String::new() })).await.unwrap();
        d.perform(Action::Do(Side::Initiator, Command::RecordActivity(d.w.activity_draft(first, "Activity 1", initiator)))).await.unwrap();
        let count = |store: &c2c_store::Store| store.statement_count();
        let before = count(&db.store);
        let one = db.store.partnership(d.id).await.unwrap();
        let with_one = count(&db.store) - before;
        assert_eq!(one.outputs().plan.as_ref().unwrap().activities.len(), 1);

        for i in 2..=500 {
            let id = d.w.id();
            let draft = d.w.activity_draft(id, &format!("Activity {i}"), initiator);
            d.perform(Action::Do(Side::Initiator, Command::RecordActivity(draft))).await.unwrap();
        }
        let before = count(&db.store);
        let many = db.store.partnership(d.id).await.unwrap();
        let with_many = count(&db.store) - before;
        assert_eq!(many.outputs().plan.as_ref().unwrap().activities.len(), 500);
        assert_eq!(with_one, with_many);
        assert_eq!(with_one, LOAD_STATEMENTS);
    }

    async fn the_history_refuses_update_and_delete(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.complete().await;
        d.mv(Move::Advance).await.unwrap();
        let history = db.store.history(d.id).await.unwrap();
        assert!(db.raw("UPDATE event SET kind = 'FORGED'").await.is_err());
        assert!(db.raw("DELETE FROM event").await.is_err());
        assert_eq!(db.store.history(d.id).await.unwrap(), history);
    }

    async fn a_stale_version_is_a_version_conflict_that_writes_nothing(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.complete().await;
        let p = d.load().await;
        let events = db.count("event").await;
        let e = db
            .store
            .execute(d.actor(Side::Initiator), d.id, Some(p.version() - 1), None, Command::Move(Move::Advance))
            .await;
        assert!(matches!(e, Err(StoreError::VersionConflict { .. })), "{e:?}");
        assert_eq!(e.unwrap_err().code().as_str(), "VERSION_CONFLICT");
        assert_eq!(db.count("event").await, events);
        assert_eq!(d.load().await.state(), p.state());
    }

    async fn a_refused_move_lists_every_unmet_criterion_and_writes_nothing(db) {
        let d = Drive::start(&db.store, Step::Aim).await;
        let events = db.count("event").await;
        let e = db
            .store
            .execute(d.actor(Side::Initiator), d.id, None, None, Command::Move(Move::Advance))
            .await;
        match e {
            Err(StoreError::Domain(DomainError::Blocked { unmet, .. })) => {
                let codes: Vec<_> = unmet.iter().map(|u| u.criterion.code()).collect();
                assert_eq!(codes, ["AIM_VISION", "AIM_OBJECTIVE", "AIM_THEME", "AIM_STAKEHOLDER"]);
            }
            other => panic!("expected a blocked move, got {other:?}"),
        }
        assert_eq!(db.count("event").await, events);
        // Starting at Partner needs a standing strategy and commitment.
        let e = db.store.start(d.actor(Side::Initiator), Step::Partner, None, None).await;
        assert_eq!(e.unwrap_err().code().as_str(), "TRANSITION_BLOCKED");
        assert_eq!(db.count("partnership").await, 1);
    }

    async fn strategies_and_commitments_are_versioned_per_city(db) {
        let w = World::new();
        set_up(&db.store, &w).await;
        let actor = crate::support::actor_of(&w, Side::Initiator);
        let (s1, _) = db.store.record_strategy(actor, w.strategy_draft()).await.unwrap();
        let mut revised = w.strategy_draft();
        revised.vision = "A green port city".into();
        let (s2, e2) = db.store.record_strategy(actor, revised).await.unwrap();
        let (c1, _) = db.store.record_commitment(actor, w.commitment_draft()).await.unwrap();
        assert_eq!((s1.version, s2.version, c1.version), (1, 2, 1));
        assert_eq!(e2.kind, "STRATEGY_RECORDED");
        assert_eq!(e2.partnership, None);
        let standing = db.store.standing(w.initiator()).await.unwrap();
        assert_eq!(standing.strategy.as_ref().unwrap().vision, "A green port city");
        assert_eq!(standing.strategy.unwrap(), s2);
        assert_eq!(standing.commitment.unwrap(), c1);
        let history: Vec<_> = db.store.city_history(w.initiator()).await.unwrap().into_iter().map(|e| e.kind).collect();
        assert_eq!(history, ["STRATEGY_RECORDED", "STRATEGY_RECORDED", "COMMITMENT_RECORDED"]);
    }

    async fn tokens_are_hashed_expire_and_can_be_revoked(db) {
        let w = World::new();
        set_up(&db.store, &w).await;
        let (secret, token) = db.store.issue_token(w.initiator_actor, "laptop", None).await.unwrap();
        assert!(secret.starts_with(c2c_store::TOKEN_PREFIX));
        assert_eq!(db.count("api_token").await, 1);
        assert_eq!(db.count(&format!("api_token WHERE hash = '{secret}'")).await, 0, "the secret is not stored");
        let (account, _) = db.store.authenticate(&secret).await.unwrap().unwrap();
        assert_eq!((account.id, account.role), (w.initiator_actor, Role::Editor));
        assert!(db.store.authenticate("c2c_0000").await.unwrap().is_none());
        let mut forged = secret.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == '0' { '1' } else { '0' });
        assert!(db.store.authenticate(&forged).await.unwrap().is_none());
        db.store.revoke_token(token.id).await.unwrap();
        assert!(db.store.authenticate(&secret).await.unwrap().is_none());

        let (short, _) = db
            .store
            .issue_token(w.initiator_actor, "short", Some(Utc::now() + Duration::milliseconds(300)))
            .await
            .unwrap();
        assert!(db.store.authenticate(&short).await.unwrap().is_some());
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        assert!(db.store.authenticate(&short).await.unwrap().is_none());
        assert!(db.store.issue_token(w.initiator_actor, "past", Some(Utc::now() - Duration::hours(1))).await.is_err());
    }

    async fn a_city_is_described_again_but_never_contains_itself(db) {
        let w = World::new();
        set_up(&db.store, &w).await;
        let (region, _) = another_city(&db.store, "Łódzkie").await;
        let mut draft = c2c_domain::CityDraft {
            name: "Gothenburg".into(),
            country: "SE".into(),
            parent: Some(region),
            areas: vec![c2c_domain::Area::Culture, c2c_domain::Area::Sport],
            looking_for_partner: true,
            ..c2c_domain::CityDraft::default()
        };
        let city = db.store.update_city(w.initiator(), draft.clone()).await.unwrap();
        assert_eq!(db.store.city(w.initiator()).await.unwrap(), city);
        assert_eq!(db.count("city_area").await, 2);
        // The region cannot be put inside the city it contains.
        let e = db
            .store
            .update_city(region, c2c_domain::CityDraft { name: "Łódzkie".into(), country: "PL".into(), parent: Some(w.initiator()), ..c2c_domain::CityDraft::default() })
            .await;
        assert_eq!(e.unwrap_err().code().as_str(), "INVALID_INPUT");
        draft.areas.clear();
        db.store.update_city(w.initiator(), draft).await.unwrap();
        assert_eq!(db.count("city_area").await, 0);
        let e = db.store.update_city(c2c_domain::CityId(uuid::Uuid::new_v4()), c2c_domain::CityDraft { name: "X".into(), country: "FR".into(), ..c2c_domain::CityDraft::default() }).await;
        assert_eq!(e.unwrap_err().code().as_str(), "NOT_FOUND");
    }

    async fn a_disabled_account_can_no_longer_authenticate(db) {
        let w = World::new();
        set_up(&db.store, &w).await;
        let (secret, _) = db.store.issue_token(w.initiator_actor, "laptop", None).await.unwrap();
        assert!(db.store.authenticate(&secret).await.unwrap().is_some());
        let account = db.store.disable_account(w.initiator_actor).await.unwrap();
        assert!(account.disabled_at.is_some());
        assert!(db.store.authenticate(&secret).await.unwrap().is_none());
        assert!(db.store.issue_token(w.initiator_actor, "again", None).await.is_err());
        assert_eq!(db.store.disable_account(w.initiator_actor).await.unwrap(), account, "disabling twice changes nothing");
    }

    async fn a_command_naming_an_unknown_city_is_not_found_and_writes_nothing(db) {
        let mut d = Drive::start(&db.store, Step::Aim).await;
        d.drive_to(Step::Partner).await;
        let events = db.count("event").await;
        let nowhere = c2c_domain::CityId(uuid::Uuid::new_v4());
        let e = db
            .store
            .execute(d.actor(Side::Initiator), d.id, None, None, Command::choose_counterpart(nowhere))
            .await;
        assert_eq!(e.unwrap_err().code().as_str(), "NOT_FOUND");
        let e = db.store.partnership(c2c_domain::PartnershipId(uuid::Uuid::new_v4())).await;
        assert_eq!(e.unwrap_err().code().as_str(), "NOT_FOUND");
        assert_eq!(db.count("event").await, events);
    }
}

#[tokio::test]
async fn an_unsupported_database_url_is_refused_with_its_password_hidden() {
    let e = c2c_store::Store::connect("mysql://root:hunter2@localhost/c2c")
        .await
        .unwrap_err();
    assert!(
        matches!(e, c2c_store::StoreError::UnsupportedUrl(_)),
        "{e:?}"
    );
    assert!(!e.to_string().contains("hunter2"));
}

#[tokio::test]
async fn a_sqlite_file_is_created_where_the_url_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested-name.db");
    assert!(!path.exists());
    let store = c2c_store::Store::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    assert!(path.exists());
    assert_eq!(store.kpi_definitions().await.unwrap().len(), 18);
}

#[tokio::test]
async fn postgres_connections_run_without_jit_compilation() {
    let db = TestDb::postgres().await;
    assert_eq!(db.setting("jit").await, "off");
}

#[tokio::test]
async fn platform_analytics_take_turns_and_leave_connections_for_the_rest() {
    use c2c_store::{FunnelFilter, Scope};
    // The test store has 4 connections, so 2 turns, and a pool wait of 2 s.
    let db = TestDb::postgres().await;
    // Every list waits behind this lock for longer than the pool's wait.
    let lock = db
        .held("LOCK TABLE partnership IN ACCESS EXCLUSIVE MODE")
        .await;
    let lists: Vec<_> = (0..6)
        .map(|_| {
            let store = db.store.clone();
            // A filter, so that the funnel counts the partnership rows.
            let since = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
            let filter = FunnelFilter {
                started_from: since,
                ..FunnelFilter::default()
            };
            tokio::spawn(async move { store.step_funnel(Scope::All, &filter).await })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for _ in 0..3 {
        tokio::time::timeout(std::time::Duration::from_secs(1), db.store.ping())
            .await
            .expect("two lists run, and a connection is free for the rest")
            .expect("ping");
    }
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    lock.release().await;
    for list in lists {
        list.await
            .unwrap()
            .expect("the list waited for its turn, not for a connection");
    }
}
