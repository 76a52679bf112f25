//! The access matrix (DESIGN §8): every mutation of the schema, tried by each
//! of seven callers, is allowed or refused as the access rules say, and a
//! refused call changes nothing (no row of any table, no event, no version).
//!
//! The matrix is one table, `rows()`: for each mutation its document, how its
//! variables are built for a caller, and the expected outcome for each caller
//! in the order of `CALLERS`. The rows run top to bottom, each by every caller
//! in that order, against one world (`setup`): four partnerships of the
//! initiator and the counterpart at Replicate with every criterion met (`p`,
//! where the outputs are recorded, and `p2`, `p3`, `p4`, which the moves use
//! up) and one at Partner (`s`). Where a move changes its partnership's
//! state, the two parties act on different partnerships, so that every call
//! of a party editor is either allowed or refused for access alone.

use crate::flow::Flow;
use crate::helpers::{TestApp, TestCity, int_at, on_both_backends, str_at};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// No `Authorization` header.
    NoToken,
    /// An expired token (of the initiator's editor).
    Expired,
    /// The viewer of the initiator city.
    Viewer,
    /// The editor of a city party to none of the partnerships.
    Unrelated,
    /// A platform operator.
    Operator,
    /// The editor of the counterpart city.
    Counterpart,
    /// The editor of the initiator city.
    Initiator,
}

use Caller::*;

/// The callers, in the order of the columns of the matrix.
pub const CALLERS: [Caller; 7] = [
    NoToken,
    Expired,
    Viewer,
    Unrelated,
    Operator,
    Counterpart,
    Initiator,
];

/// The number of mutations of the schema (checked against the schema).
pub const MUTATIONS: usize = 41;

/// The size of the access matrix: the (mutation, caller) calls checked.
pub const CALLS_CHECKED: usize = MUTATIONS * CALLERS.len();
const _: () = assert!(CALLS_CHECKED == 287, "41 mutations x 7 callers");

/// What a call must answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// HTTP 401, `UNAUTHENTICATED`.
    U,
    /// `FORBIDDEN`, and nothing changed.
    F,
    /// `NOT_FOUND`, as for a partnership that does not exist, and nothing
    /// changed.
    N,
    /// Success.
    A,
}

use Outcome::{A, F, N, U};

// The expected outcomes, one per caller in the order of `CALLERS`: no token,
// expired token, viewer, unrelated editor, operator, counterpart editor,
// initiator editor.
/// Either party's editor.
const PARTY: [Outcome; 7] = [U, U, F, N, F, A, A];
/// The initiator's editor only.
const INITIATOR: [Outcome; 7] = [U, U, F, N, F, F, A];
/// Any editor, for its own city.
const EDITOR: [Outcome; 7] = [U, U, F, A, F, A, A];
/// Operators only.
const OPERATOR: [Outcome; 7] = [U, U, F, F, A, F, F];
/// Operators, or the account itself (the target is the initiator editor's).
const OPERATOR_OR_SELF: [Outcome; 7] = [U, U, F, F, A, F, A];
/// Operators, or an editor for its own city (the counterpart's editor
/// targets the initiator city, every other editor its own).
const OPERATOR_OR_OWN_CITY: [Outcome; 7] = [U, U, F, A, A, F, A];
/// Operators (the catalogue) and every editor (a KPI of its city).
const OPERATOR_OR_EDITOR: [Outcome; 7] = [U, U, F, A, A, A, A];

/// One mutation of the matrix.
struct Row {
    mutation: &'static str,
    document: &'static str,
    vars: fn(&World, Caller) -> Value,
    expect: [Outcome; 7],
}

/// The matrix, in the order it runs.
fn rows() -> Vec<Row> {
    vec![
        // ---------------------------------------------- outputs (on `p`, at Replicate)
        Row {
            mutation: "chooseCounterpart",
            // On `s`, at Partner: only the initiator chooses.
            document: "mutation($p: UUID!, $c: UUID!) { chooseCounterpart(partnershipId: $p, cityId: $c) { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("s"), "c": w.app.counterpart.id }),
            expect: INITIATOR,
        },
        Row {
            mutation: "recordAssessment",
            document: "mutation($p: UUID!, $i: AssessmentInput!) { recordAssessment(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, c| {
                let candidate = if c == Counterpart {
                    &w.app.initiator.id
                } else {
                    &w.app.counterpart.id
                };
                w.on_p(json!({ "candidateCityId": candidate, "on": w.today, "items": [{ "criterion": "SHARED_AIMS", "answer": "MET" }] }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordContact",
            document: "mutation($p: UUID!, $i: ContactInput!) { recordContact(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "on": w.today, "kind": "MEETING", "direction": "INBOUND", "outcome": "Talks on logistics" }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordContactPerson",
            document: "mutation($p: UUID!, $i: ContactPersonInput!) { recordContactPerson(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "name": "Li Wei", "role": "Foreign affairs office", "from": w.today, "announced": true }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordFollowUp",
            document: "mutation($p: UUID!, $c: UUID!, $on: NaiveDate!) { recordFollowUp(partnershipId: $p, contactId: $c, on: $on, note: \"Minutes sent\") { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p"), "c": w.first("contacts"), "on": w.today }),
            expect: PARTY,
        },
        Row {
            mutation: "recordAgreement",
            document: "mutation($p: UUID!, $i: AgreementInput!) { recordAgreement(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "kind": "LETTER_OF_INTENT", "title": "Letter of intent on logistics", "areas": ["TRANSPORT_LOGISTICS"] }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordSignature",
            // The newest agreement, which neither city has signed yet.
            document: "mutation($p: UUID!, $a: UUID!, $on: NaiveDate!) { recordSignature(partnershipId: $p, agreementId: $a, by: \"Mayor\", on: $on) { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p"), "a": w.last("agreements"), "on": w.today }),
            expect: PARTY,
        },
        Row {
            mutation: "recordFirstPriority",
            document: "mutation($p: UUID!, $on: NaiveDate!) { recordFirstPriority(partnershipId: $p, area: TRANSPORT_LOGISTICS, by: \"Mayor\", on: $on) { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p"), "on": w.today }),
            expect: PARTY,
        },
        Row {
            mutation: "recordPlan",
            document: "mutation($p: UUID!) { recordPlan(partnershipId: $p, title: \"Cooperation plan 2026\", summary: \"Logistics next\") { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p") }),
            expect: PARTY,
        },
        Row {
            mutation: "recordActivity",
            document: "mutation($p: UUID!, $i: ActivityInput!) { recordActivity(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "title": "Rail freight study", "area": "TRANSPORT_LOGISTICS" }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "updateActivity",
            document: "mutation($p: UUID!, $a: UUID!) { updateActivity(partnershipId: $p, id: $a, changes: { expectedResults: \"A freight study\" }) { activity { id } } }",
            vars: |w, _| json!({ "p": w.id("p"), "a": w.activity() }),
            expect: PARTY,
        },
        Row {
            mutation: "recordTeam",
            document: "mutation($p: UUID!, $i: TeamInput!) { recordTeam(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| w.on_p(json!({ "activityId": w.activity(), "name": "Study team" })),
            expect: PARTY,
        },
        Row {
            mutation: "recordProgress",
            document: "mutation($p: UUID!, $i: ProgressInput!) { recordProgress(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "activityId": w.activity(), "on": w.today, "summary": "Kick-off held", "status": "IN_PROGRESS" }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordRisk",
            document: "mutation($p: UUID!, $i: RiskInput!) { recordRisk(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "activityId": w.activity(), "description": "Budget cut", "likelihood": "LOW", "impact": "LOW", "status": "OPEN" }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordKpiSelection",
            document: "mutation($p: UUID!, $i: KpiSelectionInput!) { recordKpiSelection(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "kpiCode": "VISITORS", "objectiveId": w.objectives[0], "target": { "count": 1000 }, "reportingCityIds": [w.app.initiator.id, w.app.counterpart.id] }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordMeasurement",
            // Each city reports for itself (callers of no party: the initiator).
            document: "mutation($p: UUID!, $i: MeasurementInput!) { recordMeasurement(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, c| {
                w.on_p(json!({ "selectionId": w.first("kpiSelections"), "cityId": w.city(c).id, "periodStart": "2025-01-01", "periodEnd": "2025-06-30", "value": { "count": 12 }, "source": "University registry" }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordFeedback",
            document: "mutation($p: UUID!, $i: FeedbackInput!) { recordFeedback(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "team": "Study team", "text": "A good start", "on": w.today }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordEvaluation",
            document: "mutation($p: UUID!, $i: EvaluationInput!) { recordEvaluation(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "strengths": "Trust", "challenges": "Distance", "on": w.today }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordAdjustment",
            document: "mutation($p: UUID!) { recordAdjustment(partnershipId: $p, proposal: \"Add a logistics track\") { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p") }),
            expect: PARTY,
        },
        Row {
            mutation: "recordDecision",
            // The first adjustment without a decision.
            document: "mutation($p: UUID!, $i: DecisionInput!) { recordDecision(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "adjustmentId": w.pending_adjustment(), "outcome": "APPROVED", "on": w.today }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordApproval",
            document: "mutation($p: UUID!, $i: ApprovalInput!) { recordApproval(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "subject": "DECISIONS", "version": int_at(&w.state, "/p/decisionsVersion"), "by": "City Council", "on": w.today }))
            },
            expect: PARTY,
        },
        Row {
            mutation: "recordLesson",
            document: "mutation($p: UUID!) { recordLesson(partnershipId: $p, kind: KNOWLEDGE_TRANSFER, text: \"Share the study\") { partnership { id } } }",
            vars: |w, _| json!({ "p": w.id("p") }),
            expect: PARTY,
        },
        Row {
            mutation: "recordExPostEvaluation",
            document: "mutation($p: UUID!, $i: ExPostInput!) { recordExPostEvaluation(partnershipId: $p, input: $i) { partnership { id } } }",
            vars: |w, _| {
                w.on_p(json!({ "objectiveId": w.objectives[0], "foreseen": "Forty", "achieved": "Forty-one", "gap": "None" }))
            },
            expect: PARTY,
        },
        // ---------------------------------------------- administration
        Row {
            mutation: "createCity",
            document: "mutation($i: CityInput!) { createCity(input: $i) { id } }",
            vars: |_, c| json!({ "i": { "name": format!("Access city {c:?}"), "country": "FR", "timeZone": "Europe/Paris" } }),
            expect: OPERATOR,
        },
        Row {
            mutation: "addStakeholder",
            document: "mutation($c: UUID!, $i: StakeholderInput!) { addStakeholder(cityId: $c, input: $i) { id } }",
            vars: |w, c| {
                let city = if c == Counterpart {
                    &w.app.initiator.id
                } else {
                    &w.city(c).id
                };
                json!({ "c": city, "i": { "name": format!("Chamber of commerce ({c:?})"), "sector": "INDUSTRY", "involvement": "PROMOTER" } })
            },
            expect: OPERATOR_OR_OWN_CITY,
        },
        Row {
            mutation: "createAccount",
            document: "mutation($i: AccountInput!) { createAccount(input: $i) { id } }",
            vars: |w, c| json!({ "i": { "name": format!("Account by {c:?}"), "role": "VIEWER", "cityId": w.app.unrelated.id } }),
            expect: OPERATOR,
        },
        Row {
            mutation: "issueToken",
            // For the initiator editor's account.
            document: "mutation($a: UUID!) { issueToken(accountId: $a, label: \"matrix\") { token { id } } }",
            vars: |w, _| json!({ "a": w.app.initiator.editor_account }),
            expect: OPERATOR_OR_SELF,
        },
        Row {
            mutation: "revokeToken",
            // A spare token of the initiator editor's account (the operator
            // revokes the second one).
            document: "mutation($t: UUID!) { revokeToken(id: $t) { id revokedAt } }",
            vars: |w, c| json!({ "t": w.spare[usize::from(c == Operator)].0 }),
            expect: OPERATOR_OR_SELF,
        },
        Row {
            mutation: "defineKpi",
            document: "mutation($i: KpiDefinitionInput!) { defineKpi(input: $i) { code } }",
            vars: |_, c| json!({ "i": { "code": format!("ACCESS_KPI_{}", c as usize), "name": format!("Defined by {c:?}"), "unit": "COUNT", "direction": "HIGHER_IS_BETTER", "category": "Test" } }),
            expect: OPERATOR_OR_EDITOR,
        },
        Row {
            mutation: "updateCity",
            // The counterpart's editor targets the initiator city, every other
            // editor its own; the operator the initiator city.
            document: "mutation($c: UUID!, $i: CityInput!) { updateCity(id: $c, input: $i) { id } }",
            vars: |w, c| {
                let city = if c == Counterpart {
                    &w.app.initiator.id
                } else {
                    &w.city(c).id
                };
                json!({ "c": city, "i": { "name": format!("Described by {c:?}"), "country": "SE", "timeZone": "Europe/Stockholm", "lookingForPartner": true } })
            },
            expect: OPERATOR_OR_OWN_CITY,
        },
        Row {
            mutation: "disableAccount",
            // The unrelated city's viewer, whom no caller is.
            document: "mutation($a: UUID!) { disableAccount(id: $a) { id disabledAt } }",
            vars: |w, _| json!({ "a": w.app.unrelated.viewer_account }),
            expect: OPERATOR,
        },
        // ---------------------------------------------- moves
        Row {
            mutation: "startPartnership",
            // A new partnership of the editor's own city.
            document: "mutation { startPartnership(atStep: AIM) { id } }",
            vars: |_, _| json!({}),
            expect: EDITOR,
        },
        Row {
            mutation: "spawnPartnership",
            // From `p`, at Replicate, with the unrelated city: only the initiator spawns.
            document: "mutation($from: UUID!, $c: UUID!) { spawnPartnership(fromId: $from, counterpartCityId: $c) { id } }",
            vars: |w, _| json!({ "from": w.id("p"), "c": w.app.unrelated.id }),
            expect: INITIATOR,
        },
        Row {
            mutation: "suspendPartnership",
            // The counterpart suspends `p`, the initiator `s`.
            document: "mutation($id: UUID!, $v: Int!) { suspendPartnership(id: $id, expectedVersion: $v, reason: \"Municipal elections\") { id } }",
            vars: |w, c| w.target(if c == Initiator { "s" } else { "p" }),
            expect: PARTY,
        },
        Row {
            mutation: "resumePartnership",
            document: "mutation($id: UUID!, $v: Int!) { resumePartnership(id: $id, expectedVersion: $v) { id } }",
            vars: |w, c| w.target(if c == Initiator { "s" } else { "p" }),
            expect: PARTY,
        },
        Row {
            mutation: "loopBack",
            // From Replicate by City development: the counterpart loops `p2`
            // back to Aim, the initiator `p3`.
            document: "mutation($id: UUID!, $v: Int!) { loopBack(id: $id, loop: CITY_DEVELOPMENT, expectedVersion: $v) { id } }",
            vars: |w, c| w.target(if c == Initiator { "p3" } else { "p2" }),
            expect: PARTY,
        },
        // ---------------------------------------------- a city's own standing
        // After the loop back: the initiator's new strategy is what `p2`'s
        // second cycle needs to leave Aim (AIM_RENEWED).
        Row {
            mutation: "recordStrategy",
            document: "mutation($i: StrategyInput!) { recordStrategy(input: $i) { version } }",
            vars: |w, c| {
                json!({ "i": {
                    "vision": "An open city that learns from its partners",
                    "objectives": [
                        { "id": w.objectives[0], "text": "Double academic exchanges with Asia" },
                        { "id": w.objectives[1], "text": "Grow rail freight to China" }
                    ],
                    "themes": ["EDUCATION_RESEARCH", "TRANSPORT_LOGISTICS"],
                    "stakeholderIds": [w.city(c).stakeholder],
                }})
            },
            expect: EDITOR,
        },
        Row {
            mutation: "recordCommitment",
            document: "mutation($i: CommitmentInput!) { recordCommitment(input: $i) { version } }",
            vars: |w, c| {
                json!({ "i": {
                    "political": { "body": "City Council", "on": w.today, "reference": "Resolution 2026/3" },
                    "priorities": [{ "text": "Rail logistics", "objectiveId": w.objectives[1] }],
                    "roles": [{ "stakeholderId": w.city(c).stakeholder, "role": "Academic lead", "responsibilities": "Runs the exchanges" }],
                    "resources": [{ "kind": "STAFF", "description": "Two officers" }],
                    "contactTeam": { "name": "International Relations Office", "members": ["A. Officer"] }
                }})
            },
            expect: EDITOR,
        },
        Row {
            mutation: "advancePartnership",
            // `p2` is at Aim, the counterpart party to it: only the initiator
            // moves a partnership out of Aim (and Commit).
            document: "mutation($id: UUID!, $v: Int!) { advancePartnership(id: $id, expectedVersion: $v) { id } }",
            vars: |w, _| w.target("p2"),
            expect: INITIATOR,
        },
        Row {
            mutation: "concludePartnership",
            // The counterpart concludes `p`, the initiator `p4`.
            document: "mutation($id: UUID!, $v: Int!) { concludePartnership(id: $id, expectedVersion: $v) { id } }",
            vars: |w, c| w.target(if c == Initiator { "p4" } else { "p" }),
            expect: PARTY,
        },
        Row {
            mutation: "terminatePartnership",
            // The counterpart terminates `s`, the initiator `p2`.
            document: "mutation($id: UUID!, $v: Int!) { terminatePartnership(id: $id, expectedVersion: $v, reason: \"The council ended it\") { id } }",
            vars: |w, c| w.target(if c == Counterpart { "s" } else { "p2" }),
            expect: PARTY,
        },
    ]
}

/// Reads every partnership of the world: its state and history, and the
/// outputs of `p` that the rows refer to.
const OBSERVE: &str = "query($p: UUID!, $p2: UUID!, $p3: UUID!, $p4: UUID!, $s: UUID!) {
  p: partnership(id: $p) { ...state contacts { id } agreements { id } plan { activities { id } } kpiSelections { id } adjustments { id decision { outcome } } decisionsVersion }
  p2: partnership(id: $p2) { ...state }
  p3: partnership(id: $p3) { ...state }
  p4: partnership(id: $p4) { ...state }
  s: partnership(id: $s) { ...state }
}
fragment state on Partnership { id version step status counterpart { id } history { id } }";

/// What the database and the partnerships look like.
#[derive(Debug, PartialEq)]
struct Snapshot {
    rows: Vec<(&'static str, i64)>,
    partnerships: Value,
    spare_tokens_valid: Vec<bool>,
}

/// The world the rows act on, as last observed.
struct World<'a> {
    app: &'a TestApp,
    today: String,
    objectives: Vec<String>,
    ids: Value,
    /// Spare tokens of the initiator editor's account: (id, secret).
    spare: [(String, String); 2],
    state: Value,
}

impl World<'_> {
    fn id(&self, key: &str) -> String {
        str_at(&self.ids, &format!("/{key}"))
    }

    /// `{id, v}` of a partnership, at its current version.
    fn target(&self, key: &str) -> Value {
        json!({ "id": self.id(key), "v": int_at(&self.state, &format!("/{key}/version")) })
    }

    /// Variables `{p, i}` of an output of `p`.
    fn on_p(&self, input: Value) -> Value {
        json!({ "p": self.id("p"), "i": input })
    }

    fn list(&self, field: &str) -> Vec<Value> {
        self.state["p"][field]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn first(&self, field: &str) -> String {
        str_at(&self.state, &format!("/p/{field}/0/id"))
    }

    fn last(&self, field: &str) -> String {
        let list = self.list(field);
        str_at(list.last().expect("a record"), "/id")
    }

    fn activity(&self) -> String {
        str_at(&self.state, "/p/plan/activities/0/id")
    }

    fn pending_adjustment(&self) -> String {
        self.list("adjustments")
            .iter()
            .find(|a| a["decision"].is_null())
            .map(|a| str_at(a, "/id"))
            .expect("an adjustment without a decision")
    }

    /// The caller's city (the initiator for callers of no city).
    fn city(&self, c: Caller) -> &TestCity {
        match c {
            Counterpart => &self.app.counterpart,
            Unrelated => &self.app.unrelated,
            _ => &self.app.initiator,
        }
    }
}

fn token(app: &TestApp, c: Caller) -> &str {
    match c {
        NoToken => "",
        Expired => &app.expired,
        Viewer => &app.initiator.viewer,
        Unrelated => &app.unrelated.editor,
        Operator => &app.operator,
        Counterpart => &app.counterpart.editor,
        Initiator => &app.initiator.editor,
    }
}

async fn observe(app: &TestApp, ids: &Value, spare: &[(String, String); 2]) -> Snapshot {
    let rows: Vec<(&'static str, i64)> = app.db.counts().await;
    let partnerships = app
        .gql(&app.initiator.editor, OBSERVE, ids.clone())
        .await
        .ok()
        .clone();
    let mut spare_tokens_valid = Vec::new();
    for (_, secret) in spare {
        let me = app
            .gql(secret, "{ me { account { id } } }", json!({}))
            .await;
        spare_tokens_valid.push(me.status == 200 && me.errors.is_empty());
    }
    Snapshot {
        rows,
        partnerships,
        spare_tokens_valid,
    }
}

/// A partnership of the initiator and the counterpart driven through one
/// cycle to Replicate with every criterion met. The first one records the
/// initiator's strategy and commitment; the others reuse them.
async fn at_replicate<'a>(app: &'a TestApp, objectives: Option<&[String]>) -> Flow<'a> {
    let mut f = Flow::start(app).await;
    match objectives {
        Some(o) => f.objectives = o.to_vec(),
        None => f.aim().await,
    }
    f.advance().await;
    if objectives.is_none() {
        f.commit().await;
    }
    f.advance().await;
    f.partner_to_measure().await;
    f.measure(31).await;
    f.feedback_and_evaluation(false).await;
    f.advance().await;
    f.approve("DECISIONS").await;
    f.advance().await;
    f.replicate().await;
    assert_eq!(f.at().await.0, "REPLICATE");
    f
}

async fn setup(app: &TestApp) -> World<'_> {
    let p = at_replicate(app, None).await;
    let objectives = p.objectives.clone();
    let p2 = at_replicate(app, Some(&objectives)).await;
    let p3 = at_replicate(app, Some(&objectives)).await;
    let p4 = at_replicate(app, Some(&objectives)).await;
    let s = app
        .gql(
            &app.initiator.editor,
            "mutation($c: UUID!) { startPartnership(atStep: PARTNER, counterpartCityId: $c) { id } }",
            json!({ "c": app.counterpart.id }),
        )
        .await;
    let s = str_at(s.ok(), "/startPartnership/id");
    let mut spare = Vec::new();
    for _ in 0..2 {
        let t = app
            .gql(
                &app.operator,
                "mutation($a: UUID!) { issueToken(accountId: $a, label: \"spare\") { secret token { id } } }",
                json!({ "a": app.initiator.editor_account }),
            )
            .await;
        spare.push((
            str_at(t.ok(), "/issueToken/token/id"),
            str_at(t.ok(), "/issueToken/secret"),
        ));
    }
    World {
        app,
        today: p.today.clone(),
        objectives,
        ids: json!({ "p": p.id, "p2": p2.id, "p3": p3.id, "p4": p4.id, "s": s }),
        spare: [spare[0].clone(), spare[1].clone()],
        state: Value::Null,
    }
}

/// The mutations the schema has, by introspection.
async fn schema_mutations(app: &TestApp) -> BTreeSet<String> {
    let r = app
        .gql(
            &app.operator,
            "{ __type(name: \"Mutation\") { fields { name } } }",
            json!({}),
        )
        .await;
    r.ok()["__type"]["fields"]
        .as_array()
        .expect("the fields of Mutation")
        .iter()
        .map(|f| str_at(f, "/name"))
        .collect()
}

/// Runs the matrix: every row by every caller, in order.
async fn run_matrix(app: &TestApp) {
    let rows = rows();
    let listed: BTreeSet<String> = rows.iter().map(|r| r.mutation.to_owned()).collect();
    assert_eq!(listed.len(), rows.len(), "a mutation is listed twice");
    assert_eq!(
        listed,
        schema_mutations(app).await,
        "the matrix must list every mutation of the schema"
    );
    assert_eq!(rows.len(), MUTATIONS);

    let mut world = setup(app).await;
    let mut before = observe(app, &world.ids, &world.spare).await;
    let mut checked = 0;
    for row in &rows {
        for (caller, expect) in CALLERS.iter().copied().zip(row.expect) {
            world.state = before.partnerships.clone();
            let vars = (row.vars)(&world, caller);
            let r = app.gql(token(app, caller), row.document, vars).await;
            let what = format!("{} by {caller:?}", row.mutation);
            match expect {
                U => assert_eq!(
                    (r.status, r.code()),
                    (401, Some("UNAUTHENTICATED")),
                    "{what}: {:?}",
                    r.errors
                ),
                F => {
                    assert_eq!(
                        (r.status, r.code()),
                        (200, Some("FORBIDDEN")),
                        "{what}: {:?}",
                        r.errors
                    );
                    assert!(
                        r.data.is_null() || r.data[row.mutation].is_null(),
                        "{what}: {}",
                        r.data
                    );
                }
                N => {
                    assert_eq!(
                        (r.status, r.code()),
                        (200, Some("NOT_FOUND")),
                        "{what}: {:?}",
                        r.errors
                    );
                    let message = r.errors[0]["message"].as_str().unwrap_or_default();
                    assert!(
                        message.starts_with("partnership ") && message.ends_with(" was not found"),
                        "{what}: {message}"
                    );
                }
                A => {
                    assert!(
                        r.status == 200 && r.errors.is_empty(),
                        "{what} must be allowed: HTTP {} {:?}",
                        r.status,
                        r.errors
                    );
                    assert!(!r.data[row.mutation].is_null(), "{what}: {}", r.data);
                }
            }
            let after = observe(app, &world.ids, &world.spare).await;
            if expect != A {
                assert_eq!(before, after, "{what} was refused but changed something");
            }
            before = after;
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        CALLS_CHECKED,
        "the access matrix checks {MUTATIONS} mutations x {} callers",
        CALLERS.len()
    );

    // Where the moves left the world.
    let state = &before.partnerships;
    let at = |k: &str| {
        (
            str_at(state, &format!("/{k}/status")),
            str_at(state, &format!("/{k}/step")),
        )
    };
    assert_eq!(at("p"), ("CONCLUDED".into(), "REPLICATE".into()));
    assert_eq!(at("p2"), ("TERMINATED".into(), "COMMIT".into()));
    assert_eq!(at("p3"), ("ACTIVE".into(), "AIM".into()));
    assert_eq!(at("p4"), ("CONCLUDED".into(), "REPLICATE".into()));
    assert_eq!(at("s"), ("TERMINATED".into(), "PARTNER".into()));
    assert_eq!(before.spare_tokens_valid, [false, false]);
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn every_mutation_answers_every_caller_as_the_access_rules_say_and_a_refusal_changes_nothing(app) {
        run_matrix(&app).await;
    }

    async fn a_city_that_is_not_party_is_refused_before_it_learns_anything_of_the_partnership(app) {
        // A stale version, an unknown contact, a malformed date: a city that
        // is not party hears what it would of a partnership that does not
        // exist (NOT_FOUND, the same message), never VERSION_CONFLICT with the
        // actual version or INVALID_INPUT.
        let f = Flow::start(&app).await;
        let calls = [
            ("advancePartnership", "mutation($id: UUID!) { advancePartnership(id: $id, expectedVersion: 99) { id } }"),
            ("recordPlan", "mutation($id: UUID!) { recordPlan(partnershipId: $id, title: \"Plan\", expectedVersion: 99) { partnership { id } } }"),
            ("spawnPartnership", "mutation($id: UUID!, $c: UUID!) { spawnPartnership(fromId: $id, counterpartCityId: $c, expectedVersion: 99) { id } }"),
            ("recordFollowUp", "mutation($id: UUID!) { recordFollowUp(partnershipId: $id, contactId: $id, on: \"2020-01-01\", note: \"\") { partnership { id } } }"),
        ];
        for (name, document) in calls {
            let events = app.count("event").await;
            let r = app.gql(&app.unrelated.editor, document, json!({ "id": f.id, "c": app.counterpart.id })).await;
            assert_eq!(r.code(), Some("NOT_FOUND"), "{name}: {:?}", r.errors);
            // Word for word what a partnership that does not exist answers.
            let unknown = uuid::Uuid::now_v7();
            let absent = app.gql(&app.unrelated.editor, document, json!({ "id": unknown, "c": app.counterpart.id })).await;
            assert_eq!(r.errors[0]["message"], format!("partnership {} was not found", f.id), "{name}");
            assert_eq!(absent.errors[0]["message"], format!("partnership {unknown} was not found"), "{name}");
            assert_eq!(r.errors[0]["extensions"], absent.errors[0]["extensions"], "{name}");
            assert!(r.errors[0].pointer("/extensions/actualVersion").is_none(), "{name}: {:?}", r.errors);
            assert_eq!(app.count("event").await, events);
        }
    }
}
