//! The operator's forms: a new city, a stakeholder of any city, a KPI of the
//! catalogue, and disabling an account. They go through the store's checks as
//! the API's `createCity`, `addStakeholder`, `defineKpi` and `disableAccount`.

use super::common::{Check, group, options};
use super::{Field, Fields, FormPage, Input};
use crate::WebState;
use crate::auth::{User, flash};
use crate::page::{Failure, render};
use crate::views::admin::operator;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::{
    Area, CityDraft, CityId, Direction, HelixSector, Involvement, KpiDefinition, StakeholderId,
    Unit,
};
use c2c_store::StoreError;
use uuid::Uuid;

/// The frame of an operator's form.
async fn admin_form(user: &User, title_id: &str, action: &str, back: &str) -> FormPage {
    let tr = user.tr();
    FormPage {
        shell: user.shell(tr.t(title_id), action).await,
        question: String::new(),
        action: action.to_owned(),
        back: back.to_owned(),
        crumb: tr.t("platform-title"),
        intro: None,
        groups: Vec::new(),
        submit: tr.t("form-save"),
        error: None,
        hidden: Vec::new(),
    }
}

/// After a change: a notice and back to the list; a refusal: the form again.
async fn done(
    user: &User,
    result: Result<(), StoreError>,
    mut form: FormPage,
) -> Result<Response, Failure> {
    match result {
        Ok(()) => {
            flash(&user.session, user.tr().t("form-saved")).await;
            Ok(Redirect::to(&form.back).into_response())
        }
        Err(e) => {
            form.refuse(user.tr(), e)?;
            Ok(form.refused())
        }
    }
}

/// Shows the errors of a check, if any.
fn checked(form: &mut FormPage, check: Check<'_>) -> Option<Response> {
    if check.errors.is_empty() {
        return None;
    }
    form.show(check.errors);
    Some(form.refused())
}

// ------------------------------------------------------------------ city

async fn city_form(user: &User) -> FormPage {
    let tr = user.tr();
    let mut form = admin_form(
        user,
        "admin-new-city",
        "/platform/cities/new",
        "/platform/cities",
    )
    .await;
    form.groups = vec![group(vec![
        Field::new("name", tr.t("admin-city-name"), Input::Text).required(),
        Field::new("country", tr.t("admin-country"), Input::Text)
            .required()
            .help(tr.t("admin-country-help")),
        Field::new("timeZone", tr.t("admin-time-zone"), Input::Text)
            .required()
            .help(tr.t("admin-time-zone-help")),
        Field::new(
            "areas",
            tr.t("admin-areas"),
            Input::Checks(options::<Area>(tr, "area")),
        ),
        Field::new("lookingForPartner", tr.t("admin-looking"), Input::Check),
    ])];
    form
}

/// `GET /platform/cities/new`.
pub async fn city_page(user: User) -> Result<Response, Failure> {
    operator(&user)?;
    Ok(render(&city_form(&user).await))
}

/// `POST /platform/cities/new`.
pub async fn city(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    operator(&user)?;
    let mut form = city_form(&user).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let draft = CityDraft {
        name: check.required("name"),
        country: check.required("country").trim().to_ascii_uppercase(),
        time_zone: check.required("timeZone").trim().to_owned(),
        areas: check.codes("areas"),
        looking_for_partner: check.ticked("lookingForPartner"),
        ..CityDraft::default()
    };
    if let Some(refused) = checked(&mut form, check) {
        return Ok(refused);
    }
    let result = state.store.create_city(CityId(Uuid::now_v7()), draft).await;
    done(&user, result.map(|_| ()), form).await
}

// ----------------------------------------------------------- stakeholder

/// The fields of a stakeholder (shared with the city's own form).
pub fn stakeholder_fields(tr: crate::page::Tr) -> Vec<Field> {
    vec![
        Field::new("name", tr.t("stakeholder-name"), Input::Text).required(),
        Field::new(
            "sector",
            tr.t("stakeholder-sector"),
            Input::Radio(options::<HelixSector>(tr, "helix")),
        )
        .required(),
        Field::new(
            "involvement",
            tr.t("stakeholder-involvement"),
            Input::Select(options::<Involvement>(tr, "involvement")),
        )
        .required(),
    ]
}

async fn stakeholder_form(
    state: &WebState,
    user: &User,
    city: CityId,
) -> Result<FormPage, Failure> {
    let tr = user.tr();
    let c = state
        .store
        .city(city)
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let action = format!("/platform/cities/{}/stakeholders/new", city.0);
    let mut form = admin_form(user, "stakeholder-title", &action, "/platform/cities").await;
    form.intro = Some(tr.t1("admin-stakeholder-of", "city", &c.name));
    form.groups = vec![group(stakeholder_fields(tr))];
    Ok(form)
}

/// `GET /platform/cities/{id}/stakeholders/new`.
pub async fn stakeholder_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    operator(&user)?;
    Ok(render(&stakeholder_form(&state, &user, CityId(id)).await?))
}

/// `POST /platform/cities/{id}/stakeholders/new`.
pub async fn stakeholder(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    operator(&user)?;
    let mut form = stakeholder_form(&state, &user, CityId(id)).await?;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let name = check.required("name");
    let sector: Option<HelixSector> = check.required_code("sector");
    let involvement: Option<Involvement> = check.required_code("involvement");
    let (Some(sector), Some(involvement)) = (sector, involvement) else {
        return Ok(checked(&mut form, check).unwrap_or_else(|| form.refused()));
    };
    if let Some(refused) = checked(&mut form, check) {
        return Ok(refused);
    }
    let result = state
        .store
        .add_stakeholder(
            StakeholderId(Uuid::now_v7()),
            CityId(id),
            &name,
            sector,
            involvement,
        )
        .await;
    done(&user, result.map(|_| ()), form).await
}

// ------------------------------------------------------------------- KPI

async fn kpi_form(user: &User) -> FormPage {
    let tr = user.tr();
    let mut form = admin_form(
        user,
        "admin-new-kpi",
        "/platform/kpis/new",
        "/platform/kpis",
    )
    .await;
    form.groups = vec![group(vec![
        Field::new("code", tr.t("admin-kpi-code"), Input::Text)
            .required()
            .help(tr.t("admin-kpi-code-help")),
        Field::new("name", tr.t("admin-kpi-name"), Input::Text).required(),
        Field::new(
            "unit",
            tr.t("admin-kpi-unit"),
            Input::Select(options::<Unit>(tr, "unit")),
        )
        .required(),
        Field::new(
            "direction",
            tr.t("admin-kpi-direction"),
            Input::Radio(options::<Direction>(tr, "direction")),
        )
        .required(),
        Field::new("category", tr.t("admin-kpi-category"), Input::Text).required(),
    ])];
    form
}

/// `GET /platform/kpis/new`.
pub async fn kpi_page(user: User) -> Result<Response, Failure> {
    operator(&user)?;
    Ok(render(&kpi_form(&user).await))
}

/// `POST /platform/kpis/new`: a KPI every city may use.
pub async fn kpi(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    operator(&user)?;
    let mut form = kpi_form(&user).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let code = check.required("code");
    let name = check.required("name");
    let category = check.required("category");
    let unit: Option<Unit> = check.required_code("unit");
    let direction: Option<Direction> = check.required_code("direction");
    let (Some(unit), Some(direction)) = (unit, direction) else {
        return Ok(checked(&mut form, check).unwrap_or_else(|| form.refused()));
    };
    if let Some(refused) = checked(&mut form, check) {
        return Ok(refused);
    }
    let result = match KpiDefinition::parse(&code, &name, unit, direction, &category, None) {
        Ok(d) => state.store.define_kpi(d).await.map(|_| ()),
        Err(e) => Err(StoreError::Domain(e)),
    };
    done(&user, result, form).await
}

// --------------------------------------------------------------- account

async fn disable_form(state: &WebState, user: &User, id: Uuid) -> Result<FormPage, Failure> {
    let tr = user.tr();
    let account = state
        .store
        .account(c2c_domain::AccountId(id))
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    let action = format!("/platform/accounts/{id}/disable");
    let mut form = admin_form(user, "admin-disable-title", &action, "/platform/accounts").await;
    form.intro = Some(tr.t1("admin-disable-intro", "name", &account.name));
    form.submit = tr.t("admin-disable");
    Ok(form)
}

/// `GET /platform/accounts/{id}/disable`: the confirmation.
pub async fn disable_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    operator(&user)?;
    Ok(render(&disable_form(&state, &user, id).await?))
}

/// `POST /platform/accounts/{id}/disable`: the account can no longer sign
/// in, and its tokens stop working.
pub async fn disable(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    operator(&user)?;
    let form = disable_form(&state, &user, id).await?;
    if user.account.id.0 == id {
        return Err(Failure::Forbidden(
            user.lang,
            user.tr().t("admin-not-yourself"),
        ));
    }
    let result = state.store.disable_account(c2c_domain::AccountId(id)).await;
    done(&user, result.map(|_| ()), form).await
}
