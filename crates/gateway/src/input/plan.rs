//! Plan inputs: an activity of the cooperation plan with its funding (the
//! plan's title and summary are arguments of `recordPlan`).

use super::common::Given;
use crate::types::Area;
use async_graphql::InputObject;
use c2c_domain::CityId;
use c2c_domain::outputs as o;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

/// A funding source.
#[derive(InputObject, Clone, Debug)]
pub struct FundingInput {
    /// Amount.
    pub amount: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// Source (city budget, EU programme, ...).
    pub source: String,
}

impl From<FundingInput> for o::FundingDraft {
    fn from(f: FundingInput) -> Self {
        o::FundingDraft {
            amount: f.amount,
            currency: f.currency,
            source: f.source,
        }
    }
}

/// An activity of the plan (new, or changed when `id` names one).
#[derive(InputObject, Clone, Debug)]
pub struct ActivityInput {
    /// The activity to change; new if absent.
    pub id: Option<Uuid>,
    /// Title.
    pub title: String,
    /// Area.
    pub area: Option<Area>,
    /// Description.
    #[graphql(default)]
    pub description: String,
    /// Lead city (a party).
    pub lead_city_id: Option<Uuid>,
    /// Lead stakeholder (of the lead city).
    pub lead_stakeholder_id: Option<Uuid>,
    /// Cities involved (default: both).
    #[graphql(default)]
    pub city_ids: Vec<Uuid>,
    /// Funding sources.
    #[graphql(default)]
    pub funding: Vec<FundingInput>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Expected results.
    #[graphql(default)]
    pub expected_results: String,
    /// Other resources.
    #[graphql(default)]
    pub resources: Vec<String>,
}

impl From<Given<ActivityInput>> for o::ActivityDraft {
    fn from(Given { input: i, ids, .. }: Given<ActivityInput>) -> Self {
        o::ActivityDraft {
            id: ids.or_fresh(i.id).into(),
            title: i.title,
            area: i.area.map(Into::into),
            description: i.description,
            lead_city: i.lead_city_id.map(CityId),
            lead_stakeholder: i.lead_stakeholder_id.map(Into::into),
            cities: i.city_ids.into_iter().map(CityId).collect(),
            funding: i.funding.into_iter().map(Into::into).collect(),
            start: i.start,
            due: i.due,
            expected_results: i.expected_results,
            resources: i.resources,
        }
    }
}
