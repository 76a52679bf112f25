//! The forms of Partner ("with whom, and on what first?"): choosing the
//! counterpart, the selection assessment of Figure 9, first priority areas,
//! an agreement and each city's signature.

use super::common::{Check, form_page, group, load, options};
use super::{Field, Fields, FormPage, Group, Input, record};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, render};
use crate::views::common::city_names;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::outputs::{
    AgreementDraft, AgreementKind, Answer, AssessmentDraft, AssessmentItem, CriterionGroup,
    SelectionCriterion,
};
use c2c_domain::{AgreementId, Area, AssessmentId, CityId, Command, Partnership, Step};
use strum::IntoEnumIterator;
use uuid::Uuid;

// ------------------------------------------------------------- counterpart

async fn counterpart_form(
    state: &WebState,
    user: &User,
    p: &Partnership,
    crumb: String,
) -> Result<FormPage, Failure> {
    let tr = user.tr();
    let names = city_names(&state.store, user).await?;
    let mut cities: Vec<(String, String)> = names
        .iter()
        .filter(|(c, _)| **c != p.snapshot().initiator)
        .map(|(c, n)| (c.to_string(), n.clone()))
        .collect();
    cities.sort_by(|a, b| a.1.cmp(&b.1));
    let chosen = p
        .snapshot()
        .counterpart
        .map(|c| c.to_string())
        .unwrap_or_default();
    let field = Field::new(
        "counterpartCityId",
        tr.t("counterpart"),
        Input::Select(cities),
    )
    .required()
    .value(chosen);
    let action = format!("/partnerships/{}/counterpart", p.id());
    Ok(form_page(
        user,
        p,
        crumb,
        ("fix-counterpart", Step::Partner),
        action,
        vec![group(vec![field])],
    )
    .await)
}

/// `GET /partnerships/{id}/counterpart`.
pub async fn counterpart_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&counterpart_form(&state, &user, &p, crumb).await?))
}

/// `POST /partnerships/{id}/counterpart`.
pub async fn counterpart(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = counterpart_form(&state, &user, &p, crumb).await?;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let city = check.id("counterpartCityId");
    let Some(city) = city.filter(|_| check.errors.is_empty()) else {
        if check.errors.is_empty() {
            check.required("counterpartCityId");
        }
        form.show(check.errors);
        return Ok(form.refused());
    };
    record(
        &state,
        &user,
        &p,
        Command::choose_counterpart(CityId(city)),
        form,
        "#partner",
    )
    .await
}

// -------------------------------------------------------------- assessment

fn assessment_groups(user: &User) -> Vec<Group> {
    let tr = user.tr();
    let answers = options::<Answer>(tr, "answer");
    CriterionGroup::iter()
        .map(|g| Group {
            legend: Some(tr.term("selection-group", g.code())),
            fields: SelectionCriterion::iter()
                .filter(|c| c.group() == g)
                .flat_map(|c| {
                    [
                        Field::new(
                            c.code(),
                            tr.term("selection", c.code()),
                            Input::Radio(answers.clone()),
                        )
                        .value("UNKNOWN"),
                        Field::new(
                            &format!("{}-note", c.code()),
                            tr.t("assessment-note"),
                            Input::Text,
                        ),
                    ]
                })
                .collect(),
        })
        .collect()
}

async fn assessment_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let mut groups = vec![group(vec![
        Field::new("on", tr.t("form-on"), Input::Date).required(),
    ])];
    groups.extend(assessment_groups(user));
    let action = format!("/partnerships/{}/assessment", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("fix-assessment", Step::Partner),
        action,
        groups,
    )
    .await;
    form.intro = Some(tr.t("assessment-intro"));
    form
}

/// `GET /partnerships/{id}/assessment`.
pub async fn assessment_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&assessment_form(&user, &p, crumb).await))
}

/// `POST /partnerships/{id}/assessment`: the assessment of the chosen
/// counterpart.
pub async fn assessment(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = assessment_form(&user, &p, crumb).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let on = check.required_date("on");
    let items: Vec<AssessmentItem> = SelectionCriterion::iter()
        .filter_map(|c| {
            let answer: Option<Answer> = check.code(c.code());
            answer.map(|answer| AssessmentItem {
                criterion: c,
                answer,
                note: check.text(&format!("{}-note", c.code())),
            })
        })
        .collect();
    let Some(candidate) = p.snapshot().counterpart.filter(|_| check.errors.is_empty()) else {
        if check.errors.is_empty() {
            form.error = Some(user.tr().t("assessment-needs-counterpart"));
        }
        form.show(check.errors);
        return Ok(form.refused());
    };
    let draft = AssessmentDraft {
        id: AssessmentId(Uuid::now_v7()),
        candidate,
        on,
        items,
    };
    record(
        &state,
        &user,
        &p,
        Command::RecordAssessment(draft),
        form,
        "#partner",
    )
    .await
}

// -------------------------------------------------------------- priorities

async fn priority_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new(
            "area",
            tr.t("priority-area"),
            Input::Select(options::<Area>(tr, "area")),
        )
        .required(),
        Field::new("by", tr.t("form-by"), Input::Text)
            .required()
            .help(tr.t("form-by-help")),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
    ];
    let action = format!("/partnerships/{}/priorities", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("fix-priorities", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("priority-intro"));
    form
}

/// `GET /partnerships/{id}/priorities`.
pub async fn priority_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&priority_form(&user, &p, crumb).await))
}

/// `POST /partnerships/{id}/priorities`: the user's city agrees an area.
pub async fn priority(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = priority_form(&user, &p, crumb).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let area: Option<Area> = check.required_code("area");
    let by = check.required("by");
    let on = check.required_date("on");
    let Some(area) = area.filter(|_| check.errors.is_empty()) else {
        form.show(check.errors);
        return Ok(form.refused());
    };
    record(
        &state,
        &user,
        &p,
        Command::AgreePriority { area, by, on },
        form,
        "#priorities",
    )
    .await
}

// -------------------------------------------------------------- agreements

async fn agreement_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let earlier: Vec<(String, String)> = p
        .outputs()
        .agreements
        .iter()
        .map(|a| (a.id.to_string(), a.title.clone()))
        .collect();
    let fields = vec![
        Field::new(
            "kind",
            tr.t("agreement-kind"),
            Input::Select(options::<AgreementKind>(tr, "agreement-kind")),
        )
        .required(),
        Field::new("title", tr.t("agreement-title"), Input::Text).required(),
        Field::new(
            "areas",
            tr.t("agreement-areas"),
            Input::Checks(options::<Area>(tr, "area")),
        ),
        Field::new("binding", tr.t("agreement-binding"), Input::Check),
        Field::new("validUntil", tr.t("agreement-valid-until"), Input::Date)
            .help(tr.t("agreement-valid-until-help")),
        Field::new(
            "renewalOf",
            tr.t("agreement-renewal-of"),
            Input::Select(earlier),
        ),
        Field::new("reference", tr.t("agreement-reference"), Input::Text),
        Field::new("text", tr.t("agreement-text"), Input::Area),
    ];
    let action = format!("/partnerships/{}/agreements/new", p.id());
    form_page(
        user,
        p,
        crumb,
        ("agreement-new", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/agreements/new`.
pub async fn agreement_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&agreement_form(&user, &p, crumb).await))
}

/// `POST /partnerships/{id}/agreements/new`: records an agreement (unsigned).
pub async fn agreement(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = agreement_form(&user, &p, crumb).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let kind: Option<AgreementKind> = check.required_code("kind");
    let title = check.required("title");
    let areas: Vec<Area> = check.codes("areas");
    let valid_until = check.date("validUntil");
    let renewal_of = check.id("renewalOf").map(AgreementId);
    let Some(kind) = kind.filter(|_| check.errors.is_empty()) else {
        form.show(check.errors);
        return Ok(form.refused());
    };
    let draft = AgreementDraft {
        id: AgreementId(Uuid::now_v7()),
        kind,
        title,
        areas,
        binding: check.ticked("binding"),
        text: check.optional("text"),
        reference: check.optional("reference"),
        valid_until,
        renewal_of,
    };
    record(
        &state,
        &user,
        &p,
        Command::RecordAgreement(draft),
        form,
        "#agreements",
    )
    .await
}

async fn signature_form(user: &User, p: &Partnership, crumb: String, agreement: Uuid) -> FormPage {
    let tr = user.tr();
    let title = p
        .outputs()
        .agreements
        .iter()
        .find(|a| a.id.0 == agreement)
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new("by", tr.t("signature-by"), Input::Text)
            .required()
            .help(tr.t("form-by-help")),
        Field::new("on", tr.t("signature-on"), Input::Date).required(),
        Field::new("reference", tr.t("agreement-reference"), Input::Text),
    ];
    let action = format!("/partnerships/{}/agreements/{agreement}/sign", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("agreement-sign", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("signature-intro", "title", title));
    form
}

/// `GET /partnerships/{id}/agreements/{agreement}/sign`.
pub async fn signature_page(
    State(state): State<WebState>,
    user: User,
    Path((id, agreement)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&signature_form(&user, &p, crumb, agreement).await))
}

/// `POST /partnerships/{id}/agreements/{agreement}/sign`: the user's city
/// signs.
pub async fn signature(
    State(state): State<WebState>,
    user: User,
    Path((id, agreement)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = signature_form(&user, &p, crumb, agreement).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let by = check.required("by");
    let on = check.required_date("on");
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let command = Command::SignAgreement {
        agreement: AgreementId(agreement),
        by,
        on,
        reference: check.optional("reference"),
    };
    record(&state, &user, &p, command, form, "#agreements").await
}
