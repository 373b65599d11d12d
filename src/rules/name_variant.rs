//! The `name-variant` check kind: one person spelt two ways in one article ("Lee Jae-myung" and
//! "Lee Jae Myung"), or — with a house style — spelt other than the preferred way.
//!
//! Mentions of a person (`Extraction::people`) are grouped per article by KB person id, or by the
//! loose key (`lookup_key`) of the full name for people the KB does not know; the spelling is the
//! exact text of the mention. Not variants: a short form, one word ("Lee", "Ishiba") or part of
//! the full name ("von der Leyen" of "Ursula von der Leyen"), and a
//! difference of case only when one spelling is ALL CAPS (a headline or dateline) or the
//! difference is the first letter of a sentence. The first spelling in the article is the
//! reference (an ALL-CAPS one only when there is no other); every other spelling is reported
//! once, at its first occurrence, with the reference as `related`.
//!
//! Parameters: `preferred` (default empty), a map from KB person id to the house spelling
//! (`lee-jae-myung: Lee Jae-myung`). For those people the house spelling is the reference, and
//! any other spelling is a finding even when an article uses it consistently.
//!
//! Placeholders for `message` and `help`:
//! - `{written}`: the spelling found, "Lee Jae Myung"
//! - `{expected}`: the reference spelling, "Lee Jae-myung"
//! - `{where}`: "earlier in this article" or "in the house style"
//! - `{name}`: the person's KB name, or the full name for people the KB lacks

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::{CheckContext, Rule};
use crate::extract::PersonMention;
use crate::finding::{Finding, Related};
use crate::kb::lookup_key;

pub const PLACEHOLDERS: &[&str] = &["written", "expected", "where", "name"];

/// The kind's own parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    /// KB person id → the house spelling.
    pub preferred: BTreeMap<String, String>,
}

rule_file!(NameVariant { #[serde(default)] preferred: BTreeMap<String, String> });

/// One naming of a person in full, as written.
struct Spelling<'a> {
    span: Range<usize>,
    written: &'a str,
    sentence_initial: bool,
}

/// Every spelling of a person that differs from the article's first one or the house style.
pub fn check(context: &CheckContext<'_>, rule: &Rule, params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (article, (source, extraction)) in context.checked_articles() {
        let text = source.text.as_str();
        let mut people: HashMap<String, (&PersonMention, Vec<Spelling<'_>>)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut mentions: Vec<&PersonMention> = extraction.people.iter().collect();
        mentions.sort_by_key(|mention| (mention.span.start, mention.span.end));
        for mention in mentions {
            let Some(spelling) = spelling(text, &mention.span) else {
                continue;
            };
            if is_short_form(context, mention, spelling.written) {
                continue;
            }
            let key = match &mention.person {
                Some(id) => format!("id:{id}"),
                None => format!("name:{}", lookup_key(&mention.full_name)),
            };
            people
                .entry(key.clone())
                .or_insert_with(|| {
                    order.push(key);
                    (mention, Vec::new())
                })
                .1
                .push(spelling);
        }
        for key in &order {
            let (mention, spellings) = &people[key];
            let name = match &mention.person {
                Some(id) => context
                    .kb
                    .person(id)
                    .map_or(mention.full_name.as_str(), |person| person.name.as_str()),
                None => mention.full_name.as_str(),
            };
            let preferred = mention
                .person
                .as_ref()
                .and_then(|id| params.preferred.get(id));
            let (expected, reference, place) = match preferred {
                Some(house) => (
                    house.as_str(),
                    spellings.iter().find(|s| s.written == house.as_str()),
                    "in the house style",
                ),
                None => {
                    let reference = spellings
                        .iter()
                        .find(|s| !is_all_caps(s.written))
                        .unwrap_or(&spellings[0]);
                    (
                        reference.written,
                        Some(reference),
                        "earlier in this article",
                    )
                }
            };
            let mut reported: HashSet<&str> = HashSet::new();
            for spelling in spellings {
                if same_spelling(spelling, expected) || !reported.insert(spelling.written) {
                    continue;
                }
                let values = BTreeMap::from([
                    ("written", spelling.written.to_string()),
                    ("expected", expected.to_string()),
                    ("where", place.to_string()),
                    ("name", name.to_string()),
                ]);
                let related = reference
                    .map(|reference| Related {
                        article,
                        span: reference.span.clone(),
                        message: format!("spelt \"{}\" here", reference.written),
                    })
                    .into_iter()
                    .collect();
                findings.push(Finding {
                    rule: rule.id.clone(),
                    level: rule.level,
                    article,
                    span: spelling.span.clone(),
                    message: rule.message.render(&values),
                    help: rule.help.as_ref().map(|help| help.render(&values)),
                    related,
                });
            }
        }
    }
    findings
}

/// The mention as written, without a possessive "'s"; `None` for a one-word short form.
fn spelling<'a>(text: &'a str, span: &Range<usize>) -> Option<Spelling<'a>> {
    let words = text.get(span.clone())?;
    let trimmed = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|suffix| words.strip_suffix(suffix))
        .unwrap_or(words)
        .trim();
    if trimmed.split_whitespace().count() < 2 {
        return None;
    }
    let start = span.start + (words.len() - words.trim_start().len());
    Some(Spelling {
        span: start..start + trimmed.len(),
        written: trimmed,
        sentence_initial: sentence_initial(text, start),
    })
}

/// Whether `written` is part of the person's full name ("von der Leyen" of "Ursula von der
/// Leyen", "Jae-myung" of "Lee Jae-myung"): a short form, not another spelling.
fn is_short_form(context: &CheckContext<'_>, mention: &PersonMention, written: &str) -> bool {
    let written = lookup_key(written);
    let words: Vec<&str> = written.split(' ').collect();
    let kb_names = mention
        .person
        .as_deref()
        .and_then(|id| context.kb.person(id))
        .into_iter()
        .flat_map(|person| std::iter::once(&person.name).chain(&person.aliases));
    std::iter::once(&mention.full_name)
        .chain(kb_names)
        .any(|full| {
            let full = lookup_key(full);
            let full: Vec<&str> = full.split(' ').collect();
            words.len() < full.len() && full.windows(words.len()).any(|window| window == words)
        })
}

/// Whether the words at `start` begin a sentence, a line or a quotation.
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | '\n' | '"' | '\u{201c}' | '(' | ':' | '\u{2014}' | '-'
        ),
    }
}

/// A headline or dateline spelling: letters, none of them lower case.
fn is_all_caps(written: &str) -> bool {
    written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase)
}

/// Whether `spelling` is `expected` but for case an ALL-CAPS headline or a sentence's first
/// letter explains.
fn same_spelling(spelling: &Spelling<'_>, expected: &str) -> bool {
    let written = spelling.written;
    if written == expected {
        return true;
    }
    if written.to_lowercase() != expected.to_lowercase() {
        return false;
    }
    if is_all_caps(written) || is_all_caps(expected) {
        return true;
    }
    // Only the first letter differs, and this spelling starts a sentence.
    let mut a = written.chars();
    let mut b = expected.chars();
    let (first_a, first_b) = (a.next(), b.next());
    spelling.sentence_initial
        && first_a.map(|c| c.to_lowercase().collect::<String>())
            == first_b.map(|c| c.to_lowercase().collect::<String>())
        && a.as_str() == b.as_str()
}

#[cfg(test)]
mod tests;
