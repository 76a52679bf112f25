//! The four workloads, as c2c's clients send them over HTTP: W1 KPI capture
//! (`recordMeasurement`), W2 guarded moves (suspend, then resume, each with
//! its expected version), W3 the nested page of 50 partnerships (cities,
//! activities, KPI selections with their latest measurements), W4 operator
//! analytics. `run` measures each on c2c, then (W1–W3) in hand-written SQL.

use crate::drive::{Outcome, drive};
use crate::handwritten as sql;
use crate::report::{self, Line};
use crate::server::{Server, Tokens};
use crate::targets::{Capture, Movable, captures, movables};
use anyhow::{Result, anyhow, bail};
use sea_orm::sqlx;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// A workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum Workload {
    /// KPI capture.
    W1,
    /// Guarded moves.
    W2,
    /// The nested page of 50.
    W3,
    /// Operator analytics.
    W4,
}

/// What `run` was asked.
#[derive(Debug)]
pub struct Plan {
    /// Clients at once.
    pub clients: usize,
    /// Seconds per workload and side.
    pub seconds: u64,
    /// Which workloads.
    pub workloads: Vec<Workload>,
}

/// The page of W3.
pub const PAGE: &str = "{ partnerships(first: 50) { edges { node { id step status \
    initiator { name } counterpart { name } plan { activities { id title status } } \
    kpiSelections { id kpiCode latestMeasurements { id periodEnd } } } } } }";

/// The analytics of W4, every platform query at its largest page, asked in
/// turn; each is also measured alone.
const ANALYTICS: &[(&str, &str)] = &[
    (
        "stepFunnel",
        "{ platform { stepFunnel { step status count } } }",
    ),
    (
        "timeInStep",
        "{ platform { timeInStep { step medianDays openStays } } }",
    ),
    (
        "stalledPartnerships",
        "{ platform { stalledPartnerships(days: 365, first: 100) { nodes { step status } } } }",
    ),
    (
        "stalled, joint only",
        "{ platform { stalledPartnerships(days: 365, jointOnly: true, first: 100) { nodes { step } } } }",
    ),
    (
        "expiringAgreements",
        "{ platform { expiringAgreements(withinDays: 365, first: 100) { nodes { expired } } } }",
    ),
    (
        "unfollowedDelegations",
        "{ platform { unfollowedDelegations(first: 100) { nodes { on } } } }",
    ),
    (
        "agreementsWithoutPlan",
        "{ platform { agreementsWithoutPlan(first: 100) { nodes { signedOn } } } }",
    ),
    (
        "contactPersonChanges",
        "{ platform { contactPersonChanges(withinDays: 3650, first: 100) { nodes { on } } } }",
    ),
    (
        "oneSidedPartnerships",
        "{ platform { oneSidedPartnerships(first: 100) { nodes { share } } } }",
    ),
    (
        "kpiTotals",
        "{ platform { kpiTotals(code: \"TRADE_VOLUME\", from: \"2000-01-01\", to: \"2025-12-31\", groupBy: PARTNERSHIP, first: 100) { nodes { count } } } }",
    ),
];

const CAPTURE: &str = "mutation($p: UUID!, $i: MeasurementInput!) { recordMeasurement(partnershipId: $p, input: $i) { measurement { id } } }";
const SUSPEND: &str = "mutation($id: UUID!, $v: Int!) { suspendPartnership(id: $id, expectedVersion: $v, reason: \"benchmark\") { version } }";
const RESUME: &str = "mutation($id: UUID!, $v: Int!) { resumePartnership(id: $id, expectedVersion: $v) { version } }";

/// Sends a GraphQL request; an answer with errors is an error.
pub async fn graphql(
    http: &reqwest::Client,
    server: &str,
    token: &str,
    query: &str,
    variables: Value,
) -> Result<Value> {
    let answer: Value = http
        .post(format!("{server}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await?
        .json()
        .await?;
    if let Some(e) = answer.pointer("/errors/0") {
        bail!("{}: {}", e["extensions"]["code"], e["message"]);
    }
    Ok(answer)
}

/// Runs the plan and prints the table.
pub async fn run(url: &str, c2c: &Path, plan: &Plan) -> Result<()> {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(c2c_store::default_pool_size())
        .connect(url)
        .await?;
    let partnerships: i64 = sqlx::query_scalar("SELECT count(*) FROM partnership")
        .fetch_one(&pool)
        .await?;
    let captures = captures(&pool).await?;
    let movables = movables(&pool, plan.clients).await?;
    let cities = captures
        .iter()
        .map(|c| &c.city)
        .chain(movables.iter().map(|m| &m.city));
    let cities: Vec<uuid::Uuid> = cities.filter_map(|c| c.parse().ok()).collect();
    let tokens = Arc::new(Tokens::issue(url, cities).await?);
    let server = Server::start(c2c, url).await?;
    eprintln!(
        "{partnerships} partnerships; c2c serve at {}; {} capture targets, {} movable partnerships",
        server.address,
        captures.len(),
        movables.len()
    );
    let duration = Duration::from_secs(plan.seconds);
    let actor: String =
        sqlx::query_scalar("SELECT id::text FROM account ORDER BY created_at LIMIT 1")
            .fetch_one(&pool)
            .await?;
    let mut lines = Vec::new();
    for w in &plan.workloads {
        let ctx = Ctx {
            server: &server,
            actor: actor.clone(),
            tokens: &tokens,
            pool: &pool,
            clients: plan.clients,
            duration,
        };
        let line = match w {
            Workload::W1 => w1(&ctx, &captures).await?,
            Workload::W2 => w2(&ctx).await?,
            Workload::W3 => w3(&ctx).await?,
            Workload::W4 => w4(&ctx).await?,
        };
        eprintln!("{} done", line.name);
        lines.push(line);
        if *w == Workload::W4 {
            lines.extend(w4_each(&ctx).await?);
        }
    }
    report::print(&lines, plan.clients, plan.seconds, server.peak_rss_mib());
    let failed = lines.iter().any(|l| {
        let sides = std::iter::once(&l.c2c).chain(l.sql.as_ref().map(|(s, _)| s));
        sides.clone().any(|o| o.errors > 0 || o.ops == 0)
    });
    if failed {
        bail!("a workload failed or did nothing (above): the figures do not stand");
    }
    Ok(())
}

/// What every workload needs.
struct Ctx<'a> {
    server: &'a Server,
    /// The account the hand-written side records as the actor.
    actor: String,
    tokens: &'a Arc<Tokens>,
    pool: &'a sqlx::PgPool,
    clients: usize,
    duration: Duration,
}

impl Ctx<'_> {
    /// Runs c2c's side: its outcome and statements per operation.
    async fn c2c<F, Fut>(&self, op: F) -> Result<(Outcome, f64)>
    where
        F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<()>> + Send + 'static,
    {
        let before = self.server.statements().await?;
        let out = drive(self.clients, self.duration, op).await;
        let spent = self.server.statements().await?.saturating_sub(before);
        let per_op = spent as f64 / (out.ops + out.errors).max(1) as f64;
        Ok((out, per_op))
    }

    /// Runs queries as the operator, `pick` choosing each client's next one.
    async fn operator_queries<P>(&self, pick: P) -> Result<(Outcome, f64)>
    where
        P: Fn(usize, u64) -> &'static str + Send + Sync + 'static,
    {
        let (http, server, token) = (
            reqwest::Client::new(),
            self.server.address.clone(),
            self.tokens.operator.clone(),
        );
        self.c2c(move |client, i| {
            let query = pick(client, i);
            let (http, server, token) = (http.clone(), server.clone(), token.clone());
            async move {
                graphql(&http, &server, &token, query, json!({})).await?;
                Ok(())
            }
        })
        .await
    }
}

async fn w1(ctx: &Ctx<'_>, captures: &[Capture]) -> Result<Line> {
    if captures.is_empty() {
        return Err(anyhow!(
            "W1: no active partnership has a KPI selection to capture"
        ));
    }
    let targets = Arc::new(captures.to_vec());
    let (http, server, tokens) = (
        reqwest::Client::new(),
        ctx.server.address.clone(),
        Arc::clone(ctx.tokens),
    );
    let t = Arc::clone(&targets);
    let (c2c, statements) = ctx
        .c2c(move |client, i| {
            let target = t[(client + i as usize * 7) % t.len()].clone();
            let (http, server, tokens) = (http.clone(), server.clone(), Arc::clone(&tokens));
            async move {
                let input = json!({ "selectionId": target.selection, "cityId": target.city,
                    "periodStart": "2025-01-01", "periodEnd": "2025-03-31",
                    "value": { "count": i % 1000 }, "source": "benchmark" });
                let vars = json!({ "p": target.partnership, "i": input });
                graphql(
                    &http,
                    &server,
                    tokens.editor(target.city.parse()?),
                    CAPTURE,
                    vars,
                )
                .await?;
                Ok(())
            }
        })
        .await?;
    let pool = ctx.pool.clone();
    let (t, actor) = (Arc::clone(&targets), ctx.actor.clone());
    let hand = drive(ctx.clients, ctx.duration, move |client, i| {
        let target = t[(client + i as usize * 7) % t.len()].clone();
        let (pool, actor) = (pool.clone(), actor.clone());
        async move { sql::capture(&pool, &target, &actor, i).await }
    })
    .await;
    Ok(Line {
        name: "W1",
        what: "recordMeasurement",
        c2c,
        c2c_statements: statements,
        sql: Some((hand, sql::CAPTURE_STATEMENTS)),
    })
}

/// Each client's own partnerships, shared between the two sides.
type Owned = Arc<Vec<Mutex<Vec<Movable>>>>;

async fn owned(pool: &sqlx::PgPool, clients: usize) -> Result<Owned> {
    let all = movables(pool, clients).await?;
    if all.len() < clients {
        bail!(
            "W2: {} active partnerships for {clients} clients",
            all.len()
        );
    }
    let mut per: Vec<Vec<Movable>> = vec![Vec::new(); clients];
    for (i, m) in all.into_iter().enumerate() {
        per[i % clients].push(m);
    }
    Ok(Arc::new(per.into_iter().map(Mutex::new).collect()))
}

/// The next partnership of a client, in turn.
fn next(owned: &Owned, client: usize, i: u64) -> (usize, Movable) {
    let mine = owned[client].lock().unwrap_or_else(PoisonError::into_inner);
    let at = i as usize % mine.len();
    (at, mine[at].clone())
}

fn moved(owned: &Owned, client: usize, at: usize) {
    let mut mine = owned[client].lock().unwrap_or_else(PoisonError::into_inner);
    mine[at].version += 1;
    mine[at].suspended = !mine[at].suspended;
}

async fn w2(ctx: &Ctx<'_>) -> Result<Line> {
    let state = owned(ctx.pool, ctx.clients).await?;
    let (http, server, tokens) = (
        reqwest::Client::new(),
        ctx.server.address.clone(),
        Arc::clone(ctx.tokens),
    );
    let s = Arc::clone(&state);
    let (c2c, statements) = ctx
        .c2c(move |client, i| {
            let (at, m) = next(&s, client, i);
            let (http, server, tokens, s) = (
                http.clone(),
                server.clone(),
                Arc::clone(&tokens),
                Arc::clone(&s),
            );
            async move {
                let query = if m.suspended { RESUME } else { SUSPEND };
                let vars = json!({ "id": m.partnership, "v": m.version });
                graphql(&http, &server, tokens.editor(m.city.parse()?), query, vars).await?;
                moved(&s, client, at);
                Ok(())
            }
        })
        .await?;
    let state = owned(ctx.pool, ctx.clients).await?;
    let (pool, actor) = (ctx.pool.clone(), ctx.actor.clone());
    let hand = drive(ctx.clients, ctx.duration, move |client, i| {
        let (at, m) = next(&state, client, i);
        let (pool, s, actor) = (pool.clone(), Arc::clone(&state), actor.clone());
        async move {
            sql::mv(&pool, &m, &actor).await?;
            moved(&s, client, at);
            Ok(())
        }
    })
    .await;
    Ok(Line {
        name: "W2",
        what: "suspend/resume",
        c2c,
        c2c_statements: statements,
        sql: Some((hand, sql::MOVE_STATEMENTS)),
    })
}

async fn w3(ctx: &Ctx<'_>) -> Result<Line> {
    let (c2c, statements) = ctx.operator_queries(|_, _| PAGE).await?;
    let pool = ctx.pool.clone();
    let hand = drive(ctx.clients, ctx.duration, move |_, _| {
        let pool = pool.clone();
        async move { sql::page(&pool).await }
    })
    .await;
    Ok(Line {
        name: "W3",
        what: "page of 50",
        c2c,
        c2c_statements: statements,
        sql: Some((hand, 1.0)),
    })
}

async fn w4(ctx: &Ctx<'_>) -> Result<Line> {
    let (c2c, statements) = ctx
        .operator_queries(|client, i| ANALYTICS[(client + i as usize) % ANALYTICS.len()].1)
        .await?;
    Ok(Line {
        name: "W4",
        what: "analytics",
        c2c,
        c2c_statements: statements,
        sql: None,
    })
}

/// Each analytic of W4 alone, by one client for a quarter of the time: its
/// latency at this size, to compare between sizes.
async fn w4_each(ctx: &Ctx<'_>) -> Result<Vec<Line>> {
    let alone = Ctx {
        server: ctx.server,
        actor: ctx.actor.clone(),
        tokens: ctx.tokens,
        pool: ctx.pool,
        clients: 1,
        duration: (ctx.duration / 4).max(Duration::from_secs(1)),
    };
    let mut lines = Vec::new();
    for &(name, query) in ANALYTICS {
        let (c2c, statements) = alone.operator_queries(move |_, _| query).await?;
        eprintln!("W4 {name} done");
        lines.push(Line {
            name: "W4 alone",
            what: name,
            c2c,
            c2c_statements: statements,
            sql: None,
        });
    }
    Ok(lines)
}
