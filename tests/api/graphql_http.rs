//! GraphQL over HTTP as the spec says: the media type the client accepts,
//! the status codes of each media type (400 without `data` for request
//! errors under `application/graphql-response+json`, 200 under
//! `application/json`), 415 for a body that is not declared JSON, queries
//! over `GET` (mutations refused with 405), syntax errors in words, and
//! GraphiQL at `/graphiql` (`/` and a browser's `GET /graphql` are sent there).

use crate::helpers::{TestApp, on_both_backends};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

/// An answer: status, headers, body as JSON (`Null` when it is not JSON).
struct Answer {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

impl Answer {
    fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn message(&self) -> &str {
        self.body
            .pointer("/errors/0/message")
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

async fn answer(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    Answer {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

/// A `POST /graphql` with a token, an `Accept` (none if empty) and a JSON body.
async fn post(app: &TestApp, accept: &str, body: Value) -> Answer {
    let mut request = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(&app.operator)
        .header("content-type", "application/json")
        .body(body.to_string());
    if !accept.is_empty() {
        request = request.header("accept", accept);
    }
    answer(request).await
}

/// A `GET /graphql` with a token, an `Accept` and query parameters.
async fn get(app: &TestApp, accept: &str, params: &[(&str, &str)]) -> Answer {
    answer(
        app.client
            .get(format!("{}/graphql", app.address))
            .bearer_auth(&app.operator)
            .header("accept", accept)
            .query(params),
    )
    .await
}

const JSON: &str = "application/json";
const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn the_answer_comes_in_the_media_type_the_client_accepts(app) {
        let query = json!({ "query": "{ __typename }" });
        for (accept, expected) in [
            (JSON, JSON),
            (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
            ("application/graphql-response+json, application/json;q=0.9", GRAPHQL_RESPONSE),
            ("*/*", JSON),
            ("", JSON),
        ] {
            let a = post(&app, accept, query.clone()).await;
            assert_eq!(a.status, 200, "Accept: {accept}");
            assert!(a.content_type().starts_with(expected), "Accept: {accept} gave {}", a.content_type());
            assert!(a.content_type().contains("charset=utf-8"));
            assert_eq!(a.body, json!({ "data": { "__typename": "Query" } }));
        }
        let refused = post(&app, "text/html", query).await;
        assert_eq!(refused.status, 406);
        assert_eq!(refused.body["errors"][0]["extensions"]["code"], "INVALID_INPUT");
    }

    async fn request_errors_are_400_without_data_in_graphql_response_json_and_200_in_json(app) {
        let cases = [
            (json!({ "query": "{ me { account { id } }" }), "Syntax error at line 1, column 24: expected a selection"),
            (json!({ "query": "{ nothingHere }" }), "nothingHere"),
            (json!({ "query": "query($id: UUID!) { partnership(id: $id) { id } }", "variables": {} }), "$id"),
            (json!({ "query": "query($id: UUID!) { partnership(id: $id) { id } }", "variables": { "id": "not a uuid" } }), "UUID"),
            (json!({ "query": "query A { __typename } query B { __typename }", "operationName": "C" }), "C"),
        ];
        for (request, says) in cases {
            let strict = post(&app, GRAPHQL_RESPONSE, request.clone()).await;
            assert_eq!(strict.status, 400, "{request}: {}", strict.body);
            assert!(strict.body.get("data").is_none(), "{request}: {}", strict.body);
            assert_eq!(strict.body["errors"][0]["extensions"]["code"], "INVALID_INPUT");
            assert!(strict.message().contains(says), "{request}: {}", strict.message());
            let lenient = post(&app, JSON, request.clone()).await;
            assert_eq!(lenient.status, 200, "{request}: {}", lenient.body);
            assert!(lenient.body.get("data").is_none(), "{request}: {}", lenient.body);
            assert_eq!(lenient.body["errors"], strict.body["errors"]);
        }
        // An error during execution is a GraphQL result: 200 with `data`, in both.
        let missing = json!({ "query": "query($id: UUID!) { partnership(id: $id) { id } }", "variables": { "id": "0190f5e2-0000-7000-8000-000000000000" } });
        for accept in [GRAPHQL_RESPONSE, JSON] {
            let a = post(&app, accept, missing.clone()).await;
            assert_eq!(a.status, 200, "{}", a.body);
            assert!(a.body.get("data").is_some(), "{}", a.body);
            assert_eq!(a.body["errors"][0]["extensions"]["code"], "NOT_FOUND", "{}", a.body);
        }
        // Parameters that are not a GraphQL request: 400 whatever the media type.
        for body in [json!({ "query": 1 }), json!({ "query": "{ __typename }", "variables": "x" }), json!({ "query": "{ __typename }", "operationName": false }), json!({ "query": "{ __typename }", "extensions": [1] }), json!({ "qeury": "{ __typename }" })] {
            for accept in [JSON, GRAPHQL_RESPONSE] {
                let a = post(&app, accept, body.clone()).await;
                assert_eq!(a.status, 400, "{body}");
                assert_eq!(a.body["errors"][0]["extensions"]["code"], "INVALID_INPUT", "{body}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_must_declare_its_json_body() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let body = json!({ "query": "{ __typename }" }).to_string();
    let without = answer(
        app.client
            .post(format!("{}/graphql", app.address))
            .bearer_auth(&app.operator)
            .body(body.clone()),
    )
    .await;
    assert_eq!(without.status, 415, "{}", without.body);
    assert!(
        without.message().contains("no Content-Type"),
        "{}",
        without.message()
    );
    for declared in [
        "text/plain",
        "application/graphql",
        "application/json; charset=latin1",
    ] {
        let (status, _) = app
            .post(Some(&app.operator), body.clone().into(), declared)
            .await;
        assert_eq!(status, 415, "{declared}");
    }
    let (status, _) = app
        .post(
            Some(&app.operator),
            body.clone().into(),
            "application/json; charset=UTF-8",
        )
        .await;
    assert_eq!(status, 200);
    let (status, text) = app
        .post(Some(&app.operator), "".into(), "application/json")
        .await;
    assert_eq!(status, 400, "{text}");
    // Without a token: 401 with UNAUTHENTICATED, as before.
    let (status, text) = app.post(None, body.into(), "application/json").await;
    assert_eq!(status, 401);
    assert!(text.contains("UNAUTHENTICATED"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_runs_queries_from_the_query_string_and_never_mutations() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let a = get(
        &app,
        JSON,
        &[
            (
                "query",
                "query Me($n: String!) { me { account { role } } __type(name: $n) { name } }",
            ),
            ("variables", "{\"n\": \"Step\"}"),
            ("operationName", "Me"),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(
        a.body,
        json!({ "data": { "me": { "account": { "role": "OPERATOR" } }, "__type": { "name": "Step" } } })
    );
    let before = app.count("partnership").await;
    for accept in [JSON, GRAPHQL_RESPONSE] {
        let refused = get(
            &app,
            accept,
            &[("query", "mutation { startPartnership(atStep: AIM) { id } }")],
        )
        .await;
        assert_eq!(refused.status, 405, "{}", refused.body);
        assert_eq!(refused.headers.get("allow").unwrap(), "POST");
        assert!(refused.message().contains("POST"), "{}", refused.message());
    }
    assert_eq!(
        app.count("partnership").await,
        before,
        "a GET wrote nothing"
    );
    let bad = get(
        &app,
        GRAPHQL_RESPONSE,
        &[("query", "{ __typename }"), ("variables", "[1]")],
    )
    .await;
    assert_eq!(bad.status, 400);
    let unparsable = get(&app, GRAPHQL_RESPONSE, &[("query", "{")]).await;
    assert_eq!(unparsable.status, 400);
    assert!(
        unparsable
            .message()
            .starts_with("Syntax error at line 1, column 2: expected"),
        "{}",
        unparsable.message()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphiql_lives_at_slash_graphiql_and_browsers_are_sent_there() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // `/` is the web app: a browser without a session goes to its sign-in.
    let root = client
        .get(format!("{}/", app.address))
        .send()
        .await
        .unwrap();
    assert!(root.status().is_redirection());
    assert!(
        root.headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("/signin")
    );
    let browser = client
        .get(format!("{}/graphql", app.address))
        .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .unwrap();
    assert!(browser.status().is_redirection());
    assert_eq!(browser.headers().get("location").unwrap(), "/graphiql");
    let page = client
        .get(format!("{}/graphiql", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("GraphiQL"));
}
