//! The outputs of a partnership as its page shows them: first priorities,
//! agreements with their signatures, the plan with its approvals and
//! activities, in the reader's language, with the actions the reader's city
//! may take on each.

use super::common::name;
use crate::page::Tr;
use c2c_domain::outputs::{ActivityStatus, ApprovalSubject};
use c2c_domain::{CityId, Partnership};
use std::collections::HashMap;

/// A first priority area and who agreed to it.
#[derive(Debug)]
pub struct PriorityView {
    /// The area.
    pub area: String,
    /// The cities that agreed, with who and when.
    pub agreed: Vec<String>,
    /// Whether both cities agreed.
    pub joint: bool,
}

/// An agreement and its signatures.
#[derive(Debug)]
pub struct AgreementView {
    /// Its title.
    pub title: String,
    /// Its kind, areas and validity, in words.
    pub facts: String,
    /// The signatures, in words.
    pub signatures: Vec<String>,
    /// The link to sign it, when the reader's city has not.
    pub sign: Option<String>,
}

/// An activity of the plan.
#[derive(Debug)]
pub struct ActivityView {
    /// Its page (edit form).
    pub href: String,
    /// Its title.
    pub title: String,
    /// Lead city, dates, status, in words.
    pub facts: String,
    /// The teams, in words.
    pub teams: Vec<String>,
    /// The link to record the reader's city's team.
    pub team: String,
}

/// The plan.
#[derive(Debug)]
pub struct PlanView {
    /// Title and version.
    pub title: String,
    /// The summary.
    pub summary: String,
    /// The approvals of the current version, in words.
    pub approvals: Vec<String>,
    /// Whether the reader's city may still approve the current version.
    pub may_approve: bool,
    /// The activities.
    pub activities: Vec<ActivityView>,
}

/// The first priorities, grouped by area.
pub fn priorities(tr: Tr, names: &HashMap<CityId, String>, p: &Partnership) -> Vec<PriorityView> {
    let o = p.outputs();
    let mut areas: Vec<_> = o.priorities.iter().map(|x| x.area).collect();
    areas.sort_by_key(|a| a.code());
    areas.dedup();
    areas
        .into_iter()
        .map(|area| {
            let agreed: Vec<String> = o
                .priorities
                .iter()
                .filter(|x| x.area == area)
                .map(|x| {
                    tr.0.format(
                        "priority-agreed",
                        &[
                            ("city", name(names, Some(x.city)).into()),
                            ("by", x.by.as_str().into()),
                            ("on", tr.date(&x.on).into()),
                        ],
                    )
                })
                .collect();
            PriorityView {
                area: tr.term("area", area.code()),
                joint: agreed.len() >= 2,
                agreed,
            }
        })
        .collect()
}

/// The agreements, newest last.
pub fn agreements(
    tr: Tr,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    reader: Option<CityId>,
) -> Vec<AgreementView> {
    p.outputs()
        .agreements
        .iter()
        .map(|a| {
            let areas: Vec<String> = a.areas.iter().map(|x| tr.term("area", x.code())).collect();
            let until = a.valid_until.map_or_else(
                || tr.t("agreement-open-ended"),
                |u| tr.t1("agreement-until", "date", tr.date(&u)),
            );
            AgreementView {
                title: a.title.clone(),
                facts: format!(
                    "{} · {} · {}",
                    tr.term("agreement-kind", a.kind.code()),
                    areas.join(", "),
                    until
                ),
                signatures: a
                    .signatures
                    .iter()
                    .map(|s| {
                        tr.0.format(
                            "agreement-signed",
                            &[
                                ("city", name(names, Some(s.city)).into()),
                                ("by", s.by.as_str().into()),
                                ("on", tr.date(&s.on).into()),
                            ],
                        )
                    })
                    .collect(),
                sign: reader
                    .filter(|c| p.is_party(*c) && a.signature(*c).is_none())
                    .map(|_| format!("/partnerships/{}/agreements/{}/sign", p.id(), a.id)),
            }
        })
        .collect()
}

/// The plan, if there is one.
pub fn plan(
    tr: Tr,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    reader: Option<CityId>,
) -> Option<PlanView> {
    let plan = p.outputs().plan.as_ref()?;
    let approvals: Vec<_> = p
        .outputs()
        .approvals
        .iter()
        .filter(|a| a.subject == ApprovalSubject::Plan && a.version == plan.version)
        .collect();
    let base = format!("/partnerships/{}", p.id());
    Some(PlanView {
        title: tr.0.format(
            "plan-title",
            &[
                ("title", plan.title.as_str().into()),
                ("version", i64::from(plan.version).into()),
            ],
        ),
        summary: plan.summary.clone(),
        may_approve: reader.is_some_and(|c| !approvals.iter().any(|a| a.city == c)),
        approvals: approvals
            .iter()
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
            .collect(),
        activities: plan
            .activities
            .iter()
            .map(|a| {
                let dates = match (a.plan.start, a.plan.due) {
                    (Some(s), Some(d)) => format!("{} → {}", tr.date(&s), tr.date(&d)),
                    _ => tr.t("activity-no-dates"),
                };
                ActivityView {
                    href: format!("{base}/activities/{}", a.plan.id),
                    title: a.plan.title.clone(),
                    facts: format!(
                        "{} · {} · {}",
                        name(names, a.plan.lead_city),
                        dates,
                        tr.term("activity-status", status_code(a.status))
                    ),
                    teams: a
                        .teams
                        .iter()
                        .map(|t| format!("{}: {}", name(names, Some(t.city)), t.name))
                        .collect(),
                    team: format!("{base}/activities/{}/team", a.plan.id),
                }
            })
            .collect(),
    })
}

fn status_code(s: ActivityStatus) -> &'static str {
    s.code()
}
