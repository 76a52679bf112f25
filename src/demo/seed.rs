//! The driver: cities, stakeholders, accounts and standings, then every
//! partnership's story, all through the store's own operations. Every unit is
//! skipped when it already exists (by its deterministic identifier), so a
//! second run adds nothing.

use super::data::{CityData, PartnershipData, Platform};
use super::plan::{self, Item, Walk};
use super::story::{Story, Written};
use anyhow::{Context, Result, anyhow, bail};
use c2c_domain::standing::{
    CommitmentDraft, ContactTeam, Objective, PoliticalCommitment, Priority, ResourceDraft,
    StakeholderRole, StrategyDraft,
};
use c2c_domain::{
    AccountId, Area, CityDraft, CityId, HelixSector, Involvement, KpiDefinition, PartnershipId,
    StakeholderId, Step,
};
use c2c_store::{Actor, Role, Store, StoreError};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use futures_util::StreamExt;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;
use uuid::Uuid;

/// How every filler text starts, so that nobody mistakes it for a fact.
pub const FILLER: &str = "Demo filler, not from the sources:";

/// The namespace of the demo's UUIDs (v5): the same keys give the same
/// identifiers on every run and every database.
const NAMESPACE: Uuid = Uuid::from_u128(0x6c2c_0de3_05ee_4d1a_8a5e_2019_0000_c2c0);

/// The identifier of a demo record: UUID v5 of `"<kind>:<key>"`.
pub fn id(kind: &str, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}

/// A date as the moment a move is recorded to have happened: midnight UTC,
/// never in the future for a date up to today.
pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// A demo account (from the data file) and, when this run created it, the
/// secret of its token.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// Its identifier.
    pub id: AccountId,
    /// Its role.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Its city's name, for an editor or viewer.
    pub city: Option<String>,
    /// The token's secret, shown once: only when the account was created now.
    pub secret: Option<String>,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    /// The demo accounts of the data file.
    pub accounts: Vec<DemoAccount>,
    /// The hidden loader accounts (one per city that acts without a demo editor).
    pub loaders: usize,
    /// Cities created by this run.
    pub cities_added: usize,
    /// Partnerships created by this run.
    pub partnerships_added: usize,
    /// Partnerships that already existed and were left alone.
    pub partnerships_skipped: usize,
    /// Commands executed on partnerships (the starts included).
    pub commands: usize,
    /// Fillers among them.
    pub fillers: usize,
    /// How long the run took.
    pub seconds: f64,
}

/// What the seeding needs at hand.
pub struct Seeder<'a> {
    /// The store.
    pub store: &'a Store,
    /// The data.
    pub data: &'a Platform,
    /// Today: nothing is dated later.
    pub today: NaiveDate,
    cities: HashMap<String, CityId>,
    names: HashMap<CityId, String>,
    actors: HashMap<CityId, AccountId>,
    leads: HashMap<CityId, StakeholderId>,
    kpis: HashMap<String, KpiDefinition>,
}

impl std::fmt::Debug for Seeder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Seeder")
            .field("today", &self.today)
            .finish()
    }
}

impl Seeder<'_> {
    /// A city by its key.
    pub fn city(&self, key: &str) -> Result<CityId> {
        self.cities
            .get(key)
            .copied()
            .ok_or_else(|| anyhow!("unknown city '{key}'"))
    }

    /// A city's name.
    pub fn name(&self, city: CityId) -> &str {
        self.names.get(&city).map_or("?", String::as_str)
    }

    /// The account that acts for a city.
    pub fn actor(&self, city: CityId) -> Result<Actor> {
        let account = self
            .actors
            .get(&city)
            .copied()
            .ok_or_else(|| anyhow!("no demo account acts for {}", self.name(city)))?;
        Ok(Actor { account, city })
    }

    /// The stakeholder that leads a city's activities when the sources name
    /// none (a filler choice, said so where it is used).
    pub fn lead_stakeholder(&self, city: CityId) -> Result<StakeholderId> {
        self.leads
            .get(&city)
            .copied()
            .ok_or_else(|| anyhow!("{} has no stakeholder to lead an activity", self.name(city)))
    }

    /// A KPI definition of the catalogue.
    pub fn kpi(&self, code: &str) -> Result<&KpiDefinition> {
        self.kpis
            .get(code)
            .ok_or_else(|| anyhow!("unknown KPI code '{code}'"))
    }
}

fn not_found<T>(r: c2c_store::Result<T>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The static walks: every partnership's plan, origins first; a spin-off
/// starts when its origin's story has reached REPLICATE.
fn walks(data: &Platform, today: NaiveDate) -> Result<BTreeMap<String, Walk>> {
    let mut out = BTreeMap::new();
    for p in data.partnerships.iter().filter(|p| p.origin.is_none()) {
        let start = plan::own_start(data, p, today);
        let w =
            plan::walk(data, p, start, today).map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        out.insert(p.key.clone(), w);
    }
    for p in data.partnerships.iter().filter(|p| p.origin.is_some()) {
        let origin = p.origin.as_deref().unwrap_or_default();
        let after = out
            .get(origin)
            .map(|w: &Walk| w.last().entered)
            .ok_or_else(|| anyhow!("partnership {}: unknown origin", p.key))?;
        let start = plan::own_start(data, p, today).max(after);
        let w =
            plan::walk(data, p, start, today).map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        out.insert(p.key.clone(), w);
    }
    Ok(out)
}

/// What each city needs for its partnerships to be walked.
#[derive(Debug, Default)]
struct Needs {
    /// A strategy meeting the Aim criteria.
    aim: HashSet<String>,
    /// A commitment meeting the Commit criteria, from this date.
    commit: HashMap<String, NaiveDate>,
    /// A stakeholder to lead activities.
    lead: HashSet<String>,
}

fn needs(data: &Platform, walks: &BTreeMap<String, Walk>) -> Needs {
    let mut n = Needs::default();
    for p in &data.partnerships {
        let Some(w) = walks.get(&p.key) else { continue };
        let at_partner = w.start_step == Step::Partner;
        if at_partner || w.leaves(Step::Aim) {
            n.aim.insert(p.initiator.clone());
        }
        if at_partner || w.leaves(Step::Commit) {
            let d = n.commit.entry(p.initiator.clone()).or_insert(w.start);
            *d = (*d).min(w.start);
        }
        if w.leaves(Step::Plan) {
            n.lead.insert(p.initiator.clone());
        }
        for (si, items) in plan::items(p, w).iter().enumerate() {
            for item in items {
                if let Item::Activity(i) = *item
                    && w.stops[si].leave.is_some()
                {
                    n.lead.insert(p.activities[i].lead.clone());
                }
            }
        }
    }
    n
}

fn city_draft(c: &CityData, parent: Option<CityId>) -> CityDraft {
    CityDraft {
        name: c.name.clone(),
        other_names: c.other_names.clone(),
        level: Some(c.level),
        parent,
        country: c.country.clone(),
        population: c.population,
        languages: c.languages.clone(),
        time_zone: c.time_zone.clone(),
        areas: c.areas.clone(),
        looking_for_partner: c.looking_for_partner,
    }
}

/// How many stories are written at a time.
const CONCURRENCY: usize = 4;

/// Writes one partnership's story, unless it exists (then `None`).
async fn one(
    sx: &Seeder<'_>,
    walks: &BTreeMap<String, Walk>,
    p: &PartnershipData,
) -> Result<Option<Written>> {
    let store = sx.store;
    let pid = PartnershipId(id("partnership", &p.key));
    if not_found(store.partnership(pid).await)?.is_some() {
        return Ok(None);
    }
    let mut walk = walks
        .get(&p.key)
        .cloned()
        .ok_or_else(|| anyhow!("no walk for {}", p.key))?;
    if let Some(origin) = &p.origin {
        // The spawn is a move of the origin: not before its last one.
        let o = store
            .partnership(PartnershipId(id("partnership", origin)))
            .await
            .with_context(|| format!("the origin of {}", p.key))?;
        let after = o.snapshot().last_move_at.date_naive();
        if after > walk.start {
            walk = plan::walk(sx.data, p, after, sx.today)
                .map_err(|e| anyhow!("partnership {}: {e}", p.key))?;
        }
    }
    Story::new(sx, p, walk)?.run().await.map(Some)
}

/// Loads the demo into `store`; `log` receives progress lines.
pub async fn seed(store: &Store, mut log: impl FnMut(String)) -> Result<Seeded> {
    let began = Instant::now();
    let data = Platform::parse(super::DATA)?;
    let today = Utc::now().date_naive();
    let walks = walks(&data, today)?;
    let needs = needs(&data, &walks);
    let mut seeded = Seeded::default();

    // Cities, parents first (the data lists them so).
    let cities: HashMap<String, CityId> = data
        .cities
        .iter()
        .map(|c| (c.key.clone(), CityId(id("city", &c.key))))
        .collect();
    let existing: HashSet<CityId> = store.cities().await?.into_iter().map(|c| c.id).collect();
    for c in &data.cities {
        let city = cities[&c.key];
        if existing.contains(&city) {
            continue;
        }
        let parent = c.parent.as_ref().map(|k| cities[k]);
        store
            .create_city(city, city_draft(c, parent))
            .await
            .with_context(|| format!("creating city {}", c.key))?;
        seeded.cities_added += 1;
    }
    log(format!(
        "cities: {} in the data, {} added",
        data.cities.len(),
        seeded.cities_added
    ));

    // Stakeholders: the sourced ones, and a filler office for a city that
    // needs one and has none.
    let ids: Vec<CityId> = data.cities.iter().map(|c| cities[&c.key]).collect();
    let standings = store.standings(&ids).await?;
    let mut leads: HashMap<CityId, StakeholderId> = HashMap::new();
    let mut stakeholders_of: HashMap<CityId, Vec<StakeholderId>> = HashMap::new();
    for c in &data.cities {
        let city = cities[&c.key];
        let have: HashSet<StakeholderId> = standings
            .get(&city)
            .map(|s| s.stakeholders.iter().map(|x| x.id).collect())
            .unwrap_or_default();
        let mut mine = Vec::new();
        for s in &c.stakeholders {
            let sid = StakeholderId(id("stakeholder", &s.key));
            if !have.contains(&sid) {
                store
                    .add_stakeholder(sid, city, &s.name, s.sector, s.involvement)
                    .await
                    .with_context(|| format!("adding stakeholder {}", s.key))?;
            }
            mine.push(sid);
        }
        let needed = needs.aim.contains(&c.key)
            || needs.commit.contains_key(&c.key)
            || needs.lead.contains(&c.key);
        if c.stakeholders.is_empty() && needed {
            let sid = StakeholderId(id("stakeholder", &format!("filler:{}", c.key)));
            if !have.contains(&sid) {
                let name = format!(
                    "{} international relations office (demo filler, not from the sources)",
                    c.name
                );
                store
                    .add_stakeholder(
                        sid,
                        city,
                        &name,
                        HelixSector::Government,
                        Involvement::Promoter,
                    )
                    .await?;
            }
            mine.push(sid);
        }
        let lead = c
            .stakeholders
            .iter()
            .find(|s| s.sector == HelixSector::Government && s.involvement != Involvement::External)
            .or_else(|| c.stakeholders.first())
            .map(|s| StakeholderId(id("stakeholder", &s.key)))
            .or_else(|| mine.first().copied());
        if let Some(lead) = lead {
            leads.insert(city, lead);
        }
        stakeholders_of.insert(city, mine);
    }

    // Accounts: the demo's own (a token each, when created), and a hidden
    // loader editor for every other city that acts.
    let mut actors: HashMap<CityId, AccountId> = HashMap::new();
    for a in &data.accounts {
        let account = AccountId(id("account", &a.key));
        let city = a.city.as_ref().map(|k| cities[k]);
        let secret = match not_found(store.account(account).await)? {
            Some(_) => None,
            None => {
                store
                    .create_account(account, &a.name, a.role, city)
                    .await
                    .with_context(|| format!("creating account {}", a.key))?;
                let (secret, _) = store
                    .issue_token(account, "demo token (c2c seed-demo)", None)
                    .await?;
                Some(secret)
            }
        };
        if a.role == Role::Editor
            && let Some(c) = city
        {
            actors.entry(c).or_insert(account);
        }
        seeded.accounts.push(DemoAccount {
            id: account,
            role: a.role,
            name: a.name.clone(),
            city: a
                .city
                .as_ref()
                .and_then(|k| data.city(k))
                .map(|c| c.name.clone()),
            secret,
        });
    }
    let mut acting: Vec<&CityData> = Vec::new();
    for c in &data.cities {
        let party = data
            .partnerships
            .iter()
            .any(|p| p.initiator == c.key || p.counterpart.as_deref() == Some(c.key.as_str()));
        if party || !c.strategy.is_empty() || needs.aim.contains(&c.key) {
            acting.push(c);
        }
    }
    for c in acting {
        let city = cities[&c.key];
        if actors.contains_key(&city) {
            continue;
        }
        let account = AccountId(id("account", &format!("loader:{}", c.key)));
        if not_found(store.account(account).await)?.is_none() {
            let name = format!(
                "Demo loader for {} (records the demo data; no token)",
                c.name
            );
            store
                .create_account(account, &name, Role::Editor, Some(city))
                .await?;
        }
        actors.insert(city, account);
        seeded.loaders += 1;
    }

    let kpis: HashMap<String, KpiDefinition> = store
        .kpi_definitions()
        .await?
        .into_iter()
        .map(|d| (d.code.to_string(), d))
        .collect();
    let sx = Seeder {
        store,
        data: &data,
        today,
        names: data
            .cities
            .iter()
            .map(|c| (cities[&c.key], c.name.clone()))
            .collect(),
        cities,
        actors,
        leads,
        kpis,
    };

    // Standings: the sourced strategies; filler strategies and commitments
    // where a partnership needs them.
    for c in &data.cities {
        let city = sx.city(&c.key)?;
        let standing = standings.get(&city);
        let stakeholders = stakeholders_of.get(&city).cloned().unwrap_or_default();
        let has_strategy = standing.is_some_and(|s| s.strategy.is_some());
        let mut objectives: Vec<Objective> = Vec::new();
        let draft = match c.strategy.first() {
            Some(s) => {
                objectives = s
                    .objectives
                    .iter()
                    .enumerate()
                    .map(|(i, text)| Objective {
                        id: id("objective", &format!("{}:{i}", c.key)).into(),
                        text: text.clone(),
                    })
                    .collect();
                let mut evidence = s.evidence.clone();
                evidence.push(format!("Source: {}", s.source));
                Some(StrategyDraft {
                    vision: s.vision.clone(),
                    horizon: s.horizon.clone(),
                    objectives: objectives.clone(),
                    challenges: s.challenges.clone(),
                    opportunities: s.opportunities.clone(),
                    themes: s.themes.clone(),
                    stakeholders: stakeholders.clone(),
                    evidence,
                    adopted_on: s.adopted_on,
                })
            }
            None if needs.aim.contains(&c.key) => {
                let themes = if c.areas.is_empty() {
                    vec![Area::EconomyTrade]
                } else {
                    c.areas.clone()
                };
                objectives = vec![Objective {
                    id: id("objective", &format!("{}:filler", c.key)).into(),
                    text: format!(
                        "{FILLER} build lasting cooperation with partner cities in the city's areas \
                         of interest."
                    ),
                }];
                Some(StrategyDraft {
                    vision: format!(
                        "{FILLER} {} seeks international partnerships that serve its own \
                         development (the sources document no strategy).",
                        c.name
                    ),
                    horizon: None,
                    objectives: objectives.clone(),
                    challenges: Vec::new(),
                    opportunities: Vec::new(),
                    themes,
                    stakeholders: stakeholders.clone(),
                    evidence: Vec::new(),
                    adopted_on: None,
                })
            }
            None => None,
        };
        if let Some(draft) = draft
            && !has_strategy
        {
            store
                .record_strategy(sx.actor(city)?, draft)
                .await
                .with_context(|| format!("recording the strategy of {}", c.key))?;
        }
        if let Some(on) = needs.commit.get(&c.key)
            && standing.is_none_or(|s| s.commitment.is_none())
        {
            let role = sx.lead_stakeholder(city)?;
            let team = data
                .accounts
                .iter()
                .find(|a| a.role == Role::Editor && a.city.as_deref() == Some(c.key.as_str()))
                .map_or_else(
                    || format!("{} international relations team", c.name),
                    |a| a.name.clone(),
                );
            let draft = CommitmentDraft {
                political: Some(PoliticalCommitment {
                    body: format!("{} council", c.name),
                    on: Some(*on),
                    reference: format!("{FILLER} no commitment decision is documented"),
                }),
                priorities: objectives
                    .iter()
                    .map(|o| Priority {
                        text: format!(
                            "{FILLER} pursue this objective through city-to-city partnerships."
                        ),
                        objective: Some(o.id),
                    })
                    .collect(),
                roles: vec![StakeholderRole {
                    stakeholder: role,
                    role: "Coordinates the city's international partnerships".into(),
                    responsibilities: format!("{FILLER} roles are not documented."),
                }],
                resources: vec![ResourceDraft {
                    kind: "STAFF".into(),
                    description: format!("{FILLER} staff time of the international team."),
                    amount: None,
                    currency: None,
                }],
                contact_team: Some(ContactTeam {
                    name: team,
                    members: Vec::new(),
                }),
                external_stakeholders: Vec::new(),
            };
            store
                .record_commitment(sx.actor(city)?, draft)
                .await
                .with_context(|| format!("recording the commitment of {}", c.key))?;
        }
    }
    log("stakeholders, accounts, strategies and commitments in place".into());

    // Partnerships: every one that is not a spin-off, a few at a time (each
    // is its own story), then the spin-offs one by one (each spawn is a move
    // of its origin, dated after the origin's last one).
    let roots: Vec<&PartnershipData> = data
        .partnerships
        .iter()
        .filter(|p| p.origin.is_none())
        .collect();
    let mut children: Vec<&PartnershipData> = data
        .partnerships
        .iter()
        .filter(|p| p.origin.is_some())
        .collect();
    children.sort_by_key(|p| walks.get(&p.key).map(|w| w.start));
    let total = roots.len() + children.len();
    let mut done = 0;
    // SQLite has one writer at a time: more stories at once only queue.
    let parallel = match store.backend() {
        c2c_store::DbBackend::Postgres => CONCURRENCY,
        _ => 1,
    };
    for (group, parallel) in [(roots, parallel), (children, 1)] {
        let mut stories = futures_util::stream::iter(group)
            .map(|p| one(&sx, &walks, p))
            .buffer_unordered(parallel);
        while let Some(written) = stories.next().await {
            match written? {
                Some(Written { commands, fillers }) => {
                    seeded.commands += commands;
                    seeded.fillers += fillers;
                    seeded.partnerships_added += 1;
                }
                None => seeded.partnerships_skipped += 1,
            }
            done += 1;
            if done % 10 == 0 || done == total {
                log(format!(
                    "partnerships: {done}/{total} ({} added, {} already there) after {:.1} s",
                    seeded.partnerships_added,
                    seeded.partnerships_skipped,
                    began.elapsed().as_secs_f64()
                ));
            }
        }
    }
    if seeded.partnerships_added + seeded.partnerships_skipped != total {
        bail!("not every partnership was seeded");
    }
    seeded.seconds = began.elapsed().as_secs_f64();
    Ok(seeded)
}
