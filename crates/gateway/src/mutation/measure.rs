//! Measure mutations: KPI selections, measurements, feedback and evaluations.

use super::common::record;
use super::payload::{
    self, RecordEvaluationPayload, RecordFeedbackPayload, RecordKpiSelectionPayload,
    RecordMeasurementPayload,
};
use crate::context::store;
use crate::error::{Result, store as s};
use crate::guard::RoleGuard;
use crate::input::{EvaluationInput, FeedbackInput, Given, KpiSelectionInput, MeasurementInput};
use async_graphql::{Context, Object};
use c2c_domain::Command;
use uuid::Uuid;

/// The evaluation framework and what it measures.
///
/// Every field is an editor's, for its own city: the guard is on the object.
#[derive(Debug, Default)]
pub struct MeasureMutation;

#[Object(guard = "RoleGuard::Editor")]
impl MeasureMutation {
    /// Selects a KPI for the evaluation framework (or changes a selection).
    async fn record_kpi_selection(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: KpiSelectionInput,
        expected_version: Option<u64>,
    ) -> Result<RecordKpiSelectionPayload> {
        let definition = s(store(ctx)?.kpi_definition(input.kpi_code.trim()).await)?;
        let command = Command::SelectKpi(Given::with(input, definition).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordKpiSelectionPayload::of(
            &r,
            payload::kpi_selection(&r)?,
        ))
    }

    /// Records a measurement of a selected KPI by the reporting (editor's)
    /// city. Corrections name the measurement they supersede.
    async fn record_measurement(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: MeasurementInput,
        expected_version: Option<u64>,
    ) -> Result<RecordMeasurementPayload> {
        let command = Command::RecordMeasurement(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordMeasurementPayload::of(&r, payload::measurement(&r)?))
    }

    /// Records feedback from the teams.
    async fn record_feedback(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: FeedbackInput,
        expected_version: Option<u64>,
    ) -> Result<RecordFeedbackPayload> {
        let command = Command::RecordFeedback(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordFeedbackPayload::of(&r, payload::feedback(&r)?))
    }

    /// Records an evaluation of the current cycle.
    async fn record_evaluation(
        &self,
        ctx: &Context<'_>,
        partnership_id: Uuid,
        input: EvaluationInput,
        expected_version: Option<u64>,
    ) -> Result<RecordEvaluationPayload> {
        let command = Command::RecordEvaluation(Given::new(input).into());
        let r = record(ctx, partnership_id, expected_version, command).await?;
        Ok(RecordEvaluationPayload::of(&r, payload::evaluation(&r)?))
    }
}
