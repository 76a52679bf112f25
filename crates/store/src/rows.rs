//! Explicit conversion between storage rows and domain types. Nothing else in
//! the crate builds a domain value from a row, and no row leaves the crate.

use crate::entity::*;
use crate::error::{Result, StoreError};
use c2c_domain::kpi::{KpiCode, KpiDefinition, KpiValue};
use c2c_domain::outputs::*;
use c2c_domain::standing::{Commitment, ContactTeam, PoliticalCommitment, Strategy};
use c2c_domain::{Area, City, CityId, Country, Currency, Money, Stakeholder, StakeholderId};
use rust_decimal::Decimal;
use sea_orm::entity::prelude::Json;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::str::FromStr;

/// The stable code of a domain enum, for a string column.
pub(crate) fn code<T: Into<&'static str>>(value: T) -> String {
    let s: &'static str = value.into();
    s.to_owned()
}

/// Parses a code column back into a domain enum.
pub(crate) fn parse<T: FromStr>(what: &str, value: &str) -> Result<T> {
    T::from_str(value).map_err(|_| StoreError::corrupt(format!("{what} '{value}'")))
}

/// A JSON column from a domain value.
pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

/// A domain value from a JSON column.
pub(crate) fn from_json<T: DeserializeOwned>(what: &str, value: Json) -> Result<T> {
    serde_json::from_value(value).map_err(|e| StoreError::corrupt(format!("{what}: {e}")))
}

pub(crate) fn u32_of(what: &str, value: i32) -> Result<u32> {
    u32::try_from(value).map_err(|_| StoreError::corrupt(format!("{what} {value}")))
}

pub(crate) fn u64_of(what: &str, value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| StoreError::corrupt(format!("{what} {value}")))
}

pub(crate) fn i32_of(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

pub(crate) fn i64_of(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// An amount in units of 10^-4, as the store keeps money and percentages.
pub(crate) fn to_e4(amount: Decimal) -> Result<i64> {
    let scaled = amount * Decimal::from(10_000);
    if scaled.fract() != Decimal::ZERO {
        return Err(StoreError::Invalid {
            field: "amount".into(),
            message: format!("{amount} has more than 4 decimal places"),
        });
    }
    i64::try_from(scaled.trunc()).map_err(|_| StoreError::Invalid {
        field: "amount".into(),
        message: format!("{amount} is out of range"),
    })
}

/// The amount of a 10^-4 integer, with no trailing zeros.
pub(crate) fn from_e4(value: i64) -> Decimal {
    Decimal::new(value, 4).normalize()
}

/// Money from its stored parts, shown with its currency's decimal places.
pub(crate) fn money_of(value_e4: i64, currency: &str) -> Result<Money> {
    let currency = Currency::parse(currency)
        .map_err(|_| StoreError::corrupt(format!("currency '{currency}'")))?;
    let mut amount = from_e4(value_e4);
    if let Some(exponent) = currency.exponent()
        && amount.scale() < u32::from(exponent)
    {
        amount.rescale(u32::from(exponent));
    }
    Ok(Money { amount, currency })
}

pub(crate) fn city_from(m: city::Model, areas: Vec<Area>) -> Result<City> {
    Ok(City {
        id: CityId(m.id),
        name: m.name,
        other_names: from_json("city.other_names", m.other_names)?,
        level: parse("city level", &m.level)?,
        parent: m.parent_id.map(CityId),
        country: Country::parse(&m.country)
            .map_err(|_| StoreError::corrupt(format!("country '{}'", m.country)))?,
        population: m.population.map(|p| u64_of("population", p)).transpose()?,
        languages: from_json("city.languages", m.languages)?,
        time_zone: m.time_zone,
        areas,
        looking_for_partner: m.looking_for_partner,
    })
}

pub(crate) fn stakeholder_from(m: stakeholder::Model) -> Result<Stakeholder> {
    Ok(Stakeholder {
        id: StakeholderId(m.id),
        city: CityId(m.city_id),
        name: m.name,
        sector: parse("helix sector", &m.sector)?,
        involvement: parse("involvement", &m.involvement)?,
    })
}

pub(crate) fn strategy_from(m: strategy::Model) -> Result<Strategy> {
    Ok(Strategy {
        version: u32_of("strategy version", m.version)?,
        vision: m.vision,
        horizon: m.horizon,
        objectives: from_json("strategy.objectives", m.objectives)?,
        challenges: from_json("strategy.challenges", m.challenges)?,
        opportunities: from_json("strategy.opportunities", m.opportunities)?,
        themes: from_json("strategy.themes", m.themes)?,
        stakeholders: from_json("strategy.stakeholders", m.stakeholders)?,
        evidence: from_json("strategy.evidence", m.evidence)?,
        adopted_on: m.adopted_on,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn commitment_from(m: commitment::Model) -> Result<Commitment> {
    let political = match (m.political_body, m.political_reference) {
        (None, None) if m.political_on.is_none() => None,
        (body, reference) => Some(PoliticalCommitment {
            body: body.unwrap_or_default(),
            on: m.political_on,
            reference: reference.unwrap_or_default(),
        }),
    };
    Ok(Commitment {
        version: u32_of("commitment version", m.version)?,
        political,
        priorities: from_json("commitment.priorities", m.priorities)?,
        roles: from_json("commitment.roles", m.roles)?,
        resources: from_json("commitment.resources", m.resources)?,
        contact_team: m
            .contact_team_name
            .map(|name| -> Result<ContactTeam> {
                Ok(ContactTeam {
                    name,
                    members: from_json(
                        "commitment.contact_team_members",
                        m.contact_team_members.clone(),
                    )?,
                })
            })
            .transpose()?,
        external_stakeholders: from_json(
            "commitment.external_stakeholders",
            m.external_stakeholders,
        )?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn assessment_from(m: assessment::Model) -> Result<Assessment> {
    Ok(Assessment {
        id: m.id.into(),
        city: CityId(m.city_id),
        candidate: CityId(m.candidate_id),
        on: m.assessed_on,
        items: from_json("assessment.items", m.items)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn contact_from(m: contact::Model) -> Result<Contact> {
    Ok(Contact {
        id: m.id.into(),
        city: CityId(m.city_id),
        on: m.happened_on,
        kind: parse("contact kind", &m.kind)?,
        direction: parse("contact direction", &m.direction)?,
        ours: Levels {
            political: m.ours_political,
            technical: m.ours_technical,
        },
        theirs: Levels {
            political: m.theirs_political,
            technical: m.theirs_technical,
        },
        outcome: m.outcome,
        follow_up_due: m.follow_up_due,
        followed_up_on: m.followed_up_on,
        follow_up_note: m.follow_up_note,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn signature_from(m: signature::Model) -> Signature {
    Signature {
        city: CityId(m.city_id),
        by: m.signed_by,
        on: m.signed_on,
        reference: m.reference,
        recorded_at: m.recorded_at,
    }
}

pub(crate) fn agreement_from(m: agreement::Model, signatures: Vec<Signature>) -> Result<Agreement> {
    Ok(Agreement {
        id: m.id.into(),
        kind: parse("agreement kind", &m.kind)?,
        title: m.title,
        areas: from_json("agreement.areas", m.areas)?,
        binding: m.binding,
        text: m.text,
        reference: m.reference,
        valid_until: m.valid_until,
        renewal_of: m.renewal_of.map(Into::into),
        signatures,
        city: CityId(m.city_id),
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn priority_from(m: first_priority::Model) -> Result<PriorityAgreement> {
    Ok(PriorityAgreement {
        area: parse("area", &m.area)?,
        city: CityId(m.city_id),
        by: m.agreed_by,
        on: m.agreed_on,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn activity_plan_from(m: &activity::Model) -> Result<ActivityPlan> {
    Ok(ActivityPlan {
        id: m.id.into(),
        title: m.title.clone(),
        area: m.area.as_deref().map(|a| parse("area", a)).transpose()?,
        description: m.description.clone(),
        lead_city: m.lead_city_id.map(CityId),
        lead_stakeholder: m.lead_stakeholder_id.map(StakeholderId),
        cities: from_json("activity.cities", m.cities.clone())?,
        funding: from_json("activity.funding", m.funding.clone())?,
        start: m.start_on,
        due: m.due_on,
        expected_results: m.expected_results.clone(),
        resources: from_json("activity.resources", m.resources.clone())?,
    })
}

pub(crate) fn team_from(m: team::Model) -> Result<Team> {
    Ok(Team {
        city: CityId(m.city_id),
        name: m.name,
        members: from_json("team.members", m.members)?,
        responsibilities: m.responsibilities,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn progress_from(m: progress_report::Model) -> Result<ProgressReport> {
    Ok(ProgressReport {
        id: m.id.into(),
        city: CityId(m.city_id),
        on: m.reported_on,
        summary: m.summary,
        status: parse("activity status", &m.status)?,
        percent: m
            .percent
            .map(|p| u8::try_from(p).map_err(|_| StoreError::corrupt(format!("percent {p}"))))
            .transpose()?,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn risk_from(m: risk::Model) -> Result<Risk> {
    Ok(Risk {
        id: m.id.into(),
        city: CityId(m.city_id),
        description: m.description,
        likelihood: parse("risk likelihood", &m.likelihood)?,
        impact: parse("risk impact", &m.impact)?,
        mitigation: m.mitigation,
        owner: m.owner,
        status: parse("risk status", &m.status)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn kpi_definition_from(m: kpi_definition::Model) -> Result<KpiDefinition> {
    Ok(KpiDefinition {
        code: KpiCode::parse(&m.code)
            .map_err(|_| StoreError::corrupt(format!("KPI code '{}'", m.code)))?,
        name: m.name,
        unit: parse("KPI unit", &m.unit)?,
        direction: parse("KPI direction", &m.direction)?,
        category: m.category,
        owner: m.owner_city_id.map(CityId),
    })
}

pub(crate) fn selection_from(m: kpi_selection::Model) -> Result<KpiSelection> {
    Ok(KpiSelection {
        id: m.id.into(),
        kpi: KpiCode::parse(&m.kpi_code)
            .map_err(|_| StoreError::corrupt(format!("KPI code '{}'", m.kpi_code)))?,
        unit: parse("KPI unit", &m.unit)?,
        objective: m.objective_id.map(Into::into),
        target: m
            .target
            .map(|t| from_json("kpi_selection.target", t))
            .transpose()?,
        reporting: from_json("kpi_selection.reporting", m.reporting)?,
        recorded_at: m.recorded_at,
    })
}

/// The typed value columns of a measurement.
pub(crate) struct ValueColumns {
    pub count: Option<i64>,
    pub e4: Option<i64>,
    pub currency: Option<String>,
    pub score: Option<i16>,
    pub text: Option<String>,
}

pub(crate) fn value_columns(value: &KpiValue) -> Result<ValueColumns> {
    let mut c = ValueColumns {
        count: None,
        e4: None,
        currency: None,
        score: None,
        text: None,
    };
    match value {
        KpiValue::Count(n) => {
            c.count = Some(i64::try_from(*n).map_err(|_| StoreError::Invalid {
                field: "value.count".into(),
                message: format!("{n} is out of range"),
            })?)
        }
        KpiValue::Money(m) => {
            c.e4 = Some(to_e4(m.amount)?);
            c.currency = Some(m.currency.code().to_owned());
        }
        KpiValue::Percent(p) => c.e4 = Some(to_e4(*p)?),
        KpiValue::Score(s) => c.score = Some(i16::from(*s)),
        KpiValue::Text(t) => c.text = Some(t.clone()),
    }
    Ok(c)
}

pub(crate) fn measurement_from(m: measurement::Model) -> Result<Measurement> {
    let unit: c2c_domain::Unit = parse("KPI unit", &m.unit)?;
    let missing =
        || StoreError::corrupt(format!("measurement {} has no {} value", m.id, unit.code()));
    let value = match unit {
        c2c_domain::Unit::Count => {
            KpiValue::Count(u64_of("count", m.value_count.ok_or_else(missing)?)?)
        }
        c2c_domain::Unit::Money => KpiValue::Money(money_of(
            m.value_e4.ok_or_else(missing)?,
            m.currency.as_deref().ok_or_else(missing)?,
        )?),
        c2c_domain::Unit::Percent => KpiValue::Percent(from_e4(m.value_e4.ok_or_else(missing)?)),
        c2c_domain::Unit::Score1To5 => {
            let s = m.value_score.ok_or_else(missing)?;
            KpiValue::Score(u8::try_from(s).map_err(|_| StoreError::corrupt(format!("score {s}")))?)
        }
        c2c_domain::Unit::Text => KpiValue::Text(m.value_text.clone().ok_or_else(missing)?),
    };
    Ok(Measurement {
        id: m.id.into(),
        selection: m.selection_id.into(),
        city: CityId(m.city_id),
        period: Period {
            start: m.period_start,
            end: m.period_end,
        },
        value,
        source: m.source,
        note: m.note,
        supersedes: m.supersedes_id.map(Into::into),
        recorded_by: m.recorded_by.into(),
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn feedback_from(m: feedback::Model) -> Result<Feedback> {
    Ok(Feedback {
        id: m.id.into(),
        city: CityId(m.city_id),
        team: m.team,
        text: m.text,
        on: m.given_on,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn evaluation_from(m: evaluation::Model) -> Result<Evaluation> {
    Ok(Evaluation {
        id: m.id.into(),
        city: CityId(m.city_id),
        strengths: m.strengths,
        challenges: m.challenges,
        no_adjustments: m.no_adjustments,
        on: m.evaluated_on,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn adjustment_from(m: adjustment::Model) -> Result<Adjustment> {
    let decision = match (
        m.decision_outcome,
        m.decision_city_id,
        m.decided_on,
        m.decision_recorded_at,
    ) {
        (Some(outcome), Some(city), Some(on), Some(recorded_at)) => Some(Decision {
            outcome: parse("decision outcome", &outcome)?,
            city: CityId(city),
            on,
            note: m.decision_note.unwrap_or_default(),
            recorded_at,
        }),
        (None, None, None, None) => None,
        _ => {
            return Err(StoreError::corrupt(format!(
                "adjustment {} has a partial decision",
                m.id
            )));
        }
    };
    Ok(Adjustment {
        id: m.id.into(),
        city: CityId(m.city_id),
        proposal: m.proposal,
        decision,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn approval_from(m: approval::Model) -> Result<Approval> {
    Ok(Approval {
        subject: parse("approval subject", &m.subject)?,
        version: u32_of("approval version", m.version)?,
        cycle: u32_of("cycle", m.cycle)?,
        city: CityId(m.city_id),
        by: m.approved_by,
        on: m.approved_on,
        reference: m.reference,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn lesson_from(m: lesson::Model) -> Result<Lesson> {
    Ok(Lesson {
        id: m.id.into(),
        city: CityId(m.city_id),
        kind: parse("lesson kind", &m.kind)?,
        text: m.text,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}

pub(crate) fn ex_post_from(m: ex_post::Model) -> Result<ExPost> {
    Ok(ExPost {
        objective: m.objective_id.into(),
        city: CityId(m.city_id),
        foreseen: m.foreseen,
        achieved: m.achieved,
        gap: m.gap,
        cycle: u32_of("cycle", m.cycle)?,
        recorded_at: m.recorded_at,
    })
}
