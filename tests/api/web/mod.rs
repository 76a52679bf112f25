//! The web app, end to end: a real Chromium against the real server
//! (`browser.rs`), on PostgreSQL and SQLite. `journey.rs` takes a partnership
//! from Partner to Do with one session per city; `security.rs` checks form
//! tokens, sessions, the sign-in limit and what another city's session sees,
//! over plain HTTP with a cookie jar; `narrative.rs` works every step and loop,
//! and `operator.rs` the operator's platform after it.

mod browser;
mod journey;
mod narrative;
mod operator;
mod security;
mod steps;
mod tour;

use crate::helpers::TestApp;
use browser::Browser;
use c2c_domain::AccountId;

/// A browser on a server, for tests outside this module.
pub async fn open_browser(base: &str, lang: &str) -> Browser {
    Browser::open(base, lang, 1280).await
}

/// The password every web test account gets.
pub const PASSWORD: &str = "correct horse battery";

/// Gives an account an e-mail and the test password.
pub async fn login(app: &TestApp, account: &str, email: &str) {
    let id = AccountId(account.parse().expect("an account id"));
    app.db
        .store
        .set_email(id, email)
        .await
        .expect("set the e-mail");
    app.db
        .store
        .set_password(id, PASSWORD)
        .await
        .expect("set the password");
}

/// A browser signed in through the sign-in page.
pub async fn signed_in(app: &TestApp, email: &str, lang: &str) -> Browser {
    let b = Browser::open(&app.address, lang, 1280).await;
    b.goto("/signin").await;
    b.fill("email", email).await;
    b.fill("password", PASSWORD).await;
    b.submit().await;
    assert_eq!(b.path().await, "/", "signing in leads to the board");
    b
}

/// The form token of a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("a form token");
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}
