//! The forms of Plan ("which activities, funded how, by when?") and of the
//! teams of Do: the plan's title and summary, an activity (new or changed),
//! a city's team for an activity, and a city's approval of the plan version.

use super::common::{Check, form_page, group, load, options};
use super::{Field, Fields, FormPage, Input, record};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, render};
use crate::views::common::{city_names, name};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::outputs::{
    Activity, ActivityDraft, ApprovalDraft, ApprovalSubject, FundingDraft, TeamDraft,
};
use c2c_domain::{ActivityId, Area, CityId, Command, Partnership, StakeholderId, Step};
use uuid::Uuid;

/// Funding rows offered on an activity's form.
const FUNDING_ROWS: usize = 3;

// ------------------------------------------------------------------- plan

async fn plan_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let plan = p.outputs().plan.as_ref();
    let fields = vec![
        Field::new("title", tr.t("plan-field-title"), Input::Text)
            .required()
            .value(plan.map(|x| x.title.clone()).unwrap_or_default()),
        Field::new("summary", tr.t("plan-field-summary"), Input::Area)
            .value(plan.map(|x| x.summary.clone()).unwrap_or_default()),
    ];
    let action = format!("/partnerships/{}/plan", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("fix-plan", Step::Plan),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("plan-intro"));
    form
}

/// `GET /partnerships/{id}/plan`.
pub async fn plan_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&plan_form(&user, &p, crumb).await))
}

/// `POST /partnerships/{id}/plan`.
pub async fn plan(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = plan_form(&user, &p, crumb).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let title = check.required("title");
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let command = Command::RecordPlan {
        title,
        summary: check.text("summary"),
    };
    record(&state, &user, &p, command, form, "#activities").await
}

// --------------------------------------------------------------- activity

async fn activity_fields(
    state: &WebState,
    user: &User,
    p: &Partnership,
) -> Result<Vec<Field>, Failure> {
    let tr = user.tr();
    let names = city_names(&state.store, user).await?;
    let parties: Vec<(String, String)> = p
        .snapshot()
        .parties()
        .into_iter()
        .map(|c| (c.to_string(), name(&names, Some(c))))
        .collect();
    let mut stakeholders = Vec::new();
    for city in p.snapshot().parties() {
        for s in state
            .store
            .stakeholders(city)
            .await
            .map_err(|e| Failure::of(user.lang, e))?
        {
            stakeholders.push((
                s.id.to_string(),
                format!("{} ({})", s.name, name(&names, Some(city))),
            ));
        }
    }
    let mut fields = vec![
        Field::new("title", tr.t("activity-title"), Input::Text).required(),
        Field::new(
            "area",
            tr.t("activity-area"),
            Input::Select(options::<Area>(tr, "area")),
        ),
        Field::new("description", tr.t("activity-description"), Input::Area),
        Field::new(
            "leadCityId",
            tr.t("activity-lead-city"),
            Input::Select(parties.clone()),
        )
        .required(),
        Field::new(
            "leadStakeholderId",
            tr.t("activity-lead-stakeholder"),
            Input::Select(stakeholders),
        )
        .required(),
        Field::new("cityIds", tr.t("activity-cities"), Input::Checks(parties))
            .help(tr.t("activity-cities-help")),
        Field::new("start", tr.t("activity-start"), Input::Date).required(),
        Field::new("due", tr.t("activity-due"), Input::Date).required(),
        Field::new(
            "expectedResults",
            tr.t("activity-expected-results"),
            Input::Area,
        )
        .required(),
        Field::new("resources", tr.t("activity-resources"), Input::Area)
            .help(tr.t("form-one-per-line")),
    ];
    for i in 1..=FUNDING_ROWS {
        fields.push(Field::new(
            &format!("funding{i}Amount"),
            tr.t1("funding-amount", "n", i),
            Input::Number,
        ));
        fields.push(
            Field::new(
                &format!("funding{i}Currency"),
                tr.t1("funding-currency", "n", i),
                Input::Text,
            )
            .help(tr.t("funding-currency-help")),
        );
        fields.push(Field::new(
            &format!("funding{i}Source"),
            tr.t1("funding-source", "n", i),
            Input::Text,
        ));
    }
    Ok(fields)
}

fn prefill(fields: &mut [Field], a: &Activity) {
    let x = &a.plan;
    for f in fields.iter_mut() {
        let v: Vec<String> = match f.name.as_str() {
            "title" => vec![x.title.clone()],
            "area" => x.area.map(|a| a.code().to_owned()).into_iter().collect(),
            "description" => vec![x.description.clone()],
            "leadCityId" => x.lead_city.map(|c| c.to_string()).into_iter().collect(),
            "leadStakeholderId" => x
                .lead_stakeholder
                .map(|s| s.to_string())
                .into_iter()
                .collect(),
            "cityIds" => x.cities.iter().map(ToString::to_string).collect(),
            "start" => x.start.map(|d| d.to_string()).into_iter().collect(),
            "due" => x.due.map(|d| d.to_string()).into_iter().collect(),
            "expectedResults" => vec![x.expected_results.clone()],
            "resources" => vec![x.resources.join("\n")],
            other => funding_value(other, a),
        };
        f.values = v;
    }
}

fn funding_value(name: &str, a: &Activity) -> Vec<String> {
    let Some(rest) = name.strip_prefix("funding") else {
        return Vec::new();
    };
    let (n, part) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(0));
    let Some(f) = n
        .parse::<usize>()
        .ok()
        .and_then(|i| a.plan.funding.get(i.wrapping_sub(1)))
    else {
        return Vec::new();
    };
    vec![match part {
        "Amount" => f.money.amount.to_string(),
        "Currency" => f.money.currency.code().to_owned(),
        _ => f.source.clone(),
    }]
}

async fn activity_form(
    state: &WebState,
    user: &User,
    p: &Partnership,
    crumb: String,
    activity: Option<&Activity>,
) -> Result<FormPage, Failure> {
    let mut fields = activity_fields(state, user, p).await?;
    if let Some(a) = activity {
        prefill(&mut fields, a);
    }
    let (action, title) = match activity {
        Some(a) => (
            format!("/partnerships/{}/activities/{}", p.id(), a.plan.id),
            "activity-edit",
        ),
        None => (
            format!("/partnerships/{}/activities/new", p.id()),
            "fix-activity",
        ),
    };
    let mut form = form_page(
        user,
        p,
        crumb,
        (title, Step::Plan),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(user.tr().t("activity-intro"));
    Ok(form)
}

/// `GET /partnerships/{id}/activities/new`.
pub async fn new_activity_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(
        &activity_form(&state, &user, &p, crumb, None).await?,
    ))
}

/// `GET /partnerships/{id}/activities/{activity}`.
pub async fn activity_page(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let a = find_activity(&user, &p, activity)?;
    Ok(render(
        &activity_form(&state, &user, &p, crumb, Some(a)).await?,
    ))
}

fn find_activity<'p>(user: &User, p: &'p Partnership, id: Uuid) -> Result<&'p Activity, Failure> {
    p.outputs()
        .plan
        .as_ref()
        .and_then(|plan| plan.activity(ActivityId(id)))
        .ok_or(Failure::NotFound(user.lang))
}

fn activity_draft(check: &mut Check<'_>, id: ActivityId) -> ActivityDraft {
    let funding = (1..=FUNDING_ROWS)
        .filter_map(|i| {
            let amount = check.decimal(&format!("funding{i}Amount"))?;
            Some(FundingDraft {
                amount,
                currency: check
                    .text(&format!("funding{i}Currency"))
                    .trim()
                    .to_uppercase(),
                source: check.text(&format!("funding{i}Source")),
            })
        })
        .collect();
    ActivityDraft {
        id,
        title: check.required("title"),
        area: check.code("area"),
        description: check.text("description"),
        lead_city: check.id("leadCityId").map(CityId),
        lead_stakeholder: check.id("leadStakeholderId").map(StakeholderId),
        cities: check
            .codes::<Uuid>("cityIds")
            .into_iter()
            .map(CityId)
            .collect(),
        funding,
        start: check.date("start"),
        due: check.date("due"),
        expected_results: check.text("expectedResults"),
        resources: check.lines("resources"),
    }
}

async fn save_activity(
    state: WebState,
    user: User,
    id: Uuid,
    activity: Option<Uuid>,
    fields: Fields,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let existing = activity.map(|a| find_activity(&user, &p, a)).transpose()?;
    let mut form = activity_form(&state, &user, &p, crumb, existing).await?;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let draft = activity_draft(
        &mut check,
        ActivityId(activity.unwrap_or_else(Uuid::now_v7)),
    );
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    record(
        &state,
        &user,
        &p,
        Command::RecordActivity(draft),
        form,
        "#activities",
    )
    .await
}

/// `POST /partnerships/{id}/activities/new`.
pub async fn new_activity(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    save_activity(state, user, id, None, fields).await
}

/// `POST /partnerships/{id}/activities/{activity}`: changes the activity's
/// planned part (a new plan version).
pub async fn activity(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    save_activity(state, user, id, Some(activity), fields).await
}

// ------------------------------------------------------------------- team

async fn team_form(user: &User, p: &Partnership, crumb: String, a: &Activity) -> FormPage {
    let tr = user.tr();
    let ours = user
        .account
        .city
        .and_then(|c| a.teams.iter().find(|t| t.city == c));
    let fields = vec![
        Field::new("name", tr.t("team-name"), Input::Text)
            .required()
            .value(ours.map(|t| t.name.clone()).unwrap_or_default()),
        Field::new("members", tr.t("team-members"), Input::Area)
            .help(tr.t("form-one-per-line"))
            .value(ours.map(|t| t.members.join("\n")).unwrap_or_default()),
        Field::new(
            "responsibilities",
            tr.t("team-responsibilities"),
            Input::Area,
        )
        .value(ours.map(|t| t.responsibilities.clone()).unwrap_or_default()),
    ];
    let action = format!("/partnerships/{}/activities/{}/team", p.id(), a.plan.id);
    let mut form = form_page(
        user,
        p,
        crumb,
        ("fix-teams", Step::Do),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("team-intro", "title", &a.plan.title));
    form
}

/// `GET /partnerships/{id}/activities/{activity}/team`.
pub async fn team_page(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let a = find_activity(&user, &p, activity)?;
    Ok(render(&team_form(&user, &p, crumb, a).await))
}

/// `POST /partnerships/{id}/activities/{activity}/team`: the user's city's
/// team for the activity.
pub async fn team(
    State(state): State<WebState>,
    user: User,
    Path((id, activity)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let a = find_activity(&user, &p, activity)?;
    let mut form = team_form(&user, &p, crumb, a).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let name = check.required("name");
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let draft = TeamDraft {
        activity: ActivityId(activity),
        name,
        members: check.lines("members"),
        responsibilities: check.text("responsibilities"),
    };
    record(
        &state,
        &user,
        &p,
        Command::RecordTeam(draft),
        form,
        "#activities",
    )
    .await
}

// --------------------------------------------------------------- approval

async fn approval_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let version = p.outputs().plan.as_ref().map_or(0, |x| x.version);
    let fields = vec![
        Field::new("by", tr.t("approval-by"), Input::Text)
            .required()
            .help(tr.t("approval-by-help")),
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new("reference", tr.t("approval-reference"), Input::Text),
    ];
    let action = format!("/partnerships/{}/approvals/plan", p.id());
    let mut form = form_page(
        user,
        p,
        crumb,
        ("fix-plan-approval", Step::Plan),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t1("approval-intro", "version", version));
    form.hidden = vec![("version".to_owned(), version.to_string())];
    form
}

/// `GET /partnerships/{id}/approvals/plan`.
pub async fn approval_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    Ok(render(&approval_form(&user, &p, crumb).await))
}

/// `POST /partnerships/{id}/approvals/plan`: the user's city approves the
/// current plan version.
pub async fn approval(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (p, crumb) = load(&state, &user, id).await?;
    let mut form = approval_form(&user, &p, crumb).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let by = check.required("by");
    let on = check.required_date("on");
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    // The version the page showed: approving what the reader read.
    let version = fields.get("version").parse().unwrap_or(0);
    let draft = ApprovalDraft {
        subject: ApprovalSubject::Plan,
        version,
        by,
        on,
        reference: check.text("reference"),
    };
    record(
        &state,
        &user,
        &p,
        Command::Approve(draft),
        form,
        "#activities",
    )
    .await
}
