//! Partner outputs: assessments of candidate counterparts, contacts and their
//! follow-ups (with the `unfollowedDelegations` analytics row, a contact
//! whose follow-up is overdue or missing), contact persons (with the
//! `contactPersonChanges` row), agreements with their signatures, and the
//! first priority areas each city agreed.

use super::city::{CityNode, city};
use super::derived_id;
use super::node::{PartnershipNode, partnership};
use crate::error::Result;
use crate::types::{
    AgreementKind, Answer, Area, ContactDirection, ContactKind, CriterionGroup, PersonChangeKind,
    SelectionCriterion,
};
use async_graphql::{Context, Enum, Object, SimpleObject};
use c2c_domain::outputs as o;
use c2c_domain::partnership::Snapshot;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// An answered selection criterion.
#[derive(SimpleObject, Clone, Debug)]
pub struct AssessmentItem {
    /// Criterion.
    pub criterion: SelectionCriterion,
    /// Its group.
    pub group: CriterionGroup,
    /// Answer.
    pub answer: Answer,
    /// Note.
    pub note: String,
}

/// A selection-criteria assessment of a candidate counterpart.
#[derive(SimpleObject, Clone, Debug)]
pub struct Assessment {
    /// Identifier.
    pub id: Uuid,
    /// Assessing city.
    pub city_id: Uuid,
    /// Candidate.
    pub candidate_city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Every criterion answered.
    pub filled: bool,
    /// Answers.
    pub items: Vec<AssessmentItem>,
}

/// Levels present on one side of a contact.
#[derive(SimpleObject, Clone, Debug)]
pub struct Levels {
    /// Political level.
    pub political: bool,
    /// Technical level.
    pub technical: bool,
}

/// A meeting, delegation, visit, call or event.
#[derive(SimpleObject, Clone, Debug)]
pub struct Contact {
    /// Identifier.
    pub id: Uuid,
    /// Recording city.
    pub city_id: Uuid,
    /// When.
    pub on: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Direction from the recording city.
    pub direction: ContactDirection,
    /// Levels on the recording city's side.
    pub ours: Levels,
    /// Levels on the partner's side.
    pub theirs: Levels,
    /// Outcome.
    pub outcome: String,
    /// Follow-up due.
    pub follow_up_due: Option<NaiveDate>,
    /// Followed up on.
    pub followed_up_on: Option<NaiveDate>,
    /// Follow-up note.
    pub follow_up_note: Option<String>,
    /// The city that recorded the follow-up.
    pub followed_up_by_city_id: Option<Uuid>,
    /// Both cities took part.
    pub joint: bool,
    /// Cycle.
    pub cycle: u32,
}

/// A person a city names as its contact for the partnership. Both cities see
/// both cities' persons.
#[derive(SimpleObject, Clone, Debug)]
pub struct ContactPerson {
    /// Identifier.
    pub id: Uuid,
    /// The city that names the person.
    pub city_id: Uuid,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// E-mail address.
    pub email: Option<String>,
    /// First day as the contact.
    pub from: NaiveDate,
    /// Last day as the contact, once they left.
    pub until: Option<NaiveDate>,
    /// Whether the counterpart was told of the person's start.
    pub announced: bool,
    /// Whether the counterpart was told of the person's leaving (null while
    /// they have not left).
    pub until_announced: Option<bool>,
    /// When it was recorded (last changed).
    pub recorded_at: DateTime<Utc>,
}

impl From<&o::ContactPerson> for ContactPerson {
    fn from(p: &o::ContactPerson) -> Self {
        ContactPerson {
            id: p.id.0,
            city_id: p.city.0,
            name: p.name.clone(),
            role: p.role.clone(),
            email: p.email.clone(),
            from: p.from,
            until: p.until,
            announced: p.announced,
            until_announced: p.until.map(|_| p.until_announced),
            recorded_at: p.recorded_at,
        }
    }
}

/// One city's signature.
#[derive(SimpleObject, Clone, Debug)]
pub struct Signature {
    /// Identifier (derived from the city, the agreement and the time it was
    /// recorded).
    pub id: Uuid,
    /// City.
    pub city_id: Uuid,
    /// Signatory.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Reference.
    pub reference: Option<String>,
}

/// An agreement (a framework, or a joint project agreement) with its
/// signatures.
#[derive(SimpleObject, Clone, Debug)]
pub struct Agreement {
    /// Identifier.
    pub id: Uuid,
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    pub areas: Vec<Area>,
    /// Binding.
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Last day in force.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<Uuid>,
    /// Signatures.
    pub signatures: Vec<Signature>,
    /// Signed by both cities on (the later signature).
    pub signed_on: Option<NaiveDate>,
}

/// One city's agreement to a first priority area.
#[derive(SimpleObject, Clone, Debug)]
pub struct FirstPriority {
    /// Identifier (derived from the city, the area and the time it was
    /// recorded).
    pub id: Uuid,
    /// Area.
    pub area: Area,
    /// City.
    pub city_id: Uuid,
    /// Who.
    pub by: String,
    /// When.
    pub on: NaiveDate,
}

impl From<&o::Assessment> for Assessment {
    fn from(a: &o::Assessment) -> Self {
        Assessment {
            id: a.id.0,
            city_id: a.city.0,
            candidate_city_id: a.candidate.0,
            on: a.on,
            filled: a.is_filled(),
            items: a
                .items
                .iter()
                .map(|i| AssessmentItem {
                    criterion: i.criterion.into(),
                    group: i.criterion.group().into(),
                    answer: i.answer.into(),
                    note: i.note.clone(),
                })
                .collect(),
        }
    }
}

impl From<&o::Levels> for Levels {
    fn from(l: &o::Levels) -> Self {
        Levels {
            political: l.political,
            technical: l.technical,
        }
    }
}

impl From<&o::Contact> for Contact {
    fn from(c: &o::Contact) -> Self {
        Contact {
            id: c.id.0,
            city_id: c.city.0,
            on: c.on,
            kind: c.kind.into(),
            direction: c.direction.into(),
            ours: (&c.ours).into(),
            theirs: (&c.theirs).into(),
            outcome: c.outcome.clone(),
            follow_up_due: c.follow_up_due,
            followed_up_on: c.followed_up_on,
            follow_up_note: c.follow_up_note.clone(),
            followed_up_by_city_id: c.followed_up_by.map(|x| x.0),
            joint: c.joint,
            cycle: c.cycle,
        }
    }
}

/// The agreements of a partnership, each with the date both cities had
/// signed it.
pub fn agreements(p: &Snapshot) -> Vec<Agreement> {
    p.outputs
        .agreements
        .iter()
        .map(|a| Agreement {
            id: a.id.0,
            kind: a.kind.into(),
            title: a.title.clone(),
            areas: a.areas.iter().map(|x| (*x).into()).collect(),
            binding: a.binding,
            text: a.text.clone(),
            reference: a.reference.clone(),
            valid_until: a.valid_until,
            renewal_of: a.renewal_of.map(|r| r.0),
            signatures: a
                .signatures
                .iter()
                .map(|s| Signature {
                    id: derived_id(
                        "signature",
                        s.city.0,
                        &[&a.id.0, &s.recorded_at.to_rfc3339()],
                    ),
                    city_id: s.city.0,
                    by: s.by.clone(),
                    on: s.on,
                    reference: s.reference.clone(),
                })
                .collect(),
            signed_on: p.counterpart.and_then(|c| a.signed_on(p.initiator, c)),
        })
        .collect()
}

impl From<&o::PriorityAgreement> for FirstPriority {
    fn from(x: &o::PriorityAgreement) -> Self {
        let key: [&dyn std::fmt::Display; 2] = [&x.area.code(), &x.recorded_at.to_rfc3339()];
        FirstPriority {
            id: derived_id("first-priority", x.city.0, &key),
            area: x.area.into(),
            city_id: x.city.0,
            by: x.by.clone(),
            on: x.on,
        }
    }
}

/// Why a delegation shows up: its follow-up is overdue, or none was planned.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
pub enum FollowUpProblem {
    /// The follow-up was due and nothing was recorded.
    Overdue,
    /// No follow-up was planned and none was recorded.
    Missing,
}

/// A delegation or visit whose follow-up is overdue or missing.
#[derive(Clone, Debug)]
pub struct UnfollowedNode(pub c2c_store::Unfollowed);

#[Object(name = "UnfollowedDelegation")]
impl UnfollowedNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// The contact.
    async fn contact_id(&self) -> Uuid {
        self.0.contact
    }
    /// The city that recorded it.
    async fn city_id(&self) -> Uuid {
        self.0.city.0
    }
    /// `DELEGATION` or `VISIT`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// When it happened.
    async fn on(&self) -> NaiveDate {
        self.0.on
    }
    /// When the follow-up was due.
    async fn follow_up_due(&self) -> Option<NaiveDate> {
        self.0.follow_up_due
    }
    /// Overdue or missing.
    async fn problem(&self) -> FollowUpProblem {
        if self.0.follow_up_due.is_some() {
            FollowUpProblem::Overdue
        } else {
            FollowUpProblem::Missing
        }
    }
    /// Days since the follow-up was due (or since the contact, when none was planned).
    async fn days_waiting(&self) -> i64 {
        self.0.days_waiting
    }
}

/// A change of a city's contact person: a start while the city had already
/// named someone, or a leaving; unannounced changes are the failure pattern.
#[derive(Clone, Debug)]
pub struct ContactPersonChangeNode(pub c2c_store::PersonChange);

#[Object(name = "ContactPersonChange")]
impl ContactPersonChangeNode {
    /// The partnership.
    async fn partnership(&self, ctx: &Context<'_>) -> Result<PartnershipNode> {
        partnership(ctx, self.0.partnership).await
    }
    /// The city whose person changed.
    async fn city(&self, ctx: &Context<'_>) -> Result<Option<CityNode>> {
        city(ctx, self.0.city).await
    }
    /// The person.
    async fn person(&self) -> ContactPerson {
        (&self.0.person).into()
    }
    /// A start or a leaving.
    async fn kind(&self) -> PersonChangeKind {
        self.0.kind.into()
    }
    /// When.
    async fn on(&self) -> NaiveDate {
        self.0.on
    }
    /// Whether the counterpart was told.
    async fn announced(&self) -> bool {
        self.0.announced
    }
    /// Not announced: the failure pattern.
    async fn flagged(&self) -> bool {
        !self.0.announced
    }
}
