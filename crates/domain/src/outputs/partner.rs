//! The Partner outputs: the selection-criteria assessment of a candidate
//! counterpart, contacts and their follow-ups, each city's contact persons,
//! agreements with their signatures, and the first priority areas each city
//! agrees; with their input drafts.

use crate::city::{Area, vocabulary};
use crate::{AgreementId, AssessmentId, CityId, ContactId, ContactPersonId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

vocabulary! {
    /// The group of a selection criterion (the guidebook's Figure 9).
    CriterionGroup {
        /// Can the counterpart deliver?
        Potential,
        /// Is there a basis to build on?
        Opportunity,
        /// Do the cities share aims?
        Similarity,
        /// Are both willing?
        Willingness,
    }
}

vocabulary! {
    /// One of the twelve selection criteria of the guidebook's Figure 9.
    SelectionCriterion {
        /// The counterpart is the city itself or officially represents it.
        RepresentsCity,
        /// It works with its helix stakeholders on joint projects.
        WorksWithHelix,
        /// Its ecosystem has the critical mass for the aims.
        CriticalMass,
        /// The city has formulated an international cooperation strategy that
        /// includes EU–China.
        InternationalStrategy,
        /// There is a historical basis (e.g. twin-city status).
        HistoricalBasis,
        /// An MoU is signed or intended.
        MouSignedOrIntended,
        /// Shared aims in specific areas.
        SharedAims,
        /// These aims are on a shared research or innovation agenda.
        SharedAgenda,
        /// At least one city can serve as reference for learning.
        ReferenceForLearning,
        /// Both are available for peer-to-peer activities.
        PeerToPeer,
        /// At least one wishes to host a joint project.
        WishesToHost,
        /// The city (organisation) is interested in joining the URBAN-EU-CHINA
        /// platform.
        PlatformInterest,
    }
}

impl SelectionCriterion {
    /// The group the criterion belongs to.
    pub fn group(self) -> CriterionGroup {
        use SelectionCriterion::*;
        match self {
            RepresentsCity | WorksWithHelix | CriticalMass => CriterionGroup::Potential,
            InternationalStrategy | HistoricalBasis | MouSignedOrIntended => {
                CriterionGroup::Opportunity
            }
            SharedAims | SharedAgenda | ReferenceForLearning => CriterionGroup::Similarity,
            PeerToPeer | WishesToHost | PlatformInterest => CriterionGroup::Willingness,
        }
    }
}

vocabulary! {
    /// The answer to a selection criterion.
    Answer {
        /// The criterion is met.
        Met,
        /// It is not met.
        NotMet,
        /// Nobody knows yet.
        Unknown,
    }
}

/// One answered selection criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentItem {
    /// The criterion.
    pub criterion: SelectionCriterion,
    /// The answer.
    pub answer: Answer,
    /// A note.
    pub note: String,
}

/// The selection-criteria assessment of a candidate counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Its identifier.
    pub id: AssessmentId,
    /// The assessing city.
    pub city: CityId,
    /// The candidate counterpart.
    pub candidate: CityId,
    /// When it was made.
    pub on: NaiveDate,
    /// The answered criteria.
    pub items: Vec<AssessmentItem>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl Assessment {
    /// Every one of the twelve criteria is answered (unknown is an answer).
    pub fn is_filled(&self) -> bool {
        use strum::IntoEnumIterator;
        SelectionCriterion::iter().all(|c| self.items.iter().any(|i| i.criterion == c))
    }

    /// The criteria not answered yet.
    pub fn missing(&self) -> Vec<SelectionCriterion> {
        use strum::IntoEnumIterator;
        SelectionCriterion::iter()
            .filter(|c| !self.items.iter().any(|i| i.criterion == *c))
            .collect()
    }

    /// The groups in which no item is answered met or not met (unknown
    /// decides nothing).
    pub fn undecided_groups(&self) -> Vec<CriterionGroup> {
        use strum::IntoEnumIterator;
        CriterionGroup::iter()
            .filter(|g| {
                !self
                    .items
                    .iter()
                    .any(|i| i.criterion.group() == *g && i.answer != Answer::Unknown)
            })
            .collect()
    }
}

vocabulary! {
    /// The kind of a contact.
    ContactKind {
        /// A meeting.
        Meeting,
        /// A delegation.
        Delegation,
        /// A visit.
        Visit,
        /// A call.
        Call,
        /// An event (forum, fair, festival).
        Event,
    }
}

vocabulary! {
    /// The direction of a contact, from the recording city's point of view.
    ContactDirection {
        /// The recording city went to the partner.
        Outbound,
        /// The partner came to the recording city.
        Inbound,
    }
}

/// The levels present on one side of a contact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Levels {
    /// Political level present.
    pub political: bool,
    /// Technical level present.
    pub technical: bool,
}

/// A meeting, delegation, visit, call or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Its identifier.
    pub id: ContactId,
    /// The recording city.
    pub city: CityId,
    /// When it happened.
    pub on: NaiveDate,
    /// Its kind.
    pub kind: ContactKind,
    /// Its direction from the recording city.
    pub direction: ContactDirection,
    /// Levels present on the recording city's side.
    pub ours: Levels,
    /// Levels present on the partner's side.
    pub theirs: Levels,
    /// The outcome.
    pub outcome: String,
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
    /// When the follow-up happened.
    pub followed_up_on: Option<NaiveDate>,
    /// What the follow-up was.
    pub follow_up_note: Option<String>,
    /// The city that recorded the follow-up (none before one is recorded, or
    /// for a follow-up recorded before cities were kept).
    pub followed_up_by: Option<CityId>,
    /// Whether both cities took part (a joint activity, for dormancy).
    pub joint: bool,
    /// The cycle it was recorded in.
    pub cycle: u32,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

vocabulary! {
    /// The kind of an agreement.
    AgreementKind {
        /// Memorandum of understanding.
        Mou,
        /// Letter of intent.
        LetterOfIntent,
        /// Sister-city agreement.
        SisterCity,
        /// Friendship-city agreement.
        FriendshipCity,
        /// Framework agreement.
        Framework,
        /// Strategic partnership agreement.
        Strategic,
        /// A joint project agreement: the project-first route, a concrete
        /// project before (or instead of) a framework agreement.
        ProjectAgreement,
    }
}

impl AgreementKind {
    /// Every kind but a project agreement is a framework agreement.
    pub fn is_framework(self) -> bool {
        self != AgreementKind::ProjectAgreement
    }
}

/// One city's signature of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signing city.
    pub city: CityId,
    /// Who signed (a mayor, a governor).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// A reference (decision number, registry entry).
    pub reference: Option<String>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// An agreement: a framework (MoU or similar) or a joint project agreement.
/// Its text is kept: a single clause can end a partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Its identifier.
    pub id: AgreementId,
    /// Its kind.
    pub kind: AgreementKind,
    /// Its title.
    pub title: String,
    /// Its cooperation areas.
    pub areas: Vec<Area>,
    /// Whether it is legally binding.
    pub binding: bool,
    /// Its text.
    pub text: Option<String>,
    /// A reference to it (a link, a registry entry).
    pub reference: Option<String>,
    /// The last day it is in force, if it expires.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<AgreementId>,
    /// One signature per city.
    pub signatures: Vec<Signature>,
    /// The city that recorded it.
    pub city: CityId,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl Agreement {
    /// The signature of a city, if it signed.
    pub fn signature(&self, city: CityId) -> Option<&Signature> {
        self.signatures.iter().find(|s| s.city == city)
    }

    /// When the agreement was signed by both cities: the later signature.
    pub fn signed_on(&self, a: CityId, b: CityId) -> Option<NaiveDate> {
        let sa = self.signature(a)?;
        let sb = self.signature(b)?;
        Some(sa.on.max(sb.on))
    }

    /// Signed by both and in force on `date`.
    pub fn in_force_on(&self, a: CityId, b: CityId, date: NaiveDate) -> bool {
        match self.signed_on(a, b) {
            Some(signed) => signed <= date && self.valid_until.is_none_or(|until| date <= until),
            None => false,
        }
    }
}

/// One city's agreement to a first priority area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityAgreement {
    /// The area.
    pub area: Area,
    /// The agreeing city.
    pub city: CityId,
    /// Who agreed for it.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    /// New identifier.
    pub id: AssessmentId,
    /// The candidate counterpart.
    pub candidate: CityId,
    /// When it was made.
    pub on: NaiveDate,
    /// The answered criteria.
    pub items: Vec<AssessmentItem>,
}

/// Input for a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    /// New identifier.
    pub id: ContactId,
    /// When it happened.
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
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
    /// Whether both cities took part.
    pub joint: bool,
}

/// Input for an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementDraft {
    /// New identifier.
    pub id: AgreementId,
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    pub areas: Vec<Area>,
    /// Binding or not.
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Expiry.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<AgreementId>,
}

/// A person a city names as its contact for the partnership. Each city names
/// its own; both cities see both cities' persons. A change of person is a
/// known failure pattern when the counterpart is not told (`announced`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Its identifier.
    pub id: ContactPersonId,
    /// The city that names the person (always the recording city).
    pub city: CityId,
    /// The person's name.
    pub name: String,
    /// Their role (e.g. "Head of the international office").
    pub role: String,
    /// Their e-mail address.
    pub email: Option<String>,
    /// The first day they are the contact.
    pub from: NaiveDate,
    /// The last day they were the contact, once they left.
    pub until: Option<NaiveDate>,
    /// Whether the counterpart was told of the person's start.
    pub announced: bool,
    /// Whether the counterpart was told of the person's leaving (meaningful
    /// once `until` is set).
    pub until_announced: bool,
    /// When it was recorded (last changed).
    pub recorded_at: DateTime<Utc>,
}

/// Input for a contact person: new, or a change of one (by identifier).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPersonDraft {
    /// Identifier: new, or of the person to change.
    pub id: ContactPersonId,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// E-mail address.
    pub email: Option<String>,
    /// First day as the contact.
    pub from: NaiveDate,
    /// Last day as the contact.
    pub until: Option<NaiveDate>,
    /// Whether the counterpart was told of this change (the start of a new
    /// person or a moved `from`; the leaving when `until` is set or moved).
    pub announced: bool,
}
