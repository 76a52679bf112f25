//! The forms of a city's own standing, Aim ("why and what does the city
//! want?") and Commit ("how will the city meet the aim, with what, who does
//! what?"): a new version of its strategy, a new version of its commitment,
//! and a local stakeholder. They belong to the city, not to one partnership.

use super::common::{Check, city_form_page, options, row_name};
use super::{Field, Fields, FormPage, Group, Input};
use crate::WebState;
use crate::auth::{User, flash};
use crate::page::{Failure, Tr, render};
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use c2c_domain::standing::{
    CommitmentDraft, ContactTeam, Objective, PoliticalCommitment, Priority, ResourceDraft,
    StakeholderRole, StrategyDraft,
};
use c2c_domain::{
    Area, HelixSector, Involvement, ObjectiveId, Stakeholder, StakeholderId, Standing, Step,
};
use c2c_store::{Actor, StoreError};
use uuid::Uuid;

/// Empty rows offered for new objectives, priorities, roles, resources.
const NEW_ROWS: usize = 3;

async fn standing(state: &WebState, user: &User) -> Result<(Actor, Standing), Failure> {
    let actor = user
        .account
        .editor()
        .map_err(|e| Failure::Forbidden(user.lang, e.to_string()))?;
    let standing = state
        .store
        .standing(actor.city)
        .await
        .map_err(|e| Failure::of(user.lang, e))?;
    Ok((actor, standing))
}

fn stakeholder_options(stakeholders: &[Stakeholder]) -> Vec<(String, String)> {
    stakeholders
        .iter()
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect()
}

/// Saves a city's output and goes back to the city's page, or shows the form
/// again with the refusal.
async fn saved(
    user: &User,
    result: Result<(), StoreError>,
    mut form: FormPage,
) -> Result<Response, Failure> {
    match result {
        Ok(()) => {
            flash(&user.session, user.tr().t("form-saved")).await;
            Ok(Redirect::to("/city").into_response())
        }
        Err(StoreError::Domain(c2c_domain::DomainError::Invalid { field, message })) => {
            form.show(vec![(field, message.to_string())]);
            Ok(form.refused())
        }
        Err(StoreError::Invalid { field, message }) => {
            form.show(vec![(field, message.to_string())]);
            Ok(form.refused())
        }
        Err(StoreError::Domain(d)) => {
            form.error = Some(d.to_string());
            Ok(form.refused())
        }
        Err(e) => Err(Failure::of(user.lang, e)),
    }
}

// ---------------------------------------------------------------- strategy

fn strategy_groups(tr: Tr, s: &Standing) -> Vec<Group> {
    let current = s.strategy.as_ref();
    let lines = |v: Option<&Vec<String>>| v.map(|l| l.join("\n")).unwrap_or_default();
    let mut objectives: Vec<Field> = current
        .map(|x| x.objectives.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|o| {
            Field::new(
                &format!("objective-{}", o.id),
                tr.t("strategy-objective"),
                Input::Text,
            )
            .value(o.text.clone())
        })
        .collect();
    for n in 1..=NEW_ROWS {
        objectives.push(Field::new(
            &format!("objective-new{n}"),
            tr.t("strategy-new-objective"),
            Input::Text,
        ));
    }
    let chosen_themes: Vec<String> = current
        .map(|x| x.themes.iter().map(|a| a.code().to_owned()).collect())
        .unwrap_or_default();
    let chosen_people: Vec<String> = current
        .map(|x| x.stakeholders.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    let mut themes = Field::new(
        "themes",
        tr.t("strategy-themes"),
        Input::Checks(options::<Area>(tr, "area")),
    );
    themes.values = chosen_themes;
    let mut people = Field::new(
        "stakeholderIds",
        tr.t("strategy-stakeholders"),
        Input::Checks(stakeholder_options(&s.stakeholders)),
    )
    .help(tr.t("strategy-stakeholders-help"));
    people.values = chosen_people;
    vec![
        Group {
            legend: None,
            fields: vec![
                Field::new("vision", tr.t("strategy-vision"), Input::Area)
                    .required()
                    .value(current.map(|x| x.vision.clone()).unwrap_or_default()),
                Field::new("horizon", tr.t("strategy-horizon"), Input::Text)
                    .value(current.and_then(|x| x.horizon.clone()).unwrap_or_default()),
                Field::new("adoptedOn", tr.t("strategy-adopted-on"), Input::Date).value(
                    current
                        .and_then(|x| x.adopted_on)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
            ],
        },
        Group {
            legend: Some(tr.t("strategy-objectives")),
            fields: objectives,
        },
        Group {
            legend: None,
            fields: vec![
                themes,
                people,
                Field::new("challenges", tr.t("strategy-challenges"), Input::Area)
                    .help(tr.t("form-one-per-line"))
                    .value(lines(current.map(|x| &x.challenges))),
                Field::new("opportunities", tr.t("strategy-opportunities"), Input::Area)
                    .help(tr.t("form-one-per-line"))
                    .value(lines(current.map(|x| &x.opportunities))),
                Field::new("evidence", tr.t("strategy-evidence"), Input::Area)
                    .help(tr.t("form-one-per-line"))
                    .value(lines(current.map(|x| &x.evidence))),
            ],
        },
    ]
}

async fn strategy_form(user: &User, s: &Standing) -> FormPage {
    let tr = user.tr();
    let mut form = city_form_page(
        user,
        ("strategy-title", Step::Aim),
        "/city/strategy",
        strategy_groups(tr, s),
    )
    .await;
    form.intro = Some(tr.t("strategy-intro"));
    form
}

/// `GET /city/strategy`.
pub async fn strategy_page(State(state): State<WebState>, user: User) -> Result<Response, Failure> {
    let (_, s) = standing(&state, &user).await?;
    Ok(render(&strategy_form(&user, &s).await))
}

fn objectives(fields: &Fields) -> Vec<Objective> {
    fields
        .0
        .iter()
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix("objective-")?;
            let id = match rest.parse::<Uuid>() {
                Ok(id) => id,
                Err(_) => Uuid::now_v7(),
            };
            (!v.trim().is_empty()).then(|| Objective {
                id: ObjectiveId(id),
                text: v.clone(),
            })
        })
        .collect()
}

/// `POST /city/strategy`: a new version of the city's strategy.
pub async fn strategy(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (actor, s) = standing(&state, &user).await?;
    let mut form = strategy_form(&user, &s).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let draft = StrategyDraft {
        vision: check.required("vision"),
        horizon: check.optional("horizon"),
        objectives: objectives(&fields),
        challenges: check.lines("challenges"),
        opportunities: check.lines("opportunities"),
        themes: check.codes("themes"),
        stakeholders: check
            .codes::<Uuid>("stakeholderIds")
            .into_iter()
            .map(StakeholderId)
            .collect(),
        evidence: check.lines("evidence"),
        adopted_on: check.date("adoptedOn"),
    };
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let result = state.store.record_strategy(actor, draft).await.map(drop);
    if result.is_ok() {
        state.changed();
    }
    saved(&user, result, form).await
}

// -------------------------------------------------------------- commitment

fn commitment_rows(tr: Tr, s: &Standing) -> Vec<Group> {
    let objectives: Vec<(String, String)> = s
        .objectives()
        .iter()
        .map(|o| (o.id.to_string(), o.text.clone()))
        .collect();
    let people = stakeholder_options(&s.stakeholders);
    let c = s.commitment.as_ref();
    let mut priorities = Vec::new();
    let mut roles = Vec::new();
    let mut resources = Vec::new();
    let rows = |n: usize| c.map_or(0, |_| n) + NEW_ROWS;
    for n in 1..=rows(c.map_or(0, |x| x.priorities.len())) {
        let p = c.and_then(|x| x.priorities.get(n - 1));
        priorities.push(
            Field::new(
                &row_name("priority", n, "Text"),
                tr.t1("commit-priority", "n", n),
                Input::Text,
            )
            .value(p.map(|x| x.text.clone()).unwrap_or_default()),
        );
        priorities.push(
            Field::new(
                &row_name("priority", n, "Objective"),
                tr.t1("commit-priority-objective", "n", n),
                Input::Select(objectives.clone()),
            )
            .value(
                p.and_then(|x| x.objective)
                    .map(|o| o.to_string())
                    .unwrap_or_default(),
            ),
        );
    }
    for n in 1..=rows(c.map_or(0, |x| x.roles.len())) {
        let r = c.and_then(|x| x.roles.get(n - 1));
        roles.push(
            Field::new(
                &row_name("role", n, "Stakeholder"),
                tr.t1("commit-role-stakeholder", "n", n),
                Input::Select(people.clone()),
            )
            .value(r.map(|x| x.stakeholder.to_string()).unwrap_or_default()),
        );
        roles.push(
            Field::new(
                &row_name("role", n, "Role"),
                tr.t1("commit-role", "n", n),
                Input::Text,
            )
            .value(r.map(|x| x.role.clone()).unwrap_or_default()),
        );
        roles.push(
            Field::new(
                &row_name("role", n, "Responsibilities"),
                tr.t1("commit-role-responsibilities", "n", n),
                Input::Text,
            )
            .value(r.map(|x| x.responsibilities.clone()).unwrap_or_default()),
        );
    }
    for n in 1..=rows(c.map_or(0, |x| x.resources.len())) {
        let r = c.and_then(|x| x.resources.get(n - 1));
        resources.push(
            Field::new(
                &row_name("resource", n, "Kind"),
                tr.t1("commit-resource-kind", "n", n),
                Input::Text,
            )
            .help(tr.t("commit-resource-kind-help"))
            .value(r.map(|x| x.kind.clone()).unwrap_or_default()),
        );
        resources.push(
            Field::new(
                &row_name("resource", n, "Description"),
                tr.t1("commit-resource-description", "n", n),
                Input::Text,
            )
            .value(r.map(|x| x.description.clone()).unwrap_or_default()),
        );
        resources.push(
            Field::new(
                &row_name("resource", n, "Amount"),
                tr.t1("funding-amount", "n", n),
                Input::Number,
            )
            .value(
                r.and_then(|x| x.amount.as_ref())
                    .map(|m| m.amount.to_string())
                    .unwrap_or_default(),
            ),
        );
        resources.push(
            Field::new(
                &row_name("resource", n, "Currency"),
                tr.t1("funding-currency", "n", n),
                Input::Text,
            )
            .value(
                r.and_then(|x| x.amount.as_ref())
                    .map(|m| m.currency.code().to_owned())
                    .unwrap_or_default(),
            ),
        );
    }
    vec![
        Group {
            legend: Some(tr.t("commit-priorities")),
            fields: priorities,
        },
        Group {
            legend: Some(tr.t("commit-roles")),
            fields: roles,
        },
        Group {
            legend: Some(tr.t("commit-resources")),
            fields: resources,
        },
    ]
}

fn commitment_groups(tr: Tr, s: &Standing) -> Vec<Group> {
    let c = s.commitment.as_ref();
    let political = c.and_then(|x| x.political.as_ref());
    let team = c.and_then(|x| x.contact_team.as_ref());
    let mut groups = vec![Group {
        legend: Some(tr.t("commit-political")),
        fields: vec![
            Field::new("politicalBody", tr.t("commit-political-body"), Input::Text)
                .required()
                .value(political.map(|p| p.body.clone()).unwrap_or_default()),
            Field::new("politicalOn", tr.t("form-on"), Input::Date).value(
                political
                    .and_then(|p| p.on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            Field::new(
                "politicalReference",
                tr.t("approval-reference"),
                Input::Text,
            )
            .value(political.map(|p| p.reference.clone()).unwrap_or_default()),
        ],
    }];
    groups.extend(commitment_rows(tr, s));
    groups.push(Group {
        legend: Some(tr.t("commit-contact-team")),
        fields: vec![
            Field::new("teamName", tr.t("team-name"), Input::Text)
                .value(team.map(|t| t.name.clone()).unwrap_or_default()),
            Field::new("teamMembers", tr.t("team-members"), Input::Area)
                .help(tr.t("form-one-per-line"))
                .value(team.map(|t| t.members.join("\n")).unwrap_or_default()),
            Field::new("externalStakeholders", tr.t("commit-external"), Input::Area)
                .help(tr.t("form-one-per-line"))
                .value(
                    c.map(|x| x.external_stakeholders.join("\n"))
                        .unwrap_or_default(),
                ),
        ],
    });
    groups
}

async fn commitment_form(user: &User, s: &Standing) -> FormPage {
    let tr = user.tr();
    let mut form = city_form_page(
        user,
        ("commit-title", Step::Commit),
        "/city/commitment",
        commitment_groups(tr, s),
    )
    .await;
    form.intro = Some(tr.t("commit-intro"));
    form
}

/// `GET /city/commitment`.
pub async fn commitment_page(
    State(state): State<WebState>,
    user: User,
) -> Result<Response, Failure> {
    let (_, s) = standing(&state, &user).await?;
    Ok(render(&commitment_form(&user, &s).await))
}

fn commitment_draft(check: &mut Check<'_>, rows: usize) -> CommitmentDraft {
    let filled = |v: String| Some(v).filter(|v| !v.trim().is_empty());
    let priorities = (1..=rows)
        .filter_map(|n| {
            let text = filled(check.text(&row_name("priority", n, "Text")))?;
            let objective = check
                .id(&row_name("priority", n, "Objective"))
                .map(ObjectiveId);
            Some(Priority { text, objective })
        })
        .collect();
    let roles = (1..=rows)
        .filter_map(|n| {
            let stakeholder = check
                .id(&row_name("role", n, "Stakeholder"))
                .map(StakeholderId)?;
            Some(StakeholderRole {
                stakeholder,
                role: check.text(&row_name("role", n, "Role")),
                responsibilities: check.text(&row_name("role", n, "Responsibilities")),
            })
        })
        .collect();
    let resources = (1..=rows)
        .filter_map(|n| {
            let kind = filled(check.text(&row_name("resource", n, "Kind")))?;
            Some(ResourceDraft {
                kind,
                description: check.text(&row_name("resource", n, "Description")),
                amount: check.decimal(&row_name("resource", n, "Amount")),
                currency: check
                    .optional(&row_name("resource", n, "Currency"))
                    .map(|c| c.trim().to_uppercase()),
            })
        })
        .collect();
    CommitmentDraft {
        political: Some(PoliticalCommitment {
            body: check.required("politicalBody"),
            on: check.date("politicalOn"),
            reference: check.text("politicalReference"),
        }),
        priorities,
        roles,
        resources,
        contact_team: filled(check.text("teamName")).map(|name| ContactTeam {
            name,
            members: check.lines("teamMembers"),
        }),
        external_stakeholders: check.lines("externalStakeholders"),
    }
}

/// `POST /city/commitment`: a new version of the city's commitment.
pub async fn commitment(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (actor, s) = standing(&state, &user).await?;
    let mut form = commitment_form(&user, &s).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let rows = fields.0.len();
    let draft = commitment_draft(&mut check, rows);
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let result = state.store.record_commitment(actor, draft).await.map(drop);
    if result.is_ok() {
        state.changed();
    }
    saved(&user, result, form).await
}

// ------------------------------------------------------------- stakeholder

async fn stakeholder_form(user: &User) -> FormPage {
    let tr = user.tr();
    let fields = super::admin::stakeholder_fields(tr);
    let mut form = city_form_page(
        user,
        ("stakeholder-title", Step::Aim),
        "/city/stakeholders/new",
        vec![super::common::group(fields)],
    )
    .await;
    form.intro = Some(tr.t("stakeholder-intro"));
    form
}

/// `GET /city/stakeholders/new`.
pub async fn stakeholder_page(user: User) -> Result<Response, Failure> {
    Ok(render(&stakeholder_form(&user).await))
}

/// `POST /city/stakeholders/new`: a local stakeholder of the user's city.
pub async fn stakeholder(
    State(state): State<WebState>,
    user: User,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    let (actor, _) = standing(&state, &user).await?;
    let mut form = stakeholder_form(&user).await;
    form.fill(&fields);
    let mut check = Check::new(user.tr(), &fields);
    let name = check.required("name");
    let sector: Option<HelixSector> = check.required_code("sector");
    let involvement: Option<Involvement> = check.required_code("involvement");
    let (Some(sector), Some(involvement)) = (sector, involvement) else {
        form.show(check.errors);
        return Ok(form.refused());
    };
    if !check.errors.is_empty() {
        form.show(check.errors);
        return Ok(form.refused());
    }
    let result = state
        .store
        .add_stakeholder(
            StakeholderId(Uuid::now_v7()),
            actor.city,
            &name,
            sector,
            involvement,
        )
        .await
        .map(drop);
    saved(&user, result, form).await
}
