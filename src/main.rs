//! The `c2c` binary: serve the GraphQL gateway, migrate the database, manage
//! tokens, print the schema, load the demo dataset.

use anyhow::{Context, Result, bail};
use c2c_demo::Contents;
use c2c_domain::AccountId;
use c2c_gateway::{Application, Config, Limits};
use c2c_store::{Role, Store};
use chrono::{Duration, Utc};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// c2c: a workflow engine for city-to-city partnerships.
#[derive(Debug, Parser)]
#[command(name = "c2c", version, about)]
struct Cli {
    /// The database: `sqlite://path` (created if absent) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://c2c.db",
        global = true
    )]
    database_url: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrates the database, then serves GraphQL (and GraphiQL at /graphiql).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "C2C_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Do not apply pending migrations at start.
        #[arg(long)]
        no_migrate: bool,
        /// On an empty database, load the demo dataset first (as `seed-demo`)
        /// and print the demo accounts' tokens and sign-in links.
        #[arg(long)]
        demo: bool,
        /// Browsers reach the web app over HTTPS (behind a proxy that ends
        /// TLS): its session cookie is then `Secure`.
        #[arg(long, env = "C2C_SECURE_COOKIES")]
        secure_cookies: bool,
        /// The longest a token minted through the API may live, in days (a
        /// token also expires no later than the token that minted it).
        #[arg(long, env = "C2C_TOKEN_MAX_DAYS", default_value_t = 365)]
        token_max_days: u32,
        /// The most GraphQL requests one account may have running at once;
        /// more are answered 429 `TOO_MANY_REQUESTS` at once.
        #[arg(long, env = "C2C_MAX_REQUESTS_PER_ACCOUNT", default_value_t = 8)]
        max_requests_per_account: usize,
        /// The most connections to PostgreSQL the server opens (default:
        /// eight per core, from 10 to 64).
        #[arg(long, env = "C2C_DB_POOL_SIZE")]
        db_pool_size: Option<u32>,
    },
    /// Loads the demo dataset (real EU–China partnerships) through the store's
    /// own operations; running it again adds nothing.
    SeedDemo,
    /// Applies the pending migrations (or shows them, or rolls all back).
    Migrate {
        /// Only show which migrations are applied and pending.
        #[arg(long)]
        status: bool,
        /// Roll every migration back (drops every table and its data).
        #[arg(long, requires = "yes")]
        down: bool,
        /// Confirms --down.
        #[arg(long)]
        yes: bool,
    },
    /// Creates and revokes API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Invites a colleague to the web app: prints a one-time link with which
    /// they choose a password and open their account.
    Invite {
        /// The e-mail they will sign in with.
        #[arg(long)]
        email: String,
        /// Their name.
        #[arg(long)]
        name: String,
        /// Their role: editor, viewer or operator.
        #[arg(long, default_value = "editor")]
        role: String,
        /// Their city (its name or identifier), for an editor or viewer.
        #[arg(long)]
        city: Option<String>,
        /// Days until the link expires.
        #[arg(long, default_value_t = 7)]
        expires_in_days: i64,
        /// The address people open the web app at.
        #[arg(long, env = "C2C_URL", default_value = "http://127.0.0.1:8080")]
        url: String,
    },
    /// Prints the GraphQL schema (SDL).
    Schema,
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Creates an operator account and a token for it (the first operator is
    /// created this way).
    Operator {
        /// The operator's name.
        #[arg(long)]
        name: String,
        /// Days until the token expires (default: never).
        #[arg(long)]
        expires_in_days: Option<i64>,
    },
    /// Creates a token for an existing account.
    Create {
        /// The account.
        #[arg(long)]
        account: uuid::Uuid,
        /// A label for people.
        #[arg(long, default_value = "")]
        label: String,
        /// Days until the token expires (default: never).
        #[arg(long)]
        expires_in_days: Option<i64>,
    },
    /// Revokes a token.
    Revoke {
        /// The token's identifier (not its secret).
        id: uuid::Uuid,
    },
    /// Lists the accounts and their tokens.
    List,
}

/// How the process writes what it has to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Logs {
    /// Log lines on stderr; what is for people on stdout, as text.
    Text,
    /// `C2C_LOG_FORMAT=json`: every line is a JSON object on stderr, what is
    /// for people included (an `info` event each).
    Json,
}

impl Logs {
    /// A line for people: stdout, or an event in JSON.
    #[allow(clippy::print_stdout)]
    fn say(self, text: &str) {
        for line in text.lines() {
            match self {
                Logs::Text => println!("{line}"),
                Logs::Json => tracing::info!("{}", line.trim()),
            }
        }
    }

    /// A line for people about something that took `seconds`: in JSON, the
    /// duration is a number of its own (`seconds`).
    #[allow(clippy::print_stdout)]
    fn say_timed(self, line: &str, seconds: f64) {
        match self {
            Logs::Text => println!("{line}"),
            Logs::Json => tracing::info!(seconds, "{line}"),
        }
    }

    /// A progress line: stderr, or an event in JSON.
    #[allow(clippy::print_stderr)]
    fn progress(self, line: &str) {
        match self {
            Logs::Text => eprintln!("  {line}"),
            Logs::Json => tracing::info!(target: "c2c_demo", "{line}"),
        }
    }

    /// The error that ends the process, once: its messages joined, each
    /// cause that merely repeats the one before left out, no backtrace.
    #[allow(clippy::print_stderr)]
    fn fail(self, error: &anyhow::Error) {
        let mut message = String::new();
        for cause in error.chain().map(ToString::to_string) {
            if message.contains(&cause) {
                continue;
            }
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&cause);
        }
        match self {
            Logs::Text => eprintln!("error: {message}"),
            Logs::Json => tracing::error!("{message}"),
        }
    }
}

fn init_logging() -> Logs {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a terminal: a log file or a collector gets plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    if std::env::var("C2C_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().flatten_event(true).init();
        // A panic is one JSON event too (and, like any error, no backtrace).
        std::panic::set_hook(Box::new(|info| {
            tracing::error!(panic = %info, "the process panicked");
        }));
        Logs::Json
    } else {
        builder.init();
        Logs::Text
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

fn expiry(days: Option<i64>) -> Result<Option<chrono::DateTime<Utc>>> {
    match days {
        None => Ok(None),
        Some(d) if d > 0 => Ok(Some(Utc::now() + Duration::days(d))),
        Some(d) => bail!("--expires-in-days must be positive, not {d}"),
    }
}

async fn open(url: &str) -> Result<Store> {
    let store = Store::connect(url)
        .await
        .with_context(|| format!("opening the database {}", c2c_store::redact(url)))?;
    store.migrate().await.context("migrating the database")?;
    Ok(store)
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let logs = init_logging();
    match run(cli, logs).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            logs.fail(&e);
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli, logs: Logs) -> Result<()> {
    let url = cli.database_url;
    match cli.command {
        Command::Serve {
            listen,
            no_migrate,
            demo,
            secure_cookies,
            token_max_days,
            max_requests_per_account,
            db_pool_size,
        } => {
            let web = c2c_web::WebConfig { secure_cookies };
            let limits = Limits {
                token_max_days,
                requests_per_account: max_requests_per_account,
            };
            let pool = db_pool_size.unwrap_or_else(c2c_store::default_pool_size);
            serve(url, listen, (no_migrate, demo, web, limits, pool), logs).await
        }
        Command::Migrate { status, down, yes } => migrate(&url, status, down && yes).await,
        Command::Token { command } => token(&open(&url).await?, command).await,
        Command::Invite {
            email,
            name,
            role,
            city,
            expires_in_days,
            url: base,
        } => {
            let store = open(&url).await?;
            let invitation = invitation(&store, email, name, &role, city, expires_in_days).await?;
            invite(&store, &invitation, &base).await
        }
        Command::Schema => {
            print_schema();
            Ok(())
        }
        Command::SeedDemo => {
            let store = open(&url).await?;
            if c2c_demo::contents(&store).await? == Contents::Other {
                bail!("{}", c2c_demo::refusal(&store.url()));
            }
            seed_demo(&store, logs).await
        }
    }
}

/// `serve`: the gateway until a shutdown signal (with `--demo`, the demo
/// loaded first into an empty database).
#[allow(clippy::print_stdout)]
async fn serve(
    url: String,
    listen: String,
    (no_migrate, demo, web_config, limits, pool_size): (
        bool,
        bool,
        c2c_web::WebConfig,
        Limits,
        u32,
    ),
    logs: Logs,
) -> Result<()> {
    if demo {
        serve_demo(&url, no_migrate, logs).await?;
    }
    let app = Application::build(Config {
        database_url: url,
        listen,
        migrate: !no_migrate,
        limits,
        pool_size,
    })
    .await
    .context("starting the gateway")?;
    let web = c2c_web::router(
        c2c_web::WebState {
            store: app.store().clone(),
            on_change: app.change_hook(),
            downloads: app.download_hook(),
        },
        web_config,
    );
    tokio::spawn(c2c_web::sweep_sessions(app.store().clone()));
    let app = app.mount(web);
    let addr = app.local_addr()?;
    match logs {
        Logs::Text => println!(
            "c2c listening on http://{addr} (the web app at /, GraphiQL at /graphiql, GraphQL at /graphql; database {})",
            app.store().url()
        ),
        Logs::Json => tracing::info!(
            address = %format!("http://{addr}"),
            web = %format!("http://{addr}/"),
            graphiql = %format!("http://{addr}/graphiql"),
            database = %app.store().url(),
            "c2c listening"
        ),
    }
    if demo {
        print_demo_links(app.store(), &format!("http://{addr}"), logs).await?;
    }
    std::io::stdout().flush()?;
    app.run_until_stopped(shutdown_signal()).await?;
    Ok(())
}

/// `migrate`: applies the pending migrations (or rolls every one back, or
/// only shows them), then lists them.
#[allow(clippy::print_stdout)]
async fn migrate(url: &str, status: bool, down: bool) -> Result<()> {
    let store = Store::connect(url)
        .await
        .with_context(|| format!("opening the database {}", c2c_store::redact(url)))?;
    if down {
        store.migrate_down_to_zero().await?;
        println!("rolled back every migration of {}", store.url());
    } else if !status {
        store.migrate().await?;
    }
    let (applied, pending) = store.migration_status().await?;
    for m in &applied {
        println!("applied  {m}");
    }
    for m in &pending {
        println!("pending  {m}");
    }
    Ok(())
}

/// `token …`: creates, revokes and lists API tokens.
#[allow(clippy::print_stdout)]
async fn token(store: &Store, command: TokenCommand) -> Result<()> {
    match command {
        TokenCommand::Operator {
            name,
            expires_in_days,
        } => {
            let expires = expiry(expires_in_days)?;
            let account = store
                .create_account(AccountId(uuid::Uuid::now_v7()), &name, Role::Operator, None)
                .await?;
            let (secret, token) = store
                .issue_token(account.id, "created by c2c token operator", expires)
                .await?;
            println!("operator account {} ({})", account.id, account.name);
            println!("token {} — shown once, keep it safe:", token.id);
            println!("{secret}");
            another_token(account.id.0);
        }
        TokenCommand::Create {
            account,
            label,
            expires_in_days,
        } => {
            let (secret, token) = store
                .issue_token(AccountId(account), &label, expiry(expires_in_days)?)
                .await?;
            println!(
                "token {} for account {account} — shown once, keep it safe:",
                token.id
            );
            println!("{secret}");
            another_token(account);
        }
        TokenCommand::Revoke { id } => {
            let token = store.revoke_token(id).await?;
            println!("token {} of account {} revoked", token.id, token.account);
        }
        TokenCommand::List => list_tokens(store).await?,
    }
    Ok(())
}

/// How to get another token when this one is lost (on stderr: stdout
/// ends with the secret, for scripts).
#[allow(clippy::print_stderr)]
fn another_token(account: uuid::Uuid) {
    eprintln!(
        "lost it? `c2c token create --account {account}` makes another \
         (`c2c token list` shows the accounts, `c2c token revoke ID` retires a token)"
    );
}

/// `token list`: every account and its tokens.
#[allow(clippy::print_stdout)]
async fn list_tokens(store: &Store) -> Result<()> {
    for a in store.accounts().await? {
        let city = a.city.map(|c| c.to_string()).unwrap_or_else(|| "-".into());
        println!("{} {:?} {} city={city}", a.id, a.role, a.name);
        for t in store.tokens(a.id).await? {
            let state = match (t.revoked_at, t.expires_at) {
                (Some(_), _) => "revoked".to_owned(),
                (None, Some(e)) if e <= Utc::now() => "expired".to_owned(),
                (None, Some(e)) => format!("expires {e}"),
                (None, None) => "no expiry".to_owned(),
            };
            println!("    token {} '{}' {state}", t.id, t.label);
        }
    }
    Ok(())
}

/// `schema`: the GraphQL schema (SDL).
#[allow(clippy::print_stdout)]
fn print_schema() {
    print!("{}", c2c_gateway::sdl());
}

/// Seeds the demo, progress on stderr, the summary and the accounts on stdout
/// (every line a JSON event with JSON logs).
#[allow(clippy::print_stdout, clippy::print_stderr)]
async fn seed_demo(store: &Store, logs: Logs) -> Result<()> {
    logs.progress(&format!("loading the demo dataset into {}", store.url()));
    let seeded = c2c_demo::seed(store, |line| logs.progress(&line)).await?;
    if seeded.partnerships_added == 0 && seeded.cities_added == 0 {
        logs.say_timed(
            &format!(
                "the demo is already loaded in {}: nothing added ({:.1} s)",
                store.url(),
                seeded.seconds
            ),
            seeded.seconds,
        );
    } else {
        logs.say_timed(
            &format!(
                "demo loaded into {} in {:.1} s: {} cities and {} partnerships added \
                 ({} commands, {} of them demo fillers; {} hidden loader accounts act for the cities)",
                store.url(),
                seeded.seconds,
                seeded.cities_added,
                seeded.partnerships_added,
                seeded.commands,
                seeded.fillers,
                seeded.loaders,
            ),
            seeded.seconds,
        );
    }
    logs.say(&c2c_demo::describe_summary(
        &c2c_demo::summary(store).await?,
    ));
    logs.say(&c2c_demo::describe_accounts(&seeded.accounts));
    std::io::stdout().flush()?;
    Ok(())
}

/// `serve --demo`: seeds an empty database; says how to get a token on one
/// that holds the demo; leaves any other database alone.
async fn serve_demo(url: &str, no_migrate: bool, logs: Logs) -> Result<()> {
    let store = if no_migrate {
        Store::connect(url)
            .await
            .with_context(|| format!("opening the database {}", c2c_store::redact(url)))?
    } else {
        open(url).await?
    };
    match c2c_demo::contents(&store).await? {
        Contents::Empty => seed_demo(&store, logs).await?,
        Contents::Demo => {
            logs.say(&format!("the demo is already loaded in {}", store.url()));
            logs.say(&c2c_demo::describe_accounts(
                &c2c_demo::accounts(&store).await?,
            ));
        }
        Contents::Other => {
            logs.progress(&format!(
                "not loading the demo: {}",
                c2c_demo::refusal(&store.url())
            ));
        }
    }
    std::io::stdout().flush()?;
    store.close().await?;
    Ok(())
}

/// The invitation the `invite` command describes, checked.
async fn invitation(
    store: &Store,
    email: String,
    name: String,
    role: &str,
    city: Option<String>,
    days: i64,
) -> Result<c2c_store::Invitation> {
    let role: Role = role
        .to_uppercase()
        .parse()
        .map_err(|_| anyhow::anyhow!("--role is editor, viewer or operator, not {role}"))?;
    let city = match city {
        None => None,
        Some(c) => Some(find_city(store, &c).await?),
    };
    let Some(expires_at) = expiry(Some(days))? else {
        bail!("--expires-in-days must be positive");
    };
    Ok(c2c_store::Invitation {
        email,
        name,
        role,
        city,
        invited_by: None,
        expires_at,
    })
}

/// A city by its identifier or its name (any of its names, any case).
async fn find_city(store: &Store, key: &str) -> Result<c2c_domain::CityId> {
    let cities = store.cities().await?;
    let key = key.trim();
    let found: Vec<_> = cities
        .iter()
        .filter(|c| {
            c.id.0.to_string() == key
                || c.name.eq_ignore_ascii_case(key)
                || c.other_names.iter().any(|n| n.eq_ignore_ascii_case(key))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.id),
        [] => bail!("no city is called {key}: give its name or identifier"),
        many => bail!(
            "{} cities are called {key}: give the identifier of one ({})",
            many.len(),
            many.iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `invite`: prints the invitation's link.
#[allow(clippy::print_stdout)]
async fn invite(store: &Store, invitation: &c2c_store::Invitation, base: &str) -> Result<()> {
    let secret = store.invite(invitation).await?;
    println!(
        "Send this link to {} ({}); it works once, until {}:",
        invitation.name,
        invitation.email,
        invitation.expires_at.format("%Y-%m-%d %H:%M UTC")
    );
    println!("  {}/invite/{secret}", base.trim_end_matches('/'));
    Ok(())
}

/// With `serve --demo`: a one-time sign-in link for each demo account.
#[allow(clippy::print_stdout)]
async fn print_demo_links(store: &Store, base: &str, logs: Logs) -> Result<()> {
    let accounts = c2c_demo::accounts(store).await?;
    let until = Utc::now() + Duration::days(7);
    if logs == Logs::Text {
        println!(
            "Sign in to the web app as a demo account: open its link (each works once, for 7 days; \
             `c2c serve --demo` again prints new ones):"
        );
    }
    for a in &accounts {
        let secret = store.sign_in_link(a.id, until).await?;
        let link = format!("{base}/signin/{secret}");
        let city = a.city.as_deref().unwrap_or_default();
        match logs {
            Logs::Text if city.is_empty() => println!("  {}: {link}", a.name),
            Logs::Text => println!("  {} ({city}): {link}", a.name),
            Logs::Json => {
                tracing::info!(account = %a.name, city, sign_in = %link, "demo sign-in link");
            }
        }
    }
    std::io::stdout().flush()?;
    Ok(())
}
