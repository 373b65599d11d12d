//! The `event-date` check kind: one event dated differently by an article and the KB, or by two
//! articles.
//!
//! An event is identified by its kind, the persons whose count it is and its ordinal ("their
//! first summit", "Lee's second trip to Japan"):
//! - against the KB, a claim whose date links it to no KB event, while its ordinal names exactly
//!   one KB event (the `n`th of the count in every reading that names one involving the counting
//!   persons), is dated wrong when its date and the event's days cannot meet (a month-precision
//!   "in October" fits any day of October; a day a day off does not);
//! - across articles, dated claims of one event key (kind, counting persons, destination, year
//!   for "this year", ordinal) are sorted by date and neighbours compared: days that cannot meet,
//!   less than `same_event_days` apart, are one event dated twice. Further apart they are two
//!   events with one ordinal, which `ordinal` reports. O(n log n) in claims.
//!
//! A leaders' "meeting" is not judged against the KB's summits (news counts encounters too).
//!
//! Placeholders for `message` and `help`:
//! - `{claimed}`: the words, "first bilateral talks"
//! - `{date}`: the date the article gives, "2025-06-18"
//! - `{expected}`: the date the KB or the other article gives
//! - `{other}`: the KB event or the other article's words
//!
//! Parameters: `same_event_days` (default 7).

use std::collections::HashSet;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::events::{count_key, days, event_words, ordinal_claims, same_event_days, words};
use super::{CheckContext, Rule};
use crate::extract::EventClaim;
use crate::extract::event::{counts, involves, kb_kind, readings};
use crate::finding::{Finding, Related};

pub const PLACEHOLDERS: &[&str] = &["claimed", "date", "expected", "other"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// Dates of one ordinal closer than this are one event dated twice.
    pub same_event_days: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            same_event_days: same_event_days(),
        }
    }
}

rule_file!(EventDate {
    #[serde(default = "same_event_days")]
    same_event_days: u32
});

pub fn check(context: &CheckContext<'_>, rule: &Rule, params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut judged = HashSet::new();
    for (article, claim, n) in ordinal_claims(context) {
        if let Some(finding) = against_kb(context, rule, article, claim, n) {
            findings.push(finding);
            judged.insert((article, claim.span.start));
        }
    }
    type Key = ((String, Vec<String>, Option<String>, Option<i32>), u32);
    let mut groups: HashMap<Key, Vec<(NaiveDate, NaiveDate, usize, &EventClaim)>> = HashMap::new();
    for (article, claim, n) in ordinal_claims(context) {
        if claim.counting.is_empty() || judged.contains(&(article, claim.span.start)) {
            continue;
        }
        let Some((first, last)) = days(claim.date) else {
            continue;
        };
        groups
            .entry((count_key(claim), n))
            .or_default()
            .push((first, last, article, claim));
    }
    let mut keys: Vec<&Key> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let mut group = groups[key].clone();
        group.sort_by_key(|(first, last, article, claim)| {
            (*first, *last, *article, claim.span.start)
        });
        for pair in group.windows(2) {
            let (_, last_a, article_a, claim_a) = pair[0];
            let (first_b, _, article_b, claim_b) = pair[1];
            let gap = (first_b - last_a).num_days();
            if gap <= 0 || gap >= i64::from(params.same_event_days) {
                continue;
            }
            let date_a = claim_a.date.map(|d| d.iso()).unwrap_or_default();
            let values = BTreeMap::from([
                ("claimed", words(context, article_b, claim_b).to_string()),
                ("date", claim_b.date.map(|d| d.iso()).unwrap_or_default()),
                ("expected", date_a.clone()),
                (
                    "other",
                    format!(
                        "\"{}\" in another article",
                        words(context, article_a, claim_a)
                    ),
                ),
            ]);
            findings.push(Finding {
                rule: rule.id.clone(),
                level: rule.level,
                article: article_b,
                span: claim_b.span.clone(),
                message: rule.message.render(&values),
                help: rule.help.as_ref().map(|help| help.render(&values)),
                related: vec![Related {
                    article: article_a,
                    span: claim_a.span.clone(),
                    message: format!("dated {date_a} here"),
                }],
            });
        }
    }
    findings
}

/// The finding when the ordinal names one KB event whose days the claim's date cannot meet.
fn against_kb(
    context: &CheckContext<'_>,
    rule: &Rule,
    article: usize,
    claim: &EventClaim,
    n: u32,
) -> Option<Finding> {
    if claim.event.is_some() || claim.counting.is_empty() || kb_kind(claim.kind) != claim.kind {
        return None;
    }
    let (first, last) = days(claim.date)?;
    let kb = context.kb;
    let year = claim.date.and_then(|d| d.year);
    let mut named: Vec<&str> = Vec::new();
    for count in counts(kb, claim, claim.date) {
        if count.series.kind != claim.kind {
            continue;
        }
        for reading in readings(&count, claim, year) {
            if let Some(event) = reading
                .get(n as usize - 1)
                .filter(|e| involves(e, &claim.counting))
                && !named.contains(&event.id.value.as_str())
            {
                named.push(&event.id.value);
            }
        }
    }
    let [id] = named.as_slice() else {
        return None;
    };
    let event = kb.event(id)?;
    let (start, end) = event.possible_days();
    if start <= last && end >= first {
        return None;
    }
    let values = BTreeMap::from([
        ("claimed", words(context, article, claim).to_string()),
        ("date", claim.date.map(|d| d.iso()).unwrap_or_default()),
        ("expected", event.date.value.to_string()),
        ("other", event_words(kb, id)),
    ]);
    Some(Finding {
        rule: rule.id.clone(),
        level: rule.level,
        article,
        span: claim.span.clone(),
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
