//! c2c-demo: the demo dataset (`demo/platform.toml`: real EU–China
//! partnerships restated from the URBAN-EU-CHINA sources), embedded in the
//! crate, and its loader, `c2c seed-demo`.
//!
//! The loader goes through the same store operations as the API
//! (`create_city`, `add_stakeholder`, `create_account`, `issue_token`,
//! `record_strategy`, `record_commitment`, `start_with_id`, `spawn_with_id`,
//! `execute`), so every output passes the domain's checks and every move is in
//! the history. It never writes SQL.
//!
//! The modules depend one way: `seed` → `story` → `plan` → `data`, and all
//! of them on the leaves `context` and `common`.
//!
//! - `data`: the file's types (unknown fields are errors) and its checks;
//! - `plan`: each partnership's story as a walk: start, cycles, stops, dates
//!   (pure: no I/O, no clock);
//! - `story`: one partnership driven through its walk, with the fillers
//!   (marked "Demo filler, not from the sources: …") that the sources leave
//!   out, by step family;
//! - `seed`: the driver, idempotent by deterministic identifiers (UUID v5),
//!   in phases (cities, accounts, standing, partnerships);
//! - `context`: what a story has at hand (store, data, who acts for a city);
//!   `common`: identifiers, dates, the filler mark;
//! - `contents`, `summary`: what a database holds, and the lines printed
//!   for people.
//!
//! Accounts: the file's demo accounts (an operator, city editors, a viewer)
//! get a token when they are created. A city's moves and outputs are recorded
//! by its demo editor when the file has one (Gothenburg, Shanghai, Birmingham,
//! Nanjing, Łódź, Chengdu), otherwise by a hidden editor account of its own,
//! "Demo loader for <city>", which never gets a token.
//!
//! This crate depends on the domain and the store only; it never writes SQL
//! and reads no file at run time.

mod common;
mod contents;
mod context;
mod data;
mod plan;
mod seed;
mod story;
mod summary;

pub use common::FILLER;
pub use contents::{Contents, accounts, contents, refusal};
pub use data::DATA;
pub use seed::{DemoAccount, Seeded, seed};
pub use summary::{Summary, describe_accounts, describe_summary, summary};
