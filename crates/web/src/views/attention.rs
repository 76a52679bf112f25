//! What awaits a city, in words, each with a link to where to act: the
//! domain's [`Awaiting`] and [`Due`] items described for a reader.

use crate::page::Tr;
use c2c_domain::Partnership;
use c2c_domain::attention::{Awaiting, Due};

/// The joint outputs that wait for the city, as (text, link).
pub fn describe_awaiting(tr: Tr, p: &Partnership, items: &[Awaiting]) -> Vec<(String, String)> {
    let base = format!("/partnerships/{}", p.id());
    items
        .iter()
        .map(|a| match a {
            Awaiting::Signature { agreement, title } => (
                tr.t1("awaiting-signature", "title", title),
                format!("{base}/agreements/{agreement}/sign"),
            ),
            Awaiting::Priority { area } => (
                tr.t1("awaiting-priority", "area", tr.term("area", area.code())),
                format!("{base}/priorities"),
            ),
            Awaiting::PlanApproval { version } => (
                tr.t1("awaiting-plan-approval", "version", version),
                format!("{base}/approvals/plan"),
            ),
            Awaiting::DecisionsApproval { version } => (
                tr.t1("awaiting-decisions-approval", "version", version),
                format!("{base}#decisions"),
            ),
        })
        .collect()
}

/// What falls due for the city, as (text, link).
pub fn describe_due(tr: Tr, p: &Partnership, items: &[Due]) -> Vec<(String, String)> {
    let base = format!("/partnerships/{}", p.id());
    items
        .iter()
        .map(|d| match d {
            Due::FollowUp { on, due, .. } => (
                tr.0.format(
                    "due-follow-up",
                    &[("on", tr.date(on).into()), ("due", tr.date(due).into())],
                ),
                format!("{base}#contacts"),
            ),
            Due::Activity {
                activity,
                title,
                due,
            } => (
                tr.0.format(
                    "due-activity",
                    &[
                        ("title", title.as_str().into()),
                        ("due", tr.date(due).into()),
                    ],
                ),
                format!("{base}/activities/{activity}"),
            ),
            Due::AgreementExpiring {
                title, valid_until, ..
            } => (
                tr.0.format(
                    "due-agreement-expiring",
                    &[
                        ("title", title.as_str().into()),
                        ("until", tr.date(valid_until).into()),
                    ],
                ),
                format!("{base}#agreements"),
            ),
            Due::ProgressMissing { title, .. } => (
                tr.t1("due-progress-missing", "title", title),
                format!("{base}#activities"),
            ),
        })
        .collect()
}
