//! The operator's platform: the step funnel (a chart beside its table), time
//! in step, and the failure patterns of the guidebook, each a panel: stalled
//! partnerships, agreements about to expire, delegations without follow-up,
//! agreements without a plan, one-sided partnerships, contact-person changes;
//! KPI totals over a period; the exports. Every panel reads the store's
//! analytics as the API's `platform` does, on the date the form names.

use super::common::{city_names, kpi_name, name};
use crate::WebState;
use crate::auth::User;
use crate::charts;
use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::extract::{Path, Query, RawQuery, State};
use axum::response::Response;
use c2c_domain::{CityId, Narrative, PartnershipId, Step};
use c2c_store::{
    Expiring, FunnelFilter, GroupBy, OneSided, Page, Paged, PersonChange, Scope, Stalled, Store,
    StoreError, Unfollowed, WithoutPlan,
};
use chrono::{Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The most rows a panel shows; the panel says how many there are.
const ROWS: usize = 50;

/// A cell of a panel's table.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Its text.
    pub text: String,
    /// Where it links to.
    pub href: Option<String>,
}

/// A panel: a table with its title, what it shows, and whether more rows
/// follow those shown.
#[derive(Debug)]
pub struct Panel {
    /// The id of its heading.
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// What it shows.
    pub help: String,
    /// The columns.
    pub head: Vec<String>,
    /// The rows shown.
    pub rows: Vec<Vec<Cell>>,
    /// "The first 50 are shown; more follow", or nothing when all are shown.
    pub count: String,
    /// What an empty panel says.
    pub empty: String,
    /// A chart beside the table (SVG).
    pub chart: Option<String>,
}

/// The date pickers.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Dates {
    /// The date the panels are read on.
    pub on: Option<String>,
    /// The KPI totals' period.
    pub from: Option<String>,
    /// See `from`.
    pub to: Option<String>,
    /// The KPI of the totals.
    pub kpi: Option<String>,
}

#[derive(Template)]
#[template(path = "platform.html")]
struct PlatformPage {
    shell: Shell,
    on: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    kpi: String,
    kpis: Vec<(String, String)>,
    error: Option<String>,
    panels: Vec<Panel>,
    downloads: Vec<(String, String)>,
}

/// What the panels need to name partnerships and cities.
struct Names {
    cities: HashMap<CityId, String>,
    parties: HashMap<PartnershipId, (CityId, Option<CityId>)>,
}

impl Names {
    fn city(&self, c: CityId) -> String {
        name(&self.cities, Some(c))
    }

    fn partnership(&self, id: PartnershipId) -> Cell {
        let text = match self.parties.get(&id) {
            Some((a, Some(b))) => format!("{} – {}", self.city(*a), self.city(*b)),
            Some((a, None)) => self.city(*a),
            None => "—".to_owned(),
        };
        Cell {
            text,
            href: Some(format!("/partnerships/{id}")),
        }
    }
}

fn text(t: impl ToString) -> Cell {
    Cell {
        text: t.to_string(),
        href: None,
    }
}

/// `GET /platform`: every panel, read on the chosen dates.
pub async fn page(
    State(state): State<WebState>,
    user: User,
    Query(dates): Query<Dates>,
) -> Result<Response, Failure> {
    let tr = user.tr();
    if !user.account.is_operator() {
        return Err(Failure::NotFound(user.lang));
    }
    let store = &state.store;
    let today = Utc::now().date_naive();
    let (picked, error) = pick(tr, &dates, today);
    let (on, from, to) = picked;
    let fail = |e| Failure::of(user.lang, e);
    let definitions = store.kpi_definitions().await.map_err(fail)?;
    let kpi = dates
        .kpi
        .clone()
        .filter(|k| definitions.iter().any(|d| d.code.as_str() == k))
        .or_else(|| definitions.first().map(|d| d.code.as_str().to_owned()))
        .unwrap_or_default();
    let mut panels = vec![funnel(tr, store).await.map_err(fail)?];
    panels.push(time_in_step(tr, store).await.map_err(fail)?);
    panels.extend(patterns(tr, store, &user, on).await?);
    if !kpi.is_empty() {
        panels.push(kpi_totals(tr, store, &user, &kpi, (from, to)).await?);
    }
    let kpis = definitions
        .iter()
        .map(|d| (d.code.as_str().to_owned(), kpi_name(tr, d)))
        .collect();
    Ok(render(&PlatformPage {
        shell: user.shell(tr.t("platform-title"), "/platform").await,
        on,
        from,
        to,
        kpi,
        kpis,
        error,
        panels,
        downloads: downloads(tr),
    }))
}

/// `GET /downloads/{file}`: an export (`partnerships.csv`, `.xlsx`,
/// `measurements.csv`, `.xlsx`) for the signed-in account, with the API's
/// access rules (an operator's holds every partnership, a city's its own).
pub async fn download(
    State(state): State<WebState>,
    user: User,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    (state.downloads)(user.account, file, query).await
}

/// The dates of the form, or today's (and the year before it) where a date
/// does not read; the refusal in words.
fn pick(
    tr: Tr,
    d: &Dates,
    today: NaiveDate,
) -> ((NaiveDate, NaiveDate, NaiveDate), Option<String>) {
    let read = |v: &Option<String>| -> Result<Option<NaiveDate>, ()> {
        match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| ()),
        }
    };
    let mut error = None;
    let mut or = |r: Result<Option<NaiveDate>, ()>, default: NaiveDate| match r {
        Ok(v) => v.unwrap_or(default),
        Err(()) => {
            error = Some(tr.t("platform-bad-date"));
            default
        }
    };
    let on = or(read(&d.on), today);
    let to = or(read(&d.to), on);
    let from = or(read(&d.from), to - Duration::days(365));
    if from > to {
        return (
            (on, to - Duration::days(365), to),
            Some(tr.t("platform-bad-period")),
        );
    }
    ((on, from, to), error)
}

fn downloads(tr: Tr) -> Vec<(String, String)> {
    [
        "partnerships.csv",
        "partnerships.xlsx",
        "measurements.csv",
        "measurements.xlsx",
    ]
    .iter()
    .map(|f| {
        (
            format!("/downloads/{f}"),
            tr.t1("platform-download", "file", f),
        )
    })
    .collect()
}

/// A panel of `rows`, at most [`ROWS`] of them shown.
fn panel(tr: Tr, id: &'static str, head: &[&str], rows: Vec<Vec<Cell>>) -> Panel {
    Panel {
        id,
        title: tr.t(&format!("{id}-title")),
        help: tr.t(&format!("{id}-help")),
        head: head.iter().map(|h| tr.t(h)).collect(),
        rows: rows.into_iter().take(ROWS).collect(),
        count: String::new(),
        empty: tr.t("platform-none"),
        chart: None,
    }
}

impl Panel {
    /// Says, when the list goes on after the rows shown, that it does.
    fn more(mut self, tr: Tr, more: bool) -> Panel {
        if more {
            let shown = i64::try_from(self.rows.len()).unwrap_or(i64::MAX);
            self.count = tr.0.format("platform-more", &[("shown", shown.into())]);
        }
        self
    }
}

async fn funnel(tr: Tr, store: &Store) -> Result<Panel, StoreError> {
    let rows = store
        .step_funnel(Scope::All, &FunnelFilter::default())
        .await?;
    let steps: Vec<Step> = Narrative::standard().steps.iter().map(|s| s.step).collect();
    let counts: Vec<(String, u64)> = steps
        .iter()
        .map(|s| {
            let n = rows.iter().filter(|r| r.step == *s).map(|r| r.count).sum();
            (tr.step(*s), n)
        })
        .collect();
    let table = counts.iter().map(|(s, n)| vec![text(s), text(n)]).collect();
    let mut p = panel(
        tr,
        "platform-funnel",
        &["platform-step", "platform-partnerships"],
        table,
    );
    let bars: Vec<(String, f64)> = counts.into_iter().map(|(s, n)| (s, n as f64)).collect();
    p.chart = Some(charts::bars(&p.title, &bars));
    Ok(p)
}

async fn time_in_step(tr: Tr, store: &Store) -> Result<Panel, StoreError> {
    let days = |d: Option<f64>| {
        d.map(|d| format!("{d:.0}"))
            .unwrap_or_else(|| "—".to_owned())
    };
    let rows = store
        .time_in_step(Scope::All, Utc::now())
        .await?
        .into_iter()
        .map(|t| {
            vec![
                text(tr.step(t.step)),
                text(t.completed),
                text(days(t.median_days)),
                text(days(t.p90_days)),
                text(t.open),
                text(days(t.open_median_days)),
            ]
        })
        .collect();
    let head = &[
        "platform-step",
        "platform-completed",
        "platform-median-days",
        "platform-p90-days",
        "platform-open",
        "platform-open-median-days",
    ];
    Ok(panel(tr, "platform-time", head, rows))
}

/// The lists of the failure patterns, read on one date.
struct Patterns {
    stalled: Paged<Stalled>,
    expiring: Paged<Expiring>,
    unfollowed: Paged<Unfollowed>,
    without: Paged<WithoutPlan>,
    one_sided: Paged<OneSided>,
    changes: Paged<PersonChange>,
}

impl Patterns {
    async fn read(store: &Store, on: NaiveDate) -> Result<Patterns, StoreError> {
        let share = Decimal::new(8, 1);
        let page = Page::first(ROWS as u64);
        Ok(Patterns {
            stalled: store
                .stalled_partnerships(Scope::All, 180, (on, false), page)
                .await?,
            expiring: store.expiring_agreements(Scope::All, 90, on, page).await?,
            unfollowed: store.unfollowed_delegations(Scope::All, on, page).await?,
            without: store
                .agreements_without_plan(Scope::All, 180, on, page)
                .await?,
            one_sided: store
                .one_sided_partnerships(Scope::All, (share, 5), (365, on), page)
                .await?,
            changes: store
                .contact_person_changes(Scope::All, 90, on, page)
                .await?,
        })
    }

    /// The partnerships the panels show.
    fn shown(&self) -> Vec<PartnershipId> {
        let mut ids = Vec::new();
        ids.extend(self.stalled.items.iter().map(|x| x.partnership));
        ids.extend(self.expiring.items.iter().map(|x| x.partnership));
        ids.extend(self.unfollowed.items.iter().map(|x| x.partnership));
        ids.extend(self.without.items.iter().map(|x| x.partnership));
        ids.extend(self.one_sided.items.iter().map(|x| x.partnership));
        ids.extend(self.changes.items.iter().map(|x| x.partnership));
        ids
    }
}

/// The failure patterns, on `on`.
async fn patterns(
    tr: Tr,
    store: &Store,
    user: &User,
    on: NaiveDate,
) -> Result<Vec<Panel>, Failure> {
    let x = Patterns::read(store, on)
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let n = names(store, user, &x.shown()).await?;
    let mut panels = alerts(tr, &n, &x);
    panels.extend(failures(tr, &n, &x));
    Ok(panels)
}

/// Stalled partnerships, expiring agreements, delegations without follow-up.
fn alerts(tr: Tr, n: &Names, x: &Patterns) -> Vec<Panel> {
    let p = |id| n.partnership(id);
    let stalled = x.stalled.items.iter().map(|x| {
        let status = tr.status(x.status);
        let days = x.days_silent;
        vec![
            p(x.partnership),
            text(tr.step(x.step)),
            text(status),
            text(x.last_activity_on),
            text(days),
        ]
    });
    let expiring = x.expiring.items.iter().map(|x| {
        vec![
            p(x.partnership),
            text(&x.title),
            text(x.valid_until),
            text(x.days_left),
        ]
    });
    let unfollowed = x.unfollowed.items.iter().map(|x| {
        let due = x
            .follow_up_due
            .map_or_else(|| "—".to_owned(), |d| d.to_string());
        vec![
            p(x.partnership),
            text(n.city(x.city)),
            text(x.on),
            text(due),
            text(x.days_waiting),
        ]
    });
    vec![
        panel(tr, "platform-stalled", &STALLED, stalled.collect()).more(tr, x.stalled.more),
        panel(tr, "platform-expiring", &EXPIRING, expiring.collect()).more(tr, x.expiring.more),
        panel(tr, "platform-unfollowed", &UNFOLLOWED, unfollowed.collect())
            .more(tr, x.unfollowed.more),
    ]
}

/// Agreements without a plan, one-sided partnerships, contact-person changes.
fn failures(tr: Tr, n: &Names, x: &Patterns) -> Vec<Panel> {
    let p = |id| n.partnership(id);
    let without = x.without.items.iter().map(|x| {
        vec![
            p(x.partnership),
            text(tr.step(x.step)),
            text(x.signed_on),
            text(x.days_since),
        ]
    });
    let one_sided = x.one_sided.items.iter().map(|x| {
        let share = format!("{:.0} %", x.share * 100.0);
        vec![
            p(x.partnership),
            text(x.initiator_items),
            text(x.counterpart_items),
            text(share),
        ]
    });
    let changes = x.changes.items.iter().map(|x| {
        let kind: &'static str = x.kind.into();
        let announced = tr.t(if x.announced { "yes" } else { "no" });
        let change = tr.term("person-change", kind);
        let city = n.city(x.city);
        vec![
            p(x.partnership),
            text(city),
            text(&x.person.name),
            text(change),
            text(x.on),
            text(announced),
        ]
    });
    vec![
        panel(
            tr,
            "platform-without-plan",
            &WITHOUT_PLAN,
            without.collect(),
        )
        .more(tr, x.without.more),
        panel(tr, "platform-one-sided", &ONE_SIDED, one_sided.collect()).more(tr, x.one_sided.more),
        panel(tr, "platform-persons", &PERSONS, changes.collect()).more(tr, x.changes.more),
    ]
}

const STALLED: [&str; 5] = [
    "platform-partnership",
    "platform-step",
    "platform-status",
    "platform-last-activity",
    "platform-days-silent",
];
const EXPIRING: [&str; 4] = [
    "platform-partnership",
    "platform-agreement",
    "platform-valid-until",
    "platform-days-left",
];
const UNFOLLOWED: [&str; 5] = [
    "platform-partnership",
    "platform-city",
    "platform-contact-on",
    "platform-follow-up-due",
    "platform-days-waiting",
];
const WITHOUT_PLAN: [&str; 4] = [
    "platform-partnership",
    "platform-step",
    "platform-signed-on",
    "platform-days-since",
];
const ONE_SIDED: [&str; 4] = [
    "platform-partnership",
    "platform-initiator-items",
    "platform-counterpart-items",
    "platform-share",
];
const PERSONS: [&str; 6] = [
    "platform-partnership",
    "platform-city",
    "platform-person",
    "platform-change",
    "platform-change-on",
    "platform-announced",
];

/// The names of the cities and the parties of the partnerships shown.
async fn names(store: &Store, user: &User, ids: &[PartnershipId]) -> Result<Names, Failure> {
    let cities = city_names(store, user).await?;
    let mut unique = ids.to_vec();
    unique.sort_by_key(|id| id.0);
    unique.dedup();
    let parties = store
        .partnerships_by_id(&unique)
        .await
        .map_err(|e| Failure::of(user.lang, e))?
        .iter()
        .map(|p| {
            let s = p.snapshot();
            (p.id(), (s.initiator, s.counterpart))
        })
        .collect();
    Ok(Names { cities, parties })
}

async fn kpi_totals(
    tr: Tr,
    store: &Store,
    user: &User,
    kpi: &str,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Panel, Failure> {
    let totals = store
        .kpi_totals(
            Scope::All,
            kpi,
            (from, to),
            GroupBy::City,
            Page::first(ROWS as u64),
        )
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let cities = city_names(store, user).await?;
    let dash = || "—".to_owned();
    let rows = totals
        .items
        .iter()
        .map(|t| {
            vec![
                text(t.city.map(|c| name(&cities, Some(c))).unwrap_or_else(dash)),
                text(t.count),
                text(
                    t.sum
                        .map(|s| s.normalize().to_string())
                        .unwrap_or_else(dash),
                ),
                text(
                    t.mean
                        .map(|m| m.round_dp(2).normalize().to_string())
                        .unwrap_or_else(dash),
                ),
                text(t.currency.clone().unwrap_or_else(dash)),
            ]
        })
        .collect();
    let head = &[
        "platform-city",
        "platform-measurements",
        "platform-sum",
        "platform-mean",
        "platform-currency",
    ];
    let mut p = panel(tr, "platform-kpi", head, rows).more(tr, totals.more);
    p.help = tr.0.format(
        "platform-kpi-help",
        &[
            ("kpi", kpi.to_owned().into()),
            ("from", from.to_string().into()),
            ("to", to.to_string().into()),
        ],
    );
    Ok(p)
}
