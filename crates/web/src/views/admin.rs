//! The operator's administration: the cities (and their stakeholders), the
//! accounts (and disabling one), the KPI catalogue. Each list is a page with
//! the links to its forms (`forms/admin.rs`); invitations are the invite page.

use super::common::{city_names, kpi_name, name};
use super::platform::{Cell, Panel};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    shell: Shell,
    /// The forms of the page: (href, words).
    actions: Vec<(String, String)>,
    /// The list (one panel).
    panels: Vec<Panel>,
}

/// The operator, or "not found" for anyone else.
pub fn operator(user: &User) -> Result<(), Failure> {
    if user.account.is_operator() {
        Ok(())
    } else {
        Err(Failure::NotFound(user.lang))
    }
}

fn cell(text: impl ToString, href: Option<String>) -> Cell {
    Cell {
        text: text.to_string(),
        href,
    }
}

fn list(tr: Tr, id: &'static str, head: &[&str], rows: Vec<Vec<Cell>>) -> Panel {
    Panel {
        id,
        title: tr.t(&format!("{id}-title")),
        help: tr.t(&format!("{id}-help")),
        head: head.iter().map(|h| tr.t(h)).collect(),
        rows,
        count: String::new(),
        empty: tr.t("platform-none"),
        chart: None,
    }
}

async fn show(
    user: &User,
    here: &str,
    actions: Vec<(String, String)>,
    panel: Panel,
) -> Result<Response, Failure> {
    Ok(render(&AdminPage {
        shell: user.shell(panel.title.clone(), here).await,
        actions,
        panels: vec![panel],
    }))
}

/// `GET /platform/cities`.
pub async fn cities(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    operator(&user)?;
    let tr = user.tr();
    let mut cities = state
        .store
        .cities()
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    cities.sort_by(|a, b| a.name.cmp(&b.name));
    let rows = cities
        .iter()
        .map(|c| {
            let areas: Vec<String> = c.areas.iter().map(|a| tr.term("area", a.code())).collect();
            vec![
                cell(&c.name, None),
                cell(c.country.code(), None),
                cell(areas.join(", "), None),
                cell(tr.t(if c.looking_for_partner { "yes" } else { "no" }), None),
                cell(
                    tr.t("admin-add-stakeholder"),
                    Some(format!("/platform/cities/{}/stakeholders/new", c.id)),
                ),
            ]
        })
        .collect();
    let head = [
        "admin-city-name",
        "admin-country",
        "admin-areas",
        "admin-looking",
        "admin-stakeholders",
    ];
    let actions = vec![("/platform/cities/new".to_owned(), tr.t("admin-new-city"))];
    show(
        &user,
        "/platform/cities",
        actions,
        list(tr, "admin-cities", &head, rows),
    )
    .await
}

/// `GET /platform/accounts`.
pub async fn accounts(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    operator(&user)?;
    let tr = user.tr();
    let store = &state.store;
    let fail = |e| Failure::of(user.lang, e);
    let mut accounts = store.accounts().await.map_err(fail)?;
    accounts.sort_by(|a, b| a.name.cmp(&b.name));
    let names = city_names(store, &user).await?;
    let rows = accounts
        .iter()
        .map(|a| {
            let role: &'static str = a.role.into();
            let (state, action) = match a.disabled_at {
                Some(at) => (
                    tr.t1("admin-disabled-on", "date", at.date_naive()),
                    cell("", None),
                ),
                None if a.id == user.account.id => (tr.t("admin-active"), cell("", None)),
                None => (
                    tr.t("admin-active"),
                    cell(
                        tr.t("admin-disable"),
                        Some(format!("/platform/accounts/{}/disable", a.id.0)),
                    ),
                ),
            };
            vec![
                cell(&a.name, None),
                cell(tr.term("role", role), None),
                cell(
                    a.city.map(|c| name(&names, Some(c))).unwrap_or_default(),
                    None,
                ),
                cell(a.email.clone().unwrap_or_default(), None),
                cell(state, None),
                action,
            ]
        })
        .collect();
    let head = [
        "admin-account-name",
        "admin-role",
        "admin-city",
        "signin-email",
        "admin-state",
        "admin-action",
    ];
    let actions = vec![("/invitations/new".to_owned(), tr.t("nav-invite"))];
    show(
        &user,
        "/platform/accounts",
        actions,
        list(tr, "admin-accounts", &head, rows),
    )
    .await
}

/// `GET /platform/kpis`: the KPI catalogue.
pub async fn kpis(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    operator(&user)?;
    let tr = user.tr();
    let store = &state.store;
    let fail = |e| Failure::of(user.lang, e);
    let definitions = store.kpi_definitions().await.map_err(fail)?;
    let names = city_names(store, &user).await?;
    let rows = definitions
        .iter()
        .map(|d| {
            let unit: &'static str = d.unit.into();
            let direction: &'static str = d.direction.into();
            vec![
                cell(d.code.as_str(), None),
                cell(kpi_name(tr, d), None),
                cell(tr.term("unit", unit), None),
                cell(tr.term("direction", direction), None),
                cell(&d.category, None),
                cell(
                    d.owner
                        .map(|c| name(&names, Some(c)))
                        .unwrap_or_else(|| tr.t("admin-platform-wide")),
                    None,
                ),
            ]
        })
        .collect();
    let head = [
        "admin-kpi-code",
        "admin-kpi-name",
        "admin-kpi-unit",
        "admin-kpi-direction",
        "admin-kpi-category",
        "admin-kpi-owner",
    ];
    let actions = vec![("/platform/kpis/new".to_owned(), tr.t("admin-new-kpi"))];
    show(
        &user,
        "/platform/kpis",
        actions,
        list(tr, "admin-kpis", &head, rows),
    )
    .await
}
