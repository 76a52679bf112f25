//! GraphQL mirrors of the domain's vocabularies, and small value types.
//!
//! Each enum mirrors a domain enum (`#[graphql(remote = …)]` generates both
//! conversions), so the schema's values are the domain's stable codes.

use async_graphql::{Enum, SimpleObject};
use c2c_domain::{KpiValue as DomainValue, Money as DomainMoney};
use rust_decimal::Decimal;

macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident = $remote:literal { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
        #[graphql(remote = $remote)]
        pub enum $name { $($(#[$vmeta])* $variant,)* }
    };
}

mirror! {
    /// One of the eight steps of the narrative.
    Step = "c2c_domain::Step" { Aim, Commit, Partner, Plan, Do, Measure, Act, Replicate, }
}
mirror! {
    /// One of the four loops (work paths).
    Loop = "c2c_domain::Loop" { NewPartnership, ContinualImprovement, LocalHelixBuilding, CityDevelopment, }
}
mirror! {
    /// The status of a partnership.
    Status = "c2c_domain::Status" { Active, Suspended, Concluded, Terminated, }
}
mirror! {
    /// A kind of move.
    MoveKind = "c2c_domain::MoveKind" { Start, Advance, LoopBack, Spawn, Suspend, Resume, Conclude, Terminate, }
}
mirror! {
    /// Where a loop goes back to.
    Reentry = "c2c_domain::Reentry" { SamePartnership, NewPartnership, }
}
mirror! {
    /// A cooperation area.
    Area = "c2c_domain::Area" {
        EconomyTrade, Investment, Innovation, CreativeIndustries, EducationResearch,
        HealthLifeSciences, Energy, EnvironmentClimate, TransportLogistics, UrbanDevelopment,
        SmartCity, Culture, Sport, Tourism, CivilSocietyYouth, Governance, AgricultureFood,
    }
}
mirror! {
    /// The level of a local or regional authority.
    CityLevel = "c2c_domain::CityLevel" { City, District, MetropolitanArea, Region, Province, }
}
mirror! {
    /// The helix sector of a stakeholder.
    HelixSector = "c2c_domain::HelixSector" { Government, Academia, Industry, CivilSociety, }
}
mirror! {
    /// How a stakeholder is involved.
    Involvement = "c2c_domain::Involvement" { Promoter, Investor, Deliverer, Consumer, External, }
}
mirror! {
    /// The kind of an agreement.
    AgreementKind = "c2c_domain::outputs::AgreementKind" {
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
        /// A joint project agreement: the project-first route (a concrete
        /// project before, or instead of, a framework agreement). It passes
        /// Partner when it names a first priority area agreed by both cities.
        ProjectAgreement,
    }
}
mirror! {
    /// The kind of a contact.
    ContactKind = "c2c_domain::outputs::ContactKind" { Meeting, Delegation, Visit, Call, Event, }
}
mirror! {
    /// The direction of a contact, from the recording city's point of view.
    ContactDirection = "c2c_domain::outputs::ContactDirection" { Outbound, Inbound, }
}
mirror! {
    /// The status of an activity.
    ActivityStatus = "c2c_domain::outputs::ActivityStatus" { Planned, InProgress, Completed, Cancelled, }
}
mirror! {
    /// Likelihood or impact of a risk.
    Level = "c2c_domain::outputs::Level" { Low, Medium, High, }
}
mirror! {
    /// The status of a risk.
    RiskStatus = "c2c_domain::outputs::RiskStatus" { Open, Mitigated, Closed, }
}
mirror! {
    /// Which way a KPI should move.
    Direction = "c2c_domain::Direction" { HigherIsBetter, LowerIsBetter, None, }
}
mirror! {
    /// The outcome of a decision on an adjustment.
    Outcome = "c2c_domain::outputs::Outcome" { Approved, Rejected, }
}
mirror! {
    /// What an approval approves.
    ApprovalSubject = "c2c_domain::outputs::ApprovalSubject" { Plan, Decisions, }
}
mirror! {
    /// The kind of a lesson.
    LessonKind = "c2c_domain::outputs::LessonKind" { SuccessFactor, FailureFactor, KnowledgeTransfer, PlatformParticipation, }
}
mirror! {
    /// The answer to a selection criterion.
    Answer = "c2c_domain::outputs::Answer" { Met, NotMet, Unknown, }
}
mirror! {
    /// The group of a selection criterion.
    CriterionGroup = "c2c_domain::outputs::CriterionGroup" { Potential, Opportunity, Similarity, Willingness, }
}
mirror! {
    /// One of the twelve selection criteria (the guidebook's Figure 9).
    SelectionCriterion = "c2c_domain::outputs::SelectionCriterion" {
        /// The organisation/entity is the city itself or officially/sufficiently
        /// represents the city's interests.
        RepresentsCity,
        /// The city works closely with triple helix stakeholders for joint projects.
        WorksWithHelix,
        /// The city's triple helix ecosystem has the critical mass to achieve the
        /// desired aims and objectives.
        CriticalMass,
        /// The city has formulated an international cooperation strategy that
        /// includes EU–China.
        InternationalStrategy,
        /// There is historical basis for urban development cooperation between the
        /// two cities (e.g. an existing twin cities status).
        HistoricalBasis,
        /// The two cities have signed, or intend to sign, an MoU or other
        /// commitment for cooperation in specific areas.
        MouSignedOrIntended,
        /// Both cities share common aims and objectives in specific areas of
        /// sustainable urban development.
        SharedAims,
        /// These aims are part of a shared research and innovation agenda.
        SharedAgenda,
        /// At least one of the two cities can be used for reference and learning.
        ReferenceForLearning,
        /// Both cities are available to participate in peer-to-peer activities.
        PeerToPeer,
        /// At least one of the two cities wishes to host a joint project.
        WishesToHost,
        /// The city (organisation) is interested in joining the URBAN-EU-CHINA
        /// platform.
        PlatformInterest,
    }
}
mirror! {
    /// A change of a city's contact person for a partnership.
    PersonChangeKind = "c2c_store::PersonChangeKind" {
        /// A person started while the city had already named someone.
        Started,
        /// A person left.
        Ended,
    }
}
mirror! {
    /// What an account may do.
    Role = "c2c_store::Role" { Operator, Editor, Viewer, }
}

/// The unit of a KPI.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
#[graphql(remote = "c2c_domain::Unit")]
pub enum Unit {
    /// A non-negative integer.
    Count,
    /// Money with a currency.
    Money,
    /// A percentage from 0 to 100.
    Percent,
    /// A score from 1 to 5.
    #[graphql(name = "SCORE_1_5")]
    Score1To5,
    /// A text.
    Text,
}

/// An amount of money in one currency (never converted).
#[derive(SimpleObject, Clone, Debug)]
pub struct Money {
    /// The exact amount, as a decimal string.
    pub amount: Decimal,
    /// The ISO 4217 currency code.
    pub currency: String,
}

impl From<&DomainMoney> for Money {
    fn from(m: &DomainMoney) -> Self {
        Money {
            amount: m.amount,
            currency: m.currency.code().to_owned(),
        }
    }
}

/// A KPI value: the field of its unit is set, the others are null.
#[derive(SimpleObject, Clone, Debug)]
pub struct KpiValue {
    /// The unit.
    pub unit: Unit,
    /// For `COUNT`.
    pub count: Option<i64>,
    /// For `MONEY`.
    pub money: Option<Money>,
    /// For `PERCENT`.
    pub percent: Option<Decimal>,
    /// For `SCORE_1_5`.
    pub score: Option<i32>,
    /// For `TEXT`.
    pub text: Option<String>,
    /// The value for people, e.g. `1200 EUR`, `4/5`.
    pub display: String,
}

impl From<&DomainValue> for KpiValue {
    fn from(v: &DomainValue) -> Self {
        let mut out = KpiValue {
            unit: v.unit().into(),
            count: None,
            money: None,
            percent: None,
            score: None,
            text: None,
            display: v.to_string(),
        };
        match v {
            DomainValue::Count(n) => out.count = i64::try_from(*n).ok(),
            DomainValue::Money(m) => out.money = Some(m.into()),
            DomainValue::Percent(p) => out.percent = Some(*p),
            DomainValue::Score(s) => out.score = Some(i32::from(*s)),
            DomainValue::Text(t) => out.text = Some(t.clone()),
        }
        out
    }
}
