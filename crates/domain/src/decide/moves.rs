//! The moves: deciding a change of state (advance, loop back, suspend, resume,
//! conclude, terminate), starting a partnership and spawning one from
//! Replicate; and how their changes are applied. Which moves exist from where
//! is the narrative's table; this file checks a move against it, against the
//! exit criteria and against the clock.

use super::common::{check_actor, check_version, event};
use crate::command::{Ctx, Move, StartRequest};
use crate::criteria;
use crate::event::{Change, Event};
use crate::narrative::{AllowedMove, Narrative, StartRule};
use crate::outputs::{LessonKind, Outputs};
use crate::snapshot::{Snapshot, State};
use crate::text::{LONG, required};
use crate::value;
use crate::vocab::{Loop, MoveKind, Status, Step};
use crate::{CityId, DomainError, PartnershipId, Stakeholder};
use chrono::{DateTime, NaiveDate, Utc};

/// Decides a move of an existing partnership.
pub(super) fn decide(s: &Snapshot, ctx: &Ctx, m: Move) -> Result<Event, DomainError> {
    let kind = m.kind();
    let loop_ = match &m {
        Move::LoopBack(l) => Some(*l),
        _ => None,
    };
    let allowed = find_move(s, kind, loop_)?;
    let at = move_time(s, ctx)?;
    let on = at.date_naive();
    let mut state = s.state;
    let change = match m {
        Move::Advance => {
            check_leaving(s, ctx, kind, on)?;
            let to = allowed.target.unwrap_or(state.step);
            let from = state.step;
            state.step = to;
            Change::Advanced {
                from,
                to,
                strategy_version: s.standing.strategy.as_ref().map(|x| x.version),
                commitment_version: s.standing.commitment.as_ref().map(|c| c.version),
            }
        }
        Move::LoopBack(l) => {
            check_leaving(s, ctx, kind, on)?;
            let from = state.step;
            let to = allowed.target.unwrap_or(from);
            state.step = to;
            state.loop_ = l;
            state.cycle += 1;
            Change::LoopedBack { from, to }
        }
        Move::Suspend { reason } => {
            state.status = Status::Suspended;
            Change::Suspended {
                reason: required("reason", &reason, LONG)?,
            }
        }
        Move::Resume => {
            state.status = Status::Active;
            Change::Resumed
        }
        Move::Conclude => {
            check_leaving(s, ctx, kind, on)?;
            state.status = Status::Concluded;
            Change::Concluded
        }
        Move::Terminate { reason } => {
            state.status = Status::Terminated;
            Change::Terminated {
                reason: required("reason", &reason, LONG)?,
            }
        }
    };
    Ok(event(s, ctx, state, at, change))
}

/// The move of the narrative's table that `kind` (by `loop_`) is from here.
fn find_move(
    s: &Snapshot,
    kind: MoveKind,
    loop_: Option<Loop>,
) -> Result<AllowedMove, DomainError> {
    let st = &s.state;
    let allowed = Narrative::standard().allowed_moves(st.status, st.loop_, st.step);
    allowed
        .into_iter()
        .find(|m| m.kind == kind && (loop_.is_none() || m.loop_ == loop_))
        .ok_or_else(|| {
            let what = match loop_ {
                Some(l) => format!("{} by {}", kind.code(), l.code()),
                None => kind.code().to_owned(),
            };
            DomainError::not_allowed(
                kind,
                format!(
                    "{what} is not a move of a {} partnership at {} in loop {}",
                    st.status.code(),
                    st.step.code(),
                    st.loop_.code()
                ),
            )
        })
}

/// Refuses to leave a step that only the initiator leaves, or whose exit
/// criteria do not hold on `on`.
fn check_leaving(
    s: &Snapshot,
    ctx: &Ctx,
    kind: MoveKind,
    on: NaiveDate,
) -> Result<(), DomainError> {
    let step = s.state.step;
    if Narrative::standard().step(step).initiator_only && ctx.city != s.initiator {
        return Err(DomainError::initiator_only(step));
    }
    let unmet = criteria::unmet_for(kind, s, on);
    if unmet.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Blocked { kind, unmet })
    }
}

/// When the move happens: now, or the time given, neither in the future nor
/// before the previous move.
fn move_time(s: &Snapshot, ctx: &Ctx) -> Result<DateTime<Utc>, DomainError> {
    let at = ctx.effective_at.unwrap_or(ctx.now);
    if at > ctx.now {
        return Err(DomainError::invalid(
            "at",
            "a move cannot lie in the future",
        ));
    }
    value::happened("at", at.date_naive(), ctx.now)?;
    if at < s.last_move_at {
        return Err(DomainError::invalid(
            "at",
            format!(
                "a move cannot lie before the previous one ({})",
                s.last_move_at
            ),
        ));
    }
    Ok(at)
}

/// Starts a partnership: its snapshot before the event, and the `STARTED`
/// event to apply to it.
pub(crate) fn start(ctx: &Ctx, request: StartRequest) -> Result<(Snapshot, Event), DomainError> {
    start_with(ctx, request, None, Vec::new(), MoveKind::Start)
}

fn start_with(
    ctx: &Ctx,
    request: StartRequest,
    origin: Option<PartnershipId>,
    notes: Vec<String>,
    kind: MoveKind,
) -> Result<(Snapshot, Event), DomainError> {
    let rule = check_start(ctx, &request, kind)?;
    let occurred_at = ctx.effective_at.unwrap_or(ctx.now);
    if occurred_at > ctx.now {
        return Err(DomainError::invalid(
            "at",
            "a start cannot lie in the future",
        ));
    }
    value::happened("at", occurred_at.date_naive(), ctx.now)?;
    let initiator = request.standing.city;
    let pins = request.at != Step::Aim;
    let strategy_version = request
        .standing
        .strategy
        .as_ref()
        .filter(|_| pins)
        .map(|x| x.version);
    let commitment_version = request
        .standing
        .commitment
        .as_ref()
        .filter(|_| pins)
        .map(|c| c.version);
    let state = State {
        step: rule.step,
        loop_: rule.loop_,
        cycle: 1,
        status: Status::Active,
    };
    let snapshot = Snapshot {
        id: request.id,
        initiator,
        counterpart: None,
        origin: None,
        state,
        version: 0,
        started_at: occurred_at,
        last_move_at: occurred_at,
        cycle_began_at: ctx.now,
        starting_notes: Vec::new(),
        strategy_version: None,
        commitment_version: None,
        standing: request.standing,
        counterpart_stakeholders: request.counterpart_stakeholders,
        outputs: Outputs::default(),
    };
    let change = Change::Started {
        initiator,
        counterpart: request.counterpart,
        origin,
        strategy_version,
        commitment_version,
        notes,
    };
    let event = event(&snapshot, ctx, state, occurred_at, change);
    Ok((snapshot, event))
}

/// A start by the initiator, at a start step, with a counterpart only from
/// Partner on, and the criteria of the steps it skips met by its standing.
fn check_start(
    ctx: &Ctx,
    request: &StartRequest,
    kind: MoveKind,
) -> Result<StartRule, DomainError> {
    let narrative = Narrative::standard();
    let initiator = request.standing.city;
    if ctx.city != initiator {
        return Err(DomainError::forbidden(
            "a partnership is started by its initiator city",
        ));
    }
    let rule = narrative.start_rule(request.at).ok_or_else(|| {
        DomainError::not_allowed(
            kind,
            format!(
                "a partnership starts at {}",
                narrative
                    .starts
                    .iter()
                    .map(|r| r.step.code())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        )
    })?;
    if let Some(counterpart) = request.counterpart {
        if counterpart == initiator {
            return Err(DomainError::invalid(
                "counterpartCityId",
                "the counterpart must be another city than the initiator",
            ));
        }
        if narrative.position(request.at) < narrative.position(Step::Partner) {
            return Err(DomainError::invalid(
                "counterpartCityId",
                "a partnership that starts at AIM chooses its counterpart at PARTNER",
            ));
        }
    }
    let unmet = criteria::unmet_before(request.at, &request.standing);
    if !unmet.is_empty() {
        return Err(DomainError::Blocked { kind, unmet });
    }
    Ok(*rule)
}

/// What a spawn decides: the origin's `SPAWNED` event, and the new
/// partnership's snapshot before its `STARTED` event.
pub(crate) struct SpawnDecision {
    pub(crate) origin_event: Event,
    pub(crate) child: Snapshot,
    pub(crate) child_event: Event,
}

/// Spawns a new partnership of the same city from Replicate: it starts at
/// Partner in loop New partnership, with a new counterpart, a link to its
/// origin and the origin's success factors as starting notes.
pub(crate) fn spawn(
    s: &Snapshot,
    ctx: &Ctx,
    child: PartnershipId,
    counterpart: CityId,
    counterpart_stakeholders: Vec<Stakeholder>,
) -> Result<SpawnDecision, DomainError> {
    check_actor(s, ctx)?;
    check_version(s, ctx)?;
    let kind = MoveKind::Spawn;
    let allowed = find_move(s, kind, None)?;
    if ctx.city != s.initiator {
        return Err(DomainError::forbidden(
            "only the initiator city spawns new partnerships from its own",
        ));
    }
    if counterpart == s.initiator || Some(counterpart) == s.counterpart {
        return Err(DomainError::invalid(
            "counterpartCityId",
            "a spawned partnership needs a new counterpart city",
        ));
    }
    let at = move_time(s, ctx)?;
    check_leaving(s, ctx, kind, at.date_naive())?;
    let notes: Vec<String> = s
        .outputs
        .lessons
        .iter()
        .filter(|l| l.kind == LessonKind::SuccessFactor)
        .map(|l| l.text.clone())
        .collect();
    let child_ctx = Ctx {
        expected_version: None,
        effective_at: Some(at),
        ..*ctx
    };
    let request = StartRequest {
        id: child,
        at: allowed.target.unwrap_or(Step::Partner),
        counterpart: Some(counterpart),
        standing: s.standing.clone(),
        counterpart_stakeholders,
    };
    let (child, child_event) = start_with(&child_ctx, request, Some(s.id), notes, kind)?;
    let spawned = Change::Spawned {
        child: child.id,
        counterpart,
    };
    Ok(SpawnDecision {
        origin_event: event(s, ctx, s.state, at, spawned),
        child,
        child_event,
    })
}

/// Applies a move: the start and advances pin the standing's versions; the
/// start and loop backs begin a cycle (at the time they are recorded); the
/// state itself is set from the event by the caller.
pub(super) fn apply(s: &mut Snapshot, e: &Event) {
    if matches!(e.change, Change::Started { .. } | Change::LoopedBack { .. }) {
        s.cycle_began_at = e.at;
    }
    match &e.change {
        Change::Started {
            counterpart,
            origin,
            strategy_version,
            commitment_version,
            notes,
            ..
        } => {
            s.counterpart = *counterpart;
            s.origin = *origin;
            s.strategy_version = *strategy_version;
            s.commitment_version = *commitment_version;
            s.starting_notes = notes.clone();
            s.started_at = e.occurred_at;
        }
        Change::Advanced {
            strategy_version,
            commitment_version,
            ..
        } => {
            s.strategy_version = *strategy_version;
            s.commitment_version = *commitment_version;
        }
        _ => {}
    }
}
