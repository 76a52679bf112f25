//! Signing in to the web app: an account's e-mail and password (argon2id),
//! the limit on failed attempts, and one-time links: invitations (a new
//! account chooses its password) and sign-in links (an existing account signs
//! in once, e.g. a demo account). Link secrets are shown once and kept only as
//! a hash, like API tokens.

use crate::accounts::{
    Account, Role, account, account_from, hash, insert_account, new_account, random_hex,
};
use crate::cities::city;
use crate::convert::{code, parse};
use crate::entity::entity;
use crate::error::{Result, StoreError};
use crate::{Store, now};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use c2c_domain::{AccountId, CityId};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

entity!(sign_in_link, "sign_in_link", {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub hash: String,
    pub purpose: String,
    pub account_id: Option<Uuid>,
    pub email: Option<String>,
    pub name: Option<String>,
    pub role: Option<String>,
    pub city_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
});

/// Failed sign-ins in a row after which an account is locked.
pub const MAX_FAILED_SIGN_INS: i32 = 5;
/// How long a locked account stays locked.
pub const LOCK_MINUTES: i64 = 15;
/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

const INVITATION: &str = "INVITATION";
const SIGN_IN: &str = "SIGN_IN";

/// What a sign-in attempt gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// The e-mail and password match an enabled account.
    Welcome(Account),
    /// They do not (unknown e-mail, wrong password, disabled account: the
    /// same answer, so that nobody learns which).
    Refused,
    /// Too many failed attempts: the account is locked until then.
    Locked {
        /// When it may try again.
        until: DateTime<Utc>,
    },
}

/// An invitation to open an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// The e-mail the account will sign in with.
    pub email: String,
    /// The account's name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Its city (editors and viewers).
    pub city: Option<CityId>,
    /// Who invited, if an account did (not the command line).
    pub invited_by: Option<AccountId>,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
}

/// The e-mail as an account's login: trimmed, lower case, one `@`.
pub fn normalise_email(email: &str) -> Result<String> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.matches('@').count() == 1
        && !email.starts_with('@')
        && !email.ends_with('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(invalid("email", "this is not an e-mail address"))
    }
}

fn invalid(field: &str, message: &str) -> StoreError {
    StoreError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(invalid("password", "a password has at least 10 characters"));
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::corrupt(format!("no randomness: {e}")))?;
    Argon2::default()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::corrupt(format!("password hashing failed: {e}")))
}

fn password_matches(password: &str, stored: Option<&str>) -> bool {
    stored.is_some_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), h)
            .is_ok()
    })
}

impl Store {
    /// Gives an account an e-mail to sign in with (unique among accounts).
    pub async fn set_email(&self, id: AccountId, email: &str) -> Result<Account> {
        let email = normalise_email(email)?;
        self.update_account(
            id,
            account::Column::Email,
            Some(email.clone()).into(),
            Some(email),
        )
        .await
    }

    /// Sets an account's password.
    pub async fn set_password(&self, id: AccountId, password: &str) -> Result<Account> {
        let hashed = hash_password(password)?;
        self.update_account(id, account::Column::PasswordHash, Some(hashed).into(), None)
            .await
    }

    async fn update_account(
        &self,
        id: AccountId,
        column: account::Column,
        value: sea_orm::Value,
        unique_email: Option<String>,
    ) -> Result<Account> {
        let mut w = self.begin_write().await?;
        if let Some(email) = unique_email {
            let taken = account::Entity::find()
                .filter(account::Column::Email.eq(email))
                .filter(account::Column::Id.ne(id.0))
                .one(&w.txn)
                .await?;
            if taken.is_some() {
                return Err(invalid(
                    "email",
                    "another account signs in with this e-mail",
                ));
            }
        }
        let done = account::Entity::update_many()
            .col_expr(column, Expr::value(value))
            .filter(account::Column::Id.eq(id.0))
            .exec(&w.txn)
            .await?;
        if done.rows_affected == 0 {
            return Err(StoreError::not_found("account", id));
        }
        w.wrote()?;
        let row = account::Entity::find_by_id(id.0).one(&w.txn).await?;
        w.commit().await?;
        row.ok_or_else(|| StoreError::not_found("account", id))
            .and_then(account_from)
    }

    /// Checks an e-mail and password. Every failure counts against the
    /// account; after [`MAX_FAILED_SIGN_INS`] in a row it is locked for
    /// [`LOCK_MINUTES`], even for the right password. A success resets the
    /// count.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<SignIn> {
        let Ok(email) = normalise_email(email) else {
            return Ok(SignIn::Refused);
        };
        let Some(row) = account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(self.db())
            .await?
        else {
            // Spend the time a real check takes, so that timing does not tell
            // which e-mails exist.
            let _ = password_matches(password, Some(DUMMY_HASH));
            return Ok(SignIn::Refused);
        };
        let at = now();
        if let Some(until) = row.locked_until.filter(|u| *u > at) {
            return Ok(SignIn::Locked { until });
        }
        if password_matches(password, row.password_hash.as_deref()) && row.disabled_at.is_none() {
            self.record_attempt(row.id, 0, None).await?;
            return account_from(row).map(SignIn::Welcome);
        }
        let failed = row.failed_sign_ins + 1;
        let lock = (failed >= MAX_FAILED_SIGN_INS).then(|| at + Duration::minutes(LOCK_MINUTES));
        self.record_attempt(row.id, if lock.is_some() { 0 } else { failed }, lock)
            .await?;
        Ok(match lock {
            Some(until) => SignIn::Locked { until },
            None => SignIn::Refused,
        })
    }

    async fn record_attempt(
        &self,
        id: Uuid,
        failed: i32,
        locked_until: Option<DateTime<Utc>>,
    ) -> Result<()> {
        account::Entity::update_many()
            .col_expr(account::Column::FailedSignIns, Expr::value(failed))
            .col_expr(account::Column::LockedUntil, Expr::value(locked_until))
            .filter(account::Column::Id.eq(id))
            .exec(self.db())
            .await?;
        Ok(())
    }

    /// Invites someone to open an account: returns the link's secret (shown
    /// once) for `/invite/<secret>`. Editors and viewers belong to a city.
    pub async fn invite(&self, invitation: &Invitation) -> Result<String> {
        let email = normalise_email(&invitation.email)?;
        let name = invitation.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(invalid("name", "a name has 1 to 200 characters"));
        }
        match (invitation.role, invitation.city) {
            (Role::Operator, Some(_)) => {
                return Err(invalid("cityId", "an operator belongs to no city"));
            }
            (Role::Editor | Role::Viewer, None) => {
                return Err(invalid("cityId", "an editor or viewer belongs to a city"));
            }
            _ => {}
        }
        if let Some(c) = invitation.city
            && city::Entity::find_by_id(c.0)
                .one(self.db())
                .await?
                .is_none()
        {
            return Err(StoreError::not_found("city", c));
        }
        if account::Entity::find()
            .filter(account::Column::Email.eq(email.clone()))
            .one(self.db())
            .await?
            .is_some()
        {
            return Err(invalid(
                "email",
                "an account already signs in with this e-mail",
            ));
        }
        let row = sign_in_link::ActiveModel {
            email: Set(Some(email)),
            name: Set(Some(name.to_owned())),
            role: Set(Some(code(invitation.role))),
            city_id: Set(invitation.city.map(|c| c.0)),
            created_by: Set(invitation.invited_by.map(|a| a.0)),
            ..link_row(INVITATION, None, invitation.expires_at)
        };
        self.insert_link(row).await
    }

    /// A sign-in link for an existing account (a demo account, say): returns
    /// the secret (shown once) for `/signin/<secret>`, valid until `expires_at`.
    pub async fn sign_in_link(
        &self,
        account: AccountId,
        expires_at: DateTime<Utc>,
    ) -> Result<String> {
        self.account(account).await?;
        self.insert_link(link_row(SIGN_IN, Some(account), expires_at))
            .await
    }

    async fn insert_link(&self, mut row: sign_in_link::ActiveModel) -> Result<String> {
        let secret = random_hex()?;
        row.hash = Set(hash(&secret));
        let mut w = self.begin_write().await?;
        w.insert(row).await?;
        w.commit().await?;
        Ok(secret)
    }

    /// The invitation of a secret, if it is valid (not used, not expired).
    pub async fn invitation(&self, secret: &str) -> Result<Option<Invitation>> {
        self.valid_link(secret, INVITATION)
            .await?
            .map(|row| invitation_from(&row))
            .transpose()
    }

    /// Opens the account of an invitation with its password, and uses the
    /// link up: one transaction, so an invitation opens one account.
    pub async fn accept_invitation(&self, secret: &str, password: &str) -> Result<Account> {
        let hashed = hash_password(password)?;
        let used_up = || invalid("invitation", "this invitation is used up or has expired");
        let row = self
            .valid_link(secret, INVITATION)
            .await?
            .ok_or_else(used_up)?;
        let invitation = invitation_from(&row)?;
        let id = AccountId(Uuid::now_v7());
        let mut account = new_account(id, &invitation.name, invitation.role, invitation.city)?;
        account.email = Set(Some(normalise_email(&invitation.email)?));
        account.password_hash = Set(Some(hashed));
        let mut w = self.begin_write().await?;
        if !use_link(&mut w, row.id).await? {
            return Err(used_up());
        }
        insert_account(&mut w, account).await?;
        w.commit().await?;
        self.account(id).await
    }

    /// Uses a sign-in link up: the account it signs in, if the link is valid
    /// and the account enabled.
    pub async fn use_sign_in_link(&self, secret: &str) -> Result<Option<Account>> {
        let Some(row) = self.valid_link(secret, SIGN_IN).await? else {
            return Ok(None);
        };
        let Some(account) = row.account_id else {
            return Ok(None);
        };
        let mut w = self.begin_write().await?;
        let used = use_link(&mut w, row.id).await?;
        w.commit().await?;
        if !used {
            return Ok(None);
        }
        let account = self.account(AccountId(account)).await?;
        Ok(account.disabled_at.is_none().then_some(account))
    }

    async fn valid_link(&self, secret: &str, purpose: &str) -> Result<Option<sign_in_link::Model>> {
        let row = sign_in_link::Entity::find()
            .filter(sign_in_link::Column::Hash.eq(hash(secret.trim())))
            .filter(sign_in_link::Column::Purpose.eq(purpose))
            .one(self.db())
            .await?;
        let at = now();
        Ok(row.filter(|r| r.used_at.is_none() && r.expires_at > at))
    }
}

/// Marks a link used, unless another request used it first.
async fn use_link(w: &mut crate::Writer, id: Uuid) -> Result<bool> {
    let done = sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, Expr::value(now()))
        .filter(sign_in_link::Column::Id.eq(id))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .exec(&w.txn)
        .await?;
    w.wrote()?;
    Ok(done.rows_affected == 1)
}

fn link_row(
    purpose: &str,
    account: Option<AccountId>,
    expires_at: DateTime<Utc>,
) -> sign_in_link::ActiveModel {
    sign_in_link::ActiveModel {
        id: Set(Uuid::now_v7()),
        hash: Set(String::new()),
        purpose: Set(purpose.to_owned()),
        account_id: Set(account.map(|a| a.0)),
        email: Set(None),
        name: Set(None),
        role: Set(None),
        city_id: Set(None),
        created_by: Set(None),
        created_at: Set(now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
}

fn invitation_from(row: &sign_in_link::Model) -> Result<Invitation> {
    let missing = || StoreError::corrupt("an invitation without its account's details");
    Ok(Invitation {
        email: row.email.clone().ok_or_else(missing)?,
        name: row.name.clone().ok_or_else(missing)?,
        role: parse("role", row.role.as_deref().ok_or_else(missing)?)?,
        city: row.city_id.map(CityId),
        invited_by: row.created_by.map(AccountId),
        expires_at: row.expires_at,
    })
}

/// The argon2id hash of a random password nobody knows: checked against when
/// an e-mail is unknown, so that an unknown e-mail takes as long as a wrong
/// password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$4bA5H0sF0+D0Zk8nFQeW3aN8z7fHqkJQm7Yw2mCkF8c";
