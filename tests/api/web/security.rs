//! The web app's defences, over plain HTTP with a cookie jar: a form posted
//! without its token is refused; another city's session sees "not found",
//! exactly as for a partnership that does not exist; the sign-in limit holds;
//! the session id changes at sign-in; a sign-in link works once.

use super::{PASSWORD, csrf_of, login};
use crate::flow::Flow;
use crate::helpers::{TestApp, on_both_backends};
use reqwest::redirect::Policy;

fn jar_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("an HTTP client")
}

/// The value of the session cookie a response sets, if any.
fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix(&format!("{}=", c2c_web::SESSION_COOKIE)))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

/// Signs in with a form; returns the client and the answer's status.
async fn sign_in(
    app: &TestApp,
    email: &str,
    password: &str,
) -> (reqwest::Client, reqwest::Response) {
    let client = jar_client();
    let page = client
        .get(format!("{}/signin", app.address))
        .send()
        .await
        .expect("the sign-in page");
    let html = page.text().await.expect("its HTML");
    let answer = client
        .post(format!("{}/signin", app.address))
        .form(&[
            ("csrf", csrf_of(&html).as_str()),
            ("email", email),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .expect("the sign-in answer");
    (client, answer)
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn a_form_posted_without_its_token_is_refused_and_changes_nothing(app) {
        login(&app, &app.initiator.editor_account, "editor@gothenburg.test").await;
        let (client, answer) = sign_in(&app, "editor@gothenburg.test", PASSWORD).await;
        assert_eq!(answer.status().as_u16(), 303);
        let partnerships = app.count("partnership").await;
        for form in [vec![("atStep", "AIM")], vec![("atStep", "AIM"), ("csrf", "forged")]] {
            let refused = client
                .post(format!("{}/partnerships/new", app.address))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(refused.status().as_u16(), 403);
            assert!(refused.text().await.unwrap().contains("This form has expired"));
        }
        assert_eq!(app.count("partnership").await, partnerships);
    }

    async fn another_citys_session_finds_a_partnership_exactly_as_missing_as_one_that_does_not_exist(app) {
        let f = Flow::start(&app).await;
        login(&app, &app.unrelated.editor_account, "editor@lodz.test").await;
        let (client, _) = sign_in(&app, "editor@lodz.test", PASSWORD).await;
        let get = |id: String| {
            let client = client.clone();
            let url = format!("{}/partnerships/{id}", app.address);
            async move {
                let r = client.get(url).send().await.unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        let theirs = get(f.id.clone()).await;
        let missing = get(uuid::Uuid::new_v4().to_string()).await;
        assert_eq!(theirs.0, 404);
        assert_eq!(theirs, missing, "not yours and not there read the same");
        login(&app, &app.initiator.editor_account, "editor@gothenburg.test").await;
        let (own, _) = sign_in(&app, "editor@gothenburg.test", PASSWORD).await;
        let r = own.get(format!("{}/partnerships/{}", app.address, f.id)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 200, "the initiator's session sees it");
    }

    async fn five_wrong_passwords_lock_the_account_even_against_the_right_one(app) {
        login(&app, &app.initiator.editor_account, "editor@gothenburg.test").await;
        for attempt in 1..=c2c_store::MAX_FAILED_SIGN_INS {
            let (_, answer) = sign_in(&app, "editor@gothenburg.test", "wrong password!").await;
            assert_eq!(answer.status().as_u16(), 200, "attempt {attempt} stays on the form");
            let text = answer.text().await.unwrap();
            if attempt < c2c_store::MAX_FAILED_SIGN_INS {
                assert!(text.contains("The e-mail or the password is wrong"), "{text}");
            } else {
                assert!(text.contains("Too many failed attempts"), "{text}");
            }
        }
        let (client, answer) = sign_in(&app, "editor@gothenburg.test", PASSWORD).await;
        assert_eq!(answer.status().as_u16(), 200, "locked: the right password is refused");
        assert!(answer.text().await.unwrap().contains("Too many failed attempts"));
        let board = client.get(format!("{}/", app.address)).send().await.unwrap();
        assert_eq!(board.status().as_u16(), 303, "and nobody is signed in");
    }

    async fn the_session_id_changes_at_sign_in_and_sign_out_ends_the_session(app) {
        login(&app, &app.initiator.editor_account, "editor@gothenburg.test").await;
        let client = jar_client();
        let page = client.get(format!("{}/signin", app.address)).send().await.unwrap();
        let before = session_cookie(&page).expect("an anonymous session for the form token");
        let html = page.text().await.unwrap();
        let answer = client
            .post(format!("{}/signin", app.address))
            .form(&[("csrf", csrf_of(&html).as_str()), ("email", "editor@gothenburg.test"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), 303);
        let after = session_cookie(&answer).expect("a new session cookie at sign-in");
        assert_ne!(before, after, "the session id changes at sign-in");
        let cookie = answer.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
        let board = client.get(format!("{}/", app.address)).send().await.unwrap();
        let html = board.text().await.unwrap();
        let out = client
            .post(format!("{}/signout", app.address))
            .form(&[("csrf", csrf_of(&html).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(out.status().as_u16(), 303);
        let again = client.get(format!("{}/", app.address)).send().await.unwrap();
        assert_eq!(again.status().as_u16(), 303, "signed out: back to the sign-in page");
        assert_eq!(app.count("web_session").await, 0, "signing out deletes the session");
    }

    async fn a_sign_in_link_signs_in_once(app) {
        let account = c2c_domain::AccountId(app.counterpart.editor_account.parse().unwrap());
        let secret = app
            .db
            .store
            .sign_in_link(account, chrono::Utc::now() + chrono::Duration::hours(1))
            .await
            .unwrap();
        for (round, expected) in [(1, 303), (2, 404)] {
            let client = jar_client();
            let url = format!("{}/signin/{secret}", app.address);
            let html = client.get(&url).send().await.unwrap().text().await.unwrap();
            let r = client.post(&url).form(&[("csrf", csrf_of(&html))]).send().await.unwrap();
            assert_eq!(r.status().as_u16(), expected, "use {round}");
        }
    }
}
