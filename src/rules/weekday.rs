//! The `weekday` check kind: a weekday the text ties to a date ("Tuesday, June 17") must be the
//! day that date fell on.
//!
//! Placeholders for `message` and `help`:
//! - `{date}`: the date, "June 17, 2025"
//! - `{stated}`: the weekday the text wrote, "Monday"
//! - `{actual}`: the weekday the date fell on, "Tuesday"
//! - `{nearest}`: the nearest date that is a `{stated}`, "June 16" (with its year when that differs)
//! - `{year_note}`: empty when the year was written; otherwise
//!   " (year taken from the publication date, 2025-06-17)"
//!
//! Parameters: `check_publication_years` (default true): also judge dates whose year was taken
//! from the publication date. A finding whose year came from a publication date that was itself
//! inferred is lowered one level, because the year is a guess.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{CheckContext, Rule};
use crate::corpus::{DateSource, Published};
use crate::extract::{Mention, YearSource};
use crate::finding::{Finding, Related};
use crate::time::{long_date, weekday_name};

pub const PLACEHOLDERS: &[&str] = &["date", "stated", "actual", "nearest", "year_note"];

/// The kind's own parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub check_publication_years: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            check_publication_years: true,
        }
    }
}

rule_file!(Weekday {
    #[serde(default = "yes")]
    check_publication_years: bool
});

fn yes() -> bool {
    true
}

/// Every mention in the corpus whose tied weekday is not the day its date fell on.
pub fn check(context: &CheckContext<'_>, rule: &Rule, params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, (article, extraction)) in context.checked_articles() {
        let published = extraction
            .published
            .as_ref()
            .or(article.meta.published.as_ref());
        for mention in &extraction.mentions {
            if let Some(finding) =
                check_mention(&article.text, index, mention, published, rule, params)
            {
                findings.push(finding);
            }
        }
    }
    findings
}

fn check_mention(
    text: &str,
    article: usize,
    mention: &Mention,
    published: Option<&Published>,
    rule: &Rule,
    params: &Params,
) -> Option<Finding> {
    let tied = mention.tied_weekday.as_ref()?;
    let date = mention.date?.to_naive()?;
    let year_from_publication = match mention.year_source {
        YearSource::Stated => false,
        YearSource::Publication => true,
        YearSource::Unknown => return None,
    };
    if year_from_publication && !params.check_publication_years {
        return None;
    }
    let actual = date.weekday();
    if actual == tied.weekday {
        return None;
    }

    let year_is_guess = year_from_publication
        && published.is_some_and(|p| matches!(p.source, DateSource::Inferred { .. }));
    let level = if year_is_guess {
        rule.level.lowered()
    } else {
        rule.level
    };
    let year_note = match (year_from_publication, published) {
        (false, _) => String::new(),
        (true, Some(published)) => match &published.source {
            DateSource::Inferred { evidence } => format!(
                " (year taken from the publication date, {}, itself inferred from {evidence})",
                published.date.iso()
            ),
            _ => format!(
                " (year taken from the publication date, {})",
                published.date.iso()
            ),
        },
        (true, None) => " (year taken from the publication date)".to_string(),
    };
    let nearest = nearest_weekday(date, tied.weekday);
    let values = BTreeMap::from([
        ("date", month_day_year(date)),
        ("stated", weekday_name(tied.weekday).to_string()),
        ("actual", weekday_name(actual).to_string()),
        ("nearest", nearest_words(date, nearest)),
        ("year_note", year_note),
    ]);
    let date_span = date_words(text, &mention.span, &tied.span);
    Some(Finding {
        rule: rule.id.clone(),
        level,
        article,
        span: tied.span.clone(),
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related: vec![Related {
            article,
            span: date_span,
            message: format!("this is {}", long_date(date)),
        }],
    })
}

/// "June 17, 2025".
fn month_day_year(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// The date nearest to `date` that falls on `weekday` (never `date` itself: they differ).
fn nearest_weekday(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (date.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let forward = 7 - back;
    // Weekdays differ by 1..=6 days, so one direction is strictly nearer.
    if back <= forward {
        date.checked_sub_days(Days::new(u64::from(back)))
    } else {
        date.checked_add_days(Days::new(u64::from(forward)))
    }
    .unwrap_or(date)
}

/// "June 16", or "December 30, 2024" when the nearest day is in another year.
fn nearest_words(date: NaiveDate, nearest: NaiveDate) -> String {
    if nearest.year() == date.year() {
        nearest.format("%B %-d").to_string()
    } else {
        month_day_year(nearest)
    }
}

/// The words of the date without its weekday: the mention minus the weekday and the
/// punctuation that joins them ("Tuesday, June 17" → "June 17"; "June 17 (Tuesday)" →
/// "June 17"). Falls back to the whole mention when the weekday is not at either end.
fn date_words(text: &str, mention: &Range<usize>, weekday: &Range<usize>) -> Range<usize> {
    let joiners = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')');
    if !(mention.start <= weekday.start && weekday.end <= mention.end) {
        return mention.clone();
    }
    // The date is on whichever side of the weekday holds more of the mention: after it in
    // "Tuesday, June 17" and "on Tuesday (June 17)", before it in "June 17 (Tuesday)".
    let (start, end) = if mention.end - weekday.end >= weekday.start - mention.start {
        (weekday.end, mention.end)
    } else {
        (mention.start, weekday.start)
    };
    let Some(words) = text.get(start..end) else {
        return mention.clone();
    };
    let trimmed_start = words.len() - words.trim_start_matches(joiners).len();
    let trimmed = words.trim_matches(joiners);
    if trimmed.is_empty() {
        return mention.clone();
    }
    let from = start + trimmed_start;
    from..from + trimmed.len()
}

#[cfg(test)]
mod tests;
