//! The store's metrics, read at each scrape: SQL statements run (a counter)
//! and the connection pool (open, idle, the most it opens).

use c2c_store::Store;
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;

/// Encodes the store's metrics at each scrape.
#[derive(Debug)]
pub struct StoreCollector {
    store: Store,
}

impl StoreCollector {
    /// The collector of a store.
    pub fn new(store: Store) -> Self {
        StoreCollector { store }
    }
}

impl Collector for StoreCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let statements = ConstCounter::new(self.store.statement_count());
        statements.encode(encoder.encode_descriptor(
            "sql_statements",
            "SQL statements run by this process since it started",
            None,
            statements.metric_type(),
        )?)?;
        let pool = self.store.pool();
        for (name, help, value) in [
            (
                "db_pool_connections",
                "Database connections open (idle or in use)",
                i64::from(pool.size),
            ),
            (
                "db_pool_idle_connections",
                "Database connections open and idle",
                i64::try_from(pool.idle).unwrap_or(i64::MAX),
            ),
            (
                "db_pool_max_connections",
                "The most database connections the pool opens",
                i64::from(pool.max),
            ),
        ] {
            let gauge = ConstGauge::new(value);
            gauge.encode(encoder.encode_descriptor(name, help, None, gauge.metric_type())?)?;
        }
        Ok(())
    }
}
