//! `c2c-bench`: fills a PostgreSQL database with a platform of a chosen size
//! (`generate`), then drives the real `c2c serve` over HTTP with N clients
//! for a fixed time, and the same work in hand-written SQL through a plain
//! pool, and prints one table (`run`). See `docs/PERFORMANCE.md`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod drive;
mod generate;
mod handwritten;
mod report;
mod server;
mod targets;
mod workload;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The PostgreSQL database to fill and measure (dropped and created
    /// again by `generate`).
    #[arg(
        long,
        env = "C2C_BENCH_DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/c2c_bench"
    )]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Creates the database afresh: the demo platform (every step, loop and
    /// status, with outputs, measurements and histories) through c2c's own
    /// operations, then copies of its partnerships up to the size asked.
    Generate {
        /// About how many partnerships (the demo's 128, times a whole number).
        #[arg(long, default_value_t = 10_000)]
        partnerships: u64,
    },
    /// Runs the workloads against `c2c serve` and in hand-written SQL.
    Run {
        /// Clients sending at once.
        #[arg(long, default_value_t = 32)]
        clients: usize,
        /// Seconds each workload runs, on each side.
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// The `c2c` binary to serve (default: the one beside this one).
        #[arg(long)]
        c2c: Option<PathBuf>,
        /// The workloads, among W1 (KPI capture), W2 (guarded moves), W3
        /// (a nested page of 50), W4 (operator analytics).
        #[arg(long, value_delimiter = ',', default_value = "W1,W2,W3,W4")]
        workloads: Vec<workload::Workload>,
    },
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate { partnerships } => {
            generate::generate(&cli.database_url, partnerships).await
        }
        Command::Run {
            clients,
            seconds,
            c2c,
            workloads,
        } => {
            let c2c = match c2c {
                Some(path) => path,
                None => server::beside_this_binary()?,
            };
            let plan = workload::Plan {
                clients,
                seconds,
                workloads,
            };
            workload::run(&cli.database_url, &c2c, &plan).await
        }
    }
}
