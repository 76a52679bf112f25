//! The operator's platform in the browser, after the narrative: every panel of
//! the dashboard, the KPI totals over a chosen period, both exports in both
//! formats downloaded with the session, and the administration (a city, a
//! stakeholder, a KPI of the catalogue, an account disabled), each page
//! checked with axe-core in both languages.

use super::PASSWORD;
use super::browser::Browser;
use super::steps::{Val, form};
use super::tour::tour;
use c2c_store::{Invitation, Role, Store};
use chrono::Utc;
use serde_json::{Value, json};

/// Whether the page has an element.
async fn has(b: &Browser, css: &str) -> bool {
    let found = b
        .js(
            "return document.querySelector(arguments[0]) !== null;",
            vec![json!(css)],
        )
        .await;
    found.as_bool().unwrap_or(false)
}

/// The cells of the rows a selector finds.
async fn cells(b: &Browser, css: &str) -> Vec<Vec<String>> {
    let script = "return [...document.querySelectorAll(arguments[0])]\
         .map(r => [...r.querySelectorAll('td')].map(c => c.innerText.trim()));";
    let rows = b.js(script, vec![json!(css)]).await;
    serde_json::from_value(rows).unwrap_or_default()
}

/// The text of the table row that holds `text`, and the address of the link
/// `link` in it.
async fn row(b: &Browser, text: &str, link: &str) -> (String, String) {
    let script = "const [text, link] = arguments;\
         const row = [...document.querySelectorAll('tbody tr')].find(r => r.innerText.includes(text));\
         if (!row) return ['', ''];\
         const a = [...row.querySelectorAll('a')].find(a => a.innerText.trim() === link);\
         return [row.innerText, a ? a.getAttribute('href') : ''];";
    let found = b.js(script, vec![json!(text), json!(link)]).await;
    let at = |i: usize| found[i].as_str().unwrap_or_default().to_owned();
    (at(0), at(1))
}

/// The panels of the dashboard, by the id of their section.
const PANELS: [&str; 10] = [
    "platform-funnel",
    "platform-time",
    "platform-stalled",
    "platform-expiring",
    "platform-unfollowed",
    "platform-without-plan",
    "platform-one-sided",
    "platform-persons",
    "platform-kpi",
    "platform-exports",
];

/// An operator invited by link, signed in.
async fn operator(address: &str, store: &Store) -> Browser {
    let secret = store
        .invite(&Invitation {
            email: "operator@platform.test".into(),
            name: "Ada Operator".into(),
            role: Role::Operator,
            city: None,
            invited_by: None,
            expires_at: Utc::now() + chrono::Duration::days(1),
        })
        .await
        .expect("an invitation");
    let b = Browser::open(address, "en", 1280).await;
    b.goto(&format!("/invite/{secret}")).await;
    b.fill("password", PASSWORD).await;
    b.fill("repeat", PASSWORD).await;
    b.submit().await;
    assert_eq!(b.path().await, "/");
    b
}

/// Downloads a file with the page's session (the browser's own request):
/// its status, content type, size and first bytes as hex.
async fn download(b: &Browser, href: &str) -> (u64, String, u64, String, String) {
    let r = b
        .js_async(
            "const [href, done] = arguments;\
             fetch(href, { credentials: 'same-origin' })\
               .then(async r => { const bytes = new Uint8Array(await r.arrayBuffer());\
                 const head = [...bytes.slice(0, 4)].map(x => x.toString(16).padStart(2, '0')).join('');\
                 done([r.status, r.headers.get('content-type') || '', bytes.length, head,\
                   new TextDecoder().decode(bytes)]); })\
               .catch(e => done([0, String(e), 0, '', '']));",
            vec![json!(href)],
        )
        .await;
    let at = |i: usize| r.get(i).cloned().unwrap_or(Value::Null);
    (
        at(0).as_u64().unwrap_or(0),
        at(1).as_str().unwrap_or_default().to_owned(),
        at(2).as_u64().unwrap_or(0),
        at(3).as_str().unwrap_or_default().to_owned(),
        at(4).as_str().unwrap_or_default().to_owned(),
    )
}

/// The operator's tour. `measured` is the KPI the narrative measured;
/// `partner` an editor account's name that may be disabled.
pub async fn platform(address: &str, store: &Store, measured: &str, partner: &str) {
    let b = operator(address, store).await;
    b.follow("Platform").await;
    assert_eq!(b.path().await, "/platform");
    let text = b.text().await;
    for id in PANELS {
        assert!(has(&b, &format!("section#{id} h2")).await, "no panel {id}");
    }
    assert!(
        has(&b, "#platform-funnel svg").await,
        "the funnel is a chart"
    );
    // Two partnerships: the narrative's, at Replicate, and the one it spawned.
    let funnel = cells(&b, "#platform-funnel tbody tr").await;
    assert_eq!(funnel.len(), 8, "{text}");
    let count = |step: &str| funnel.iter().find(|r| r[0] == step).map(|r| r[1].clone());
    assert_eq!(
        (count("Partner"), count("Replicate")),
        (Some("1".into()), Some("1".into()))
    );
    // The KPI totals of the narrative's KPI, over the narrative's period.
    b.choose("kpi", measured).await;
    b.date("from", "2000-01-01").await;
    b.press(".filters button").await;
    let totals = cells(&b, "#platform-kpi tbody tr").await;
    let gothenburg = totals.iter().find(|r| r[0] == "Gothenburg");
    // Two measurements of 3 visits, one in each cycle.
    assert_eq!(
        gothenburg.map(|r| (r[1].as_str(), r[2].as_str())),
        Some(("2", "6")),
        "{totals:?}"
    );
    b.screenshot("platform-en").await;
    for file in ["partnerships", "measurements"] {
        let (status, kind, size, head, body) =
            download(&b, &format!("/downloads/{file}.csv")).await;
        assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
        // UTF-8's byte order mark, for Excel.
        assert!(head.starts_with("efbbbf") && size > 100, "{head} {body}");
        assert!(body.contains("Gothenburg"), "{body}");
        let (status, kind, size, head, _) = download(&b, &format!("/downloads/{file}.xlsx")).await;
        assert_eq!(status, 200);
        assert!(kind.contains("spreadsheetml"), "{kind}");
        assert_eq!(head, "504b0304", "a zip file ({size} bytes)");
    }
    administration(&b, partner).await;
    let paths: Vec<String> = [
        "/platform",
        "/platform/cities",
        "/platform/cities/new",
        "/platform/accounts",
        "/platform/kpis",
        "/platform/kpis/new",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(b.links("/platform/cities/").await.into_iter().take(1))
    .collect();
    tour(&b, &paths).await;
    b.goto("/lang/zh-CN?next=/platform").await;
    b.screenshot("platform-zh").await;
    b.goto("/lang/en?next=/").await;
    b.close().await;
}

/// A city, a stakeholder, a KPI, and an account disabled, through the forms.
async fn administration(b: &Browser, partner: &str) {
    form(
        b,
        "/platform/cities/new",
        &[
            ("name", Val::Text("Nanjing")),
            ("country", Val::Text("cn")),
            ("timeZone", Val::Text("Asia/Shanghai")),
            ("areas", Val::Tick("EDUCATION_RESEARCH")),
        ],
    )
    .await;
    assert_eq!(b.path().await, "/platform/cities");
    assert!(b.text().await.contains("Nanjing"));
    b.goto("/platform/cities/new").await;
    b.fill("name", "Nowhere").await;
    b.fill("country", "XX").await;
    b.fill("timeZone", "Mars/Olympus").await;
    b.submit().await;
    let refused = b.text().await;
    assert_eq!(b.path().await, "/platform/cities/new", "{refused}");
    let typed = b
        .js(
            "return document.querySelector('[name=name]').value;",
            vec![],
        )
        .await;
    assert_eq!(typed, "Nowhere", "what was typed stays");
    b.goto("/platform/cities").await;
    let (_, nanjing) = row(b, "Nanjing", "Add a stakeholder").await;
    form(
        b,
        &nanjing,
        &[
            ("name", Val::Text("Nanjing University")),
            ("sector", Val::Tick("ACADEMIA")),
            ("involvement", Val::Choose("DELIVERER")),
        ],
    )
    .await;
    form(
        b,
        "/platform/kpis/new",
        &[
            ("code", Val::Text("JOINT_PATENTS")),
            ("name", Val::Text("Joint patents filed")),
            ("unit", Val::Choose("COUNT")),
            ("direction", Val::Tick("HIGHER_IS_BETTER")),
            ("category", Val::Text("innovation")),
        ],
    )
    .await;
    assert!(b.text().await.contains("JOINT_PATENTS"));
    b.goto("/platform/accounts").await;
    let (before, disable) = row(b, partner, "Disable the account").await;
    b.goto(&disable).await;
    b.submit().await;
    let (after, _) = row(b, partner, "").await;
    assert!(after.contains("Disabled on"), "{before} → {after}");
}
