//! The web app's sessions, kept in the database so that several gateway
//! processes share them: an opaque id, the session's data as JSON, and when
//! it expires. The web crate serialises; the store only keeps.

use crate::entity::entity;
use crate::error::Result;
use crate::{Store, now};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

entity!(web_session, "web_session", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub data: String,
    pub expires_at: DateTimeUtc,
});

impl Store {
    /// The data of a session that has not expired.
    pub async fn load_session(&self, id: &str) -> Result<Option<String>> {
        let row = web_session::Entity::find_by_id(id.to_owned())
            .one(self.db())
            .await?;
        let at = now();
        Ok(row.filter(|r| r.expires_at > at).map(|r| r.data))
    }

    /// Creates or replaces a session.
    pub async fn save_session(
        &self,
        id: &str,
        data: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let row = web_session::ActiveModel {
            id: Set(id.to_owned()),
            data: Set(data.to_owned()),
            expires_at: Set(expires_at),
        };
        let mut w = self.begin_write().await?;
        w.upsert(
            row,
            OnConflict::column(web_session::Column::Id)
                .update_columns([web_session::Column::Data, web_session::Column::ExpiresAt])
                .to_owned(),
        )
        .await?;
        w.commit().await
    }

    /// Deletes a session (signing out).
    pub async fn delete_session(&self, id: &str) -> Result<()> {
        web_session::Entity::delete_by_id(id.to_owned())
            .exec(self.db())
            .await?;
        Ok(())
    }

    /// Deletes every expired session; returns how many.
    pub async fn delete_expired_sessions(&self) -> Result<u64> {
        let done = web_session::Entity::delete_many()
            .filter(web_session::Column::ExpiresAt.lte(now()))
            .exec(self.db())
            .await?;
        Ok(done.rows_affected)
    }
}
