//! A partnership's page: the eight steps with the current one marked, the
//! loop and cycle, the readiness checklist, the moves allowed now, what
//! awaits the account's city, the outputs of Partner and Plan with the forms
//! that record them, and the history as a timeline.

use super::attention::{describe_awaiting, describe_due};
use super::checklist::{Line, MoveLink, checklist, moves};
use super::common::{city_names, name, visible};
use super::outputs::{AgreementView, PlanView, PriorityView, agreements, plan, priorities};
use super::sections::{Sections, sections};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::attention::{awaiting, due};
use c2c_domain::{AccountId, CityId, Narrative, Partnership, PartnershipId};
use c2c_store::StoredEvent;
use chrono::Utc;
use std::collections::HashMap;
use uuid::Uuid;

/// A step in the line of eight.
#[derive(Debug)]
pub struct StepMark {
    /// Its name.
    pub name: String,
    /// `done`, `current` or ``.
    pub class: &'static str,
    /// Whether it is the current step.
    pub current: bool,
}

/// One event of the timeline.
#[derive(Debug)]
pub struct Moment {
    /// When it happened (UTC).
    pub when: String,
    /// What happened.
    pub what: String,
    /// Who, for which city.
    pub who: String,
    /// The step, loop and cycle after it.
    pub where_: String,
}

/// Everything the page shows of a partnership, in the reader's language.
#[derive(Debug)]
pub struct Overview {
    /// "Birmingham – Nanjing".
    pub title: String,
    /// Status, loop, cycle, version.
    pub state: String,
    /// The eight steps.
    pub steps: Vec<StepMark>,
    /// The question of the current step.
    pub question: String,
    /// The checklist's heading.
    pub checklist_title: String,
    /// The checklist.
    pub checklist: Vec<Line>,
    /// The moves allowed now.
    pub moves: Vec<MoveLink>,
}

#[derive(Template)]
#[template(path = "partnership.html")]
struct PartnershipPage {
    shell: Shell,
    id: PartnershipId,
    overview: Overview,
    editor: bool,
    awaiting: Vec<(String, String)>,
    priorities: Vec<PriorityView>,
    agreements: Vec<AgreementView>,
    plan: Option<PlanView>,
    counterpart: Option<String>,
    later: Sections,
    history: Vec<Moment>,
}

/// The overview of a partnership: title, state, steps, checklist, moves.
pub fn overview(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Overview {
    let s = p.snapshot();
    let on = Utc::now().date_naive();
    let here = Narrative::standard().position(s.state.step);
    let steps = Narrative::standard()
        .steps
        .iter()
        .enumerate()
        .map(|(i, d)| StepMark {
            name: tr.step(d.step),
            class: if i < here { "done" } else { "" },
            current: i == here,
        })
        .collect();
    let title = match s.counterpart {
        Some(c) => format!(
            "{} – {}",
            name(names, Some(s.initiator)),
            name(names, Some(c))
        ),
        None => tr.t1("partnership-of", "city", name(names, Some(s.initiator))),
    };
    let state = tr.0.format(
        "partnership-state",
        &[
            ("status", tr.status(s.state.status).into()),
            ("loop", tr.loop_name(s.state.loop_).into()),
            ("cycle", i64::from(s.state.cycle).into()),
            (
                "version",
                i64::try_from(s.version).unwrap_or(i64::MAX).into(),
            ),
        ],
    );
    Overview {
        title,
        state,
        steps,
        question: tr.question(s.state.step),
        checklist_title: tr.t1("checklist-title", "step", tr.step(s.state.step)),
        checklist: checklist(tr, names, p, on),
        moves: moves(tr, p, on),
    }
}

/// `GET /partnerships/{id}`.
pub async fn page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let store = &state.store;
    let p = visible(store, &user, PartnershipId(id)).await?;
    let names = city_names(store, &user).await?;
    let history = store
        .history(p.id())
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let accounts: HashMap<AccountId, String> = store
        .accounts()
        .await
        .map_err(|e| Failure::of(user.lang, e))?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let tr = user.tr();
    let s = p.snapshot();
    let on = Utc::now().date_naive();
    let waiting = match user.account.city {
        Some(c) => {
            let mut w = describe_awaiting(tr, &p, &awaiting(s, c, on));
            w.extend(describe_due(tr, &p, &due(s, c, on)));
            w
        }
        None => Vec::new(),
    };
    let overview = overview(tr, &names, &p);
    let here = format!("/partnerships/{id}");
    let shell = user.shell(overview.title.clone(), &here).await;
    Ok(render(&PartnershipPage {
        shell,
        id: p.id(),
        editor: user.account.editor().is_ok(),
        awaiting: waiting,
        priorities: priorities(tr, &names, &p),
        agreements: agreements(tr, &names, &p, user.account.city),
        plan: plan(tr, &names, &p, user.account.city),
        counterpart: s.counterpart.map(|c| name(&names, Some(c))),
        later: sections(tr, &names, &p),
        history: timeline(tr, &names, &accounts, &history),
        overview,
    }))
}

fn timeline(
    tr: Tr,
    names: &HashMap<CityId, String>,
    accounts: &HashMap<AccountId, String>,
    history: &[StoredEvent],
) -> Vec<Moment> {
    history
        .iter()
        .rev()
        .map(|e| Moment {
            when: e.occurred_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            what: tr.term("event", &e.kind),
            who: format!(
                "{} · {}",
                accounts.get(&e.actor).cloned().unwrap_or_default(),
                name(names, Some(e.city))
            ),
            where_: match (e.step, e.loop_, e.cycle) {
                (Some(s), Some(l), Some(c)) => tr.0.format(
                    "timeline-where",
                    &[
                        ("step", tr.step(s).into()),
                        ("loop", tr.loop_name(l).into()),
                        ("cycle", i64::from(c).into()),
                    ],
                ),
                _ => String::new(),
            },
        })
        .collect()
}
