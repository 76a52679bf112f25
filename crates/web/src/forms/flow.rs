//! Recording what a form says: [`record`] a command (on success a notice
//! and back to the partnership; on refusal the same form with the store's
//! reasons next to their fields and nothing the user typed lost), and the two
//! handlers every partnership form is made of, [`show`] and [`submit`].

use super::common::{Check, load};
use super::model::{Fields, FormPage};
use crate::WebState;
use crate::auth::{User, flash};
use crate::page::{Failure, render};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::{Command, Partnership};

/// Records a command on a partnership for the user's city. On success: a
/// notice and back to the partnership (at `anchor`); on refusal: the form
/// again, with the reasons.
pub async fn record(
    state: &WebState,
    user: &User,
    p: &Partnership,
    command: Command,
    mut form: FormPage,
    anchor: &str,
) -> Result<Response, Failure> {
    let tr = user.tr();
    let actor = match user.account.editor() {
        Ok(a) => a,
        Err(e) => return Err(Failure::Forbidden(user.lang, e.to_string())),
    };
    match state
        .store
        .execute(actor, p.id(), None, None, command)
        .await
    {
        Ok(_) => {
            state.changed();
            flash(&user.session, tr.t("form-saved")).await;
            Ok(Redirect::to(&format!("/partnerships/{}{anchor}", p.id())).into_response())
        }
        Err(e) => {
            form.refuse(tr, e)?;
            Ok(form.refused())
        }
    }
}

/// Shows the form `build` makes for a partnership the user may see.
pub async fn show(
    state: &WebState,
    user: &User,
    id: uuid::Uuid,
    build: impl AsyncFnOnce(&Partnership, String) -> FormPage,
) -> Result<Response, Failure> {
    let (p, crumb) = load(state, user, id).await?;
    Ok(render(&build(&p, crumb).await))
}

/// Submits a form about a partnership: the form `build` makes, filled with
/// what was sent; `decide` reads the values into a command (recording the
/// errors of what does not read, or giving none); then [`record`].
pub async fn submit(
    state: &WebState,
    user: &User,
    (id, fields, anchor): (uuid::Uuid, &Fields, &str),
    build: impl AsyncFnOnce(&Partnership, String) -> FormPage,
    decide: impl FnOnce(&mut Check<'_>, &Partnership) -> Option<Command>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(state, user, id).await?;
    let mut form = build(&p, crumb).await;
    form.fill(fields);
    let mut check = Check::new(user.tr(), fields);
    let command = decide(&mut check, &p);
    match command.filter(|_| check.errors.is_empty()) {
        Some(command) => record(state, user, &p, command, form, anchor).await,
        None => {
            form.show(check.errors);
            Ok(form.refused())
        }
    }
}
