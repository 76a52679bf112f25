//! The whole narrative in the browser, with no API call: two city teams
//! invited by link record their city's strategy and commitment, start a
//! partnership at Aim, take it through all eight steps, loop back by
//! Continual improvement, finish the second cycle and spawn a new partnership
//! at Replicate. Every page they open is checked with axe-core (no serious or
//! critical violation); one move is made with the keyboard only; the board is
//! saved at 375 and 1280 pixels. An operator then works the platform
//! (`operator.rs`).

use super::PASSWORD;
use super::browser::Browser;
use super::steps::{Val, days_ago, form, in_days, moved, partner, plan, today};
use super::tour::tour;
use crate::helpers::serve;
use c2c_domain::{CityDraft, CityId};
use c2c_store::testing::{TestBackend, TestDb};
use c2c_store::{Invitation, Role, Store};
use chrono::Utc;
use uuid::Uuid;

/// The platform of the journey: three cities, nobody signed in yet.
struct Platform {
    _db: TestDb,
    store: Store,
    address: String,
    _stop: tokio::sync::oneshot::Sender<()>,
    gothenburg: CityId,
    shanghai: CityId,
    lodz: CityId,
}

async fn city(store: &Store, name: &str, country: &str, zone: &str) -> CityId {
    let id = CityId(Uuid::now_v7());
    store
        .create_city(
            id,
            CityDraft {
                name: name.into(),
                country: country.into(),
                time_zone: zone.into(),
                ..CityDraft::default()
            },
        )
        .await
        .expect("a city");
    id
}

async fn platform(backend: TestBackend) -> Platform {
    let db = TestDb::new(backend).await;
    let store = db.store.clone();
    let gothenburg = city(&store, "Gothenburg", "SE", "Europe/Stockholm").await;
    let shanghai = city(&store, "Shanghai", "CN", "Asia/Shanghai").await;
    let lodz = city(&store, "Łódź", "PL", "Europe/Warsaw").await;
    let (address, stop) = serve(store.clone()).await;
    Platform {
        _db: db,
        store,
        address,
        _stop: stop,
        gothenburg,
        shanghai,
        lodz,
    }
}

/// An editor of `city` invited by link (as `c2c invite` makes one), who
/// opens the account in the browser.
async fn editor(p: &Platform, city: CityId, name: &str, email: &str) -> Browser {
    let secret = p
        .store
        .invite(&Invitation {
            email: email.into(),
            name: name.into(),
            role: Role::Editor,
            city: Some(city),
            invited_by: None,
            expires_at: Utc::now() + chrono::Duration::days(1),
        })
        .await
        .expect("an invitation");
    let b = Browser::open(&p.address, "en", 1280).await;
    b.goto(&format!("/invite/{secret}")).await;
    b.fill("password", PASSWORD).await;
    b.fill("repeat", PASSWORD).await;
    b.submit().await;
    assert_eq!(b.path().await, "/");
    b
}

/// The page is accessible: no serious or critical axe-core violation.
async fn accessible(b: &Browser) {
    let path = b.path().await;
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{path}: {violations:#?}");
}

/// The city's standing, recorded in the browser: a stakeholder, a strategy
/// and a commitment.
async fn standing(a: &Browser) {
    form(
        a,
        "/city/stakeholders/new",
        &[
            ("name", Val::Text("University of Gothenburg")),
            ("sector", Val::Tick("ACADEMIA")),
            ("involvement", Val::Choose("DELIVERER")),
        ],
    )
    .await;
    accessible(a).await;
    form(
        a,
        "/city/strategy",
        &[
            (
                "vision",
                Val::Text("An open, green port city that learns from its partners"),
            ),
            (
                "objective-new1",
                Val::Text("Double academic exchanges with Asia"),
            ),
            ("themes", Val::Tick("EDUCATION_RESEARCH")),
            ("stakeholderIds", Val::TickFirst),
        ],
    )
    .await;
    form(
        a,
        "/city/commitment",
        &[
            ("politicalBody", Val::Text("City Council")),
            ("politicalOn", Val::Date(days_ago(30))),
            ("politicalReference", Val::Text("Resolution 2026/17")),
            (
                "priority1Text",
                Val::Text("One partner city in China for education"),
            ),
            ("priority1Objective", Val::First),
            ("role1Stakeholder", Val::First),
            ("role1Role", Val::Text("Academic lead")),
            ("role1Responsibilities", Val::Text("Runs the exchanges")),
            ("resource1Kind", Val::Text("Budget")),
            ("resource1Description", Val::Text("International office")),
            ("teamName", Val::Text("International Relations Office")),
        ],
    )
    .await;
    accessible(a).await;
}

/// Do, Measure and Act of one cycle; `period` is the measurement period's
/// start (days ago).
async fn deliver_measure_act(a: &Browser, b: &Browser, page: &str, period: u64, first: bool) {
    a.goto(page).await;
    a.follow_to("/progress").await;
    a.fill(
        "summary",
        "Forty students selected, the summer school is running",
    )
    .await;
    a.date("on", &today()).await;
    a.submit().await;
    assert!(a.text().await.contains("Saved."));
    moved(a, page, "Advance to Measure").await;
    accessible(a).await;
    if first {
        form(
            a,
            &format!("{page}/kpis/new"),
            &[
                ("kpiCode", Val::Choose("HIGH_LEVEL_VISITS")),
                ("objectiveId", Val::First),
                ("target", Val::Text("10")),
                ("reportingCityIds", Val::TickAll),
            ],
        )
        .await;
    }
    for side in [a, b] {
        side.goto(page).await;
        side.follow_to("/measurements/new").await;
        side.date("periodStart", &days_ago(period)).await;
        side.date("periodEnd", &days_ago(period - 20)).await;
        side.fill("valueCount", "3").await;
        side.fill("source", "Protocol office").await;
        side.submit().await;
        assert!(
            side.text().await.contains("Saved."),
            "{}",
            side.text().await
        );
    }
    form(
        a,
        &format!("{page}/feedback/new"),
        &[
            ("team", Val::Text("Summer school team")),
            ("text", Val::Text("Students asked for more company visits")),
            ("on", Val::Date(today())),
        ],
    )
    .await;
    form(
        a,
        &format!("{page}/adjustments/new"),
        &[("proposal", Val::Text("Add company visits"))],
    )
    .await;
    form(
        a,
        &format!("{page}/evaluation/new"),
        &[
            ("strengths", Val::Text("Strong demand")),
            ("challenges", Val::Text("Visas take long")),
            ("on", Val::Date(today())),
        ],
    )
    .await;
    moved(a, page, "Advance to Act").await;

    a.goto(page).await;
    a.follow_to("/decision").await;
    a.tick("outcome", "APPROVED").await;
    a.date("on", &today()).await;
    a.submit().await;
    for (side, by) in [
        (a, "Gothenburg City Council"),
        (b, "Shanghai People's Government"),
    ] {
        form(
            side,
            &format!("{page}/approvals/decisions"),
            &[("by", Val::Text(by)), ("on", Val::Date(today()))],
        )
        .await;
    }
}

async fn first_cycle(p: &Platform, a: &Browser, b: &Browser) -> String {
    a.goto("/partnerships/new").await;
    a.tick("atStep", "AIM").await;
    a.submit().await;
    assert!(a.text().await.contains("The partnership has started."));
    let page = a.path().await;
    accessible(a).await;
    moved(a, &page, "Advance to Commit").await;
    moved(a, &page, "Advance to Partner").await;
    form(
        a,
        &format!("{page}/counterpart"),
        &[("counterpartCityId", Val::Choose(&p.shanghai.to_string()))],
    )
    .await;
    partner(a, b, &page).await;
    accessible(b).await;
    moved(a, &page, "Advance to Plan").await;
    let stakeholder = p
        .store
        .stakeholders(p.gothenburg)
        .await
        .expect("stakeholders")[0]
        .id
        .to_string();
    plan(a, b, &page, (&p.gothenburg.to_string(), &stakeholder)).await;
    accessible(a).await;
    moved(a, &page, "Advance to Do").await;
    for (side, team) in [
        (a, "Gothenburg summer school team"),
        (b, "Shanghai summer school team"),
    ] {
        side.goto(&page).await;
        side.follow_to("/team").await;
        side.fill("name", team).await;
        side.submit().await;
    }
    deliver_measure_act(a, b, &page, 60, true).await;
    accessible(a).await;
    page
}

async fn second_cycle(a: &Browser, b: &Browser, page: &str) {
    // The plan is revised in the new cycle: the activity's due date moves.
    a.goto(page).await;
    a.follow("Summer school on port cities").await;
    a.date("due", &in_days(120)).await;
    a.submit().await;
    assert!(a.text().await.contains("Saved."));
    super::steps::approve_plan(a, b, page).await;
    moved(a, page, "Advance to Do").await;
    deliver_measure_act(a, b, page, 40, false).await;
    moved(a, page, "Advance to Replicate").await;
    form(
        a,
        &format!("{page}/lessons/new"),
        &[
            ("kind", Val::Tick("SUCCESS_FACTOR")),
            ("text", Val::Text("A joint summer school builds trust fast")),
        ],
    )
    .await;
    form(
        a,
        &format!("{page}/ex-post/new"),
        &[
            ("objectiveId", Val::First),
            ("foreseen", Val::Text("Twice the exchanges")),
            ("achieved", Val::Text("Forty students a year")),
            ("gap", Val::Text("Staff exchanges are missing")),
        ],
    )
    .await;
    accessible(a).await;
}

/// Every page of the app a city officer reaches: the city's pages, and for
/// each partnership its page and every form and move it links to.
async fn every_page(a: &Browser, partnerships: &[String]) -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/awaiting",
        "/city",
        "/portfolio",
        "/partnerships/new",
        "/invitations/new",
        "/city/strategy",
        "/city/commitment",
        "/city/stakeholders/new",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for p in partnerships {
        a.goto(p).await;
        paths.push(p.clone());
        for link in a.links("/partnerships/").await {
            if !paths.contains(&link) {
                paths.push(link);
            }
        }
    }
    paths.push(format!("/partnerships/{}", Uuid::now_v7()));
    paths
}

async fn whole_narrative(backend: TestBackend) {
    let p = platform(backend).await;
    let a = editor(
        &p,
        p.gothenburg,
        "Gothenburg international team",
        "editor@gothenburg.test",
    )
    .await;
    let b = editor(
        &p,
        p.shanghai,
        "Shanghai foreign affairs office",
        "editor@shanghai.test",
    )
    .await;
    standing(&a).await;
    let page = first_cycle(&p, &a, &b).await;
    // The loop back, with the keyboard only.
    a.goto(&page).await;
    a.tab_to_and_enter("Loop back: Continual improvement", 80)
        .await;
    a.tab_to_and_enter("Confirm", 40).await;
    assert!(a.text().await.contains("The partnership has moved."));
    assert!(a.text().await.contains("cycle 2"));
    second_cycle(&a, &b, &page).await;
    a.goto(&page).await;
    a.follow("Spawn a new partnership").await;
    a.choose("counterpart", &p.lodz.to_string()).await;
    a.press("#confirm-move").await;
    let spawned = a.text().await;
    assert!(spawned.contains("Gothenburg – Łódź"), "{spawned}");
    let child = a.path().await;
    assert!(child != page, "the new partnership's page");
    tour(&a, &every_page(&a, &[page.clone(), child]).await).await;
    b.close().await;
    for (width, name) in [(375, "board-375"), (1280, "board-1280")] {
        let small = Browser::open(&p.address, "en", width).await;
        small.goto("/signin").await;
        small.fill("email", "editor@gothenburg.test").await;
        small.fill("password", PASSWORD).await;
        small.submit().await;
        accessible(&small).await;
        small.screenshot(name).await;
        small.goto(&page).await;
        small.screenshot(&format!("partnership-{width}")).await;
        small.close().await;
    }
    a.close().await;
    let shanghai = "Shanghai foreign affairs office";
    super::operator::platform(&p.address, &p.store, "HIGH_LEVEL_VISITS", shanghai).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_cities_work_the_whole_narrative_in_the_browser_on_postgres() {
    whole_narrative(TestBackend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_cities_work_the_whole_narrative_in_the_browser_on_sqlite() {
    whole_narrative(TestBackend::Sqlite).await;
}
