//! The board: the partnerships of the account's city (every partnership for
//! an operator) in eight columns by step, each card with its counterpart,
//! loop and cycle, status, days in step, and what needs attention.

use super::common::{city_names, name};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Shell, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use c2c_domain::attention::{Flags, flags};
use c2c_domain::{CityId, Narrative, Partnership, Status};
use c2c_store::PartnershipFilter;
use chrono::Utc;
use std::collections::HashMap;

/// A card on the board.
#[derive(Debug)]
pub struct Card {
    /// The partnership's page.
    pub href: String,
    /// The other city (or the initiator, for a counterpart's board).
    pub with: String,
    /// Whose partnership it is, when not the account's city's.
    pub by: Option<String>,
    /// The loop's name and the cycle.
    pub loop_cycle: String,
    /// The status, when it is not active.
    pub status: Option<String>,
    /// Days since it entered its step.
    pub days: String,
    /// The flags, as (CSS class, text).
    pub badges: Vec<(&'static str, String)>,
}

/// A column of the board.
#[derive(Debug)]
pub struct Column {
    /// The step's name.
    pub name: String,
    /// Its question.
    pub question: String,
    /// Its cards.
    pub cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    shell: Shell,
    columns: Vec<Column>,
    empty: bool,
}

/// `GET /`: the board.
pub async fn page(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    let store = &state.store;
    let fail = |e| Failure::of(user.lang, e);
    let filter = PartnershipFilter {
        party: user.account.city,
        ..PartnershipFilter::default()
    };
    let (ids, _) = store
        .list_partnerships(&filter, 10_000, None)
        .await
        .map_err(fail)?;
    let partnerships = store.partnerships_by_id(&ids).await.map_err(fail)?;
    let entered = store.steps_entered(&ids).await.map_err(fail)?;
    let names = city_names(store, &user).await?;
    let tr = user.tr();
    let mut columns: Vec<Column> = Narrative::standard()
        .steps
        .iter()
        .map(|d| Column {
            name: tr.step(d.step),
            question: tr.question(d.step),
            cards: Vec::new(),
        })
        .collect();
    let today = Utc::now();
    for p in &partnerships {
        let s = p.snapshot();
        let days = entered
            .get(&s.id)
            .map_or(0, |at| (today - *at).num_days().max(0));
        let card = card(&user, &names, p, days, today.date_naive());
        let i = Narrative::standard().position(s.state.step);
        if let Some(column) = columns.get_mut(i) {
            column.cards.push(card);
        }
    }
    for c in &mut columns {
        c.cards.sort_by(|a, b| a.with.cmp(&b.with));
    }
    let shell = user.shell(tr.t("board-title"), "/").await;
    Ok(render(&BoardPage {
        shell,
        empty: partnerships.is_empty(),
        columns,
    }))
}

fn card(
    user: &User,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    days: i64,
    today: chrono::NaiveDate,
) -> Card {
    let tr = user.tr();
    let s = p.snapshot();
    let us = user.account.city;
    let (with, by) = match us {
        Some(c) if c == s.initiator => (name(names, s.counterpart), None),
        Some(_) => (
            name(names, Some(s.initiator)),
            Some(name(names, Some(s.initiator))),
        ),
        None => (
            name(names, s.counterpart),
            Some(name(names, Some(s.initiator))),
        ),
    };
    let with = if s.counterpart.is_none() && us == Some(s.initiator) {
        tr.t("board-no-counterpart")
    } else {
        with
    };
    let f = match us {
        Some(c) => flags(s, c, today),
        None => Flags {
            awaiting_us: false,
            ..flags(s, s.initiator, today)
        },
    };
    Card {
        href: format!("/partnerships/{}", s.id),
        with,
        by: by.map(|b| tr.t1("board-initiated-by", "city", b)),
        loop_cycle: tr.0.format(
            "board-loop-cycle",
            &[
                ("loop", tr.loop_name(s.state.loop_).into()),
                ("cycle", i64::from(s.state.cycle).into()),
            ],
        ),
        status: (s.state.status != Status::Active).then(|| tr.status(s.state.status)),
        days: tr.n("board-days-in-step", days),
        badges: badges(user, f),
    }
}

fn badges(user: &User, f: Flags) -> Vec<(&'static str, String)> {
    let tr = user.tr();
    let mut out = Vec::new();
    if f.awaiting_us {
        out.push(("badge act", tr.t("badge-awaiting-us")));
    }
    if f.agreement_expiring {
        out.push(("badge warn", tr.t("badge-agreement-expiring")));
    }
    if f.delegation_unfollowed {
        out.push(("badge warn", tr.t("badge-delegation-unfollowed")));
    }
    if f.stalled {
        out.push(("badge alert", tr.t("badge-stalled")));
    }
    out
}
