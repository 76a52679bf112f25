//! Who is signed in ([`User`], an extractor that sends everybody else to the
//! sign-in page), and signing in and out: with an e-mail and password, with a
//! one-time sign-in link, or by accepting an invitation. At every sign-in the
//! session gets a new id and a new form token.

use crate::WebState;
use crate::csrf;
use crate::lang::{self, local_path};
use crate::page::{Failure, Shell, Tr, UserBar, encode, render};
use askama::Template;
use axum::Form;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::AccountId;
use c2c_i18n::Lang;
use c2c_store::{Account, Role, SignIn};
use serde::Deserialize;
use tower_sessions::Session;
use uuid::Uuid;

/// The session key of the signed-in account.
const ACCOUNT: &str = "account";

/// A signed-in, enabled account, with its session and language.
#[derive(Debug, Clone)]
pub struct User {
    /// The account.
    pub account: Account,
    /// Its session.
    pub session: Session,
    /// The page's language.
    pub lang: Lang,
    /// Its city's name, for the header.
    pub place: String,
}

impl FromRequestParts<WebState> for User {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, Response> {
        let lang = lang::of_headers(&parts.headers);
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| Failure::Internal(lang).into_response())?;
        let here = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        let to_sign_in =
            || Redirect::to(&format!("/signin?next={}", encode(&here))).into_response();
        let Ok(Some(id)) = session.get::<Uuid>(ACCOUNT).await else {
            return Err(to_sign_in());
        };
        let account = match state.store.account(AccountId(id)).await {
            Ok(a) if a.disabled_at.is_none() => a,
            Ok(_) | Err(c2c_store::StoreError::NotFound { .. }) => {
                let _ = session.flush().await;
                return Err(to_sign_in());
            }
            Err(e) => return Err(Failure::of(lang, e).into_response()),
        };
        let place = match account.city {
            Some(c) => state
                .store
                .city(c)
                .await
                .map(|c| c.name)
                .map_err(|e| Failure::of(lang, e).into_response())?,
            None => Tr(lang).term("role", "OPERATOR"),
        };
        Ok(User {
            account,
            session,
            lang,
            place,
        })
    }
}

impl User {
    /// The translator of the user's pages.
    pub fn tr(&self) -> Tr {
        Tr(self.lang)
    }

    /// The frame of a page of this user.
    pub async fn shell(&self, title: String, here: &str) -> Shell {
        Shell {
            tr: self.tr(),
            title,
            user: Some(UserBar {
                name: self.account.name.clone(),
                place: self.place.clone(),
                invites: self.account.role != Role::Viewer,
                has_city: self.account.city.is_some(),
                operator: self.account.is_operator(),
            }),
            csrf: csrf::token(&self.session).await,
            here: here.to_owned(),
            flash: take_flash(&self.session).await,
        }
    }
}

/// Keeps a one-line notice for the next page ("Saved.").
pub async fn flash(session: &Session, text: String) {
    let _ = session.insert("flash", text).await;
}

async fn take_flash(session: &Session) -> Option<String> {
    session.remove::<String>("flash").await.ok().flatten()
}

/// Signs an account in: a new session id, a new form token.
async fn start_session(session: &Session, account: &Account) -> Result<(), Failure> {
    session
        .cycle_id()
        .await
        .map_err(|_| Failure::Internal(Lang::En))?;
    csrf::renew(session).await;
    session
        .insert(ACCOUNT, account.id.0)
        .await
        .map_err(|_| Failure::Internal(Lang::En))
}

async fn anonymous_shell(session: &Session, lang: Lang, title_id: &str, here: &str) -> Shell {
    let tr = Tr(lang);
    Shell {
        tr,
        title: tr.t(title_id),
        user: None,
        csrf: csrf::token(session).await,
        here: here.to_owned(),
        flash: take_flash(session).await,
    }
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    shell: Shell,
    email: String,
    next: String,
    error: Option<String>,
}

/// Where a form came from and goes back to.
#[derive(Debug, Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

/// `GET /signin`.
pub async fn sign_in_page(
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Query(q): Query<NextQuery>,
) -> Response {
    let shell = anonymous_shell(&session, lang, "signin-title", "/signin").await;
    render(&SignInPage {
        shell,
        email: String::new(),
        next: local_path(q.next.as_deref()).to_owned(),
        error: None,
    })
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /signin`.
pub async fn sign_in(
    State(state): State<WebState>,
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Form(form): Form<SignInForm>,
) -> Response {
    let next = local_path(form.next.as_deref()).to_owned();
    let tr = Tr(lang);
    let error = match state.store.sign_in(&form.email, &form.password).await {
        Ok(SignIn::Welcome(account)) => {
            return match start_session(&session, &account).await {
                Ok(()) => Redirect::to(&next).into_response(),
                Err(f) => f.into_response(),
            };
        }
        Ok(SignIn::Refused) => tr.t("signin-refused"),
        Ok(SignIn::Locked { until }) => tr.t1("signin-locked", "until", until.format("%H:%M UTC")),
        Err(e) => return Failure::of(lang, e).into_response(),
    };
    let shell = anonymous_shell(&session, lang, "signin-title", "/signin").await;
    render(&SignInPage {
        shell,
        email: form.email,
        next,
        error: Some(error),
    })
}

/// `POST /signout`.
pub async fn sign_out(session: Session) -> Response {
    let _ = session.flush().await;
    Redirect::to("/signin").into_response()
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    shell: Shell,
    secret: String,
    name: String,
    email: String,
    role: String,
    error: Option<String>,
}

/// `GET /invite/{secret}`: the invitation, and a form to choose a password.
pub async fn invitation_page(
    State(state): State<WebState>,
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Path(secret): Path<String>,
) -> Response {
    invitation_response(&state, &session, lang, secret, None).await
}

async fn invitation_response(
    state: &WebState,
    session: &Session,
    lang: Lang,
    secret: String,
    error: Option<String>,
) -> Response {
    let invitation = match state.store.invitation(&secret).await {
        Ok(Some(i)) => i,
        Ok(None) => return Failure::NotFound(lang).into_response(),
        Err(e) => return Failure::of(lang, e).into_response(),
    };
    let tr = Tr(lang);
    let role = tr.term("role", invitation.role.into());
    let shell = anonymous_shell(session, lang, "invitation-title", "/signin").await;
    render(&InvitationPage {
        shell,
        secret,
        name: invitation.name,
        email: invitation.email,
        role,
        error,
    })
}

/// The password chosen for an invitation.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    password: String,
    repeat: String,
}

/// `POST /invite/{secret}`: opens the account and signs it in.
pub async fn accept_invitation(
    State(state): State<WebState>,
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Path(secret): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    let tr = Tr(lang);
    if form.password != form.repeat {
        let error = Some(tr.t("invitation-repeat-differs"));
        return invitation_response(&state, &session, lang, secret, error).await;
    }
    if form.password.chars().count() < c2c_store::MIN_PASSWORD_CHARS {
        let error = Some(tr.n(
            "invitation-password-short",
            c2c_store::MIN_PASSWORD_CHARS as i64,
        ));
        return invitation_response(&state, &session, lang, secret, error).await;
    }
    match state.store.accept_invitation(&secret, &form.password).await {
        Ok(account) => match start_session(&session, &account).await {
            Ok(()) => Redirect::to("/").into_response(),
            Err(f) => f.into_response(),
        },
        Err(c2c_store::StoreError::Invalid { .. }) => Failure::NotFound(lang).into_response(),
        Err(e) => Failure::of(lang, e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "signin_link.html")]
struct SignInLinkPage {
    shell: Shell,
    secret: String,
}

/// `GET /signin/{secret}`: a button that uses the one-time link (a GET never
/// uses it up, so a link preview does not spend it).
pub async fn sign_in_link_page(
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Path(secret): Path<String>,
) -> Response {
    let shell = anonymous_shell(&session, lang, "signin-link-title", "/signin").await;
    render(&SignInLinkPage { shell, secret })
}

/// `POST /signin/{secret}`: signs in with the one-time link.
pub async fn use_sign_in_link(
    State(state): State<WebState>,
    session: Session,
    lang::UiLang(lang): lang::UiLang,
    Path(secret): Path<String>,
) -> Response {
    match state.store.use_sign_in_link(&secret).await {
        Ok(Some(account)) => match start_session(&session, &account).await {
            Ok(()) => Redirect::to("/").into_response(),
            Err(f) => f.into_response(),
        },
        Ok(None) => Failure::NotFound(lang).into_response(),
        Err(e) => Failure::of(lang, e).into_response(),
    }
}
