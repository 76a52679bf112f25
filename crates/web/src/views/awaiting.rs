//! "Awaiting our city": across the city's partnerships, the joint outputs
//! that wait for its signature, agreement or approval, and what falls due,
//! each linking to where to act.

use super::attention::{describe_awaiting, describe_due};
use super::common::{city_names, name};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Shell, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use c2c_domain::attention::{awaiting, due};
use c2c_store::PartnershipFilter;
use chrono::Utc;

/// The items of one partnership.
#[derive(Debug)]
pub struct Group {
    /// The partnership's title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// Joint outputs waiting for the city: (text, link).
    pub awaiting: Vec<(String, String)>,
    /// What falls due: (text, link).
    pub due: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "awaiting.html")]
struct AwaitingPage {
    shell: Shell,
    groups: Vec<Group>,
}

/// `GET /awaiting`.
pub async fn page(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    let tr = user.tr();
    let shell = user.shell(tr.t("nav-awaiting"), "/awaiting").await;
    let Some(city) = user.account.city else {
        return Ok(render(&AwaitingPage {
            shell,
            groups: Vec::new(),
        }));
    };
    let store = &state.store;
    let fail = |e| Failure::of(user.lang, e);
    let filter = PartnershipFilter {
        party: Some(city),
        ..PartnershipFilter::default()
    };
    let (ids, _) = store
        .list_partnerships(&filter, 10_000, None)
        .await
        .map_err(fail)?;
    let partnerships = store.partnerships_by_id(&ids).await.map_err(fail)?;
    let names = city_names(store, &user).await?;
    let on = Utc::now().date_naive();
    let groups = partnerships
        .iter()
        .map(|p| {
            let s = p.snapshot();
            Group {
                title: format!(
                    "{} – {}",
                    name(&names, Some(s.initiator)),
                    name(&names, s.counterpart)
                ),
                href: format!("/partnerships/{}", s.id),
                awaiting: describe_awaiting(tr, p, &awaiting(s, city, on)),
                due: describe_due(tr, p, &due(s, city, on)),
            }
        })
        .filter(|g| !g.awaiting.is_empty() || !g.due.is_empty())
        .collect();
    Ok(render(&AwaitingPage { shell, groups }))
}
