//! The server under load: the real `c2c serve` as a child process on a free
//! port, the tokens its clients send, the SQL statements it has run (from
//! its `/metrics`) and its peak memory (from `/proc`).

use anyhow::{Context, Result, bail};
use c2c_domain::{AccountId, CityId};
use c2c_store::{Role, Store};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use uuid::Uuid;

/// The `c2c` binary beside this one (both built by the same `cargo build`).
pub fn beside_this_binary() -> Result<PathBuf> {
    let me = std::env::current_exe()?;
    let c2c = me.with_file_name("c2c");
    if !c2c.exists() {
        bail!(
            "no c2c binary at {}: build it (cargo build --release) or pass --c2c",
            c2c.display()
        );
    }
    Ok(c2c)
}

/// A running `c2c serve`.
#[derive(Debug)]
pub struct Server {
    child: tokio::process::Child,
    /// Its address, `http://127.0.0.1:port`.
    pub address: String,
    http: reqwest::Client,
}

impl Server {
    /// Starts `c2c serve` on the database (no migration, no per-account
    /// limit that the load would meet; `C2C_DB_POOL_SIZE` passes through).
    pub async fn start(c2c: &Path, url: &str) -> Result<Server> {
        let mut child = tokio::process::Command::new(c2c)
            .args(["serve", "--listen", "127.0.0.1:0", "--no-migrate"])
            .env("C2C_MAX_REQUESTS_PER_ACCOUNT", "100000")
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", c2c.display()))?;
        let stdout = child.stdout.take().context("the server's output")?;
        let mut lines = BufReader::new(stdout).lines();
        let mut address = None;
        while let Some(line) = lines.next_line().await? {
            if let Some(a) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                address = Some(a.trim_end_matches('/').to_owned());
                break;
            }
        }
        let address = address.context("the server never said where it listens")?;
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Server {
            child,
            address,
            http: reqwest::Client::new(),
        })
    }

    /// The SQL statements the server has run since it started.
    pub async fn statements(&self) -> Result<u64> {
        let text = self
            .http
            .get(format!("{}/metrics", self.address))
            .send()
            .await?
            .text()
            .await?;
        text.lines()
            .find(|l| l.contains("sql_statements_total") && !l.starts_with('#'))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|v| v.parse::<f64>().ok())
            .map(|v| v as u64)
            .context("no sql_statements_total in /metrics")
    }

    /// The server's peak resident memory so far, in MiB.
    pub fn peak_rss_mib(&self) -> Option<f64> {
        let pid = self.child.id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let kib: f64 = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kib / 1024.0)
    }
}

/// Tokens for the load: an operator's, and one editor's per city.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The operator's.
    pub operator: String,
    editors: HashMap<Uuid, String>,
}

impl Tokens {
    /// An operator's token, and one for an editor of each of `cities`.
    pub async fn issue(url: &str, cities: impl IntoIterator<Item = Uuid>) -> Result<Tokens> {
        let store = Store::connect(url).await?;
        let operator = account(&store, Role::Operator, None).await?;
        let mut editors = HashMap::new();
        for city in cities {
            if let std::collections::hash_map::Entry::Vacant(e) = editors.entry(city) {
                e.insert(account(&store, Role::Editor, Some(city)).await?);
            }
        }
        Ok(Tokens { operator, editors })
    }

    /// The token of an editor of `city`.
    pub fn editor(&self, city: Uuid) -> &str {
        self.editors.get(&city).map_or("", String::as_str)
    }
}

async fn account(store: &Store, role: Role, city: Option<Uuid>) -> Result<String> {
    let account = store
        .create_account(
            AccountId(Uuid::now_v7()),
            "Benchmark",
            role,
            city.map(CityId),
        )
        .await?;
    Ok(store.issue_token(account.id, "benchmark", None).await?.0)
}
