//! The readiness checklist of a partnership and the moves allowed from where
//! it stands: what the partnership page, a move's confirmation and a conflict
//! page all show. Each unmet criterion links to the form that meets it.

use crate::page::Tr;
use c2c_domain::{CityId, Criterion, MoveKind, Narrative, Partnership, Readiness, Unmet};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One line of the checklist.
#[derive(Debug, Clone)]
pub struct Line {
    /// The criterion's short title.
    pub title: String,
    /// Whether it holds.
    pub met: bool,
    /// What is missing, when it does not hold.
    pub why: String,
    /// The form that meets it, and the words of the link.
    pub fix: Option<(String, String)>,
}

/// A move allowed now.
#[derive(Debug, Clone)]
pub struct MoveLink {
    /// What the move is called ("Advance to Do", "Loop back: Continual improvement").
    pub label: String,
    /// Its confirmation page.
    pub href: String,
    /// Whether every criterion it needs holds.
    pub ready: bool,
    /// Whether it ends or pauses the partnership (shown apart).
    pub grave: bool,
}

/// The words of a move.
pub fn move_label(tr: Tr, r: &Readiness) -> String {
    let m = &r.allowed;
    match (m.kind, m.loop_, m.target) {
        (MoveKind::Advance, _, Some(to)) => tr.t1("move-advance-to", "step", tr.step(to)),
        (MoveKind::LoopBack, Some(l), _) => tr.t1("move-loop-back-by", "loop", tr.loop_name(l)),
        (kind, _, _) => tr.term("move", kind.code()),
    }
}

/// The query string that names a move (its kind, and its loop if any).
pub fn move_query(r: &Readiness, version: u64) -> String {
    let loop_part = r
        .allowed
        .loop_
        .map(|l| format!("&loop={}", l.code()))
        .unwrap_or_default();
    format!(
        "kind={}{loop_part}&version={version}",
        r.allowed.kind.code()
    )
}

/// The moves allowed now, each with its confirmation link.
pub fn moves(tr: Tr, p: &Partnership, on: NaiveDate) -> Vec<MoveLink> {
    p.readiness(on)
        .iter()
        .map(|r| MoveLink {
            label: move_label(tr, r),
            href: format!(
                "/partnerships/{}/move?{}",
                p.id(),
                move_query(r, p.version())
            ),
            ready: r.ready,
            grave: matches!(
                r.allowed.kind,
                MoveKind::Suspend | MoveKind::Terminate | MoveKind::Conclude
            ),
        })
        .collect()
}

/// The checklist of leaving the current step: every criterion of the step,
/// met or not, with the reason and the form that meets it.
pub fn checklist(
    tr: Tr,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    on: NaiveDate,
) -> Vec<Line> {
    let step = p.state().step;
    let leaving = p
        .readiness(on)
        .into_iter()
        .find(|r| r.allowed.kind.leaves_step());
    let unmet: Vec<Unmet> = leaving.map(|r| r.unmet).unwrap_or_default();
    let mut criteria: Vec<Criterion> = Narrative::standard().step(step).criteria.to_vec();
    for u in &unmet {
        if !criteria.contains(&u.criterion) {
            criteria.push(u.criterion);
        }
    }
    criteria
        .into_iter()
        .map(|c| {
            let missing = unmet.iter().find(|u| u.criterion == c);
            Line {
                title: tr.criterion(c),
                met: missing.is_none(),
                why: missing
                    .map(|u| tr.message(&u.message, names))
                    .unwrap_or_default(),
                fix: missing.and_then(|_| fix(tr, p, c)),
            }
        })
        .collect()
}

/// The lines of a refusal: every unmet criterion, with its form.
pub fn unmet_lines(
    tr: Tr,
    names: &HashMap<CityId, String>,
    p: &Partnership,
    unmet: &[Unmet],
) -> Vec<Line> {
    unmet
        .iter()
        .map(|u| Line {
            title: tr.criterion(u.criterion),
            met: false,
            why: tr.message(&u.message, names),
            fix: fix(tr, p, u.criterion),
        })
        .collect()
}

/// The form that meets a criterion (or the section of the page where its
/// forms are).
pub fn fix(tr: Tr, p: &Partnership, c: Criterion) -> Option<(String, String)> {
    use Criterion::*;
    let base = format!("/partnerships/{}", p.id());
    let plan = p.outputs().plan.as_ref();
    let (path, label) = match c {
        AimVision | AimObjective | AimTheme | AimStakeholder | AimRenewed => {
            return Some(("/city/strategy".to_owned(), tr.t("fix-strategy")));
        }
        CommitPolitical | CommitPriority | CommitRoles | CommitResources | CommitRenewed => {
            return Some(("/city/commitment".to_owned(), tr.t("fix-commitment")));
        }
        PartnerCounterpart => ("/counterpart", "fix-counterpart"),
        PartnerAssessment => ("/assessment", "fix-assessment"),
        PartnerPriority => ("/priorities", "fix-priorities"),
        PartnerAgreement | AgreementInForce => ("#agreements", "fix-agreement"),
        PlanActivity if plan.is_none() => ("/plan", "fix-plan"),
        PlanActivity => ("/activities/new", "fix-activity"),
        PlanActivityComplete => ("#activities", "fix-activities"),
        PlanApproved => ("/approvals/plan", "fix-plan-approval"),
        PlanRevised => ("/plan", "fix-plan-revised"),
        DoTeams => return Some(activity_fix(tr, p, "team", "fix-teams")),
        DoProgress | DoDelivered => return Some(activity_fix(tr, p, "progress", "fix-progress")),
        DoRisksOwned => ("#delivery", "fix-risks"),
        MeasureFramework => ("/kpis/new", "fix-framework"),
        MeasureKpiCaptured => ("#kpis", "fix-measurements"),
        MeasureFeedback => ("/feedback/new", "fix-feedback"),
        MeasureEvaluation => ("/evaluation/new", "fix-evaluation"),
        ActDecided => ("#act", "fix-decisions"),
        ActApproved => ("/approvals/decisions", "fix-decisions-approval"),
        ReplicateLessons => ("/lessons/new", "fix-lessons"),
        ReplicateExpost => ("/ex-post/new", "fix-ex-post"),
    };
    Some((format!("{base}{path}"), tr.t(label)))
}

/// The form of the first activity still missing what `what` records (a team,
/// a progress report this cycle): that is where the user acts.
fn activity_fix(tr: Tr, p: &Partnership, what: &str, label: &str) -> (String, String) {
    let cycle = p.state().cycle;
    let open = p
        .outputs()
        .plan
        .iter()
        .flat_map(|plan| plan.activities.iter())
        .filter(|a| a.status != c2c_domain::outputs::ActivityStatus::Cancelled);
    let mut open = open.peekable();
    let first = open.peek().map(|a| a.plan.id);
    let lacking = open.find(|a| match what {
        "team" => a.teams.len() < p.snapshot().parties().len(),
        _ => !a.progress.iter().any(|r| r.cycle == cycle),
    });
    let href = match lacking.map(|a| a.plan.id).or(first) {
        Some(id) => format!("/partnerships/{}/activities/{id}/{what}", p.id()),
        None => format!("/partnerships/{}#activities", p.id()),
    };
    (href, tr.t(label))
}
