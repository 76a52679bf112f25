//! The Plan decisions: the plan's header and its activities' planned part,
//! either of which, when it changes, makes a new plan version; and how their
//! changes are applied.

use super::common::{party, plan, stakeholder_of};
use crate::city::dedup;
use crate::event::Change;
use crate::money::Money;
use crate::outputs::{
    Activity, ActivityDraft, ActivityPlan, ActivityStatus, Funding, FundingDraft, Plan,
};
use crate::snapshot::Snapshot;
use crate::text::{LONG, SHORT, clean, list, required};
use crate::value;
use crate::{CityId, DomainError};

/// Creates the plan or changes its header; an unchanged header keeps the
/// version.
pub(super) fn header(s: &Snapshot, title: String, summary: String) -> Result<Change, DomainError> {
    let title = required("title", &title, SHORT)?;
    let summary = clean("summary", &summary, LONG)?;
    let version = match &s.outputs.plan {
        None => 1,
        Some(p) if p.title == title && p.summary == summary => p.version,
        Some(p) => p.version + 1,
    };
    Ok(Change::PlanRecorded {
        title,
        summary,
        version,
    })
}

/// Adds an activity or changes its planned part; an unchanged activity keeps
/// the plan version.
pub(super) fn activity(s: &Snapshot, d: ActivityDraft) -> Result<Change, DomainError> {
    let plan = plan(s)?;
    let lead_city = lead(s, &d)?;
    let mut cities = Vec::new();
    for c in dedup(d.cities) {
        cities.push(party(s, c)?);
    }
    if let Some(lead) = lead_city
        && !cities.is_empty()
        && !cities.contains(&lead)
    {
        cities.insert(0, lead);
    }
    let funding = funding(d.funding)?;
    if let (Some(start), Some(due)) = (d.start, d.due)
        && start > due
    {
        return Err(DomainError::invalid(
            "due",
            "the due date precedes the start",
        ));
    }
    let activity = ActivityPlan {
        id: d.id,
        title: required("title", &d.title, SHORT)?,
        area: d.area,
        description: clean("description", &d.description, LONG)?,
        lead_city,
        lead_stakeholder: d.lead_stakeholder,
        cities,
        funding,
        start: value::planned_opt("start", d.start)?,
        due: value::planned_opt("due", d.due)?,
        expected_results: clean("expectedResults", &d.expected_results, LONG)?,
        resources: list("resources", &d.resources, SHORT)?,
    };
    let unchanged = plan.activity(d.id).is_some_and(|a| a.plan == activity);
    Ok(Change::ActivityRecorded {
        activity,
        plan_version: if unchanged {
            plan.version
        } else {
            plan.version + 1
        },
    })
}

/// The lead city, a party; a lead stakeholder needs one and belongs to it.
fn lead(s: &Snapshot, d: &ActivityDraft) -> Result<Option<CityId>, DomainError> {
    let lead_city = match d.lead_city {
        Some(c) => Some(party(s, c)?),
        None => None,
    };
    if let Some(stakeholder) = d.lead_stakeholder {
        let Some(city) = lead_city else {
            return Err(DomainError::invalid(
                "leadStakeholderId",
                "a lead stakeholder needs a lead city",
            ));
        };
        if !stakeholder_of(s, city, stakeholder) {
            return Err(DomainError::invalid(
                "leadStakeholderId",
                format!("stakeholder {stakeholder} does not belong to the lead city"),
            ));
        }
    }
    Ok(lead_city)
}

fn funding(drafts: Vec<FundingDraft>) -> Result<Vec<Funding>, DomainError> {
    let mut funding = Vec::new();
    for f in drafts {
        funding.push(Funding {
            money: Money::parse_non_negative(f.amount, &f.currency)?,
            source: required("funding.source", &f.source, SHORT)?,
        });
    }
    Ok(funding)
}

/// Applies a Plan change; a new plan version belongs to the current cycle.
pub(super) fn apply(s: &mut Snapshot, change: &Change) {
    let cycle = s.state.cycle;
    let o = &mut s.outputs;
    match change {
        Change::PlanRecorded {
            title,
            summary,
            version,
        } => match &mut o.plan {
            Some(plan) => {
                plan.title = title.clone();
                plan.summary = summary.clone();
                set_version(plan, *version, cycle);
            }
            None => {
                o.plan = Some(Plan {
                    title: title.clone(),
                    summary: summary.clone(),
                    version: *version,
                    version_cycle: cycle,
                    activities: Vec::new(),
                });
            }
        },
        Change::ActivityRecorded {
            activity,
            plan_version,
        } => {
            if let Some(plan) = &mut o.plan {
                set_version(plan, *plan_version, cycle);
                match plan
                    .activities
                    .iter_mut()
                    .find(|a| a.plan.id == activity.id)
                {
                    Some(a) => a.plan = activity.clone(),
                    None => plan.activities.push(Activity {
                        plan: activity.clone(),
                        status: ActivityStatus::Planned,
                        teams: Vec::new(),
                        progress: Vec::new(),
                        risks: Vec::new(),
                    }),
                }
            }
        }
        _ => {}
    }
}

/// The plan at `version`: a version it was not at before was made in `cycle`.
fn set_version(plan: &mut Plan, version: u32, cycle: u32) {
    if plan.version != version {
        plan.version = version;
        plan.version_cycle = cycle;
    }
}
