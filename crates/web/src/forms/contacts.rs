//! Relations between the two cities, at any step ("with whom, and on what
//! first?"): a contact (a meeting, delegation, visit, call or event; joint or
//! not; with its follow-up due), the follow-up of a contact, and a city's
//! contact persons for the partnership.

use super::common::{form_page, group, options};
use super::{Field, Fields, FormPage, Input, show, submit};
use crate::WebState;
use crate::auth::User;
use crate::page::{Failure, Tr};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use c2c_domain::outputs::{
    ContactDirection, ContactDraft, ContactKind, ContactPersonDraft, Levels,
};
use c2c_domain::{Command, ContactId, ContactPersonId, Partnership, Step};
use uuid::Uuid;

fn levels(tr: Tr, side: &str) -> Vec<Field> {
    vec![
        Field::new(
            &format!("{side}Political"),
            tr.t(&format!("contact-{side}-political")),
            Input::Check,
        ),
        Field::new(
            &format!("{side}Technical"),
            tr.t(&format!("contact-{side}-technical")),
            Input::Check,
        ),
    ]
}

async fn contact_form(user: &User, p: &Partnership, crumb: String) -> FormPage {
    let tr = user.tr();
    let mut fields = vec![
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new(
            "kind",
            tr.t("contact-kind"),
            Input::Select(options::<ContactKind>(tr, "contact-kind")),
        )
        .required(),
        Field::new(
            "direction",
            tr.t("contact-direction"),
            Input::Radio(options::<ContactDirection>(tr, "contact-direction")),
        )
        .required(),
    ];
    fields.extend(levels(tr, "ours"));
    fields.extend(levels(tr, "theirs"));
    fields.extend([
        Field::new("joint", tr.t("contact-joint"), Input::Check),
        Field::new("outcome", tr.t("contact-outcome"), Input::Area),
        Field::new("followUpDue", tr.t("contact-follow-up-due"), Input::Date)
            .help(tr.t("contact-follow-up-due-help")),
    ]);
    let action = format!("/partnerships/{}/contacts/new", p.id());
    form_page(
        user,
        p,
        crumb,
        ("contact-new", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/contacts/new`.
pub async fn contact_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        contact_form(&user, p, crumb).await
    })
    .await
}

/// `POST /partnerships/{id}/contacts/new`.
pub async fn contact(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#contacts"),
        async |p, crumb| contact_form(&user, p, crumb).await,
        |check, _| {
            let on = check.required_date("on");
            let kind = check.required_code("kind");
            let direction = check.required_code("direction");
            Some(Command::RecordContact(ContactDraft {
                id: ContactId(Uuid::now_v7()),
                on,
                kind: kind?,
                direction: direction?,
                ours: Levels {
                    political: check.ticked("oursPolitical"),
                    technical: check.ticked("oursTechnical"),
                },
                theirs: Levels {
                    political: check.ticked("theirsPolitical"),
                    technical: check.ticked("theirsTechnical"),
                },
                outcome: check.text("outcome"),
                follow_up_due: check.date("followUpDue"),
                joint: check.ticked("joint"),
            }))
        },
    )
    .await
}

async fn follow_up_form(user: &User, p: &Partnership, crumb: String, contact: Uuid) -> FormPage {
    let tr = user.tr();
    let fields = vec![
        Field::new("on", tr.t("form-on"), Input::Date).required(),
        Field::new("note", tr.t("follow-up-note"), Input::Area).required(),
    ];
    let action = format!("/partnerships/{}/contacts/{contact}/follow-up", p.id());
    form_page(
        user,
        p,
        crumb,
        ("follow-up-title", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await
}

/// `GET /partnerships/{id}/contacts/{contact}/follow-up`.
pub async fn follow_up_page(
    State(state): State<WebState>,
    user: User,
    Path((id, contact)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        follow_up_form(&user, p, crumb, contact).await
    })
    .await
}

/// `POST /partnerships/{id}/contacts/{contact}/follow-up`.
pub async fn follow_up(
    State(state): State<WebState>,
    user: User,
    Path((id, contact)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#contacts"),
        async |p, crumb| follow_up_form(&user, p, crumb, contact).await,
        |check, _| {
            Some(Command::RecordFollowUp {
                contact: ContactId(contact),
                on: check.required_date("on"),
                note: check.required("note"),
            })
        },
    )
    .await
}

async fn person_form(
    user: &User,
    p: &Partnership,
    crumb: String,
    person: Option<Uuid>,
) -> FormPage {
    let tr = user.tr();
    let known = person.and_then(|id| p.outputs().contact_persons.iter().find(|x| x.id.0 == id));
    let value =
        |f: fn(&c2c_domain::outputs::ContactPerson) -> String| known.map(f).unwrap_or_default();
    let fields = vec![
        Field::new("name", tr.t("person-name"), Input::Text)
            .required()
            .value(value(|x| x.name.clone())),
        Field::new("role", tr.t("person-role"), Input::Text)
            .required()
            .value(value(|x| x.role.clone())),
        Field::new("email", tr.t("signin-email"), Input::Text)
            .value(value(|x| x.email.clone().unwrap_or_default())),
        Field::new("from", tr.t("person-from"), Input::Date)
            .required()
            .value(value(|x| x.from.to_string())),
        Field::new("until", tr.t("person-until"), Input::Date).value(value(|x| {
            x.until.map(|d| d.to_string()).unwrap_or_default()
        })),
        Field::new("announced", tr.t("person-announced"), Input::Check),
    ];
    let action = match person {
        Some(id) => format!("/partnerships/{}/persons/{id}", p.id()),
        None => format!("/partnerships/{}/persons/new", p.id()),
    };
    let mut form = form_page(
        user,
        p,
        crumb,
        ("person-title", Step::Partner),
        action,
        vec![group(fields)],
    )
    .await;
    form.intro = Some(tr.t("person-intro"));
    form
}

/// `GET /partnerships/{id}/persons/new`.
pub async fn new_person_page(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        person_form(&user, p, crumb, None).await
    })
    .await
}

/// `GET /partnerships/{id}/persons/{person}`.
pub async fn person_page(
    State(state): State<WebState>,
    user: User,
    Path((id, person)): Path<(Uuid, Uuid)>,
) -> Result<Response, Failure> {
    show(&state, &user, id, async |p, crumb| {
        person_form(&user, p, crumb, Some(person)).await
    })
    .await
}

async fn save_person(
    state: WebState,
    user: User,
    id: Uuid,
    person: Option<Uuid>,
    fields: Fields,
) -> Result<Response, Failure> {
    submit(
        &state,
        &user,
        (id, &fields, "#contacts"),
        async |p, crumb| person_form(&user, p, crumb, person).await,
        |check, _| {
            Some(Command::RecordContactPerson(ContactPersonDraft {
                id: ContactPersonId(person.unwrap_or_else(Uuid::now_v7)),
                name: check.required("name"),
                role: check.required("role"),
                email: check.optional("email"),
                from: check.required_date("from"),
                until: check.date("until"),
                announced: check.ticked("announced"),
            }))
        },
    )
    .await
}

/// `POST /partnerships/{id}/persons/new`: the user's city names a person.
pub async fn new_person(
    State(state): State<WebState>,
    user: User,
    Path(id): Path<Uuid>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    save_person(state, user, id, None, fields).await
}

/// `POST /partnerships/{id}/persons/{person}`: a change of a person (its
/// dates), saying whether the counterpart was told.
pub async fn person(
    State(state): State<WebState>,
    user: User,
    Path((id, person)): Path<(Uuid, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, Failure> {
    save_person(state, user, id, Some(person), fields).await
}
