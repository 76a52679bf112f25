//! Cross-partnership analytics (DESIGN §7, §12): one SQL statement each,
//! aggregating in the database, over the indexes of the migrations.
//!
//! Every query takes a [`Scope`]: everything (operators) or the partnerships a
//! city is party to (city accounts).

use crate::error::{Result, StoreError};
use crate::rows::{from_e4, money_of, parse};
use crate::{Backend, Store};
use c2c_domain::{Area, CityId, Loop, PartnershipId, Status, Step};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, QueryResult, Statement, StreamTrait, Value};
use uuid::Uuid;

/// Whose partnerships a query covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every partnership (operators).
    All,
    /// The partnerships this city is party to.
    City(CityId),
}

/// A SQL statement under construction, with its parameters in the backend's
/// placeholder style.
struct Sql {
    backend: Backend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: Backend) -> Self {
        Sql {
            backend,
            text: String::new(),
            values: Vec::new(),
        }
    }

    /// Adds a parameter and returns its placeholder.
    fn param(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        match self.backend {
            Backend::Postgres => format!("${}", self.values.len()),
            Backend::Sqlite => format!("?{}", self.values.len()),
        }
    }

    fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    /// `AND (p.initiator_id = … OR p.counterpart_id = …)` for a city scope.
    fn scope(&mut self, scope: Scope, alias: &str) -> &mut Self {
        if let Scope::City(c) = scope {
            let k = self.param(c.0);
            self.text.push_str(&format!(
                " AND ({alias}.initiator_id = {k} OR {alias}.counterpart_id = {k})"
            ));
        }
        self
    }

    fn statement(self) -> Statement {
        let backend = match self.backend {
            Backend::Postgres => sea_orm::DbBackend::Postgres,
            Backend::Sqlite => sea_orm::DbBackend::Sqlite,
        };
        Statement::from_sql_and_values(backend, self.text, self.values)
    }
}

fn get<T: sea_orm::TryGetable>(row: &QueryResult, col: &str) -> Result<T> {
    row.try_get::<T>("", col)
        .map_err(|e| StoreError::corrupt(format!("analytics column {col}: {e}")))
}

/// Partnerships counted by step, loop and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelRow {
    /// Step.
    pub step: Step,
    /// Loop.
    pub loop_: Loop,
    /// Status.
    pub status: Status,
    /// How many.
    pub count: u64,
}

/// Filters of the step funnel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FunnelFilter {
    /// Either city in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// This area among the first priorities or activities.
    pub area: Option<Area>,
    /// Started on or after.
    pub started_from: Option<NaiveDate>,
    /// Started on or before.
    pub started_to: Option<NaiveDate>,
}

/// Days spent in a step: completed stays, and the stays still open.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTime {
    /// Step.
    pub step: Step,
    /// Stays that ended.
    pub completed: u64,
    /// Their median, in days.
    pub median_days: Option<f64>,
    /// Their 90th percentile (nearest rank), in days.
    pub p90_days: Option<f64>,
    /// Stays still open (partnerships there now).
    pub open: u64,
    /// The median of the open stays' days so far.
    pub open_median_days: Option<f64>,
}

/// An active partnership with no joint activity for a long time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stalled {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its step.
    pub step: Step,
    /// The date of its last joint activity (or its start, if none).
    pub last_activity_on: NaiveDate,
    /// Whether it had any joint activity at all.
    pub any_activity: bool,
    /// Days since then.
    pub days_silent: i64,
}

/// How to group KPI totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// By reporting city.
    City,
    /// By the reporting city's country.
    Country,
    /// By partnership.
    Partnership,
}

/// A KPI total for one group (and, for money, one currency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiTotal {
    /// The reporting city (grouping by city).
    pub city: Option<CityId>,
    /// The country (grouping by city or country).
    pub country: Option<String>,
    /// The partnership (grouping by partnership).
    pub partnership: Option<PartnershipId>,
    /// The currency, for money.
    pub currency: Option<String>,
    /// Measurements counted.
    pub count: u64,
    /// Their sum (none for text).
    pub sum: Option<Decimal>,
    /// Their mean (none for text).
    pub mean: Option<Decimal>,
}

/// An agreement that expires soon, or has expired, on an active partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expiring {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The agreement.
    pub agreement: Uuid,
    /// Its title.
    pub title: String,
    /// Its last day in force.
    pub valid_until: NaiveDate,
    /// Days left (negative once expired).
    pub days_left: i64,
}

/// A delegation or visit whose follow-up is overdue or missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfollowed {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The contact.
    pub contact: Uuid,
    /// The city that recorded it.
    pub city: CityId,
    /// `DELEGATION` or `VISIT`.
    pub kind: String,
    /// When it happened.
    pub on: NaiveDate,
    /// When the follow-up was due (none: no follow-up was ever planned).
    pub follow_up_due: Option<NaiveDate>,
    /// Days since it was due, or since the contact when none was planned.
    pub days_waiting: i64,
}

/// A partnership with a signed agreement and no approved plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutPlan {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its step.
    pub step: Step,
    /// When its first agreement was signed by both cities.
    pub signed_on: NaiveDate,
    /// Days since.
    pub days_since: i64,
}

fn start_of(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

impl Store {
    async fn rows(&self, sql: Sql) -> Result<Vec<QueryResult>> {
        Ok(self.db().query_all_raw(sql.statement()).await?)
    }

    /// Partnerships counted by step × loop × status (one statement).
    pub async fn step_funnel(&self, scope: Scope, filter: &FunnelFilter) -> Result<Vec<FunnelRow>> {
        let mut q = Sql::new(self.backend());
        q.push("SELECT p.step, p.\"loop\", p.status, COUNT(*) AS n FROM partnership p WHERE 1 = 1");
        q.scope(scope, "p");
        if let Some(country) = &filter.country {
            let c = q.param(country.trim().to_ascii_uppercase());
            q.push(&format!(
                " AND EXISTS (SELECT 1 FROM city c WHERE c.country = {c} AND (c.id = p.initiator_id OR c.id = p.counterpart_id))"
            ));
        }
        if let Some(area) = filter.area {
            let a = q.param(area.code());
            q.push(&format!(
                " AND (p.id IN (SELECT partnership_id FROM first_priority WHERE area = {a}) \
                 OR p.id IN (SELECT partnership_id FROM activity WHERE area = {a}))"
            ));
        }
        if let Some(from) = filter.started_from {
            let f = q.param(start_of(from));
            q.push(&format!(" AND p.started_at >= {f}"));
        }
        if let Some(to) = filter.started_to {
            let t = q.param(start_of(to + Duration::days(1)));
            q.push(&format!(" AND p.started_at < {t}"));
        }
        q.push(" GROUP BY p.step, p.\"loop\", p.status");
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            out.push(FunnelRow {
                step: parse("step", &get::<String>(&r, "step")?)?,
                loop_: parse("loop", &get::<String>(&r, "loop")?)?,
                status: parse("status", &get::<String>(&r, "status")?)?,
                count: u64::try_from(get::<i64>(&r, "n")?).unwrap_or(0),
            });
        }
        let n = c2c_domain::Narrative::standard();
        out.sort_by_key(|r| (n.position(r.step), r.loop_, r.status.code()));
        Ok(out)
    }

    /// Days spent in each step, from the history: the median and 90th
    /// percentile of the stays that ended, and the stays still open (one
    /// statement). A stay begins with the event that enters the step (start,
    /// advance, loop back) and ends with the next of those or with the
    /// partnership's conclusion or termination; a suspension does not end it.
    pub async fn time_in_step(&self, scope: Scope, now: DateTime<Utc>) -> Result<Vec<StepTime>> {
        let mut q = Sql::new(self.backend());
        let now = q.param(now);
        let days = |from: &str, to: &str| match self.backend() {
            Backend::Postgres => {
                format!("CAST(EXTRACT(EPOCH FROM ({to} - {from})) / 86400.0 AS DOUBLE PRECISION)")
            }
            Backend::Sqlite => format!("(julianday({to}) - julianday({from}))"),
        };
        q.push(
            "WITH moves AS (\
               SELECT e.partnership_id, e.kind, e.step, e.occurred_at, \
                      LEAD(e.occurred_at) OVER (PARTITION BY e.partnership_id ORDER BY e.seq) AS left_at \
               FROM event e JOIN partnership p ON p.id = e.partnership_id \
               WHERE e.kind IN ('STARTED', 'ADVANCED', 'LOOPED_BACK', 'CONCLUDED', 'TERMINATED')",
        );
        q.scope(scope, "p");
        q.push(&format!(
            "), stays AS (\
               SELECT step, CASE WHEN left_at IS NULL THEN 1 ELSE 0 END AS open, \
                      CASE WHEN left_at IS NULL THEN {} ELSE {} END AS days \
               FROM moves WHERE kind IN ('STARTED', 'ADVANCED', 'LOOPED_BACK')\
             ), ranked AS (\
               SELECT step, open, days, \
                      ROW_NUMBER() OVER (PARTITION BY step, open ORDER BY days) AS rn, \
                      COUNT(*) OVER (PARTITION BY step, open) AS n \
               FROM stays\
             ) \
             SELECT step, open, n, \
                    CAST(AVG(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN days END) AS DOUBLE PRECISION) AS median, \
                    CAST(MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN days END) AS DOUBLE PRECISION) AS p90 \
             FROM ranked GROUP BY step, open, n",
            days("occurred_at", &now),
            days("occurred_at", "left_at"),
        ));
        let n = c2c_domain::Narrative::standard();
        let mut out: Vec<StepTime> = n
            .steps
            .iter()
            .map(|d| StepTime {
                step: d.step,
                completed: 0,
                median_days: None,
                p90_days: None,
                open: 0,
                open_median_days: None,
            })
            .collect();
        for r in self.rows(q).await? {
            let step: Step = parse("step", &get::<String>(&r, "step")?)?;
            let open = get::<i32>(&r, "open")? == 1;
            let count = u64::try_from(get::<i64>(&r, "n")?).unwrap_or(0);
            let median = get::<Option<f64>>(&r, "median")?;
            let p90 = get::<Option<f64>>(&r, "p90")?;
            if let Some(row) = out.iter_mut().find(|x| x.step == step) {
                if open {
                    row.open = count;
                    row.open_median_days = median;
                } else {
                    row.completed = count;
                    row.median_days = median;
                    row.p90_days = p90;
                }
            }
        }
        Ok(out)
    }

    /// Active partnerships with no joint activity for `days` days, oldest first
    /// (one statement). Joint activity is judged by the dates things happened:
    /// contacts and their follow-ups, progress reports, the end of measurement
    /// periods, signatures and approvals; a partnership with none is judged by
    /// its start.
    pub async fn stalled_partnerships(
        &self,
        scope: Scope,
        days: u32,
        today: NaiveDate,
    ) -> Result<Vec<Stalled>> {
        let mut q = Sql::new(self.backend());
        let started = match self.backend() {
            Backend::Postgres => "CAST((p.started_at AT TIME ZONE 'UTC') AS DATE)",
            Backend::Sqlite => "date(p.started_at)",
        };
        let cutoff = q.param(today - Duration::days(i64::from(days)));
        q.push(&format!(
            "SELECT p.id, p.step, a.last_on, {started} AS started_on FROM partnership p \
             LEFT JOIN (SELECT partnership_id, MAX(d) AS last_on FROM (\
                 SELECT partnership_id, happened_on AS d FROM contact \
                 UNION ALL SELECT partnership_id, followed_up_on AS d FROM contact WHERE followed_up_on IS NOT NULL \
                 UNION ALL SELECT partnership_id, reported_on AS d FROM progress_report \
                 UNION ALL SELECT partnership_id, period_end AS d FROM measurement \
                 UNION ALL SELECT partnership_id, signed_on AS d FROM signature \
                 UNION ALL SELECT partnership_id, approved_on AS d FROM approval\
               ) x GROUP BY partnership_id) a ON a.partnership_id = p.id \
             WHERE p.status = 'ACTIVE'"
        ));
        q.scope(scope, "p");
        q.push(&format!(
            " AND COALESCE(a.last_on, {started}) < {cutoff} ORDER BY COALESCE(a.last_on, {started}), p.id"
        ));
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            let last: Option<NaiveDate> = get(&r, "last_on")?;
            let started: NaiveDate = get(&r, "started_on")?;
            let on = last.unwrap_or(started);
            out.push(Stalled {
                partnership: PartnershipId(get(&r, "id")?),
                step: parse("step", &get::<String>(&r, "step")?)?,
                last_activity_on: on,
                any_activity: last.is_some(),
                days_silent: (today - on).num_days(),
            });
        }
        Ok(out)
    }

    /// Count, sum and mean of a KPI's measurements whose period lies within
    /// `[from, to]`, grouped (one statement). Only the latest non-superseded
    /// measurement of each period (per selection and reporting city) counts;
    /// money is totalled per currency, never mixed.
    pub async fn kpi_totals(
        &self,
        scope: Scope,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
        group_by: GroupBy,
    ) -> Result<Vec<KpiTotal>> {
        let definition = self.kpi_definition(code).await?;
        let mut q = Sql::new(self.backend());
        let c = q.param(code.to_owned());
        let f = q.param(from);
        let t = q.param(to);
        q.push(&format!(
            "WITH valid AS (\
               SELECT m.*, ROW_NUMBER() OVER (\
                   PARTITION BY m.selection_id, m.city_id, m.period_start, m.period_end \
                   ORDER BY m.recorded_at DESC, m.id DESC) AS rn \
               FROM measurement m JOIN partnership p ON p.id = m.partnership_id \
               WHERE m.kpi_code = {c} AND m.period_start >= {f} AND m.period_end <= {t} \
                 AND NOT EXISTS (SELECT 1 FROM measurement s WHERE s.supersedes_id = m.id)"
        ));
        q.scope(scope, "p");
        let key = match group_by {
            GroupBy::City => "v.city_id AS city_id, c.country AS country",
            GroupBy::Country => "c.country AS country",
            GroupBy::Partnership => "v.partnership_id AS partnership_id",
        };
        let group = match group_by {
            GroupBy::City => "v.city_id, c.country",
            GroupBy::Country => "c.country",
            GroupBy::Partnership => "v.partnership_id",
        };
        q.push(&format!(
            ") SELECT {key}, v.currency AS currency, COUNT(*) AS n, \
                 CAST(SUM(v.value_count) AS BIGINT) AS sum_count, \
                 CAST(SUM(v.value_e4) AS BIGINT) AS sum_e4, \
                 CAST(SUM(v.value_score) AS BIGINT) AS sum_score \
             FROM valid v JOIN city c ON c.id = v.city_id \
             WHERE v.rn = 1 GROUP BY {group}, v.currency"
        ));
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            let n: i64 = get(&r, "n")?;
            let currency: Option<String> = get(&r, "currency")?;
            let sum = match definition.unit {
                c2c_domain::Unit::Count => get::<Option<i64>>(&r, "sum_count")?.map(Decimal::from),
                c2c_domain::Unit::Score1To5 => {
                    get::<Option<i64>>(&r, "sum_score")?.map(Decimal::from)
                }
                c2c_domain::Unit::Percent => get::<Option<i64>>(&r, "sum_e4")?.map(from_e4),
                c2c_domain::Unit::Money => {
                    match (get::<Option<i64>>(&r, "sum_e4")?, currency.as_deref()) {
                        (Some(e4), Some(cur)) => Some(money_of(e4, cur)?.amount),
                        _ => None,
                    }
                }
                c2c_domain::Unit::Text => None,
            };
            let mean = sum.and_then(|s| {
                (n > 0).then(|| {
                    let mut m = s / Decimal::from(n);
                    m.rescale(m.scale().min(6));
                    let mut m = m.normalize();
                    // Money is shown with its currency's decimal places.
                    let exponent = currency
                        .as_deref()
                        .and_then(|c| c2c_domain::Currency::parse(c).ok())
                        .and_then(|c| c.exponent())
                        .map_or(0, u32::from);
                    if m.scale() < exponent {
                        m.rescale(exponent);
                    }
                    m
                })
            });
            out.push(KpiTotal {
                city: match group_by {
                    GroupBy::City => Some(CityId(get(&r, "city_id")?)),
                    _ => None,
                },
                country: match group_by {
                    GroupBy::Partnership => None,
                    _ => Some(get(&r, "country")?),
                },
                partnership: match group_by {
                    GroupBy::Partnership => Some(PartnershipId(get(&r, "partnership_id")?)),
                    _ => None,
                },
                currency,
                count: u64::try_from(n).unwrap_or(0),
                sum,
                mean,
            });
        }
        out.sort_by(|a, b| {
            (
                a.country.as_deref(),
                a.city.map(|c| c.0),
                a.partnership.map(|p| p.0),
                a.currency.as_deref(),
            )
                .cmp(&(
                    b.country.as_deref(),
                    b.city.map(|c| c.0),
                    b.partnership.map(|p| p.0),
                    b.currency.as_deref(),
                ))
        });
        Ok(out)
    }

    /// Agreements signed by both cities of active partnerships that expire
    /// within `within_days`, or have expired, and were not renewed; soonest
    /// first (one statement).
    pub async fn expiring_agreements(
        &self,
        scope: Scope,
        within_days: u32,
        today: NaiveDate,
    ) -> Result<Vec<Expiring>> {
        let mut q = Sql::new(self.backend());
        let horizon = q.param(today + Duration::days(i64::from(within_days)));
        q.push(&format!(
            "SELECT a.id, a.partnership_id, a.title, a.valid_until FROM agreement a \
             JOIN partnership p ON p.id = a.partnership_id \
             WHERE p.status = 'ACTIVE' AND a.valid_until IS NOT NULL AND a.valid_until <= {horizon} \
               AND (SELECT COUNT(DISTINCT s.city_id) FROM signature s WHERE s.agreement_id = a.id) >= 2 \
               AND NOT EXISTS (SELECT 1 FROM agreement r WHERE r.renewal_of = a.id)"
        ));
        q.scope(scope, "p");
        q.push(" ORDER BY a.valid_until, a.id");
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            let until: NaiveDate = get(&r, "valid_until")?;
            out.push(Expiring {
                partnership: PartnershipId(get(&r, "partnership_id")?),
                agreement: get(&r, "id")?,
                title: get(&r, "title")?,
                valid_until: until,
                days_left: (until - today).num_days(),
            });
        }
        Ok(out)
    }

    /// Delegations and visits of live partnerships with no follow-up
    /// recorded, whose follow-up is overdue or was never planned; longest
    /// waiting first (one statement).
    pub async fn unfollowed_delegations(
        &self,
        scope: Scope,
        today: NaiveDate,
    ) -> Result<Vec<Unfollowed>> {
        let mut q = Sql::new(self.backend());
        let t = q.param(today);
        q.push(&format!(
            "SELECT c.id, c.partnership_id, c.city_id, c.kind, c.happened_on, c.follow_up_due \
             FROM contact c JOIN partnership p ON p.id = c.partnership_id \
             WHERE c.kind IN ('DELEGATION', 'VISIT') AND c.followed_up_on IS NULL \
               AND (c.follow_up_due IS NULL OR c.follow_up_due < {t}) \
               AND p.status IN ('ACTIVE', 'SUSPENDED')"
        ));
        q.scope(scope, "p");
        q.push(" ORDER BY COALESCE(c.follow_up_due, c.happened_on), c.id");
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            let on: NaiveDate = get(&r, "happened_on")?;
            let due: Option<NaiveDate> = get(&r, "follow_up_due")?;
            out.push(Unfollowed {
                partnership: PartnershipId(get(&r, "partnership_id")?),
                contact: get(&r, "id")?,
                city: CityId(get(&r, "city_id")?),
                kind: get(&r, "kind")?,
                on,
                follow_up_due: due,
                days_waiting: (today - due.unwrap_or(on)).num_days(),
            });
        }
        Ok(out)
    }

    /// Active partnerships whose first agreement signed by both cities is
    /// more than `days` old and that have no plan version approved by both
    /// cities; longest waiting first (one statement).
    pub async fn agreements_without_plan(
        &self,
        scope: Scope,
        days: u32,
        today: NaiveDate,
    ) -> Result<Vec<WithoutPlan>> {
        let mut q = Sql::new(self.backend());
        let cutoff = q.param(today - Duration::days(i64::from(days)));
        q.push(
            "SELECT p.id, p.step, MIN(s.signed_on) AS signed_on FROM partnership p \
             JOIN agreement a ON a.partnership_id = p.id \
             JOIN (SELECT agreement_id, MAX(signed_on) AS signed_on, COUNT(DISTINCT city_id) AS n \
                   FROM signature GROUP BY agreement_id) s ON s.agreement_id = a.id \
             WHERE p.status = 'ACTIVE' AND s.n >= 2 \
               AND NOT EXISTS (SELECT 1 FROM approval ap WHERE ap.partnership_id = p.id AND ap.subject = 'PLAN' \
                               GROUP BY ap.version HAVING COUNT(DISTINCT ap.city_id) >= 2)",
        );
        q.scope(scope, "p");
        q.push(&format!(
            " GROUP BY p.id, p.step HAVING MIN(s.signed_on) <= {cutoff} ORDER BY MIN(s.signed_on), p.id"
        ));
        let mut out = Vec::new();
        for r in self.rows(q).await? {
            let signed: NaiveDate = get(&r, "signed_on")?;
            out.push(WithoutPlan {
                partnership: PartnershipId(get(&r, "id")?),
                step: parse("step", &get::<String>(&r, "step")?)?,
                signed_on: signed,
                days_since: (today - signed).num_days(),
            });
        }
        Ok(out)
    }
}

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// One row per partnership.
    Partnerships,
    /// One row per measurement.
    Measurements,
}

impl Export {
    /// The CSV header.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Export::Partnerships => &[
                "id",
                "initiator_id",
                "initiator",
                "initiator_country",
                "counterpart_id",
                "counterpart",
                "counterpart_country",
                "step",
                "loop",
                "cycle",
                "status",
                "version",
                "started_at",
                "last_move_at",
                "origin_id",
            ],
            Export::Measurements => &[
                "id",
                "partnership_id",
                "kpi_code",
                "unit",
                "city_id",
                "city",
                "period_start",
                "period_end",
                "count",
                "amount",
                "currency",
                "percent",
                "score",
                "text",
                "source",
                "note",
                "supersedes_id",
                "superseded",
                "cycle",
                "recorded_at",
            ],
        }
    }
}

/// A stream of CSV records (fields as text).
pub type Records<'a> =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<Vec<String>>> + Send + 'a>>;

fn text<T: sea_orm::TryGetable + ToString>(row: &QueryResult, col: &str) -> Result<String> {
    Ok(get::<Option<T>>(row, col)?
        .map(|v| v.to_string())
        .unwrap_or_default())
}

fn partnership_record(r: &QueryResult) -> Result<Vec<String>> {
    Ok(vec![
        text::<Uuid>(r, "id")?,
        text::<Uuid>(r, "initiator_id")?,
        text::<String>(r, "initiator")?,
        text::<String>(r, "initiator_country")?,
        text::<Uuid>(r, "counterpart_id")?,
        text::<String>(r, "counterpart")?,
        text::<String>(r, "counterpart_country")?,
        text::<String>(r, "step")?,
        text::<String>(r, "loop")?,
        text::<i32>(r, "cycle")?,
        text::<String>(r, "status")?,
        text::<i64>(r, "version")?,
        get::<DateTime<Utc>>(r, "started_at")?.to_rfc3339(),
        get::<DateTime<Utc>>(r, "last_move_at")?.to_rfc3339(),
        text::<Uuid>(r, "origin_id")?,
    ])
}

fn measurement_record(r: &QueryResult) -> Result<Vec<String>> {
    let unit: String = get(r, "unit")?;
    let e4: Option<i64> = get(r, "value_e4")?;
    let currency: Option<String> = get(r, "currency")?;
    let amount = match (unit.as_str(), e4, currency.as_deref()) {
        ("MONEY", Some(v), Some(c)) => money_of(v, c)?.amount.to_string(),
        _ => String::new(),
    };
    let percent = match (unit.as_str(), e4) {
        ("PERCENT", Some(v)) => from_e4(v).to_string(),
        _ => String::new(),
    };
    Ok(vec![
        text::<Uuid>(r, "id")?,
        text::<Uuid>(r, "partnership_id")?,
        text::<String>(r, "kpi_code")?,
        unit,
        text::<Uuid>(r, "city_id")?,
        text::<String>(r, "city")?,
        text::<NaiveDate>(r, "period_start")?,
        text::<NaiveDate>(r, "period_end")?,
        text::<i64>(r, "value_count")?,
        amount,
        currency.unwrap_or_default(),
        percent,
        text::<i16>(r, "value_score")?,
        text::<String>(r, "value_text")?,
        text::<String>(r, "source")?,
        text::<String>(r, "note")?,
        text::<Uuid>(r, "supersedes_id")?,
        (get::<i64>(r, "superseded")? > 0).to_string(),
        text::<i32>(r, "cycle")?,
        get::<DateTime<Utc>>(r, "recorded_at")?.to_rfc3339(),
    ])
}

impl Store {
    /// Streams an export: one statement, read row by row (a million rows do
    /// not sit in memory).
    pub async fn export(&self, what: Export, scope: Scope) -> Result<Records<'_>> {
        use futures_util::StreamExt;
        let mut q = Sql::new(self.backend());
        match what {
            Export::Partnerships => {
                q.push(
                    "SELECT p.id, p.initiator_id, i.name AS initiator, i.country AS initiator_country, \
                            p.counterpart_id, c.name AS counterpart, c.country AS counterpart_country, \
                            p.step, p.\"loop\", p.cycle, p.status, p.version, p.started_at, p.last_move_at, p.origin_id \
                     FROM partnership p JOIN city i ON i.id = p.initiator_id \
                     LEFT JOIN city c ON c.id = p.counterpart_id WHERE 1 = 1",
                );
                q.scope(scope, "p");
                q.push(" ORDER BY p.id");
            }
            Export::Measurements => {
                q.push(
                    "SELECT m.id, m.partnership_id, m.kpi_code, m.unit, m.city_id, ci.name AS city, \
                            m.period_start, m.period_end, m.value_count, m.value_e4, m.currency, m.value_score, \
                            m.value_text, m.source, m.note, m.supersedes_id, \
                            (SELECT COUNT(*) FROM measurement s WHERE s.supersedes_id = m.id) AS superseded, \
                            m.cycle, m.recorded_at \
                     FROM measurement m JOIN partnership p ON p.id = m.partnership_id \
                     JOIN city ci ON ci.id = m.city_id WHERE 1 = 1",
                );
                q.scope(scope, "p");
                q.push(" ORDER BY m.partnership_id, m.period_start, m.id");
            }
        }
        let stream = self.db().stream_raw(q.statement()).await?;
        Ok(Box::pin(stream.map(move |row| {
            let row = row?;
            match what {
                Export::Partnerships => partnership_record(&row),
                Export::Measurements => measurement_record(&row),
            }
        })))
    }
}
