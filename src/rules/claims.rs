//! What the office-holder kinds (`tenure`, `role-conflict`, `role-change`) share: the period a
//! claim speaks of, who it names as a comparable key, and the words that cite the KB.

use chrono::NaiveDate;

use super::CheckContext;
use crate::extract::{RoleClaim, RoleStatus};
use crate::kb::{Kb, KbDate, KbIndex, Role, Term, lookup_key};
use crate::time::CalendarDate;

/// Every office-holder claim in the corpus with the index of its article, in article order and
/// then text order.
pub(super) fn role_claims<'a>(
    context: &CheckContext<'a>,
) -> impl Iterator<Item = (usize, &'a RoleClaim)> {
    context
        .extractions
        .iter()
        .enumerate()
        .flat_map(|(article, extraction)| {
            extraction.roles.iter().map(move |claim| (article, claim))
        })
}

/// The day, month or year a claim speaks of, at its precision; `None` without a year.
pub(super) fn period(when: Option<CalendarDate>) -> Option<KbDate> {
    let when = when?;
    let year = when.year?;
    match (when.month, when.day) {
        (Some(_), Some(_)) => when.to_naive().map(KbDate::Day),
        (Some(month), None) => (1..=12)
            .contains(&month)
            .then_some(KbDate::Month(year, month)),
        (None, _) => Some(KbDate::Year(year)),
    }
}

/// Who a claim names, in a form two claims can be compared by: the KB person id, or — for a
/// person the KB does not know — the loose key of a full name of two or more words. A surname
/// alone ("Ambassador Kim") is no key: it cannot tell two people apart.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Holder {
    Known(String),
    Named(String),
}

pub(super) fn holder(kb: &KbIndex<'_>, claim: &RoleClaim) -> Option<Holder> {
    match &claim.person.person {
        Some(id) => Some(Holder::Known(id.clone())),
        None if is_full_name(&claim.person.full_name) => {
            // A name the extractor left unlinked may still be one person's name in the KB.
            match kb.people_named(&claim.person.full_name) {
                [person] => Some(Holder::Known(person.id.value.clone())),
                _ => Some(Holder::Named(lookup_key(&claim.person.full_name))),
            }
        }
        None => None,
    }
}

/// How messages name a holder: the KB name of a known person, else the name as written.
pub(super) fn holder_name(kb: &KbIndex<'_>, claim: &RoleClaim) -> String {
    match &claim.person.person {
        Some(id) => kb
            .person(id)
            .map_or_else(|| claim.person.full_name.clone(), |p| p.name.clone()),
        None => claim.person.full_name.clone(),
    }
}

/// Two or more words: "Koichi Aiboshi", "Lee Jae-myung"; not "Lee".
pub(super) fn is_full_name(name: &str) -> bool {
    name.split_whitespace().count() >= 2
}

/// A claim that the person holds the office at the time it speaks of, as `role-conflict` and
/// `role-change` compare them (acting, elect, former … are not).
pub(super) fn is_current(claim: &RoleClaim) -> bool {
    claim.status == RoleStatus::Current
}

/// The KB role a claim names, when it is a single-holder one.
pub(super) fn single_holder_role<'kb>(kb: &KbIndex<'kb>, claim: &RoleClaim) -> Option<&'kb Role> {
    kb.role(claim.role.as_deref()?)
        .filter(|role| role.single_holder)
}

/// How messages name a role: its first title in the KB.
pub(super) fn role_name(role: &Role) -> &str {
    role.titles
        .first()
        .map_or(role.id.value.as_str(), |title| title.value.as_str())
}

/// How messages name a KB person: their name, or the id if the KB lacks them.
pub(super) fn person_name<'kb>(kb: &KbIndex<'kb>, id: &'kb str) -> &'kb str {
    kb.person(id).map_or(id, |person| person.name.as_str())
}

/// "Koichi Mizushima (from 2024-04-09)", "Koichi Aiboshi (2021-01 to 2024-04-09)".
pub(super) fn term_words(kb: &KbIndex<'_>, term: &Term) -> String {
    let name = person_name(kb, &term.person.value);
    let acting = if term.acting { "acting, " } else { "" };
    match &term.to {
        Some(to) => format!("{name} ({acting}{} to {})", term.from.value, to.value),
        None => format!("{name} ({acting}from {})", term.from.value),
    }
}

/// Terms in words, joined with "or" (several when the period straddles a handover).
pub(super) fn terms_words(kb: &KbIndex<'_>, terms: &[&Term]) -> String {
    terms
        .iter()
        .map(|term| term_words(kb, term))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The KB file that records `role`, as a user finds it: `rules/kb/japan.yaml` for a shipped file.
pub(super) fn kb_file(kb: &Kb, role: &Role) -> String {
    let name = kb.file_name(role.file).unwrap_or("the knowledge base");
    name.strip_prefix("<shipped>/").unwrap_or(name).to_string()
}

/// The distinct sources of `terms`, joined with ", ".
pub(super) fn sources(terms: &[&Term]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for term in terms {
        if !seen.contains(&term.source.as_str()) {
            seen.push(&term.source);
        }
    }
    seen.join(", ")
}

/// Whether every day from `first` to `last` lies in the days some term certainly includes:
/// only then does the KB say for sure who held the office throughout.
pub(super) fn certainly_covered(terms: &[&Term], first: NaiveDate, last: NaiveDate) -> bool {
    let mut certain: Vec<(NaiveDate, NaiveDate)> = terms
        .iter()
        .filter_map(|term| term.certain_days())
        .collect();
    certain.sort();
    let mut next = first;
    for (start, end) in certain {
        if start > next {
            return false;
        }
        if end >= last {
            return true;
        }
        next = next.max(end.succ_opt().unwrap_or(NaiveDate::MAX));
    }
    false
}

/// A kebab-case person id for a name the KB lacks, for KB snippets in help texts.
pub(super) fn suggested_id(name: &str) -> String {
    lookup_key(name)
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The article's path as reports show it.
pub(super) fn article_file(context: &CheckContext<'_>, article: usize) -> String {
    context
        .articles
        .get(article)
        .map_or_else(String::new, |article| article.path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_saphyr::{Location, Spanned};

    fn at<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Location::UNKNOWN, Location::UNKNOWN)
    }

    fn term(from: &str, to: Option<&str>) -> Term {
        Term {
            person: at("x".into()),
            from: at(from.parse().unwrap()),
            to: to.map(|to| at(to.parse().unwrap())),
            acting: false,
            source: "https://example.org".into(),
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn coverage_needs_certain_days_without_gaps() {
        let a = term("2021-01-01", Some("2024-04-09"));
        let b = term("2024-04-09", None);
        let terms = [&a, &b];
        assert!(certainly_covered(
            &terms,
            day("2024-04-01"),
            day("2024-04-30")
        ));
        assert!(!certainly_covered(
            &terms,
            day("2020-12-31"),
            day("2021-01-01")
        ));
        // A month-precision start is certain only from the month's last day.
        let c = term("2021-01-01", Some("2021-01-26"));
        let d = term("2021-01", None);
        assert!(!certainly_covered(
            &[&c, &d],
            day("2021-01-28"),
            day("2021-01-28")
        ));
        assert!(certainly_covered(
            &[&c, &d],
            day("2021-02-01"),
            day("2021-02-01")
        ));
    }

    #[test]
    fn periods_keep_the_claims_precision() {
        let date = |year, month, day| CalendarDate { year, month, day };
        assert_eq!(
            period(Some(date(Some(2025), Some(6), Some(16)))),
            Some(KbDate::Day(day("2025-06-16")))
        );
        assert_eq!(
            period(Some(date(Some(2025), Some(6), None))),
            Some(KbDate::Month(2025, 6))
        );
        assert_eq!(
            period(Some(date(Some(2025), None, None))),
            Some(KbDate::Year(2025))
        );
        assert_eq!(period(Some(date(None, Some(6), Some(16)))), None);
        assert_eq!(period(None), None);
    }

    #[test]
    fn ids_for_unknown_people_are_kebab_case() {
        assert_eq!(suggested_id("Koichi Mizushima"), "koichi-mizushima");
        assert_eq!(suggested_id("Lee Jae-myung"), "lee-jae-myung");
        assert_eq!(suggested_id("J. D. Vance"), "j-d-vance");
    }
}

#[cfg(test)]
pub(super) mod fixture;
