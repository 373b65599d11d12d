//! The summary at the top of the page: what was checked (articles, claims by kind), what was
//! found (by level and rule), each article's publication date and where it came from, and the
//! inputs that could not be read.

use std::collections::BTreeMap;

use maud::{Markup, html};

use super::{Input, LEVELS, article_id, article_title, level_badge};
use crate::corpus::DateSource;
use crate::extract::Extraction;
use crate::finding::{Level, Tally};

pub(super) fn section(input: &Input<'_>) -> Markup {
    let tally = Tally::of(input.findings);
    let kinds = claim_counts(input.extractions);
    let claims: usize = kinds.iter().map(|(_, count)| count).sum();
    html! {
        section #summary aria-labelledby="summary-title" {
            h2 #summary-title { "Summary" }
            dl.stats {
                div.stat { dt { "Articles checked" } dd { (input.articles.len()) } }
                div.stat { dt { "Claims checked" } dd { (claims) } }
                @for level in LEVELS {
                    div class=(format!("stat {}", level.as_str())) {
                        dt { (level_badge(level)) }
                        dd { (count_of(tally, level)) }
                    }
                }
            }
            div.grid {
                div.scroll { (claims_table(&kinds)) }
                div.scroll { (rules_table(input)) }
            }
            (publication_table(input))
            @if !input.input_failures.is_empty() {
                h3 { "Inputs that could not be read" }
                ul.failures {
                    @for failure in input.input_failures {
                        li {
                            (level_badge(Level::Error)) " " (failure.message)
                            @if let Some(help) = &failure.help { " — " (help) }
                        }
                    }
                }
            }
        }
    }
}

fn count_of(tally: Tally, level: Level) -> usize {
    match level {
        Level::Error => tally.errors,
        Level::Warning => tally.warnings,
        Level::Note => tally.notes,
    }
}

/// How many claims of each kind extraction found in the whole corpus, in a fixed order.
fn claim_counts(extractions: &[Extraction]) -> Vec<(&'static str, usize)> {
    let sum = |count: fn(&Extraction) -> usize| extractions.iter().map(count).sum::<usize>();
    vec![
        ("Dates and times", sum(|e| e.mentions.len())),
        (
            "Weekdays tied to a date",
            sum(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.tied_weekday.is_some())
                    .count()
            }),
        ),
        ("Office holders", sum(|e| e.roles.len())),
        ("Names of people", sum(|e| e.people.len())),
        ("Events", sum(|e| e.events.len())),
        ("Intervals", sum(|e| e.intervals.len())),
        ("Anniversaries", sum(|e| e.anniversaries.len())),
        ("Parts of a whole", sum(|e| e.counts.len())),
    ]
}

fn claims_table(kinds: &[(&'static str, usize)]) -> Markup {
    html! {
        table.data {
            caption { "Claims checked, by kind" }
            thead { tr { th scope="col" { "Kind" } th.num scope="col" { "Claims" } } }
            tbody {
                @for (kind, count) in kinds {
                    tr { th scope="row" { (kind) } td.num { (count) } }
                }
            }
        }
    }
}

fn rules_table(input: &Input<'_>) -> Markup {
    let mut by_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for finding in input.findings {
        let counts = by_rule.entry(finding.rule.as_str()).or_default();
        counts[LEVELS.iter().position(|&l| l == finding.level).unwrap_or(0)] += 1;
    }
    html! {
        table.data {
            caption { "Findings, by rule and level" }
            thead {
                tr {
                    th scope="col" { "Rule" }
                    @for level in LEVELS { th.num scope="col" { (level_badge(level)) } }
                }
            }
            tbody {
                @for (rule, counts) in &by_rule {
                    tr {
                        th scope="row" { code { (rule) } }
                        @for count in counts { td.num { (count) } }
                    }
                }
                @if by_rule.is_empty() {
                    tr { td colspan="4" { "No findings: every claim factlint could judge agrees." } }
                }
            }
        }
    }
}

/// Each article's publication date and its source; missing and inferred ones are flagged in
/// words, since checks lower or skip what rests on them.
fn publication_table(input: &Input<'_>) -> Markup {
    let published = |i: usize| {
        input.extractions[i]
            .published
            .as_ref()
            .or(input.articles[i].meta.published.as_ref())
    };
    let count = |wanted: fn(Option<&DateSource>) -> bool| {
        (0..input.articles.len())
            .filter(|&i| wanted(published(i).map(|p| &p.source)))
            .count()
    };
    let missing = count(|source| source.is_none());
    let inferred = count(|source| matches!(source, Some(DateSource::Inferred { .. })));
    let found = input.articles.len() - missing - inferred;
    html! {
        table.data.wide {
            caption {
                "Publication dates: " (found) " found, " (inferred) " inferred, " (missing) " missing"
            }
            thead { tr { th scope="col" { "Article" } th scope="col" { "Date" } th scope="col" { "Source" } } }
            tbody {
                @for (i, article) in input.articles.iter().enumerate() {
                    tr {
                        th scope="row" { a href=(format!("#{}", article_id(i))) { (article_title(article)) } }
                        @match published(i) {
                            Some(published) => {
                                td { time { (published.date.iso()) } }
                                td { (source_text(&published.source)) }
                            }
                            None => {
                                td { span.flag.missing { "missing" } }
                                td { "no date in the front matter or the text; dates relative to it are not judged" }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn source_text(source: &DateSource) -> Markup {
    html! {
        @match source {
            DateSource::FrontMatter => "front matter",
            DateSource::Text { line } => { "the text, line " (line) }
            DateSource::Inferred { evidence } => { span.flag.inferred { "inferred" } " " (evidence) }
            DateSource::CommandLine => "--published on the command line",
        }
    }
}
