//! Lookups over a loaded KB, built once: names and titles to entities, roles and people to terms,
//! names and days to events, series to their members in date order.
//!
//! Text in articles spells names and titles loosely ("Lee Jae Myung", "US President",
//! "Japan’s prime minister"), so lookups go through [`lookup_key`]; every lookup is a hash probe
//! or a binary search and allocates nothing beyond that key.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::model::{Event, EventKind, Kb, KbDate, Person, Role, Series, Term};

/// The form names and titles are compared in: lowercase; hyphens, dashes, underscores and runs
/// of spaces become one space; periods vanish ("U.S." is "us"); curly apostrophes are straight.
pub fn lookup_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    push_lookup_key(&mut key, text);
    key
}

/// Appends the [`lookup_key`] of `text` to `key`, for keys made of several parts.
pub fn push_lookup_key(key: &mut String, text: &str) {
    let base = key.len();
    let mut pending_space = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Most keys are ASCII words: a run of ASCII letters and digits is copied at once and
        // lower-cased in place, sparing it a push per character and the Unicode table.
        let run = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if run > 0 {
            if pending_space && key.len() > base {
                key.push(' ');
            }
            pending_space = false;
            let start = key.len();
            key.push_str(&rest[..run]);
            key[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '.' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' => pending_space = true,
            c if c.is_whitespace() => pending_space = true,
            '\u{2019}' | '\u{2018}' | '`' | '\u{2032}' => {
                push_after_space(key, base, &mut pending_space, '\'')
            }
            c => {
                for lower in c.to_lowercase() {
                    push_after_space(key, base, &mut pending_space, lower);
                }
            }
        }
    }
}

/// Whether `written` may be a shorter or longer form of the name `known`: the same first and
/// last word, and the words between of the shorter all among those of the longer, in order, a
/// single letter standing for a word with that initial. "Recep Erdogan" may be "Recep Tayyip
/// Erdogan"; "George Bush" and "George Walker Bush" may be "George W. Bush". Compared as
/// lookup keys; a single word never matches.
pub fn may_be_named(known: &str, written: &str) -> bool {
    let (known, written) = (lookup_key(known), lookup_key(written));
    let known: Vec<&str> = known.split(' ').collect();
    let written: Vec<&str> = written.split(' ').collect();
    if known.len() < 2 || written.len() < 2 {
        return false;
    }
    if known.first() != written.first() || known.last() != written.last() {
        return false;
    }
    let (mut shorter, mut longer) = (&known[1..known.len() - 1], &written[1..written.len() - 1]);
    if shorter.len() > longer.len() {
        std::mem::swap(&mut shorter, &mut longer);
    }
    let initial_of = |short: &str, long: &str| {
        short.chars().count() == 1 && long.chars().next() == short.chars().next()
    };
    let mut rest = longer.iter();
    shorter.iter().all(|short| {
        rest.any(|long| long == short || initial_of(short, long) || initial_of(long, short))
    })
}

/// Pushes `c`, preceded by the space a separator left pending unless the key (from `base`) is
/// still empty.
fn push_after_space(key: &mut String, base: usize, pending_space: &mut bool, c: char) {
    if *pending_space && key.len() > base {
        key.push(' ');
    }
    *pending_space = false;
    key.push(c);
}

/// A term together with the role it is a term of, for lookups by person.
#[derive(Clone, Copy, Debug)]
pub struct HeldTerm<'kb> {
    pub role: &'kb Role,
    pub term: &'kb Term,
}

/// A role's terms sorted by their first possible day, with the running maximum of their last
/// possible days, so the terms that can touch a period are found by two binary searches.
#[derive(Debug, Default)]
struct RoleTerms<'kb> {
    terms: Vec<&'kb Term>,
    latest_end_so_far: Vec<NaiveDate>,
}

/// What an ordinal counts on a given day: a series, and its members within the term of
/// `since_term_of` that the day falls in (all its members when it has none), sorted by date.
#[derive(Clone, Copy, Debug)]
pub struct SeriesCount<'a> {
    pub series: &'a Series,
    /// The term the count runs within; `None` when the series counts all its members.
    pub term: Option<&'a Term>,
    /// The counted events, by date: the first is "the first".
    pub events: &'a [&'a Event],
}

impl SeriesCount<'_> {
    /// The 1-based ordinal of the event `event_id` in this count, if it is counted.
    pub fn ordinal_of(&self, event_id: &str) -> Option<usize> {
        self.events
            .iter()
            .position(|event| event.id.value == event_id)
            .map(|i| i + 1)
    }

    /// The `n`th counted event (1-based).
    pub fn nth(&self, n: usize) -> Option<&Event> {
        n.checked_sub(1)
            .and_then(|i| self.events.get(i))
            .map(|event| &**event)
    }
}

/// Every index later checks need over one [`Kb`].
#[derive(Debug)]
pub struct KbIndex<'kb> {
    kb: &'kb Kb,
    people_by_id: HashMap<&'kb str, &'kb Person>,
    people_by_name: HashMap<String, Vec<&'kb Person>>,
    roles_by_id: HashMap<&'kb str, &'kb Role>,
    roles_by_title: HashMap<String, Vec<&'kb Role>>,
    terms_by_role: HashMap<&'kb str, RoleTerms<'kb>>,
    terms_by_person: HashMap<&'kb str, Vec<HeldTerm<'kb>>>,
    /// The phrase sets extraction uses to find this KB's names and titles in text, built the first
    /// time an article is extracted and shared by every later one.
    role_matcher: OnceLock<crate::extract::RoleMatcher>,
    /// The word pass's first tests over all its phrase sets, built with them.
    word_gates: OnceLock<crate::extract::Gates>,
    /// The classes of words the finders test, from the word gates and fixed word lists.
    word_table: OnceLock<crate::extract::WordTable>,
    events_by_id: HashMap<&'kb str, &'kb Event>,
    events_by_name: HashMap<String, Vec<&'kb Event>>,
    /// All events sorted by [`event_order`], with the running maximum of their last days.
    events: Vec<&'kb Event>,
    latest_event_end_so_far: Vec<NaiveDate>,
    series_by_id: HashMap<&'kb str, &'kb Series>,
    events_by_series: HashMap<&'kb str, Vec<&'kb Event>>,
}

/// The form event names are compared in: [`lookup_key`] without a leading "the", which news
/// writes or drops ("the 60th anniversary of the normalization" / "marks normalization").
fn event_key(text: &str) -> String {
    let key = lookup_key(text);
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// Events sort by their days, then id, so an order is the same however the files list them.
fn event_order<'a>(event: &&'a Event) -> ((NaiveDate, NaiveDate), &'a str) {
    (event.possible_days(), event.id.value.as_str())
}

impl<'kb> KbIndex<'kb> {
    pub fn new(kb: &'kb Kb) -> KbIndex<'kb> {
        let mut people_by_name: HashMap<String, Vec<&Person>> = HashMap::new();
        for person in &kb.people {
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                let named = people_by_name.entry(lookup_key(name)).or_default();
                // A name and an alias may differ only in hyphens or case.
                if !named.iter().any(|known| std::ptr::eq(*known, person)) {
                    named.push(person);
                }
            }
        }
        let mut roles_by_title: HashMap<String, Vec<&Role>> = HashMap::new();
        for role in &kb.roles {
            for title in &role.titles {
                let titled = roles_by_title.entry(lookup_key(&title.value)).or_default();
                if !titled.iter().any(|known| std::ptr::eq(*known, role)) {
                    titled.push(role);
                }
            }
        }
        let mut terms_by_role = HashMap::new();
        let mut terms_by_person: HashMap<&str, Vec<HeldTerm>> = HashMap::new();
        for role in &kb.roles {
            let mut terms: Vec<&Term> = role.terms.iter().collect();
            terms.sort_by_key(|term| term.possible_days());
            let latest_end_so_far = terms
                .iter()
                .scan(NaiveDate::MIN, |latest, term| {
                    *latest = (*latest).max(term.possible_days().1);
                    Some(*latest)
                })
                .collect();
            for &term in &terms {
                terms_by_person
                    .entry(term.person.value.as_str())
                    .or_default()
                    .push(HeldTerm { role, term });
            }
            terms_by_role.insert(
                role.id.value.as_str(),
                RoleTerms {
                    terms,
                    latest_end_so_far,
                },
            );
        }
        for held in terms_by_person.values_mut() {
            held.sort_by_key(|held| held.term.possible_days());
        }
        let mut events: Vec<&Event> = kb.events.iter().collect();
        events.sort_by_key(event_order);
        let latest_event_end_so_far = events
            .iter()
            .scan(NaiveDate::MIN, |latest, event| {
                *latest = (*latest).max(event.possible_days().1);
                Some(*latest)
            })
            .collect();
        let mut events_by_name: HashMap<String, Vec<&Event>> = HashMap::new();
        let mut events_by_series: HashMap<&str, Vec<&Event>> = HashMap::new();
        for &event in &events {
            for name in &event.names {
                let named = events_by_name.entry(event_key(&name.value)).or_default();
                if !named.iter().any(|known| std::ptr::eq(*known, event)) {
                    named.push(event);
                }
            }
            for series in &event.series {
                let members = events_by_series.entry(series.value.as_str()).or_default();
                if !members.iter().any(|known| std::ptr::eq(*known, event)) {
                    members.push(event);
                }
            }
        }
        KbIndex {
            kb,
            people_by_id: kb.people.iter().map(|p| (p.id.value.as_str(), p)).collect(),
            people_by_name,
            roles_by_id: kb.roles.iter().map(|r| (r.id.value.as_str(), r)).collect(),
            roles_by_title,
            terms_by_role,
            terms_by_person,
            role_matcher: OnceLock::new(),
            word_gates: OnceLock::new(),
            word_table: OnceLock::new(),
            events_by_id: kb.events.iter().map(|e| (e.id.value.as_str(), e)).collect(),
            events_by_name,
            events,
            latest_event_end_so_far,
            series_by_id: kb.series.iter().map(|s| (s.id.value.as_str(), s)).collect(),
            events_by_series,
        }
    }

    /// The name and title phrase sets built from this KB (once; later calls share them).
    pub fn role_matcher(&self) -> &crate::extract::RoleMatcher {
        self.role_matcher
            .get_or_init(|| crate::extract::RoleMatcher::new(self))
    }

    /// The first tests of every phrase set the word pass searches (once; later calls share them).
    pub(crate) fn word_gates(&self) -> &crate::extract::Gates {
        self.word_gates
            .get_or_init(|| crate::extract::word_matches::gates(self))
    }

    /// One look-up per word for every finder that tests each word (once; later calls share it).
    pub(crate) fn word_table(&self) -> &crate::extract::WordTable {
        self.word_table
            .get_or_init(|| crate::extract::word_matches::table(self))
    }

    /// The KB this indexes.
    pub fn kb(&self) -> &'kb Kb {
        self.kb
    }

    pub fn person(&self, id: &str) -> Option<&'kb Person> {
        self.people_by_id.get(id).copied()
    }

    pub fn role(&self, id: &str) -> Option<&'kb Role> {
        self.roles_by_id.get(id).copied()
    }

    /// The people whose name or an alias is `name`, loosely spelt; usually one, several when
    /// two people share a name.
    pub fn people_named(&self, name: &str) -> &[&'kb Person] {
        self.people_by_name
            .get(&lookup_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// When no name or alias is `name`: the people it may be a shorter or longer form of
    /// ([`may_be_named`]), as "Recep Erdogan" for Recep Tayyip Erdoğan.
    pub fn people_maybe_named(&self, name: &str) -> Vec<&'kb Person> {
        self.kb
            .people
            .iter()
            .filter(|person| {
                std::iter::once(&person.name)
                    .chain(&person.aliases)
                    .any(|known| may_be_named(known, name))
            })
            .collect()
    }

    /// The roles `title` names, loosely spelt ("US President" finds "U.S. President").
    pub fn roles_titled(&self, title: &str) -> &[&'kb Role] {
        self.roles_keyed(&lookup_key(title))
    }

    /// The roles whose title has the lookup key `key`: [`KbIndex::roles_titled`] for a title
    /// already in that form, spared making its key again.
    pub fn roles_keyed(&self, key: &str) -> &[&'kb Role] {
        self.roles_by_title.get(key).map_or(&[], Vec::as_slice)
    }

    /// A role's terms sorted by start; empty for an unknown role.
    pub fn terms(&self, role_id: &str) -> &[&'kb Term] {
        self.terms_by_role
            .get(role_id)
            .map_or(&[], |role| role.terms.as_slice())
    }

    /// The terms of `role_id` that may include some day of `period` (a day, month or year),
    /// sorted by start. Imprecise bounds count as covering their whole month or year, so a term
    /// "to: 2023-10" is returned for 2023-10-31; [`Term::certain_days`] tells the cases apart.
    pub fn holders_on(&self, role_id: &str, period: KbDate) -> impl Iterator<Item = &'kb Term> {
        let (first, last) = (period.first_day(), period.last_day());
        let candidates: &[&'kb Term] = match self.terms_by_role.get(role_id) {
            Some(role) => {
                // Terms before `lo` all end before the period; terms from `hi` on start after it.
                let lo = role.latest_end_so_far.partition_point(|&end| end < first);
                let hi = role
                    .terms
                    .partition_point(|term| term.possible_days().0 <= last);
                role.terms.get(lo..hi).unwrap_or_default()
            }
            None => &[],
        };
        candidates
            .iter()
            .copied()
            .filter(move |term| term.possible_days().1 >= first)
    }

    /// Every term `person_id` held, in any role, sorted by start.
    pub fn terms_of(&self, person_id: &str) -> &[HeldTerm<'kb>] {
        self.terms_by_person
            .get(person_id)
            .map_or(&[], Vec::as_slice)
    }

    pub fn event(&self, id: &str) -> Option<&'kb Event> {
        self.events_by_id.get(id).copied()
    }

    pub fn series(&self, id: &str) -> Option<&'kb Series> {
        self.series_by_id.get(id).copied()
    }

    /// The events a name means, loosely spelt and with or without "the", sorted by date: "the normalization of diplomatic
    /// relations" may name several (one per pair of countries), so the caller picks by date or
    /// participants.
    pub fn events_named(&self, text: &str) -> &[&'kb Event] {
        self.events_by_name
            .get(&event_key(text))
            .map_or(&[], Vec::as_slice)
    }

    /// The members of a series sorted by date; empty for an unknown series.
    pub fn series_events(&self, series_id: &str) -> &[&'kb Event] {
        self.events_by_series
            .get(series_id)
            .map_or(&[], Vec::as_slice)
    }

    /// The events that may share a day with `period` (a day, month or year), sorted by date. An
    /// event known to the month only is returned for every day of that month.
    pub fn events_on(&self, period: KbDate) -> impl Iterator<Item = &'kb Event> {
        let (first, last) = (period.first_day(), period.last_day());
        // Events before `lo` all end before the period; events from `hi` on start after it.
        let lo = self
            .latest_event_end_so_far
            .partition_point(|&end| end < first);
        let hi = self
            .events
            .partition_point(|event| event.possible_days().0 <= last);
        self.events
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(move |event| event.possible_days().1 >= first)
    }

    /// The series an ordinal about a `kind` event between `participants` (person or role ids)
    /// on `date` may count in: every series of that kind whose participants are all among
    /// `participants`, most specific (most participants) first. A series with `since_term_of`
    /// counts within the term of that role's holder on `date` (several, when an imprecise term
    /// bound leaves the holder uncertain; none, when nobody held the role then).
    pub fn series_for(
        &self,
        kind: EventKind,
        participants: &[&str],
        date: KbDate,
    ) -> Vec<SeriesCount<'_>> {
        let mut matching: Vec<&'kb Series> = self
            .kb
            .series
            .iter()
            .filter(|series| {
                series.kind == kind
                    && series
                        .participants
                        .iter()
                        .all(|required| participants.contains(&required.value.as_str()))
            })
            .collect();
        matching.sort_by(|a, b| {
            b.participants
                .len()
                .cmp(&a.participants.len())
                .then_with(|| a.id.value.cmp(&b.id.value))
        });
        let mut counts = Vec::new();
        for series in matching {
            let members = self.series_events(&series.id.value);
            let Some(role) = &series.since_term_of else {
                counts.push(SeriesCount {
                    series,
                    term: None,
                    events: members,
                });
                continue;
            };
            for term in self.holders_on(&role.value, date) {
                let (start, end) = term.possible_days();
                let lo = members.partition_point(|event| event.possible_days().0 < start);
                let hi = members.partition_point(|event| event.possible_days().0 <= end);
                counts.push(SeriesCount {
                    series,
                    term: Some(term),
                    events: members.get(lo..hi).unwrap_or_default(),
                });
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_saphyr::{Location, Spanned};

    /// The key as it was built before, one character at a time: what the copy of ASCII runs
    /// must agree with.
    fn lookup_key_by_char(text: &str) -> String {
        let mut key = String::with_capacity(text.len());
        let mut pending_space = false;
        let push_after_space = |key: &mut String, pending_space: &mut bool, c: char| {
            if *pending_space && !key.is_empty() {
                key.push(' ');
            }
            *pending_space = false;
            key.push(c);
        };
        for c in text.chars() {
            match c {
                c if c.is_ascii_alphanumeric() => {
                    push_after_space(&mut key, &mut pending_space, c.to_ascii_lowercase());
                }
                '.' => {}
                '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' => {
                    pending_space = true
                }
                c if c.is_whitespace() => pending_space = true,
                '\u{2019}' | '\u{2018}' | '`' | '\u{2032}' => {
                    push_after_space(&mut key, &mut pending_space, '\'');
                }
                c => {
                    for lower in c.to_lowercase() {
                        push_after_space(&mut key, &mut pending_space, lower);
                    }
                }
            }
        }
        key
    }

    proptest! {
        #[test]
        fn keys_are_what_the_character_walk_built(
            text in "([A-Za-z0-9]{0,6}|[ .\\-_\u{2013}\u{2019}'`\u{a0}\t]|\u{130}|\u{c9}|\u{df}|\u{3a3}|\u{1e9e}){0,12}",
        ) {
            prop_assert_eq!(lookup_key(&text), lookup_key_by_char(&text));
            // An ASCII key is its own key, which `roles_keyed` relies on.
            let key = lookup_key(&text);
            if key.is_ascii() {
                prop_assert_eq!(lookup_key(&key), key);
            }
        }
    }

    #[test]
    fn a_name_with_a_middle_name_dropped_or_added_may_be_the_same_person() {
        for (known, written) in [
            ("Recep Tayyip Erdogan", "Recep Erdogan"),
            ("George W. Bush", "George Bush"),
            ("George W. Bush", "George Walker Bush"),
            ("Lee Jae-myung", "Lee Jae Myung"),
            ("John F. Kennedy", "John Fitzgerald Kennedy"),
        ] {
            assert!(may_be_named(known, written), "{written} for {known}");
        }
        for (known, written) in [
            ("Recep Tayyip Erdogan", "Erdogan"),
            ("George W. Bush", "Jeb Bush"),
            ("George H. W. Bush", "George P. Bush"),
            ("Lee Jae-myung", "Lee Myung-bak"),
            ("Kim Jong-un", "Kim Jong-il"),
            ("Shinzo Abe", "Akie Abe"),
        ] {
            assert!(!may_be_named(known, written), "{written} for {known}");
        }
    }

    fn at<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Location::UNKNOWN, Location::UNKNOWN)
    }

    fn person(id: &str, name: &str, aliases: &[&str]) -> Person {
        Person {
            id: at(id.into()),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            nationality: "KR".into(),
            file: 0,
        }
    }

    fn term(person: &str, from: &str, to: Option<&str>) -> Term {
        Term {
            person: at(person.into()),
            from: at(from.parse().unwrap()),
            to: to.map(|to| at(to.parse().unwrap())),
            acting: false,
            source: "https://example.org".into(),
        }
    }

    fn sample() -> Kb {
        Kb {
            people: vec![
                person("lee-jae-myung", "Lee Jae-myung", &["Lee Jae Myung"]),
                person("yoon-suk-yeol", "Yoon Suk Yeol", &["Yoon Suk-yeol"]),
                person("moon-jae-in", "Moon Jae-in", &[]),
                person("aiboshi-koichi", "Koichi Aiboshi", &["Aiboshi Koichi"]),
            ],
            roles: vec![
                Role {
                    id: at("kr-president".into()),
                    titles: vec![
                        at("South Korean President".into()),
                        at("U.S.-Korea envoy".into()),
                    ],
                    single_holder: true,
                    // Out of order on purpose: the index sorts.
                    terms: vec![
                        term("lee-jae-myung", "2025-06-04", None),
                        term("moon-jae-in", "2017-05-10", Some("2022-05-09")),
                        term("yoon-suk-yeol", "2022-05-10", Some("2025-04")),
                    ],
                    file: 0,
                },
                Role {
                    id: at("jp-pm-adviser".into()),
                    titles: vec![at("Japan’s special adviser".into())],
                    single_holder: false,
                    terms: vec![
                        term("aiboshi-koichi", "2010", Some("2030")),
                        term("moon-jae-in", "2019-03", Some("2019-03-02")),
                        term("lee-jae-myung", "2021-06-01", Some("2021-06-30")),
                    ],
                    file: 0,
                },
            ],
            ..Kb::default()
        }
    }

    fn ids<'a>(terms: impl Iterator<Item = &'a Term>) -> Vec<&'a str> {
        terms.map(|term| term.person.value.as_str()).collect()
    }

    fn date(text: &str) -> KbDate {
        text.parse().unwrap()
    }

    #[test]
    fn keys_ignore_case_hyphens_periods_and_curly_apostrophes() {
        assert_eq!(lookup_key("Lee Jae-myung"), "lee jae myung");
        assert_eq!(lookup_key(" lee  jae\u{2011}Myung "), "lee jae myung");
        assert_eq!(lookup_key("U.S. President"), lookup_key("US president"));
        assert_eq!(
            lookup_key("Japan’s prime minister"),
            "japan's prime minister"
        );
    }

    #[test]
    fn names_resolve_however_they_are_spelt() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        for name in [
            "Lee Jae-myung",
            "Lee Jae Myung",
            "lee jae-myung",
            "LEE JAE MYUNG",
        ] {
            let found = index.people_named(name);
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].id.value, "lee-jae-myung");
        }
        assert_eq!(
            index.people_named("Aiboshi Koichi")[0].id.value,
            "aiboshi-koichi"
        );
        assert!(index.people_named("Lee").is_empty());
        assert_eq!(index.person("moon-jae-in").unwrap().name, "Moon Jae-in");
    }

    #[test]
    fn titles_resolve_however_they_are_spelt() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        assert_eq!(
            index.roles_titled("south korean president")[0].id.value,
            "kr-president"
        );
        assert_eq!(
            index.roles_titled("US Korea Envoy")[0].id.value,
            "kr-president"
        );
        assert_eq!(
            index.roles_titled("Japan's Special Adviser")[0].id.value,
            "jp-pm-adviser"
        );
        assert!(index.roles_titled("President").is_empty());
        assert!(index.role("kr-president").unwrap().single_holder);
    }

    #[test]
    fn terms_are_sorted_by_start() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        let order = ids(index.terms("kr-president").iter().copied());
        assert_eq!(order, ["moon-jae-in", "yoon-suk-yeol", "lee-jae-myung"]);
        assert!(index.terms("no-such-role").is_empty());
    }

    #[test]
    fn holders_on_a_day_month_or_year() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        let holders = |period: &str| ids(index.holders_on("kr-president", date(period)));
        assert_eq!(holders("2025-06-17"), ["lee-jae-myung"]);
        assert_eq!(holders("2022-05-09"), ["moon-jae-in"]);
        assert_eq!(holders("2022-05"), ["moon-jae-in", "yoon-suk-yeol"]);
        // Yoon's end is known to the month only, so any day of April 2025 may be his.
        assert_eq!(holders("2025-04-30"), ["yoon-suk-yeol"]);
        assert_eq!(holders("2025"), ["yoon-suk-yeol", "lee-jae-myung"]);
        assert!(holders("2016").is_empty());
        assert!(holders("2025-05-15").is_empty());
        assert_eq!(index.holders_on("no-such-role", date("2025")).count(), 0);
    }

    #[test]
    fn holders_of_a_role_with_several_at_once() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        let holders = |period: &str| ids(index.holders_on("jp-pm-adviser", date(period)));
        // The long term starts first, so the short ones must not hide behind its end.
        assert_eq!(holders("2021-06-15"), ["aiboshi-koichi", "lee-jae-myung"]);
        assert_eq!(holders("2019-03-20"), ["aiboshi-koichi"]);
        assert_eq!(holders("2019-03"), ["aiboshi-koichi", "moon-jae-in"]);
    }

    /// Presidents `moon` (2017–2022) and `lee` (2025–), a summit series counted within each
    /// presidency, and summits listed out of order.
    const EVENTS: &str = "people:
  - {id: moon, name: Moon, nationality: KR}
  - {id: lee, name: Lee, nationality: KR}
  - {id: abe, name: Abe, nationality: JP}
  - {id: ishiba, name: Ishiba, nationality: JP}
roles:
  - id: kr-president
    titles: [President]
    single_holder: true
    terms:
      - {person: moon, from: 2017-05-10, to: 2022-05-09, source: https://example.org/m}
      - {person: lee, from: 2025-06-04, source: https://example.org/l}
  - id: jp-prime-minister
    titles: [Prime Minister]
    single_holder: true
    terms:
      - {person: abe, from: 2012-12-26, to: 2020-09-16, source: https://example.org/a}
      - {person: ishiba, from: 2024-10-01, source: https://example.org/i}
series:
  - id: summits
    description: d
    counts: summits
    kind: summit
    participants: [kr-president, jp-prime-minister]
    since_term_of: kr-president
  - id: all-summits
    description: d
    counts: summits of a president
    kind: summit
    participants: [kr-president]
events:
  - {id: tokyo, names: [Tokyo summit], date: 2025-08-23, kind: summit, participants: [lee, ishiba], series: [summits, all-summits], source: https://example.org/t}
  - {id: g7, names: [G7 summit, the G-7 Summit], from: 2025-06-15, to: 2025-06-17, kind: other, source: https://example.org/g}
  - {id: kananaskis, names: [Kananaskis summit], date: 2025-06-17, kind: summit, participants: [lee, ishiba], series: [summits, all-summits], source: https://example.org/k}
  - {id: hamburg, names: [Hamburg summit], date: \"2017-07\", kind: summit, participants: [moon, abe], series: [summits], source: https://example.org/h}
  - {id: g7-2002, names: [G7 summit], date: \"2002\", kind: other, source: https://example.org/g2}
";

    fn event_kb() -> Kb {
        let kb = Kb::from_yaml("events.yaml", EVENTS).expect("loads");
        kb.validate().expect("valid");
        kb
    }

    fn event_ids<'a>(events: impl IntoIterator<Item = &'a &'a Event>) -> Vec<&'a str> {
        events.into_iter().map(|e| e.id.value.as_str()).collect()
    }

    #[test]
    fn events_are_found_by_name_however_spelt() {
        let kb = event_kb();
        let index = KbIndex::new(&kb);
        assert_eq!(
            event_ids(index.events_named("the G7 Summit")),
            ["g7-2002", "g7"]
        );
        assert_eq!(
            event_ids(index.events_named("g7 SUMMIT")),
            ["g7-2002", "g7"]
        );
        // Hyphens separate words, so "G-7" is not "G7"; this event has both names.
        assert_eq!(event_ids(index.events_named("G\u{2011}7 summit")), ["g7"]);
        assert_eq!(index.event("tokyo").unwrap().place, None);
        assert!(index.events_named("Tokyo").is_empty());
    }

    #[test]
    fn a_series_lists_its_members_by_date() {
        let kb = event_kb();
        let index = KbIndex::new(&kb);
        assert_eq!(
            event_ids(index.series_events("summits")),
            ["hamburg", "kananaskis", "tokyo"]
        );
        assert!(index.series_events("none").is_empty());
        assert_eq!(index.series("summits").unwrap().counts, "summits");
    }

    #[test]
    fn events_on_a_day_month_or_year() {
        let kb = event_kb();
        let index = KbIndex::new(&kb);
        let on = |period: &str| -> Vec<&str> {
            index
                .events_on(date(period))
                .map(|e| e.id.value.as_str())
                .collect()
        };
        assert_eq!(on("2025-06-16"), ["g7"]);
        assert_eq!(on("2025-06-17"), ["g7", "kananaskis"]);
        assert_eq!(on("2025-06"), ["g7", "kananaskis"]);
        assert_eq!(on("2017-07-07"), ["hamburg"]);
        assert_eq!(on("2002-11-30"), ["g7-2002"]);
        assert!(on("2025-06-18").is_empty());
        assert_eq!(on("2025").len(), 3);
    }

    #[test]
    fn a_series_counts_within_the_term_the_day_falls_in() {
        let kb = event_kb();
        let index = KbIndex::new(&kb);
        let roles = ["kr-president", "jp-prime-minister"];
        let counts = index.series_for(EventKind::Summit, &roles, date("2025-08-23"));
        assert_eq!(counts.len(), 2, "{counts:?}");
        // The series with both roles is the most specific.
        let summits = counts[0];
        assert_eq!(summits.series.id.value, "summits");
        assert_eq!(summits.term.unwrap().person.value, "lee");
        assert_eq!(event_ids(summits.events), ["kananaskis", "tokyo"]);
        assert_eq!(summits.ordinal_of("tokyo"), Some(2));
        assert_eq!(summits.ordinal_of("hamburg"), None);
        assert_eq!(summits.nth(1).unwrap().id.value, "kananaskis");
        assert!(summits.nth(0).is_none() && summits.nth(3).is_none());
        assert_eq!(counts[1].series.id.value, "all-summits");
        assert!(counts[1].term.is_none());

        let moon_era = index.series_for(EventKind::Summit, &roles, date("2019"));
        assert_eq!(event_ids(moon_era[0].events), ["hamburg"]);
        // Nobody held the office in 2023: nothing to count within.
        let vacant = index.series_for(EventKind::Summit, &roles, date("2023-01-01"));
        assert_eq!(vacant.len(), 1, "only the series without a term");
        assert!(
            index
                .series_for(EventKind::PhoneCall, &roles, date("2025"))
                .is_empty()
        );
        assert_eq!(
            index
                .series_for(EventKind::Summit, &["jp-prime-minister"], date("2025"))
                .len(),
            0
        );
    }

    #[test]
    fn terms_of_a_person_span_roles() {
        let kb = sample();
        let index = KbIndex::new(&kb);
        let roles: Vec<&str> = index
            .terms_of("lee-jae-myung")
            .iter()
            .map(|held| held.role.id.value.as_str())
            .collect();
        assert_eq!(roles, ["jp-pm-adviser", "kr-president"]);
        assert!(index.terms_of("nobody").is_empty());
    }
}
