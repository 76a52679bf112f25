//! `c2c seed-demo` end to end: the real binary loads the demo dataset into a
//! fresh database of each backend; the store then shows the stories the data
//! tells, and a second run changes no row of any table. The PostgreSQL test
//! fails, never skips, when the server cannot be reached.

use crate::helpers::c2c;
use c2c_domain::outputs::AgreementKind;
use c2c_domain::{CityId, Loop, Partnership, Status, Step};
use c2c_store::PartnershipFilter;
use c2c_store::testing::TestDb;
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

/// Runs `c2c seed-demo` against the database; returns its standard output.
async fn seed_demo(url: &str) -> String {
    let out = c2c()
        .arg("seed-demo")
        .env("DATABASE_URL", url)
        .output()
        .await
        .expect("run c2c seed-demo");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "c2c seed-demo failed ({}):\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    stdout
}

async fn counts(db: &TestDb) -> BTreeMap<&'static str, i64> {
    db.counts().await.into_iter().collect()
}

struct Loaded {
    cities: HashMap<String, CityId>,
    partnerships: Vec<Partnership>,
}

impl Loaded {
    fn city(&self, name: &str) -> CityId {
        *self
            .cities
            .get(name)
            .unwrap_or_else(|| panic!("no city named {name}"))
    }

    fn between(&self, initiator: &str, counterpart: &str) -> &Partnership {
        let (a, b) = (self.city(initiator), self.city(counterpart));
        self.partnerships
            .iter()
            .find(|p| p.snapshot().initiator == a && p.snapshot().counterpart == Some(b))
            .unwrap_or_else(|| panic!("no partnership {initiator}–{counterpart}"))
    }
}

async fn check(db: TestDb, backend: &str) {
    let began = Instant::now();
    let first = seed_demo(&db.url).await;
    let seconds = began.elapsed().as_secs_f64();
    eprintln!("{backend}: c2c seed-demo took {seconds:.1} s (debug build, process included)");
    assert!(first.contains("demo loaded into"), "{first}");
    assert!(
        first.contains("token   c2c_"),
        "the tokens are printed:\n{first}"
    );

    let loaded = load(&db).await;
    the_sources_stories_are_told(&db, &loaded).await;
    every_filler_says_so(&loaded);

    // A second run changes nothing.
    let before = counts(&db).await;
    let second = seed_demo(&db.url).await;
    assert!(second.contains("already loaded"), "{second}");
    assert!(!second.contains("token   c2c_"), "no new token:\n{second}");
    assert!(second.contains("c2c token create --account"), "{second}");
    let after = counts(&db).await;
    assert_eq!(before, after, "a second seed-demo changes no table");
}

/// The cities and partnerships as loaded: every step and loop has a
/// partnership, every history starts with the start and has its moves in
/// order, none in the future.
async fn load(db: &TestDb) -> Loaded {
    let store = &db.store;
    let cities: HashMap<String, CityId> = store
        .cities()
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    assert_eq!(cities.len(), 140, "the cities of demo/platform.toml");
    let (ids, more) = store
        .list_partnerships(&PartnershipFilter::default(), 1000, None)
        .await
        .unwrap();
    assert!(!more);
    assert_eq!(ids.len(), 128, "the partnerships of demo/platform.toml");
    let partnerships = store.partnerships_by_id(&ids).await.unwrap();
    let steps: HashSet<Step> = partnerships.iter().map(|p| p.state().step).collect();
    let loops: HashSet<Loop> = partnerships.iter().map(|p| p.state().loop_).collect();
    for step in [
        Step::Aim,
        Step::Commit,
        Step::Partner,
        Step::Plan,
        Step::Do,
        Step::Measure,
        Step::Act,
        Step::Replicate,
    ] {
        assert!(steps.contains(&step), "no partnership at {}", step.code());
    }
    for l in [
        Loop::NewPartnership,
        Loop::ContinualImprovement,
        Loop::LocalHelixBuilding,
        Loop::CityDevelopment,
    ] {
        assert!(loops.contains(&l), "no partnership in loop {}", l.code());
    }
    let histories = store.histories(&ids).await.unwrap();
    for id in &ids {
        let history = &histories[id];
        assert_eq!(history[0].kind, "STARTED", "the history of {id}");
        let moves: Vec<_> = history
            .iter()
            .filter(|e| e.change().is_some_and(|c| c.is_move()))
            .map(|e| e.occurred_at)
            .collect();
        assert!(
            moves.windows(2).all(|w| w[0] <= w[1]),
            "moves of {id} in order"
        );
        assert!(
            moves.iter().all(|t| *t <= chrono::Utc::now()),
            "no move of {id} in the future"
        );
    }
    Loaded {
        cities,
        partnerships,
    }
}

/// The stories the sources tell, as the store shows them.
async fn the_sources_stories_are_told(db: &TestDb, loaded: &Loaded) {
    let store = &db.store;
    // Birmingham–Nanjing: the September 2018 MoU with its nine areas.
    let bn = loaded.between("Birmingham", "Nanjing");
    let (b, n) = (loaded.city("Birmingham"), loaded.city("Nanjing"));
    let mou = bn
        .outputs()
        .agreements
        .iter()
        .find(|a| a.kind == AgreementKind::Mou)
        .expect("the Birmingham–Nanjing MoU");
    assert_eq!(mou.areas.len(), 9);
    let signed = mou.signed_on(b, n).expect("signed by both cities");
    assert_eq!((signed.year(), signed.month()), (2018, 9));
    assert_eq!(bn.state().step, Step::Plan);

    // Gothenburg–Shanghai: continual improvement, a cycle per renewed MoU;
    // each cycle revised the plan; the 2017 MoU expired in 2020, so the
    // partnership cannot leave Act today.
    let gs = loaded.between("Gothenburg", "Shanghai");
    assert_eq!(gs.state().loop_, Loop::ContinualImprovement);
    assert_eq!((gs.state().step, gs.state().cycle), (Step::Act, 5));
    let renewals = gs
        .outputs()
        .agreements
        .iter()
        .filter(|a| a.renewal_of.is_some())
        .count();
    assert_eq!(renewals, 4, "renewed MoUs");
    let plan = gs
        .outputs()
        .plan
        .as_ref()
        .expect("the Gothenburg–Shanghai plan");
    assert_eq!(plan.version_cycle, 5, "the plan of the fifth cycle");
    let today = chrono::Utc::now().date_naive();
    let blocked: Vec<&str> = gs.readiness(today)[0]
        .unmet
        .iter()
        .map(|u| u.criterion.code())
        .collect();
    assert!(blocked.contains(&"AGREEMENT_IN_FORCE"), "{blocked:?}");

    // Castile and León–Nanjing: the student exchange planned to start in
    // 2020 is under way by its dates, with no team and no report yet.
    let cn = loaded.between("Castile and León", "Nanjing");
    assert_eq!(cn.state().step, Step::Do);
    let blocked: Vec<&str> = cn.readiness(today)[0]
        .unmet
        .iter()
        .map(|u| u.criterion.code())
        .collect();
    assert_eq!(blocked, ["DO_TEAMS", "DO_PROGRESS"]);

    // The survey's pairs: Liverpool's 2016 partnerships, Umbria's.
    for (city, partner, step) in [
        ("Liverpool", "Guiyang", Step::Plan),
        ("Liverpool", "Chongqing", Step::Plan),
        ("Liverpool", "Qingdao", Step::Plan),
        ("Liverpool", "Shandong", Step::Plan),
        ("Umbria", "Zhangjiajie", Step::Plan),
        ("Umbria", "Hunan", Step::Partner),
    ] {
        let p = loaded.between(city, partner);
        assert_eq!(p.state().step, step, "{city}–{partner}");
    }

    // Prague–Beijing: ended over one clause.
    let pb = loaded.between("Prague", "Beijing");
    assert_eq!(pb.state().status, Status::Terminated);

    // Łódzkie–Sichuan beside Łódź–Chengdu, each city in its region.
    let ls = loaded.between("Łódzkie Voivodeship", "Sichuan");
    let lc = loaded.between("Łódź", "Chengdu");
    assert_ne!(ls.id(), lc.id());
    let lodz = store.city(loaded.city("Łódź")).await.unwrap();
    assert_eq!(lodz.parent, Some(loaded.city("Łódzkie Voivodeship")));
    let chengdu = store.city(loaded.city("Chengdu")).await.unwrap();
    assert_eq!(chengdu.parent, Some(loaded.city("Sichuan")));

    // Castile and León's five partnerships.
    let cl = loaded.city("Castile and León");
    let castile = loaded
        .partnerships
        .iter()
        .filter(|p| p.snapshot().initiator == cl)
        .count();
    assert_eq!(castile, 5);

    // Rhône-Alpes–Shanghai: re-signed in 2017 as a renewal of the 1986 agreement.
    let ra = loaded.between("Auvergne-Rhône-Alpes", "Shanghai");
    let ra_parties = (loaded.city("Auvergne-Rhône-Alpes"), loaded.city("Shanghai"));
    let resigned = ra
        .outputs()
        .agreements
        .iter()
        .find(|a| {
            a.renewal_of.is_some()
                && a.signed_on(ra_parties.0, ra_parties.1)
                    .is_some_and(|d| d.year() == 2017)
        })
        .expect("the 2017 re-signing");
    let original = ra
        .outputs()
        .agreements
        .iter()
        .find(|a| Some(a.id) == resigned.renewal_of)
        .expect("the renewed agreement");
    assert_eq!(
        original
            .signed_on(ra_parties.0, ra_parties.1)
            .map(|d| d.year()),
        Some(1986)
    );
    assert_eq!(ra.state().loop_, Loop::CityDevelopment);

    // A spin-off carries its origin.
    assert!(
        loaded
            .partnerships
            .iter()
            .any(|p| p.snapshot().origin.is_some()),
        "spin-offs are spawned from their origins"
    );
}

/// Every filler says so; every measurement has a source; a filler
/// measurement never repeats a sourced value of its KPI; every assessment
/// answer names its source or says it is a filler.
fn every_filler_says_so(loaded: &Loaded) {
    let filler = c2c_demo::FILLER;
    for p in &loaded.partnerships {
        let o = p.outputs();
        for a in &o.agreements {
            if a.title.contains("demo filler") {
                assert!(a.text.as_deref().unwrap_or_default().starts_with(filler));
            }
        }
        for m in &o.measurements {
            assert!(!m.source.is_empty());
            if m.source.starts_with(filler) {
                assert!(m.note.starts_with(filler), "{}", m.note);
                let copied = o.measurements.iter().any(|x| {
                    x.selection == m.selection
                        && !x.source.starts_with(filler)
                        && x.value == m.value
                });
                assert!(!copied, "a filler copies a sourced value: {:?}", m.value);
            }
        }
        for a in &o.assessments {
            for i in &a.items {
                assert!(
                    i.note.starts_with(filler) || i.note.contains("Source:"),
                    "{:?}: {}",
                    i.criterion,
                    i.note
                );
            }
        }
        for r in o
            .plan
            .iter()
            .flat_map(|plan| plan.activities.iter())
            .flat_map(|a| a.progress.iter())
        {
            if r.status == c2c_domain::outputs::ActivityStatus::Cancelled {
                assert!(r.reason.as_deref().is_some_and(|x| !x.is_empty()));
            }
        }
    }
}

#[tokio::test]
async fn seed_demo_on_postgres() {
    check(TestDb::postgres().await, "PostgreSQL").await;
}

#[tokio::test]
async fn seed_demo_on_sqlite() {
    check(TestDb::sqlite().await, "SQLite").await;
}
