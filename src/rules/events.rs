//! What the event kinds (`ordinal`, `event-date`, `relative-date`) share: the claims of the
//! corpus, the days a claim's date may mean, and the words that name series, events and ordinals.

use chrono::NaiveDate;

use super::CheckContext;
use crate::extract::EventClaim;
use crate::extract::event::period;
use crate::kb::{KbIndex, Series};
use crate::time::CalendarDate;

/// Every event claim with an ordinal, with its article index, in article and text order.
pub(super) fn ordinal_claims<'a>(
    context: &CheckContext<'a>,
) -> impl Iterator<Item = (usize, &'a EventClaim, u32)> {
    context
        .extractions
        .iter()
        .enumerate()
        .flat_map(|(article, extraction)| {
            extraction
                .events
                .iter()
                .filter_map(move |claim| match &claim.ordinal {
                    Some((n, _)) if *n >= 1 => Some((article, claim, *n)),
                    _ => None,
                })
        })
}

/// The first and last day a date may mean; `None` without a year.
pub(super) fn days(date: Option<CalendarDate>) -> Option<(NaiveDate, NaiveDate)> {
    let period = period(date?)?;
    Some((period.first_day(), period.last_day()))
}

/// "1st", "2nd", "3rd", "4th", "11th", "22nd".
pub(super) fn ordinal_words(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How messages name a series: what it counts.
pub(super) fn series_words(series: &Series) -> String {
    series.description.clone()
}

/// How messages name a KB event: its first name, place and date.
pub(super) fn event_words(kb: &KbIndex<'_>, id: &str) -> String {
    let Some(event) = kb.event(id) else {
        return id.to_string();
    };
    let name = event.names.first().map_or(id, |name| name.value.as_str());
    match &event.place {
        Some(place) => format!("the {name} in {place} on {}", event.date.value),
        None => format!("the {name} on {}", event.date.value),
    }
}

/// The key claims of one count share across articles: kind, whose count, destination, year.
pub(super) fn count_key(claim: &EventClaim) -> (String, Vec<String>, Option<String>, Option<i32>) {
    let mut counting = claim.counting.clone();
    counting.sort();
    let year = claim
        .per_year
        .then(|| claim.date.and_then(|d| d.year))
        .flatten();
    (
        claim.kind.as_str().to_string(),
        counting,
        claim.destination.clone(),
        year,
    )
}

/// A claim's words as written.
pub(super) fn words<'a>(context: &CheckContext<'a>, article: usize, claim: &EventClaim) -> &'a str {
    context.articles[article]
        .text
        .get(claim.span.clone())
        .unwrap_or_default()
}

/// How many days apart two dates of one ordinal may be and still be one event dated twice
/// (`event-date`) rather than two events with one ordinal (`ordinal`): both kinds' default.
pub(super) fn same_event_days() -> u32 {
    7
}
