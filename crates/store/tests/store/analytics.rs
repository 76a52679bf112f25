//! Analytics on a hand-built dataset, every figure computed by hand below.
//!
//! Cities: A (SE, initiator of every partnership but P3), B (CN), C (PL),
//! D (CN), E (CN), F (CN, in D), G (FR).
//!
//! | | cities | story | now |
//! |---|---|---|---|
//! | P1 | A–B | Partner 2020-01-01, Plan 2020-03-01, Do 2020-04-10; last activity a progress report 2020-05-01; MoU valid until today+30, another until today+200 | DO, active, stalled |
//! | P2 | A–C | Partner 2022-01-01, suspended 2022-06-01 | PARTNER, suspended |
//! | P3 | C | Aim at today−1000, nothing recorded | AIM, active, stalled (by its start) |
//! | P4 | A–B | Partner 2021-01-01, terminated 2021-01-31; an overdue delegation | PARTNER, terminated |
//! | P5 | A–D | Partner at today−900; MoU signed today−800 (until today−400), renewed today−100 (until today−10); contacts (the meeting at today−4 joint); contact persons; KPIs | PARTNER, active |
//!
//! P5's contact persons: A names Anna from today−400 (announced) and Bo from
//! today−30 (not announced); Anna leaves at today−31 (announced); D names Li
//! from today−10 (its first person: not a change).

use crate::support::{TestDb, on_both_backends};
use c2c_domain::kpi::RawValue;
use c2c_domain::outputs::*;
use c2c_domain::standing::{
    CommitmentDraft, ContactTeam, Objective, PoliticalCommitment, Priority, ResourceDraft,
    StakeholderRole, StrategyDraft,
};
use c2c_domain::{
    AccountId, ActivityId, AgreementId, Area, AssessmentId, CityDraft, CityId, CityLevel, Command,
    ContactId, HelixSector, Involvement, MeasurementId, Move, PartnershipId, ProgressId,
    SelectionId, Step,
};
use c2c_store::{Actor, FunnelFilter, GroupBy, Page, Role, Scope, Store};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use std::str::FromStr;
use strum::IntoEnumIterator;

/// A page that holds every row of these small platforms.
const P: Page = Page {
    first: 100,
    skip: 0,
};
use uuid::Uuid;

struct Lab {
    store: Store,
    today: NaiveDate,
    a: Actor,
    b: Actor,
    c: Actor,
    d: Actor,
    e: CityId,
    f: CityId,
    g: CityId,
    p1: PartnershipId,
    p2: PartnershipId,
    p3: PartnershipId,
    p4: PartnershipId,
    p5: PartnershipId,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

async fn city(
    store: &Store,
    name: &str,
    country: &str,
    areas: Vec<Area>,
    looking: bool,
    parent: Option<CityId>,
) -> Actor {
    let id = CityId(Uuid::new_v4());
    store
        .create_city(
            id,
            CityDraft {
                name: name.into(),
                level: Some(CityLevel::City),
                parent,
                country: country.into(),
                areas,
                looking_for_partner: looking,
                ..CityDraft::default()
            },
        )
        .await
        .unwrap();
    let account = AccountId(Uuid::new_v4());
    store
        .create_account(account, &format!("{name} editor"), Role::Editor, Some(id))
        .await
        .unwrap();
    Actor { account, city: id }
}

impl Lab {
    async fn run(&self, who: Actor, p: PartnershipId, command: Command) {
        self.store
            .execute(who, p, None, None, command)
            .await
            .unwrap();
    }

    async fn mv(&self, who: Actor, p: PartnershipId, m: Move, on: NaiveDate) {
        self.store
            .execute(who, p, None, Some(midnight(on)), Command::Move(m))
            .await
            .unwrap();
    }

    async fn agreement(
        &self,
        p: PartnershipId,
        other: Actor,
        signed: NaiveDate,
        until: NaiveDate,
        renewal_of: Option<AgreementId>,
    ) -> AgreementId {
        let id = AgreementId(Uuid::new_v4());
        self.run(
            self.a,
            p,
            Command::RecordAgreement(AgreementDraft {
                id,
                kind: AgreementKind::Mou,
                title: format!("MoU until {until}"),
                areas: vec![Area::EducationResearch],
                binding: false,
                text: None,
                reference: None,
                valid_until: Some(until),
                renewal_of,
            }),
        )
        .await;
        for who in [self.a, other] {
            self.run(
                who,
                p,
                Command::SignAgreement {
                    agreement: id,
                    by: "Mayor".into(),
                    on: signed,
                    reference: None,
                },
            )
            .await;
        }
        id
    }

    async fn contact(
        &self,
        p: PartnershipId,
        kind: ContactKind,
        on: NaiveDate,
        due: Option<NaiveDate>,
    ) -> ContactId {
        self.contact_of(p, (kind, false), on, due).await
    }

    async fn contact_of(
        &self,
        p: PartnershipId,
        (kind, joint): (ContactKind, bool),
        on: NaiveDate,
        due: Option<NaiveDate>,
    ) -> ContactId {
        let id = ContactId(Uuid::new_v4());
        self.run(
            self.a,
            p,
            Command::RecordContact(ContactDraft {
                id,
                on,
                kind,
                direction: ContactDirection::Outbound,
                ours: Levels {
                    political: true,
                    technical: false,
                },
                theirs: Levels::default(),
                outcome: "Talks".into(),
                follow_up_due: due,
                joint,
            }),
        )
        .await;
        id
    }

    async fn select(&self, p: PartnershipId, code: &str, other: Actor) -> SelectionId {
        let id = SelectionId(Uuid::new_v4());
        let definition = self.store.kpi_definition(code).await.unwrap();
        self.run(
            self.a,
            p,
            Command::SelectKpi(SelectionDraft {
                id,
                definition,
                objective: None,
                target: None,
                reporting: vec![self.a.city, other.city],
            }),
        )
        .await;
        id
    }

    #[allow(clippy::too_many_arguments)]
    async fn measure(
        &self,
        who: Actor,
        p: PartnershipId,
        s: SelectionId,
        from: &str,
        to: &str,
        value: RawValue,
        supersedes: Option<MeasurementId>,
    ) -> MeasurementId {
        let id = MeasurementId(Uuid::new_v4());
        self.run(
            who,
            p,
            Command::RecordMeasurement(MeasurementDraft {
                id,
                selection: s,
                city: who.city,
                period_start: date(from),
                period_end: date(to),
                value,
                source: "Statistics office".into(),
                note: String::new(),
                supersedes,
            }),
        )
        .await;
        id
    }

    async fn build(db: &TestDb) -> Lab {
        let store = db.store.clone();
        let today = Utc::now().date_naive();
        let a = city(
            &store,
            "A",
            "SE",
            vec![Area::EducationResearch],
            false,
            None,
        )
        .await;
        let b = city(&store, "B", "CN", vec![Area::EducationResearch], true, None).await;
        let c = city(&store, "C", "PL", vec![], true, None).await;
        let d = city(&store, "D", "CN", vec![], true, None).await;
        let e = city(
            &store,
            "E",
            "CN",
            vec![Area::EducationResearch, Area::TransportLogistics],
            false,
            None,
        )
        .await
        .city;
        let f = city(
            &store,
            "F",
            "CN",
            vec![Area::EducationResearch],
            true,
            Some(d.city),
        )
        .await
        .city;
        let g = city(&store, "G", "FR", vec![Area::Sport], false, None)
            .await
            .city;

        // A's standing, so that it can start at Partner.
        let stakeholder = c2c_domain::StakeholderId(Uuid::new_v4());
        store
            .add_stakeholder(
                stakeholder,
                a.city,
                "University of A",
                HelixSector::Academia,
                Involvement::Deliverer,
            )
            .await
            .unwrap();
        let objective = c2c_domain::ObjectiveId(Uuid::new_v4());
        store
            .record_strategy(
                a,
                StrategyDraft {
                    vision: "An open port city".into(),
                    objectives: vec![Objective {
                        id: objective,
                        text: "More exchanges".into(),
                    }],
                    themes: vec![Area::EducationResearch, Area::TransportLogistics],
                    stakeholders: vec![stakeholder],
                    ..StrategyDraft::default()
                },
            )
            .await
            .unwrap();
        store
            .record_commitment(
                a,
                CommitmentDraft {
                    political: Some(PoliticalCommitment {
                        body: "Council".into(),
                        on: Some(date("2019-06-01")),
                        reference: "R1".into(),
                    }),
                    priorities: vec![Priority {
                        text: "Exchanges".into(),
                        objective: Some(objective),
                    }],
                    roles: vec![StakeholderRole {
                        stakeholder,
                        role: "Lead".into(),
                        responsibilities: "Exchanges".into(),
                    }],
                    resources: vec![ResourceDraft {
                        kind: "STAFF".into(),
                        description: "Two officers".into(),
                        amount: None,
                        currency: None,
                    }],
                    contact_team: Some(ContactTeam {
                        name: "International office".into(),
                        members: vec![],
                    }),
                    external_stakeholders: vec![],
                },
            )
            .await
            .unwrap();

        let start = |who: Actor, at: Step, on: NaiveDate| {
            let store = store.clone();
            async move {
                store
                    .start(who, at, None, Some(midnight(on)))
                    .await
                    .unwrap()
                    .partnership
                    .id()
            }
        };
        let p1 = start(a, Step::Partner, date("2020-01-01")).await;
        let p2 = start(a, Step::Partner, date("2022-01-01")).await;
        let p3 = start(c, Step::Aim, today - Duration::days(1000)).await;
        let p4 = start(a, Step::Partner, date("2021-01-01")).await;
        let p5 = start(a, Step::Partner, today - Duration::days(900)).await;
        let lab = Lab {
            store: store.clone(),
            today,
            a,
            b,
            c,
            d,
            e,
            f,
            g,
            p1,
            p2,
            p3,
            p4,
            p5,
        };

        // P1: through Partner and Plan to Do.
        lab.run(a, p1, Command::choose_counterpart(b.city)).await;
        lab.run(
            a,
            p1,
            Command::RecordAssessment(AssessmentDraft {
                id: AssessmentId(Uuid::new_v4()),
                candidate: b.city,
                on: date("2020-01-10"),
                items: SelectionCriterion::iter()
                    .map(|criterion| AssessmentItem {
                        criterion,
                        answer: Answer::Met,
                        note: String::new(),
                    })
                    .collect(),
            }),
        )
        .await;
        for who in [a, b] {
            lab.run(
                who,
                p1,
                Command::AgreePriority {
                    area: Area::EducationResearch,
                    by: "Mayor".into(),
                    on: date("2020-01-20"),
                },
            )
            .await;
        }
        lab.agreement(p1, b, date("2020-02-15"), today + Duration::days(30), None)
            .await;
        lab.agreement(p1, b, date("2020-02-16"), today + Duration::days(200), None)
            .await;
        lab.mv(a, p1, Move::Advance, date("2020-03-01")).await;
        lab.run(
            a,
            p1,
            Command::RecordPlan {
                title: "Plan".into(),
                summary: String::new(),
            },
        )
        .await;
        let activity = ActivityId(Uuid::new_v4());
        lab.run(
            a,
            p1,
            Command::RecordActivity(ActivityDraft {
                id: activity,
                title: "Exchange".into(),
                area: Some(Area::EducationResearch),
                description: String::new(),
                lead_city: Some(a.city),
                lead_stakeholder: Some(stakeholder),
                cities: vec![],
                funding: vec![FundingDraft {
                    amount: dec("1000"),
                    currency: "EUR".into(),
                    source: "Budget".into(),
                }],
                start: Some(date("2020-04-01")),
                due: Some(date("2021-04-01")),
                expected_results: "Ten exchanges".into(),
                resources: vec![],
            }),
        )
        .await;
        let version = store
            .partnership(p1)
            .await
            .unwrap()
            .outputs()
            .plan
            .as_ref()
            .unwrap()
            .version;
        for who in [a, b] {
            lab.run(
                who,
                p1,
                Command::Approve(ApprovalDraft {
                    subject: ApprovalSubject::Plan,
                    version,
                    by: "Council".into(),
                    on: date("2020-03-01"),
                    reference: "P".into(),
                }),
            )
            .await;
        }
        lab.mv(a, p1, Move::Advance, date("2020-04-10")).await;
        lab.run(
            a,
            p1,
            Command::RecordProgress(ProgressDraft {
                id: ProgressId(Uuid::new_v4()),
                activity,
                on: date("2020-05-01"),
                summary: "Started".into(),
                status: ActivityStatus::InProgress,
                reason: None,
                percent: None,
            }),
        )
        .await;

        // P2: suspended at Partner.
        lab.run(a, p2, Command::choose_counterpart(c.city)).await;
        lab.mv(
            a,
            p2,
            Move::Suspend {
                reason: "Elections".into(),
            },
            date("2022-06-01"),
        )
        .await;

        // P4: terminated after 30 days at Partner, with an overdue delegation.
        lab.run(a, p4, Command::choose_counterpart(b.city)).await;
        lab.contact(
            p4,
            ContactKind::Delegation,
            date("2021-01-05"),
            Some(date("2021-01-20")),
        )
        .await;
        lab.mv(
            a,
            p4,
            Move::Terminate {
                reason: "Dispute".into(),
            },
            date("2021-01-31"),
        )
        .await;

        // P5: agreements, contacts, an assessment of E, KPIs.
        lab.run(a, p5, Command::choose_counterpart(d.city)).await;
        let old = lab
            .agreement(
                p5,
                d,
                today - Duration::days(800),
                today - Duration::days(400),
                None,
            )
            .await;
        lab.agreement(
            p5,
            d,
            today - Duration::days(100),
            today - Duration::days(10),
            Some(old),
        )
        .await;
        // An agreement signed by one city only does not count.
        let half = AgreementId(Uuid::new_v4());
        lab.run(
            a,
            p5,
            Command::RecordAgreement(AgreementDraft {
                id: half,
                kind: AgreementKind::LetterOfIntent,
                title: "Unsigned letter".into(),
                areas: vec![],
                binding: false,
                text: None,
                reference: None,
                valid_until: Some(today + Duration::days(10)),
                renewal_of: None,
            }),
        )
        .await;
        lab.run(
            a,
            p5,
            Command::SignAgreement {
                agreement: half,
                by: "Mayor".into(),
                on: today - Duration::days(5),
                reference: None,
            },
        )
        .await;
        lab.contact(
            p5,
            ContactKind::Delegation,
            today - Duration::days(60),
            Some(today - Duration::days(30)),
        )
        .await;
        lab.contact(p5, ContactKind::Visit, today - Duration::days(20), None)
            .await;
        lab.contact(
            p5,
            ContactKind::Delegation,
            today - Duration::days(5),
            Some(today + Duration::days(10)),
        )
        .await;
        lab.contact_of(
            p5,
            (ContactKind::Meeting, true),
            today - Duration::days(4),
            None,
        )
        .await;
        let ids: std::collections::HashMap<&str, c2c_domain::ContactPersonId> =
            ["Anna", "Bo", "Li"]
                .into_iter()
                .map(|n| (n, c2c_domain::ContactPersonId(Uuid::new_v4())))
                .collect();
        let person = |name: &str, from: i64, until: Option<i64>, announced: bool| {
            Command::RecordContactPerson(ContactPersonDraft {
                id: ids[name],
                name: name.into(),
                role: "International office".into(),
                email: None,
                from: today - Duration::days(from),
                until: until.map(|u| today - Duration::days(u)),
                announced,
            })
        };
        lab.run(a, p5, person("Anna", 400, None, true)).await;
        lab.run(a, p5, person("Bo", 30, None, false)).await;
        lab.run(a, p5, person("Anna", 400, Some(31), true)).await;
        lab.run(d, p5, person("Li", 10, None, false)).await;
        let followed = lab
            .contact(
                p5,
                ContactKind::Delegation,
                today - Duration::days(50),
                Some(today - Duration::days(40)),
            )
            .await;
        lab.run(
            a,
            p5,
            Command::RecordFollowUp {
                contact: followed,
                on: today - Duration::days(45),
                note: "Thanks sent".into(),
            },
        )
        .await;
        lab.run(
            a,
            p5,
            Command::RecordAssessment(AssessmentDraft {
                id: AssessmentId(Uuid::new_v4()),
                candidate: e,
                on: today - Duration::days(3),
                items: SelectionCriterion::iter()
                    .enumerate()
                    .map(|(i, criterion)| AssessmentItem {
                        criterion,
                        answer: if i % 2 == 0 {
                            Answer::Met
                        } else {
                            Answer::NotMet
                        },
                        note: String::new(),
                    })
                    .collect(),
            }),
        )
        .await;

        let count = |n: i64| RawValue {
            count: Some(n),
            ..RawValue::default()
        };
        let money = |amount: &str, currency: &str| RawValue {
            amount: Some(dec(amount)),
            currency: Some(currency.into()),
            ..RawValue::default()
        };
        let visitors = lab.select(p5, "VISITORS", d).await;
        let v_a = lab
            .measure(
                a,
                p5,
                visitors,
                "2024-01-01",
                "2024-12-31",
                count(100),
                None,
            )
            .await;
        lab.measure(
            a,
            p5,
            visitors,
            "2024-01-01",
            "2024-12-31",
            count(120),
            Some(v_a),
        )
        .await;
        lab.measure(d, p5, visitors, "2024-01-01", "2024-12-31", count(50), None)
            .await;
        lab.measure(d, p5, visitors, "2024-01-01", "2024-12-31", count(55), None)
            .await;
        lab.measure(a, p5, visitors, "2023-01-01", "2023-12-31", count(80), None)
            .await;
        lab.measure(
            a,
            p5,
            visitors,
            "2025-01-01",
            "2025-06-30",
            count(999),
            None,
        )
        .await;
        let trade = lab.select(p5, "TRADE_VOLUME", d).await;
        lab.measure(
            a,
            p5,
            trade,
            "2024-01-01",
            "2024-06-30",
            money("1000.50", "EUR"),
            None,
        )
        .await;
        lab.measure(
            a,
            p5,
            trade,
            "2024-07-01",
            "2024-12-31",
            money("7000", "CNY"),
            None,
        )
        .await;
        let t_d = lab
            .measure(
                d,
                p5,
                trade,
                "2024-01-01",
                "2024-12-31",
                money("2000", "EUR"),
                None,
            )
            .await;
        lab.measure(
            d,
            p5,
            trade,
            "2024-01-01",
            "2024-12-31",
            money("2500.25", "EUR"),
            Some(t_d),
        )
        .await;
        lab
    }
}

on_both_backends! { TestDb::new;
    async fn the_step_funnel_counts_by_step_loop_and_status_with_filters_and_scope(db) {
        let lab = Lab::build(&db).await;
        let rows = |r: Vec<c2c_store::FunnelRow>| -> Vec<(String, String, String, u64)> {
            r.into_iter().map(|x| (x.step.code().into(), x.loop_.code().into(), x.status.code().into(), x.count)).collect()
        };
        let all = lab.store.step_funnel(Scope::All, &FunnelFilter::default()).await.unwrap();
        let t = |s: &str, l: &str, st: &str, n: u64| (s.to_owned(), l.to_owned(), st.to_owned(), n);
        // Unfiltered, the funnel reads the counts every change keeps; they say
        // what counting the rows through a filter that every partnership
        // passes says, after the migration that made them counted them again
        // (in one shard), and after a recount.
        let everyone = FunnelFilter { started_from: Some(date("1900-01-01")), ..FunnelFilter::default() };
        assert_eq!(lab.store.step_funnel(Scope::All, &everyone).await.unwrap(), all);
        db.redo_migrations_from("m20261203_100002_funnel_count").await;
        assert_eq!(lab.store.step_funnel(Scope::All, &FunnelFilter::default()).await.unwrap(), all);
        lab.store.recount_funnel().await.unwrap();
        assert_eq!(lab.store.step_funnel(Scope::All, &FunnelFilter::default()).await.unwrap(), all);
        assert_eq!(
            rows(all),
            vec![
                t("AIM", "CITY_DEVELOPMENT", "ACTIVE", 1),
                t("PARTNER", "NEW_PARTNERSHIP", "ACTIVE", 1),
                t("PARTNER", "NEW_PARTNERSHIP", "SUSPENDED", 1),
                t("PARTNER", "NEW_PARTNERSHIP", "TERMINATED", 1),
                t("DO", "NEW_PARTNERSHIP", "ACTIVE", 1),
            ]
        );
        let cn = lab.store.step_funnel(Scope::All, &FunnelFilter { country: Some("cn".into()), ..FunnelFilter::default() }).await.unwrap();
        assert_eq!(
            rows(cn),
            vec![
                t("PARTNER", "NEW_PARTNERSHIP", "ACTIVE", 1),
                t("PARTNER", "NEW_PARTNERSHIP", "TERMINATED", 1),
                t("DO", "NEW_PARTNERSHIP", "ACTIVE", 1),
            ]
        );
        let education = lab.store.step_funnel(Scope::All, &FunnelFilter { area: Some(Area::EducationResearch), ..FunnelFilter::default() }).await.unwrap();
        assert_eq!(rows(education), vec![t("DO", "NEW_PARTNERSHIP", "ACTIVE", 1)]);
        let started_2020s = FunnelFilter { started_from: Some(date("2020-01-01")), started_to: Some(date("2021-12-31")), ..FunnelFilter::default() };
        let early = lab.store.step_funnel(Scope::All, &started_2020s).await.unwrap();
        assert_eq!(rows(early), vec![t("PARTNER", "NEW_PARTNERSHIP", "TERMINATED", 1), t("DO", "NEW_PARTNERSHIP", "ACTIVE", 1)]);
        let c = lab.store.step_funnel(Scope::City(lab.c.city), &FunnelFilter::default()).await.unwrap();
        assert_eq!(rows(c), vec![t("AIM", "CITY_DEVELOPMENT", "ACTIVE", 1), t("PARTNER", "NEW_PARTNERSHIP", "SUSPENDED", 1)]);
    }

    async fn time_in_step_gives_median_and_p90_of_completed_stays_and_flags_open_ones(db) {
        let lab = Lab::build(&db).await;
        let now = midnight(lab.today);
        let rows = lab.store.time_in_step(Scope::All, now).await.unwrap();
        let at = |s: &str| rows.iter().find(|r| r.step.code() == s).unwrap().clone();
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-6);
        // Partner: P4 30 days, P1 60 days → median 45, p90 (nearest rank 2) 60.
        let partner = at("PARTNER");
        assert_eq!(partner.completed, 2);
        assert!(close(partner.median_days, 45.0), "{partner:?}");
        assert!(close(partner.p90_days, 60.0), "{partner:?}");
        // Open at Partner: P2 (suspended, still there) and P5.
        assert_eq!(partner.open, 2);
        let p2 = (lab.today - date("2022-01-01")).num_days() as f64;
        assert!(close(partner.open_median_days, (p2 + 900.0) / 2.0), "{partner:?}");
        let plan = at("PLAN");
        assert_eq!((plan.completed, plan.open), (1, 0));
        assert!(close(plan.median_days, 40.0) && close(plan.p90_days, 40.0), "{plan:?}");
        let doing = at("DO");
        assert_eq!((doing.completed, doing.open), (0, 1));
        assert!(close(doing.open_median_days, (lab.today - date("2020-04-10")).num_days() as f64));
        let aim = at("AIM");
        assert_eq!((aim.completed, aim.open), (0, 1));
        assert!(close(aim.open_median_days, 1000.0));
        assert_eq!(at("MEASURE").completed + at("MEASURE").open, 0);
        // Scoped to C: P2 and P3 only.
        let c = lab.store.time_in_step(Scope::City(lab.c.city), now).await.unwrap();
        let total: u64 = c.iter().map(|r| r.completed + r.open).sum();
        assert_eq!(total, 2);
    }

    async fn stalled_partnerships_are_judged_by_the_dates_things_happened(db) {
        let lab = Lab::build(&db).await;
        let stalled = lab.store.stalled_partnerships(Scope::All, 730, (lab.today, false), P).await.unwrap().items;
        let got: Vec<(PartnershipId, &str, NaiveDate, bool, i64)> = stalled.iter().map(|s| (s.partnership, s.status.code(), s.last_activity_on, s.any_activity, s.days_silent)).collect();
        // P2 is suspended (the survey's "not active, may resume") and silent
        // since its start.
        assert_eq!(
            got,
            vec![
                (lab.p1, "ACTIVE", date("2020-05-01"), true, (lab.today - date("2020-05-01")).num_days()),
                (lab.p2, "SUSPENDED", date("2022-01-01"), false, (lab.today - date("2022-01-01")).num_days()),
                (lab.p3, "ACTIVE", lab.today - Duration::days(1000), false, 1000),
            ]
        );
        assert_eq!(stalled[0].step.code(), "DO");
        // With a threshold past P3's age, P1 and P2 remain.
        let long = lab.store.stalled_partnerships(Scope::All, 1001, (lab.today, false), P).await.unwrap().items;
        assert_eq!(long.iter().map(|s| s.partnership).collect::<Vec<_>>(), vec![lab.p1, lab.p2]);
        // B sees only its own (P1), C its two, D none (P5 is active and lively).
        let b = lab.store.stalled_partnerships(Scope::City(lab.b.city), 730, (lab.today, false), P).await.unwrap().items;
        assert_eq!(b.iter().map(|s| s.partnership).collect::<Vec<_>>(), vec![lab.p1]);
        let c = lab.store.stalled_partnerships(Scope::City(lab.c.city), 730, (lab.today, false), P).await.unwrap().items;
        assert_eq!(c.iter().map(|s| s.partnership).collect::<Vec<_>>(), vec![lab.p2, lab.p3]);
        assert!(lab.store.stalled_partnerships(Scope::City(lab.d.city), 730, (lab.today, false), P).await.unwrap().items.is_empty());
        // The dates read as of today are kept in the partnership rows, by
        // every change, and filled by the migration that made them.
        assert_eq!(db.kept_dates_drift().await, 0, "kept by the changes");
        db.redo_migrations_from("m20261202_100001_last_activity").await;
        assert_eq!(db.kept_dates_drift().await, 0, "filled by the migrations");
        let again = lab.store.stalled_partnerships(Scope::All, 730, (lab.today, false), P).await.unwrap().items;
        assert_eq!(again, stalled);
    }

    async fn stalled_partnerships_count_only_joint_contacts_when_asked(db) {
        let lab = Lab::build(&db).await;
        // Joint only: P1 has no joint contact (judged by its start), P5's
        // joint meeting four days ago keeps it lively.
        let joint = lab.store.stalled_partnerships(Scope::All, 730, (lab.today, true), P).await.unwrap().items;
        let got: Vec<(PartnershipId, NaiveDate, bool)> = joint.iter().map(|s| (s.partnership, s.last_activity_on, s.any_activity)).collect();
        assert_eq!(
            got,
            vec![
                (lab.p1, date("2020-01-01"), false),
                (lab.p2, date("2022-01-01"), false),
                (lab.p3, lab.today - Duration::days(1000), false),
            ]
        );
        // Before the joint meeting, P5 (started 900 days ago) had none for
        // 730 days: judged by its start.
        let before = lab.today - Duration::days(5);
        let p5: Vec<(PartnershipId, i64)> = lab.store.stalled_partnerships(Scope::City(lab.d.city), 730, (before, true), P).await.unwrap().items.iter().map(|s| (s.partnership, s.days_silent)).collect();
        assert_eq!(p5, vec![(lab.p5, 895)]);
    }

    async fn the_alerts_can_be_asked_as_of_a_past_date(db) {
        let lab = Lab::build(&db).await;
        let s = &lab.store;
        // Stalled as of 2021-06-01, 365 days: P1's last activity was the
        // report of 2020-05-01 (396 days before); the others started later.
        let stalled: Vec<(PartnershipId, i64)> = s.stalled_partnerships(Scope::All, 365, (date("2021-06-01"), false), P).await.unwrap().items.iter().map(|x| (x.partnership, x.days_silent)).collect();
        assert_eq!(stalled, vec![(lab.p1, 396)]);
        // Time in step as of 2020-03-15: P1 stayed 60 days at Partner and is
        // 14 days into Plan; nothing else had started.
        let steps = s.time_in_step(Scope::All, midnight(date("2020-03-15"))).await.unwrap();
        let at = |code: &str| steps.iter().find(|r| r.step.code() == code).unwrap().clone();
        assert_eq!((at("PARTNER").completed, at("PARTNER").open, at("PARTNER").median_days), (1, 0, Some(60.0)));
        assert_eq!((at("PLAN").completed, at("PLAN").open, at("PLAN").open_median_days), (0, 1, Some(14.0)));
        // Expiring as of 200 days ago: P5's first MoU had expired (the
        // renewal was signed later); P1's expire beyond the window.
        let expiring: Vec<(PartnershipId, i64)> = s.expiring_agreements(Scope::All, 90, lab.today - Duration::days(200), P).await.unwrap().items.iter().map(|x| (x.partnership, x.days_left)).collect();
        assert_eq!(expiring, vec![(lab.p5, -200)]);
        // Unfollowed as of 25 days ago: the delegation due 30 days ago; the
        // visit and the last delegation had not happened yet.
        let unfollowed: Vec<(PartnershipId, String, i64)> = s.unfollowed_delegations(Scope::All, lab.today - Duration::days(25), P).await.unwrap().items.iter().map(|x| (x.partnership, x.kind.clone(), x.days_waiting)).collect();
        assert_eq!(unfollowed, vec![(lab.p5, "DELEGATION".into(), 5)]);
        // Without a plan as of 2020-02-28, 10 days: P1 signed on 2020-02-15
        // and approved its plan only on 2020-03-01.
        let without: Vec<(PartnershipId, NaiveDate, i64)> = s.agreements_without_plan(Scope::All, 10, date("2020-02-28"), P).await.unwrap().items.iter().map(|x| (x.partnership, x.signed_on, x.days_since)).collect();
        assert_eq!(without, vec![(lab.p1, date("2020-02-15"), 13)]);
    }

    async fn contact_person_changes_list_starts_after_a_first_person_and_every_leaving(db) {
        let lab = Lab::build(&db).await;
        let changes = lab.store.contact_person_changes(Scope::All, 90, lab.today, P).await.unwrap().items;
        let got: Vec<(PartnershipId, CityId, &str, &str, NaiveDate, bool)> = changes.iter().map(|c| (c.partnership, c.city, c.person.name.as_str(), c.kind.into(), c.on, c.announced)).collect();
        // Anna left 31 days ago (announced); Bo started 30 days ago, unannounced;
        // Li is D's first person, not a change; Anna's start is outside the window.
        assert_eq!(
            got,
            vec![
                (lab.p5, lab.a.city, "Anna", "ENDED", lab.today - Duration::days(31), true),
                (lab.p5, lab.a.city, "Bo", "STARTED", lab.today - Duration::days(30), false),
            ]
        );
        assert!(lab.store.contact_person_changes(Scope::All, 30, lab.today, P).await.unwrap().items.is_empty());
        assert!(lab.store.contact_person_changes(Scope::City(lab.b.city), 90, lab.today, P).await.unwrap().items.is_empty());
    }

    async fn one_sided_partnerships_are_those_where_one_city_recorded_most_of_what_happened(db) {
        let lab = Lab::build(&db).await;
        // P5 in the last 365 days: A recorded five contacts, a follow-up, two
        // signatures (the renewal and the letter) and Bo: 9; D its signature
        // of the renewal and Li: 2. 9 / 11 = 0.818…; nothing else is recent.
        let share = |s: &str| Decimal::from_str(s).unwrap();
        let list = lab.store.one_sided_partnerships(Scope::All, (share("0.8"), 5), (365, lab.today), P).await.unwrap().items;
        let got: Vec<(PartnershipId, CityId, CityId, u64, u64)> = list.iter().map(|x| (x.partnership, x.initiator, x.counterpart, x.initiator_items, x.counterpart_items)).collect();
        assert_eq!(got, vec![(lab.p5, lab.a.city, lab.d.city, 9, 2)]);
        assert!((list[0].share - 9.0 / 11.0).abs() < 1e-9);
        assert!(lab.store.one_sided_partnerships(Scope::All, (share("0.82"), 5), (365, lab.today), P).await.unwrap().items.is_empty());
        assert!(lab.store.one_sided_partnerships(Scope::All, (share("0.8"), 12), (365, lab.today), P).await.unwrap().items.is_empty());
        assert!(lab.store.one_sided_partnerships(Scope::City(lab.b.city), (share("0.5"), 1), (365, lab.today), P).await.unwrap().items.is_empty());
    }

    async fn kpi_totals_count_the_latest_unsuperseded_measurement_of_each_period_per_currency(db) {
        let lab = Lab::build(&db).await;
        let (from, to) = (date("2023-01-01"), date("2024-12-31"));
        let totals = |code: &'static str, g: GroupBy| {
            let store = lab.store.clone();
            async move { store.kpi_totals(Scope::All, code, (from, to), g, P).await.unwrap().items }
        };
        // VISITORS: A 2024 corrected 100 → 120, A 2023 80; D 2024 50 then 55
        // (the latest counts); A 2025 is out of the period.
        let by_city: Vec<(Option<CityId>, u64, Option<Decimal>, Option<Decimal>)> = totals("VISITORS", GroupBy::City)
            .await
            .into_iter()
            .map(|t| (t.city, t.count, t.sum, t.mean))
            .collect();
        assert_eq!(by_city.len(), 2);
        assert!(by_city.contains(&(Some(lab.a.city), 2, Some(dec("200")), Some(dec("100")))), "{by_city:?}");
        assert!(by_city.contains(&(Some(lab.d.city), 1, Some(dec("55")), Some(dec("55")))), "{by_city:?}");
        let by_country: Vec<(Option<String>, u64, Option<Decimal>)> = totals("VISITORS", GroupBy::Country)
            .await
            .into_iter()
            .map(|t| (t.country, t.count, t.sum))
            .collect();
        assert_eq!(by_country, vec![(Some("CN".into()), 1, Some(dec("55"))), (Some("SE".into()), 2, Some(dec("200")))]);
        let by_partnership = totals("VISITORS", GroupBy::Partnership).await;
        assert_eq!(by_partnership.len(), 1);
        assert_eq!((by_partnership[0].partnership, by_partnership[0].count, by_partnership[0].sum, by_partnership[0].mean), (Some(lab.p5), 3, Some(dec("255")), Some(dec("85"))));
        let y2024 = lab.store.kpi_totals(Scope::All, "VISITORS", (date("2024-01-01"), to), GroupBy::Partnership, P).await.unwrap().items;
        assert_eq!((y2024[0].count, y2024[0].sum), (2, Some(dec("175"))));

        // TRADE_VOLUME: money per currency, never mixed; D's 2000 EUR was
        // corrected to 2500.25 EUR.
        let trade: Vec<(Option<String>, Option<String>, u64, Option<Decimal>, Option<Decimal>)> = totals("TRADE_VOLUME", GroupBy::Country)
            .await
            .into_iter()
            .map(|t| (t.country, t.currency, t.count, t.sum, t.mean))
            .collect();
        assert_eq!(
            trade,
            vec![
                (Some("CN".into()), Some("EUR".into()), 1, Some(dec("2500.25")), Some(dec("2500.25"))),
                (Some("SE".into()), Some("CNY".into()), 1, Some(dec("7000")), Some(dec("7000"))),
                (Some("SE".into()), Some("EUR".into()), 1, Some(dec("1000.50")), Some(dec("1000.5"))),
            ]
        );
        let per_partnership: Vec<(Option<String>, u64, Option<Decimal>, Option<Decimal>)> = totals("TRADE_VOLUME", GroupBy::Partnership)
            .await
            .into_iter()
            .map(|t| (t.currency, t.count, t.sum, t.mean))
            .collect();
        assert_eq!(
            per_partnership,
            vec![(Some("CNY".into()), 1, Some(dec("7000")), Some(dec("7000"))), (Some("EUR".into()), 2, Some(dec("3500.75")), Some(dec("1750.375")))]
        );
        // Scoped to B, who is not party to P5: nothing.
        assert!(lab.store.kpi_totals(Scope::City(lab.b.city), "VISITORS", (from, to), GroupBy::City, P).await.unwrap().items.is_empty());
        assert_eq!(lab.store.kpi_totals(Scope::All, "NO_SUCH_KPI", (from, to), GroupBy::City, P).await.unwrap_err().code().as_str(), "NOT_FOUND");
    }

    async fn expiring_and_expired_agreements_of_active_partnerships_are_listed_unless_renewed(db) {
        let lab = Lab::build(&db).await;
        let list = lab.store.expiring_agreements(Scope::All, 90, lab.today, P).await.unwrap().items;
        let got: Vec<(PartnershipId, i64)> = list.iter().map(|x| (x.partnership, x.days_left)).collect();
        // P5's renewal expired ten days ago (its renewed predecessor is not
        // listed); P1's first MoU expires in 30 days; its second in 200 (beyond
        // 90); the letter signed by one city does not count.
        assert_eq!(got, vec![(lab.p5, -10), (lab.p1, 30)]);
        assert_eq!(list[1].valid_until, lab.today + Duration::days(30));
        let wide = lab.store.expiring_agreements(Scope::All, 365, lab.today, P).await.unwrap().items;
        assert_eq!(wide.iter().map(|x| x.days_left).collect::<Vec<_>>(), vec![-10, 30, 200]);
        assert!(lab.store.expiring_agreements(Scope::City(lab.c.city), 365, lab.today, P).await.unwrap().items.is_empty());
        // As of today the agreement rows say it (the day each was signed by
        // both, the first day a renewal of it was), kept by every signature
        // and filled by the migration that made them; as of yesterday the
        // signatures say the same.
        assert_eq!(db.kept_dates_drift().await, 0, "kept by the signatures");
        db.redo_migrations_from("m20261203_100003_agreement_standing").await;
        assert_eq!(db.kept_dates_drift().await, 0, "filled by the migration");
        assert_eq!(lab.store.expiring_agreements(Scope::All, 365, lab.today, P).await.unwrap().items, wide);
        let yesterday = lab.today - Duration::days(1);
        let before: Vec<i64> = lab.store.expiring_agreements(Scope::All, 366, yesterday, P).await.unwrap().items.iter().map(|x| x.days_left).collect();
        assert_eq!(before, vec![-9, 31, 201]);
    }

    async fn unfollowed_delegations_are_overdue_or_missing_on_live_partnerships(db) {
        let lab = Lab::build(&db).await;
        let list = lab.store.unfollowed_delegations(Scope::All, lab.today, P).await.unwrap().items;
        let got: Vec<(PartnershipId, String, Option<NaiveDate>, i64)> = list.iter().map(|x| (x.partnership, x.kind.clone(), x.follow_up_due, x.days_waiting)).collect();
        // P5's overdue delegation (due 30 days ago) and its visit with no
        // follow-up planned (20 days ago); not the delegation due in 10 days,
        // not the meeting, not the followed-up one, not P4's (terminated).
        assert_eq!(
            got,
            vec![
                (lab.p5, "DELEGATION".into(), Some(lab.today - Duration::days(30)), 30),
                (lab.p5, "VISIT".into(), None, 20),
            ]
        );
        assert!(lab.store.unfollowed_delegations(Scope::City(lab.b.city), lab.today, P).await.unwrap().items.is_empty());
    }

    async fn agreements_without_an_approved_plan_are_listed_after_n_days(db) {
        let lab = Lab::build(&db).await;
        let list = lab.store.agreements_without_plan(Scope::All, 180, lab.today, P).await.unwrap().items;
        let got: Vec<(PartnershipId, NaiveDate, i64)> = list.iter().map(|x| (x.partnership, x.signed_on, x.days_since)).collect();
        // P5 signed its first MoU 800 days ago and has no plan; P1's plan is
        // approved by both; P2 is suspended.
        assert_eq!(got, vec![(lab.p5, lab.today - Duration::days(800), 800)]);
        assert!(lab.store.agreements_without_plan(Scope::All, 801, lab.today, P).await.unwrap().items.is_empty());
        // As of today the partnership rows say it (the first day both signed,
        // the first plan approved by both), kept by every signature and
        // approval and filled by the migration that made them; as of
        // yesterday the signatures and approvals say the same.
        assert_eq!(db.kept_dates_drift().await, 0, "kept by the changes");
        db.redo_migrations_from("m20261203_100001_plan_waiting").await;
        assert_eq!(db.kept_dates_drift().await, 0, "filled by the migration");
        assert_eq!(lab.store.agreements_without_plan(Scope::All, 180, lab.today, P).await.unwrap().items, list);
        let yesterday = lab.today - Duration::days(1);
        let before: Vec<(PartnershipId, NaiveDate)> = lab.store.agreements_without_plan(Scope::All, 179, yesterday, P).await.unwrap().items.iter().map(|x| (x.partnership, x.signed_on)).collect();
        assert_eq!(before, vec![(lab.p5, lab.today - Duration::days(800))]);
    }

    async fn partner_suggestions_rank_candidates_with_every_part_of_the_score(db) {
        let lab = Lab::build(&db).await;
        let list = lab.store.partner_suggestions(lab.a.city, 10).await.unwrap();
        let got: Vec<(CityId, Decimal, [Decimal; 4])> = list
            .iter()
            .map(|s| (s.city.id, s.score, [s.shared_areas, s.looking_for_partner, s.existing_relations, s.prior_assessment]))
            .collect();
        // B, C and D are already partners (active or suspended); A itself is
        // out. F shares one of A's two themes, looks for a partner and is in
        // D, A's partner: 0.4×0.5 + 0.2 + 0.2 = 0.6. E shares both themes and
        // met 6 of 12 criteria in A's assessment: 0.4 + 0.2×0.5 = 0.5. G: 0.
        assert_eq!(
            got,
            vec![
                (lab.f, dec("0.6"), [dec("0.5"), dec("1"), dec("1"), dec("0")]),
                (lab.e, dec("0.5"), [dec("1"), dec("0"), dec("0"), dec("0.5")]),
                (lab.g, dec("0"), [dec("0"), dec("0"), dec("0"), dec("0")]),
            ]
        );
        assert_eq!(lab.store.partner_suggestions(lab.a.city, 1).await.unwrap().len(), 1);
    }

    async fn exports_stream_one_row_per_partnership_and_per_measurement_in_scope(db) {
        use futures_util::StreamExt;
        let lab = Lab::build(&db).await;
        let rows = |what, scope| {
            let store = lab.store.clone();
            async move {
                let mut out = Vec::new();
                let mut s = store.export(what, scope).await.unwrap();
                while let Some(r) = s.next().await {
                    out.push(r.unwrap());
                }
                out
            }
        };
        let all = rows(c2c_store::Export::Partnerships, Scope::All).await;
        assert_eq!(all.len(), 5);
        assert!(all.iter().all(|r| r.len() == c2c_store::Export::Partnerships.header().len()));
        let p1 = all.iter().find(|r| r[0] == lab.p1.to_string()).unwrap();
        assert_eq!((p1[2].as_str(), p1[5].as_str(), p1[7].as_str(), p1[10].as_str()), ("A", "B", "DO", "ACTIVE"));
        assert_eq!(rows(c2c_store::Export::Partnerships, Scope::City(lab.c.city)).await.len(), 2);
        let measurements = rows(c2c_store::Export::Measurements, Scope::All).await;
        assert_eq!(measurements.len(), 10);
        let corrected = measurements.iter().filter(|r| r[17] == "true").count();
        assert_eq!(corrected, 2, "two measurements are superseded");
        let eur: Vec<&Vec<String>> = measurements.iter().filter(|r| r[10] == "EUR").collect();
        assert!(eur.iter().any(|r| r[9] == "1000.50"), "money keeps its currency's decimals");
        assert!(rows(c2c_store::Export::Measurements, Scope::City(lab.b.city)).await.is_empty());
        let _ = (lab.p2, lab.p4, lab.g);
    }

    async fn each_analytics_query_costs_one_or_a_few_statements(db) {
        use futures_util::StreamExt;
        let lab = Lab::build(&db).await;
        let s = &lab.store;
        let scope = Scope::City(lab.a.city);
        let mut counts = Vec::new();
        macro_rules! measure {
            ($name:literal, $call:expr) => {{
                let before = s.statement_count();
                let _ = $call;
                counts.push(($name, s.statement_count() - before));
            }};
        }
        measure!("stepFunnel", s.step_funnel(scope, &FunnelFilter::default()).await.unwrap());
        measure!("timeInStep", s.time_in_step(scope, Utc::now()).await.unwrap());
        measure!("stalledPartnerships", s.stalled_partnerships(scope, 730, (lab.today, true), P).await.unwrap().items);
        measure!("kpiTotals", s.kpi_totals(scope, "VISITORS", (date("2020-01-01"), lab.today), GroupBy::Country, P).await.unwrap().items);
        measure!("expiringAgreements", s.expiring_agreements(scope, 90, lab.today, P).await.unwrap().items);
        measure!("unfollowedDelegations", s.unfollowed_delegations(scope, lab.today, P).await.unwrap().items);
        measure!("agreementsWithoutPlan", s.agreements_without_plan(scope, 180, lab.today, P).await.unwrap().items);
        measure!("contactPersonChanges", s.contact_person_changes(scope, 90, lab.today, P).await.unwrap().items);
        measure!("oneSidedPartnerships", s.one_sided_partnerships(scope, (Decimal::from_str("0.8").unwrap(), 5), (365, lab.today), P).await.unwrap().items);
        measure!("partnerSuggestions", s.partner_suggestions(lab.a.city, 10).await.unwrap());
        measure!("export", {
            let mut rows = s.export(c2c_store::Export::Measurements, scope).await.unwrap();
            while rows.next().await.is_some() {}
        });
        assert_eq!(
            counts,
            vec![
                ("stepFunnel", 1),
                ("timeInStep", 1),
                ("stalledPartnerships", 1),
                ("kpiTotals", 2),
                ("expiringAgreements", 1),
                ("unfollowedDelegations", 1),
                ("agreementsWithoutPlan", 1),
                ("contactPersonChanges", 1),
                ("oneSidedPartnerships", 1),
                ("partnerSuggestions", 7),
                ("export", 1),
            ]
        );
    }
}
