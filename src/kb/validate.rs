//! Deciding whether what was read is a valid KB: every problem becomes a miette diagnostic
//! labelled on the YAML node at fault, and all of them are reported together.
//!
//! Two passes. [`build_file`] turns one parsed file into model values, refusing malformed dates
//! and terms without a source. [`check`] looks at the KB as a whole, since ids must be unique and
//! terms may name people across files: unknown people, duplicate ids and titles, terms ending
//! before they start, and overlapping terms of single-holder roles.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::index::lookup_key;
use super::model::{FileId, Kb, KbDate, KbFile, Person, Role, Term};
use super::problems::{
    BadDate, DuplicateId, EndsBeforeStart, FirstHere, MissingSource, NotAUrl, SharedTitle,
    TermsOverlap, UnknownPerson, named, node_span,
};
use super::schema::{DateText, KbDoc, TermEntry};

/// The model values of one parsed file, and the problems that kept some of its terms out.
pub(super) fn build_file(
    doc: KbDoc,
    file_id: FileId,
    file: &KbFile,
) -> (Vec<Person>, Vec<Role>, Vec<miette::Report>) {
    let mut problems = Vec::new();
    let people = doc
        .people
        .into_iter()
        .map(|entry| Person {
            id: entry.id,
            name: entry.name,
            aliases: entry.aliases,
            nationality: entry.nationality,
            file: file_id,
        })
        .collect();
    let roles = doc
        .roles
        .into_iter()
        .map(|entry| Role {
            id: entry.id,
            titles: entry.titles,
            single_holder: entry.single_holder,
            terms: entry
                .terms
                .into_iter()
                .filter_map(|term| build_term(term, file, &mut problems))
                .collect(),
            file: file_id,
        })
        .collect();
    (people, roles, problems)
}

fn build_term(
    entry: Spanned<TermEntry>,
    file: &KbFile,
    problems: &mut Vec<miette::Report>,
) -> Option<Term> {
    let term_at = entry.referenced;
    let entry = entry.value;
    // Every field is checked before a bad one drops the term, so all its problems are reported.
    let from = parse_date(entry.from, file, problems);
    // `Err` when `to` is given but malformed; `Ok(None)` when the term is open.
    let to = entry
        .to
        .map(|to| parse_date(to, file, problems).ok_or(()))
        .transpose();
    let source = match entry.source {
        Some(source) if is_url(&source.value) => Some(source.value),
        Some(source) => {
            problems.push(
                NotAUrl {
                    url: source.value.clone(),
                    src: named(file),
                    span: node_span(&file.yaml, &source.referenced),
                }
                .into(),
            );
            None
        }
        None => {
            problems.push(
                MissingSource {
                    person: entry.person.value.clone(),
                    src: named(file),
                    span: node_span(&file.yaml, &term_at),
                }
                .into(),
            );
            None
        }
    };
    Some(Term {
        person: entry.person,
        from: from?,
        to: to.ok()?,
        acting: entry.acting,
        source: source?,
    })
}

fn parse_date(
    text: Spanned<DateText>,
    file: &KbFile,
    problems: &mut Vec<miette::Report>,
) -> Option<Spanned<KbDate>> {
    match text.value.0.parse::<KbDate>() {
        Ok(date) => Some(Spanned::new(date, text.referenced, text.defined)),
        Err(error) => {
            problems.push(
                BadDate {
                    text: text.value.0,
                    reason: error.to_string(),
                    src: named(file),
                    span: node_span(&file.yaml, &text.referenced),
                }
                .into(),
            );
            None
        }
    }
}

fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

/// Every problem in the KB as a whole, in file order.
pub(super) fn check(kb: &Kb) -> Vec<miette::Report> {
    let mut problems = Vec::new();
    // Loading sets every `file`; one set by hand to nonsense gets an unnamed, empty snippet.
    static NO_FILE: KbFile = KbFile {
        name: String::new(),
        yaml: String::new(),
    };
    let file = |id: FileId| kb.files.get(id).unwrap_or(&NO_FILE);

    let mut people: HashMap<&str, &Person> = HashMap::new();
    for person in &kb.people {
        match people.entry(&person.id.value) {
            Entry::Occupied(first) => {
                let first = first.get();
                problems.push(duplicate(
                    "person",
                    &person.id,
                    file(person.file),
                    &first.id,
                    file(first.file),
                ));
            }
            Entry::Vacant(slot) => {
                slot.insert(person);
            }
        }
    }

    let mut roles: HashMap<&str, &Role> = HashMap::new();
    let mut titles: HashMap<String, (&Role, &Spanned<String>)> = HashMap::new();
    for role in &kb.roles {
        let role_file = file(role.file);
        match roles.entry(&role.id.value) {
            Entry::Occupied(first) => {
                let first = first.get();
                problems.push(duplicate(
                    "role",
                    &role.id,
                    role_file,
                    &first.id,
                    file(first.file),
                ));
            }
            Entry::Vacant(slot) => {
                slot.insert(role);
            }
        }
        for title in &role.titles {
            let key = lookup_key(&title.value);
            match titles.get(&key) {
                Some((owner, _)) if owner.id.value == role.id.value => {}
                Some((owner, first)) => problems.push(
                    SharedTitle {
                        title: title.value.clone(),
                        owner: owner.id.value.clone(),
                        src: named(role_file),
                        span: node_span(&role_file.yaml, &title.referenced),
                        first: vec![FirstHere::new(file(owner.file), &first.referenced)],
                    }
                    .into(),
                ),
                None => {
                    titles.insert(key, (role, title));
                }
            }
        }
        for term in &role.terms {
            if !people.contains_key(term.person.value.as_str()) {
                problems.push(
                    UnknownPerson {
                        person: term.person.value.clone(),
                        src: named(role_file),
                        span: node_span(&role_file.yaml, &term.person.referenced),
                    }
                    .into(),
                );
            }
            if let Some(to) = &term.to
                && to.value.last_day() < term.from.value.first_day()
            {
                problems.push(
                    EndsBeforeStart {
                        from: term.from.value,
                        to: to.value,
                        src: named(role_file),
                        from_span: node_span(&role_file.yaml, &term.from.referenced),
                        to_span: node_span(&role_file.yaml, &to.referenced),
                    }
                    .into(),
                );
            }
        }
        if role.single_holder {
            problems.extend(overlaps(role, role_file));
        }
    }
    problems
}

/// Pairs of terms that certainly share more than one day. The handover day may be shared, and
/// an imprecise bound ("to: 2023-10") is read as favourably as it allows, so only overlaps the
/// data proves are reported.
fn overlaps(role: &Role, file: &KbFile) -> Vec<miette::Report> {
    let mut certain: Vec<(&Term, (NaiveDate, NaiveDate))> = role
        .terms
        .iter()
        .filter_map(|term| term.certain_days().map(|days| (term, days)))
        .collect();
    certain.sort_by_key(|(_, days)| *days);
    let mut problems = Vec::new();
    // The earlier term that ends last is the one a later term overlaps most, if any.
    let mut latest: Option<(&Term, NaiveDate)> = None;
    for (term, (start, end)) in certain {
        if let Some((earlier, earlier_end)) = latest {
            let shared_end = earlier_end.min(end);
            if shared_end > start {
                problems.push(overlap(role, file, earlier, term, start, shared_end));
            }
        }
        if latest.is_none_or(|(_, latest_end)| end > latest_end) {
            latest = Some((term, end));
        }
    }
    problems
}

fn overlap(
    role: &Role,
    file: &KbFile,
    earlier: &Term,
    later: &Term,
    start: NaiveDate,
    end: NaiveDate,
) -> miette::Report {
    let (earlier_at, earlier_label) = match &earlier.to {
        Some(to) => (
            &to.referenced,
            format!("{} is in office until {}", earlier.person.value, to.value),
        ),
        None => (
            &earlier.from.referenced,
            format!(
                "{} is in office from {} with no end",
                earlier.person.value, earlier.from.value
            ),
        ),
    };
    let shared = if end == NaiveDate::MAX {
        format!("from {start} on")
    } else {
        format!("for {} days", (end - start).num_days() + 1)
    };
    TermsOverlap {
        role: role.id.value.clone(),
        shared,
        earlier_label,
        later_label: format!(
            "{} takes office on {}",
            later.person.value, later.from.value
        ),
        src: named(file),
        earlier_span: node_span(&file.yaml, earlier_at),
        later_span: node_span(&file.yaml, &later.from.referenced),
    }
    .into()
}

fn duplicate(
    kind: &'static str,
    id: &Spanned<String>,
    file: &KbFile,
    first: &Spanned<String>,
    first_file: &KbFile,
) -> miette::Report {
    DuplicateId {
        kind,
        id: id.value.clone(),
        src: named(file),
        span: node_span(&file.yaml, &id.referenced),
        first: vec![FirstHere::new(first_file, &first.referenced)],
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages of every problem in one KB file, checked as a whole.
    fn messages(yaml: &str) -> Vec<String> {
        let kb = match Kb::from_yaml("kb.yaml", yaml) {
            Ok(kb) => kb,
            Err(error) => return error.problems.iter().map(ToString::to_string).collect(),
        };
        check(&kb).iter().map(ToString::to_string).collect()
    }

    /// A file with people `a`, `b`, `c` and one role whose terms are `terms` (YAML list items).
    fn role(single_holder: bool, terms: &str) -> String {
        let people: String = ["a", "b", "c"]
            .iter()
            .map(|id| format!("  - id: {id}\n    name: {id}\n    nationality: KR\n"))
            .collect();
        format!(
            "people:\n{people}roles:\n  - id: r\n    titles: [R]\n    single_holder: {single_holder}\n    terms:\n{terms}"
        )
    }

    fn term(person: &str, from: &str, to: Option<&str>) -> String {
        let to = to.map_or(String::new(), |to| format!("        to: \"{to}\"\n"));
        format!(
            "      - person: {person}\n        from: \"{from}\"\n{to}        source: https://example.org/{person}\n"
        )
    }

    #[test]
    fn a_handover_day_may_be_shared() {
        let terms = term("a", "2020-01-01", Some("2022-05-10")) + &term("b", "2022-05-10", None);
        assert!(messages(&role(true, &terms)).is_empty());
    }

    #[test]
    fn two_shared_days_are_an_overlap() {
        let terms = term("a", "2020-01-01", Some("2022-05-11")) + &term("b", "2022-05-10", None);
        assert_eq!(
            messages(&role(true, &terms)),
            ["`r` has one holder at a time, but two terms overlap for 2 days"]
        );
    }

    #[test]
    fn an_open_term_overlaps_every_later_one() {
        let terms = term("a", "2020-01-01", None)
            + &term("b", "2021-01-01", Some("2021-06-01"))
            + &term("c", "2022-01-01", None);
        let problems = messages(&role(true, &terms));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].ends_with("overlap for 152 days"),
            "{problems:?}"
        );
        assert!(
            problems[1].ends_with("overlap from 2022-01-01 on"),
            "{problems:?}"
        );
    }

    #[test]
    fn imprecise_bounds_overlap_only_when_they_must() {
        let same_month = term("a", "2019", Some("2023-10")) + &term("b", "2023-10", None);
        assert!(messages(&role(true, &same_month)).is_empty());
        let next_year = term("a", "2019", Some("2023")) + &term("b", "2023-12-30", None);
        assert!(messages(&role(true, &next_year)).is_empty());
        let proven = term("a", "2019", Some("2023-10")) + &term("b", "2023-09", None);
        assert_eq!(messages(&role(true, &proven)).len(), 1);
    }

    #[test]
    fn several_holders_may_overlap() {
        let terms = term("a", "2020", None) + &term("b", "2021", None);
        assert!(messages(&role(false, &terms)).is_empty());
    }

    #[test]
    fn an_imprecise_end_in_the_start_month_is_not_before_the_start() {
        let terms = term("a", "2021-03-15", Some("2021-03"));
        assert!(messages(&role(true, &terms)).is_empty());
        let terms = term("a", "2021-03-15", Some("2021-02"));
        assert_eq!(
            messages(&role(true, &terms)),
            ["the term ends (2021-02) before it starts (2021-03-15)"]
        );
    }

    #[test]
    fn a_title_names_one_role() {
        let yaml = "roles:\n  - id: r\n    titles: [U.S. President, US president]\n    single_holder: true\n  - id: s\n    titles: [US President]\n    single_holder: true\n";
        assert_eq!(
            messages(yaml),
            ["the title `US President` already names `r`"]
        );
    }

    #[test]
    fn a_source_is_an_http_url() {
        assert!(is_url("https://en.wikipedia.org/wiki/Lee_Jae-myung"));
        assert!(is_url("http://example.org"));
        for bad in ["", "https://", "Wikipedia", "ftp://x", "https://a b"] {
            assert!(!is_url(bad), "{bad:?}");
        }
    }
}
