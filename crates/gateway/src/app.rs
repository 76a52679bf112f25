//! Running the gateway: connect, migrate, bind, serve until told to stop
//! (finishing the requests in flight).

use crate::bus::EventBus;
use crate::context::Limits;
use crate::http::{AppState, router};
use c2c_store::{Store, StoreError};
use std::future::Future;
use std::net::SocketAddr;
use thiserror::Error;
use tokio::net::TcpListener;

/// How to run the gateway.
#[derive(Debug, Clone)]
pub struct Config {
    /// `postgres://…` or `sqlite://…`.
    pub database_url: String,
    /// Address to listen on; port 0 picks a free one.
    pub listen: String,
    /// Whether to apply pending migrations at start.
    pub migrate: bool,
    /// What the operator limits (token lifetimes, requests per account).
    pub limits: Limits,
    /// The most connections to the database (PostgreSQL).
    pub pool_size: u32,
}

/// Why the gateway could not start.
#[derive(Debug, Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address.
        address: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A gateway bound to its socket, ready to run.
#[derive(Debug)]
pub struct Application {
    listener: TcpListener,
    state: AppState,
    bus: EventBus,
    mounted: axum::Router,
}

impl Application {
    /// Connects to the database (migrating it if asked), starts the event bus
    /// and binds the socket.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        let options = c2c_store::Options {
            max_connections: config.pool_size,
            ..c2c_store::Options::default()
        };
        let store = Store::connect_with(&config.database_url, options).await?;
        let app = Self::build_with_store(store, &config.listen, config.migrate).await?;
        Ok(app.with_limits(config.limits))
    }

    /// The gateway with other limits than the defaults.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.state = AppState::new(self.state.store.clone(), self.bus.clone(), limits);
        self
    }

    /// Like [`Application::build`], on a store already open.
    pub async fn build_with_store(
        store: Store,
        listen: &str,
        migrate: bool,
    ) -> Result<Application, StartError> {
        if migrate {
            store.migrate().await?;
        }
        let bus = EventBus::start(store.clone()).await?;
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|source| StartError::Listen {
                address: listen.to_owned(),
                source,
            })?;
        Ok(Application {
            listener,
            state: AppState::new(store, bus.clone(), Limits::default()),
            bus,
            mounted: axum::Router::new(),
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The store it serves.
    pub fn store(&self) -> &Store {
        &self.state.store
    }

    /// What the process calls after a change made outside the API (the web
    /// app), so that subscribers hear of it.
    pub fn change_hook(&self) -> std::sync::Arc<dyn Fn() + Send + Sync> {
        let bus = self.bus.clone();
        std::sync::Arc::new(move || bus.poke())
    }

    /// What the process calls to serve an export to an account signed in
    /// some other way (the web app's session): the file name
    /// (`partnerships.csv`, …) and the query string, with the access rules
    /// of `/export/{file}`.
    pub fn download_hook(&self) -> crate::export::DownloadHook {
        let store = self.store().clone();
        std::sync::Arc::new(move |account, file: String, query: Option<String>| {
            let store = store.clone();
            Box::pin(async move {
                crate::export::for_account(&store, account, &file, query.as_deref()).await
            })
        })
    }

    /// Serves other routes beside the API's (the web app at `/`).
    pub fn mount(mut self, routes: axum::Router) -> Self {
        self.mounted = self.mounted.merge(routes);
        self
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, router(self.state).merge(self.mounted))
            .with_graceful_shutdown(shutdown)
            .await
    }
}
