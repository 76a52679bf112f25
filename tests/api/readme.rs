//! The README's quick start, run as a newcomer would, from an empty
//! directory: `cargo install --path .`, then the README's commands as
//! written, by bash, with the installed `c2c` first on the PATH — `c2c serve
//! --demo` (SQLite in the working directory, no database server), the curl
//! example with `$C2C_URL` and the OPERATOR token it printed — then every
//! GraphQL example with the token it names, compared with the answer the
//! README shows.
//!
//! The install is `cargo install --path . --debug --root <tmp>` into the
//! target directory of this test build, so that it reuses the build: the
//! release build the README's `cargo install --path .` makes takes too long
//! for CI's two cores. Only the port differs from what a reader gets:
//! `C2C_LISTEN=127.0.0.1:0` in the environment picks a free one, and
//! `$C2C_URL` says where it is, as the README's curl example expects.

use crate::helpers::listening_address;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

const README: &str = include_str!("../../README.md");
/// An example: the token it runs with, the document, the answer shown.
struct Example {
    token: String,
    query: String,
    answer: Value,
}

/// The text of the first fenced block of `lang` after `from`, and where it ends.
fn block(text: &str, from: usize, lang: &str) -> (String, usize) {
    let fence = format!("```{lang}\n");
    let start = text[from..]
        .find(&fence)
        .map(|i| from + i + fence.len())
        .expect("a fenced block");
    let end = text[start..]
        .find("\n```")
        .map(|i| start + i)
        .expect("the end of the block");
    (text[start..end].to_owned(), end)
}

fn examples() -> Vec<Example> {
    let marker = "<!-- example: as ";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = README[at..].find(marker) {
        let name_start = at + i + marker.len();
        let name_end = name_start + README[name_start..].find(" -->").expect("a closed marker");
        let (query, after_query) = block(README, name_end, "graphql");
        let (answer, after_answer) = block(README, after_query, "json");
        out.push(Example {
            token: README[name_start..name_end].to_owned(),
            query,
            answer: serde_json::from_str(&answer).expect("the README's answer is JSON"),
        });
        at = after_answer;
    }
    out
}

/// The `sh` blocks of the README's quick start.
fn quick_start() -> Vec<String> {
    let start = README.find("## Quick start").expect("a quick start");
    let end = start + 3 + README[start + 3..].find("\n## ").expect("a next section");
    let section = &README[..end];
    let mut blocks = Vec::new();
    let mut at = start;
    while let Some(i) = section[at..].find("```sh\n") {
        let (text, after) = block(section, at + i, "sh");
        blocks.push(text);
        at = after;
    }
    blocks
}

/// `cargo install --path . --debug` into `root`, reusing this build.
async fn install(root: &Path) -> PathBuf {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_c2c"));
    let target = exe
        .parent()
        .and_then(Path::parent)
        .expect("the target directory of the test build");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = tokio::process::Command::new(cargo)
        .args(["install", "--path", ".", "--debug", "--locked", "--root"])
        .arg(root)
        .arg("--target-dir")
        .arg(target)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .await
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo install failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("bin")
}

/// Runs a README block with bash in `dir`, the installed `c2c` first on the
/// PATH, in a process group of its own (so that it can be stopped whole).
fn bash(block: &str, dir: &Path, bin: &Path) -> tokio::process::Command {
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = tokio::process::Command::new("bash");
    command
        .args(["-euc", block])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("DATABASE_URL")
        .env_remove("C2C_URL")
        .env("RUST_LOG", "warn")
        .process_group(0)
        .kill_on_drop(true);
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_quick_start_works_as_written_from_an_empty_directory() {
    let examples = examples();
    assert_eq!(examples.len(), 8, "the README's examples");
    let blocks = quick_start();
    assert_eq!(blocks.len(), 3, "install, serve, curl: {blocks:?}");
    assert_eq!(
        blocks[0].trim(),
        "cargo install --path .",
        "the README's first command"
    );
    assert!(blocks[1].contains("c2c serve --demo"), "{}", blocks[1]);
    assert!(blocks[2].contains("$C2C_URL/graphql"), "{}", blocks[2]);

    let dir = std::env::temp_dir().join(format!("c2c-readme-{}", uuid::Uuid::new_v4().simple()));
    let home = dir.join("empty");
    std::fs::create_dir_all(&home).unwrap();
    let bin = install(&dir.join("root")).await;
    assert!(bin.join("c2c").exists());

    let mut serve = bash(&blocks[1], &home, &bin)
        .env("C2C_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let group = serve.id().unwrap();
    let mut lines = BufReader::new(serve.stdout.take().unwrap()).lines();
    // The demo accounts: a heading `ROLE name (City)`, then `account …`, then
    // `token …`; the operator is OPERATOR, the others their city in capitals.
    let mut tokens: HashMap<String, String> = HashMap::new();
    let mut current = String::new();
    let address = loop {
        let line = tokio::time::timeout(Duration::from_secs(240), lines.next_line())
            .await
            .expect("c2c serve --demo loads the demo within 4 minutes")
            .unwrap()
            .expect("c2c serve --demo keeps running");
        let trimmed = line.trim();
        if trimmed.starts_with("OPERATOR ") {
            current = "OPERATOR".into();
        } else if trimmed.starts_with("EDITOR ") || trimmed.starts_with("VIEWER ") {
            let city = trimmed
                .rsplit_once('(')
                .map(|(_, c)| c.trim_end_matches(')'))
                .unwrap_or_default();
            current = city.to_uppercase();
        } else if let Some(token) = trimmed.strip_prefix("token") {
            tokens.insert(current.clone(), token.trim().to_owned());
        } else if trimmed.starts_with("c2c listening on ") {
            break listening_address(trimmed).unwrap();
        }
    };
    assert!(
        home.join("c2c-demo").join("c2c.db").exists(),
        "the database is a file in the directory the README goes to"
    );

    // The web app, as the README opens it: the link printed for Birmingham's
    // international team signs in and shows its board with Nanjing on it.
    let birmingham = loop {
        let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("c2c serve --demo prints the sign-in links")
            .unwrap()
            .expect("c2c serve --demo keeps running");
        if let Some((_, link)) = line
            .trim()
            .split_once("Birmingham international team (Birmingham): ")
        {
            break link.to_owned();
        }
    };
    let web = crate::web::open_browser(&address, "en").await;
    web.goto(&birmingham).await;
    web.submit().await;
    assert_eq!(
        web.path().await,
        "/",
        "the link signs in and leads to the board"
    );
    let board = web.text().await;
    assert!(
        board.contains("Nanjing"),
        "Birmingham's board shows Nanjing: {board}"
    );
    web.screenshot("readme-board-en").await;
    web.follow("Nanjing").await;
    web.screenshot("readme-partnership-en").await;
    web.follow("中文").await;
    web.screenshot("readme-partnership-zh").await;
    web.goto("/").await;
    web.screenshot("readme-board-zh").await;
    web.close().await;

    // The curl example, as written, with the OPERATOR token it printed.
    let operator = tokens.get("OPERATOR").expect("an OPERATOR token");
    let curl = blocks[2].replace("c2c_…", operator);
    let out = bash(&curl, &home, &bin)
        .env("C2C_URL", &address)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("curl printed {}", String::from_utf8_lossy(&out.stdout)));
    assert!(
        answer["data"]["platform"]["stepFunnel"]
            .as_array()
            .is_some_and(|rows| rows.len() > 10),
        "{answer}"
    );

    let client = reqwest::Client::new();
    for (n, example) in examples.iter().enumerate() {
        let token = tokens
            .get(&example.token)
            .unwrap_or_else(|| panic!("serve --demo printed no token for {}", example.token));
        let answer: Value = client
            .post(format!("{address}/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": example.query }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            answer,
            example.answer,
            "README example {} (as {}) answers differently:\n{answer:#}",
            n + 1,
            example.token
        );
    }
    crate::helpers::terminate(group, true);
    let _ = tokio::time::timeout(Duration::from_secs(15), serve.wait()).await;
    let _ = std::fs::remove_dir_all(&dir);
}
