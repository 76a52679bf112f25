//! Tokens that cannot outlive their maker: a token minted through the API
//! expires no later than the token that minted it, and within the platform's
//! maximum lifetime (365 days by default); an account other than an
//! operator's mints tokens for itself only.

use crate::helpers::{Gql, TestApp, str_at};
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

const ISSUE: &str = "mutation($a: UUID!, $e: DateTime) { issueToken(accountId: $a, label: \"minted\", expiresAt: $e) { secret token { expiresAt } } }";

async fn issue(app: &TestApp, by: &str, account: &str, expires: Option<DateTime<Utc>>) -> Gql {
    app.gql(
        by,
        ISSUE,
        json!({ "a": account, "e": expires.map(|e| e.to_rfc3339()) }),
    )
    .await
}

fn expiry(r: &Gql) -> DateTime<Utc> {
    str_at(r.ok(), "/issueToken/token/expiresAt")
        .parse()
        .expect("an expiry")
}

crate::helpers::on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_minted_token_expires_no_later_than_its_maker_nor_the_platform_maximum(app) {
        let editor = app.initiator.editor_account.clone();
        // The operator gives the editor a token for ten days.
        let ten = Utc::now() + Duration::days(10);
        let parent = issue(&app, &app.operator, &editor, Some(ten)).await;
        let secret = str_at(parent.ok(), "/issueToken/secret");
        let parent_expiry = expiry(&parent);
        // With it, the editor mints a token: it expires with its maker.
        let child = issue(&app, &secret, &editor, None).await;
        assert_eq!(expiry(&child), parent_expiry);
        // A later expiry is refused, naming the field.
        let later = issue(&app, &secret, &editor, Some(ten + Duration::days(1))).await;
        assert_eq!(later.code(), Some("INVALID_INPUT"), "{:?}", later.errors);
        assert_eq!(later.errors[0]["extensions"]["field"], "expiresAt");
        // An earlier one is kept.
        let five = Utc::now() + Duration::days(5);
        let earlier = issue(&app, &secret, &editor, Some(five)).await;
        assert!((expiry(&earlier) - five).num_seconds().abs() < 2);
        // The operator's own token never expires, yet what it mints lives at
        // most the platform's 365 days.
        let default = issue(&app, &app.operator, &editor, None).await;
        let days = (expiry(&default) - Utc::now()).num_days();
        assert!((364..=365).contains(&days), "{days} days");
        let long = issue(&app, &app.operator, &editor, Some(Utc::now() + Duration::days(400))).await;
        assert_eq!(long.code(), Some("INVALID_INPUT"), "{:?}", long.errors);
        // A viewer mints for itself only.
        let viewer = &app.initiator.viewer;
        let own = issue(&app, viewer, &app.initiator.viewer_account, None).await;
        assert!(own.errors.is_empty(), "{:?}", own.errors);
        let other = issue(&app, viewer, &editor, None).await;
        assert_eq!(other.code(), Some("FORBIDDEN"));
    }
}
