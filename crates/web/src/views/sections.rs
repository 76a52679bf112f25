//! The later sections of a partnership's page, in the reader's language:
//! contacts and contact persons, the delivery of each activity (progress and
//! risks), the KPIs (a chart and a table each), feedback and evaluations, the
//! adjustments and their decisions, lessons and the ex-post evaluation.

use super::common::name;
use crate::charts::{Series, line};
use crate::page::Tr;
use c2c_domain::kpi::KpiValue;
use c2c_domain::outputs::{ApprovalSubject, KpiSelection};
use c2c_domain::{CityId, Partnership};
use std::collections::HashMap;

/// A line of a list: its text, a detail, and an action (label, link).
#[derive(Debug)]
pub struct Item {
    /// The main text.
    pub text: String,
    /// A detail under it.
    pub detail: String,
    /// An action on it: (label, link).
    pub action: Option<(String, String)>,
}

/// A KPI of the framework: its chart and its table.
#[derive(Debug)]
pub struct KpiView {
    /// The KPI's name and unit.
    pub title: String,
    /// Target and objective, in words.
    pub facts: String,
    /// The chart (SVG), empty for text KPIs or without measurements.
    pub chart: String,
    /// The rows of the table: period, city, value, superseded.
    pub rows: Vec<[String; 4]>,
    /// The form to report a value.
    pub report: String,
}

/// The later sections of a partnership.
#[derive(Debug)]
pub struct Sections {
    /// Contacts, with their follow-ups.
    pub contacts: Vec<Item>,
    /// Contact persons of both cities.
    pub persons: Vec<Item>,
    /// Delivery of each activity: progress and risks.
    pub delivery: Vec<Item>,
    /// The KPIs.
    pub kpis: Vec<KpiView>,
    /// Feedback and evaluations.
    pub measure: Vec<Item>,
    /// Adjustments and their decisions.
    pub act: Vec<Item>,
    /// The approvals of the current decision set.
    pub decisions_approved: Vec<String>,
    /// Lessons and ex-post evaluations.
    pub replicate: Vec<Item>,
}

/// Builds the sections for a reader.
pub fn sections(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Sections {
    let base = format!("/partnerships/{}", p.id());
    Sections {
        contacts: contacts(tr, names, p, &base),
        persons: persons(tr, names, p, &base),
        delivery: delivery(tr, names, p, &base),
        kpis: kpis(tr, names, p, &base),
        measure: measure(tr, names, p),
        act: act(tr, names, p, &base),
        decisions_approved: decisions_approved(tr, names, p),
        replicate: replicate(tr, names, p),
    }
}

fn contacts(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership, base: &str) -> Vec<Item> {
    p.outputs()
        .contacts
        .iter()
        .rev()
        .map(|c| Item {
            text: format!(
                "{} · {} · {}{}",
                tr.date(&c.on),
                tr.term("contact-kind", c.kind.code()),
                name(names, Some(c.city)),
                if c.joint {
                    format!(" · {}", tr.t("contact-joint-short"))
                } else {
                    String::new()
                }
            ),
            detail: match (c.followed_up_on, c.follow_up_due) {
                (Some(on), _) => tr.t1("contact-followed-up", "on", tr.date(&on)),
                (None, Some(due)) => tr.t1("contact-follow-up-due-on", "due", tr.date(&due)),
                (None, None) => c.outcome.clone(),
            },
            action: c.followed_up_on.is_none().then(|| {
                (
                    tr.t("follow-up-title"),
                    format!("{base}/contacts/{}/follow-up", c.id),
                )
            }),
        })
        .collect()
}

fn persons(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership, base: &str) -> Vec<Item> {
    p.outputs()
        .contact_persons
        .iter()
        .map(|x| Item {
            text: format!("{} · {} · {}", x.name, x.role, name(names, Some(x.city))),
            detail: match x.until {
                Some(until) => format!("{} → {}", tr.date(&x.from), tr.date(&until)),
                None => tr.t1("person-since", "from", tr.date(&x.from)),
            },
            action: Some((tr.t("person-change"), format!("{base}/persons/{}", x.id))),
        })
        .collect()
}

fn delivery(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership, base: &str) -> Vec<Item> {
    let Some(plan) = &p.outputs().plan else {
        return Vec::new();
    };
    plan.activities
        .iter()
        .map(|a| {
            let last = a.progress.last().map(|r| {
                format!(
                    "{} · {} · {}",
                    tr.date(&r.on),
                    name(names, Some(r.city)),
                    r.summary
                )
            });
            let risks = a.risks.iter().filter(|r| r.is_high()).count();
            Item {
                text: format!(
                    "{} · {}",
                    a.plan.title,
                    tr.term("activity-status", a.status.code())
                ),
                detail: format!(
                    "{}{}",
                    last.unwrap_or_else(|| tr.t("progress-none")),
                    if risks > 0 {
                        format!(
                            " · {}",
                            tr.n("risks-high", i64::try_from(risks).unwrap_or(0))
                        )
                    } else {
                        String::new()
                    }
                ),
                action: Some((
                    tr.t("progress-title"),
                    format!("{base}/activities/{}/progress", a.plan.id),
                )),
            }
        })
        .collect()
}

/// A value as a number for a chart (none for text).
fn number(v: &KpiValue) -> Option<f64> {
    match v {
        KpiValue::Count(n) => Some(*n as f64),
        KpiValue::Money(m) => m.amount.to_string().parse().ok(),
        KpiValue::Percent(d) => d.to_string().parse().ok(),
        KpiValue::Score(s) => Some(f64::from(*s)),
        KpiValue::Text(_) => None,
    }
}

fn kpi(
    tr: Tr,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    s: &KpiSelection,
) -> (Vec<Series>, Vec<[String; 4]>) {
    let measurements: Vec<_> = p
        .outputs()
        .measurements
        .iter()
        .filter(|m| m.selection == s.id)
        .collect();
    let superseded = |id| measurements.iter().any(|m| m.supersedes == Some(id));
    let series = s
        .reporting
        .iter()
        .map(|city| Series {
            name: name(names, Some(*city)),
            points: measurements
                .iter()
                .filter(|m| m.city == *city && !superseded(m.id))
                .filter_map(|m| Some((m.period.end, number(&m.value)?)))
                .collect(),
        })
        .filter(|x| !x.points.is_empty())
        .collect();
    let rows = measurements
        .iter()
        .map(|m| {
            [
                format!("{} → {}", tr.date(&m.period.start), tr.date(&m.period.end)),
                name(names, Some(m.city)),
                m.value.to_string(),
                if superseded(m.id) {
                    tr.t("measurement-superseded")
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    (series, rows)
}

fn kpis(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership, base: &str) -> Vec<KpiView> {
    let objectives = p.snapshot().standing.objectives();
    p.outputs()
        .selections
        .iter()
        .map(|s| {
            let title = format!(
                "{} ({})",
                tr.term("kpi", s.kpi.as_str()),
                tr.term("unit", s.unit.code())
            );
            let (series, rows) = kpi(tr, names, p, s);
            let target = s
                .target
                .as_ref()
                .and_then(|t| Some((tr.t1("kpi-target", "value", t), number(t)?)));
            let objective = s
                .objective
                .and_then(|o| objectives.iter().find(|x| x.id == o))
                .map(|o| o.text.clone());
            KpiView {
                chart: line(
                    &title,
                    &series,
                    target.as_ref().map(|(l, v)| (l.as_str(), *v)),
                ),
                facts: format!(
                    "{} · {}",
                    s.target.as_ref().map_or_else(
                        || tr.t("kpi-no-target"),
                        |t| tr.t1("kpi-target", "value", t)
                    ),
                    objective.unwrap_or_default()
                ),
                title,
                rows,
                report: format!("{base}/kpis/{}/measurements/new", s.id),
            }
        })
        .collect()
}

fn measure(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Vec<Item> {
    let o = p.outputs();
    let feedback = o.feedback.iter().map(|f| Item {
        text: format!(
            "{} · {} · {}",
            tr.date(&f.on),
            f.team,
            name(names, Some(f.city))
        ),
        detail: f.text.clone(),
        action: None,
    });
    let evaluations = o.evaluations.iter().map(|e| Item {
        text: tr.0.format(
            "evaluation-of",
            &[
                ("on", tr.date(&e.on).into()),
                ("cycle", i64::from(e.cycle).into()),
            ],
        ),
        detail: if e.no_adjustments {
            tr.t("evaluation-no-adjustments")
        } else {
            format!("{} / {}", e.strengths, e.challenges)
        },
        action: None,
    });
    feedback.chain(evaluations).collect()
}

fn act(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership, base: &str) -> Vec<Item> {
    let cycle = p.state().cycle;
    p.outputs()
        .adjustments
        .iter()
        .filter(|a| a.cycle == cycle)
        .map(|a| Item {
            text: a.proposal.clone(),
            detail: match &a.decision {
                Some(d) => format!(
                    "{} · {} · {}",
                    tr.term("outcome", d.outcome.code()),
                    name(names, Some(d.city)),
                    tr.date(&d.on)
                ),
                None => tr.t("adjustment-undecided"),
            },
            action: a.decision.is_none().then(|| {
                (
                    tr.t("decision-title"),
                    format!("{base}/adjustments/{}/decision", a.id),
                )
            }),
        })
        .collect()
}

fn decisions_approved(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Vec<String> {
    let o = p.outputs();
    o.approvals
        .iter()
        .filter(|a| {
            a.subject == ApprovalSubject::Decisions
                && a.cycle == p.state().cycle
                && a.version == o.decisions_version
        })
        .map(|a| {
            tr.0.format(
                "plan-approved",
                &[
                    ("city", name(names, Some(a.city)).into()),
                    ("by", a.by.as_str().into()),
                    ("on", tr.date(&a.on).into()),
                ],
            )
        })
        .collect()
}

fn replicate(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Vec<Item> {
    let o = p.outputs();
    let objectives = p.snapshot().standing.objectives();
    let lessons = o.lessons.iter().map(|l| Item {
        text: format!(
            "{} · {}",
            tr.term("lesson-kind", l.kind.code()),
            name(names, Some(l.city))
        ),
        detail: l.text.clone(),
        action: None,
    });
    let ex_post = o.ex_post.iter().map(|e| Item {
        text: objectives
            .iter()
            .find(|x| x.id == e.objective)
            .map(|x| x.text.clone())
            .unwrap_or_default(),
        detail: tr.0.format(
            "ex-post-line",
            &[
                ("foreseen", e.foreseen.as_str().into()),
                ("achieved", e.achieved.as_str().into()),
                ("gap", e.gap.as_str().into()),
            ],
        ),
        action: None,
    });
    lessons.chain(ex_post).collect()
}
