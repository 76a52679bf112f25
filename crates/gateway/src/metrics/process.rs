//! The process metrics every Prometheus client exports (`process_*`, as
//! client_golang names them), read from `/proc/self` at each scrape. On a
//! system without `/proc` none is exported.
//!
//! Written here because no maintained crate feeds prometheus-client with
//! them: `metrics-process` records into the `metrics` facade, `prometheus`'s
//! collector belongs to that other client library, and `procfs` would bring
//! a large API (and rustix) for five numbers.

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;

/// Clock ticks per second in `/proc/<pid>/stat`: `USER_HZ`, which Linux
/// fixes at 100 for user space on every architecture it runs this on.
const USER_HZ: f64 = 100.0;

/// What `/proc/self` says of this process.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// User and system CPU time, in seconds.
    pub cpu_seconds: f64,
    /// Resident memory, in bytes.
    pub resident_bytes: u64,
    /// Virtual memory, in bytes.
    pub virtual_bytes: u64,
    /// Open file descriptors.
    pub open_fds: u64,
    /// The soft limit of open file descriptors.
    pub max_fds: Option<u64>,
    /// When the process started, in seconds since the Unix epoch.
    pub start_time_seconds: f64,
}

impl Sample {
    /// The process now, or `None` where `/proc` cannot be read.
    pub fn read() -> Option<Sample> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let boot = std::fs::read_to_string("/proc/stat").ok()?;
        let limits = std::fs::read_to_string("/proc/self/limits").ok();
        let open_fds = std::fs::read_dir("/proc/self/fd").ok()?.count() as u64;
        Sample::parse(&stat, &status, &boot, limits.as_deref(), open_fds)
    }

    /// The sample from the text of `/proc/self/stat`, `/proc/self/status`,
    /// `/proc/stat` and `/proc/self/limits`.
    fn parse(
        stat: &str,
        status: &str,
        boot: &str,
        limits: Option<&str>,
        open_fds: u64,
    ) -> Option<Sample> {
        // The command name (field 2) may hold spaces: count from its ')'.
        let fields: Vec<&str> = stat
            .get(stat.rfind(')')? + 1..)?
            .split_whitespace()
            .collect();
        // fields[0] is field 3 (state): field n is fields[n - 3].
        let number = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
        let ticks = number(14)? + number(15)?;
        let started_ticks = number(22)?;
        let virtual_bytes = number(23)?;
        let resident_kb = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())?;
        let boot_time = boot
            .lines()
            .find_map(|l| l.strip_prefix("btime "))
            .and_then(|v| v.trim().parse::<u64>().ok())?;
        let max_fds = limits.and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("Max open files"))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse::<u64>().ok())
        });
        Some(Sample {
            cpu_seconds: ticks as f64 / USER_HZ,
            resident_bytes: resident_kb * 1024,
            virtual_bytes,
            open_fds,
            max_fds,
            start_time_seconds: boot_time as f64 + started_ticks as f64 / USER_HZ,
        })
    }
}

/// Encodes the process metrics at each scrape.
#[derive(Debug, Default)]
pub struct ProcessCollector;

impl Collector for ProcessCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let Some(s) = Sample::read() else {
            return Ok(());
        };
        let cpu = ConstCounter::new(s.cpu_seconds);
        cpu.encode(encoder.encode_descriptor(
            "process_cpu_seconds",
            "Total user and system CPU time spent in seconds.",
            None,
            cpu.metric_type(),
        )?)?;
        let mut gauge = |name: &str, help: &str, value: f64| -> Result<(), std::fmt::Error> {
            let g = ConstGauge::new(value);
            g.encode(encoder.encode_descriptor(name, help, None, g.metric_type())?)
        };
        gauge(
            "process_resident_memory_bytes",
            "Resident memory size in bytes.",
            s.resident_bytes as f64,
        )?;
        gauge(
            "process_virtual_memory_bytes",
            "Virtual memory size in bytes.",
            s.virtual_bytes as f64,
        )?;
        gauge(
            "process_open_fds",
            "Number of open file descriptors.",
            s.open_fds as f64,
        )?;
        if let Some(max) = s.max_fds {
            gauge(
                "process_max_fds",
                "Maximum number of open file descriptors.",
                max as f64,
            )?;
        }
        gauge(
            "process_start_time_seconds",
            "Start time of the process since unix epoch in seconds.",
            s.start_time_seconds,
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::metrics::process::Sample;

    #[test]
    fn the_proc_files_give_cpu_memory_descriptors_and_start_time() {
        let stat = "4242 (c2c serve) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 9 0 380846 3133440 417 18446744073709551615";
        let status = "Name:\tc2c\nVmRSS:\t    2128 kB\nThreads:\t9\n";
        let boot = "cpu  1 2 3\nbtime 1796037030\nprocesses 9\n";
        let limits = "Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n";
        let s = Sample::parse(stat, status, boot, Some(limits), 12).expect("a sample");
        assert_eq!(s.cpu_seconds, 3.0);
        assert_eq!(s.resident_bytes, 2128 * 1024);
        assert_eq!(s.virtual_bytes, 3_133_440);
        assert_eq!(s.open_fds, 12);
        assert_eq!(s.max_fds, Some(20_000));
        assert_eq!(s.start_time_seconds, 1_796_037_030.0 + 3808.46);
    }

    #[test]
    fn this_process_can_be_read_on_linux() {
        if cfg!(target_os = "linux") {
            let s = Sample::read().expect("/proc/self is readable");
            assert!(s.resident_bytes > 0 && s.open_fds > 0 && s.start_time_seconds > 1e9);
        }
    }
}
