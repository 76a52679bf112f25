//! Accounts: an operator of the platform, or an editor or viewer of one city,
//! and their hashed API tokens. The entities, the rows as an [`Account`] and
//! a [`Token`], and the store's operations on them.

use crate::cities::city;
use crate::convert::{code, parse};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::{Store, Writer, now};
use c2c_domain::{AccountId, CityId};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use strum::{EnumString, IntoStaticStr};
use uuid::Uuid;

entity!(account, "account", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub city_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub disabled_at: Option<DateTimeUtc>,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub failed_sign_ins: i32,
    pub locked_until: Option<DateTimeUtc>,
});

entity!(api_token, "api_token", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub hash: String,
    pub label: String,
    pub created_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
});

/// What an account may do (DESIGN §8).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    /// Reads everything; administers cities, accounts and the KPI catalogue.
    Operator,
    /// Changes its city's outputs and the partnerships its city is party to.
    Editor,
    /// Reads what its city's editors read.
    Viewer,
}

/// An account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its identifier.
    pub id: AccountId,
    /// A name for people.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// The city of an editor or viewer.
    pub city: Option<CityId>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was disabled, if it was.
    pub disabled_at: Option<DateTime<Utc>>,
    /// The e-mail it signs in to the web app with, if it has one.
    pub email: Option<String>,
}

pub(crate) fn account_from(m: account::Model) -> Result<Account> {
    Ok(Account {
        id: AccountId(m.id),
        name: m.name,
        role: parse("role", &m.role)?,
        city: m.city_id.map(CityId),
        created_at: m.created_at,
        disabled_at: m.disabled_at,
        email: m.email,
    })
}

/// The row of a new account, checked: a name of 1 to 200 characters; editors
/// and viewers belong to a city, operators to none.
pub(crate) fn new_account(
    id: AccountId,
    name: &str,
    role: Role,
    city: Option<CityId>,
) -> Result<account::ActiveModel> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 || name.contains('\0') {
        return Err(StoreError::Invalid {
            field: "name".into(),
            message: "an account needs a name of 1 to 200 characters, without NUL".into(),
        });
    }
    match (role, city) {
        (Role::Operator, Some(_)) => {
            return Err(StoreError::Invalid {
                field: "cityId".into(),
                message: "an operator belongs to no city".into(),
            });
        }
        (Role::Editor | Role::Viewer, None) => {
            return Err(StoreError::Invalid {
                field: "cityId".into(),
                message: "an editor or viewer belongs to a city".into(),
            });
        }
        _ => {}
    }
    Ok(account::ActiveModel {
        id: Set(id.0),
        name: Set(name.to_owned()),
        role: Set(code(role)),
        city_id: Set(city.map(|c| c.0)),
        created_at: Set(now()),
        disabled_at: Set(None),
        email: Set(None),
        password_hash: Set(None),
        failed_sign_ins: Set(0),
        locked_until: Set(None),
    })
}

/// Inserts a new account's row, once its city is known to exist.
pub(crate) async fn insert_account(w: &mut Writer, row: account::ActiveModel) -> Result<()> {
    if let sea_orm::ActiveValue::Set(Some(c)) = &row.city_id
        && city::Entity::find_by_id(*c).one(&w.txn).await?.is_none()
    {
        return Err(StoreError::not_found("city", c));
    }
    w.insert(row).await
}

impl Store {
    /// Creates an account. Editors and viewers belong to a city; operators to
    /// none.
    pub async fn create_account(
        &self,
        id: AccountId,
        name: &str,
        role: Role,
        city: Option<CityId>,
    ) -> Result<Account> {
        let mut w = self.begin_write().await?;
        let row = new_account(id, name, role, city)?;
        insert_account(&mut w, row).await?;
        let stored = account::Entity::find_by_id(id.0).one(&w.txn).await?;
        w.commit().await?;
        stored
            .ok_or_else(|| StoreError::not_found("account", id))
            .and_then(account_from)
    }

    /// Disables an account: its tokens stop working. Disabling a disabled
    /// account changes nothing.
    pub async fn disable_account(&self, id: AccountId) -> Result<Account> {
        let mut w = self.begin_write().await?;
        let row = account::Entity::find_by_id(id.0)
            .one(&w.txn)
            .await?
            .ok_or_else(|| StoreError::not_found("account", id))?;
        if row.disabled_at.is_none() {
            account::Entity::update_many()
                .col_expr(account::Column::DisabledAt, now().into())
                .filter(account::Column::Id.eq(id.0))
                .exec(&w.txn)
                .await?;
            w.wrote()?;
        }
        let row = account::Entity::find_by_id(id.0)
            .one(&w.txn)
            .await?
            .ok_or_else(|| StoreError::not_found("account", id))?;
        w.commit().await?;
        account_from(row)
    }

    /// An account.
    pub async fn account(&self, id: AccountId) -> Result<Account> {
        account::Entity::find_by_id(id.0)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::not_found("account", id))
            .and_then(account_from)
    }

    /// Every account, oldest first.
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        account::Entity::find()
            .order_by_asc(account::Column::CreatedAt)
            .all(self.db())
            .await?
            .into_iter()
            .map(account_from)
            .collect()
    }
}

/// An API token as the store keeps it: never the secret, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its identifier (to revoke it).
    pub id: Uuid,
    /// Its account.
    pub account: AccountId,
    /// A label for people ("CI", "Łódź office laptop").
    pub label: String,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
    /// When it stops working, if it expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it was last used (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
}

fn token_from(m: api_token::Model) -> Token {
    Token {
        id: m.id,
        account: AccountId(m.account_id),
        label: m.label,
        created_at: m.created_at,
        expires_at: m.expires_at,
        revoked_at: m.revoked_at,
        last_used_at: m.last_used_at,
    }
}

/// The prefix of every secret, so that a leaked token is easy to recognise.
pub const TOKEN_PREFIX: &str = "c2c_";

/// The SHA-256 of a secret, in hex: what the store keeps. Secrets are 256
/// random bits, so a fast hash is enough (there is nothing to guess).
pub(crate) fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 256 random bits in hex.
pub(crate) fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::corrupt(format!("no randomness: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn new_secret() -> Result<String> {
    Ok(format!("{TOKEN_PREFIX}{}", random_hex()?))
}

impl Store {
    /// Issues a token for an account. Returns the secret, which is shown once
    /// and never stored, and the token's record.
    pub async fn issue_token(
        &self,
        account: AccountId,
        label: &str,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<(String, Token)> {
        if label.contains('\0') {
            return Err(StoreError::Invalid {
                field: "label".into(),
                message: "a label must not contain a NUL character".into(),
            });
        }
        let acc = self.account(account).await?;
        if acc.disabled_at.is_some() {
            return Err(StoreError::Invalid {
                field: "accountId".into(),
                message: "the account is disabled".into(),
            });
        }
        let at = now();
        if let Some(e) = expires_at
            && e <= at
        {
            return Err(StoreError::Invalid {
                field: "expiresAt".into(),
                message: "a token cannot expire in the past".into(),
            });
        }
        let secret = new_secret()?;
        let mut w = self.begin_write().await?;
        let row = api_token::ActiveModel {
            id: Set(Uuid::new_v4()),
            account_id: Set(account.0),
            hash: Set(hash(&secret)),
            label: Set(label.trim().chars().take(200).collect()),
            created_at: Set(at),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
            last_used_at: Set(None),
        };
        let stored = api_token::Entity::insert(row)
            .exec_with_returning(&w.txn)
            .await?;
        w.wrote()?;
        w.commit().await?;
        Ok((secret, token_from(stored)))
    }

    /// The account of a secret, if the token exists, has not expired nor been
    /// revoked, and its account is enabled. Notes the use, at most once a
    /// minute per token.
    pub async fn authenticate(&self, secret: &str) -> Result<Option<(Account, Token)>> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        // The token and its account in one statement.
        let owner = api_token::Entity::belongs_to(account::Entity)
            .from(api_token::Column::AccountId)
            .to(account::Column::Id)
            .into();
        let Some((row, Some(acc))) = api_token::Entity::find()
            .filter(api_token::Column::Hash.eq(hash(secret)))
            .join(JoinType::InnerJoin, owner)
            .select_also(account::Entity)
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        let at = now();
        if row.revoked_at.is_some() || row.expires_at.is_some_and(|e| e <= at) {
            return Ok(None);
        }
        let acc = account_from(acc)?;
        if acc.disabled_at.is_some() {
            return Ok(None);
        }
        let mut token = token_from(row);
        if token
            .last_used_at
            .is_none_or(|t| at - t > Duration::minutes(1))
        {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::LastUsedAt, at.into())
                .filter(api_token::Column::Id.eq(token.id))
                .exec(self.db())
                .await?;
            token.last_used_at = Some(at);
        }
        Ok(Some((acc, token)))
    }

    /// Revokes a token. Revoking a revoked token changes nothing.
    pub async fn revoke_token(&self, id: Uuid) -> Result<Token> {
        let mut w = self.begin_write().await?;
        let row = api_token::Entity::find_by_id(id)
            .one(&w.txn)
            .await?
            .ok_or_else(|| StoreError::not_found("token", id))?;
        if row.revoked_at.is_none() {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::RevokedAt, now().into())
                .filter(api_token::Column::Id.eq(id))
                .exec(&w.txn)
                .await?;
            w.wrote()?;
        }
        let row = api_token::Entity::find_by_id(id)
            .one(&w.txn)
            .await?
            .ok_or_else(|| StoreError::not_found("token", id))?;
        w.commit().await?;
        Ok(token_from(row))
    }

    /// An account's tokens, newest first.
    pub async fn tokens(&self, account: AccountId) -> Result<Vec<Token>> {
        Ok(api_token::Entity::find()
            .filter(api_token::Column::AccountId.eq(account.0))
            .order_by_desc(api_token::Column::CreatedAt)
            .all(self.db())
            .await?
            .into_iter()
            .map(token_from)
            .collect())
    }

    /// One token.
    pub async fn token(&self, id: Uuid) -> Result<Token> {
        api_token::Entity::find_by_id(id)
            .one(self.db())
            .await?
            .map(token_from)
            .ok_or_else(|| StoreError::not_found("token", id))
    }
}
