//! The Do decisions: a city's team for an activity, progress reports (which
//! set the activity's status; a cancellation gives its reason and makes a new
//! plan version) and risks; and how their changes are applied.

use super::common::{activity, activity_mut, duplicate, plan};
use crate::DomainError;
use crate::city::optional;
use crate::command::Ctx;
use crate::event::Change;
use crate::outputs::{
    ActivityStatus, ProgressDraft, ProgressReport, Risk, RiskDraft, Team, TeamDraft,
};
use crate::snapshot::Snapshot;
use crate::text::{LONG, SHORT, clean, list, required};
use crate::value;

/// The acting city's team for an activity (it replaces the city's previous
/// one).
pub(super) fn team(s: &Snapshot, ctx: &Ctx, d: TeamDraft) -> Result<Change, DomainError> {
    activity(s, d.activity)?;
    Ok(Change::TeamRecorded {
        activity: d.activity,
        team: Team {
            city: ctx.city,
            name: required("name", &d.name, SHORT)?,
            members: list("members", &d.members, SHORT)?,
            responsibilities: clean("responsibilities", &d.responsibilities, LONG)?,
            recorded_at: ctx.now,
        },
    })
}

/// A progress report on an activity, in the current cycle. Cancelling an
/// activity needs a reason and makes a new plan version, so that the
/// approvals of the plan as it was no longer count.
pub(super) fn progress(s: &Snapshot, ctx: &Ctx, d: ProgressDraft) -> Result<Change, DomainError> {
    let a = activity(s, d.activity)?;
    let cancels = d.status == ActivityStatus::Cancelled;
    let reason = match d.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if cancels => Some(required("reason", r, LONG)?),
        None if cancels => {
            return Err(DomainError::invalid(
                "reason",
                "a cancellation needs a reason",
            ));
        }
        Some(_) => {
            return Err(DomainError::invalid(
                "reason",
                format!(
                    "only a cancellation takes a reason; this report sets {}",
                    d.status.code()
                ),
            ));
        }
        None => None,
    };
    let plan_version = (cancels && a.status != ActivityStatus::Cancelled)
        .then(|| plan(s).map(|p| p.version + 1))
        .transpose()?;
    if a.progress.iter().any(|r| r.id == d.id) {
        return Err(duplicate("progress report"));
    }
    value::happened("on", d.on, ctx.now)?;
    let percent = match d.percent {
        None => None,
        Some(p) => match u8::try_from(p) {
            Ok(p @ 0..=100) => Some(p),
            _ => {
                return Err(DomainError::invalid(
                    "percent",
                    format!("a percentage is between 0 and 100 ({p})"),
                ));
            }
        },
    };
    Ok(Change::ProgressReported {
        activity: d.activity,
        report: ProgressReport {
            id: d.id,
            city: ctx.city,
            on: d.on,
            summary: required("summary", &d.summary, LONG)?,
            status: d.status,
            reason,
            percent,
            cycle: s.state.cycle,
            recorded_at: ctx.now,
        },
        plan_version,
    })
}

/// A new risk of an activity, or a change to one of its risks.
pub(super) fn risk(s: &Snapshot, ctx: &Ctx, d: RiskDraft) -> Result<Change, DomainError> {
    activity(s, d.activity)?;
    if let Some(other) = plan(s)?
        .activities
        .iter()
        .find(|a| a.plan.id != d.activity && a.risks.iter().any(|r| r.id == d.id))
    {
        return Err(DomainError::invalid(
            "id",
            format!("the risk belongs to activity '{}'", other.plan.title),
        ));
    }
    Ok(Change::RiskRecorded {
        activity: d.activity,
        risk: Risk {
            id: d.id,
            city: ctx.city,
            description: required("description", &d.description, LONG)?,
            likelihood: d.likelihood,
            impact: d.impact,
            mitigation: optional("mitigation", d.mitigation.as_deref(), LONG)?,
            owner: optional("owner", d.owner.as_deref(), SHORT)?,
            status: d.status,
            recorded_at: ctx.now,
        },
    })
}

/// Applies a Do change.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let o = &mut s.outputs;
    match change {
        Change::TeamRecorded { activity, team } => {
            if let Some(a) = activity_mut(o, *activity) {
                a.teams.retain(|t| t.city != team.city);
                a.teams.push(team.clone());
            }
        }
        Change::ProgressReported {
            activity,
            report,
            plan_version,
        } => {
            if let Some(a) = activity_mut(o, *activity) {
                a.status = report.status;
                a.progress.push(report.clone());
            }
            if let (Some(version), Some(plan)) = (plan_version, o.plan.as_mut()) {
                plan.version = *version;
                plan.version_cycle = s.state.cycle;
            }
        }
        Change::RiskRecorded { activity, risk } => {
            if let Some(a) = activity_mut(o, *activity) {
                match a.risks.iter_mut().find(|r| r.id == risk.id) {
                    Some(r) => *r = risk.clone(),
                    None => a.risks.push(risk.clone()),
                }
            }
        }
        _ => {}
    }
}
