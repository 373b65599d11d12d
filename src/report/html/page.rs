//! The page around the sections: document head, navigation, the inline stylesheet and script
//! (`report.css`, `report.js`, embedded so the file needs nothing else), and the level icons.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Input;
use crate::finding::{Level, Tally};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Nothing may be fetched: styles and scripts are inline, images are data or inline SVG. A
/// browser enforces it, and logs any attempt, which `.ci/report` treats as a failure.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

pub(super) fn page(input: &Input<'_>, sections: &[Markup]) -> String {
    let tally = Tally::of(input.findings);
    let title = format!(
        "factlint report: {} in {} {}",
        findings_count(tally.errors + tally.warnings + tally.notes),
        input.articles.len(),
        if input.articles.len() == 1 {
            "article"
        } else {
            "articles"
        }
    );
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="generator" content=(concat!("factlint ", env!("CARGO_PKG_VERSION")));
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.skip href="#findings" { "Skip to the findings" }
                header.top {
                    div.wrap {
                        p.brand { "factlint" span.sub { " report" } }
                        nav aria-label="Sections" {
                            a href="#summary" { "Summary" }
                            a href="#findings" { "Findings" }
                            a href="#timelines" { "Timelines" }
                            a href="#articles" { "Articles" }
                        }
                    }
                }
                main.wrap {
                    h1 { (title) }
                    @for section in sections { (section) }
                }
                footer.wrap {
                    p { "Made by factlint " (env!("CARGO_PKG_VERSION")) ". Hover over or focus marked words to see what factlint read in them." }
                }
                div #tip role="tooltip" hidden {}
                script { (PreEscaped(JS)) }
            }
        }
    };
    markup.into_string()
}

/// "1 finding", "3 findings", "no findings".
pub(super) fn findings_count(count: usize) -> String {
    match count {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    }
}

/// A small inline icon per level (circled cross, triangle with "!", circled "i"), hidden from
/// screen readers because the level's name always follows it.
pub(super) fn icon(level: Level) -> Markup {
    html! {
        svg.icon viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" {
            @match level {
                Level::Error => {
                    circle cx="8" cy="8" r="7" fill="currentColor" {}
                    path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" stroke-width="1.8" stroke-linecap="round" {}
                }
                Level::Warning => {
                    path d="M8 1.2 15.2 14.2H.8z" fill="currentColor" stroke="currentColor" stroke-linejoin="round" {}
                    path d="M8 5.8v4" stroke="#fff" stroke-width="1.8" stroke-linecap="round" {}
                    circle cx="8" cy="12.2" r="1" fill="#fff" {}
                }
                Level::Note => {
                    circle cx="8" cy="8" r="7" fill="currentColor" {}
                    path d="M8 7.2v4.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" {}
                    circle cx="8" cy="4.6" r="1.1" fill="#fff" {}
                }
            }
        }
    }
}
