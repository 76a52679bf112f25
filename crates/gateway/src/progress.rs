//! How far a GraphQL request got, as a schema extension.
//!
//! A request that never reaches execution (its document does not parse or
//! validate, a required variable is missing, the operation it names is not
//! in the document) is a *request error*: GraphQL over HTTP answers it 400
//! without `data` to a client that accepts `application/graphql-response+json`.
//! The extension records whether execution started and which operation ran
//! (the latency metric is per operation), checks that every required
//! variable has a value, and words syntax errors for people: "Syntax error at
//! line 1, column 40: expected a selection" rather than the parser's picture.

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery,
};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationDefinition};
use async_graphql::{Pos, Positioned, Response, ServerError, ServerResult, Variables};
use std::sync::{Arc, Mutex};

/// What one request's execution reports back to the HTTP handler. Put it in
/// the request's data (`request.data(progress.clone())`).
#[derive(Debug, Default)]
pub struct Progress {
    /// The `operationName` the request asked for.
    requested: Option<String>,
    /// `Some` once execution started: the name of the operation (`None`
    /// inside for an anonymous one).
    executed: Mutex<Option<Option<String>>>,
}

impl Progress {
    /// The progress of a request that asks for `operation_name`.
    pub fn new(operation_name: Option<String>) -> Arc<Progress> {
        Arc::new(Progress {
            requested: operation_name,
            executed: Mutex::new(None),
        })
    }

    /// Whether execution started; with the name of the operation that ran.
    pub fn executed(&self) -> Option<Option<String>> {
        self.executed.lock().map(|e| e.clone()).unwrap_or_default()
    }
}

/// The extension (added to the schema once).
#[derive(Debug, Clone, Copy, Default)]
pub struct Phases;

impl ExtensionFactory for Phases {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Phases)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Phases {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next
            .run(ctx, query, variables)
            .await
            .map_err(readable_syntax_error)?;
        let requested = ctx
            .data_opt::<Arc<Progress>>()
            .and_then(|p| p.requested.as_deref());
        let Some(operation) = selected(&document, requested) else {
            // Execution reports the missing operation.
            return Ok(document);
        };
        crate::cost::check(&document, operation)?;
        let refusal = missing_variable(operation, variables).or_else(|| {
            crate::coerce::invalid_variable(&ctx.schema_env.registry, &operation.node, variables)
        });
        refusal.map_or(Ok(document), Err)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Some(progress) = ctx.data_opt::<Arc<Progress>>()
            && let Ok(mut executed) = progress.executed.lock()
        {
            *executed = Some(operation_name.map(str::to_owned));
        }
        next.run(ctx, operation_name).await
    }
}

/// The operation of a document that a request runs: the one it names, or
/// the only one.
pub(crate) fn selected<'d>(
    document: &'d ExecutableDocument,
    requested: Option<&str>,
) -> Option<&'d Positioned<OperationDefinition>> {
    match (&document.operations, requested) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    }
}

/// A required variable of the operation that will run without a value (and
/// without a default): its coercion fails before execution.
fn missing_variable(
    operation: &Positioned<OperationDefinition>,
    variables: &Variables,
) -> Option<ServerError> {
    operation
        .node
        .variable_definitions
        .iter()
        .find(|d| {
            let given = variables.get(d.node.name.node.as_str());
            !d.node.var_type.node.nullable
                && d.node.default_value.is_none()
                && given.is_none_or(|v| *v == async_graphql::Value::Null)
        })
        .map(|d| {
            ServerError::new(
                format!(
                    "Variable ${} of type {} needs a value (the request's \"variables\" give it none)",
                    d.node.name.node, d.node.var_type.node
                ),
                Some(d.pos),
            )
        })
}

/// The parser's error as a sentence: its position, then what it expected.
fn readable_syntax_error(mut error: ServerError) -> ServerError {
    let Some(expected) = error
        .message
        .lines()
        .rev()
        .find_map(|l| l.trim_start().strip_prefix("= "))
    else {
        return error;
    };
    let at = error
        .locations
        .first()
        .copied()
        .unwrap_or(Pos { line: 1, column: 1 });
    error.message = format!(
        "Syntax error at line {}, column {}: {}",
        at.line,
        at.column,
        in_words(expected)
    );
    error
}

/// "expected selection_set or name" → "expected a selection set or a name".
fn in_words(pest: &str) -> String {
    pest.split(' ')
        .map(|word| {
            let (rule, tail) = match word.strip_suffix(',').or_else(|| word.strip_suffix(';')) {
                Some(rule) => (rule, &word[rule.len()..]),
                None => (word, ""),
            };
            match rule {
                "expected" | "unexpected" | "or" | "" => word.to_owned(),
                _ => format!("{}{tail}", rule_in_words(rule)),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn rule_in_words(rule: &str) -> String {
    match rule {
        "EOI" => "the end of the document".to_owned(),
        "executable_definition" => "an operation or a fragment".to_owned(),
        "selection_set" => "a selection set ({ … })".to_owned(),
        "arguments" | "variable_definitions" | "directives" => rule.replace('_', " "),
        _ => {
            let words = rule.replace('_', " ");
            let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {words}")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::progress::readable_syntax_error;

    fn parse_error(query: &str) -> String {
        let error = async_graphql::parser::parse_query(query).expect_err("a syntax error");
        readable_syntax_error(error.into()).message
    }

    #[test]
    fn syntax_errors_say_where_and_what_was_expected_in_words() {
        assert_eq!(
            parse_error("{ me { account { id } }"),
            "Syntax error at line 1, column 24: expected a selection"
        );
        assert_eq!(
            parse_error("query { partnerships(first: ) { id } }"),
            "Syntax error at line 1, column 29: expected a value"
        );
        let message = parse_error("{");
        assert!(
            message.starts_with("Syntax error at line 1, column 2: expected "),
            "{message}"
        );
        assert!(
            !message.contains("-->") && !message.contains('^'),
            "{message}"
        );
    }
}
