//! The table `run` prints.

use crate::drive::Outcome;
use std::time::Duration;

/// One workload's figures: c2c's, and the hand-written SQL's when there is
/// such a side.
#[derive(Debug)]
pub struct Line {
    /// `W1`…
    pub name: &'static str,
    /// What it does.
    pub what: &'static str,
    /// c2c over HTTP.
    pub c2c: Outcome,
    /// c2c's SQL statements per operation.
    pub c2c_statements: f64,
    /// The same work in hand-written SQL.
    pub sql: Option<(Outcome, f64)>,
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

/// Prints the table, then any errors.
pub fn print(lines: &[Line], clients: usize, seconds: u64, peak_rss: Option<f64>) {
    println!();
    println!("{clients} clients, {seconds} s per workload and side; latencies in ms");
    println!();
    println!("| workload | side | ops/s | p50 | p95 | p99 | statements/op | c2c / SQL |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for l in lines {
        let ratio = l
            .sql
            .as_ref()
            .map(|(s, _)| format!("{:.2}×", l.c2c.rate() / s.rate().max(1e-9)))
            .unwrap_or_default();
        row(l.name, l.what, "c2c", &l.c2c, l.c2c_statements, &ratio);
        if let Some((s, statements)) = &l.sql {
            row(l.name, l.what, "hand-written SQL", s, *statements, "");
        }
    }
    if let Some(mib) = peak_rss {
        println!();
        println!("c2c serve peak RSS: {mib:.0} MiB");
    }
    for l in lines {
        let sides = std::iter::once(("c2c", &l.c2c)).chain(l.sql.as_ref().map(|(s, _)| ("SQL", s)));
        for (side, o) in sides {
            if let Some(e) = &o.first_error {
                println!("{} {side}: {} errors; the first: {e}", l.name, o.errors);
            }
        }
    }
}

fn row(name: &str, what: &str, side: &str, o: &Outcome, statements: f64, ratio: &str) {
    println!(
        "| {name} {what} | {side} | {:.0} | {} | {} | {} | {statements:.1} | {ratio} |",
        o.rate(),
        ms(o.quantile(0.5)),
        ms(o.quantile(0.95)),
        ms(o.quantile(0.99)),
    );
}
