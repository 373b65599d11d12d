//! The `anniversary` check kind: an Nth anniversary must fall in the event's year plus N.
//!
//! The event's year comes from the KB event the claim links to, else from the one year the
//! article itself writes near the event's name ("the treaty, signed in 1965, …"). The
//! anniversary's year comes from the claim's sentence ("in 2015", "this year") or, when the
//! sentence speaks of the present ("marks the 60th anniversary"), from the publication date.
//! Never a finding when either is unknown: an event several KB events share the name of, a bare
//! "the 50th anniversary" the article's other anniversaries do not settle, a past "marked the
//! 70th anniversary" without a date. A finding whose year came from a publication date that was
//! itself inferred is lowered one level.
//!
//! Placeholders for `message` and `help`:
//! - `{year}`: the year the anniversary falls in, "2025"
//! - `{stated}`: the ordinal the text gives, "65th"
//! - `{right}`: the ordinal that year is, "60th"
//! - `{event}`: the event as the text names it, "the normalization of diplomatic relations"
//! - `{event_year}`: the year the event happened, "1965"
//! - `{citation}`: where that year comes from: the KB file, event and source, or the article
//!
//! No parameters.

use std::collections::BTreeMap;

use super::{CheckContext, Rule};
use crate::corpus::{DateSource, Published};
use crate::extract::{AnniversaryClaim, YearSource};
use crate::finding::{Finding, Level, Related};
use crate::kb::KbIndex;

pub const PLACEHOLDERS: &[&str] = &["year", "stated", "right", "event", "event_year", "citation"];

/// The kind has no parameters of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(Anniversary {});

/// Where the event's year comes from.
enum Basis {
    /// The KB event: its file, id and source.
    Kb {
        file: String,
        id: String,
        source: String,
    },
    /// The article's own words, at this span.
    Article(std::ops::Range<usize>),
}

/// Every anniversary in the corpus whose number does not fit its year.
pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, (article, extraction)) in context.checked_articles() {
        let published = extraction
            .published
            .as_ref()
            .or(article.meta.published.as_ref());
        for claim in &extraction.anniversaries {
            if let Some(finding) = judge(context.kb, &article.text, index, claim, published, rule) {
                findings.push(finding);
            }
        }
    }
    findings
}

/// The event's year and where it comes from.
fn event_year(kb: &KbIndex<'_>, claim: &AnniversaryClaim) -> Option<(i32, Basis)> {
    if let Some(id) = &claim.event {
        let event = kb.event(id)?;
        let name = kb
            .kb()
            .file_name(event.file)
            .unwrap_or("the knowledge base");
        let file = name.strip_prefix("<shipped>/").unwrap_or(name).to_string();
        return Some((
            event.year(),
            Basis::Kb {
                file,
                id: id.clone(),
                source: event.source.clone(),
            },
        ));
    }
    let (year, span) = claim.stated_event_year.clone()?;
    Some((year, Basis::Article(span)))
}

fn judge(
    kb: &KbIndex<'_>,
    text: &str,
    article: usize,
    claim: &AnniversaryClaim,
    published: Option<&Published>,
    rule: &Rule,
) -> Option<Finding> {
    let year = claim.year?;
    let (happened, basis) = event_year(kb, claim)?;
    if year <= happened {
        return None;
    }
    let right = u32::try_from(year - happened).ok()?;
    if right == claim.n {
        return None;
    }
    let year_is_guess = claim.year_source == YearSource::Publication
        && published.is_some_and(|p| matches!(p.source, DateSource::Inferred { .. }));
    let level = if year_is_guess {
        rule.level.lowered()
    } else {
        rule.level
    };
    // The event as the text names it; a bare "the 50th anniversary" by the KB's first name.
    let event = match claim
        .event_span
        .as_ref()
        .and_then(|span| text.get(span.clone()))
    {
        Some(words) => words.split_whitespace().collect::<Vec<_>>().join(" "),
        None => claim
            .event
            .as_deref()
            .and_then(|id| kb.event(id))
            .and_then(|event| event.names.first())
            .map_or_else(
                || "the event".to_string(),
                |name| format!("the {}", name.value),
            ),
    };
    let mut related = Vec::new();
    let mut citation = match &basis {
        Basis::Kb { file, id, source } => {
            format!(
                "the knowledge base dates it to {happened}: {file}, event {id} (source: {source})"
            )
        }
        Basis::Article(span) => {
            related.push(Related {
                article,
                span: span.clone(),
                message: format!("the article dates it to {happened}"),
            });
            format!("the article dates it to {happened}")
        }
    };
    match &claim.year_span {
        Some(span) => related.push(Related {
            article,
            span: span.clone(),
            message: format!("this is {year}"),
        }),
        None => {
            let iso = published.map_or_else(|| year.to_string(), |p| p.date.iso());
            citation.push_str(&format!("; {year} is the publication year ({iso})"));
        }
    }
    let values = values(year, claim.n, right, &event, happened, &citation);
    Some(finding(rule, level, article, claim, &values, related))
}

fn values(
    year: i32,
    stated: u32,
    right: u32,
    event: &str,
    happened: i32,
    citation: &str,
) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("year", year.to_string()),
        ("stated", ordinal(stated)),
        ("right", ordinal(right)),
        ("event", event.to_string()),
        ("event_year", happened.to_string()),
        ("citation", citation.to_string()),
    ])
}

fn finding(
    rule: &Rule,
    level: Level,
    article: usize,
    claim: &AnniversaryClaim,
    values: &BTreeMap<&'static str, String>,
    related: Vec<Related>,
) -> Finding {
    Finding {
        rule: rule.id.clone(),
        level,
        article,
        span: claim.n_span.clone(),
        message: rule.message.render(values),
        help: rule.help.as_ref().map(|help| help.render(values)),
        related,
    }
}

/// "1st", "2nd", "3rd", "11th", "60th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests;
