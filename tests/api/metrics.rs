//! `/metrics`: Prometheus text by default, OpenMetrics when the scraper
//! prefers it; `promtool check metrics` finds nothing to say; the process,
//! build, pool and per-operation latency metrics are there.

use crate::helpers::{TestApp, on_both_backends};
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

/// `promtool`: `$C2C_PROMTOOL`, or the one on the PATH. `scripts/test`
/// sets `C2C_PROMTOOL` (`scripts/ensure-promtool` unpacks the pinned one).
fn promtool() -> String {
    if let Some(path) = std::env::var_os("C2C_PROMTOOL") {
        return path.to_string_lossy().into_owned();
    }
    let on_path = Command::new("promtool").arg("--version").output();
    assert!(
        on_path.is_ok_and(|o| o.status.success()),
        "promtool is needed to check /metrics: run `scripts/test`, or set C2C_PROMTOOL=$(scripts/ensure-promtool)"
    );
    "promtool".to_owned()
}

/// `promtool check metrics` of a scrape: its exit status and what it said.
fn check_metrics(scrape: &str) -> (bool, String) {
    let mut child = Command::new(promtool())
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(scrape.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

async fn scrape(app: &TestApp, accept: Option<&str>) -> (String, String) {
    let mut request = app.client.get(format!("{}/metrics", app.address));
    if let Some(a) = accept {
        request = request.header("accept", a);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    (content_type, response.text().await.unwrap())
}

/// The value of the sample that starts with `prefix` (name and labels).
fn sample(scrape: &str, prefix: &str) -> f64 {
    scrape
        .lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no sample {prefix} in\n{scrape}"))
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn metrics_pass_promtool_and_tell_process_build_pool_and_operation_latency(app) {
        app.gql(&app.operator, "query Me { me { account { role } } }", json!({})).await.ok();
        app.gql(&app.operator, "{ me { account { role } } }", json!({})).await.ok();
        app.gql(&app.operator, "{ nothingHere }", json!({})).await;
        app.gql("", "{ me { account { role } } }", json!({})).await;

        let (content_type, text) = scrape(&app, None).await;
        assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
        let (ok, said) = check_metrics(&text);
        assert!(ok && said.trim().is_empty(), "promtool check metrics:\n{said}\n{text}");

        // Every family has its help and type; counters are counters.
        for family in text.lines().filter_map(|l| l.strip_prefix("# TYPE ")) {
            let name = family.split(' ').next().unwrap();
            assert!(text.contains(&format!("# HELP {name} ")), "{name} has no help");
        }
        for counter in ["c2c_sql_statements_total", "c2c_http_requests_total", "c2c_graphql_errors_total", "process_cpu_seconds_total"] {
            assert!(text.contains(&format!("# TYPE {counter} counter")), "{counter}\n{text}");
        }
        assert!(sample(&text, "c2c_sql_statements_total ") > 0.0);
        assert!(text.contains("c2c_http_requests_total{path=\"/graphql\",status=\"200\"}"), "{text}");
        assert!(text.contains("c2c_http_requests_total{path=\"/graphql\",status=\"401\"}"));
        assert!(text.contains("c2c_graphql_errors_total{code=\"UNAUTHENTICATED\"}"));
        assert_eq!(sample(&text, &format!("c2c_build_info{{version=\"{}\"}}", env!("CARGO_PKG_VERSION"))), 1.0);
        // The process, from /proc/self.
        assert!(sample(&text, "process_resident_memory_bytes ") > 1e6);
        assert!(sample(&text, "process_open_fds ") > 0.0);
        assert!(sample(&text, "process_cpu_seconds_total ") > 0.0);
        assert!(sample(&text, "process_start_time_seconds ") > 1.7e9);
        // The pool: open connections, of which some idle, within the maximum.
        let open = sample(&text, "c2c_db_pool_connections ");
        let idle = sample(&text, "c2c_db_pool_idle_connections ");
        let max = sample(&text, "c2c_db_pool_max_connections ");
        assert!(open >= 1.0 && idle <= open && open <= max, "{open} {idle} {max}");
        // Latency by operation: named, anonymous, and refused before running.
        assert_eq!(sample(&text, "c2c_graphql_request_duration_seconds_count{operation=\"Me\"}"), 1.0);
        assert!(sample(&text, "c2c_graphql_request_duration_seconds_count{operation=\"anonymous\"}") >= 1.0);
        assert_eq!(sample(&text, "c2c_graphql_request_duration_seconds_count{operation=\"rejected\"}"), 1.0);
        assert!(text.contains("c2c_graphql_request_duration_seconds_bucket{le=\"0.001\",operation=\"Me\"}")
            || text.contains("c2c_graphql_request_duration_seconds_bucket{operation=\"Me\",le=\"0.001\"}"), "{text}");

        // OpenMetrics when the scraper prefers it (as Prometheus asks).
        let (content_type, open_metrics) = scrape(&app, Some("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")).await;
        assert!(content_type.starts_with("application/openmetrics-text; version=1.0.0"), "{content_type}");
        assert!(open_metrics.ends_with("# EOF\n"));
        assert!(open_metrics.contains("# TYPE c2c_sql_statements counter"));
        let (content_type, _) = scrape(&app, Some("text/plain")).await;
        assert!(content_type.starts_with("text/plain; version=0.0.4"));
    }
}

#[test]
fn promtool_finds_what_the_issue_found_wrong() {
    // A counter without help and declared a gauge: the checker says so, so
    // the clean answer above means something.
    let (ok, said) = check_metrics("# TYPE c2c_sql_statements gauge\nc2c_sql_statements 3\n");
    assert!(
        !ok || !said.trim().is_empty(),
        "promtool accepted a metric without help"
    );
    assert!(said.contains("no help text"), "{said}");
}
