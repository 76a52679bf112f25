//! Inviting a colleague: an editor invites an editor or viewer of its own
//! city; an operator invites anyone. The page shows the one-time link to send.

use crate::WebState;
use crate::auth::User;
use crate::forms::{Field, Fields, FormPage, Group, Input};
use crate::page::{Failure, render};
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use c2c_store::{Invitation, Role, StoreError};
use chrono::{Duration, Utc};

/// Days an invitation stays valid.
const VALID_DAYS: i64 = 7;

fn roles(user: &User) -> Vec<(String, String)> {
    let tr = user.tr();
    let mut roles = vec![Role::Editor, Role::Viewer];
    if user.account.is_operator() {
        roles.push(Role::Operator);
    }
    roles
        .into_iter()
        .map(|r| {
            let code: &'static str = r.into();
            (code.to_owned(), tr.term("role", code))
        })
        .collect()
}

async fn invite_form(user: &User) -> Result<FormPage, Failure> {
    let tr = user.tr();
    if user.account.role == Role::Viewer {
        return Err(Failure::Forbidden(user.lang, tr.t("invite-viewer")));
    }
    let fields = vec![
        Field::new("name", tr.t("invite-name"), Input::Text).required(),
        Field::new("email", tr.t("signin-email"), Input::Text).required(),
        Field::new("role", tr.t("invitation-role"), Input::Radio(roles(user)))
            .required()
            .value("EDITOR"),
    ];
    Ok(FormPage {
        shell: user.shell(tr.t("nav-invite"), "/invitations/new").await,
        question: String::new(),
        action: "/invitations/new".to_owned(),
        back: "/".to_owned(),
        crumb: tr.t("board-title"),
        intro: Some(tr.t1("invite-intro", "city", &user.place)),
        groups: vec![Group {
            legend: None,
            fields,
        }],
        submit: tr.t("invite-submit"),
        error: None,
        hidden: Vec::new(),
    })
}

/// `GET /invitations/new`.
pub async fn page(user: User) -> Result<Response, Failure> {
    Ok(render(&invite_form(&user).await?))
}

/// `POST /invitations/new`: makes the link and shows it.
pub async fn invite(
    State(state): State<WebState>,
    user: User,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let tr = user.tr();
    let mut form = invite_form(&user).await?;
    form.fill(&fields);
    let role: Role = fields.get("role").parse().unwrap_or(Role::Viewer);
    let city = if role == Role::Operator {
        None
    } else {
        user.account.city
    };
    let invitation = Invitation {
        email: fields.get("email").to_owned(),
        name: fields.get("name").to_owned(),
        role,
        city,
        invited_by: Some(user.account.id),
        expires_at: Utc::now() + Duration::days(VALID_DAYS),
    };
    let permitted = user.account.is_operator() || (role != Role::Operator && city.is_some());
    if !permitted {
        return Err(Failure::Forbidden(user.lang, tr.t("invite-viewer")));
    }
    match state.store.invite(&invitation).await {
        Ok(secret) => {
            let host = headers
                .get(axum::http::header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("127.0.0.1:8080");
            form.intro = Some(tr.0.format(
                "invite-done",
                &[
                    ("name", invitation.name.clone().into()),
                    ("link", format!("http://{host}/invite/{secret}").into()),
                    ("days", VALID_DAYS.into()),
                ],
            ));
            form.groups.clear();
            Ok(render(&form))
        }
        Err(StoreError::Invalid { field, message }) => {
            form.show(vec![(field, message)]);
            Ok(form.refused())
        }
        Err(e) => Err(Failure::of(user.lang, e)),
    }
}
