//! Measure: KPI selections, measurements, feedback and evaluations. The
//! entities, the rows as domain values (a measurement's value from its typed
//! columns) and each as a row.

use super::common::loaded;
use crate::Writer;
use crate::convert::{
    code, from_e4, from_json, i32_of, json, money_of, parse, to_e4, u32_of, u64_of,
};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use c2c_domain::kpi::{KpiCode, KpiValue};
use c2c_domain::outputs::{Evaluation, Feedback, KpiSelection, Measurement, Outputs, Period};
use c2c_domain::{CityId, Partnership, Unit};
use sea_orm::Set;
use sea_orm::sea_query::OnConflict;
use uuid::Uuid;

entity!(kpi_selection, "kpi_selection", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub kpi_code: String,
    pub unit: String,
    pub objective_id: Option<Uuid>,
    pub target: Option<Json>,
    pub reporting: Json,
    pub recorded_at: DateTimeUtc,
});

entity!(measurement, "measurement", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub selection_id: Uuid,
    pub partnership_id: Uuid,
    pub kpi_code: String,
    pub city_id: Uuid,
    pub period_start: Date,
    pub period_end: Date,
    pub unit: String,
    pub value_count: Option<i64>,
    pub value_e4: Option<i64>,
    pub currency: Option<String>,
    pub value_score: Option<i16>,
    pub value_text: Option<String>,
    pub source: String,
    pub note: String,
    pub supersedes_id: Option<Uuid>,
    pub recorded_by: Uuid,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(feedback, "feedback", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub team: String,
    pub text: String,
    pub given_on: Date,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

entity!(evaluation, "evaluation", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub city_id: Uuid,
    pub strengths: String,
    pub challenges: String,
    pub no_adjustments: bool,
    pub evaluated_on: Date,
    pub cycle: i32,
    pub recorded_at: DateTimeUtc,
});

fn selection_from(m: kpi_selection::Model) -> Result<KpiSelection> {
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

fn selection_row(pid: Uuid, s: &KpiSelection) -> kpi_selection::ActiveModel {
    kpi_selection::ActiveModel {
        id: Set(s.id.0),
        partnership_id: Set(pid),
        kpi_code: Set(s.kpi.to_string()),
        unit: Set(code(s.unit)),
        objective_id: Set(s.objective.map(|o| o.0)),
        target: Set(s.target.as_ref().map(json)),
        reporting: Set(json(&s.reporting)),
        recorded_at: Set(s.recorded_at),
    }
}

/// A measurement's value from its typed columns.
fn value_of(m: &measurement::Model) -> Result<KpiValue> {
    let unit: Unit = parse("KPI unit", &m.unit)?;
    let missing =
        || StoreError::corrupt(format!("measurement {} has no {} value", m.id, unit.code()));
    Ok(match unit {
        Unit::Count => KpiValue::Count(u64_of("count", m.value_count.ok_or_else(missing)?)?),
        Unit::Money => KpiValue::Money(money_of(
            m.value_e4.ok_or_else(missing)?,
            m.currency.as_deref().ok_or_else(missing)?,
        )?),
        Unit::Percent => KpiValue::Percent(from_e4(m.value_e4.ok_or_else(missing)?)),
        Unit::Score1To5 => {
            let s = m.value_score.ok_or_else(missing)?;
            KpiValue::Score(u8::try_from(s).map_err(|_| StoreError::corrupt(format!("score {s}")))?)
        }
        Unit::Text => KpiValue::Text(m.value_text.clone().ok_or_else(missing)?),
    })
}

fn measurement_from(m: measurement::Model) -> Result<Measurement> {
    let value = value_of(&m)?;
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

/// A measurement's row: its value in the typed column of its unit.
fn measurement_row(pid: Uuid, kpi: String, m: &Measurement) -> Result<measurement::ActiveModel> {
    let mut row = measurement::ActiveModel {
        id: Set(m.id.0),
        selection_id: Set(m.selection.0),
        partnership_id: Set(pid),
        kpi_code: Set(kpi),
        city_id: Set(m.city.0),
        period_start: Set(m.period.start),
        period_end: Set(m.period.end),
        unit: Set(code(m.value.unit())),
        value_count: Set(None),
        value_e4: Set(None),
        currency: Set(None),
        value_score: Set(None),
        value_text: Set(None),
        source: Set(m.source.clone()),
        note: Set(m.note.clone()),
        supersedes_id: Set(m.supersedes.map(|s| s.0)),
        recorded_by: Set(m.recorded_by.0),
        cycle: Set(i32_of(m.cycle)),
        recorded_at: Set(m.recorded_at),
    };
    match &m.value {
        KpiValue::Count(n) => {
            row.value_count = Set(Some(i64::try_from(*n).map_err(|_| {
                StoreError::Invalid {
                    field: "value.count".into(),
                    message: format!("{n} is out of range"),
                }
            })?));
        }
        KpiValue::Money(money) => {
            row.value_e4 = Set(Some(to_e4(money.amount)?));
            row.currency = Set(Some(money.currency.code().to_owned()));
        }
        KpiValue::Percent(p) => row.value_e4 = Set(Some(to_e4(*p)?)),
        KpiValue::Score(s) => row.value_score = Set(Some(i16::from(*s))),
        KpiValue::Text(t) => row.value_text = Set(Some(t.clone())),
    }
    Ok(row)
}

fn feedback_from(m: feedback::Model) -> Result<Feedback> {
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

fn feedback_row(pid: Uuid, f: &Feedback) -> feedback::ActiveModel {
    feedback::ActiveModel {
        id: Set(f.id.0),
        partnership_id: Set(pid),
        city_id: Set(f.city.0),
        team: Set(f.team.clone()),
        text: Set(f.text.clone()),
        given_on: Set(f.on),
        cycle: Set(i32_of(f.cycle)),
        recorded_at: Set(f.recorded_at),
    }
}

fn evaluation_from(m: evaluation::Model) -> Result<Evaluation> {
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

fn evaluation_row(pid: Uuid, x: &Evaluation) -> evaluation::ActiveModel {
    evaluation::ActiveModel {
        id: Set(x.id.0),
        partnership_id: Set(pid),
        city_id: Set(x.city.0),
        strengths: Set(x.strengths.clone()),
        challenges: Set(x.challenges.clone()),
        no_adjustments: Set(x.no_adjustments),
        evaluated_on: Set(x.on),
        cycle: Set(i32_of(x.cycle)),
        recorded_at: Set(x.recorded_at),
    }
}

loaded!(
    kpi_selection => selections via selection_from,
    measurement => measurements via measurement_from,
    feedback => feedback via feedback_from,
    evaluation => evaluations via evaluation_from,
);

/// The KPI selections and measurements of several partnerships, alone (two
/// statements), for a read that asks for nothing else.
pub(super) struct Kpis {
    selections: super::common::Grouped<kpi_selection::Model>,
    measurements: super::common::Grouped<measurement::Model>,
}

impl Kpis {
    pub(super) async fn load<C: sea_orm::ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Kpis> {
        Ok(Kpis {
            selections: super::common::rows_of!(db, kpi_selection, ids),
            measurements: super::common::rows_of!(db, measurement, ids),
        })
    }

    /// The selections, and of their measurements only the latest of each
    /// city that no correction supersedes, chosen in SQL (two statements).
    pub(super) async fn load_latest<C: sea_orm::ConnectionTrait>(
        db: &C,
        ids: &[Uuid],
    ) -> Result<Kpis> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let mut measurements: super::common::Grouped<measurement::Model> = Default::default();
        for m in measurement::Entity::find()
            .filter(measurement::Column::Id.in_subquery(latest_of(ids)))
            .all(db)
            .await?
        {
            measurements.entry(m.partnership_id).or_default().push(m);
        }
        Ok(Kpis {
            selections: super::common::rows_of!(db, kpi_selection, ids),
            measurements,
        })
    }

    pub(super) fn fill(&mut self, pid: Uuid, outputs: &mut Outputs) -> Result<()> {
        outputs.selections = super::common::take(&mut self.selections, pid, selection_from)?;
        outputs.measurements = super::common::take(&mut self.measurements, pid, measurement_from)?;
        Ok(())
    }
}

/// The identifiers of the latest measurement of each selection and city of
/// the partnerships `ids` (by period end, then by when it was recorded),
/// among those no correction supersedes.
fn latest_of(ids: &[Uuid]) -> sea_orm::sea_query::SelectStatement {
    use measurement::Column as M;
    use sea_orm::sea_query::{Expr, ExprTrait, Func, Order, OverStatement, Query, WindowStatement};
    let m = |c| Expr::col(("m", c));
    let corrected = Query::select()
        .expr(Expr::cust("1"))
        .from_as(measurement::Entity, "c")
        .and_where(Expr::col(("c", M::PartnershipId)).equals(("m", M::PartnershipId)))
        .and_where(Expr::col(("c", M::SupersedesId)).equals(("m", M::Id)))
        .to_owned();
    let ranked = Query::select()
        .expr(m(M::Id))
        .expr_window_as(
            Func::cust("ROW_NUMBER"),
            WindowStatement::partition_by(("m", M::SelectionId))
                .partition_by(("m", M::CityId))
                .order_by(("m", M::PeriodEnd), Order::Desc)
                .order_by(("m", M::RecordedAt), Order::Desc)
                .to_owned(),
            "rn",
        )
        .from_as(measurement::Entity, "m")
        .and_where(m(M::PartnershipId).is_in(ids.iter().copied()))
        .and_where(Expr::exists(corrected).not())
        .to_owned();
    Query::select()
        .column(("x", M::Id))
        .from_subquery(ranked, "x")
        .and_where(Expr::col(("x", "rn")).eq(1))
        .to_owned()
}

/// What a capture reads: one selection of the partnership, and its
/// measurements that have one of `ids` or supersede one (two statements,
/// whatever the number of measurements).
pub(super) async fn for_capture<C: sea_orm::ConnectionTrait>(
    db: &C,
    pid: Uuid,
    selection: c2c_domain::SelectionId,
    ids: &[c2c_domain::MeasurementId],
) -> Result<(Vec<KpiSelection>, Vec<Measurement>)> {
    use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
    let selections = kpi_selection::Entity::find()
        .filter(kpi_selection::Column::PartnershipId.eq(pid))
        .filter(kpi_selection::Column::Id.eq(selection.0))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = ids.iter().map(|m| m.0).collect();
    let found = measurement::Entity::find()
        .filter(measurement::Column::PartnershipId.eq(pid))
        .filter(
            Condition::any()
                .add(measurement::Column::Id.is_in(ids.clone()))
                .add(measurement::Column::SupersedesId.is_in(ids)),
        )
        .order_by_asc(measurement::Column::RecordedAt)
        .all(db)
        .await?;
    Ok((
        selections
            .into_iter()
            .map(selection_from)
            .collect::<Result<_>>()?,
        found
            .into_iter()
            .map(measurement_from)
            .collect::<Result<_>>()?,
    ))
}

/// `KpiSelected`: the selection, inserted or replaced.
pub(super) async fn select(w: &mut Writer, pid: Uuid, s: &KpiSelection) -> Result<()> {
    w.upsert(
        selection_row(pid, s),
        OnConflict::column(kpi_selection::Column::Id)
            .update_columns([
                kpi_selection::Column::KpiCode,
                kpi_selection::Column::Unit,
                kpi_selection::Column::ObjectiveId,
                kpi_selection::Column::Target,
                kpi_selection::Column::Reporting,
                kpi_selection::Column::RecordedAt,
            ])
            .to_owned(),
    )
    .await
}

/// `MeasurementRecorded`, with the KPI code of its selection in `after`.
pub(super) async fn measure(
    w: &mut Writer,
    pid: Uuid,
    after: &Partnership,
    m: &Measurement,
) -> Result<()> {
    let kpi = after
        .outputs()
        .selections
        .iter()
        .find(|s| s.id == m.selection)
        .map(|s| s.kpi.to_string())
        .ok_or_else(|| StoreError::not_found("KPI selection", m.selection))?;
    w.insert(measurement_row(pid, kpi, m)?).await
}

/// `FeedbackRecorded`.
pub(super) async fn record_feedback(w: &mut Writer, pid: Uuid, f: &Feedback) -> Result<()> {
    w.insert(feedback_row(pid, f)).await
}

/// `EvaluationRecorded`.
pub(super) async fn evaluate(w: &mut Writer, pid: Uuid, x: &Evaluation) -> Result<()> {
    w.insert(evaluation_row(pid, x)).await
}
