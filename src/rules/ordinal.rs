//! The `ordinal` check kind: "their second summit", "his fifth summit with a Japanese prime
//! minister" must agree with the KB series that counts them, and with the other articles'
//! ordinals for the same count.
//!
//! Against the KB: a claim the extractor linked to one KB event (by date, kind and people) is
//! placed in the series counts `series_for` gives; the ordinal is right when it is the event's
//! position in some reading of the count (all members; those with every participant; those with
//! the counting persons, "their"/"his"). A claim with no linked event, or of another kind than
//! the series (a leaders' "meeting" may count encounters the KB does not), is not judged: the
//! KB says nothing rather than guess, and a series only counts what it lists.
//!
//! Across articles: claims with a day-precision date are grouped by count (kind, counting
//! persons, destination, year for "this year"), sorted by date and ordinal, and neighbours
//! compared: a later event must have a larger ordinal ("a third dated before a second"; two
//! events both "first"). The same ordinal less than `same_event_days` apart is one event dated
//! differently: `event-date` reports that. O(n log n) in claims.
//!
//! Placeholders for `message` and `help`:
//! - `{claimed}`: the ordinal as written, "fifth summit"
//! - `{series}`: what the count is, "Bilateral summits between …"
//! - `{expected}`: the position the KB or the other article gives, "4th"
//! - `{other}`: the KB event, or the other article's words and date
//! - `{reason}`: one clause, why they cannot both be right
//!
//! Parameters: `same_event_days` (default 7).

use std::collections::HashSet;

use std::collections::{BTreeMap, HashMap};

use super::events::{
    count_key, event_words, ordinal_claims, ordinal_words, same_event_days, series_words, words,
};
use super::{CheckContext, Rule};
use crate::extract::EventClaim;
use crate::extract::event::{counts, involves, kb_kind, readings};
use crate::finding::{Finding, Related};

pub const PLACEHOLDERS: &[&str] = &["claimed", "series", "expected", "other", "reason"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// Claims of one ordinal closer than this are one event (left to `event-date`).
    pub same_event_days: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            same_event_days: same_event_days(),
        }
    }
}

rule_file!(Ordinal {
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
    // Across articles: group by count, sort by date, compare neighbours.
    type Key = (String, Vec<String>, Option<String>, Option<i32>);
    let mut groups: HashMap<Key, Vec<(chrono::NaiveDate, u32, usize, &EventClaim)>> =
        HashMap::new();
    for (article, claim, n) in ordinal_claims(context) {
        if claim.counting.is_empty() || judged.contains(&(article, claim.span.start)) {
            continue;
        }
        let Some(day) = claim.date.and_then(|d| d.to_naive()) else {
            continue;
        };
        groups
            .entry(count_key(claim))
            .or_default()
            .push((day, n, article, claim));
    }
    let mut keys: Vec<&Key> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let mut group = groups[key].clone();
        group.sort_by_key(|(day, n, article, claim)| (*day, *n, *article, claim.span.start));
        for pair in group.windows(2) {
            let (day_a, n_a, article_a, claim_a) = pair[0];
            let (day_b, n_b, article_b, claim_b) = pair[1];
            let gap = (day_b - day_a).num_days();
            let wrong = if gap == 0 {
                n_a != n_b
            } else if n_a == n_b {
                gap >= i64::from(params.same_event_days)
            } else {
                n_b < n_a
            };
            if !wrong {
                continue;
            }
            let other_words = words(context, article_a, claim_a);
            let reason = if gap == 0 {
                format!("both articles speak of the event of {day_a}")
            } else if n_a == n_b {
                format!(
                    "{day_a} and {day_b} are two events, and only one can be the {}",
                    ordinal_words(n_a as usize)
                )
            } else {
                format!(
                    "the event of {day_a} comes first, yet is counted {}",
                    ordinal_words(n_a as usize)
                )
            };
            let values = BTreeMap::from([
                ("claimed", words(context, article_b, claim_b).to_string()),
                ("series", claim_b.kind.as_str().to_string()),
                (
                    "expected",
                    ordinal_words(n_a as usize + usize::from(gap > 0)),
                ),
                ("other", format!("\"{other_words}\" ({day_a})")),
                ("reason", reason),
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
                    message: format!(
                        "counted {} here, dated {day_a}",
                        ordinal_words(n_a as usize)
                    ),
                }],
            });
        }
    }
    findings
}

/// The finding when the KB places the claim's linked event elsewhere in every reading.
fn against_kb(
    context: &CheckContext<'_>,
    rule: &Rule,
    article: usize,
    claim: &EventClaim,
    n: u32,
) -> Option<Finding> {
    let event = claim.event.as_deref()?;
    let kb = context.kb;
    let published = context.extractions[article]
        .published
        .as_ref()
        .map(|p| p.date);
    let year = claim.date.and_then(|d| d.year);
    let mut positions = Vec::new();
    let mut preferred = None;
    for count in counts(kb, claim, published) {
        if count.series.kind != claim.kind || kb_kind(claim.kind) != claim.kind {
            continue;
        }
        for reading in readings(&count, claim, year) {
            if let Some(at) = reading.iter().position(|e| e.id.value == event) {
                positions.push((at + 1, count.series));
            }
        }
        // What the words count: the counting persons' events ("his", "their").
        let theirs = count
            .events
            .iter()
            .filter(|e| involves(e, &claim.counting))
            .position(|e| e.id.value == event);
        if preferred.is_none()
            && let Some(at) = theirs
        {
            preferred = Some((at + 1, count.series));
        }
    }
    let (expected, series) = preferred.or_else(|| positions.first().copied())?;
    if positions.iter().any(|(at, _)| *at == n as usize) {
        return None;
    }
    let values = BTreeMap::from([
        ("claimed", words(context, article, claim).to_string()),
        ("series", series_words(series)),
        ("expected", ordinal_words(expected)),
        ("other", event_words(kb, event)),
        (
            "reason",
            format!("the KB counts it as number {expected}, not {n}"),
        ),
    ]);
    Some(Finding {
        rule: rule.id.clone(),
        level: rule.level,
        article,
        span: claim
            .ordinal
            .as_ref()
            .map_or(claim.span.clone(), |(_, span)| span.clone()),
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
