//! The timelines: for each office the corpus names, an inline SVG with one row per holder — the
//! KB's terms as bars, each article's claim as a dot linked to its words (a red diamond when a
//! finding calls it wrong) — and the same facts as a table, for screen readers and print.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use super::offices::{Claim, Office, holder_key};
use super::{Input, article_title, role_claim_id};
use crate::kb::Term;

const WIDTH: f64 = 960.0;
/// Room for the holders' names left of the plot.
const LABELS: f64 = 200.0;
const RIGHT: f64 = 16.0;
const AXIS: f64 = 28.0;
const ROW: f64 = 34.0;
/// Month labels for timelines of a year or two.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn section(input: &Input<'_>, offices: &[Office<'_>]) -> Markup {
    html! {
        section #timelines aria-labelledby="timelines-title" {
            h2 #timelines-title { "Who held which office" }
            @if offices.is_empty() {
                p { "The articles name no office holders." }
            } @else {
                p.legend {
                    svg.key viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" { rect.term x="0" y="4" width="16" height="8" rx="2" {} }
                    " a term in the knowledge base; "
                    svg.key viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" { circle.claim cx="8" cy="8" r="5" {} }
                    " an article names the holder; "
                    svg.key viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" { circle.claim.past cx="8" cy="8" r="5" {} }
                    " names them as former, late, elect or nominee; "
                    svg.key viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" { path.claim.conflict d="M8 1.5 14.5 8 8 14.5 1.5 8z" {} }
                    " a claim a finding calls wrong (conflict). Select a dot to go to its sentence."
                }
                @for (n, office) in offices.iter().enumerate() {
                    (office_section(input, n, office))
                }
            }
        }
    }
}

fn office_section(input: &Input<'_>, n: usize, office: &Office<'_>) -> Markup {
    let person_name = |id: &str| input.kb.person(id).map(|p| p.name.clone());
    let rows = office.rows(person_name);
    let title_id = format!("office-{n}-title");
    html! {
        section.office #(format!("office-{n}")) aria-labelledby=(title_id) data-office=(office.key) {
            h3 #(title_id) {
                (office.name)
                " " code { (office.key) }
                @if office.role.is_none() { " " span.flag.missing { "not in the KB" } }
            }
            @if let Some(period) = office.period {
                div.chart { (chart(input, office, &rows, period, &title_id)) }
            }
            (table(input, office, &rows))
        }
    }
}

/// Maps days of `period` to x positions in the plot.
struct Scale {
    first: NaiveDate,
    days: f64,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f64 {
        let offset = (day - self.first).num_days() as f64;
        LABELS + offset.clamp(0.0, self.days) / self.days * (WIDTH - LABELS - RIGHT)
    }
}

fn chart(
    input: &Input<'_>,
    office: &Office<'_>,
    rows: &[(String, String)],
    (first, last): (NaiveDate, NaiveDate),
    title_id: &str,
) -> Markup {
    let scale = Scale {
        first,
        days: ((last - first).num_days() + 1) as f64,
    };
    let height = AXIS + ROW * rows.len() as f64 + 6.0;
    let row_of: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    let centre = |row: usize| AXIS + ROW * row as f64 + ROW / 2.0;
    let years: Vec<i32> = (first.year()..=last.year()).collect();
    let step = (years.len() / 8).max(1);
    let mut stacked: HashMap<(usize, i64), usize> = HashMap::new();
    html! {
        svg.timeline viewBox=(format!("0 0 {WIDTH} {height}")) role="group" aria-labelledby=(title_id) preserveAspectRatio="xMinYMin meet" {
            @for (row, (_, name)) in rows.iter().enumerate() {
                @if row % 2 == 0 {
                    rect.stripe x="0" y=(fmt(centre(row) - ROW / 2.0)) width=(WIDTH) height=(ROW) {}
                }
                text.holder x=(fmt(LABELS - 10.0)) y=(fmt(centre(row) + 4.0)) text-anchor="end" { (name) }
            }
            @if years.len() <= 2 {
                @for (year, month) in years.iter().flat_map(|&y| (2..=12).map(move |m| (y, m))) {
                    @if let Some(day) = NaiveDate::from_ymd_opt(year, month, 1) {
                        @let x = scale.x(day);
                        line.minor x1=(fmt(x)) x2=(fmt(x)) y1=(fmt(AXIS - 4.0)) y2=(fmt(height)) {}
                        @if month % 3 == 1 {
                            text.month x=(fmt(x + 3.0)) y=(fmt(AXIS - 10.0)) { (MONTHS[month as usize - 1]) }
                        }
                    }
                }
            }
            @for (i, year) in years.iter().enumerate() {
                @let x = NaiveDate::from_ymd_opt(*year, 1, 1).map_or(LABELS, |d| scale.x(d));
                line.grid x1=(fmt(x)) x2=(fmt(x)) y1=(fmt(AXIS - 6.0)) y2=(fmt(height)) {}
                @if i % step == 0 {
                    text.year x=(fmt(x + 4.0)) y=(fmt(AXIS - 10.0)) { (year) }
                }
            }
            @for term in &office.terms {
                @if let Some(&row) = row_of.get(term.person.value.as_str()) {
                    @let (start, end) = term.possible_days();
                    @let (x1, x2) = (scale.x(start.max(first)), scale.x(end.min(last)));
                    rect.term.acting[term.acting] x=(fmt(x1)) y=(fmt(centre(row) - 7.0)) width=(fmt((x2 - x1).max(2.0))) height="14" rx="3" {
                        title { (term_text(&rows[row].1, &office.name, term)) }
                    }
                }
            }
            @for claim in &office.claims {
                @if let (Some((from, to)), Some(&row)) = (claim.days, row_of.get(holder_key(claim.claim).as_str())) {
                    @let (x1, x2) = (scale.x(from), scale.x(to));
                    @let x = (x1 + x2) / 2.0;
                    @let k = {
                        let count = stacked.entry((row, (x / 6.0) as i64)).or_default();
                        *count += 1;
                        *count - 1
                    };
                    @let (dx, dy) = ((k / 3) as f64 * 5.0, [0.0, -10.0, 10.0][k % 3]);
                    (dot(input, claim, (x1 + dx, x2 + dx), centre(row) + dy))
                }
            }
        }
    }
}

/// A claim's dot at the middle of the days it may mean (`x1` to `x2`), with a whisker across
/// them when it names a month or a year rather than a day.
fn dot(input: &Input<'_>, claim: &Claim<'_>, (x1, x2): (f64, f64), y: f64) -> Markup {
    let conflict = !claim.conflicts.is_empty();
    let label = claim_text(input, claim);
    let x = (x1 + x2) / 2.0;
    html! {
        a.dot href=(format!("#{}", role_claim_id(claim.article, claim.index))) aria-label=(label) {
            title { (label) }
            @if x2 - x1 > 4.0 {
                line.whisker.conflict[conflict] x1=(fmt(x1)) x2=(fmt(x2)) y1=(fmt(y)) y2=(fmt(y)) {}
                line.whisker.conflict[conflict] x1=(fmt(x1)) x2=(fmt(x1)) y1=(fmt(y - 4.0)) y2=(fmt(y + 4.0)) {}
                line.whisker.conflict[conflict] x1=(fmt(x2)) x2=(fmt(x2)) y1=(fmt(y - 4.0)) y2=(fmt(y + 4.0)) {}
            }
            @if conflict {
                path.claim.conflict d=(format!("M{x:.1} {:.1}l7 7-7 7-7-7z", y - 7.0)) {}
            } @else {
                circle.claim.past[!claim.holds] cx=(fmt(x)) cy=(fmt(y)) r="6" {}
            }
        }
    }
}

/// "Yonhap, Dec 27: “Japanese Ambassador to Seoul Koichi Aiboshi” (2021-12-27) — conflict: …"
fn claim_text(input: &Input<'_>, claim: &Claim<'_>) -> String {
    let article = &input.articles[claim.article];
    let words = article
        .text
        .get(claim.claim.span.clone())
        .unwrap_or_default();
    let when = claim
        .claim
        .when
        .map_or_else(|| "undated".to_string(), |w| w.iso());
    let mut text = format!("{}: “{words}” ({when})", article_title(article));
    for message in &claim.conflicts {
        text.push_str(&format!(" — conflict: {message}"));
    }
    text
}

fn term_text(holder: &str, office: &str, term: &Term) -> String {
    let to = term
        .to
        .as_ref()
        .map_or_else(|| "in office".to_string(), |to| to.value.to_string());
    let acting = if term.acting { "acting " } else { "" };
    format!(
        "{holder}, {acting}{office}: {} to {to} (KB; {})",
        term.from.value, term.source
    )
}

/// The same facts as the chart, as a table.
fn table(input: &Input<'_>, office: &Office<'_>, rows: &[(String, String)]) -> Markup {
    html! {
        details.facts open[office.period.is_none()] {
            summary { "Holders and claims as a table" }
            table.data.wide {
                thead { tr { th scope="col" { "Holder" } th scope="col" { "Knowledge-base terms" } th scope="col" { "Claims in the articles" } } }
                tbody {
                    @for (key, name) in rows {
                        tr {
                            th scope="row" { (name) }
                            td {
                                @for term in office.terms.iter().filter(|t| t.person.value == *key) {
                                    div { (term.from.value) " to " (term.to.as_ref().map_or_else(|| "in office".to_string(), |t| t.value.to_string())) @if term.acting { " (acting)" } }
                                }
                            }
                            td {
                                ul.claims {
                                    @for claim in office.claims.iter().filter(|c| holder_key(c.claim) == *key) {
                                        li {
                                            a href=(format!("#{}", role_claim_id(claim.article, claim.index))) { (claim_text(input, claim)) }
                                            @if !claim.conflicts.is_empty() { " " span.flag.conflict { "conflict" } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// SVG coordinates with one decimal, so the page is compact and stable.
fn fmt(value: f64) -> String {
    format!("{value:.1}")
}
