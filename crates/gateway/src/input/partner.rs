//! Partner inputs: an assessment of a candidate counterpart, a contact (a
//! meeting, delegation, visit, call or event), a contact person, and an
//! agreement.

use super::common::Given;
use crate::types::{
    AgreementKind, Answer, Area, ContactDirection, ContactKind, SelectionCriterion,
};
use async_graphql::InputObject;
use c2c_domain::CityId;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use uuid::Uuid;

/// An answered selection criterion.
#[derive(InputObject, Clone, Debug)]
pub struct AssessmentItemInput {
    /// Criterion.
    pub criterion: SelectionCriterion,
    /// Answer.
    pub answer: Answer,
    /// Note.
    #[graphql(default)]
    pub note: String,
}

/// An assessment of a candidate counterpart.
#[derive(InputObject, Clone, Debug)]
pub struct AssessmentInput {
    /// The candidate city.
    pub candidate_city_id: Uuid,
    /// When it was made.
    pub on: NaiveDate,
    /// Answers (all twelve for a filled assessment).
    pub items: Vec<AssessmentItemInput>,
}

impl From<Given<AssessmentInput>> for o::AssessmentDraft {
    fn from(Given { input: i, ids, .. }: Given<AssessmentInput>) -> Self {
        o::AssessmentDraft {
            id: ids.fresh().into(),
            candidate: CityId(i.candidate_city_id),
            on: i.on,
            items: i
                .items
                .into_iter()
                .map(|i| o::AssessmentItem {
                    criterion: i.criterion.into(),
                    answer: i.answer.into(),
                    note: i.note,
                })
                .collect(),
        }
    }
}

/// Levels present on one side.
#[derive(InputObject, Clone, Debug, Default)]
pub struct LevelsInput {
    /// Political level.
    #[graphql(default)]
    pub political: bool,
    /// Technical level.
    #[graphql(default)]
    pub technical: bool,
}

impl From<LevelsInput> for o::Levels {
    fn from(l: LevelsInput) -> Self {
        o::Levels {
            political: l.political,
            technical: l.technical,
        }
    }
}

/// A meeting, delegation, visit, call or event.
#[derive(InputObject, Clone, Debug)]
pub struct ContactInput {
    /// When.
    pub on: NaiveDate,
    /// Kind.
    pub kind: ContactKind,
    /// Direction from the recording city.
    pub direction: ContactDirection,
    /// Levels on the recording city's side.
    #[graphql(default)]
    pub ours: LevelsInput,
    /// Levels on the partner's side.
    #[graphql(default)]
    pub theirs: LevelsInput,
    /// Outcome.
    #[graphql(default)]
    pub outcome: String,
    /// When a follow-up is due.
    pub follow_up_due: Option<NaiveDate>,
    /// Both cities took part (joint activity, for dormancy).
    #[graphql(default)]
    pub joint: bool,
}

impl From<Given<ContactInput>> for o::ContactDraft {
    fn from(Given { input: i, ids, .. }: Given<ContactInput>) -> Self {
        o::ContactDraft {
            id: ids.fresh().into(),
            on: i.on,
            kind: i.kind.into(),
            direction: i.direction.into(),
            ours: i.ours.into(),
            theirs: i.theirs.into(),
            outcome: i.outcome,
            follow_up_due: i.follow_up_due,
            joint: i.joint,
        }
    }
}

/// A person the editor's city names as its contact for the partnership (new,
/// or changed when `id` names one, e.g. to set `until`).
#[derive(InputObject, Clone, Debug)]
pub struct ContactPersonInput {
    /// The person to change; new if absent.
    pub id: Option<Uuid>,
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
    /// Whether the counterpart was told of this change: the start of a new
    /// person (or a moved `from`), the leaving when `until` is set or moved.
    pub announced: bool,
}

impl From<Given<ContactPersonInput>> for o::ContactPersonDraft {
    fn from(Given { input: i, ids, .. }: Given<ContactPersonInput>) -> Self {
        o::ContactPersonDraft {
            id: ids.or_fresh(i.id).into(),
            name: i.name,
            role: i.role,
            email: i.email,
            from: i.from,
            until: i.until,
            announced: i.announced,
        }
    }
}

/// An agreement: a framework agreement or a joint project agreement
/// (unsigned; each city signs with `recordSignature`).
#[derive(InputObject, Clone, Debug)]
pub struct AgreementInput {
    /// Kind.
    pub kind: AgreementKind,
    /// Title.
    pub title: String,
    /// Areas.
    #[graphql(default)]
    pub areas: Vec<Area>,
    /// Legally binding.
    #[graphql(default)]
    pub binding: bool,
    /// Text.
    pub text: Option<String>,
    /// Reference (a link, a registry entry).
    pub reference: Option<String>,
    /// Last day in force.
    pub valid_until: Option<NaiveDate>,
    /// The agreement it renews.
    pub renewal_of: Option<Uuid>,
}

impl From<Given<AgreementInput>> for o::AgreementDraft {
    fn from(Given { input: i, ids, .. }: Given<AgreementInput>) -> Self {
        o::AgreementDraft {
            id: ids.fresh().into(),
            kind: i.kind.into(),
            title: i.title,
            areas: i.areas.into_iter().map(Into::into).collect(),
            binding: i.binding,
            text: i.text,
            reference: i.reference,
            valid_until: i.valid_until,
            renewal_of: i.renewal_of.map(Into::into),
        }
    }
}
