//! Mutations: the moves, one per output, and the administration. Each change
//! is one store transaction; a refused change writes nothing.

use crate::context::{deps, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::input::*;
use crate::object::*;
use crate::types::Loop;
use async_graphql::{Context, Object};
use c2c_domain::kpi::KpiDefinition as DomainKpi;
use c2c_domain::outputs as o;
use c2c_domain::{AccountId, CityId, Command, Move, PartnershipId, StakeholderId};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use uuid::Uuid;

/// The root of every mutation.
#[derive(Debug, Default)]
pub struct Mutation;

/// Runs a command on a partnership for the viewer's city and returns the
/// partnership after it.
async fn run(
    ctx: &Context<'_>,
    id: Uuid,
    expected_version: Option<u64>,
    at: Option<DateTime<Utc>>,
    command: Command,
) -> Result<PartnershipNode> {
    let actor = viewer(ctx)?.editor()?;
    let d = deps(ctx)?;
    let r = s(d
        .store
        .execute(actor, PartnershipId(id), expected_version, at, command)
        .await)?;
    d.bus.poke();
    Ok(PartnershipNode(Arc::new(r.partnership)))
}

fn mv(m: Move) -> Command {
    Command::Move(m)
}

#[Object]
impl Mutation {
    // ------------------------------------------------------------ moves

    /// Starts a partnership of the editor's city, at `AIM` (loop City
    /// development) or at `PARTNER` (loop New partnership; needs the city's
    /// strategy and commitment to meet the Aim and Commit criteria). `at` dates
    /// a start recorded after the fact.
    async fn start_partnership(
        &self,
        ctx: &Context<'_>,
        at_step: crate::types::Step,
        counterpart_city_id: Option<Uuid>,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        let actor = viewer(ctx)?.editor()?;
        let d = deps(ctx)?;
        let r = s(d
            .store
            .start(actor, at_step.into(), counterpart_city_id.map(CityId), at)
            .await)?;
        d.bus.poke();
        Ok(PartnershipNode(Arc::new(r.partnership)))
    }

    /// Moves a partnership to its next step, if every exit criterion holds.
    async fn advance_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Advance)).await
    }

    /// Closes the current loop and re-enters it in a new cycle.
    async fn loop_back(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        #[graphql(name = "loop")] loop_: Loop,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            id,
            Some(expected_version),
            at,
            mv(Move::LoopBack(loop_.into())),
        )
        .await
    }

    /// Starts a new partnership of the same city from one at Replicate, with a
    /// new counterpart. Returns the new partnership.
    async fn spawn_partnership(
        &self,
        ctx: &Context<'_>,
        from_id: Uuid,
        counterpart_city_id: Uuid,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let actor = viewer(ctx)?.editor()?;
        let d = deps(ctx)?;
        let r = s(d
            .store
            .spawn(
                actor,
                PartnershipId(from_id),
                expected_version,
                CityId(counterpart_city_id),
            )
            .await)?;
        d.bus.poke();
        Ok(PartnershipNode(Arc::new(r.child.partnership)))
    }

    /// Suspends an active partnership, with a reason.
    async fn suspend_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        reason: String,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            id,
            Some(expected_version),
            at,
            mv(Move::Suspend { reason }),
        )
        .await
    }

    /// Resumes a suspended partnership at the same step.
    async fn resume_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Resume)).await
    }

    /// Terminates a partnership, with a reason. Final.
    async fn terminate_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        reason: String,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            id,
            Some(expected_version),
            at,
            mv(Move::Terminate { reason }),
        )
        .await
    }

    /// Concludes a partnership at Replicate, if its criteria hold. Final.
    async fn conclude_partnership(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        expected_version: u64,
        at: Option<DateTime<Utc>>,
    ) -> Result<PartnershipNode> {
        run(ctx, id, Some(expected_version), at, mv(Move::Conclude)).await
    }

    // ------------------------------------------------------------ standing

    /// Records a new version of the editor's city's strategy (Aim outputs).
    async fn record_strategy(&self, ctx: &Context<'_>, input: StrategyInput) -> Result<Strategy> {
        let actor = viewer(ctx)?.editor()?;
        let d = deps(ctx)?;
        let (strategy, _) = s(d.store.record_strategy(actor, input.into()).await)?;
        d.bus.poke();
        Ok(Strategy::of(actor.city, &strategy))
    }

    /// Records a new version of the editor's city's commitment (Commit outputs).
    async fn record_commitment(
        &self,
        ctx: &Context<'_>,
        input: CommitmentInput,
    ) -> Result<Commitment> {
        let actor = viewer(ctx)?.editor()?;
        let d = deps(ctx)?;
        let (commitment, _) = s(d.store.record_commitment(actor, input.into()).await)?;
        d.bus.poke();
        Ok(Commitment::of(actor.city, &commitment))
    }

    // ------------------------------------------------------------ outputs

    /// Chooses the counterpart city (at Partner, by the initiator).
    async fn choose_counterpart(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        city_id: Uuid,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::choose_counterpart(CityId(city_id)),
        )
        .await
    }

    /// Records an assessment of a candidate counterpart against the twelve
    /// selection criteria.
    async fn record_assessment(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: AssessmentInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordAssessment(input.draft()),
        )
        .await
    }

    /// Records a meeting, delegation, visit, call or event.
    async fn record_contact(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ContactInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordContact(input.draft()),
        )
        .await
    }

    /// Records the follow-up of a contact.
    async fn record_follow_up(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        contact_id: Uuid,
        on: chrono::NaiveDate,
        note: String,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordFollowUp {
            contact: contact_id.into(),
            on,
            note,
        };
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records a framework agreement (each city then signs it).
    async fn record_agreement(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: AgreementInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordAgreement(input.draft()),
        )
        .await
    }

    /// Records the editor's city's signature of an agreement.
    #[allow(clippy::too_many_arguments)]
    async fn record_signature(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        agreement_id: Uuid,
        by: String,
        on: chrono::NaiveDate,
        reference: Option<String>,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::SignAgreement {
            agreement: agreement_id.into(),
            by,
            on,
            reference,
        };
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records the editor's city's agreement to a first priority area.
    async fn record_first_priority(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        area: crate::types::Area,
        by: String,
        on: chrono::NaiveDate,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::AgreePriority {
            area: area.into(),
            by,
            on,
        };
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Creates the cooperation plan or changes its title and summary (a new
    /// plan version).
    async fn record_plan(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        title: String,
        #[graphql(default)] summary: String,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordPlan { title, summary },
        )
        .await
    }

    /// Adds or changes an activity of the plan (a new plan version: its
    /// approvals are void until both cities approve again).
    async fn record_activity(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ActivityInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordActivity(input.draft()),
        )
        .await
    }

    /// Records the editor's city's team for an activity.
    async fn record_team(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: TeamInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordTeam(o::TeamDraft {
            activity: input.activity_id.into(),
            name: input.name,
            members: input.members,
            responsibilities: input.responsibilities,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Reports progress on an activity (and sets its status).
    async fn record_progress(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ProgressInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordProgress(o::ProgressDraft {
            id: Uuid::now_v7().into(),
            activity: input.activity_id.into(),
            on: input.on,
            summary: input.summary,
            status: input.status.into(),
            percent: input.percent,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Adds or changes a risk of an activity.
    async fn record_risk(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: RiskInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordRisk(o::RiskDraft {
            id: id_or_new(input.id).into(),
            activity: input.activity_id.into(),
            description: input.description,
            likelihood: input.likelihood.into(),
            impact: input.impact.into(),
            mitigation: input.mitigation,
            owner: input.owner,
            status: input.status.into(),
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Selects a KPI for the evaluation framework (or changes a selection).
    async fn record_kpi_selection(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: KpiSelectionInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        viewer(ctx)?.editor()?;
        let definition = s(store(ctx)?.kpi_definition(input.kpi_code.trim()).await)?;
        let command = Command::SelectKpi(o::SelectionDraft {
            id: id_or_new(input.id).into(),
            definition,
            objective: input.objective_id.map(Into::into),
            target: input.target.map(Into::into),
            reporting: input.reporting_city_ids.into_iter().map(CityId).collect(),
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records a measurement of a selected KPI by the reporting (editor's)
    /// city. Corrections name the measurement they supersede.
    async fn record_measurement(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: MeasurementInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        run(
            ctx,
            partnership_id,
            expected_version,
            None,
            Command::RecordMeasurement(input.draft()),
        )
        .await
    }

    /// Records feedback from the teams.
    async fn record_feedback(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: FeedbackInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordFeedback(o::FeedbackDraft {
            id: Uuid::now_v7().into(),
            team: input.team,
            text: input.text,
            on: input.on,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records an evaluation of the current cycle.
    async fn record_evaluation(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: EvaluationInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordEvaluation(o::EvaluationDraft {
            id: Uuid::now_v7().into(),
            strengths: input.strengths,
            challenges: input.challenges,
            no_adjustments: input.no_adjustments,
            on: input.on,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Proposes an adjustment.
    async fn record_adjustment(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        proposal: String,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::ProposeAdjustment {
            id: Uuid::now_v7().into(),
            proposal,
        };
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Approves or rejects an adjustment of the current cycle.
    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: DecisionInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::DecideAdjustment(o::DecisionDraft {
            adjustment: input.adjustment_id.into(),
            outcome: input.outcome.into(),
            on: input.on,
            note: input.note,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records the editor's city's political approval of the current plan
    /// version or decision set.
    async fn record_approval(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ApprovalInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::Approve(o::ApprovalDraft {
            subject: input.subject.into(),
            version: input.version,
            by: input.by,
            on: input.on,
            reference: input.reference,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records a lesson (success factor, failure factor, ...).
    async fn record_lesson(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        kind: crate::types::LessonKind,
        text: String,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordLesson {
            id: Uuid::now_v7().into(),
            kind: kind.into(),
            text,
        };
        run(ctx, partnership_id, expected_version, None, command).await
    }

    /// Records the ex-post evaluation of an Aim objective.
    async fn record_ex_post_evaluation(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: ExPostInput,
        expected_version: Option<u64>,
    ) -> Result<PartnershipNode> {
        let command = Command::RecordExPost(o::ExPostDraft {
            objective: input.objective_id.into(),
            foreseen: input.foreseen,
            achieved: input.achieved,
            gap: input.gap,
        });
        run(ctx, partnership_id, expected_version, None, command).await
    }

    // ------------------------------------------------------------ administration

    /// Creates a city (operators).
    async fn create_city(&self, ctx: &Context<'_>, input: CityInput) -> Result<CityNode> {
        viewer(ctx)?.operator()?;
        let city = s(store(ctx)?
            .create_city(CityId(Uuid::now_v7()), input.into())
            .await)?;
        Ok(CityNode(Arc::new(city)))
    }

    /// Replaces a city's description: its areas of interest, whether it looks
    /// for a partner, ... (operators, or the city's own editors).
    async fn update_city(&self, ctx: &Context<'_>, id: Uuid, input: CityInput) -> Result<CityNode> {
        let v = viewer(ctx)?;
        if !v.is_operator() && v.editor()?.city.0 != id {
            return Err(GatewayError::forbidden("an editor describes its own city only").into());
        }
        let city = s(store(ctx)?.update_city(CityId(id), input.into()).await)?;
        Ok(CityNode(Arc::new(city)))
    }

    /// Adds a stakeholder to a city (operators, or the city's editors).
    async fn add_stakeholder(
        &self,
        ctx: &Context<'_>,
        city_id: Uuid,
        input: StakeholderInput,
    ) -> Result<Stakeholder> {
        let v = viewer(ctx)?;
        if !v.is_operator() {
            let actor = v.editor()?;
            if actor.city.0 != city_id {
                return Err(GatewayError::forbidden(
                    "an editor adds stakeholders to its own city only",
                )
                .into());
            }
        }
        let st = s(store(ctx)?
            .add_stakeholder(
                StakeholderId(Uuid::now_v7()),
                CityId(city_id),
                &input.name,
                input.sector.into(),
                input.involvement.into(),
            )
            .await)?;
        Ok((&st).into())
    }

    /// Creates an account (operators).
    async fn create_account(&self, ctx: &Context<'_>, input: AccountInput) -> Result<Account> {
        viewer(ctx)?.operator()?;
        let a = s(store(ctx)?
            .create_account(
                AccountId(Uuid::now_v7()),
                &input.name,
                input.role.into(),
                input.city_id.map(CityId),
            )
            .await)?;
        Ok((&a).into())
    }

    /// Disables an account: its tokens stop working (operators; not their own
    /// account).
    async fn disable_account(&self, ctx: &Context<'_>, id: Uuid) -> Result<Account> {
        let v = viewer(ctx)?;
        v.operator()?;
        if v.account.id.0 == id {
            return Err(
                GatewayError::invalid("id", "an operator cannot disable its own account").into(),
            );
        }
        let a = s(store(ctx)?.disable_account(AccountId(id)).await)?;
        Ok((&a).into())
    }

    /// Issues a token for an account (operators, or an account for itself).
    /// The secret is returned once.
    async fn issue_token(
        &self,
        ctx: &Context<'_>,
        account_id: Uuid,
        #[graphql(default)] label: String,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<IssuedToken> {
        let v = viewer(ctx)?;
        if !v.is_operator() && v.account.id.0 != account_id {
            return Err(GatewayError::forbidden("an account issues tokens for itself only").into());
        }
        let (secret, token) = s(store(ctx)?
            .issue_token(AccountId(account_id), &label, expires_at)
            .await)?;
        Ok(IssuedToken {
            secret,
            token: (&token).into(),
        })
    }

    /// Revokes a token (operators, or the token's own account).
    async fn revoke_token(&self, ctx: &Context<'_>, id: Uuid) -> Result<Token> {
        let v = viewer(ctx)?;
        let st = store(ctx)?;
        let token = s(st.token(id).await)?;
        if !v.is_operator() && token.account != v.account.id {
            return Err(GatewayError::forbidden("an account revokes its own tokens only").into());
        }
        let token = s(st.revoke_token(id).await)?;
        Ok((&token).into())
    }

    /// Defines a KPI: operators for every city, editors for their own city.
    async fn define_kpi(
        &self,
        ctx: &Context<'_>,
        input: KpiDefinitionInput,
    ) -> Result<KpiDefinition> {
        let v = viewer(ctx)?;
        let owner = if v.is_operator() {
            None
        } else {
            Some(v.editor()?.city)
        };
        let definition = DomainKpi::parse(
            &input.code,
            &input.name,
            input.unit.into(),
            input.direction.into(),
            &input.category,
            owner,
        )
        .map_err(GatewayError::from)?;
        let d = s(store(ctx)?.define_kpi(definition).await)?;
        Ok((&d).into())
    }
}
