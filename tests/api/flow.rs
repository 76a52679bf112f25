//! `Flow`: a partnership driven step by step through GraphQL by the
//! initiator and the counterpart of a `TestApp`, for the journey, the access
//! matrix, the analytics and the subscriptions.

use crate::helpers::{Gql, P, TestApp, int_at, str_at};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// A partnership driven through the API, with the version it last saw.
pub struct Flow<'a> {
    pub app: &'a TestApp,
    pub id: String,
    pub version: i64,
    pub objectives: Vec<String>,
    pub blocked: BTreeSet<String>,
    pub today: String,
    /// The last refused advance.
    pub last_refusal: Option<Gql>,
}

impl<'a> Flow<'a> {
    /// Starts a partnership of the initiator at Aim.
    pub async fn start(app: &'a TestApp) -> Flow<'a> {
        let r = app
            .gql(
                &app.initiator.editor,
                &format!("mutation {{ startPartnership(atStep: AIM) {{ {P} }} }}"),
                json!({}),
            )
            .await;
        let p = r.ok()["startPartnership"].clone();
        Flow {
            app,
            id: str_at(&p, "/id"),
            version: int_at(&p, "/version"),
            objectives: vec![
                uuid::Uuid::new_v4().to_string(),
                uuid::Uuid::new_v4().to_string(),
            ],
            blocked: BTreeSet::new(),
            last_refusal: None,
            today: chrono::Utc::now().date_naive().to_string(),
        }
    }

    /// Starts a partnership of the initiator at Partner, recorded as started
    /// at `at` (an RFC 3339 time), with `counterpart` chosen; the initiator's
    /// strategy and commitment are recorded first.
    pub async fn start_at_partner(app: &'a TestApp, at: &str, counterpart: &str) -> Flow<'a> {
        let mut f = Flow {
            app,
            id: String::new(),
            version: 0,
            objectives: vec![
                uuid::Uuid::new_v4().to_string(),
                uuid::Uuid::new_v4().to_string(),
            ],
            blocked: BTreeSet::new(),
            last_refusal: None,
            today: chrono::Utc::now().date_naive().to_string(),
        };
        f.aim().await;
        f.commit().await;
        let r = app
            .gql(
                &app.initiator.editor,
                &format!("mutation($c: UUID!, $at: DateTime!) {{ startPartnership(atStep: PARTNER, counterpartCityId: $c, at: $at) {{ {P} }} }}"),
                json!({ "c": counterpart, "at": at }),
            )
            .await;
        let p = r.ok()["startPartnership"].clone();
        f.id = str_at(&p, "/id");
        f.version = int_at(&p, "/version");
        f
    }

    /// Runs a mutation whose root field returns the partnership; keeps its version.
    pub async fn change(&mut self, token: &str, field: &str, args: &str, vars: Value) -> Value {
        let mut vars = vars;
        vars["id"] = json!(self.id);
        let name = field.split('(').next().unwrap_or(field);
        // A record mutation answers the record and the partnership; a move,
        // the partnership.
        let payload = name.starts_with("record") || name == "chooseCounterpart";
        let selection = if payload {
            format!("partnership {{ {P} }}")
        } else {
            P.to_owned()
        };
        let r = self
            .app
            .gql(
                token,
                &format!("mutation({args}) {{ {field} {{ {selection} }} }}"),
                vars,
            )
            .await;
        let p = if payload {
            r.ok()[name]["partnership"].clone()
        } else {
            r.ok()[name].clone()
        };
        if str_at(&p, "/id") == self.id {
            self.version = int_at(&p, "/version");
        }
        p
    }

    /// Reads fields of the partnership.
    pub async fn read(&self, token: &str, selection: &str) -> Gql {
        self.app
            .gql(
                token,
                &format!("query($id: UUID!) {{ partnership(id: $id) {{ {selection} }} }}"),
                json!({ "id": self.id }),
            )
            .await
    }

    /// Tries to advance; the move must be refused. Records the unmet codes.
    pub async fn blocked_advance(&mut self) -> Vec<String> {
        let r = self
            .app
            .gql(
                &self.app.initiator.editor,
                &format!("mutation($id: UUID!, $v: Int!) {{ advancePartnership(id: $id, expectedVersion: $v) {{ {P} }} }}"),
                json!({ "id": self.id, "v": self.version }),
            )
            .await;
        assert_eq!(r.code(), Some("TRANSITION_BLOCKED"), "{:?}", r.errors);
        r.unmet_checked();
        let unmet = r.unmet();
        assert!(!unmet.is_empty());
        self.last_refusal = Some(r);
        self.blocked.extend(unmet.iter().cloned());
        unmet
    }

    /// Advances; the move must be applied.
    pub async fn advance(&mut self) -> Value {
        let token = self.app.initiator.editor.clone();
        self.change(
            &token,
            "advancePartnership(id: $id, expectedVersion: $v)",
            "$id: UUID!, $v: Int!",
            json!({ "v": self.version }),
        )
        .await
    }

    /// Tries to advance, recorded as made at `at`: the raw answer.
    pub async fn try_advance_at(&mut self, at: &str) -> Gql {
        let r = self
            .app
            .gql(
                &self.app.initiator.editor,
                &format!("mutation($id: UUID!, $v: Int!, $at: DateTime) {{ advancePartnership(id: $id, expectedVersion: $v, at: $at) {{ {P} }} }}"),
                json!({ "id": self.id, "v": self.version, "at": at }),
            )
            .await;
        if r.errors.is_empty() {
            self.version = int_at(r.ok(), "/advancePartnership/version");
        } else {
            r.unmet_checked();
            self.blocked.extend(r.unmet());
        }
        r
    }

    /// Loops back by a loop.
    pub async fn loop_back(&mut self, l: &str) -> Value {
        let token = self.app.initiator.editor.clone();
        self.change(
            &token,
            &format!("loopBack(id: $id, loop: {l}, expectedVersion: $v)"),
            "$id: UUID!, $v: Int!",
            json!({ "v": self.version }),
        )
        .await
    }

    fn both(&self) -> [String; 2] {
        [
            self.app.initiator.editor.clone(),
            self.app.counterpart.editor.clone(),
        ]
    }

    pub async fn aim(&mut self) {
        let r = self
            .app
            .gql(
                &self.app.initiator.editor,
                "mutation($i: StrategyInput!) { recordStrategy(input: $i) { version } }",
                json!({ "i": {
                    "vision": "An open, green port city that learns from its partners",
                    "horizon": "2035",
                    "objectives": [
                        { "id": self.objectives[0], "text": "Double academic exchanges with Asia" },
                        { "id": self.objectives[1], "text": "Grow rail freight to China" }
                    ],
                    "themes": ["EDUCATION_RESEARCH", "TRANSPORT_LOGISTICS"],
                    "stakeholderIds": [self.app.initiator.stakeholder],
                    "challenges": ["Few direct connections"],
                    "evidence": ["Port statistics"]
                }}),
            )
            .await;
        r.ok();
    }

    pub async fn commit(&mut self) {
        let r = self
            .app
            .gql(
                &self.app.initiator.editor,
                "mutation($i: CommitmentInput!) { recordCommitment(input: $i) { version } }",
                json!({ "i": {
                    "political": { "body": "City Council", "on": self.today, "reference": "Resolution 2024/17" },
                    "priorities": [
                        { "text": "One partner city in China for education", "objectiveId": self.objectives[0] },
                        { "text": "Rail logistics", "objectiveId": self.objectives[1] }
                    ],
                    "roles": [{ "stakeholderId": self.app.initiator.stakeholder, "role": "Academic lead", "responsibilities": "Runs the exchanges" }],
                    "resources": [{ "kind": "BUDGET", "description": "International office", "amount": { "amount": "50000.00", "currency": "SEK" } }],
                    "contactTeam": { "name": "International Relations Office", "members": ["A. Lindqvist"] }
                }}),
            )
            .await;
        r.ok();
    }

    pub async fn partner(&mut self) {
        let init = self.app.initiator.editor.clone();
        let cp = self.app.counterpart.editor.clone();
        let counterpart = self.app.counterpart.id.clone();
        self.change(
            &init,
            "chooseCounterpart(partnershipId: $id, cityId: $c)",
            "$id: UUID!, $c: UUID!",
            json!({ "c": counterpart }),
        )
        .await;
        let items: Vec<Value> = [
            "REPRESENTS_CITY",
            "WORKS_WITH_HELIX",
            "CRITICAL_MASS",
            "INTERNATIONAL_STRATEGY",
            "HISTORICAL_BASIS",
            "MOU_SIGNED_OR_INTENDED",
            "SHARED_AIMS",
            "SHARED_AGENDA",
            "REFERENCE_FOR_LEARNING",
            "PEER_TO_PEER",
            "WISHES_TO_HOST",
            "PLATFORM_INTEREST",
        ]
        .iter()
        .map(|c| json!({ "criterion": c, "answer": "MET" }))
        .collect();
        self.change(
            &init,
            "recordAssessment(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: AssessmentInput!",
            json!({ "i": { "candidateCityId": counterpart, "on": self.today, "items": items } }),
        )
        .await;
        // The payload names the record it wrote and the partnership after it.
        let r = self
            .app
            .gql(
                &cp,
                "mutation($id: UUID!, $i: ContactInput!) { recordContact(partnershipId: $id, input: $i) { contact { id outcome } partnership { id version } } }",
                json!({ "id": self.id, "i": { "on": self.today, "kind": "DELEGATION", "direction": "OUTBOUND", "ours": { "political": true }, "outcome": "Mayors met", "followUpDue": self.today } }),
            )
            .await;
        let contact = str_at(r.ok(), "/recordContact/contact/id");
        assert_eq!(
            str_at(r.ok(), "/recordContact/contact/outcome"),
            "Mayors met"
        );
        self.version = int_at(r.ok(), "/recordContact/partnership/version");
        let contacts = self.read(&init, "contacts { id }").await;
        assert_eq!(str_at(contacts.ok(), "/partnership/contacts/0/id"), contact);
        self.change(
            &init,
            "recordFollowUp(partnershipId: $id, contactId: $c, on: $on, note: \"Draft MoU sent\")",
            "$id: UUID!, $c: UUID!, $on: NaiveDate!",
            json!({ "c": contact, "on": self.today }),
        )
        .await;
        for token in self.both() {
            self.change(
                &token,
                "recordFirstPriority(partnershipId: $id, area: EDUCATION_RESEARCH, by: \"Mayor\", on: $on)",
                "$id: UUID!, $on: NaiveDate!",
                json!({ "on": self.today }),
            )
            .await;
        }
        self.change(
            &init,
            "recordAgreement(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: AgreementInput!",
            json!({ "i": { "kind": "MOU", "title": "Memorandum of understanding", "areas": ["EDUCATION_RESEARCH"], "text": "The cities will cooperate in education." } }),
        )
        .await;
        let agreements = self.read(&init, "agreements { id }").await;
        let agreement = str_at(agreements.ok(), "/partnership/agreements/0/id");
        for token in self.both() {
            self.change(
                &token,
                "recordSignature(partnershipId: $id, agreementId: $a, by: \"Mayor\", on: $on)",
                "$id: UUID!, $a: UUID!, $on: NaiveDate!",
                json!({ "a": agreement, "on": self.today }),
            )
            .await;
        }
    }

    async fn activity(
        &mut self,
        token: &str,
        id: Option<&str>,
        lead: &str,
        stakeholder: &str,
        funded: bool,
    ) {
        let mut input = json!({
            "title": format!("Exchange led by {lead}"),
            "area": "EDUCATION_RESEARCH",
            "leadCityId": lead,
            "leadStakeholderId": stakeholder,
            "start": self.today,
            "due": "2031-12-31",
            "expectedResults": "Twenty exchanges a year",
        });
        if funded {
            input["funding"] =
                json!([{ "amount": "20000", "currency": "EUR", "source": "City budget" }]);
        }
        if let Some(id) = id {
            input["id"] = json!(id);
        }
        self.change(
            token,
            "recordActivity(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: ActivityInput!",
            json!({ "i": input }),
        )
        .await;
    }

    pub async fn approve(&mut self, subject: &str) {
        let field = if subject == "PLAN" {
            "plan { version }"
        } else {
            "decisionsVersion"
        };
        let r = self.read(&self.app.initiator.editor, field).await;
        let version = if subject == "PLAN" {
            int_at(r.ok(), "/partnership/plan/version")
        } else {
            int_at(r.ok(), "/partnership/decisionsVersion")
        };
        for token in self.both() {
            self.change(
                &token,
                "recordApproval(partnershipId: $id, input: $i)",
                "$id: UUID!, $i: ApprovalInput!",
                json!({ "i": { "subject": subject, "version": version, "by": "City Council", "on": self.today, "reference": "Decision 1" } }),
            )
            .await;
        }
    }

    pub async fn plan(&mut self) {
        let init = self.app.initiator.editor.clone();
        let (ic, is) = (
            self.app.initiator.id.clone(),
            self.app.initiator.stakeholder.clone(),
        );
        let (cc, cs) = (
            self.app.counterpart.id.clone(),
            self.app.counterpart.stakeholder.clone(),
        );
        self.change(&init, "recordPlan(partnershipId: $id, title: \"Cooperation plan\", summary: \"Education first\")", "$id: UUID!", json!({}))
            .await;
        self.activity(&init, None, &ic, &is, false).await;
        let cp = self.app.counterpart.editor.clone();
        self.activity(&cp, None, &cc, &cs, true).await;
    }

    /// Funds the first activity (it was recorded without funding).
    pub async fn fix_plan(&mut self) {
        let init = self.app.initiator.editor.clone();
        let (ic, is) = (
            self.app.initiator.id.clone(),
            self.app.initiator.stakeholder.clone(),
        );
        let first = self.activity_id(0).await;
        self.activity(&init, Some(&first), &ic, &is, true).await;
    }

    pub async fn activity_id(&self, i: usize) -> String {
        let r = self
            .read(&self.app.initiator.editor, "plan { activities { id } }")
            .await;
        str_at(r.ok(), &format!("/partnership/plan/activities/{i}/id"))
    }

    /// A progress report on the first activity.
    pub async fn progress(&mut self, status: &str) {
        self.progress_of(0, status).await;
    }

    /// A progress report on activity `i`.
    pub async fn progress_of(&mut self, i: usize, status: &str) {
        let activity = self.activity_id(i).await;
        let init = self.app.initiator.editor.clone();
        self.change(
            &init,
            "recordProgress(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: ProgressInput!",
            json!({ "i": { "activityId": activity, "on": self.today, "summary": "A cohort travelled", "status": status, "percent": 40 } }),
        )
        .await;
    }

    /// A new version of the plan (its summary changes), approved by both cities.
    pub async fn revise_plan(&mut self, summary: &str) {
        let init = self.app.initiator.editor.clone();
        self.change(
            &init,
            "recordPlan(partnershipId: $id, title: \"Cooperation plan\", summary: $s)",
            "$id: UUID!, $s: String!",
            json!({ "s": summary }),
        )
        .await;
        self.update_first_activity().await;
        self.approve("PLAN").await;
    }

    /// Changes one field of the first activity; the others keep their value.
    async fn update_first_activity(&mut self) {
        let init = self.app.initiator.editor.clone();
        let first = self.activity_id(0).await;
        let fields = "id title leadCityId start due expectedResults";
        let before = self
            .read(&init, &format!("plan {{ activities {{ {fields} }} }}"))
            .await;
        let before = before.ok()["partnership"]["plan"]["activities"][0].clone();
        let r = self
            .app
            .gql(
                &init,
                &format!("mutation($id: UUID!, $a: UUID!) {{ updateActivity(partnershipId: $id, id: $a, changes: {{ expectedResults: \"Forty students a year\" }}) {{ activity {{ {fields} }} partnership {{ version }} }} }}"),
                json!({ "id": self.id, "a": first }),
            )
            .await;
        let mut expected = before;
        expected["expectedResults"] = json!("Forty students a year");
        assert_eq!(r.ok()["updateActivity"]["activity"], expected);
        self.version = int_at(r.ok(), "/updateActivity/partnership/version");
    }

    pub async fn risk(&mut self, owner: Option<&str>) {
        let first = self.activity_id(0).await;
        let r = self
            .read(
                &self.app.initiator.editor,
                "plan { activities { risks { id } } }",
            )
            .await;
        let existing = r
            .ok()
            .pointer("/partnership/plan/activities/0/risks/0/id")
            .cloned();
        let cp = self.app.counterpart.editor.clone();
        let mut input = json!({ "activityId": first, "description": "Visa rules change", "likelihood": "HIGH", "impact": "MEDIUM", "mitigation": "Apply early", "status": "OPEN" });
        if let Some(o) = owner {
            input["owner"] = json!(o);
        }
        if let Some(id) = existing {
            input["id"] = id;
        }
        self.change(
            &cp,
            "recordRisk(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: RiskInput!",
            json!({ "i": input }),
        )
        .await;
    }

    /// Both cities' teams for the first activity.
    pub async fn teams(&mut self) {
        self.teams_of(0).await;
    }

    /// Both cities' teams for activity `i`.
    pub async fn teams_of(&mut self, i: usize) {
        let first = self.activity_id(i).await;
        for token in self.both() {
            self.change(
                &token,
                "recordTeam(partnershipId: $id, input: $i)",
                "$id: UUID!, $i: TeamInput!",
                json!({ "i": { "activityId": first, "name": "Exchange team", "members": ["Officer"], "responsibilities": "Delivers" } }),
            )
            .await;
        }
    }

    /// From Partner (the counterpart not chosen yet) to Measure with every
    /// criterion met on the way, and a KPI selection both cities report.
    pub async fn partner_to_measure(&mut self) {
        self.partner().await;
        self.advance().await;
        self.plan().await;
        self.fix_plan().await;
        self.approve("PLAN").await;
        self.advance().await;
        for i in 0..2 {
            self.progress_of(i, "IN_PROGRESS").await;
            self.teams_of(i).await;
        }
        self.risk(Some("Visa officer")).await;
        self.advance().await;
        self.select_kpi().await;
    }

    pub async fn select_kpi(&mut self) {
        let init = self.app.initiator.editor.clone();
        self.change(
            &init,
            "recordKpiSelection(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: KpiSelectionInput!",
            json!({ "i": { "kpiCode": "FOREIGN_STUDENTS", "objectiveId": self.objectives[0], "target": { "count": 40 }, "reportingCityIds": [self.app.initiator.id, self.app.counterpart.id] } }),
        )
        .await;
    }

    pub async fn measure(&mut self, count: i64) {
        let r = self
            .read(&self.app.initiator.editor, "kpiSelections { id }")
            .await;
        let selection = str_at(r.ok(), "/partnership/kpiSelections/0/id");
        for (token, city) in [
            (
                self.app.initiator.editor.clone(),
                self.app.initiator.id.clone(),
            ),
            (
                self.app.counterpart.editor.clone(),
                self.app.counterpart.id.clone(),
            ),
        ] {
            self.change(
                &token,
                "recordMeasurement(partnershipId: $id, input: $i)",
                "$id: UUID!, $i: MeasurementInput!",
                json!({ "i": { "selectionId": selection, "cityId": city, "periodStart": "2024-01-01", "periodEnd": "2024-12-31", "value": { "count": count }, "source": "University registry" } }),
            )
            .await;
        }
    }

    pub async fn feedback_and_evaluation(&mut self, adjustment: bool) {
        let cp = self.app.counterpart.editor.clone();
        let init = self.app.initiator.editor.clone();
        self.change(
            &cp,
            "recordFeedback(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: FeedbackInput!",
            json!({ "i": { "team": "Exchange team", "text": "Students want longer stays", "on": self.today } }),
        )
        .await;
        if adjustment {
            self.change(
                &init,
                "recordAdjustment(partnershipId: $id, proposal: \"One semester stays\")",
                "$id: UUID!",
                json!({}),
            )
            .await;
        }
        self.change(
            &init,
            "recordEvaluation(partnershipId: $id, input: $i)",
            "$id: UUID!, $i: EvaluationInput!",
            json!({ "i": { "strengths": "Committed universities", "challenges": "Visa delays", "noAdjustments": !adjustment, "on": self.today } }),
        )
        .await;
    }

    pub async fn decide(&mut self) {
        let r = self
            .read(
                &self.app.initiator.editor,
                "adjustments { id decision { outcome } }",
            )
            .await;
        let pending: Vec<String> = r.ok()["partnership"]["adjustments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| a["decision"].is_null())
            .filter_map(|a| a["id"].as_str().map(str::to_owned))
            .collect();
        let init = self.app.initiator.editor.clone();
        for a in pending {
            self.change(
                &init,
                "recordDecision(partnershipId: $id, input: $i)",
                "$id: UUID!, $i: DecisionInput!",
                json!({ "i": { "adjustmentId": a, "outcome": "APPROVED", "on": self.today, "note": "Agreed" } }),
            )
            .await;
        }
    }

    pub async fn replicate(&mut self) {
        let init = self.app.initiator.editor.clone();
        self.change(
            &init,
            "recordLesson(partnershipId: $id, kind: SUCCESS_FACTOR, text: \"A small group of persistent people on both sides\")",
            "$id: UUID!",
            json!({}),
        )
        .await;
        for objective in self.objectives.clone() {
            self.change(
                &init,
                "recordExPostEvaluation(partnershipId: $id, input: $i)",
                "$id: UUID!, $i: ExPostInput!",
                json!({ "i": { "objectiveId": objective, "foreseen": "Forty", "achieved": "Thirty-two", "gap": "Visa delays" } }),
            )
            .await;
        }
    }

    /// The current step, loop and cycle.
    pub async fn at(&self) -> (String, String, i64) {
        let r = self
            .read(&self.app.initiator.editor, "step loop cycle")
            .await;
        let p = &r.ok()["partnership"];
        (str_at(p, "/step"), str_at(p, "/loop"), int_at(p, "/cycle"))
    }
}

impl Flow<'_> {
    /// Tries to conclude at Replicate; the move must be refused.
    pub async fn blocked_advance_conclude(&mut self) -> Vec<String> {
        let r = self
            .app
            .gql(
                &self.app.initiator.editor,
                &format!("mutation($id: UUID!, $v: Int!) {{ concludePartnership(id: $id, expectedVersion: $v) {{ {P} }} }}"),
                json!({ "id": self.id, "v": self.version }),
            )
            .await;
        assert_eq!(r.code(), Some("TRANSITION_BLOCKED"), "{:?}", r.errors);
        r.unmet_checked();
        let unmet = r.unmet();
        self.blocked.extend(unmet.iter().cloned());
        unmet
    }
}
