//! Deciding whether what was read is a valid KB: every problem becomes a miette diagnostic
//! labelled on the YAML node at fault, and all of them are reported together.
//!
//! Two passes. [`build_file`] turns one parsed file into model values, refusing malformed dates,
//! terms and events without a source, and events whose dates are missing, doubled or reversed.
//! [`check`] looks at the KB as a whole, since ids must be unique and entries may name each other
//! across files: unknown people, roles and series, duplicate ids and titles, terms ending before
//! they start, overlapping terms of single-holder roles, and series members that are of another
//! kind, lack a participant the series requires, or probably duplicate another member.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::index::KbIndex;
use super::index::lookup_key;
use super::model::{Event, FileId, Kb, KbDate, KbFile, Person, Role, Series, Term};
use super::problems::{
    BadDate, DuplicateId, EndsBeforeStart, EventDateShape, EventEndsBeforeStart,
    EventMissingSource, FirstHere, MissingSource, NotAUrl, ProbableDuplicateEvent,
    SeriesKindMismatch, SeriesParticipantMissing, SharedTitle, TermsOverlap, UnknownId,
    UnknownPerson, named, node_span,
};
use super::schema::{DateText, EventEntry, KbDoc, TermEntry};

/// What one parsed file adds to the KB, and the problems that kept some of its entries out.
#[derive(Default)]
pub(super) struct Built {
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
    pub events: Vec<Event>,
    pub series: Vec<Series>,
    pub problems: Vec<miette::Report>,
}

/// The model values of one parsed file, and the problems that kept some of its terms and events
/// out.
pub(super) fn build_file(doc: KbDoc, file_id: FileId, file: &KbFile) -> Built {
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
    let events = doc
        .events
        .into_iter()
        .filter_map(|event| build_event(event, file_id, file, &mut problems))
        .collect();
    let series = doc
        .series
        .into_iter()
        .map(|entry| Series {
            id: entry.id,
            description: entry.description,
            counts: entry.counts,
            kind: entry.kind,
            participants: entry.participants,
            since_term_of: entry.since_term_of,
            file: file_id,
        })
        .collect();
    Built {
        people,
        roles,
        events,
        series,
        problems,
    }
}

fn build_event(
    entry: Spanned<EventEntry>,
    file_id: FileId,
    file: &KbFile,
    problems: &mut Vec<miette::Report>,
) -> Option<Event> {
    let event_at = entry.referenced;
    let entry = entry.value;
    let id = entry.id.value.clone();
    let shape = |problem: &'static str, at: &serde_saphyr::Location| -> miette::Report {
        EventDateShape {
            event: id.clone(),
            problem,
            src: named(file),
            span: node_span(&file.yaml, at),
        }
        .into()
    };
    // Every field is checked before a bad one drops the event, so all its problems are reported.
    let dates = match (entry.date, entry.from, entry.to) {
        (Some(date), None, None) => parse_date(date, file, problems).map(|date| (date, None)),
        (None, Some(from), Some(to)) => {
            let from = parse_date(from, file, problems);
            let to = parse_date(to, file, problems);
            match (from, to) {
                (Some(from), Some(to)) if to.value.last_day() < from.value.first_day() => {
                    problems.push(
                        EventEndsBeforeStart {
                            from: from.value,
                            to: to.value,
                            src: named(file),
                            from_span: node_span(&file.yaml, &from.referenced),
                            to_span: node_span(&file.yaml, &to.referenced),
                        }
                        .into(),
                    );
                    None
                }
                (Some(from), Some(to)) => Some((from, Some(to))),
                _ => None,
            }
        }
        (Some(date), _, _) => {
            problems.push(shape(
                "has both `date:` and `from:`/`to:`",
                &date.referenced,
            ));
            None
        }
        (None, Some(from), None) => {
            problems.push(shape("has `from:` but no `to:`", &from.referenced));
            None
        }
        (None, None, Some(to)) => {
            problems.push(shape("has `to:` but no `from:`", &to.referenced));
            None
        }
        (None, None, None) => {
            problems.push(shape("has no date", &event_at));
            None
        }
    };
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
                EventMissingSource {
                    event: id.clone(),
                    src: named(file),
                    span: node_span(&file.yaml, &event_at),
                }
                .into(),
            );
            None
        }
    };
    let (date, until) = dates?;
    Some(Event {
        id: entry.id,
        names: entry.names,
        date,
        until,
        kind: entry.kind,
        participants: entry.participants,
        place: entry.place,
        series: entry.series,
        source: source?,
        file: file_id,
    })
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
        problems.extend(register(&mut people, "person", person, &file));
    }

    let mut roles: HashMap<&str, &Role> = HashMap::new();
    let mut titles: HashMap<String, (&Role, &Spanned<String>)> = HashMap::new();
    for role in &kb.roles {
        let role_file = file(role.file);
        problems.extend(register(&mut roles, "role", role, &file));
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

    let known = Known {
        people: &people,
        roles: &roles,
    };
    problems.extend(check_series(kb, &known, file));
    problems.extend(check_events(kb, &known, file));
    problems
}

/// The people and roles of the KB by id, which events and series refer to.
struct Known<'a, 'kb> {
    people: &'a HashMap<&'kb str, &'kb Person>,
    roles: &'a HashMap<&'kb str, &'kb Role>,
}

impl Known<'_, '_> {
    fn has_participant(&self, id: &str) -> bool {
        self.people.contains_key(id) || self.roles.contains_key(id)
    }
}

const PARTICIPANT_HELP: &str =
    "a participant is the id of an entry under `people:` or `roles:` in any KB file";

fn unknown(
    what: &'static str,
    help: &'static str,
    id: &Spanned<String>,
    file: &KbFile,
) -> miette::Report {
    UnknownId {
        what,
        id: id.value.clone(),
        help,
        src: named(file),
        span: node_span(&file.yaml, &id.referenced),
    }
    .into()
}

fn check_series<'kb>(
    kb: &'kb Kb,
    known: &Known<'_, 'kb>,
    file: impl Fn(FileId) -> &'kb KbFile,
) -> Vec<miette::Report> {
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, &Series> = HashMap::new();
    for series in &kb.series {
        let series_file = file(series.file);
        problems.extend(register(&mut ids, "series", series, &file));
        for participant in &series.participants {
            if !known.has_participant(&participant.value) {
                problems.push(unknown(
                    "person or role",
                    PARTICIPANT_HELP,
                    participant,
                    series_file,
                ));
            }
        }
        if let Some(role) = &series.since_term_of
            && !known.roles.contains_key(role.value.as_str())
        {
            problems.push(unknown(
                "role",
                "`since_term_of:` is the id of an entry under `roles:` in any KB file",
                role,
                series_file,
            ));
        }
    }
    problems
}

fn check_events<'kb>(
    kb: &'kb Kb,
    known: &Known<'_, 'kb>,
    file: impl Fn(FileId) -> &'kb KbFile,
) -> Vec<miette::Report> {
    let mut problems = Vec::new();
    let series: HashMap<&str, &Series> = kb
        .series
        .iter()
        .map(|series| (series.id.value.as_str(), series))
        .collect();
    // Who held which office on an event's day, to check the participants a series requires.
    let index = KbIndex::new(kb);
    let mut ids: HashMap<&str, &Event> = HashMap::new();
    // Per series, its members keyed by their days and sorted participants; neighbours with
    // equal keys are probable duplicates.
    let mut members: HashMap<&str, Vec<(MemberKey<'kb>, &Event)>> = HashMap::new();
    for event in &kb.events {
        let event_file = file(event.file);
        problems.extend(register(&mut ids, "event", event, &file));
        for participant in &event.participants {
            if !known.has_participant(&participant.value) {
                problems.push(unknown(
                    "person or role",
                    PARTICIPANT_HELP,
                    participant,
                    event_file,
                ));
            }
        }
        for series_ref in &event.series {
            let Some(series) = series.get(series_ref.value.as_str()) else {
                problems.push(unknown(
                    "series",
                    "an event's `series:` lists ids of entries under `series:` in any KB file",
                    series_ref,
                    event_file,
                ));
                continue;
            };
            if series.kind != event.kind {
                problems.push(
                    SeriesKindMismatch {
                        event: event.id.value.clone(),
                        event_kind: event.kind,
                        series: series.id.value.clone(),
                        series_kind: series.kind,
                        src: named(event_file),
                        span: node_span(&event_file.yaml, &series_ref.referenced),
                    }
                    .into(),
                );
            }
            for required in &series.participants {
                if !involves(&index, event, &required.value) {
                    problems.push(
                        SeriesParticipantMissing {
                            event: event.id.value.clone(),
                            series: series.id.value.clone(),
                            role: required.value.clone(),
                            date: event.date.value,
                            src: named(event_file),
                            span: node_span(&event_file.yaml, &series_ref.referenced),
                        }
                        .into(),
                    );
                }
            }
            let mut participants: Vec<&str> = event
                .participants
                .iter()
                .map(|p| p.value.as_str())
                .collect();
            participants.sort_unstable();
            participants.dedup();
            members
                .entry(series.id.value.as_str())
                .or_default()
                .push((MemberKey(event.possible_days(), participants), event));
        }
    }
    let mut members: Vec<_> = members.into_iter().collect();
    members.sort_by_key(|(series, _)| *series);
    for (series, mut events) in members {
        events.sort_by(|a, b| a.0.cmp(&b.0));
        for pair in events.windows(2) {
            let ((first_key, first), (key, event)) = (&pair[0], &pair[1]);
            if first_key == key {
                let event_file = file(event.file);
                let date = match &event.until {
                    Some(until) => format!("{} to {}", event.date.value, until.value),
                    None => event.date.value.to_string(),
                };
                problems.push(
                    ProbableDuplicateEvent {
                        series: series.to_string(),
                        date,
                        src: named(event_file),
                        span: node_span(&event_file.yaml, &event.id.referenced),
                        first: vec![FirstHere::new(file(first.file), &first.id.referenced)],
                    }
                    .into(),
                );
            }
        }
    }
    problems
}

/// A series member's days and sorted participants.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct MemberKey<'kb>((NaiveDate, NaiveDate), Vec<&'kb str>);

/// Whether `event` involves `required`: it lists that person or role, or a person who may have
/// held that role on the event's day.
fn involves(index: &KbIndex<'_>, event: &Event, required: &str) -> bool {
    event.participants.iter().any(|participant| {
        participant.value == required
            || index
                .holders_on(required, event.date.value)
                .any(|term| term.person.value == participant.value)
    })
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

/// What the KB defines under an id: people, roles, series, events.
trait Defined {
    fn id(&self) -> &Spanned<String>;
    fn file(&self) -> FileId;
}

macro_rules! defined {
    ($($kind:ty),*) => {$(
        impl Defined for $kind {
            fn id(&self) -> &Spanned<String> {
                &self.id
            }
            fn file(&self) -> FileId {
                self.file
            }
        }
    )*};
}
defined!(Person, Role, Series, Event);

/// Records `item` under its id; a second definition of the id is a problem at both places.
fn register<'kb, T: Defined>(
    seen: &mut HashMap<&'kb str, &'kb T>,
    kind: &'static str,
    item: &'kb T,
    file: &impl Fn(FileId) -> &'kb KbFile,
) -> Option<miette::Report> {
    match seen.entry(&item.id().value) {
        Entry::Occupied(first) => {
            let first = first.get();
            Some(duplicate(
                kind,
                item.id(),
                file(item.file()),
                first.id(),
                file(first.file()),
            ))
        }
        Entry::Vacant(slot) => {
            slot.insert(item);
            None
        }
    }
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

    /// A file with people `a` and `b`, a role `r` held by `a` in 2020–2021 and `b` from 2022,
    /// a summit series between `r` holders within each term, and `events` (YAML list items).
    fn events(events: &str) -> String {
        let terms = term("a", "2020-01-01", Some("2021-12-31")) + &term("b", "2022-01-01", None);
        format!(
            "{}series:\n  - id: s\n    description: d\n    counts: c\n    kind: summit\n    participants: [r]\n    since_term_of: r\nevents:\n{events}",
            role(true, &terms)
        )
    }

    fn event(id: &str, dates: &str, participants: &str, series: &str) -> String {
        format!(
            "  - id: {id}\n    names: [{id}]\n{dates}    kind: summit\n    participants: [{participants}]\n    series: [{series}]\n    source: https://example.org/{id}\n"
        )
    }

    #[test]
    fn well_formed_events_and_series_are_valid() {
        let yaml = events(
            &(event("e1", "    date: 2020-05-01\n", "a", "s")
                + &event(
                    "e2",
                    "    from: 2022-05-01\n    to: 2022-05-03\n",
                    "b, c",
                    "s",
                )
                + &event("e3", "    date: \"2023\"\n", "r", "s")),
        );
        assert!(messages(&yaml).is_empty(), "{:?}", messages(&yaml));
    }

    #[test]
    fn event_dates_must_be_one_date_or_a_range() {
        let yaml = events(
            &(event(
                "both",
                "    date: 2020-05-01\n    from: 2020-05-01\n",
                "a",
                "s",
            ) + &event("half", "    from: 2020-05-01\n", "a", "s")
                + &event("none", "", "a", "s")
                + &event(
                    "back",
                    "    from: 2020-05-03\n    to: 2020-05-01\n",
                    "a",
                    "s",
                )),
        );
        assert_eq!(
            messages(&yaml),
            [
                "the event `both` has both `date:` and `from:`/`to:`",
                "the event `half` has `from:` but no `to:`",
                "the event `none` has no date",
                "the event ends (2020-05-01) before it starts (2020-05-03)",
            ]
        );
    }

    #[test]
    fn an_event_needs_a_source() {
        let yaml = events(&event("e", "    date: 2020-05-01\n", "a", "s"))
            .replace("    source: https://example.org/e\n", "");
        assert_eq!(messages(&yaml), ["the event `e` has no source"]);
    }

    #[test]
    fn events_and_series_name_known_ids() {
        let yaml = events(&event("e", "    date: 2020-05-01\n", "a, nobody", "s, t"))
            .replace("since_term_of: r", "since_term_of: q");
        assert_eq!(
            messages(&yaml),
            [
                "unknown role `q`",
                "unknown person or role `nobody`",
                "unknown series `t`",
            ]
        );
    }

    #[test]
    fn a_series_member_involves_the_series_roles_on_its_day() {
        // `b` took office in 2022, so a summit of 2020 with `b` alone is not one of `r`'s.
        let yaml = events(&event("e", "    date: 2020-05-01\n", "b", "s"));
        assert_eq!(
            messages(&yaml),
            ["`e` is in the series `s`, but none of its participants is `r` on 2020-05-01"]
        );
        let phone_call = events(&event("e", "    date: 2020-05-01\n", "a", "s")).replace(
            "    kind: summit\n    participants: [a]",
            "    kind: phone-call\n    participants: [a]",
        );
        assert_eq!(
            messages(&phone_call),
            ["`e` is a phone-call, but the series `s` counts summit events"]
        );
    }

    #[test]
    fn two_members_on_one_day_with_the_same_participants_are_a_probable_duplicate() {
        let yaml = events(
            &(event("e1", "    date: 2020-05-01\n", "a, b", "s")
                + &event("e2", "    date: 2020-05-01\n", "b, a", "s")
                + &event("e3", "    date: 2020-05-01\n", "a", "s")
                + &event("e4", "    date: 2020-05-02\n", "a", "s")),
        );
        assert_eq!(
            messages(&yaml),
            ["two events of the series `s` on 2020-05-01 with the same participants"]
        );
    }

    #[test]
    fn event_and_series_ids_are_unique() {
        let yaml = events(
            &(event("e", "    date: 2020-05-01\n", "a", "s")
                + &event("e", "    date: 2020-06-01\n", "a", "s")),
        );
        assert_eq!(messages(&yaml), ["duplicate event id `e`"]);
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
