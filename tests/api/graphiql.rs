//! GraphiQL works without the internet: `/graphiql` and every script and
//! stylesheet it references come from the gateway, and none of them makes
//! the browser load anything from another host.

use crate::helpers::{Backend, TestApp};

/// The URLs the vendored builds hold that name another host without the
/// page ever loading them, each with why. Anything else fails the test (a
/// new GraphiQL or React version must be reviewed against this list).
const INERT: &[(&str, &str)] = &[
    // XML namespace names: identifiers that React and GraphiQL give
    // `createElementNS`; no browser fetches them.
    ("http://www.w3.org/2000/svg", "namespace"),
    ("http://www.w3.org/1999/xhtml", "namespace"),
    ("http://www.w3.org/1999/xlink", "namespace"),
    ("http://www.w3.org/1998/Math/MathML", "namespace"),
    ("http://www.w3.org/XML/1998/namespace", "namespace"),
    // Text of messages and descriptions, shown, never loaded.
    (
        "https://reactjs.org/docs/error-decoder.html?invariant=",
        "React's minified error messages",
    ),
    (
        "https://en.wikipedia.org/wiki/IEEE_floating_point",
        "graphql-js's description of Float",
    ),
    (
        "https://commonmark.org/",
        "graphql-js's description of @deprecated",
    ),
    (
        "https://github.com/graphql/graphiql/blob/master/examples/graphiql-cdn/index.html#L49",
        "a console message for React 15",
    ),
    // Licence notices of modules bundled in GraphiQL.
    ("https://github.com/jonschlinkert", "licence notice"),
    (
        "https://github.com/jonschlinkert/get-value",
        "licence notice",
    ),
    (
        "https://github.com/jonschlinkert/is-primitive",
        "licence notice",
    ),
    (
        "https://github.com/jonschlinkert/isobject",
        "licence notice",
    ),
    (
        "https://github.com/jonschlinkert/set-value",
        "licence notice",
    ),
    // Links a person may follow: the default logo's (c2c's page replaces
    // the logo) and the CodeMirror manual's in the settings dialog.
    (
        "https://github.com/graphql/graphiql",
        "link of the default logo",
    ),
    (
        "https://codemirror.net/5/doc/manual.html#keymaps",
        "link in the settings dialog",
    ),
];

/// Every `http://` or `https://` URL that names a host (markdown-it's bare
/// `"http://"` prefix names none), and every protocol-relative `//host` URL.
fn host_urls(text: &str) -> Vec<String> {
    let stop = |c: char| c.is_whitespace() || "\"'`<>)]\\".contains(c);
    let mut found = Vec::new();
    for scheme in ["http://", "https://"] {
        for (at, _) in text.match_indices(scheme) {
            let url: String = text[at..].chars().take_while(|c| !stop(*c)).collect();
            if url.len() > scheme.len() {
                found.push(url);
            }
        }
    }
    for (at, _) in text.match_indices("//") {
        let before = text[..at].chars().next_back();
        let host: String = text[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let quoted = matches!(before, Some('"' | '\'' | '(' | '='));
        if quoted && host.contains('.') && host.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            found.push(format!("//{host}"));
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphiql_and_every_asset_it_references_come_from_the_server_alone() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let page = app
        .client
        .get(format!("{}/graphiql", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("GraphiQL"));

    let referenced: Vec<String> = ["src=\"", "href=\""]
        .iter()
        .flat_map(|attr| html.split(attr).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(referenced.len(), 6, "{referenced:?}");
    let mut texts = vec![("/graphiql".to_owned(), html.clone())];
    for path in &referenced {
        assert!(
            path.starts_with('/') && !path.starts_with("//"),
            "{path} is not on this server"
        );
        let response = app
            .client
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let cache = response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .to_owned();
        if path.contains('@') {
            assert!(
                cache.contains("max-age=31536000") && cache.contains("immutable"),
                "{path}: {cache}"
            );
        }
        texts.push((path.clone(), response.text().await.unwrap()));
    }
    // The page sets up subscriptions over /graphql/ws and the token.
    let script = &texts
        .iter()
        .find(|(p, _)| p == "/graphiql/c2c.js")
        .unwrap()
        .1;
    assert!(script.contains("/graphql/ws") && script.contains("localStorage"));
    assert!(script.contains("wsConnectionParams") && script.contains("Authorization"));

    for (path, text) in &texts {
        for url in host_urls(text) {
            if url.starts_with(&app.address) {
                continue;
            }
            assert!(
                INERT.iter().any(|(inert, _)| *inert == url),
                "{path} references another host: {url}"
            );
        }
    }
    // The inert list holds nothing the files no longer contain.
    let all: Vec<String> = texts.iter().flat_map(|(_, t)| host_urls(t)).collect();
    for (inert, why) in INERT {
        assert!(
            all.iter().any(|u| u == inert),
            "{inert} ({why}) is no longer there: drop it"
        );
    }
}

#[test]
fn the_url_scan_finds_absolute_and_protocol_relative_urls() {
    let text = r#"a="https://cdn.example.com/x.js" b=url(//fonts.example.org/f.woff) c="http://" d="//" e=1//2"#;
    assert_eq!(
        host_urls(text),
        vec!["https://cdn.example.com/x.js", "//fonts.example.org"]
    );
}
