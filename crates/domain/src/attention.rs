//! What needs a city's attention in a partnership, on a date: the joint
//! outputs that wait for its side (a signature, a first priority, an approval),
//! what falls due, and the failure patterns a board flags (DESIGN §12). Pure
//! functions of a snapshot, so that every screen that shows them agrees.

use crate::outputs::{ActivityStatus, ApprovalSubject, ContactKind};
use crate::snapshot::Snapshot;
use crate::vocab::Status;
use crate::{ActivityId, AgreementId, Area, CityId, ContactId};
use chrono::{Days, NaiveDate};

/// Days without a dated activity after which a partnership is stalled (the
/// surveyed regions call a partnership "not active" after two years).
pub const STALLED_AFTER_DAYS: u64 = 730;
/// How far ahead an expiring agreement is flagged.
pub const EXPIRY_WARNING_DAYS: u64 = 90;
/// How far ahead a follow-up or an activity's due date is listed.
pub const DUE_WITHIN_DAYS: u64 = 30;

/// A joint output that waits for a city's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Awaiting {
    /// An agreement in force or to come that the city has not signed.
    Signature {
        /// The agreement.
        agreement: AgreementId,
        /// Its title.
        title: String,
    },
    /// A first priority area the other city agreed and this one has not.
    Priority {
        /// The area.
        area: Area,
    },
    /// The current plan version, which the city has not approved.
    PlanApproval {
        /// The version.
        version: u32,
    },
    /// The current cycle's decision set, decided, which the city has not
    /// approved.
    DecisionsApproval {
        /// The version.
        version: u32,
    },
}

/// Something that falls due for a city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// A contact the city recorded whose follow-up is due (or overdue) and
    /// not recorded.
    FollowUp {
        /// The contact.
        contact: ContactId,
        /// When the contact took place.
        on: NaiveDate,
        /// When the follow-up is due.
        due: NaiveDate,
    },
    /// An open activity of the city that is due soon or overdue.
    Activity {
        /// The activity.
        activity: ActivityId,
        /// Its title.
        title: String,
        /// Its due date.
        due: NaiveDate,
    },
    /// An agreement signed by both that expires soon (or has expired).
    AgreementExpiring {
        /// The agreement.
        agreement: AgreementId,
        /// Its title.
        title: String,
        /// Its last day.
        valid_until: NaiveDate,
    },
    /// An activity under way with no progress report this cycle, at Do.
    ProgressMissing {
        /// The activity.
        activity: ActivityId,
        /// Its title.
        title: String,
    },
}

/// The flags of a partnership on a board.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// No dated activity for [`STALLED_AFTER_DAYS`].
    pub stalled: bool,
    /// An agreement signed by both expires within [`EXPIRY_WARNING_DAYS`].
    pub agreement_expiring: bool,
    /// A delegation or visit without a follow-up, due or never planned.
    pub delegation_unfollowed: bool,
    /// A joint output waits for the city's side.
    pub awaiting_us: bool,
}

fn other(s: &Snapshot, city: CityId) -> Option<CityId> {
    s.parties().into_iter().find(|c| *c != city)
}

/// The joint outputs that wait for `city`'s side.
pub fn awaiting(s: &Snapshot, city: CityId, on: NaiveDate) -> Vec<Awaiting> {
    let o = &s.outputs;
    if !s.is_party(city) || s.counterpart.is_none() || s.state.status.is_final() {
        return Vec::new();
    }
    let mut out: Vec<Awaiting> = o
        .agreements
        .iter()
        .filter(|a| a.signature(city).is_none() && a.valid_until.is_none_or(|u| u >= on))
        .map(|a| Awaiting::Signature {
            agreement: a.id,
            title: a.title.clone(),
        })
        .collect();
    if let Some(them) = other(s, city) {
        let mine = |area: Area| {
            o.priorities
                .iter()
                .any(|p| p.city == city && p.area == area)
        };
        for p in o
            .priorities
            .iter()
            .filter(|p| p.city == them && !mine(p.area))
        {
            out.push(Awaiting::Priority { area: p.area });
        }
    }
    let approved = |subject: ApprovalSubject, version: u32, cycle: Option<u32>| {
        o.approvals.iter().any(|a| {
            a.subject == subject
                && a.version == version
                && a.city == city
                && cycle.is_none_or(|c| a.cycle == c)
        })
    };
    if let Some(plan) = &o.plan
        && plan
            .activities
            .iter()
            .any(|a| a.status != ActivityStatus::Cancelled)
        && !approved(ApprovalSubject::Plan, plan.version, None)
    {
        out.push(Awaiting::PlanApproval {
            version: plan.version,
        });
    }
    let cycle = s.state.cycle;
    let decided = o
        .adjustments
        .iter()
        .filter(|a| a.cycle == cycle)
        .all(|a| a.decision.is_some());
    if o.decisions_version > 0
        && decided
        && !approved(ApprovalSubject::Decisions, o.decisions_version, Some(cycle))
    {
        out.push(Awaiting::DecisionsApproval {
            version: o.decisions_version,
        });
    }
    out
}

/// What falls due for `city` within [`DUE_WITHIN_DAYS`] of `on` (or is
/// overdue), and agreements expiring within [`EXPIRY_WARNING_DAYS`].
pub fn due(s: &Snapshot, city: CityId, on: NaiveDate) -> Vec<Due> {
    if !s.is_party(city) || s.state.status.is_final() {
        return Vec::new();
    }
    let soon = on
        .checked_add_days(Days::new(DUE_WITHIN_DAYS))
        .unwrap_or(on);
    let mut out: Vec<Due> = s
        .outputs
        .contacts
        .iter()
        .filter(|c| c.city == city && c.followed_up_on.is_none())
        .filter_map(|c| c.follow_up_due.filter(|d| *d <= soon).map(|d| (c, d)))
        .map(|(c, due)| Due::FollowUp {
            contact: c.id,
            on: c.on,
            due,
        })
        .collect();
    out.extend(activities_due(s, city, soon));
    out.extend(expiring(s, on));
    out.extend(progress_missing(s, city, on));
    out
}

fn activities_due(s: &Snapshot, city: CityId, soon: NaiveDate) -> Vec<Due> {
    let Some(plan) = &s.outputs.plan else {
        return Vec::new();
    };
    plan.activities
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                ActivityStatus::Planned | ActivityStatus::InProgress
            )
        })
        .filter(|a| a.plan.lead_city == Some(city) || a.plan.cities.contains(&city))
        .filter_map(|a| a.plan.due.filter(|d| *d <= soon).map(|d| (a, d)))
        .map(|(a, due)| Due::Activity {
            activity: a.plan.id,
            title: a.plan.title.clone(),
            due,
        })
        .collect()
}

fn expiring(s: &Snapshot, on: NaiveDate) -> Vec<Due> {
    let Some((a, b)) = s.counterpart.map(|c| (s.initiator, c)) else {
        return Vec::new();
    };
    let horizon = on
        .checked_add_days(Days::new(EXPIRY_WARNING_DAYS))
        .unwrap_or(on);
    let agreements = &s.outputs.agreements;
    let renewed = |id: AgreementId| agreements.iter().any(|x| x.renewal_of == Some(id));
    agreements
        .iter()
        .filter(|g| g.signed_on(a, b).is_some() && !renewed(g.id))
        .filter_map(|g| g.valid_until.filter(|u| *u <= horizon).map(|u| (g, u)))
        .map(|(g, valid_until)| Due::AgreementExpiring {
            agreement: g.id,
            title: g.title.clone(),
            valid_until,
        })
        .collect()
}

fn progress_missing(s: &Snapshot, city: CityId, on: NaiveDate) -> Vec<Due> {
    let Some(plan) = &s.outputs.plan else {
        return Vec::new();
    };
    if s.state.step != crate::Step::Do {
        return Vec::new();
    }
    let cycle = s.state.cycle;
    plan.activities
        .iter()
        .filter(|a| {
            a.status == ActivityStatus::InProgress
                || (a.status == ActivityStatus::Planned && a.plan.start.is_some_and(|d| d <= on))
        })
        .filter(|a| a.plan.lead_city.is_none_or(|c| c == city))
        .filter(|a| !a.progress.iter().any(|r| r.cycle == cycle))
        .map(|a| Due::ProgressMissing {
            activity: a.plan.id,
            title: a.plan.title.clone(),
        })
        .collect()
}

/// The date of the last dated activity of a partnership: a contact or its
/// follow-up, a signature, a first priority, a progress report, the end of a
/// measurement period, an approval; the start when there is none.
pub fn last_activity(s: &Snapshot) -> NaiveDate {
    let o = &s.outputs;
    let contacts = o
        .contacts
        .iter()
        .flat_map(|c| std::iter::once(c.on).chain(c.followed_up_on));
    let signatures = o
        .agreements
        .iter()
        .flat_map(|a| a.signatures.iter().map(|x| x.on));
    let priorities = o.priorities.iter().map(|p| p.on);
    let progress = o
        .plan
        .iter()
        .flat_map(|p| p.activities.iter())
        .flat_map(|a| a.progress.iter().map(|r| r.on));
    let measurements = o.measurements.iter().map(|m| m.period.end);
    let approvals = o.approvals.iter().map(|a| a.on);
    contacts
        .chain(signatures)
        .chain(priorities)
        .chain(progress)
        .chain(measurements)
        .chain(approvals)
        .max()
        .unwrap_or(s.started_at.date_naive())
}

/// The board's flags of a partnership for `city` on `on`.
pub fn flags(s: &Snapshot, city: CityId, on: NaiveDate) -> Flags {
    let live = !s.state.status.is_final();
    let stalled_since = on
        .checked_sub_days(Days::new(STALLED_AFTER_DAYS))
        .unwrap_or(on);
    Flags {
        stalled: live
            && matches!(s.state.status, Status::Active | Status::Suspended)
            && last_activity(s) < stalled_since,
        agreement_expiring: live && !expiring(s, on).is_empty(),
        delegation_unfollowed: live
            && s.outputs.contacts.iter().any(|c| {
                matches!(c.kind, ContactKind::Delegation | ContactKind::Visit)
                    && c.followed_up_on.is_none()
                    && c.follow_up_due.is_none_or(|d| d < on)
            }),
        awaiting_us: !awaiting(s, city, on).is_empty(),
    }
}
