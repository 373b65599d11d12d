//! Extraction: nom parsers find temporal mentions in an article body, each with its byte span,
//! and resolve relative ones against the publication date.

mod calendar;
mod clock;
mod duration;
mod expr;
mod lexicon;
mod prescan;
mod publication;
mod relative;
mod resolve;
mod scan;
mod tense;

use std::ops::Range;

use chrono::Weekday;

use crate::corpus::{Article, Published};
use crate::time::{CalendarDate, Precision};

/// What kind of thing a mention is; the JSON `kind` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// An absolute or partial calendar date: "Dec. 18, 1965", "June 17", "June 2022", "in 1942".
    Date,
    /// A weekday alone, resolved by tense: "on Tuesday".
    Weekday,
    /// A date relative to the publication date: "last week", "this Sunday", "8 hours ago".
    RelativeDate,
    /// A length of time: "two weeks", "a decade", "three-day".
    Duration,
    /// A recurring time: "every week", "annually".
    Set,
    /// A time of day or part of day: "Monday morning", "tonight".
    Time,
}

/// A weekday that the text ties to a date ("Tuesday, June 17"): the claim the weekday rule checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TiedWeekday {
    pub weekday: Weekday,
    /// The words of the weekday itself.
    pub span: Range<usize>,
}

/// Where the year of a date came from, so checks can refuse to judge a guessed year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// Written in the mention itself.
    Stated,
    /// Taken from the publication date and the verb's tense.
    Publication,
    /// Not known.
    Unknown,
}

/// One temporal expression found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// The normalised value: an ISO date at its precision ("2025-06-17", "2025-06", "2025-W24",
    /// "199"), an ISO duration ("P2W"), or a reference ("PRESENT_REF"); `None` when unresolved.
    pub value: Option<String>,
    pub precision: Option<Precision>,
    /// The calendar date it resolves to, when it names a day, month or year.
    pub date: Option<CalendarDate>,
    pub year_source: YearSource,
    pub tied_weekday: Option<TiedWeekday>,
    /// The TIMEX3 type and value, for scoring against TimeML gold and for `extract`.
    pub timex: Option<Timex>,
}

/// A TIMEX3 annotation: type and ISO-TimeML value ("2013-03-22", "2013-W11", "P2W", "PRESENT_REF").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub kind: TimexType,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// What extraction learned about one article.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// The publication date: the article's own, or completed from evidence in the text.
    pub published: Option<Published>,
    pub mentions: Vec<Mention>,
}

/// Finds and resolves every temporal mention in an article's body.
pub fn extract_article(article: &Article) -> Extraction {
    let found = scan::scan(&article.text, article.body.clone());
    let today = chrono::Utc::now().date_naive();
    let published = publication::complete(article, &found, today);
    let publication = published.as_ref().and_then(|p| p.date.to_naive());
    let mut previous_value: Option<String> = None;
    let mentions = found
        .into_iter()
        .map(|scan::Found { span, expr }| {
            let context = resolve::Context {
                publication,
                tense: tense::tense_at(&article.text, &span),
                previous_value: previous_value.as_deref(),
            };
            let resolved = resolve::resolve(&expr, &context);
            if resolved.kind != MentionKind::Duration && resolved.value.is_some() {
                previous_value.clone_from(&resolved.value);
            }
            let tied_weekday = match &expr {
                expr::Expr::Calendar {
                    weekday: Some((weekday, local)),
                    ..
                } => Some(TiedWeekday {
                    weekday: *weekday,
                    span: span.start + local.start..span.start + local.end,
                }),
                _ => None,
            };
            Mention {
                span,
                kind: resolved.kind,
                value: resolved.value,
                precision: resolved.precision,
                date: resolved.date,
                year_source: resolved.year_source,
                tied_weekday,
                timex: resolved.timex,
            }
        })
        .collect();
    Extraction {
        published,
        mentions,
    }
}
