//! Plan inputs: an activity of the cooperation plan with its funding (the
//! plan's title and summary are arguments of `recordPlan`).

use super::common::Given;
use crate::types::Area;
use async_graphql::{InputObject, MaybeUndefined};
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

/// The fields of an activity to change: a field left out keeps its value,
/// `null` clears an optional one.
#[derive(InputObject, Clone, Debug, Default)]
pub struct ActivityChanges {
    /// Title.
    pub title: Option<String>,
    /// Area.
    pub area: MaybeUndefined<Area>,
    /// Description.
    pub description: Option<String>,
    /// Lead city (a party).
    pub lead_city_id: MaybeUndefined<Uuid>,
    /// Lead stakeholder (of the lead city).
    pub lead_stakeholder_id: MaybeUndefined<Uuid>,
    /// Cities involved (empty: both).
    pub city_ids: Option<Vec<Uuid>>,
    /// Funding sources (replace the old ones).
    pub funding: Option<Vec<FundingInput>>,
    /// Start.
    pub start: MaybeUndefined<NaiveDate>,
    /// Due.
    pub due: MaybeUndefined<NaiveDate>,
    /// Expected results.
    pub expected_results: Option<String>,
    /// Other resources (replace the old ones).
    pub resources: Option<Vec<String>>,
}

/// An optional value after a change: kept when left out, cleared by `null`.
fn changed<T>(change: MaybeUndefined<T>, old: Option<T>) -> Option<T> {
    match change {
        MaybeUndefined::Undefined => old,
        MaybeUndefined::Null => None,
        MaybeUndefined::Value(v) => Some(v),
    }
}

impl ActivityChanges {
    /// The activity with the changes made, as a draft of the whole.
    pub fn applied_to(self, a: &o::ActivityPlan) -> o::ActivityDraft {
        let funding = a.funding.iter().map(|f| o::FundingDraft {
            amount: f.money.amount,
            currency: f.money.currency.code().to_owned(),
            source: f.source.clone(),
        });
        o::ActivityDraft {
            id: a.id,
            title: self.title.unwrap_or_else(|| a.title.clone()),
            area: changed(self.area.map_value(Into::into), a.area),
            description: self.description.unwrap_or_else(|| a.description.clone()),
            lead_city: changed(self.lead_city_id.map_value(CityId), a.lead_city),
            lead_stakeholder: changed(
                self.lead_stakeholder_id.map_value(Into::into),
                a.lead_stakeholder,
            ),
            cities: self
                .city_ids
                .map_or_else(|| a.cities.clone(), |c| c.into_iter().map(CityId).collect()),
            funding: self.funding.map_or_else(
                || funding.collect(),
                |f| f.into_iter().map(Into::into).collect(),
            ),
            start: changed(self.start, a.start),
            due: changed(self.due, a.due),
            expected_results: self
                .expected_results
                .unwrap_or_else(|| a.expected_results.clone()),
            resources: self.resources.unwrap_or_else(|| a.resources.clone()),
        }
    }
}
