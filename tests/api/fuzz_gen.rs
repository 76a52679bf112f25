//! The operations of the fuzzing test, generated from the schema the server
//! introspects. A small generator of our own: `apollo-smith` builds only
//! valid documents and would bring a second GraphQL parser into the build;
//! this one also writes values out of range, ids that exist or not, and
//! broken text, from a seeded `rand` generator so that a seed repeats a run.

use rand::Rng;
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// The introspection query the generator reads the schema from.
pub const INTROSPECTION: &str = "{ __schema { queryType { name } mutationType { name } \
    types { name kind enumValues { name } possibleTypes { name } \
    fields { name args { name type { ...T } } type { ...T } } \
    inputFields { name type { ...T } } } } } \
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }";

/// A reference to a type: named, a list of, or not null.
#[derive(Debug, Clone)]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    fn read(v: &Value) -> TypeRef {
        match v["kind"].as_str() {
            Some("NON_NULL") => TypeRef::NonNull(Box::new(TypeRef::read(&v["ofType"]))),
            Some("LIST") => TypeRef::List(Box::new(TypeRef::read(&v["ofType"]))),
            _ => TypeRef::Named(v["name"].as_str().unwrap_or_default().to_owned()),
        }
    }

    /// The named type underneath.
    fn name(&self) -> &str {
        match self {
            TypeRef::Named(n) => n,
            TypeRef::List(t) | TypeRef::NonNull(t) => t.name(),
        }
    }

    /// As GraphQL writes it, for a variable's declaration.
    fn written(&self) -> String {
        match self {
            TypeRef::Named(n) => n.clone(),
            TypeRef::List(t) => format!("[{}]", t.written()),
            TypeRef::NonNull(t) => format!("{}!", t.written()),
        }
    }
}

/// An argument or input field.
#[derive(Debug, Clone)]
pub struct Arg {
    name: String,
    ty: TypeRef,
}

/// A field of an object or interface.
#[derive(Debug, Clone)]
pub struct Field {
    name: String,
    args: Vec<Arg>,
    ty: TypeRef,
}

/// A named type.
#[derive(Debug, Clone, Default)]
pub struct Type {
    kind: String,
    fields: Vec<Field>,
    input_fields: Vec<Arg>,
    enum_values: Vec<String>,
    possible: Vec<String>,
}

/// The schema, as the generator needs it.
#[derive(Debug)]
pub struct Schema {
    types: HashMap<String, Type>,
    query: String,
    mutation: String,
}

fn args_of(v: &Value) -> Vec<Arg> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|a| Arg {
            name: a["name"].as_str().unwrap_or_default().to_owned(),
            ty: TypeRef::read(&a["type"]),
        })
        .collect()
}

fn names_of(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["name"].as_str().map(str::to_owned))
        .collect()
}

impl Schema {
    /// The schema of an introspection answer's `__schema`.
    pub fn from_introspection(v: &Value) -> Schema {
        let types = v["types"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| {
                let fields = t["fields"].as_array().into_iter().flatten();
                let fields = fields
                    .map(|f| Field {
                        name: f["name"].as_str().unwrap_or_default().to_owned(),
                        args: args_of(&f["args"]),
                        ty: TypeRef::read(&f["type"]),
                    })
                    .collect();
                let ty = Type {
                    kind: t["kind"].as_str().unwrap_or_default().to_owned(),
                    fields,
                    input_fields: args_of(&t["inputFields"]),
                    enum_values: names_of(&t["enumValues"]),
                    possible: names_of(&t["possibleTypes"]),
                };
                (t["name"].as_str().unwrap_or_default().to_owned(), ty)
            })
            .collect();
        Schema {
            types,
            query: v["queryType"]["name"]
                .as_str()
                .unwrap_or("Query")
                .to_owned(),
            mutation: v["mutationType"]["name"]
                .as_str()
                .unwrap_or("Mutation")
                .to_owned(),
        }
    }

    fn get(&self, name: &str) -> Option<&Type> {
        self.types.get(name)
    }
}

/// Generates operations, and learns ids from the answers.
#[derive(Debug)]
pub struct Generator {
    schema: Arc<Schema>,
    rng: SmallRng,
    ids: Vec<String>,
    variables: Map<String, Value>,
    declared: Vec<String>,
}

/// Strings that are awkward to handle.
const STRINGS: &[&str] = &[
    "",
    " ",
    "Nanjing",
    "南京市",
    "a\"quote",
    "back\\slash",
    "line\nbreak",
    "'; DROP TABLE partnership; --",
    "<script>alert(1)</script>",
    "\u{0}",
    "🙂",
    "EUR",
    "CNY",
    "ZZZ",
    "2026-13-45",
    "null",
];

impl Generator {
    /// A generator over `schema`, with ids known to exist.
    pub fn new(schema: Arc<Schema>, rng: SmallRng, ids: Vec<String>) -> Generator {
        Generator {
            schema,
            rng,
            ids,
            variables: Map::new(),
            declared: Vec::new(),
        }
    }

    /// Keeps ids seen in an answer, to use them later.
    pub fn learn_ids(&mut self, body: &str) {
        for piece in body.split('"') {
            if self.ids.len() < 500 && uuid::Uuid::parse_str(piece).is_ok() {
                self.ids.push(piece.to_owned());
            }
        }
    }

    /// One operation and its variables: valid as far as the schema tells, or
    /// (one time in five) broken.
    pub fn operation(&mut self) -> (String, Value) {
        self.variables = Map::new();
        self.declared = Vec::new();
        let mutation = self.rng.random_bool(0.45);
        let root = if mutation {
            self.schema.mutation.clone()
        } else {
            self.schema.query.clone()
        };
        let roots = self.rng.random_range(1..=if mutation { 1 } else { 3 });
        let body = (0..roots)
            .map(|i| self.field_of(&root, 0, i == 0))
            .collect::<Vec<_>>()
            .join(" ");
        let declared = if self.declared.is_empty() {
            String::new()
        } else {
            format!("({})", self.declared.join(", "))
        };
        let keyword = if mutation { "mutation" } else { "query" };
        let mut text = format!("{keyword} Fuzz{declared} {{ {body} }}");
        if self.rng.random_bool(0.2) {
            text = self.broken(text);
        }
        (text, Value::Object(std::mem::take(&mut self.variables)))
    }

    /// A field of `ty` with its arguments and selection.
    fn field_of(&mut self, ty: &str, depth: usize, variables: bool) -> String {
        let schema = Arc::clone(&self.schema);
        let Some(field) = schema.get(ty).and_then(|t| t.fields.choose(&mut self.rng)) else {
            return "__typename".to_owned();
        };
        let args = self.arguments(&field.args, variables);
        let selection = self.selection(field.ty.name(), depth + 1);
        let alias = if self.rng.random_bool(0.05) {
            "renamed: "
        } else {
            ""
        };
        format!("{alias}{}{args}{selection}", field.name)
    }

    /// The arguments of a field, some passed as variables.
    fn arguments(&mut self, args: &[Arg], variables: bool) -> String {
        let mut written = Vec::new();
        for arg in args {
            let required = matches!(arg.ty, TypeRef::NonNull(_));
            let give = if required {
                !self.rng.random_bool(0.03)
            } else {
                self.rng.random_bool(0.4)
            };
            if !give {
                continue;
            }
            let value = self.value(&arg.ty, 0);
            if variables && self.rng.random_bool(0.3) {
                let name = format!("v{}", self.declared.len());
                self.declared.push(format!("${name}: {}", arg.ty.written()));
                self.variables.insert(name.clone(), value);
                written.push(format!("{}: ${name}", arg.name));
            } else {
                written.push(format!("{}: {}", arg.name, self.literal(&arg.ty, &value)));
            }
        }
        if written.is_empty() {
            String::new()
        } else {
            format!("({})", written.join(", "))
        }
    }

    /// The selection of a field of type `ty` (none for a leaf).
    fn selection(&mut self, ty: &str, depth: usize) -> String {
        let schema = Arc::clone(&self.schema);
        let Some(t) = schema.get(ty) else {
            return String::new();
        };
        match t.kind.as_str() {
            "OBJECT" if depth < 5 => {
                let n = self.rng.random_range(1..=4);
                let fields: Vec<String> = (0..n).map(|_| self.field_of(ty, depth, false)).collect();
                format!(" {{ {} }}", fields.join(" "))
            }
            "INTERFACE" | "UNION" if depth < 5 => {
                let Some(on) = t.possible.choose(&mut self.rng).cloned() else {
                    return " { __typename }".to_owned();
                };
                let inner = self.selection(&on, depth + 1);
                format!(" {{ __typename ... on {on}{inner} }}")
            }
            "OBJECT" | "INTERFACE" | "UNION" => " { __typename }".to_owned(),
            _ => String::new(),
        }
    }

    /// A value for a type, as JSON: mostly of the type, sometimes not.
    fn value(&mut self, ty: &TypeRef, depth: usize) -> Value {
        if self.rng.random_bool(0.03) {
            return [json!(null), json!("wrong"), json!(7), json!([])]
                .choose(&mut self.rng)
                .cloned()
                .unwrap_or_default();
        }
        match ty {
            TypeRef::NonNull(inner) => self.value(inner, depth),
            TypeRef::List(inner) => {
                let n = self.rng.random_range(0..=3);
                Value::Array((0..n).map(|_| self.value(inner, depth + 1)).collect())
            }
            TypeRef::Named(name) => self.named(name, depth),
        }
    }

    fn named(&mut self, name: &str, depth: usize) -> Value {
        let schema = Arc::clone(&self.schema);
        let Some(t) = schema.get(name) else {
            return Value::Null;
        };
        match t.kind.as_str() {
            "ENUM" => match t.enum_values.choose(&mut self.rng) {
                Some(v) if !self.rng.random_bool(0.05) => json!(v),
                _ => json!("NOT_A_VALUE"),
            },
            "INPUT_OBJECT" => self.input(&t.input_fields, depth),
            _ => self.scalar(name),
        }
    }

    fn input(&mut self, fields: &[Arg], depth: usize) -> Value {
        let mut object = Map::new();
        for field in fields {
            let required = matches!(field.ty, TypeRef::NonNull(_));
            if (required || self.rng.random_bool(0.5)) && depth < 4 {
                object.insert(field.name.clone(), self.value(&field.ty, depth + 1));
            }
        }
        Value::Object(object)
    }

    fn scalar(&mut self, name: &str) -> Value {
        let r = &mut self.rng;
        match name {
            "UUID" | "ID" => match r.random_range(0..10) {
                0 => json!(uuid::Uuid::new_v4().to_string()),
                1 => json!("not-a-uuid"),
                _ => json!(self.ids.choose(r).cloned().unwrap_or_default()),
            },
            "Int" => json!([0, 1, 2, -1, 5, 100, 101, 1_000_000, i64::from(i32::MAX)].choose(r)),
            "Float" => json!([0.0, 1.5, -3.25, 1e300].choose(r)),
            "Boolean" => json!(r.random_bool(0.5)),
            "Decimal" => json!(
                [
                    "12.50",
                    "0",
                    "-1",
                    "1e400",
                    "abc",
                    "99999999999999999999999999"
                ]
                .choose(r)
            ),
            "NaiveDate" => {
                json!(["2026-05-01", "2026-12-31", "1999-01-01", "2026-02-30", "x"].choose(r))
            }
            "DateTime" => json!(
                [
                    "2026-05-01T10:00:00Z",
                    "2030-01-01T00:00:00Z",
                    "2026-05-01",
                    "yesterday"
                ]
                .choose(r)
            ),
            "JSON" => json!({ "k": [1, "two"] }),
            _ => json!(STRINGS.choose(r)),
        }
    }

    /// A JSON value written as a GraphQL literal of `ty` (enums bare).
    fn literal(&self, ty: &TypeRef, value: &Value) -> String {
        let named = self.schema.get(ty.name());
        match value {
            Value::Array(items) => {
                let inner = match ty {
                    TypeRef::NonNull(t) => match t.as_ref() {
                        TypeRef::List(i) => i.as_ref().clone(),
                        other => other.clone(),
                    },
                    TypeRef::List(i) => i.as_ref().clone(),
                    other => other.clone(),
                };
                let items: Vec<String> = items.iter().map(|v| self.literal(&inner, v)).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Object(map) => {
                let fields = named.map(|t| t.input_fields.clone()).unwrap_or_default();
                let written: Vec<String> = map
                    .iter()
                    .map(|(k, v)| {
                        let field_ty = fields
                            .iter()
                            .find(|f| &f.name == k)
                            .map(|f| f.ty.clone())
                            .unwrap_or(TypeRef::Named("String".to_owned()));
                        format!("{k}: {}", self.literal(&field_ty, v))
                    })
                    .collect();
                format!("{{{}}}", written.join(", "))
            }
            Value::String(s) if named.is_some_and(|t| t.kind == "ENUM") => s.clone(),
            other => other.to_string(),
        }
    }

    /// The operation's text, broken in one of several ways.
    fn broken(&mut self, text: String) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let at = self.rng.random_range(0..chars.len().max(1));
        match self.rng.random_range(0..5) {
            0 => {
                chars.remove(at.min(chars.len().saturating_sub(1)));
            }
            1 => {
                let c = *['{', '}', '(', ')', '$', '!', '"', ':', '@', '\\', '…']
                    .choose(&mut self.rng)
                    .unwrap_or(&'{');
                chars.insert(at, c);
            }
            2 => chars.truncate(at),
            3 => {
                return text
                    .replacen(" id", " idd", 1)
                    .replacen("Partnership", "Partnershp", 1);
            }
            _ => return format!("{text} {text}"),
        }
        chars.into_iter().collect()
    }
}
