//! Bearer authentication: the token of the `Authorization` header, and the
//! account it belongs to.

use super::media::Media;
use crate::context::Viewer;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use c2c_domain::ErrorCode;
use c2c_store::Store;

/// What a request without a valid token is told.
pub(super) const AUTHENTICATION_REQUIRED: &str =
    "authentication required: send 'Authorization: Bearer <token>' with a valid, unexpired token";

/// What a request is told while the database cannot be reached.
pub(super) const UNAVAILABLE: &str =
    "the database cannot be reached: nothing was done; try again in a few seconds";

/// The tokens could not be checked (the database failed; logged).
#[derive(Debug)]
pub(super) struct Unavailable;

impl Unavailable {
    /// The 503 answer.
    pub(super) fn answer(self, media: Media) -> Response {
        super::media::unavailable(media.error(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            UNAVAILABLE,
        ))
    }
}

/// The token of an `Authorization: Bearer <token>` header.
pub(super) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// The viewer of a token, if it is valid.
pub(super) async fn authenticate(
    store: &Store,
    token: Option<&str>,
) -> Result<Option<Viewer>, Unavailable> {
    let Some(token) = token else {
        return Ok(None);
    };
    match store.authenticate(token).await {
        Ok(found) => Ok(found.map(|(account, token)| Viewer {
            account,
            token_expires_at: token.expires_at,
            token_id: Some(token.id),
        })),
        Err(e) => {
            tracing::error!(error = %e, "authenticating failed");
            Err(Unavailable)
        }
    }
}

/// The viewer of the request's token, or the 401 (or 503) answer in `media`.
pub(super) async fn required(
    store: &Store,
    headers: &HeaderMap,
    media: Media,
) -> Result<Viewer, Response> {
    match authenticate(store, bearer(headers)).await {
        Ok(Some(viewer)) => Ok(viewer),
        Ok(None) => Err(media.error(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            AUTHENTICATION_REQUIRED,
        )),
        Err(unavailable) => Err(unavailable.answer(media)),
    }
}
