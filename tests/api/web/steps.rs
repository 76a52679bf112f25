//! What a city officer does in the browser, step by step, for the web
//! journeys: fill a form and save it, move a partnership, and the outputs of
//! Partner and Plan that two cities record together.

use super::browser::Browser;
use chrono::{Days, Utc};
use strum::IntoEnumIterator;

/// How a field is filled.
pub enum Val<'a> {
    /// Typed text.
    Text(&'a str),
    /// A date, `YYYY-MM-DD`.
    Date(String),
    /// A select's option, by value.
    Choose(&'a str),
    /// A select's first real option (after "—").
    First,
    /// A radio button or checkbox, by value.
    Tick(&'a str),
    /// The first checkbox of the name.
    TickFirst,
    /// Every checkbox of the name.
    TickAll,
}

/// Today, `YYYY-MM-DD`.
pub fn today() -> String {
    Utc::now().date_naive().to_string()
}

/// A date `n` days from today.
pub fn in_days(n: u64) -> String {
    Utc::now()
        .date_naive()
        .checked_add_days(Days::new(n))
        .unwrap_or_default()
        .to_string()
}

/// A date `n` days ago.
pub fn days_ago(n: u64) -> String {
    Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(n))
        .unwrap_or_default()
        .to_string()
}

/// Opens `path`, fills the fields, saves, and checks that it was saved.
pub async fn form(b: &Browser, path: &str, fields: &[(&str, Val<'_>)]) {
    b.goto(path).await;
    for (name, value) in fields {
        match value {
            Val::Text(t) => b.fill(name, t).await,
            Val::Date(d) => b.date(name, d).await,
            Val::Choose(v) => b.choose(name, v).await,
            Val::First => b.choose_index(name, 1).await,
            Val::Tick(v) => b.tick(name, v).await,
            Val::TickFirst => b.click(&format!("input[name=\"{name}\"]")).await,
            Val::TickAll => b.click_all(&format!("input[name=\"{name}\"]")).await,
        }
    }
    b.submit().await;
    let text = b.text().await;
    assert!(text.contains("Saved."), "{path} was not saved:\n{text}");
}

/// Opens a move's confirmation from the partnership page and confirms it.
pub async fn move_by(b: &Browser, partnership: &str, label: &str) {
    b.goto(partnership).await;
    b.follow(label).await;
    b.press("#confirm-move").await;
}

/// A move that must succeed.
pub async fn moved(b: &Browser, partnership: &str, label: &str) {
    move_by(b, partnership, label).await;
    let text = b.text().await;
    assert!(
        text.contains("The partnership has moved."),
        "{label} was refused:\n{text}"
    );
}

/// Partner: the initiator assesses the counterpart, both agree a first
/// priority area, the initiator records an MoU, both sign it.
pub async fn partner(a: &Browser, b: &Browser, page: &str) {
    let mut assessment: Vec<(&str, Val)> = vec![("on", Val::Date(today()))];
    for c in c2c_domain::outputs::SelectionCriterion::iter() {
        assessment.push((c.code(), Val::Tick("MET")));
    }
    form(a, &format!("{page}/assessment"), &assessment).await;
    for (side, by) in [(a, "Mayor of Gothenburg"), (b, "Mayor of Shanghai")] {
        form(
            side,
            &format!("{page}/priorities"),
            &[
                ("area", Val::Choose("EDUCATION_RESEARCH")),
                ("by", Val::Text(by)),
                ("on", Val::Date(today())),
            ],
        )
        .await;
    }
    form(
        a,
        &format!("{page}/agreements/new"),
        &[
            ("kind", Val::Choose("MOU")),
            ("title", Val::Text("MoU on education and research")),
            ("areas", Val::Tick("EDUCATION_RESEARCH")),
            ("validUntil", Val::Date(in_days(3 * 365))),
        ],
    )
    .await;
    for (side, by) in [(a, "Mayor of Gothenburg"), (b, "Mayor of Shanghai")] {
        side.goto(page).await;
        side.follow("Sign for our city").await;
        side.fill("by", by).await;
        side.date("on", &today()).await;
        side.submit().await;
        assert!(side.text().await.contains("Saved."));
    }
}

/// Plan: the initiator writes the plan and one complete activity led by
/// its city and stakeholder; both cities approve the version.
pub async fn plan(a: &Browser, b: &Browser, page: &str, (city, stakeholder): (&str, &str)) {
    form(
        a,
        &format!("{page}/plan"),
        &[
            ("title", Val::Text("Joint action plan 2027")),
            (
                "summary",
                Val::Text("Student exchanges and a joint summer school"),
            ),
        ],
    )
    .await;
    form(
        a,
        &format!("{page}/activities/new"),
        &[
            ("title", Val::Text("Summer school on port cities")),
            ("area", Val::Choose("EDUCATION_RESEARCH")),
            ("leadCityId", Val::Choose(city)),
            ("leadStakeholderId", Val::Choose(stakeholder)),
            ("start", Val::Date(days_ago(10))),
            ("due", Val::Date(in_days(90))),
            (
                "expectedResults",
                Val::Text("Forty students from both cities"),
            ),
            ("funding1Amount", Val::Text("25000")),
            ("funding1Currency", Val::Text("SEK")),
            ("funding1Source", Val::Text("City of Gothenburg")),
        ],
    )
    .await;
    approve_plan(a, b, page).await;
}

/// Both cities approve the current plan version.
pub async fn approve_plan(a: &Browser, b: &Browser, page: &str) {
    for (side, by) in [
        (a, "Gothenburg City Council"),
        (b, "Shanghai People's Government"),
    ] {
        form(
            side,
            &format!("{page}/approvals/plan"),
            &[("by", Val::Text(by)), ("on", Val::Date(today()))],
        )
        .await;
    }
}
