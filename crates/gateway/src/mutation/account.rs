//! Account mutations: accounts (operators) and API tokens (operators, or an
//! account for itself).

use crate::context::{Viewer, deps, store, viewer};
use crate::error::{GatewayError, Result, store as s};
use crate::guard::{RoleGuard, operator};
use crate::input::AccountInput;
use crate::object::{Account, IssuedToken, Token};
use async_graphql::{Context, Object};
use c2c_domain::{AccountId, CityId};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// Accounts and tokens.
#[derive(Debug, Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Creates an account (operators).
    #[graphql(guard = "RoleGuard::Operator")]
    async fn create_account(&self, ctx: &Context<'_>, input: AccountInput) -> Result<Account> {
        let a = s(store(ctx)?
            .create_account(
                AccountId(Uuid::now_v7()),
                &input.name,
                input.role.into(),
                input.city_id.map(CityId),
            )
            .await)?;
        Ok((&a).into())
    }

    /// Disables an account: its tokens stop working (operators; not their own
    /// account).
    #[graphql(guard = "RoleGuard::Operator")]
    async fn disable_account(&self, ctx: &Context<'_>, id: Uuid) -> Result<Account> {
        if operator(ctx)?.account.id.0 == id {
            return Err(
                GatewayError::invalid("id", "an operator cannot disable its own account").into(),
            );
        }
        let a = s(store(ctx)?.disable_account(AccountId(id)).await)?;
        Ok((&a).into())
    }

    /// Issues a token for an account (operators, or an account for itself).
    /// The secret is returned once. A token expires no later than the token
    /// that mints it and than the platform's maximum lifetime (365 days
    /// unless the operator set another); without `expiresAt` it expires then.
    async fn issue_token(
        &self,
        ctx: &Context<'_>,
        account_id: Uuid,
        #[graphql(default)] label: String,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<IssuedToken> {
        let v = viewer(ctx)?;
        if !v.is_operator() && v.account.id.0 != account_id {
            return Err(GatewayError::forbidden("an account issues tokens for itself only").into());
        }
        let expires_at = lifetime(ctx, v, expires_at)?;
        let (secret, token) = s(store(ctx)?
            .issue_token(AccountId(account_id), &label, Some(expires_at))
            .await)?;
        Ok(IssuedToken {
            secret,
            token: (&token).into(),
        })
    }

    /// Revokes a token (operators, or the token's own account).
    async fn revoke_token(&self, ctx: &Context<'_>, id: Uuid) -> Result<Token> {
        let v = viewer(ctx)?;
        let st = store(ctx)?;
        let token = s(st.token(id).await)?;
        if !v.is_operator() && token.account != v.account.id {
            return Err(GatewayError::forbidden("an account revokes its own tokens only").into());
        }
        let token = s(st.revoke_token(id).await)?;
        Ok((&token).into())
    }
}

/// When a token minted now may expire at the latest: when the minting token
/// does, and within the platform's maximum lifetime; the asked expiry if it
/// is earlier.
fn lifetime(ctx: &Context<'_>, v: &Viewer, asked: Option<DateTime<Utc>>) -> Result<DateTime<Utc>> {
    let days = deps(ctx)?.limits.token_max_days;
    let longest = Utc::now() + Duration::days(i64::from(days));
    let limit = v.token_expires_at.map_or(longest, |e| e.min(longest));
    match asked {
        None => Ok(limit),
        Some(at) if at <= limit => Ok(at),
        Some(_) => Err(GatewayError::invalid(
            "expiresAt",
            format!(
                "a token expires by {} at the latest: no later than the token that mints it, \
                 and within {days} days",
                limit.format("%Y-%m-%d %H:%M UTC")
            ),
        )
        .into()),
    }
}
