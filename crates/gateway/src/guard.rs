//! Role checks as guards. `#[graphql(guard = "RoleGuard::Editor")]` refuses a
//! field before its resolver runs (after its arguments are parsed, as the
//! checks written in the resolvers did before), with the same message and
//! `FORBIDDEN` code. The resolver then takes what the guard admitted from the
//! function the guard itself calls (`editor`, `operator`,
//! `operator_or_editor`), so the two cannot disagree.

use crate::context::{Viewer, viewer};
use crate::error::Result;
use async_graphql::{Context, Guard};
use c2c_store::Actor;

/// Who may call a field.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum RoleGuard {
    /// City editors, each acting for its own city: see [`editor`].
    Editor,
    /// Platform operators: see [`operator`].
    Operator,
    /// Operators, or editors for their own city (the resolver checks which
    /// city): see [`operator_or_editor`].
    OperatorOrEditor,
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> Result<()> {
        match self {
            RoleGuard::Editor => editor(ctx).map(drop),
            RoleGuard::Operator => operator(ctx).map(drop),
            RoleGuard::OperatorOrEditor => operator_or_editor(ctx).map(drop),
        }
    }
}

/// The actor of an editor's change (what `RoleGuard::Editor` admits): the
/// editor's account, for its own city.
pub fn editor(ctx: &Context<'_>) -> Result<Actor> {
    viewer(ctx)?.editor()
}

/// The operator (what `RoleGuard::Operator` admits).
pub fn operator<'a>(ctx: &Context<'a>) -> Result<&'a Viewer> {
    let v = viewer(ctx)?;
    v.operator()?;
    Ok(v)
}

/// What `RoleGuard::OperatorOrEditor` admits: `None` for an operator, the
/// actor for an editor.
pub fn operator_or_editor(ctx: &Context<'_>) -> Result<Option<Actor>> {
    let v = viewer(ctx)?;
    if v.is_operator() {
        Ok(None)
    } else {
        v.editor().map(Some)
    }
}
