//! The harness of the end-to-end suite: the real gateway on a free port over
//! real HTTP, on a database of its own (PostgreSQL or SQLite), with three
//! cities and their accounts created through the API; GraphQL answers and
//! JSON helpers; the real `c2c` binary as a child process.

use c2c_domain::AccountId;
use c2c_gateway::Application;
use c2c_store::testing::TestDb;
use c2c_store::{Role, Store};
use serde_json::{Value, json};
use tokio::sync::oneshot;
use uuid::Uuid;

/// Which database a test runs on.
pub use c2c_store::testing::TestBackend as Backend;

/// A GraphQL answer.
#[derive(Debug, Clone)]
pub struct Gql {
    pub status: u16,
    pub data: Value,
    pub errors: Vec<Value>,
}

impl Gql {
    /// The data, after checking there is no error.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert!(
            self.errors.is_empty() && self.status == 200,
            "expected success, got HTTP {} with errors {:#}",
            self.status,
            Value::Array(self.errors.clone())
        );
        &self.data
    }

    /// The `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.errors
            .first()
            .and_then(|e| e.pointer("/extensions/code"))
            .and_then(Value::as_str)
    }

    /// The codes of the unmet criteria of a `TRANSITION_BLOCKED` error.
    /// The unmet criteria of a refused move, each checked: it names the
    /// mutations that meet it, and its message names no city by UUID (text
    /// in quotes is the users' own).
    #[track_caller]
    pub fn unmet_checked(&self) -> Vec<Value> {
        let list = self
            .errors
            .first()
            .and_then(|e| e.pointer("/extensions/unmet"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for u in &list {
            let fixed_by = u["fixedBy"].as_array().map(Vec::len).unwrap_or(0);
            assert!(fixed_by > 0, "no fixedBy: {u}");
            let message = u["message"].as_str().unwrap_or_default();
            assert!(!message.is_empty(), "no message: {u}");
            let unquoted: String = message.split('\'').step_by(2).collect();
            assert!(!has_uuid(&unquoted), "a UUID in {message}");
        }
        list
    }

    pub fn unmet(&self) -> Vec<String> {
        self.errors
            .first()
            .and_then(|e| e.pointer("/extensions/unmet"))
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|u| u.get("code").and_then(Value::as_str).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A city of the test, with its accounts' tokens.
#[derive(Debug, Clone)]
pub struct TestCity {
    pub id: String,
    pub name: String,
    pub editor: String,
    pub editor_account: String,
    pub viewer_account: String,
    pub viewer: String,
    pub stakeholder: String,
}

/// The gateway under test.
pub struct TestApp {
    pub address: String,
    pub db: TestDb,
    pub client: reqwest::Client,
    pub operator: String,
    pub expired: String,
    pub initiator: TestCity,
    pub counterpart: TestCity,
    pub unrelated: TestCity,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts a gateway on an open store and returns its address and a switch.
pub async fn serve(store: Store) -> (String, oneshot::Sender<()>) {
    let app = Application::build_with_store(store, "127.0.0.1:0", false)
        .await
        .expect("build the gateway");
    // The web app beside the API, as `c2c serve` mounts it.
    let web = c2c_web::router(
        c2c_web::WebState {
            store: app.store().clone(),
            on_change: app.change_hook(),
            downloads: app.download_hook(),
        },
        c2c_web::WebConfig::default(),
    );
    let app = app.mount(web);
    let address = format!("http://{}", app.local_addr().expect("an address"));
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    (address, stop)
}

impl TestApp {
    /// A gateway on a fresh database, with an operator, three cities (an
    /// initiator, a counterpart and an unrelated city) each with an editor, a
    /// viewer and a stakeholder, and an expired token.
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::on(TestDb::new(backend).await).await
    }

    /// Like [`TestApp::spawn`], on a database already made.
    pub async fn on(db: TestDb) -> TestApp {
        let store = db.store.clone();
        let operator = store
            .create_account(
                AccountId(Uuid::now_v7()),
                "Platform operator",
                Role::Operator,
                None,
            )
            .await
            .expect("operator");
        let (operator_token, _) = store
            .issue_token(operator.id, "e2e", None)
            .await
            .expect("operator token");
        let (address, stop) = serve(store.clone()).await;
        let mut app = TestApp {
            address,
            db,
            client: reqwest::Client::new(),
            operator: operator_token,
            expired: String::new(),
            initiator: empty_city(),
            counterpart: empty_city(),
            unrelated: empty_city(),
            stop: Some(stop),
        };
        app.initiator = app.city("Gothenburg", "SE", "Europe/Stockholm").await;
        app.counterpart = app.city("Shanghai", "CN", "Asia/Shanghai").await;
        app.unrelated = app.city("Łódź", "PL", "Europe/Warsaw").await;
        let account = app.initiator.editor_account.clone();
        let expiring = app
            .gql(
                &app.operator,
                "mutation($a: UUID!, $e: DateTime) { issueToken(accountId: $a, label: \"short\", expiresAt: $e) { secret } }",
                json!({ "a": account, "e": (chrono::Utc::now() + chrono::Duration::milliseconds(600)).to_rfc3339() }),
            )
            .await;
        app.expired = str_at(expiring.ok(), "/issueToken/secret");
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
        app
    }

    /// Creates a city, its editor and viewer accounts and their tokens, and a
    /// stakeholder, through the API.
    async fn city(&self, name: &str, country: &str, zone: &str) -> TestCity {
        let city = self
            .gql(
                &self.operator,
                "mutation($i: CityInput!) { createCity(input: $i) { id } }",
                json!({ "i": { "name": name, "country": country, "timeZone": zone, "areas": ["EDUCATION_RESEARCH"], "lookingForPartner": true } }),
            )
            .await;
        let id = str_at(city.ok(), "/createCity/id");
        let mut tokens = Vec::new();
        let mut accounts = Vec::new();
        for role in ["EDITOR", "VIEWER"] {
            let account = self
                .gql(
                    &self.operator,
                    "mutation($i: AccountInput!) { createAccount(input: $i) { id } }",
                    json!({ "i": { "name": format!("{name} {role}"), "role": role, "cityId": id } }),
                )
                .await;
            let account_id = str_at(account.ok(), "/createAccount/id");
            let token = self
                .gql(
                    &self.operator,
                    "mutation($a: UUID!) { issueToken(accountId: $a, label: \"e2e\") { secret } }",
                    json!({ "a": account_id }),
                )
                .await;
            tokens.push(str_at(token.ok(), "/issueToken/secret"));
            accounts.push(account_id);
        }
        let stakeholder = self
            .gql(
                &tokens[0],
                "mutation($c: UUID!, $i: StakeholderInput!) { addStakeholder(cityId: $c, input: $i) { id } }",
                json!({ "c": id, "i": { "name": format!("University of {name}"), "sector": "ACADEMIA", "involvement": "DELIVERER" } }),
            )
            .await;
        TestCity {
            id,
            name: name.to_owned(),
            editor: tokens[0].clone(),
            editor_account: accounts[0].clone(),
            viewer_account: accounts[1].clone(),
            viewer: tokens[1].clone(),
            stakeholder: str_at(stakeholder.ok(), "/addStakeholder/id"),
        }
    }

    /// Posts a raw body to `/graphql`.
    pub async fn post(
        &self,
        token: Option<&str>,
        body: reqwest::Body,
        content_type: &str,
    ) -> (u16, String) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.address))
            .header("content-type", content_type)
            .body(body);
        if let Some(t) = token {
            request = request.bearer_auth(t);
        }
        let response = request.send().await.expect("the gateway answers");
        let status = response.status().as_u16();
        (status, response.text().await.unwrap_or_default())
    }

    /// Runs a GraphQL operation with a token (an empty token sends none).
    pub async fn gql(&self, token: &str, query: &str, variables: Value) -> Gql {
        let body = json!({ "query": query, "variables": variables }).to_string();
        let (status, text) = self
            .post(
                (!token.is_empty()).then_some(token),
                body.into(),
                "application/json",
            )
            .await;
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|_| panic!("HTTP {status}: not JSON: {text}"));
        Gql {
            status,
            data: value.get("data").cloned().unwrap_or(Value::Null),
            errors: value
                .get("errors")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// The number of rows of a table.
    pub async fn count(&self, table: &str) -> i64 {
        self.db.count(table).await
    }
}

fn empty_city() -> TestCity {
    TestCity {
        id: String::new(),
        name: String::new(),
        editor: String::new(),
        editor_account: String::new(),
        viewer_account: String::new(),
        viewer: String::new(),
        stakeholder: String::new(),
    }
}

/// Whether a text holds something shaped like a UUID.
pub fn has_uuid(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(36).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == '-',
            _ => c.is_ascii_hexdigit(),
        })
    })
}

/// The string at a JSON pointer.
#[track_caller]
pub fn str_at(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer} in {v:#}"))
        .to_owned()
}

/// The integer at a JSON pointer.
#[track_caller]
pub fn int_at(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("no integer at {pointer} in {v:#}"))
}

/// The real `c2c` binary, quiet (`RUST_LOG=warn`) and stopped when dropped.
pub fn c2c() -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_c2c"));
    command.env("RUST_LOG", "warn").kill_on_drop(true);
    command
}

/// The address in the line `c2c serve` prints when it listens.
pub fn listening_address(line: &str) -> Option<String> {
    line.split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(str::to_owned)
}

/// The fields every mutation returning a partnership selects.
pub const P: &str = "id version step loop cycle status";

pub use c2c_store::on_both_backends;

/// Sends SIGTERM to a process (`group`: false) or to the process group it
/// leads (`group`: true), by the system call itself: procps-ng 4.0.2's
/// `kill -TERM -<pgid>` reads only the first digit of the group, so
/// `-12345` became `-1`, every process the caller may signal.
pub fn terminate(pid: u32, group: bool) {
    use nix::sys::signal::{Signal, kill, killpg};
    use nix::unistd::Pid;
    let pid = Pid::from_raw(i32::try_from(pid).expect("a process id"));
    let sent = if group {
        killpg(pid, Signal::SIGTERM)
    } else {
        kill(pid, Signal::SIGTERM)
    };
    sent.unwrap_or_else(|e| panic!("SIGTERM to {pid} (group: {group}): {e}"));
}
