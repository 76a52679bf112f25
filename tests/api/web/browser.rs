//! A real browser for the web tests: Debian's Chromium, headless, driven over
//! WebDriver by `chromedriver` (one per browser, on a free port), through
//! `fantoccini`. When Chromium or chromedriver is missing the test fails with
//! what to install; it never passes without a browser.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::LazyLock;
use std::time::Duration;
use tokio::process::{Child, Command};
use tokio::sync::Semaphore;

/// At most three browsers at once: the machines have two cores, and so run two
/// tests at a time, each of which holds two browsers at most (one per city).
/// Two would let two tests each hold one and wait for the other's forever.
static BROWSERS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(3));

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// axe-core, from the pinned package the tests install (`scripts/ensure-axe`).
static AXE: LazyLock<String> = LazyLock::new(|| {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tools/axe-core/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "axe-core is missing at {}: run scripts/ensure-axe",
            path.display()
        )
    })
});
const CHROMIUM: &str = "/usr/bin/chromium";

/// A browser session against one server.
pub struct Browser {
    pub client: Client,
    base: String,
    _driver: Child,
    _profile: tempfile::TempDir,
    _permit: tokio::sync::SemaphorePermit<'static>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn capabilities(profile: &str, lang: &str, width: u32) -> serde_json::Map<String, Value> {
    let args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-extensions".to_owned(),
        format!("--window-size={width},1000"),
        format!("--lang={lang}"),
        format!("--user-data-dir={profile}"),
    ];
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": args,
            "prefs": { "intl.accept_languages": lang }
        }
    });
    match caps {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

impl Browser {
    /// A new browser on `base` (the server's address), asking for pages in
    /// `lang` (`en`, `zh-CN`), with a window `width` pixels wide.
    pub async fn open(base: &str, lang: &str, width: u32) -> Browser {
        assert!(
            std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists(),
            "the web tests need Chromium and chromedriver: apt-get install -y chromium chromium-driver"
        );
        let permit = BROWSERS.acquire().await.expect("the browser semaphore");
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("a browser profile directory");
        let caps = capabilities(&profile.path().to_string_lossy(), lang, width);
        let url = format!("http://127.0.0.1:{port}");
        let mut client = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Browser {
            client: client.expect("chromedriver answers and starts Chromium"),
            base: base.to_owned(),
            _driver: driver,
            _profile: profile,
            _permit: permit,
        }
    }

    /// Opens a path of the server.
    pub async fn goto(&self, path: &str) {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        };
        self.client.goto(&url).await.expect("navigate");
    }

    /// The current URL's path and query.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// The visible text of the page.
    pub async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a body")
            .text()
            .await
            .expect("its text")
    }

    /// Types into a field (by its `name` or CSS selector), replacing its value.
    pub async fn fill(&self, field: &str, value: &str) {
        let e = self.field(field).await;
        e.clear().await.expect("clear the field");
        e.send_keys(value).await.expect("type into the field");
    }

    /// Sets a date field (`YYYY-MM-DD`): date inputs take typed keys in the
    /// locale's order, so the value is set as a user's date picker would.
    pub async fn date(&self, field: &str, value: &str) {
        let e = self.field(field).await;
        self.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                vec![serde_json::to_value(&e).expect("an element"), json!(value)],
            )
            .await
            .expect("set the date");
    }

    /// Chooses an option of a select by its value.
    pub async fn choose(&self, field: &str, value: &str) {
        let e = self.field(field).await;
        e.select_by_value(value).await.expect("choose the option");
    }

    /// Chooses an option of a select by its position (0 is the first).
    pub async fn choose_index(&self, field: &str, index: usize) {
        let e = self.field(field).await;
        e.select_by_index(index).await.expect("choose the option");
    }

    /// Ticks a radio button or checkbox by name and value.
    pub async fn tick(&self, name: &str, value: &str) {
        self.click(&format!("input[name=\"{name}\"][value=\"{value}\"]"))
            .await;
    }

    /// Clicks an element by CSS selector.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css} on {}: {e}", self.base))
            .click()
            .await
            .expect("click");
    }

    /// Clicks every element a CSS selector finds.
    pub async fn click_all(&self, css: &str) {
        for e in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("the elements")
        {
            e.click().await.expect("click");
        }
    }

    /// Clicks a link by its text and waits for the page it opens.
    pub async fn follow(&self, text: &str) {
        self.mark().await;
        self.client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link \"{text}\": {e}"))
            .click()
            .await
            .expect("follow the link");
        self.loaded().await;
    }

    /// Clicks the first link whose address ends with `suffix` and waits for
    /// the page it opens.
    pub async fn follow_to(&self, suffix: &str) {
        self.press(&format!("main a[href$=\"{suffix}\"]")).await;
    }

    /// Clicks a button (by CSS selector) and waits for the page it opens.
    pub async fn press(&self, css: &str) {
        self.mark().await;
        self.click(css).await;
        self.loaded().await;
    }

    /// Submits the page's main form (its submit button) and waits for the
    /// answer.
    pub async fn submit(&self) {
        self.press("main form button[type=submit]").await;
    }

    /// Marks the current document, so that [`Browser::loaded`] can tell a new
    /// one from it (even at the same URL).
    async fn mark(&self) {
        self.client
            .execute("window.__c2cOld = true;", vec![])
            .await
            .expect("mark the page");
    }

    /// Waits until a new document has replaced the marked one and loaded.
    async fn loaded(&self) {
        for _ in 0..200 {
            let done = self
                .client
                .execute(
                    "return window.__c2cOld === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page did not load within 10 s");
    }

    async fn field(&self, field: &str) -> fantoccini::elements::Element {
        let css = if field.contains(['[', '#', '.', ' ']) {
            field.to_owned()
        } else {
            format!("[name=\"{field}\"]")
        };
        self.client
            .find(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"))
    }

    /// Saves a screenshot under `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("the screenshot directory");
        let png = self.client.screenshot().await.expect("a screenshot");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("save the screenshot");
        path
    }

    /// Every URL the page loaded (itself, styles, scripts, images) that is
    /// not on the server.
    pub async fn foreign_requests(&self) -> Vec<String> {
        let urls = self
            .client
            .execute(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));",
                vec![],
            )
            .await
            .expect("the page's requests");
        urls.as_array()
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .filter(|u| !u.starts_with(&self.base))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The serious and critical accessibility violations of the page, as
    /// axe-core (injected from `tools/axe-core`) reports them.
    pub async fn axe(&self) -> Vec<String> {
        self.client
            .execute(&AXE, vec![])
            .await
            .expect("inject axe-core");
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] })\
                   .then(r => done(r.violations\
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')\
                     .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))\
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        found
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Presses Tab until the focused element's text is `text` (at most
    /// `limit` times), then Enter: what a keyboard user does.
    pub async fn tab_to_and_enter(&self, text: &str, limit: usize) {
        for _ in 0..limit {
            self.client
                .active_element()
                .await
                .expect("a focused element")
                .send_keys(fantoccini::key::Key::Tab.to_string().as_str())
                .await
                .expect("press Tab");
            let focused = self
                .client
                .active_element()
                .await
                .expect("a focused element")
                .text()
                .await
                .unwrap_or_default();
            if focused.trim() == text {
                self.mark().await;
                self.client
                    .active_element()
                    .await
                    .expect("a focused element")
                    .send_keys(fantoccini::key::Key::Enter.to_string().as_str())
                    .await
                    .expect("press Enter");
                self.loaded().await;
                return;
            }
        }
        panic!("Tab never reached \"{text}\"");
    }

    /// The addresses of the page's links that start with `prefix`.
    pub async fn links(&self, prefix: &str) -> Vec<String> {
        let found = self
            .client
            .execute(
                "return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))\
                   .filter(h => h && h.startsWith(arguments[0]) && !h.includes('#'));",
                vec![json!(prefix)],
            )
            .await
            .expect("the page's links");
        found
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Runs a script in the page with arguments; its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("the script failed: {e}"))
    }

    /// Runs a script that calls its last argument when done; the value it
    /// passes.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|e| panic!("the script failed: {e}"))
    }

    /// Ends the session.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
