//! Charts drawn on the server as SVG, readable without JavaScript: a line
//! chart of a KPI over its periods (one series per reporting city, with its
//! target as a dashed line) and a bar chart (the step funnel). Each chart is
//! an image with a title for screen readers; the page shows the same figures
//! in a table beside it.
//!
//! Written here rather than with a plotting crate: the pages need two simple
//! chart kinds, and `plotters` lays out text through system font libraries
//! (font-kit, fontconfig, FreeType) or font files, which a machine without
//! them cannot render. These few functions write the SVG directly.

use chrono::NaiveDate;
use std::fmt::Write as _;

/// A series of a line chart.
#[derive(Debug, Clone)]
pub struct Series {
    /// Its name (a city).
    pub name: String,
    /// Its points, by date.
    pub points: Vec<(NaiveDate, f64)>,
}

/// Colours and markers that stay apart for colour-blind readers and print.
const PALETTE: [&str; 4] = ["#0b5394", "#c45100", "#17663a", "#7b2d8b"];

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 56.0;

/// Escapes text for SVG.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A number as a short label: 1200000 → 1.2M.
fn short(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1}G", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn open(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{t}\" class=\"chart\"><title>{t}</title>",
        t = esc(title)
    );
}

fn y_axis(out: &mut String, max: f64) {
    for i in 0..=4 {
        let v = max * f64::from(i) / 4.0;
        let y = TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - f64::from(i) / 4.0);
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d5dbe2\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#4d5661\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            short(v)
        );
    }
}

/// A line chart of series over dates, with an optional target line.
pub fn line(title: &str, series: &[Series], target: Option<(&str, f64)>) -> String {
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    let (Some(first), Some(last)) = (dates.iter().min().copied(), dates.iter().max().copied())
    else {
        return String::new();
    };
    let top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(target.map(|t| t.1))
        .fold(0.0_f64, f64::max);
    let max = if top <= 0.0 { 1.0 } else { top * 1.1 };
    let span = ((last - first).num_days().max(1)) as f64;
    let x = |d: NaiveDate| LEFT + (WIDTH - LEFT - RIGHT) * ((d - first).num_days() as f64 / span);
    let y = |v: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - v / max);
    let mut out = String::new();
    open(&mut out, title);
    y_axis(&mut out, max);
    for d in [first, last] {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4d5661\">{}</text>",
            x(d),
            HEIGHT - BOTTOM + 18.0,
            d.format("%Y-%m-%d")
        );
    }
    if let Some((label, v)) = target {
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#9b1c1c\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#9b1c1c\">{}</text>",
            WIDTH - RIGHT,
            WIDTH - RIGHT,
            y(v) - 6.0,
            esc(label),
            y = y(v)
        );
    }
    for (i, s) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let path: Vec<String> = s
            .points
            .iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect();
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{}\"/>",
            path.join(" ")
        );
        for (d, v) in &s.points {
            let (cx, cy) = (x(*d), y(*v));
            if i % 2 == 0 {
                let _ = write!(
                    out,
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4.5\" fill=\"{colour}\"/>"
                );
            } else {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" fill=\"{colour}\"/>",
                    cx - 4.5,
                    cy - 4.5
                );
            }
        }
        let lx = LEFT + 150.0 * i as f64;
        let _ = write!(
            out,
            "<rect x=\"{lx}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1b1f24\">{}</text>",
            HEIGHT - 24.0,
            lx + 16.0,
            HEIGHT - 14.0,
            esc(&s.name)
        );
    }
    out.push_str("</svg>");
    out
}

/// A horizontal bar chart of labelled values.
pub fn bars(title: &str, bars: &[(String, f64)]) -> String {
    let max = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max).max(1.0);
    let row = 28.0;
    let height = TOP + row * bars.len() as f64 + 8.0;
    let label = 150.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{t}\" class=\"chart\"><title>{t}</title>",
        t = esc(title)
    );
    for (i, (name, v)) in bars.iter().enumerate() {
        let y = TOP + row * i as f64;
        let w = (WIDTH - label - 60.0) * v / max;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1f24\">{}</text>\
             <rect x=\"{label}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"20\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1b1f24\">{}</text>",
            label - 8.0,
            y + 15.0,
            esc(name),
            PALETTE[0],
            label + w + 6.0,
            y + 15.0,
            short(*v)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_line_chart_draws_every_series_and_the_target_with_escaped_names() {
        let series = [
            Series {
                name: "Łódź <office>".into(),
                points: vec![(d("2024-01-01"), 10.0), (d("2025-01-01"), 30.0)],
            },
            Series {
                name: "Chengdu".into(),
                points: vec![(d("2024-06-01"), 20.0)],
            },
        ];
        let svg = line("Visitors", &series, Some(("Target", 50.0)));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains("Łódź &lt;office&gt;"));
        assert!(svg.contains("stroke-dasharray"), "the target is drawn");
        assert!(svg.contains("<title>Visitors</title>"));
    }

    #[test]
    fn a_chart_without_points_is_empty_and_bars_scale_to_the_largest() {
        assert_eq!(line("Nothing", &[], None), "");
        let svg = bars("Funnel", &[("Aim".into(), 4.0), ("Partner".into(), 40.0)]);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(">40<"));
    }
}
