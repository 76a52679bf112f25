//! The city's own pages: its standing (the strategy and commitment in force,
//! its stakeholders, and what Aim and Commit still need before a partnership
//! can start at Partner), and its portfolio (every partnership with its step
//! and health, the lessons and success factors across them, and partner
//! suggestions with each part of the score explained).

use super::common::{city_names, name};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Shell, Tr, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use c2c_domain::attention::flags;
use c2c_domain::criteria::unmet_before;
use c2c_domain::outputs::LessonKind;
use c2c_domain::{CityId, Standing, Step};
use c2c_store::{PartnershipFilter, Suggestion};
use chrono::Utc;
use rust_decimal::Decimal;

/// A line of the standing checklist.
#[derive(Debug)]
pub struct Need {
    /// The criterion's title.
    pub title: String,
    /// What is missing.
    pub why: String,
}

#[derive(Template)]
#[template(path = "city.html")]
struct CityPage {
    shell: Shell,
    editor: bool,
    strategy: Vec<(String, String)>,
    commitment: Vec<(String, String)>,
    stakeholders: Vec<String>,
    needs: Vec<Need>,
}

fn strategy_facts(tr: Tr, s: &Standing) -> Vec<(String, String)> {
    let Some(x) = &s.strategy else {
        return Vec::new();
    };
    let themes: Vec<String> = x.themes.iter().map(|a| tr.term("area", a.code())).collect();
    vec![
        (tr.t("city-version"), x.version.to_string()),
        (tr.t("strategy-vision"), x.vision.clone()),
        (
            tr.t("strategy-objectives"),
            x.objectives
                .iter()
                .map(|o| o.text.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (tr.t("strategy-themes"), themes.join(", ")),
    ]
}

fn commitment_facts(tr: Tr, s: &Standing) -> Vec<(String, String)> {
    let Some(x) = &s.commitment else {
        return Vec::new();
    };
    vec![
        (tr.t("city-version"), x.version.to_string()),
        (
            tr.t("commit-political"),
            x.political
                .as_ref()
                .map(|p| p.body.clone())
                .unwrap_or_default(),
        ),
        (
            tr.t("commit-priorities"),
            x.priorities
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            tr.t("commit-contact-team"),
            x.contact_team
                .as_ref()
                .map(|t| t.name.clone())
                .unwrap_or_default(),
        ),
    ]
}

/// `GET /city`: the city's standing.
pub async fn page(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    let tr = user.tr();
    let Some(city) = user.account.city else {
        return Err(Failure::NotFound(user.lang));
    };
    let s = state
        .store
        .standing(city)
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let needs = unmet_before(Step::Partner, &s)
        .into_iter()
        .map(|u| Need {
            title: tr.criterion(u.criterion),
            why: tr.message(&u.message, &Default::default()),
        })
        .collect();
    let shell = user.shell(user.place.clone(), "/city").await;
    Ok(render(&CityPage {
        shell,
        editor: user.account.editor().is_ok(),
        strategy: strategy_facts(tr, &s),
        commitment: commitment_facts(tr, &s),
        stakeholders: s
            .stakeholders
            .iter()
            .map(|x| {
                format!(
                    "{} · {} · {}",
                    x.name,
                    tr.term("helix", x.sector.code()),
                    tr.term("involvement", x.involvement.code())
                )
            })
            .collect(),
        needs,
    }))
}

/// A partnership in the portfolio.
#[derive(Debug)]
pub struct Row {
    /// Its page.
    pub href: String,
    /// The other city.
    pub with: String,
    /// Step, loop and cycle.
    pub at: String,
    /// Its status.
    pub status: String,
    /// Its health, in words (or "in good health").
    pub health: String,
}

/// A partner suggestion, each part of its score explained.
#[derive(Debug)]
pub struct Candidate {
    /// The city.
    pub name: String,
    /// The score, out of 100.
    pub score: String,
    /// The parts, in words.
    pub parts: Vec<String>,
    /// Starting a partnership with it.
    pub start: String,
}

#[derive(Template)]
#[template(path = "portfolio.html")]
struct PortfolioPage {
    shell: Shell,
    rows: Vec<Row>,
    lessons: Vec<(String, String)>,
    candidates: Vec<Candidate>,
}

/// A part of the score (0–1) as points out of `weight`.
fn points(d: Decimal, weight: i64) -> String {
    (d * Decimal::from(weight)).round().to_string()
}

fn candidate(tr: Tr, s: &Suggestion) -> Candidate {
    let shared: Vec<String> = s.shared.iter().map(|a| tr.term("area", a.code())).collect();
    Candidate {
        name: s.city.name.clone(),
        score: points(s.score, 100),
        parts: vec![
            tr.0.format(
                "suggestion-shared",
                &[
                    ("points", points(s.shared_areas, 40).into()),
                    ("areas", shared.join(", ").into()),
                ],
            ),
            tr.t1(
                "suggestion-looking",
                "points",
                points(s.looking_for_partner, 20),
            ),
            tr.t1(
                "suggestion-relations",
                "points",
                points(s.existing_relations, 20),
            ),
            tr.t1(
                "suggestion-assessment",
                "points",
                points(s.prior_assessment, 20),
            ),
        ],
        start: format!("/partnerships/new?counterpart={}", s.city.id),
    }
}

/// `GET /portfolio`: the city's partnerships, lessons and suggestions.
pub async fn portfolio(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    let tr = user.tr();
    let Some(city) = user.account.city else {
        return Err(Failure::NotFound(user.lang));
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
    let today = Utc::now().date_naive();
    let rows = partnerships
        .iter()
        .map(|p| row(tr, &names, city, p, today))
        .collect();
    let lessons = partnerships
        .iter()
        .flat_map(|p| {
            let with = name(
                &names,
                p.snapshot().parties().into_iter().find(|c| *c != city),
            );
            p.outputs()
                .lessons
                .iter()
                .map(move |l| (l.clone(), with.clone()))
        })
        .map(|(l, with)| {
            (
                format!("{} · {with}", tr.term("lesson-kind", l.kind.code())),
                l.text,
            )
        })
        .collect::<Vec<_>>();
    let mut lessons = lessons;
    lessons.sort_by_key(|(k, _)| {
        !k.starts_with(&tr.term("lesson-kind", LessonKind::SuccessFactor.code()))
    });
    let candidates = store
        .partner_suggestions(city, 10)
        .await
        .map_err(fail)?
        .iter()
        .map(|s| candidate(tr, s))
        .collect();
    let shell = user.shell(tr.t("portfolio-title"), "/portfolio").await;
    Ok(render(&PortfolioPage {
        shell,
        rows,
        lessons,
        candidates,
    }))
}

fn row(
    tr: Tr,
    names: &std::collections::HashMap<CityId, String>,
    city: CityId,
    p: &c2c_domain::Partnership,
    today: chrono::NaiveDate,
) -> Row {
    let s = p.snapshot();
    let f = flags(s, city, today);
    let mut health: Vec<String> = Vec::new();
    for (on, id) in [
        (f.awaiting_us, "badge-awaiting-us"),
        (f.agreement_expiring, "badge-agreement-expiring"),
        (f.delegation_unfollowed, "badge-delegation-unfollowed"),
        (f.stalled, "badge-stalled"),
    ] {
        if on {
            health.push(tr.t(id));
        }
    }
    Row {
        href: format!("/partnerships/{}", s.id),
        with: name(names, s.parties().into_iter().find(|c| *c != city)),
        at: tr.0.format(
            "portfolio-at",
            &[
                ("step", tr.step(s.state.step).into()),
                ("loop", tr.loop_name(s.state.loop_).into()),
                ("cycle", i64::from(s.state.cycle).into()),
            ],
        ),
        status: tr.status(s.state.status),
        health: if health.is_empty() {
            tr.t("portfolio-healthy")
        } else {
            health.join(", ")
        },
    }
}
