//! Two city teams take a partnership from Partner to Do in the browser, each
//! signing and approving its own side; a refused move shows its unmet
//! criteria; a stale confirmation gets the conflict page; 中文 shows the board
//! and the checklist in Chinese; no page asks any host but the server.
//! Screenshots of the board and the partnership page, in both languages, are
//! saved under `target/screenshots/`.

use super::browser::Browser;
use super::steps::{move_by, partner, plan};
use super::{PASSWORD, login, signed_in};
use crate::flow::Flow;
use crate::helpers::{TestApp, on_both_backends};
use chrono::Utc;

/// Nothing but the server was asked for the current page.
pub async fn only_the_server(b: &Browser) {
    let foreign = b.foreign_requests().await;
    assert!(foreign.is_empty(), "requests to other hosts: {foreign:?}");
}

/// The counterpart's editor accepts an invitation in the browser.
async fn invited(app: &TestApp) -> Browser {
    let invitation = c2c_store::Invitation {
        email: "editor@shanghai.test".into(),
        name: "Shanghai foreign affairs office".into(),
        role: c2c_store::Role::Editor,
        city: Some(c2c_domain::CityId(
            app.counterpart.id.parse().expect("a city id"),
        )),
        invited_by: None,
        expires_at: Utc::now() + chrono::Duration::days(1),
    };
    let secret = app
        .db
        .store
        .invite(&invitation)
        .await
        .expect("an invitation");
    let b = Browser::open(&app.address, "en", 1280).await;
    b.goto(&format!("/invite/{secret}")).await;
    assert!(b.text().await.contains("Shanghai foreign affairs office"));
    b.fill("password", PASSWORD).await;
    b.fill("repeat", PASSWORD).await;
    b.submit().await;
    assert_eq!(b.path().await, "/", "accepting the invitation signs in");
    b
}

/// A refused move lists every unmet criterion.
async fn refused_move(a: &Browser, page: &str) {
    move_by(a, page, "Advance to Do").await;
    let text = a.text().await;
    assert!(text.contains("The move was refused"), "{text}");
    for title in ["Plan has an activity", "Plan approved by both cities"] {
        assert!(text.contains(title), "the refusal names {title}: {text}");
    }
}

/// A confirmation opened before someone else's change gets the conflict
/// page, with the fresh state.
async fn stale_confirmation(a: &Browser, b: &Browser, page: &str) {
    a.goto(page).await;
    a.follow("Suspend").await;
    a.fill("reason", "Elections in both cities").await;
    // Meanwhile the counterpart names its team: the partnership changes.
    b.goto(page).await;
    b.follow_to("/team").await;
    b.fill("name", "Shanghai summer school team").await;
    b.submit().await;
    a.press("#confirm-move").await;
    let text = a.text().await;
    assert!(
        text.contains("Someone else changed this partnership"),
        "{text}"
    );
}

async fn in_chinese(a: &Browser, page: &str) {
    a.goto("/").await;
    a.follow("中文").await;
    let board = a.text().await;
    for word in ["本市的伙伴关系", "伙伴", "计划", "实施"] {
        assert!(
            board.contains(word),
            "the board in Chinese shows {word}: {board}"
        );
    }
    a.screenshot("board-zh").await;
    a.goto(page).await;
    let text = a.text().await;
    assert!(
        text.contains("核对清单"),
        "the checklist in Chinese: {text}"
    );
    assert!(!text.contains("Leaving"), "no English heading left: {text}");
    a.screenshot("partnership-zh").await;
    only_the_server(a).await;
}

async fn partner_to_do(app: TestApp) {
    let mut flow = Flow::start(&app).await;
    flow.aim().await;
    flow.commit().await;
    login(
        &app,
        &app.initiator.editor_account,
        "editor@gothenburg.test",
    )
    .await;
    let a = signed_in(&app, "editor@gothenburg.test", "en").await;
    let b = invited(&app).await;
    a.goto("/partnerships/new").await;
    a.tick("atStep", "PARTNER").await;
    a.choose("counterpartCityId", &app.counterpart.id).await;
    a.submit().await;
    let page = a.path().await;
    assert!(page.starts_with("/partnerships/"), "started: {page}");
    only_the_server(&a).await;
    partner(&a, &b, &page).await;
    move_by(&a, &page, "Advance to Plan").await;
    assert!(a.text().await.contains("The partnership has moved."));
    refused_move(&a, &page).await;
    plan(
        &a,
        &b,
        &page,
        (&app.initiator.id, &app.initiator.stakeholder),
    )
    .await;
    move_by(&a, &page, "Advance to Do").await;
    let current = a
        .client
        .find(fantoccini::Locator::Css("[aria-current=step]"))
        .await
        .expect("the current step")
        .text()
        .await
        .expect("its name");
    assert_eq!(current, "Do");
    a.screenshot("partnership-en").await;
    a.goto("/").await;
    a.screenshot("board-en").await;
    only_the_server(&a).await;
    stale_confirmation(&a, &b, &page).await;
    in_chinese(&a, &page).await;
    a.close().await;
    b.close().await;
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn two_cities_take_a_partnership_from_partner_to_do_in_the_browser(app) {
        partner_to_do(app).await;
    }
}
