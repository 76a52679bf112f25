//! Moving a partnership: a confirmation page that carries the version the
//! reader saw, then the store's move. A refused move shows every unmet
//! criterion; a version conflict says that someone else changed the
//! partnership and shows its fresh state.

use super::checklist::{Line, move_label, unmet_lines};
use super::common::{city_names, visible};
use super::partnership::{Overview, overview};
use crate::WebState;
use crate::auth::{User, flash};
use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::{
    CityId, Command, DomainError, Loop, Move, MoveKind, Partnership, PartnershipId, Readiness,
};
use c2c_store::StoreError;
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

/// The move a page asks for, as its link names it.
#[derive(Debug, Deserialize)]
pub struct MoveQuery {
    kind: String,
    #[serde(rename = "loop")]
    loop_: Option<String>,
    version: u64,
}

/// The confirmation form.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    kind: String,
    #[serde(rename = "loop", default)]
    loop_: Option<String>,
    version: u64,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    counterpart: String,
}

#[derive(Template)]
#[template(path = "move.html")]
struct MovePage {
    shell: Shell,
    id: PartnershipId,
    overview: Overview,
    label: String,
    kind: String,
    loop_: String,
    version: u64,
    needs_reason: bool,
    needs_counterpart: bool,
    cities: Vec<(CityId, String)>,
    unmet: Vec<Line>,
    refusal: Option<String>,
    conflict: bool,
    reason: String,
}

fn find(p: &Partnership, kind: &str, loop_: Option<&str>) -> Option<Readiness> {
    let kind: MoveKind = kind.parse().ok()?;
    let loop_: Option<Loop> = match loop_.filter(|l| !l.is_empty()) {
        Some(l) => Some(l.parse().ok()?),
        None => None,
    };
    p.readiness(Utc::now().date_naive())
        .into_iter()
        .find(|r| r.allowed.kind == kind && (loop_.is_none() || r.allowed.loop_ == loop_))
}

/// `GET /partnerships/{id}/move?kind=…&loop=…&version=…`: the confirmation.
pub async fn confirm(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Query(q): Query<MoveQuery>,
) -> Result<Response, Failure> {
    let p = visible(&state.store, &user, PartnershipId(id)).await?;
    let Some(r) = find(&p, &q.kind, q.loop_.as_deref()) else {
        // The move is no longer allowed (someone moved the partnership).
        return Ok(Redirect::to(&format!("/partnerships/{id}")).into_response());
    };
    let page = move_page(&state, &user, &p, &r, q.version, None, false).await?;
    Ok(render(&page))
}

async fn move_page(
    state: &WebState,
    user: &User,
    p: &Partnership,
    r: &Readiness,
    version: u64,
    refusal: Option<(String, Vec<c2c_domain::Unmet>)>,
    conflict: bool,
) -> Result<MovePage, Failure> {
    let tr = user.tr();
    let names = city_names(&state.store, user).await?;
    let label = move_label(tr, r);
    let here = format!("/partnerships/{}", p.id());
    let (refusal, unmet) = match refusal {
        Some((text, unmet)) => (Some(text), unmet_lines(tr, &names, p, &unmet)),
        None => (None, unmet_lines(tr, &names, p, &r.unmet)),
    };
    let mut cities: Vec<(CityId, String)> = names
        .iter()
        .filter(|(c, _)| !p.is_party(**c))
        .map(|(c, n)| (*c, n.clone()))
        .collect();
    cities.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(MovePage {
        shell: user.shell(label.clone(), &here).await,
        id: p.id(),
        overview: overview(tr, &names, p),
        label,
        kind: r.allowed.kind.code().to_owned(),
        loop_: r
            .allowed
            .loop_
            .map(|l| l.code().to_owned())
            .unwrap_or_default(),
        version,
        needs_reason: matches!(r.allowed.kind, MoveKind::Suspend | MoveKind::Terminate),
        needs_counterpart: r.allowed.kind == MoveKind::Spawn,
        cities,
        unmet,
        refusal,
        conflict,
        reason: String::new(),
    })
}

fn command(kind: MoveKind, loop_: Option<Loop>, reason: String) -> Option<Command> {
    Some(Command::Move(match kind {
        MoveKind::Advance => Move::Advance,
        MoveKind::LoopBack => Move::LoopBack(loop_?),
        MoveKind::Suspend => Move::Suspend { reason },
        MoveKind::Resume => Move::Resume,
        MoveKind::Conclude => Move::Conclude,
        MoveKind::Terminate => Move::Terminate { reason },
        MoveKind::Start | MoveKind::Spawn => return None,
    }))
}

/// `POST /partnerships/{id}/move`: the move, with the version the page saw.
pub async fn perform(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(form): Form<MoveForm>,
) -> Result<Response, Failure> {
    let p = visible(&state.store, &user, PartnershipId(id)).await?;
    let actor = user
        .account
        .editor()
        .map_err(|e| Failure::Forbidden(user.lang, e.to_string()))?;
    let kind: MoveKind = form
        .kind
        .parse()
        .map_err(|_| Failure::NotFound(user.lang))?;
    let loop_: Option<Loop> = form.loop_.as_deref().and_then(|l| l.parse().ok());
    let result = if kind == MoveKind::Spawn {
        let counterpart = form
            .counterpart
            .parse::<Uuid>()
            .map(CityId)
            .map_err(|_| Failure::NotFound(user.lang))?;
        state
            .store
            .spawn(actor, p.id(), Some(form.version), counterpart)
            .await
            .map(|s| s.child.partnership.id())
    } else {
        let command =
            command(kind, loop_, form.reason.clone()).ok_or(Failure::NotFound(user.lang))?;
        state
            .store
            .execute(actor, p.id(), Some(form.version), None, command)
            .await
            .map(|r| r.partnership.id())
    };
    match result {
        Ok(target) => {
            state.changed();
            flash(&user.session, user.tr().t("move-done")).await;
            Ok(Redirect::to(&format!("/partnerships/{target}")).into_response())
        }
        Err(e) => refused(&state, &user, p.id(), &form, (kind, loop_), e).await,
    }
}

async fn refused(
    state: &WebState,
    user: &User,
    id: PartnershipId,
    form: &MoveForm,
    (kind, loop_): (MoveKind, Option<Loop>),
    e: StoreError,
) -> Result<Response, Failure> {
    let tr: Tr = user.tr();
    let fresh = visible(&state.store, user, id).await?;
    let (refusal, conflict) = match e {
        StoreError::VersionConflict { .. } => (None, true),
        StoreError::Domain(DomainError::Blocked { unmet, .. }) => {
            (Some((tr.t("move-refused-unmet"), unmet)), false)
        }
        StoreError::Domain(d) => (Some((d.to_string(), Vec::new())), false),
        StoreError::Invalid { message, .. } => (Some((message, Vec::new())), false),
        other => return Err(Failure::of(user.lang, other)),
    };
    let r = fresh
        .readiness(Utc::now().date_naive())
        .into_iter()
        .find(|r| r.allowed.kind == kind && (loop_.is_none() || r.allowed.loop_ == loop_));
    let Some(r) = r else {
        // After the conflict the move is no longer allowed: show the page.
        flash(&user.session, tr.t("move-conflict")).await;
        return Ok(Redirect::to(&format!("/partnerships/{}", fresh.id())).into_response());
    };
    let version = if conflict {
        fresh.version()
    } else {
        form.version
    };
    let mut page = move_page(state, user, &fresh, &r, version, refusal, conflict).await?;
    page.reason = form.reason.clone();
    let status = if conflict {
        axum::http::StatusCode::CONFLICT
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}
