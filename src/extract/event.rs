//! Event claims: an event noun with an ordinal attached ("their second summit", "his first
//! bilateral talks with Japanese Prime Minister Shigeru Ishiba", "the 12th summit this year",
//! "Ishiba was the second foreign leader Lee held a phone call with"), its participants, its date,
//! and the KB event and series it is linked to when the KB allows.
//!
//! The phrase is a nom parser (ordinal, up to three modifiers, event noun); what surrounds it is
//! read from the mentions the earlier passes found:
//! - the *clause* of the phrase is its sentence cut at "since", "after", "following", "before",
//!   "ahead of", "that" (reported speech) and ";", so "his fifth summit … since he assumed office in June" is not dated
//!   June, and "their second summit following their initial meeting in late October" is not
//!   dated October;
//! - *participants* are the KB persons named in the clause, plus the referents of a possessive
//!   before the ordinal ("his" → the nearest person named before, "their" → the nearest two,
//!   "Lee's" → Lee); the *counting* persons, whose count the ordinal is, are the possessive's
//!   referents, else the person after "foreign leader", else every participant;
//! - the *date* is the clause's dated mention nearest the phrase (a day preferred); a weekday
//!   mention ("on Tuesday") counts, being resolved against the publication date.
//!
//! Linking is conservative: the KB event is the one event of that kind on that date involving the
//! counting persons (`KbIndex::events_on`); the series are those `KbIndex::series_for` gives for
//! the persons and the offices they held that day (for a visit, only a series whose description
//! names the destination).

use std::ops::Range;
use std::sync::LazyLock;

use chrono::Datelike;

use nom::Parser;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{opt, recognize, value};
use nom::multi::many_m_n;
use nom::sequence::terminated;

use super::grammar_starts::GrammarStarts;
use super::lexicon::{ORDINALS, Res, one_of, ordinal, space, word};
use super::role::sentence_around;
use super::word_set::WordSet;
use super::word_starts::{Heads, WordStarts, letter_run_length};
use super::{Mention, MentionKind, PersonMention};
use crate::kb::{Event, EventKind, KbDate, KbIndex, SeriesCount};
use crate::time::CalendarDate;

/// "their second summit": an event claim, with what the KB links it to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventClaim {
    /// The whole phrase, ordinal to event noun.
    pub span: Range<usize>,
    pub kind: EventKind,
    /// The ordinal and its words.
    pub ordinal: Option<(u32, Range<usize>)>,
    /// KB person ids of everyone the clause involves, in text order.
    pub participants: Vec<String>,
    /// Whose count the ordinal is ("his" fifth summit → him); a subset of `participants`.
    pub counting: Vec<String>,
    /// Where a visit or trip goes ("to Japan" → "Japan").
    pub destination: Option<String>,
    /// "the 12th summit this year": the ordinal counts within the calendar year.
    pub per_year: bool,
    /// The date the clause gives the event.
    pub date: Option<CalendarDate>,
    /// The KB event, when date, kind and counting persons match exactly one.
    pub event: Option<String>,
    /// The KB series the ordinal counts in, when one fits.
    pub series: Option<String>,
    /// The KB event the ordinal names in that series (its `n`th member), when it involves the
    /// counting persons.
    pub nth_event: Option<String>,
}

/// What [`find`] reads besides the text.
pub struct Context<'a, 'kb> {
    pub kb: &'a KbIndex<'kb>,
    pub published: Option<CalendarDate>,
    pub mentions: &'a [Mention],
    pub people: &'a [PersonMention],
}

/// The phrase as parsed: ordinal, kind, and how far it reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub ordinal: u32,
    pub ordinal_len: usize,
    pub kind: EventKind,
    /// Bytes consumed from the ordinal's start.
    pub len: usize,
    /// "the second foreign leader Lee held a phone call with": counts the leaders someone met.
    pub foreign_leader: bool,
}

const MODIFIERS: &[&str] = &[
    "bilateral",
    "formal",
    "official",
    "state",
    "working",
    "overseas",
    "foreign",
    "direct",
    "standalone",
    "separate",
    "leaders'",
    "full",
    "personal",
];

/// "first", "5th", "first-ever", "initial", "maiden", "inaugural".
fn ordinal_word(input: &str) -> Res<'_, u32> {
    alt((
        terminated(
            ordinal,
            opt(alt((
                recognize((char('-'), word("ever"))),
                recognize((space, word("ever"))),
            ))),
        ),
        value(1, alt((word("initial"), word("maiden"), word("inaugural")))),
    ))
    .parse(input)
}

fn modifier(input: &str) -> Res<'_, ()> {
    value(
        (),
        alt((
            value((), one_of(MODIFIERS)),
            value((), word("in-person")),
            value((), word("face-to-face")),
            value((), word("one-on-one")),
            value((), word("full-fledged")),
            value((), word("high-level")),
        )),
    )
    .parse(input)
}

fn phone(input: &str) -> Res<'_, ()> {
    value(
        (),
        (
            alt((word("phone"), word("telephone"))),
            space,
            alt((
                word("calls"),
                word("call"),
                word("talks"),
                word("conversations"),
                word("conversation"),
            )),
        ),
    )
    .parse(input)
}

fn noun(input: &str) -> Res<'_, EventKind> {
    alt((
        value(EventKind::PhoneCall, phone),
        value(EventKind::PhoneCall, word("phone-call")),
        value(
            EventKind::Summit,
            (
                word("summit"),
                opt((space, alt((word("talks"), word("meeting"))))),
            ),
        ),
        value(EventKind::Summit, word("summits")),
        value(EventKind::Summit, word("talks")),
        value(EventKind::Meeting, alt((word("meetings"), word("meeting")))),
        value(
            EventKind::Visit,
            alt((word("visits"), word("visit"), word("trips"), word("trip"))),
        ),
        value(EventKind::Election, word("election")),
        value(EventKind::Inauguration, word("inauguration")),
    ))
    .parse(input)
}

/// The ordinal and event noun at the start of `input`.
pub(crate) fn phrase(input: &str) -> Res<'_, Phrase> {
    let (rest, n) = ordinal_word(input)?;
    let ordinal_len = input.len() - rest.len();
    let (rest, _) = space(rest)?;
    if let Ok((after, _)) = (
        opt(terminated(word("foreign"), space)),
        alt((
            word("leader"),
            recognize((word("head"), space, word("of"), space, word("state"))),
        )),
    )
        .parse(rest)
    {
        return Ok((
            after,
            Phrase {
                ordinal: n,
                ordinal_len,
                kind: EventKind::PhoneCall,
                len: input.len() - after.len(),
                foreign_leader: true,
            },
        ));
    }
    let (rest, _) = many_m_n(0, 3, terminated(modifier, space)).parse(rest)?;
    let (rest, kind) = noun(rest)?;
    Ok((
        rest,
        Phrase {
            ordinal: n,
            ordinal_len,
            kind,
            len: input.len() - rest.len(),
            foreign_leader: false,
        },
    ))
}

/// What follows "the second foreign leader Lee …": a phone call or a meeting, before the clause
/// ends; `None` when the text does not say.
fn foreign_leader_kind(rest: &str) -> Option<(EventKind, usize)> {
    let lower = rest.to_ascii_lowercase();
    let phone = ["phone", "telephone", "called", "spoke by"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min();
    let meet = [" met", "summit", "talks with", "meeting"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min();
    match (phone, meet) {
        (Some(p), m) if m.is_none_or(|m| p < m) => Some((EventKind::PhoneCall, p)),
        (_, Some(m)) => Some((EventKind::Summit, m)),
        _ => None,
    }
}

/// Words that open another clause: a date or person after them belongs to something else.
const CUTS: &[&str] = &[
    " since ",
    " after ",
    " following ",
    " that ",
    " before ",
    " ahead of ",
    "; ",
];

/// The clause of `phrase` within `sentence`.
pub(crate) fn clause(text: &str, sentence: Range<usize>, phrase: &Range<usize>) -> Range<usize> {
    let lower = text[sentence.clone()].to_ascii_lowercase();
    let local_start = phrase.start - sentence.start;
    let local_end = phrase.end - sentence.start;
    let mut start = 0;
    let mut end = lower.len();
    for cut in CUTS {
        for (at, _) in lower.match_indices(cut) {
            if at + cut.len() <= local_start {
                start = start.max(at + cut.len());
            } else if at >= local_end {
                end = end.min(at);
            }
        }
    }
    sentence.start + start..sentence.start + end
}

/// Every event claim with an ordinal in the body, the range of `words`.
pub fn find(text: &str, words: &WordStarts, context: &Context<'_, '_>) -> Vec<EventClaim> {
    let starts = GrammarStarts::new(text, words);
    find_at(text, words.range(), &starts.ordinals, context)
}

/// [`find`] at the ordinal starts of a [`GrammarStarts`] pass over `body`.
pub fn find_at(
    text: &str,
    body: Range<usize>,
    starts: &[usize],
    context: &Context<'_, '_>,
) -> Vec<EventClaim> {
    let mut claims = Vec::new();
    // Where the last claim's phrase ends: no word before it starts another.
    let mut resume = body.start;
    for &at in starts {
        if at < resume {
            continue;
        }
        if let Ok((_, phrase)) = phrase(&text[at..body.end])
            && let Some(claim) = claim_at(text, at, &phrase, context)
        {
            resume = at + phrase.len;
            claims.push(claim);
        }
    }
    claims
}

/// The words [`ordinal_word`] reads as a first besides [`ORDINALS`].
const FIRSTS: [&str; 3] = ["initial", "maiden", "inaugural"];

/// The words [`could_start_ordinal`] lets through besides numbers.
pub(super) fn ordinal_words() -> impl Iterator<Item = &'static str> {
    ORDINALS.iter().chain(&FIRSTS).copied()
}

/// The first two letters of [`could_start_ordinal`]'s words.
const ORDINAL_HEADS: Heads = Heads::of(&ORDINALS).with(&FIRSTS);

/// The second and third letters of the same words ("first" → "ir"): a word must pass both
/// tables before it is looked up whole, which long words with an ordinal's first letters
/// ("second", "their", "including") rarely do.
const ORDINAL_TAILS: Heads = Heads::of(&[
    "ir", "ec", "hi", "ou", "if", "ix", "ev", "ig", "in", "en", "le", "we", "ni", "ai", "na",
]);

/// [`could_start_ordinal`]'s words, looked up as one number: a fifth of all words pass
/// [`ORDINAL_HEADS`] ("the", "this", "in"), and copying each into a lower-case buffer to
/// compare with fifteen words one by one was half of the finder.
static ORDINAL_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ordinal_words()));

/// Whether the word at the start of `word` can be an ordinal: "first" … "twelfth", "5th",
/// "initial", "maiden", "inaugural" (any case, maybe followed by "-ever"). Most words fail
/// here, on their first two letters or length alone, before the grammar runs; those tests are
/// inlined into the loop over the words, the rest is not.
#[inline(always)]
pub(super) fn could_start_ordinal(word: &[u8]) -> bool {
    match word {
        [first, ..] if first.is_ascii_digit() => could_start_digit_ordinal(word),
        // Each word has five letters or more, so "the", "this" and "in" end before the fifth.
        [_, _, _, _, fifth, ..] => {
            ORDINAL_HEADS.may_start(word)
                && ORDINAL_TAILS.may_start(&word[1..])
                && fifth.is_ascii_alphabetic()
                && is_ordinal_word(word)
        }
        _ => false,
    }
}

/// Whether the run of letters `word` starts with is an ordinal or a first ("maiden").
#[inline(never)]
fn is_ordinal_word(word: &[u8]) -> bool {
    ORDINAL_WORDS.contains_prefix(word, letter_run_length(word))
}

/// Whether `word`, which starts with a digit, can be a numbered ordinal ("5th", "21st"): up to
/// nine digits and a suffix, as [`ordinal`] reads them. Most numbers in news are years and
/// counts, which fail here before the grammar runs.
#[inline(never)]
fn could_start_digit_ordinal(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    digits <= 9
        && word.get(digits..digits + 2).is_some_and(|suffix| {
            let suffix = [
                suffix[0].to_ascii_lowercase(),
                suffix[1].to_ascii_lowercase(),
            ];
            matches!(&suffix, b"st" | b"nd" | b"rd" | b"th")
        })
}

fn claim_at(
    text: &str,
    at: usize,
    phrase: &Phrase,
    context: &Context<'_, '_>,
) -> Option<EventClaim> {
    let sentence = sentence_around(text, at);
    let mut span = at..at + phrase.len;
    let mut kind = phrase.kind;
    if phrase.foreign_leader {
        let rest = text.get(span.end..sentence.end)?;
        let (found, offset) = foreign_leader_kind(rest.get(..rest.len().min(80)).unwrap_or(rest))?;
        kind = found;
        span.end += offset;
        // Take in the keyword itself ("phone call").
        span.end += text[span.end..sentence.end]
            .find([' ', ',', '.'])
            .unwrap_or(0);
    }
    let clause = clause(text, sentence.clone(), &span);
    let people: Vec<&PersonMention> = context
        .people
        .iter()
        .filter(|p| p.person.is_some() && p.span.start >= clause.start && p.span.end <= clause.end)
        .collect();
    let mut participants: Vec<String> = Vec::new();
    let push = |list: &mut Vec<String>, id: &str| {
        if !list.iter().any(|known| known == id) {
            list.push(id.to_string());
        }
    };
    let referents = possessive_referents(text, at, &sentence, context.people);
    for id in &referents {
        push(&mut participants, id);
    }
    for person in &people {
        if let Some(id) = &person.person {
            push(&mut participants, id);
        }
    }
    let counting = if !referents.is_empty() {
        referents
    } else if phrase.foreign_leader {
        people
            .iter()
            .filter(|p| p.span.start >= at + phrase.len)
            .filter_map(|p| p.person.clone())
            .take(1)
            .collect()
    } else {
        participants.clone()
    };
    // A phrase may run past its clause over a line break: then nothing follows it.
    let after = text.get(span.end..clause.end).unwrap_or_default();
    let destination = (kind == EventKind::Visit)
        .then(|| destination(after))
        .flatten();
    let per_year = {
        let lower = after.get(..after.len().min(30)).unwrap_or(after);
        let lower = lower.to_ascii_lowercase();
        lower.starts_with(" this year") || lower.starts_with(" of the year")
    };
    let date = clause_date(context.mentions, &clause, &span);
    let mut claim = EventClaim {
        span,
        kind,
        ordinal: Some((phrase.ordinal, at..at + phrase.ordinal_len)),
        participants,
        counting,
        destination,
        per_year,
        date,
        event: None,
        series: None,
        nth_event: None,
    };
    link(&mut claim, context);
    Some(claim)
}

/// "to Japan" → "Japan": the capitalised words after "to".
fn destination(after: &str) -> Option<String> {
    let rest = after.trim_start().strip_prefix("to ")?;
    let name: Vec<&str> = rest
        .split([' ', ',', '.'])
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// The KB persons a possessive before `at` refers to: "his"/"her" → the first person named in
/// the sentence before it (its subject), else the nearest named before; "their" → the first two
/// people the sentence names, else the nearest two named before; "Lee's" → Lee.
fn possessive_referents(
    text: &str,
    at: usize,
    sentence: &Range<usize>,
    people: &[PersonMention],
) -> Vec<String> {
    let before = text[..at].trim_end();
    let lower_tail = before
        .get(before.len().saturating_sub(6)..)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let word_before = lower_tail
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    let wanted = match word_before {
        "his" | "her" => 1,
        "their" => 2,
        _ => {
            let name_end = before
                .strip_suffix("'s")
                .or_else(|| before.strip_suffix("\u{2019}s"))
                .map(str::len);
            return name_end
                .and_then(|end| people.iter().find(|p| p.span.end == end))
                .and_then(|p| p.person.clone())
                .into_iter()
                .collect();
        }
    };
    let distinct = |mentions: &mut dyn Iterator<Item = &PersonMention>| {
        let mut found: Vec<String> = Vec::new();
        for person in mentions {
            let Some(id) = &person.person else { continue };
            if !found.contains(id) {
                found.push(id.clone());
            }
            if found.len() == wanted {
                break;
            }
        }
        found
    };
    let in_sentence =
        |p: &&PersonMention| p.span.start >= sentence.start && p.span.end <= sentence.end;
    let mut own: Box<dyn Iterator<Item = &PersonMention>> = if wanted == 1 {
        Box::new(
            people
                .iter()
                .filter(in_sentence)
                .filter(|p| p.span.end <= at),
        )
    } else {
        Box::new(people.iter().filter(in_sentence))
    };
    let found = distinct(&mut own);
    if found.len() == wanted {
        return found;
    }
    let mut backward = people.iter().rev().filter(|p| p.span.end <= at);
    let found = distinct(&mut backward);
    if found.len() < wanted {
        return Vec::new();
    }
    found
}

/// The clause's dated mention nearest `span`, a day preferred.
pub(crate) fn clause_date(
    mentions: &[Mention],
    clause: &Range<usize>,
    span: &Range<usize>,
) -> Option<CalendarDate> {
    let distance = |m: &Mention| {
        if m.span.start >= span.end {
            m.span.start - span.end
        } else {
            span.start.saturating_sub(m.span.end)
        }
    };
    let dated = mentions.iter().filter(|m| {
        matches!(
            m.kind,
            MentionKind::Date | MentionKind::Weekday | MentionKind::RelativeDate
        ) && m.span.start >= clause.start
            && m.span.end <= clause.end
            && (m.span.end <= span.start || m.span.start >= span.end)
            && m.date.is_some_and(|d| d.year.is_some())
    });
    let (days, others): (Vec<&Mention>, Vec<&Mention>) =
        dated.partition(|m| m.date.is_some_and(|d| d.day.is_some()));
    days.into_iter()
        .min_by_key(|m| distance(m))
        .or_else(|| others.into_iter().min_by_key(|m| distance(m)))
        .and_then(|m| m.date)
}

/// A date as the KB compares it: a day, a month or a year.
pub fn period(date: CalendarDate) -> Option<KbDate> {
    let year = date.year?;
    match (date.month, date.day) {
        (Some(_), Some(_)) => date.to_naive().map(KbDate::Day),
        (Some(month), None) => (1..=12)
            .contains(&month)
            .then_some(KbDate::Month(year, month)),
        (None, _) => Some(KbDate::Year(year)),
    }
}

/// The kind a claim's events have in the KB: a leaders' "meeting" is counted as a summit.
pub fn kb_kind(kind: EventKind) -> EventKind {
    match kind {
        EventKind::Meeting => EventKind::Summit,
        other => other,
    }
}

/// Whether `event` involves every one of `people`.
pub fn involves(event: &Event, people: &[String]) -> bool {
    people
        .iter()
        .all(|id| event.participants.iter().any(|p| &p.value == id))
}

/// The series counts the claim's ordinal may count in: `series_for` over its participants and the
/// offices they held on its date (or, undated, on the publication date: the term is the same),
/// visits only to a destination the series names.
pub fn counts<'a>(
    kb: &'a KbIndex<'_>,
    claim: &EventClaim,
    published: Option<CalendarDate>,
) -> Vec<SeriesCount<'a>> {
    let Some(when) = claim.date.or(published).and_then(period) else {
        return Vec::new();
    };
    if claim.participants.is_empty() {
        return Vec::new();
    }
    let (first, last) = (when.first_day(), when.last_day());
    let mut ids: Vec<&str> = claim.participants.iter().map(String::as_str).collect();
    for person in &claim.participants {
        for held in kb.terms_of(person) {
            let (start, end) = held.term.possible_days();
            if start <= last && end >= first && !ids.contains(&held.role.id.value.as_str()) {
                ids.push(&held.role.id.value);
            }
        }
    }
    kb.series_for(kb_kind(claim.kind), &ids, when)
        .into_iter()
        .filter(|count| match (&claim.destination, claim.kind) {
            (Some(place), EventKind::Visit) => {
                let place = format!("to {place}");
                count.series.description.contains(&place) || count.series.counts.contains(&place)
            }
            (None, EventKind::Visit) => false,
            _ => true,
        })
        .collect()
}

/// The ways an ordinal may count within one series count, each as its date-ordered events: all
/// members; those involving every participant; those involving the counting persons; each
/// restricted to the claim's year when it counts "this year".
pub fn readings<'kb>(
    count: &SeriesCount<'kb>,
    claim: &EventClaim,
    year: Option<i32>,
) -> Vec<Vec<&'kb Event>> {
    let keep = |event: &&&'kb Event| {
        !claim.per_year || year.is_some_and(|y| event.date.value.first_day().year() == y)
    };
    let all: Vec<&'kb Event> = count.events.iter().filter(keep).copied().collect();
    let mut readings = vec![all.clone()];
    for people in [&claim.participants, &claim.counting] {
        let some: Vec<&'kb Event> = all
            .iter()
            .copied()
            .filter(|e| involves(e, people))
            .collect();
        let same = |a: &Vec<&Event>| {
            a.len() == some.len() && a.iter().zip(&some).all(|(x, y)| std::ptr::eq(*x, *y))
        };
        if !readings.iter().any(same) {
            readings.push(some);
        }
    }
    readings
}

/// Links a claim to its KB event, series and the event its ordinal names.
fn link(claim: &mut EventClaim, context: &Context<'_, '_>) {
    let kb = context.kb;
    if !claim.counting.is_empty()
        && let Some(when) = claim.date.and_then(period)
    {
        let kind = kb_kind(claim.kind);
        let matching: Vec<&Event> = kb
            .events_on(when)
            .filter(|e| e.kind == kind && involves(e, &claim.counting))
            .collect();
        // Several, as a bilateral summit on the margins of a trilateral one the same day: the
        // one held by exactly the counting persons, if there is one.
        let only_with_them = |events: &[&Event]| {
            let mut exact = events
                .iter()
                .filter(|e| e.participants.len() == claim.counting.len());
            match (exact.next(), exact.next()) {
                (Some(one), None) => Some(one.id.value.clone()),
                _ => None,
            }
        };
        claim.event = match matching.as_slice() {
            [only] => Some(only.id.value.clone()),
            several => only_with_them(several),
        };
    }
    let Some((n, _)) = claim.ordinal.clone().filter(|(n, _)| *n >= 1) else {
        return;
    };
    let counts = counts(kb, claim, context.published);
    let year = claim.date.or(context.published).and_then(|d| d.year);
    for count in &counts {
        for reading in readings(count, claim, year) {
            if let Some(nth) = reading
                .get(n as usize - 1)
                .filter(|e| involves(e, &claim.counting))
                && claim.event.as_ref().is_none_or(|id| *id == nth.id.value)
            {
                claim.series = Some(count.series.id.value.clone());
                claim.nth_event = Some(nth.id.value.clone());
                return;
            }
        }
    }
    // No reading names an event the claim fits: the series the dated event belongs to, or the
    // one series that fits.
    claim.series = match (&claim.event, counts.as_slice()) {
        (Some(id), _) => counts
            .iter()
            .find(|c| c.ordinal_of(id).is_some())
            .map(|c| c.series.id.value.clone()),
        (None, [only]) => Some(only.series.id.value.clone()),
        _ => None,
    };
}

#[cfg(test)]
mod tests;
