//! The forms of Measure ("is the partnership delivering?"): a KPI selected
//! for the evaluation framework (linked to an Aim objective, with a target
//! and the cities that report it), a measurement typed by the KPI's unit (a
//! correction names the measurement it supersedes), feedback from the teams,
//! and the evaluation of the cycle.

use super::common::{Check, form_page, group};
use super::{Field, Fields, FormPage, Input, show, submit};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Tr};
use crate::views::common::{city_names, name};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::kpi::{KpiDefinition, RawValue, Unit};
use c2c_domain::outputs::{EvaluationDraft, FeedbackDraft, MeasurementDraft, SelectionDraft};
use c2c_domain::{
    CityId, Command, EvaluationId, FeedbackId, MeasurementId, ObjectiveId, Partnership,
    SelectionId, Step,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The value fields of a unit: what a target or a measurement of it is
/// entered with.
fn value_fields(tr: Tr, unit: Unit, prefix: &str) -> Vec<Field> {
    let name = |part: &str| format!("{prefix}{part}");
    match unit {
        Unit::Count => vec![Field::new(
            &name("Count"),
            tr.t("value-count"),
            Input::Number,
        )],
        Unit::Money => vec![
            Field::new(&name("Amount"), tr.t("value-amount"), Input::Number),
            Field::new(&name("Currency"), tr.t("value-currency"), Input::Text)
                .help(tr.t("funding-currency-help")),
        ],
        Unit::Percent => vec![Field::new(
            &name("Percent"),
            tr.t("value-percent"),
            Input::Number,
        )],
        Unit::Score1To5 => vec![Field::new(
            &name("Score"),
            tr.t("value-score"),
            Input::Radio((1..=5).map(|n| (n.to_string(), n.to_string())).collect()),
        )],
        Unit::Text => vec![Field::new(&name("Text"), tr.t("value-text"), Input::Area)],
    }
}

/// The value a form sent for a unit, or nothing when it is empty.
fn raw_value(check: &mut Check<'_>, unit: Unit, prefix: &str) -> Option<RawValue> {
    let name = |part: &str| format!("{prefix}{part}");
    let whole = |d: Option<rust_decimal::Decimal>| d.and_then(|d| i64::try_from(d.trunc()).ok());
    let raw = match unit {
        Unit::Count => RawValue {
            count: whole(check.decimal(&name("Count"))),
            ..RawValue::default()
        },
        Unit::Money => RawValue {
            amount: check.decimal(&name("Amount")),
            currency: check
                .optional(&name("Currency"))
                .map(|c| c.trim().to_uppercase()),
            ..RawValue::default()
        },
        Unit::Percent => RawValue {
            percent: check.decimal(&name("Percent")),
            ..RawValue::default()
        },
        Unit::Score1To5 => RawValue {
            score: whole(check.decimal(&name("Score"))),
            ..RawValue::default()
        },
        Unit::Text => RawValue {
            text: check.optional(&name("Text")),
            ..RawValue::default()
        },
    };
    (raw != RawValue::default()).then_some(raw)
}

/// A target typed as one line, read in a unit: `12`, `25000 EUR`, `40 %`,
/// `4`, or text. What does not read is passed on as written, for the
/// domain to refuse with its reason.
fn typed(unit: Unit, line: &str) -> RawValue {
    let number = |s: &str| {
        s.trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', "")
            .parse::<rust_decimal::Decimal>()
            .ok()
    };
    let whole = |s: &str| number(s).and_then(|d| i64::try_from(d.trunc()).ok());
    match unit {
        Unit::Count => RawValue {
            count: whole(line),
            ..RawValue::default()
        },
        Unit::Score1To5 => RawValue {
            score: whole(line),
            ..RawValue::default()
        },
        Unit::Percent => RawValue {
            percent: number(line),
            ..RawValue::default()
        },
        Unit::Money => {
            let (amount, currency): (Vec<&str>, Vec<&str>) =
                line.split_whitespace().partition(|w| number(w).is_some());
            RawValue {
                amount: amount.first().and_then(|a| number(a)),
                currency: currency.first().map(|c| c.to_uppercase()),
                ..RawValue::default()
            }
        }
        Unit::Text => RawValue {
            text: Some(line.to_owned()),
            ..RawValue::default()
        },
    }
}

// ------------------------------------------------------------- selection

async fn selection_form(
    user: &User,
    p: &Partnership,
    crumb: String,
    (definitions, names): (&[KpiDefinition], &HashMap<CityId, String>),
) -> FormPage {
    let tr = user.tr();
    let kpis = definitions
        .iter()
        .filter(|d| d.owner.is_none_or(|o| p.is_party(o)))
        .map(|d| {
            (
                d.code.to_string(),
                format!(
                    "{} ({})",
                    tr.term("kpi", d.code.as_str()),
                    tr.term("unit", d.unit.code())
                ),
            )
        })
        .collect();
    let objectives = p
        .snapshot()
        .standing
        .objectives()
        .iter()
        .map(|o| (o.id.to_string(), o.text.clone()))
        .collect();
    let parties = p
        .snapshot()
        .parties()
        .into_iter()
        .map(|c| (c.to_string(), name(names, Some(c))))
        .collect();
    let fields = vec![
        Field::new("kpiCode", tr.t("selection-kpi"), Input::Select(kpis)).required(),
        Field::new(
            "objectiveId",
            tr.t("selection-objective"),
            Input::Select(objectives),
        )
        .required(),
        Field::new("target", tr.t("selection-target"), Input::Text)
            .help(tr.t("selection-target-help")),
        Field::new(
            "reportingCityIds",
            tr.t("selection-reporting"),
            Input::Checks(parties),
        ),
    ];
    let action = format!("/partnerships/{}/kpis/new", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("selection-title", Step::Measure),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("selection-intro"));
    form
}

/// `GET /partnerships/{id}/kpis/new`.
pub async fn selection_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let definitions = state
        .store
        .kpi_definitions()
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let names = city_names(&state.store, &user).await?;
    show(&state, &user, id, async |p, crumb| {
        selection_form(&user, p, crumb, (&definitions, &names)).await
    })
    .await
}

/// `POST /partnerships/{id}/kpis/new`. The target is read in the KPI's unit.
pub async fn selection(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let definitions = state
        .store
        .kpi_definitions()
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let names = city_names(&state.store, &user).await?;
    let chosen = definitions
        .iter()
        .find(|d| d.code.as_str() == fields.get("kpiCode"))
        .cloned();
    submit(
        &state,
        &user,
        (id, &fields, "#kpis"),
        async |p, crumb| selection_form(&user, p, crumb, (&definitions, &names)).await,
        |check, _| {
            let objective = check.id("objectiveId").map(ObjectiveId);
            let reporting = check
                .codes::<Uuid>("reportingCityIds")
                .into_iter()
                .map(CityId)
                .collect();
            let Some(definition) = chosen else {
                check.required("kpiCode");
                return None;
            };
            let target = check.optional("target").map(|t| typed(definition.unit, &t));
            Some(Command::SelectKpi(SelectionDraft {
                id: SelectionId(Uuid::now_v7()),
                definition,
                objective,
                target,
                reporting,
            }))
        },
    )
    .await
}

// ----------------------------------------------------------- measurement

fn selection_of(p: &Partnership, selection: Uuid) -> Option<&c2c_domain::outputs::KpiSelection> {
    p.outputs().selections.iter().find(|s| s.id.0 == selection)
}

async fn measurement_form(
    user: &User,
    p: &Partnership,
    crumb: String,
    selection: Uuid,
) -> FormPage {
    let tr = user.tr();
    let s = selection_of(p, selection);
    let unit = s.map_or(Unit::Text, |s| s.unit);
    let mine: Vec<(String, String)> = p
        .outputs()
        .measurements
        .iter()
        .filter(|m| m.selection.0 == selection && Some(m.city) == user.account.city)
        .map(|m| {
            (
                m.id.to_string(),
                format!(
                    "{} → {}: {}",
                    tr.date(&m.period.start),
                    tr.date(&m.period.end),
                    m.value
                ),
            )
        })
        .collect();
    let mut fields = vec![
        Field::new("periodStart", tr.t("measurement-start"), Input::Date).required(),
        Field::new("periodEnd", tr.t("measurement-end"), Input::Date).required(),
    ];
    fields.extend(value_fields(tr, unit, "value"));
    fields.extend([
        Field::new("source", tr.t("measurement-source"), Input::Text)
            .required()
            .help(tr.t("measurement-source-help")),
        Field::new("note", tr.t("assessment-note"), Input::Area),
        Field::new(
            "supersedes",
            tr.t("measurement-supersedes"),
            Input::Select(mine),
        )
        .help(tr.t("measurement-supersedes-help")),
    ]);
    let action = format!("/partnerships/{}/kpis/{selection}/measurements/new", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("measurement-title", Step::Measure),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = s.map(|s| {
        tr.0.format(
            "measurement-intro",
            &[
                ("kpi", tr.term("kpi", s.kpi.as_str()).into()),
                ("unit", tr.term("unit", s.unit.code()).into()),
            ],
        )
    });
    form
}

/// `GET /partnerships/{id}/kpis/{selection}/measurements/new`.
pub async fn measurement_page(
    State(state): State<WebState>,
    user: User,
    Path((id, selection)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        measurement_form(&user, p, crumb, selection).await
    })
    .await
}

/// `POST /partnerships/{id}/kpis/{selection}/measurements/new`: the user's
/// city reports a value.
pub async fn measurement(
    State(state): State<WebState>,
    user: User,
    Path((id, selection)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let city = user.account.city.unwrap_or(CityId(Uuid::nil()));
    submit(
        &state,
        &user,
        (id, &fields, "#kpis"),
        async |p, crumb| measurement_form(&user, p, crumb, selection).await,
        |check, p| {
            let unit = selection_of(p, selection).map_or(Unit::Text, |s| s.unit);
            let period_start = check.required_date("periodStart");
            let period_end = check.required_date("periodEnd");
            let source = check.required("source");
            let value = raw_value(check, unit, "value").unwrap_or_default();
            Some(Command::RecordMeasurement(MeasurementDraft {
                id: MeasurementId(Uuid::now_v7()),
                selection: SelectionId(selection),
                city,
                period_start,
                period_end,
                value,
                source,
                note: check.text("note"),
                supersedes: check.id("supersedes").map(MeasurementId),
            }))
        },
    )
    .await
}

// ------------------------------------------------ feedback and evaluation

async fn feedback_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new("team", tr.t("feedback-team"), Input::Text).required(),
        Field::new("text", tr.t("feedback-text"), Input::Area).required(),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
    ];
    let action = format!("/partnerships/{}/feedback/new", p.id());
    form_page(
        user,
        p,
        crumb,
        ("feedback-title", Step::Measure),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/feedback/new`.
pub async fn feedback_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        feedback_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/feedback/new`.
pub async fn feedback(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#measure"),
        async |p, crumb| feedback_form(&user, p, crumb).await,
        |check, _| {
            Some(Command::RecordFeedback(FeedbackDraft {
                id: FeedbackId(Uuid::now_v7()),
                team: check.required("team"),
                text: check.required("text"),
                on: check.required_date("on"),
            }))
        },
    )
    .await
}

async fn evaluation_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new("strengths", tr.t("evaluation-strengths"), Input::Area),
        Field::new("challenges", tr.t("evaluation-challenges"), Input::Area),
        Field::new(
            "noAdjustments",
            tr.t("evaluation-no-adjustments"),
            Input::Check,
        ),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
    ];
    let action = format!("/partnerships/{}/evaluation/new", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("evaluation-title", Step::Measure),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("evaluation-intro"));
    form
}

/// `GET /partnerships/{id}/evaluation/new`.
pub async fn evaluation_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        evaluation_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/evaluation/new`.
pub async fn evaluation(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#measure"),
        async |p, crumb| evaluation_form(&user, p, crumb).await,
        |check, _| {
            Some(Command::RecordEvaluation(EvaluationDraft {
                id: EvaluationId(Uuid::now_v7()),
                strengths: check.text("strengths"),
                challenges: check.text("challenges"),
                no_adjustments: check.ticked("noAdjustments"),
                on: check.required_date("on"),
            }))
        },
    )
    .await
}
