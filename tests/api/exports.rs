//! The exports open safely in Excel: CSV in UTF-8 with a byte order mark
//! (unless `?bom=false`), cells that would start a formula neutralised with
//! a leading `'`, and the same rows as an `.xlsx` workbook.

use crate::helpers::{TestApp, on_both_backends, str_at};
use serde_json::json;
use std::io::Read;

const BOM: &str = "\u{feff}";

async fn download(app: &TestApp, token: &str, file: &str) -> (u16, String, Vec<u8>) {
    let response = app
        .client
        .get(format!("{}/export/{file}", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (
        status,
        content_type,
        response.bytes().await.unwrap().to_vec(),
    )
}

/// The records of a CSV body (after its byte order mark, if any).
fn records(body: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(body.trim_start_matches(BOM).as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The XML of a workbook's first worksheet.
fn first_sheet(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("an xlsx is a zip");
    let mut sheet = archive
        .by_name("xl/worksheets/sheet1.xml")
        .expect("a first worksheet");
    let mut xml = String::new();
    sheet.read_to_string(&mut xml).unwrap();
    xml
}

on_both_backends! { crate::helpers::TestApp::spawn;
    async fn exports_open_safely_in_excel_as_csv_and_as_xlsx(app) {
        // A city whose name would be a formula, and one with letters beyond
        // ASCII (Łódź), each starting a partnership with the other.
        let formula = "=HYPERLINK(\"http://evil.example\",\"Göteborg\")";
        app.gql(
            &app.operator,
            "mutation($id: UUID!, $i: CityInput!) { updateCity(id: $id, input: $i) { id } }",
            json!({ "id": app.initiator.id, "i": { "name": formula, "country": "SE", "timeZone": "Europe/Stockholm", "areas": ["EDUCATION_RESEARCH"], "lookingForPartner": true } }),
        )
        .await
        .ok();
        let started = app
            .gql(&app.initiator.editor, "mutation { startPartnership(atStep: AIM) { id } }", json!({}))
            .await;
        let formula_partnership = str_at(started.ok(), "/startPartnership/id");
        app.gql(&app.unrelated.editor, "mutation { startPartnership(atStep: AIM) { id } }", json!({}))
            .await
            .ok();

        let (status, content_type, body) = download(&app, &app.operator, "partnerships.csv").await;
        assert_eq!(status, 200);
        assert_eq!(content_type, "text/csv; charset=utf-8");
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with(BOM), "a byte order mark by default");
        let rows = records(&text);
        assert_eq!(rows.len(), 2, "{text}");
        let initiator_name = |id: &str| {
            rows.iter().find(|r| r[0] == id).map(|r| r[2].clone()).unwrap()
        };
        assert_eq!(initiator_name(&formula_partnership), format!("'{formula}"));
        assert!(rows.iter().any(|r| r[2] == "Łódź"), "{rows:?}");
        assert!(!text.contains(",=") && !text.contains(",\"="), "no cell starts a formula: {text}");

        let (_, _, body) = download(&app, &app.operator, "partnerships.csv?bom=false").await;
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with("id,initiator_id,initiator,"), "{text}");
        assert_eq!(records(&text).len(), 2);

        // The same rows as a workbook: text cells are text, never formulas.
        let (status, content_type, body) = download(&app, &app.operator, "partnerships.xlsx").await;
        assert_eq!(status, 200);
        assert_eq!(content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let xml = first_sheet(&body);
        assert_eq!(xml.matches("<row ").count(), 3, "a header and two rows: {xml}");
        assert!(xml.contains("Łódź") && xml.contains("initiator_country"), "{xml}");
        assert!(xml.contains("<t>=HYPERLINK(\"http://evil.example\""), "{xml}");
        assert!(!xml.contains("<f>"), "no formula: {xml}");
        // A city account gets its own city's rows only, in both formats.
        let (_, _, body) = download(&app, &app.unrelated.viewer, "partnerships.xlsx").await;
        assert_eq!(first_sheet(&body).matches("<row ").count(), 2);
        let (status, _, _) = download(&app, &app.operator, "cities.xlsx").await;
        assert_eq!(status, 404);
    }
}
