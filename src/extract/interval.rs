//! Interval claims: a length of time between two events ("two weeks after Lee took office",
//! "a month after taking office", "four months after Yoon's inauguration"), or the length of one
//! ("a two-day visit", "a three-day meeting"), or a span something happened within ("in less than
//! three months").
//!
//! The phrase is a nom parser: an optional approximation ("just", "about", "nearly", "less than",
//! "more than"), an amount and a unit, then "after"/"before" and an anchor, or an event noun, or
//! nothing (after "in"/"within"). An anchor that names taking office ("Lee took office",
//! "Yoon's inauguration", "taking office", "he was sworn in") is linked to the person — named, or
//! for a bare "taking office" the nearest person named before — and to that person's KB
//! inauguration (else the start of their KB term) before the measured date. The measured date is
//! the sentence's dated mention nearest before the phrase (else after it): "met … in June 2022 a
//! month after taking office".

use std::ops::Range;
use std::sync::LazyLock;

use nom::Parser;
use nom::branch::alt;
use nom::combinator::{opt, recognize};
use nom::sequence::terminated;

use super::expr::{Amount, Unit};
use super::grammar_starts::GrammarStarts;
use super::lexicon::{
    Lead, Res, amount, could_be_amount, space, space_or_hyphen, tag_ascii, unit, when, word,
};
use super::relative::{APPROXIMATIONS, approximation};
use super::role::sentence_around;
use super::word_set::WordSet;
use super::word_starts::{Heads, WordStarts, letter_run_length};
use super::{Mention, MentionKind, PersonMention};
use crate::kb::{EventKind, KbDate, KbIndex};
use crate::time::CalendarDate;

/// How loosely the amount is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Approximation {
    /// "two weeks", "just two weeks".
    Exact,
    /// "about", "around", "roughly", "some".
    About,
    /// "less than", "under", "at most", "up to".
    LessThan,
    /// "more than", "over", "at least".
    MoreThan,
    /// "nearly", "almost".
    Nearly,
}

impl Approximation {
    pub fn as_str(self) -> &'static str {
        match self {
            Approximation::Exact => "exact",
            Approximation::About => "about",
            Approximation::LessThan => "less-than",
            Approximation::MoreThan => "more-than",
            Approximation::Nearly => "nearly",
        }
    }
}

/// What the length is measured between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IntervalRelation {
    /// From the anchor to the measured event ("two weeks after Lee took office").
    After,
    /// From the measured event to the anchor ("a week before the election").
    Before,
    /// The length of an event ("a two-day visit").
    Lasting,
    /// Within a span ("in less than three months").
    Within,
}

/// The event an interval counts from: a person taking office.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// The anchor's words ("Lee took office").
    pub span: Range<usize>,
    pub kind: EventKind,
    /// The KB person who took office.
    pub person: Option<String>,
    /// Their KB inauguration event, when the KB has one.
    pub event: Option<String>,
    /// When it happened per the KB: the event's date, or the start of their term.
    pub date: Option<KbDate>,
}

/// "two weeks after Lee took office".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IntervalClaim {
    pub span: Range<usize>,
    pub amount: u32,
    pub unit: Unit,
    pub approximation: Approximation,
    pub relation: IntervalRelation,
    pub anchor: Option<Anchor>,
    /// The date of the event the sentence is about.
    pub measured_event_date: Option<CalendarDate>,
}

/// What [`find`] reads besides the text.
pub struct Context<'a, 'kb> {
    pub kb: &'a KbIndex<'kb>,
    pub mentions: &'a [Mention],
    pub people: &'a [PersonMention],
}

fn approximation_kind(words: &str) -> Approximation {
    let lower = words.to_ascii_lowercase();
    match lower.split_whitespace().next().unwrap_or_default() {
        "about" | "around" | "roughly" | "approximately" | "some" => Approximation::About,
        "nearly" | "almost" => Approximation::Nearly,
        "less" | "fewer" | "under" | "up" => Approximation::LessThan,
        "at" if lower.ends_with("most") => Approximation::LessThan,
        "more" | "over" | "at" => Approximation::MoreThan,
        _ => Approximation::Exact,
    }
}

/// The length: approximation, amount, unit.
pub(crate) fn length(input: &str) -> Res<'_, (Approximation, u32, Unit)> {
    // Tried at every word a unit of time follows, most of which begin no length.
    let lead = Lead::of(input);
    let possible = could_be_amount(&lead)
        || lead.is_one_of(&APPROXIMATIONS)
        || lead.is_one_of(&["just", "only", "barely"]);
    when(possible, length_forms)(input)
}

/// [`length`] at any first word.
fn length_forms(input: &str) -> Res<'_, (Approximation, u32, Unit)> {
    let (rest, approx) = opt(terminated(
        alt((
            recognize((alt((word("just"), word("only"))), space, approximation)),
            approximation,
            word("only"),
            word("barely"),
        )),
        space,
    ))
    .parse(input)?;
    let (rest, amount) = amount(rest)?;
    let Amount::Exact(n) = amount else {
        return super::lexicon::reject(input);
    };
    let (rest, _) = space_or_hyphen(rest)?;
    let (rest, (unit, _)) = unit(rest)?;
    if matches!(
        unit,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Weekend
    ) {
        return super::lexicon::reject(input);
    }
    Ok((
        rest,
        (
            approx.map_or(Approximation::Exact, approximation_kind),
            n,
            unit,
        ),
    ))
}

const EVENT_NOUNS: &[&str] = &[
    "visit",
    "trip",
    "tour",
    "meeting",
    "summit",
    "talks",
    "conference",
    "state visit",
    "official visit",
];

/// Every interval claim in the body, the range of `words`.
pub fn find(text: &str, words: &WordStarts, context: &Context<'_, '_>) -> Vec<IntervalClaim> {
    let starts = GrammarStarts::new(text, words);
    find_at(text, words.range(), &starts.lengths, context)
}

/// [`find`] at the length starts of a [`GrammarStarts`] pass over `body`: those with a unit of
/// time among the next [`LEAD_TOKENS`] tokens, which is far cheaper to find than running the
/// whole grammar at every word.
pub fn find_at(
    text: &str,
    body: Range<usize>,
    starts: &[usize],
    context: &Context<'_, '_>,
) -> Vec<IntervalClaim> {
    let mut claims = Vec::new();
    let mut resume = body.start;
    for &at in starts {
        if at < resume {
            continue;
        }
        if let Ok((rest, (approximation, amount, unit))) = length(&text[at..body.end])
            && let Some(claim) = claim_at(
                text,
                at,
                body.end - rest.len(),
                context,
                (approximation, amount, unit),
            )
        {
            resume = claim.span.end;
            claims.push(claim);
        }
    }
    claims
}

/// How many tokens a length can run to before its unit: "just less than seventy-five" is five
/// (a hyphen starts a token).
pub(super) const LEAD_TOKENS: usize = 6;

/// The first two letters of the units of time (and of "centuries").
const UNIT_HEADS: Heads = Heads::of(&[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
]);

/// The words [`is_unit`] lets through to [`unit`]: each unit of time and its plural (for
/// "centuries", "centurie" too), looked up as one number.
static UNIT_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let words = unit_words();
    WordSet::new(words.iter().map(String::as_str))
});

/// Each unit of time and its plural (for "centuries", "centurie" too).
pub(super) fn unit_words() -> Vec<String> {
    const SINGULARS: [&str; 13] = [
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "weekend",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "centurie",
        "century",
    ];
    let plurals = SINGULARS.map(|word| format!("{word}s"));
    SINGULARS
        .map(String::from)
        .into_iter()
        .chain(plurals)
        .collect()
}

/// The second and third letters of the units of time ("day" → "ay"): a word must pass both
/// tables before it is looked up whole.
const UNIT_TAILS: Heads = Heads::of(&["ec", "in", "ou", "ay", "ee", "or", "on", "ua", "ea", "en"]);

/// Whether a unit of time starts at `at`: [`unit`], run only on words whose first letters
/// ([`UNIT_HEADS`]) and then whole run of letters ([`UNIT_WORDS`]) can be one.
///
/// The first tests are inlined into the loop over the words, the rest is not.
#[inline(always)]
pub(super) fn is_unit(text: &str, at: usize, end: usize) -> bool {
    let bytes = &text.as_bytes()[at..end];
    // Each unit has three letters or more ("day").
    UNIT_HEADS.may_start(bytes)
        && bytes.get(2).is_some_and(u8::is_ascii_alphabetic)
        && UNIT_TAILS.may_start(&bytes[1..])
        && is_unit_word(text, at, end)
}

/// Whether the run of letters at `at` is a unit of time or its plural, and [`unit`] reads one.
#[inline(never)]
fn is_unit_word(text: &str, at: usize, end: usize) -> bool {
    let bytes = &text.as_bytes()[at..end];
    UNIT_WORDS.contains_prefix(bytes, letter_run_length(bytes)) && unit(&text[at..end]).is_ok()
}

fn claim_at(
    text: &str,
    at: usize,
    end: usize,
    context: &Context<'_, '_>,
    (approximation, amount, unit): (Approximation, u32, Unit),
) -> Option<IntervalClaim> {
    let sentence = sentence_around(text, at);
    // A length that runs past its sentence's end (over a line break) is no claim.
    let rest = text.get(end..sentence.end)?;
    let make = |span: Range<usize>, relation, anchor, measured| IntervalClaim {
        span,
        amount,
        unit,
        approximation,
        relation,
        anchor,
        measured_event_date: measured,
    };
    // "after"/"before" an anchor.
    if let Ok((anchor_text, relation)) = alt((
        terminated(word("after"), space).map(|_| IntervalRelation::After),
        terminated(word("before"), space).map(|_| IntervalRelation::Before),
    ))
    .parse(rest.strip_prefix(' ')?)
    {
        let anchor_at = sentence.end - anchor_text.len();
        let anchor = anchor(text, anchor_at, sentence.end, at, context)?;
        let span = at..anchor.span.end;
        let measured = measured_date(context.mentions, &sentence, &span);
        let anchor = resolve_anchor(context.kb, anchor, measured);
        return Some(make(span, relation, Some(anchor), measured));
    }
    // "a two-day visit".
    let trimmed = rest.trim_start_matches(' ');
    if let Some(noun) = EVENT_NOUNS.iter().find(|noun| {
        trimmed
            .get(..noun.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(noun))
            && trimmed[noun.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) {
        let span = at..end + (rest.len() - trimmed.len()) + noun.len();
        return Some(make(span, IntervalRelation::Lasting, None, None));
    }
    // "in less than three months", "within two weeks".
    let before = text[sentence.start..at].trim_end().to_ascii_lowercase();
    if before.ends_with(" in") || before.ends_with(" within") {
        return Some(make(at..end, IntervalRelation::Within, None, None));
    }
    None
}

/// "Lee took office", "Yoon's inauguration", "taking office", "he was sworn in".
fn anchor(
    text: &str,
    at: usize,
    limit: usize,
    interval_start: usize,
    context: &Context<'_, '_>,
) -> Option<Anchor> {
    let rest = &text[at..limit];
    let took = |original: &str| -> Option<usize> {
        let input = original.trim_start_matches(' ');
        let skipped = original.len() - input.len();
        let parsed: Res<'_, &str> = alt((
            recognize((
                alt((
                    word("took"),
                    word("assumed"),
                    word("taking"),
                    word("assuming"),
                )),
                space,
                word("office"),
            )),
            recognize((
                opt((alt((word("was"), word("being"))), space)),
                word("sworn"),
                space,
                word("in"),
            )),
            recognize((word("came"), space, word("to"), space, word("power"))),
        ))
        .parse(input);
        parsed.ok().map(|(_, words)| skipped + words.len())
    };
    // A named person.
    if let Some(person) = context.people.iter().find(|p| p.span.start == at) {
        let after = &text[person.span.end..limit];
        let length = if let Some(after) = after
            .strip_prefix("'s inauguration")
            .or_else(|| after.strip_prefix("\u{2019}s inauguration"))
        {
            Some(person.span.len() + (text[person.span.end..limit].len() - after.len()))
        } else {
            took(&text[person.span.end..limit]).map(|n| person.span.len() + n)
        }?;
        return Some(Anchor {
            span: at..at + length,
            kind: EventKind::Inauguration,
            person: person.person.clone(),
            event: None,
            date: None,
        });
    }
    // A pronoun or nothing: the nearest person named before the interval.
    let (skip, pronoun) = match tag_ascii("he ")
        .parse(rest)
        .or_else(|_| tag_ascii("she ").parse(rest))
        .or_else(|_| tag_ascii("his ").parse(rest))
        .or_else(|_| tag_ascii("her ").parse(rest))
        .or_else(|_| tag_ascii("the ").parse(rest))
    {
        Ok((after, _)) => (rest.len() - after.len(), true),
        Err(_) => (0, false),
    };
    let tail = &rest[skip..];
    // `get`, not indexing: the bytes after the pronoun may end inside a character.
    let length = if tail
        .get(.."inauguration".len())
        .is_some_and(|word| word.eq_ignore_ascii_case("inauguration"))
        && pronoun
    {
        skip + "inauguration".len()
    } else {
        took(tail).map(|n| skip + n)?
    };
    let person = subject(text, interval_start, context.people);
    Some(Anchor {
        span: at..at + length,
        kind: EventKind::Inauguration,
        person,
        event: None,
        date: None,
    })
}

/// Who "taking office" is about: the person naming the sentence's subject (named within its
/// first 60 bytes), else the one person the sentence names before, else the nearest person named
/// before in the article when the sentence names nobody before; `None` when unclear.
fn subject(text: &str, at: usize, people: &[PersonMention]) -> Option<String> {
    let sentence = sentence_around(text, at);
    let before: Vec<&PersonMention> = people
        .iter()
        .filter(|p| p.person.is_some() && p.span.start >= sentence.start && p.span.end <= at)
        .collect();
    match before.first() {
        Some(first) if first.span.start < sentence.start + 60 => first.person.clone(),
        Some(first) if before.iter().all(|p| p.person == first.person) => first.person.clone(),
        Some(_) => None,
        None => people
            .iter()
            .rev()
            .find(|p| p.span.end <= at && p.person.is_some())
            .and_then(|p| p.person.clone()),
    }
}

/// The person's KB inauguration (else term start) last before the measured date; with no
/// measured date, only when there is one.
fn resolve_anchor(kb: &KbIndex<'_>, mut anchor: Anchor, measured: Option<CalendarDate>) -> Anchor {
    let Some(person) = anchor.person.clone() else {
        return anchor;
    };
    let until = measured
        .and_then(super::event::period)
        .map(|p| p.last_day());
    let mut inaugurations: Vec<_> = kb
        .kb()
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::Inauguration && e.participants.iter().any(|p| p.value == person)
        })
        .collect();
    inaugurations.sort_by_key(|e| e.date.value.first_day());
    let pick = match until {
        Some(until) => inaugurations
            .iter()
            .rev()
            .find(|e| e.date.value.first_day() <= until),
        None if inaugurations.len() == 1 => inaugurations.first(),
        None => None,
    };
    if let Some(event) = pick {
        anchor.event = Some(event.id.value.clone());
        anchor.date = Some(event.date.value);
        return anchor;
    }
    let starts: Vec<KbDate> = kb
        .terms_of(&person)
        .iter()
        .filter(|held| !held.term.acting)
        .map(|held| held.term.from.value)
        .collect();
    anchor.date = match until {
        Some(until) => starts
            .iter()
            .rev()
            .find(|d| d.first_day() <= until)
            .copied(),
        None if starts.len() == 1 => starts.first().copied(),
        None => None,
    };
    anchor
}

/// The sentence's dated mention nearest before `span`, else nearest after it.
fn measured_date(
    mentions: &[Mention],
    sentence: &Range<usize>,
    span: &Range<usize>,
) -> Option<CalendarDate> {
    let dated = |m: &&Mention| {
        matches!(
            m.kind,
            MentionKind::Date | MentionKind::Weekday | MentionKind::RelativeDate
        ) && m.date.is_some_and(|d| d.year.is_some())
            && m.span.start >= sentence.start
            && m.span.end <= sentence.end
    };
    mentions
        .iter()
        .filter(dated)
        .filter(|m| m.span.end <= span.start)
        .max_by_key(|m| m.span.end)
        .or_else(|| {
            mentions
                .iter()
                .filter(dated)
                .filter(|m| m.span.start >= span.end)
                .min_by_key(|m| m.span.start)
        })
        .and_then(|m| m.date)
}

#[cfg(test)]
mod tests;
