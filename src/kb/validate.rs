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
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde_saphyr::{Location, Spanned};

use super::index::lookup_key;
use super::model::{FileId, Kb, KbDate, KbFile, Person, Role, Term};
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
    let from = parse_date(entry.from, file, problems);
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
    let file = |id: FileId| &kb.files[id];

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

fn named(file: &KbFile) -> NamedSource<String> {
    NamedSource::new(&file.name, file.yaml.clone())
}

/// The bytes of a YAML node. serde-saphyr records byte offsets for string input; a mapping's
/// location has no length, so it is widened to the rest of its first line.
// TODO(lead): `rules::load::value_span` does the same for rule files; share one helper.
pub(super) fn node_span(yaml: &str, at: &Location) -> SourceSpan {
    let start = at
        .span()
        .byte_offset()
        .map_or(0, |offset| offset as usize)
        .min(yaml.len());
    let line_end = yaml[start..].find('\n').map_or(yaml.len(), |i| start + i);
    let len = at
        .span()
        .byte_len()
        .map(|len| len as usize)
        .filter(|&len| len > 0 && start + len <= yaml.len())
        .unwrap_or(line_end - start);
    SourceSpan::new(start.into(), len)
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("`{text}` is not a date: {reason}")]
#[diagnostic(
    code(factlint::kb::bad_date),
    help("write the precision known: YYYY-MM-DD, \"YYYY-MM\" or \"YYYY\"")
)]
struct BadDate {
    text: String,
    reason: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("not a date")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the term of `{person}` has no source")]
#[diagnostic(
    code(factlint::kb::missing_source),
    help("add `source:` with the URL of a public page that states the term")
)]
struct MissingSource {
    person: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("this term needs a `source:`")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the source `{url}` is not a URL")]
#[diagnostic(
    code(factlint::kb::missing_source),
    help("a source is the http(s) URL of a public page that states the term")
)]
struct NotAUrl {
    url: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("not a URL")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("unknown person `{person}`")]
#[diagnostic(
    code(factlint::kb::unknown_person),
    help("a term's `person:` is the id of an entry under `people:` in any KB file")
)]
struct UnknownPerson {
    person: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("no person has this id")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("duplicate {kind} id `{id}`")]
#[diagnostic(
    code(factlint::kb::duplicate_id),
    help("ids are unique across all KB files: rename one, or merge the two entries")
)]
struct DuplicateId {
    kind: &'static str,
    id: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("defined again here")]
    span: SourceSpan,
    #[related]
    first: Vec<FirstHere>,
}

/// Where something was first defined, shown beneath the problem with its own snippet, since it
/// may be in another file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("first defined here")]
#[diagnostic(severity(Advice))]
struct FirstHere {
    #[source_code]
    src: NamedSource<String>,
    #[label("first")]
    span: SourceSpan,
}

impl FirstHere {
    fn new(file: &KbFile, at: &Location) -> FirstHere {
        FirstHere {
            src: named(file),
            span: node_span(&file.yaml, at),
        }
    }
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the title `{title}` already names `{owner}`")]
#[diagnostic(
    code(factlint::kb::shared_title),
    help(
        "a title names one role only, across all KB files, so a check knows which office it means"
    )
)]
struct SharedTitle {
    title: String,
    owner: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("also claimed here")]
    span: SourceSpan,
    #[related]
    first: Vec<FirstHere>,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the term ends ({to}) before it starts ({from})")]
#[diagnostic(
    code(factlint::kb::ends_before_start),
    help("check both dates against the source; `to:` is the last day in office")
)]
struct EndsBeforeStart {
    from: KbDate,
    to: KbDate,
    #[source_code]
    src: NamedSource<String>,
    #[label("starts here")]
    from_span: SourceSpan,
    #[label("ends before the start")]
    to_span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("`{role}` has one holder at a time, but two terms overlap {shared}")]
#[diagnostic(
    code(factlint::kb::overlapping_terms),
    help(
        "a holder may leave on the day the successor arrives, no later; if the office really \
         has several holders at once, set `single_holder: false`"
    )
)]
struct TermsOverlap {
    role: String,
    shared: String,
    earlier_label: String,
    later_label: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("{earlier_label}")]
    earlier_span: SourceSpan,
    #[label("{later_label}")]
    later_span: SourceSpan,
}
