//! Starting a partnership of the user's city: at Aim (the city development
//! loop) or at Partner (a new partnership on the city's standing strategy and
//! commitment), optionally with a counterpart in mind.

use super::common::city_names;
use crate::WebState;
use crate::auth::{User, flash};
use crate::forms::{Field, Fields, FormPage, Group, Input};
use crate::page::{Failure, render};
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::{CityId, Step};
use c2c_store::StoreError;
use uuid::Uuid;

async fn start_form(
    state: &WebState,
    user: &User,
    counterpart: Option<&str>,
) -> Result<FormPage, Failure> {
    let tr = user.tr();
    let names = city_names(&state.store, user).await?;
    let mut cities: Vec<(String, String)> = names
        .into_iter()
        .filter(|(c, _)| Some(*c) != user.account.city)
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    cities.sort_by(|a, b| a.1.cmp(&b.1));
    let steps = [Step::Aim, Step::Partner]
        .into_iter()
        .map(|s| (s.code().to_owned(), tr.t(&format!("start-at-{}", s.code()))))
        .collect();
    let fields = vec![
        Field::new("atStep", tr.t("start-at"), Input::Radio(steps))
            .required()
            .value("PARTNER"),
        Field::new(
            "counterpartCityId",
            tr.t("start-counterpart"),
            Input::Select(cities),
        )
        .help(tr.t("start-counterpart-help"))
        .value(counterpart.unwrap_or_default()),
    ];
    Ok(FormPage {
        shell: user.shell(tr.t("nav-start"), "/partnerships/new").await,
        question: tr.question(Step::Aim),
        action: "/partnerships/new".to_owned(),
        back: "/".to_owned(),
        crumb: tr.t("board-title"),
        intro: Some(tr.t("start-intro")),
        groups: vec![Group {
            legend: None,
            fields,
        }],
        submit: tr.t("start-submit"),
        error: None,
        hidden: Vec::new(),
    })
}

/// `GET /partnerships/new?counterpart=<city>`: the form, with the
/// counterpart of a partner suggestion already chosen.
pub async fn page(
    State(state): State<WebState>,
    user: User,
    Query(query): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, Failure> {
    let counterpart = query.get("counterpart").map(String::as_str);
    Ok(render(&start_form(&state, &user, counterpart).await?))
}

/// `POST /partnerships/new`.
pub async fn start(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let mut form = start_form(&state, &user, None).await?;
    form.fill(&fields);
    let actor = user
        .account
        .editor()
        .map_err(|e| Failure::Forbidden(user.lang, e.to_string()))?;
    let step: Step = fields.get("atStep").parse().unwrap_or(Step::Partner);
    let counterpart = fields
        .get("counterpartCityId")
        .parse::<Uuid>()
        .ok()
        .map(CityId);
    match state.store.start(actor, step, counterpart, None).await {
        Ok(r) => {
            state.changed();
            flash(&user.session, user.tr().t("start-done")).await;
            Ok(Redirect::to(&format!("/partnerships/{}", r.partnership.id())).into_response())
        }
        Err(StoreError::Domain(d)) => {
            form.error = Some(d.to_string());
            Ok(form.refused())
        }
        Err(StoreError::Invalid { message, .. }) => {
            form.error = Some(message);
            Ok(form.refused())
        }
        Err(e) => Err(Failure::of(user.lang, e)),
    }
}
