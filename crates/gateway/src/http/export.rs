//! The exports: one row per partnership or per measurement, as CSV that
//! Excel opens safely (UTF-8 with a byte order mark unless `?bom=false`;
//! a cell that would start a formula gets a leading `'`) or as an `.xlsx`
//! workbook, with the access rules of the GraphQL queries: an operator
//! exports everything, a city account its city's partnerships only.
//!
//! [`respond`] takes a viewer already authenticated and a [`Download`], so
//! that another router can offer the same files behind its own
//! authentication (a browser session); the gateway's route
//! `/export/{file}` authenticates with a bearer token.

use super::auth::required;
use super::media::Media;
use super::state::AppState;
use crate::context::Viewer;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use c2c_domain::ErrorCode;
use c2c_store::{Export, Scope, Store};
use futures_util::StreamExt;
use std::borrow::Cow;

/// The byte order mark that tells Excel a CSV file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// The most rows a worksheet holds, its header included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;

/// The file format of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV, with or without the byte order mark.
    Csv {
        /// Whether the file starts with [`BOM`].
        bom: bool,
    },
    /// An Excel workbook with one worksheet.
    Xlsx,
}

/// A file to download: what it holds and its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Download {
    /// What the file holds.
    pub what: Export,
    /// Its format.
    pub format: Format,
}

impl Download {
    /// The download a file name asks for (`partnerships.csv`,
    /// `measurements.xlsx`, …), with the options of a query string
    /// (`bom=false` drops the CSV's byte order mark).
    pub fn parse(file: &str, query: Option<&str>) -> Option<Download> {
        let (name, extension) = file.rsplit_once('.')?;
        let what = match name {
            "partnerships" => Export::Partnerships,
            "measurements" => Export::Measurements,
            _ => return None,
        };
        let bom = !query
            .unwrap_or("")
            .split('&')
            .any(|pair| matches!(pair.split_once('='), Some(("bom", "false" | "0" | "no"))));
        let format = match extension {
            "csv" => Format::Csv { bom },
            "xlsx" => Format::Xlsx,
            _ => return None,
        };
        Some(Download { what, format })
    }

    /// The file's name.
    pub fn file_name(&self) -> String {
        let name = match self.what {
            Export::Partnerships => "partnerships",
            Export::Measurements => "measurements",
        };
        match self.format {
            Format::Csv { .. } => format!("{name}.csv"),
            Format::Xlsx => format!("{name}.xlsx"),
        }
    }
}

/// What a viewer may export: everything for an operator, its city's
/// partnerships for a city account, nothing for an account of no city.
pub fn scope_of(viewer: &Viewer) -> Option<Scope> {
    if viewer.is_operator() {
        Some(Scope::All)
    } else {
        viewer.city().map(Scope::City)
    }
}

/// Serves an export to an account authenticated elsewhere: (account, file
/// name, query string) → the download.
pub type DownloadHook = std::sync::Arc<
    dyn Fn(
            c2c_store::Account,
            String,
            Option<String>,
        ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response> + Send>>
        + Send
        + Sync,
>;

/// The download a file name asks for, for an account already authenticated
/// (a browser's session): "not found" for a file there is not.
pub async fn for_account(
    store: &Store,
    account: c2c_store::Account,
    file: &str,
    query: Option<&str>,
) -> Response {
    match Download::parse(file, query) {
        Some(download) => {
            let viewer = Viewer {
                account,
                token_expires_at: None,
                token_id: None,
            };
            respond(store, &viewer, download).await
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `/export/{file}` with a bearer token.
pub(super) async fn with_token(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let Some(download) = Download::parse(&file, query.as_deref()) else {
        return Media::Json.error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such export: ask for partnerships or measurements, .csv or .xlsx",
        );
    };
    match required(&state.store, &headers, Media::Json).await {
        Ok(viewer) => respond(&state.store, &viewer, download).await,
        Err(refusal) => refusal,
    }
}

/// The download for an authenticated viewer: a streamed CSV, or a workbook.
pub async fn respond(store: &Store, viewer: &Viewer, download: Download) -> Response {
    let Some(scope) = scope_of(viewer) else {
        return Media::Json.error(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this account belongs to no city",
        );
    };
    let (content_type, body) = match download.format {
        Format::Csv { bom } => (
            "text/csv; charset=utf-8",
            csv_stream(store.clone(), download.what, scope, bom),
        ),
        Format::Xlsx => match xlsx(store, download.what, scope).await {
            Ok(bytes) => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Body::from(bytes),
            ),
            Err(refusal) => return refusal,
        },
    };
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let disposition = format!("attachment; filename=\"{}\"", download.file_name());
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// A cell as Excel may open it: one that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be read as a formula, so it gets a
/// leading `'`; a plain negative number (`-12.5`) is left as it is.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let negative_number = cell
        .strip_prefix('-')
        .is_some_and(|rest| decimal(rest).is_some());
    if risky && !negative_number {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The value of a plain decimal (`12`, `0.5`; no sign, exponent or leading
/// zero) that a spreadsheet holds exactly enough (15 digits at most).
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && (whole == "0" || !whole.starts_with('0'))
        && !(text.contains('.') && fraction.is_empty())
        && whole.len() + fraction.len() <= 15;
    plain.then(|| text.parse().ok()).flatten()
}

/// One CSV line of neutralised cells.
fn csv_line<I, T>(fields: I) -> Result<Bytes, std::io::Error>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(
        fields
            .into_iter()
            .map(|f| neutralised(f.as_ref()).into_owned()),
    )?;
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// The CSV export as a body streamed from the database, row by row.
fn csv_stream(store: Store, what: Export, scope: Scope, bom: bool) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(64);
    tokio::spawn(async move {
        let header = csv_line(what.header()).map(|line| {
            if bom {
                Bytes::from([BOM.as_bytes(), &line].concat())
            } else {
                line
            }
        });
        if tx.send(header).await.is_err() {
            return;
        }
        let mut records = match store.export(what, scope).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "export failed");
                let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                return;
            }
        };
        while let Some(record) = records.next().await {
            let line = match record {
                Ok(fields) => csv_line(&fields),
                Err(e) => {
                    tracing::error!(error = %e, "export failed part-way");
                    Err(std::io::Error::other("export failed"))
                }
            };
            let failed = line.is_err();
            if tx.send(line).await.is_err() || failed {
                return;
            }
        }
    });
    Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
}

/// The export as a workbook: the rows are written, as they come from the
/// database, to a worksheet in constant memory (a temporary file), then
/// the workbook is sent whole. Numbers are numbers; everything else is text
/// (text is never read as a formula in a workbook).
async fn xlsx(store: &Store, what: Export, scope: Scope) -> Result<Vec<u8>, Response> {
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "xlsx export failed");
        Media::Json.error(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal error (request logged)",
        )
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<String>>(256);
    let writer = tokio::task::spawn_blocking(move || write_workbook(what.header(), rx));
    let mut records = store.export(what, scope).await.map_err(|e| internal(&e))?;
    let mut rows: u32 = 1;
    while let Some(record) = records.next().await {
        let record = record.map_err(|e| internal(&e))?;
        rows += 1;
        if rows > XLSX_MAX_ROWS {
            return Err(Media::Json.error(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidInput,
                "the export has more rows than a worksheet holds (1 048 576): download the CSV",
            ));
        }
        if tx.send(record).is_err() {
            break;
        }
    }
    drop(tx);
    match writer.await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => Err(internal(&e)),
        Err(e) => Err(internal(&e)),
    }
}

/// Writes a header and the rows it receives to a workbook, in constant memory.
fn write_workbook(
    header: &[&str],
    rows: std::sync::mpsc::Receiver<Vec<String>>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    for (col, name) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, col, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, record) in (1u32..).zip(rows.iter()) {
        for (col, cell) in (0u16..).zip(&record) {
            if cell.is_empty() {
                continue;
            }
            let number = cell
                .strip_prefix('-')
                .map_or_else(|| decimal(cell), |rest| decimal(rest).map(|v| -v));
            match number {
                Some(value) => sheet.write_number(row, col, value)?,
                None => sheet.write_string(row, col, cell)?,
            };
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use crate::http::export::{Download, Format, decimal, neutralised};
    use c2c_store::Export;

    #[test]
    fn a_cell_that_would_start_a_formula_gets_a_leading_apostrophe() {
        for risky in [
            "=1+1",
            "+33 1 23",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "=HYPERLINK(\"x\")",
        ] {
            assert_eq!(neutralised(risky), format!("'{risky}"));
        }
        for safe in ["Łódź", "12", "-12.5", "-3", "a=b", "", " =1"] {
            assert_eq!(neutralised(safe), safe);
        }
    }

    #[test]
    fn plain_decimals_are_numbers_and_codes_with_leading_zeros_are_not() {
        assert_eq!(decimal("12"), Some(12.0));
        assert_eq!(decimal("0.25"), Some(0.25));
        for text in ["007", "1e5", "1.", ".5", "12a", "", "1234567890123456"] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }

    #[test]
    fn a_file_name_and_query_name_the_download() {
        assert_eq!(
            Download::parse("partnerships.csv", None),
            Some(Download {
                what: Export::Partnerships,
                format: Format::Csv { bom: true }
            })
        );
        assert_eq!(
            Download::parse("measurements.csv", Some("bom=false")),
            Some(Download {
                what: Export::Measurements,
                format: Format::Csv { bom: false }
            })
        );
        assert_eq!(
            Download::parse("partnerships.xlsx", None).map(|d| d.file_name()),
            Some("partnerships.xlsx".to_owned())
        );
        assert_eq!(Download::parse("accounts.csv", None), None);
        assert_eq!(Download::parse("partnerships.pdf", None), None);
    }
}
