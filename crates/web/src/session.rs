//! Sessions kept in the database (`web_session`), so that several gateway
//! processes share them: a `tower_sessions::SessionStore` over the store, and
//! the layer that sets the cookie (`HttpOnly`, `SameSite=Lax`, `Secure` behind
//! HTTPS) and expires a session after eight hours without a request.

use c2c_store::Store;
use chrono::{DateTime, Utc};
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};

/// The session cookie's name.
pub const COOKIE: &str = "c2c_session";

/// How long a session lives without a request.
pub const IDLE_HOURS: i64 = 8;

/// The sessions of the store.
#[derive(Debug, Clone)]
pub struct DbSessions(pub Store);

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn expiry(record: &Record) -> DateTime<Utc> {
    DateTime::from_timestamp(record.expiry_date.unix_timestamp(), 0).unwrap_or_default()
}

#[async_trait::async_trait]
impl SessionStore for DbSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A fresh random id that is already taken is astronomically unlikely;
        // draw again rather than overwrite.
        while self
            .0
            .load_session(&record.id.to_string())
            .await
            .map_err(backend)?
            .is_some()
        {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(record)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?;
        self.0
            .save_session(&record.id.to_string(), &data, expiry(record))
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some(data) = self
            .0
            .load_session(&id.to_string())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        serde_json::from_str(&data)
            .map(Some)
            .map_err(|e| session_store::Error::Decode(e.to_string()))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.0
            .delete_session(&id.to_string())
            .await
            .map_err(backend)
    }
}

/// The session layer: the cookie `c2c_session`, `Secure` when the app is
/// served over HTTPS.
pub fn layer(store: Store, secure: bool) -> SessionManagerLayer<DbSessions> {
    SessionManagerLayer::new(DbSessions(store))
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(IDLE_HOURS)))
}

/// Deletes expired sessions once an hour, for as long as the process runs.
pub async fn sweep(store: Store) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        match store.delete_expired_sessions().await {
            Ok(n) if n > 0 => tracing::info!(sessions = n, "expired web sessions deleted"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "expired web sessions could not be deleted"),
        }
    }
}
