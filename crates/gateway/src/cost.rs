//! What a query may cost, checked before anything runs: the fields of its
//! root, and its aliases (each alias runs its field again). Lists count as
//! their page in the complexity limit (`partnerships(first:)`), and a request
//! has a deadline and a largest answer (`http/graphql.rs`). Every refusal has
//! the code `QUERY_TOO_COSTLY`.

use async_graphql::parser::types::{
    ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};
use async_graphql::{ErrorExtensionValues, Pos, Positioned, ServerError};
use c2c_domain::ErrorCode;
use std::collections::HashSet;

/// The most fields an operation may ask at its root.
pub const MAX_ROOT_FIELDS: usize = 20;
/// The most aliased fields an operation may hold, all levels and fragments
/// counted.
pub const MAX_ALIASES: usize = 30;

/// Refuses an operation with too many root fields or aliases.
pub fn check(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
) -> Result<(), ServerError> {
    let root = root_fields(document, &operation.node.selection_set.node);
    if root > MAX_ROOT_FIELDS {
        return Err(too_costly(
            operation.pos,
            format!("the operation asks {root} fields at its root: at most {MAX_ROOT_FIELDS}"),
        ));
    }
    let mut seen = HashSet::new();
    let aliases = aliases(document, &operation.node.selection_set.node, &mut seen);
    if aliases > MAX_ALIASES {
        return Err(too_costly(
            operation.pos,
            format!("the operation holds {aliases} aliased fields: at most {MAX_ALIASES}"),
        ));
    }
    Ok(())
}

/// A refusal for a query that asks too much.
pub fn too_costly(pos: Pos, message: String) -> ServerError {
    let mut e = ServerError::new(message, Some(pos));
    let mut ext = ErrorExtensionValues::default();
    ext.set("code", ErrorCode::QueryTooCostly.as_str());
    e.extensions = Some(ext);
    e
}

/// The fields at the root of a selection, fragments opened.
fn root_fields(document: &ExecutableDocument, set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(_) => 1,
            Selection::InlineFragment(f) => root_fields(document, &f.node.selection_set.node),
            Selection::FragmentSpread(s) => document
                .fragments
                .get(&s.node.fragment_name.node)
                .map_or(0, |f| root_fields(document, &f.node.selection_set.node)),
        })
        .sum()
}

/// The aliased fields of a selection, at every level; a fragment is opened
/// wherever it is spread (once per spread: each spread runs again).
fn aliases<'d>(
    document: &'d ExecutableDocument,
    set: &'d SelectionSet,
    opening: &mut HashSet<&'d str>,
) -> usize {
    let mut n = 0;
    for item in &set.items {
        n += match &item.node {
            Selection::Field(f) => {
                usize::from(f.node.alias.is_some())
                    + aliases(document, &f.node.selection_set.node, opening)
            }
            Selection::InlineFragment(f) => aliases(document, &f.node.selection_set.node, opening),
            Selection::FragmentSpread(s) => {
                let name = s.node.fragment_name.node.as_str();
                // A fragment that spreads itself is the validator's to refuse.
                match document.fragments.get(name) {
                    Some(f) if opening.insert(name) => {
                        let inner = aliases(document, &f.node.selection_set.node, opening);
                        opening.remove(name);
                        inner
                    }
                    _ => 0,
                }
            }
        };
    }
    n
}
