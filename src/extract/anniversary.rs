//! Anniversary claims: "the 60th anniversary of the establishment of diplomatic relations",
//! "marks 80 years since liberation", "its 50th anniversary", "60th-anniversary celebration" —
//! the number, the event it counts from (linked to the KB when its name is known there) and the
//! year the anniversary falls in.
//!
//! The grammar is nom over the words at each "anniv…"/"centen…"/"years" anchor; linking and
//! dating look at the claim's sentence and, for a bare "the 50th anniversary", at the earlier
//! anniversaries of the article. Every uncertain step gives `None`, never a guess: the
//! `anniversary` rule judges only what is known.

use std::ops::Range;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{map, opt, value};
use nom::sequence::preceded;
use nom::{Offset, Parser};

use super::lexicon::{
    NUMBER_WORDS, Res, boundary, digits, number_word, one_of, reject, space, tag_ascii, word,
};
use super::phrase_set::{PhraseMatch, PhraseSet};
use super::role::sentence_around;
use super::word_set::WordSet;
use super::word_starts::letter_run_length;
use super::{Mention, MentionKind, YearSource};
use crate::kb::{KbIndex, lookup_key};
use crate::time::CalendarDate;

/// "the 60th anniversary of the normalization of diplomatic relations": a claim that a year is
/// the `n`th since an event.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnniversaryClaim {
    /// The whole phrase: determiner, number, "anniversary", and the event's words.
    pub span: Range<usize>,
    pub n: u32,
    /// The words of the number ("60th", "sixtieth", "80").
    pub n_span: Range<usize>,
    /// The words naming the event, normalised ([`lookup_key`] without a leading "the"); empty
    /// when the phrase names none ("its 50th anniversary").
    pub event_text: String,
    /// Where the event's words are, when the phrase names it.
    pub event_span: Option<Range<usize>>,
    /// The KB event id: by name, or for a bare "the 50th anniversary" the event every earlier
    /// anniversary of the article links to. `None` when unknown or ambiguous.
    pub event: Option<String>,
    /// The year the event happened as the article itself gives it near the event's name ("the
    /// treaty, signed in 1965"; "the 1965 treaty"), when it gives exactly one, with its words.
    pub stated_event_year: Option<(i32, Range<usize>)>,
    /// The year the anniversary falls in: the sentence's own date, else the publication year
    /// when the sentence speaks of the present ("marks", "this year"); `None` when unknown.
    pub year: Option<i32>,
    /// The words of the sentence's date that gave `year`, when one did.
    pub year_span: Option<Range<usize>>,
    /// Whether `year` was written or taken from the publication date.
    pub year_source: YearSource,
}

/// What the grammar found, in offsets local to the parsed slice.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Phrase {
    n: u32,
    n_span: Range<usize>,
    /// The words that may name the event (cut at clause words; [`link`] tries shorter ones).
    event_words: Vec<Range<usize>>,
    /// A possessive determiner ("its", "their", "Samsung's"): the anniversary is of something
    /// else than the article's earlier anniversaries.
    possessive: bool,
    form: Form,
    /// The end of the words before the event's ("the 60th anniversary").
    head_end: usize,
    end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "the 60th anniversary of …"
    Ordinal,
    /// "80 years since …", "80 years after …"
    YearsSince,
}

/// What the extractor knows beyond the text.
pub struct Context<'a, 'kb> {
    pub kb: &'a KbIndex<'kb>,
    /// The word matches of [`anchors`] in the body.
    pub anchors: &'a [PhraseMatch],
    pub mentions: &'a [Mention],
    /// The publication date, when known.
    pub published: Option<CalendarDate>,
}

/// Words where an anniversary phrase is anchored.
static ANCHORS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "anniv",
        "centenary",
        "centennial",
        "bicentenary",
        "bicentennial",
        "years",
    ])
});

/// The words an anniversary phrase is anchored at.
pub fn anchors() -> &'static PhraseSet {
    &ANCHORS
}

/// Every anniversary claim in `body` of `text`, linked and dated.
pub fn find(text: &str, body: Range<usize>, context: &Context<'_, '_>) -> Vec<AnniversaryClaim> {
    if text.get(body.clone()).is_none() {
        return Vec::new();
    }
    let mut phrases: Vec<(usize, Phrase)> = Vec::new();
    let mut covered = body.start;
    // Only anchors that start a word (after a hyphen too: "60th-anniversary").
    for (hit, _) in context.anchors {
        let anchor = hit.start;
        if anchor < covered {
            continue;
        }
        let Some((start, phrase)) = parse_at(text, anchor) else {
            continue;
        };
        covered = start + phrase.end;
        phrases.push((start, phrase));
    }
    // Where every phrase's number is, so a date is given to the nearest anniversary only.
    let numbers: Vec<Range<usize>> = phrases
        .iter()
        .map(|(start, phrase)| start + phrase.n_span.start..start + phrase.n_span.end)
        .collect();
    let mut claims: Vec<AnniversaryClaim> = Vec::new();
    for (start, phrase) in &phrases {
        if let Some(claim) = claim(text, *start, phrase, &claims, &numbers, context) {
            claims.push(claim);
        }
    }
    claims
}

fn starts_word(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// The start of each of the (up to) `count` words before `at` on its line, farthest first.
fn word_starts_before(text: &str, at: usize, count: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = at;
    let bytes = text.as_bytes();
    while starts.len() < count {
        // Skip the spacing before the word that ends at `i`.
        let mut j = i;
        while j > 0 && matches!(bytes[j - 1], b' ' | b'\t') {
            j -= 1;
        }
        if j == 0 || matches!(bytes[j - 1], b'\n' | b'\r') {
            break;
        }
        let word_end = j;
        while j > 0 && !matches!(bytes[j - 1], b' ' | b'\t' | b'\n' | b'\r') {
            j -= 1;
        }
        if j == word_end {
            break;
        }
        starts.push(j);
        i = j;
    }
    starts.reverse();
    starts
}

/// Parses the phrase around the anchor at `anchor`: tries starts up to three words before it,
/// farthest first, and keeps the first whose phrase reaches past the anchor.
fn parse_at(text: &str, anchor: usize) -> Option<(usize, Phrase)> {
    // In "60th-anniversary" the nearest "word" is the number's own token.
    for start in word_starts_before(text, anchor, 3) {
        let input = &text[start..];
        if !could_start_phrase(input) {
            continue;
        }
        let Ok((_, phrase)) = anniversary(input) else {
            continue;
        };
        if start + phrase.end > anchor {
            return Some((start, phrase));
        }
    }
    None
}

/// The words [`anniversary`] can start with, besides digits and a possessive ("Samsung's"): the
/// determiners, and the first words of ordinals, centenaries and counts of years.
static FIRST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    const DETERMINERS: [&str; 8] = ["the", "this", "a", "its", "their", "his", "her", "our"];
    const CENTENARIES: [&str; 5] = [
        "bicentenary",
        "bicentennial",
        "centenary",
        "centennial",
        "hundredth",
    ];
    WordSet::new(
        DETERMINERS
            .iter()
            .chain(&CENTENARIES)
            .chain(&UNIT_ORDINALS)
            .chain(&TENS_ORDINALS)
            .chain(&TENS)
            .chain(&NUMBER_WORDS)
            .copied(),
    )
});

/// Whether [`anniversary`] can match at the start of `input`, by its first word: a digit, one
/// of [`FIRST_WORDS`], or a word before an apostrophe (a possessive). The grammar is tried at
/// three words before every "years", most of which are none of these.
fn could_start_phrase(input: &str) -> bool {
    let bytes = input.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit)
        || FIRST_WORDS.contains_prefix(bytes, letter_run_length(bytes))
    {
        return true;
    }
    // The possessive determiner's word, as `determiner` reads it.
    let word = input
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(input.len());
    word > 0 && input[word..].starts_with(['\'', '\u{2019}'])
}

/// The grammar: a determiner, a number and "anniversary" (or "centenary"), and the event; or a
/// count of years "since"/"after" the event.
fn anniversary(input: &str) -> Res<'_, Phrase> {
    alt((ordinal_anniversary, years_since)).parse(input)
}

fn ordinal_anniversary(input: &str) -> Res<'_, Phrase> {
    let (rest, possessive) = opt(determiner).parse(input)?;
    let (rest, (n, n_span)) = alt((
        map(
            (
                spanned(input, ordinal_number),
                alt((value((), char('-')), space)),
                anniversary_word,
            ),
            |((n, span), _, _)| (n, span),
        ),
        spanned(input, centenary),
    ))
    .parse(rest)?;
    let head_end = input.offset(rest);
    // "60th-anniversary celebration", "the 50th anniversary celebration": no event named.
    let (rest, event_words) =
        opt(preceded((space, word("of"), space), event_words(input))).parse(rest)?;
    let end = input.offset(rest);
    Ok((
        rest,
        Phrase {
            n,
            n_span,
            event_words: event_words.unwrap_or_default(),
            possessive: possessive.unwrap_or(false),
            form: Form::Ordinal,
            head_end,
            end,
        },
    ))
}

fn years_since(input: &str) -> Res<'_, Phrase> {
    let (rest, (n, n_span)) = spanned(input, cardinal).parse(input)?;
    let (rest, _) = (
        space,
        word("years"),
        space,
        alt((word("since"), word("after"))),
        space,
    )
        .parse(rest)?;
    let head_end = input.offset(rest);
    let (rest, event_words) = event_words(input)(rest)?;
    let end = input.offset(rest);
    Ok((
        rest,
        Phrase {
            n,
            n_span,
            event_words,
            possessive: false,
            form: Form::YearsSince,
            head_end,
            end,
        },
    ))
}

/// Runs `parser` and returns its output with its span relative to `base`.
fn spanned<'a, T>(
    base: &'a str,
    mut parser: impl Parser<&'a str, Output = T, Error = nom::error::Error<&'a str>>,
) -> impl FnMut(&'a str) -> Res<'a, (T, Range<usize>)> {
    move |input: &'a str| {
        let start = base.offset(input);
        let (rest, output) = parser.parse(input)?;
        Ok((rest, (output, start..base.offset(rest))))
    }
}

/// Possessive determiners: "its 50th anniversary", "the anniversary of its liberation".
const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our"];

/// "the", "a", "this year's", "its", "their", "Samsung's": true for a possessive.
fn determiner(input: &str) -> Res<'_, bool> {
    alt((
        value(false, (word("the"), space)),
        value(
            false,
            (word("this"), space, word("year"), apostrophe_s, space),
        ),
        value(false, (word("a"), space)),
        value(
            true,
            (
                nom::bytes::complete::take_while1(|c: char| c.is_alphabetic() || c == '-'),
                apostrophe_s,
                space,
            ),
        ),
        value(true, (one_of(POSSESSIVES), space)),
    ))
    .parse(input)
}

fn apostrophe_s(input: &str) -> Res<'_, ()> {
    value(
        (),
        (
            alt((char('\''), char('\u{2019}'))),
            tag_ascii("s"),
            boundary,
        ),
    )
    .parse(input)
}

fn anniversary_word(input: &str) -> Res<'_, ()> {
    alt((
        value((), word("anniversary")),
        value((), (tag_ascii("anniv"), opt(char('.')), boundary)),
    ))
    .parse(input)
}

fn centenary(input: &str) -> Res<'_, u32> {
    alt((
        value(200, alt((word("bicentenary"), word("bicentennial")))),
        value(100, alt((word("centenary"), word("centennial")))),
    ))
    .parse(input)
}

/// "60th", "1st", "sixtieth", "sixty-fifth", "hundredth".
fn ordinal_number(input: &str) -> Res<'_, u32> {
    alt((
        (
            digits,
            alt((
                tag_ascii("st"),
                tag_ascii("nd"),
                tag_ascii("rd"),
                tag_ascii("th"),
            )),
        )
            .map(|(n, _)| n),
        ordinal_word,
    ))
    .parse(input)
    .and_then(|(rest, n)| {
        if n == 0 {
            reject(input)
        } else {
            boundary(rest).map(|(rest, ())| (rest, n))
        }
    })
}

const UNIT_ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINALS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn ordinal_word(input: &str) -> Res<'_, u32> {
    alt((
        map(
            (one_of(&TENS), char('-'), one_of(&UNIT_ORDINALS[..9])),
            |(tens, _, unit)| (tens as u32 + 2) * 10 + unit as u32 + 1,
        ),
        map(one_of(&TENS_ORDINALS), |tens| (tens as u32 + 2) * 10),
        map(one_of(&UNIT_ORDINALS), |unit| unit as u32 + 1),
        value(100, word("hundredth")),
    ))
    .parse(input)
}

/// A count of years: "80", "eighty", "eighty-five".
fn cardinal(input: &str) -> Res<'_, u32> {
    let (rest, n) = alt((digits, number_word)).parse(input)?;
    let (rest, ()) = boundary(rest)?;
    if n == 0 || n > 1000 {
        return reject(input);
    }
    Ok((rest, n))
}

/// Words that end an event's name: clause and time words.
const CLAUSE_WORDS: &[&str] = &[
    "which",
    "that",
    "who",
    "whose",
    "when",
    "where",
    "while",
    "as",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "has",
    "have",
    "had",
    "be",
    "been",
    "being",
    "said",
    "says",
    "this",
    "next",
    "last",
    "on",
    "at",
    "by",
    "for",
    "to",
    "falls",
    "fell",
    "since",
    "after",
    "ago",
    "but",
    "celebration",
    "celebrations",
    "ceremony",
    "event",
    "events",
];

/// The most words an event's name runs to ("the Treaty on Basic Relations between Japan and the
/// Republic of Korea" is twelve).
const MAX_EVENT_WORDS: usize = 14;

/// Up to [`MAX_EVENT_WORDS`] words of an event's name, each a span relative to `base`.
fn event_words<'a>(base: &'a str) -> impl Fn(&'a str) -> Res<'a, Vec<Range<usize>>> {
    move |input: &'a str| {
        let (mut rest, (_, first)) = spanned(base, event_word).parse(input)?;
        let mut words = vec![first];
        while words.len() < MAX_EVENT_WORDS {
            let next = preceded(inline_space, spanned(base, event_word)).parse(rest);
            if let Ok((after, (_, span))) = next {
                words.push(span);
                rest = after;
                continue;
            }
            let capitalised =
                |span: &Range<usize>| base[span.clone()].starts_with(char::is_uppercase);
            let inner = (
                preceded(inline_space, spanned(base, name_preposition)),
                preceded(inline_space, spanned(base, event_word)),
            )
                .parse(rest);
            match inner {
                Ok((after, ((_, preposition), (_, name))))
                    if words.last().is_some_and(capitalised)
                        && capitalised(&name)
                        && !is_date_word(&base[name.clone()]) =>
                {
                    words.extend([preposition, name]);
                    rest = after;
                }
                _ => break,
            }
        }
        Ok((rest, words))
    }
}

/// A clause word that a name may hold between two capitalised words: "Treaty on Basic
/// Relations", "Conference on Disarmament", "Day of Remembrance for …".
fn name_preposition(input: &str) -> Res<'_, ()> {
    value((), alt((word("on"), word("for"), word("to"), word("at")))).parse(input)
}

/// A month or weekday name: "liberation Day on Friday" ends the name before "on".
fn is_date_word(token: &str) -> bool {
    crate::time::names::english_month(token).is_some()
        || crate::time::names::english_weekday(token).is_some()
}

/// Spacing within a line: an event's name does not run on into the next line (a headline).
fn inline_space(input: &str) -> Res<'_, ()> {
    value(
        (),
        nom::bytes::complete::take_while1(|c| c == ' ' || c == '\t' || c == '\u{a0}'),
    )
    .parse(input)
}

/// One word of an event's name: letters, digits, inner hyphens, apostrophes and periods
/// ("Korea-Japan", "Korea's", "U.S"), not a clause word.
fn event_word(input: &str) -> Res<'_, ()> {
    let mut end = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        let inner = matches!(c, '-' | '\'' | '\u{2019}' | '.' | '/') && end > 0 && next_is_word;
        if c.is_alphanumeric() || inner {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end == 0 {
        return reject(input);
    }
    let token = &input[..end];
    if CLAUSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(token)) {
        return reject(input);
    }
    Ok((&input[end..], ()))
}

/// Words after which a name names other parties than the KB event may: truncating the phrase
/// before them would link "normalization of relations between Japan and China" to the wrong
/// normalization, and "the liberation of Paris" to Korea's.
const QUALIFIERS: &[&str] = &["between", "with", "among", "involving", "of"];

/// Words that end the name of an event the KB does not know: "the treaty in 2020".
const SOFT_STOPS: &[&str] = &["in", "and", "with", "between", "among", "during", "from"];

/// Phrases that stand for the relationship the article speaks of, not a named event: "60th
/// anniv. of ties" is the anniversary of the same ties as the article's other anniversaries.
const GENERIC: &[&str] = &[
    "ties",
    "relations",
    "diplomatic ties",
    "diplomatic relations",
    "bilateral ties",
    "bilateral relations",
    "their ties",
    "their relations",
];

/// Words before an approximate count: "more than 70 years since the war" is no exact claim.
const APPROXIMATE: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "some",
    "roughly",
    "approximately",
    "at least",
    "under",
    "just",
];

fn claim(
    text: &str,
    start: usize,
    phrase: &Phrase,
    earlier: &[AnniversaryClaim],
    numbers: &[Range<usize>],
    context: &Context<'_, '_>,
) -> Option<AnniversaryClaim> {
    let span = start..start + phrase.end;
    let sentence = sentence_around(text, span.start);
    // The other anniversaries' numbers in this sentence.
    let n_start = start + phrase.n_span.start;
    let others: Vec<Range<usize>> = numbers
        .iter()
        .filter(|n| n.start != n_start && sentence.start <= n.start && n.end <= sentence.end)
        .cloned()
        .collect();
    let before = &text[sentence.start.min(span.start)..span.start];
    if phrase.form == Form::YearsSince && ends_with_any(before, APPROXIMATE) {
        return None;
    }
    let words: Vec<Range<usize>> = phrase
        .event_words
        .iter()
        .map(|w| start + w.start..start + w.end)
        .collect();
    let linked = link(text, &words, context.kb);
    let (event, event_span, event_text) = match &linked {
        Some(Link { event, words: n }) => {
            let span = words[0].start..words[*n - 1].end;
            (event.clone(), Some(span.clone()), event_key(&text[span]))
        }
        None => {
            let kept = words
                .iter()
                .take_while(|w| {
                    !SOFT_STOPS
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(&text[(*w).clone()]))
                })
                .count();
            let span = (kept > 0).then(|| words[0].start..words[kept - 1].end);
            let event_text = span
                .clone()
                .map(|s| event_key(&text[s]))
                .unwrap_or_default();
            (None, span, event_text)
        }
    };
    // The claim ends with the words that name its event: "in 2014" after them is its date.
    let span = span.start
        ..event_span
            .as_ref()
            .map_or(start + phrase.head_end, |e| e.end);
    // "the 50th anniversary celebration", "60th anniv. of ties": the anniversary of what the
    // article's earlier anniversaries are of, when they all agree.
    let all_words = words
        .first()
        .zip(words.last())
        .map(|(first, last)| event_key(&text[first.start..last.end]))
        .unwrap_or_default();
    let anaphoric = linked.is_none()
        && !phrase.possessive
        && (all_words.is_empty() || GENERIC.contains(&all_words.as_str()));
    let event = if anaphoric {
        earlier_event(earlier)
    } else {
        event
    };
    // "N years since" counts from a known event only; otherwise it is an interval.
    if phrase.form == Form::YearsSince && event.is_none() {
        return None;
    }
    let event_year = event
        .as_deref()
        .and_then(|id| context.kb.event(id))
        .map(|event| event.year());
    let dated = sentence_year(text, &sentence, &span, &others, event_year, context);
    let (year, year_span, year_source) = match dated {
        Some((year, span, source)) => (Some(year), Some(span), source),
        None if speaks_of_present(text, &sentence, &span, others.is_empty()) => {
            match context.published.and_then(|date| date.year) {
                Some(year) => (Some(year), None, YearSource::Publication),
                None => (None, None, YearSource::Unknown),
            }
        }
        None => (None, None, YearSource::Unknown),
    };
    let stated_event_year = if event.is_none() && !anaphoric {
        event_span
            .as_ref()
            .and_then(|phrase_span| stated_year(text, phrase_span, year))
    } else {
        None
    };
    Some(AnniversaryClaim {
        span,
        n: phrase.n,
        n_span: start + phrase.n_span.start..start + phrase.n_span.end,
        event_text,
        event_span,
        event,
        stated_event_year,
        year,
        year_span,
        year_source,
    })
}

/// The key an event's words are compared in: [`lookup_key`] without a leading "the".
fn event_key(words: &str) -> String {
    let key = lookup_key(words);
    key.strip_prefix("the ").map(str::to_string).unwrap_or(key)
}

fn ends_with_any(before: &str, phrases: &[&str]) -> bool {
    let lower = before.trim_end().to_ascii_lowercase();
    phrases.iter().any(|phrase| {
        lower
            .strip_suffix(phrase)
            .is_some_and(|head| head.is_empty() || head.ends_with([' ', '\n', '(', '"']))
    })
}

/// The event the phrase names: `Some(Some(id))` for one KB event, `Some(None)` for a name that
/// several KB events go by, with how many words named it.
struct Link {
    event: Option<String>,
    words: usize,
}

/// Looks the phrase up, longest first: every shorter tail that stops before a qualifier
/// ("between …"), as written and without inner "the" ("normalization of the ties").
fn link(text: &str, words: &[Range<usize>], kb: &KbIndex<'_>) -> Option<Link> {
    // "between Japan and China", "with China": a qualifier before a name.
    let first_qualifier = words
        .windows(2)
        .position(|pair| {
            QUALIFIERS
                .iter()
                .any(|q| q.eq_ignore_ascii_case(&text[pair[0].clone()]))
                && text[pair[1].clone()].starts_with(char::is_uppercase)
        })
        .unwrap_or(words.len());
    // "the 80th anniversary of its liberation from Japanese colonial rule": the name follows
    // the possessive, and must be of two words or more ("its liberation" may be any nation's).
    let first = usize::from(
        words.len() > 2
            && POSSESSIVES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&text[words[0].clone()])),
    );
    for n in (1 + 2 * first..=words.len()).rev() {
        if first_qualifier < words.len() && n <= first_qualifier {
            break;
        }
        let phrase = &text[words[first].start..words[n - 1].end];
        let mut events = kb.events_named(phrase);
        if events.is_empty() {
            let without_the: Vec<&str> = phrase
                .split_whitespace()
                .enumerate()
                .filter(|(i, w)| *i == 0 || !w.eq_ignore_ascii_case("the"))
                .map(|(_, w)| w)
                .collect();
            events = kb.events_named(&without_the.join(" "));
        }
        match events {
            [] => continue,
            [event] => {
                return Some(Link {
                    event: Some(event.id.value.clone()),
                    words: n,
                });
            }
            _ => {
                return Some(Link {
                    event: None,
                    words: n,
                });
            }
        }
    }
    None
}

/// The event all earlier anniversaries of the article link to; `None` when none or several.
fn earlier_event(earlier: &[AnniversaryClaim]) -> Option<String> {
    let mut linked = earlier.iter().filter_map(|claim| claim.event.as_deref());
    let first = linked.next()?;
    linked.all(|id| id == first).then(|| first.to_string())
}

/// The year the sentence dates itself to, outside the claim's event words: "in 2015", "this
/// year", "on Sunday" — when exactly one year, after the event's, is named that way, and no
/// other anniversary of the sentence stands between it and the claim ("the 50th anniversary
/// celebration and the 60th-anniversary event in 2025").
fn sentence_year(
    text: &str,
    sentence: &Range<usize>,
    claim: &Range<usize>,
    others: &[Range<usize>],
    event_year: Option<i32>,
    context: &Context<'_, '_>,
) -> Option<(i32, Range<usize>, YearSource)> {
    let mut found: Option<(i32, Range<usize>, YearSource)> = None;
    for mention in context.mentions {
        if mention.span.start < sentence.start || mention.span.end > sentence.end {
            continue;
        }
        if mention.span.start < claim.end && claim.start < mention.span.end {
            continue;
        }
        let Some(year) = mention.date.and_then(|date| date.year) else {
            continue;
        };
        let between = |other: &Range<usize>| {
            (claim.end <= other.start && other.end <= mention.span.start)
                || (mention.span.end <= other.start && other.end <= claim.start)
        };
        if others.iter().any(between) {
            continue;
        }
        if event_year.is_some_and(|event| year <= event) {
            continue;
        }
        let adverbial = match mention.kind {
            MentionKind::RelativeDate | MentionKind::Weekday => true,
            MentionKind::Date => {
                let before = text[sentence.start..mention.span.start].trim_end();
                before.trim_start_matches(['"', '\u{201c}', ' ']).is_empty()
                    || ["in", "on", "during", "until", "by", "In", "On"]
                        .iter()
                        .any(|w| before.ends_with(w) && starts_word(before, before.len() - w.len()))
            }
            _ => false,
        };
        // "Abe, who took office in 2012, marked the eighth anniversary": a date in another
        // clause dates that clause. Across a comma only a sentence-opening date counts
        // ("In 2015, the country marked …").
        let (from, to) = if mention.span.end <= claim.start {
            (mention.span.end, claim.start)
        } else {
            (claim.end, mention.span.start)
        };
        let opens_sentence = text[sentence.start..mention.span.start]
            .trim_start()
            .trim_start_matches(['"', '\u{201c}'])
            .split_whitespace()
            .count()
            <= 1;
        if !adverbial || (text[from..to].contains([',', ';', '\u{2014}', '(']) && !opens_sentence) {
            continue;
        }
        match &found {
            Some((other, ..)) if *other != year => return None,
            Some(_) => {}
            None => found = Some((year, mention.span.clone(), mention.year_source)),
        }
    }
    found
}

/// Words that set an anniversary in the present: "marks", "ahead of", "falls", and "this year"
/// in a sentence with no other anniversary (`alone`).
fn speaks_of_present(
    text: &str,
    sentence: &Range<usize>,
    claim: &Range<usize>,
    alone: bool,
) -> bool {
    let lower_sentence = text[sentence.clone()].to_ascii_lowercase();
    if alone && lower_sentence.contains("this year") {
        return true;
    }
    let before = text[sentence.start.min(claim.start)..claim.start].to_ascii_lowercase();
    let last_words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    const CUES: &[&str] = &[
        "mark",
        "marks",
        "marking",
        "celebrate",
        "celebrates",
        "celebrating",
        "commemorate",
        "commemorates",
        "commemorating",
        "observe",
        "observes",
        "observing",
        "ahead",
        "occasion",
        "upcoming",
        "year's",
    ];
    if last_words.iter().any(|w| CUES.contains(w)) {
        return true;
    }
    let after = text[claim.end..sentence.end.max(claim.end)].to_ascii_lowercase();
    let next: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    next.iter().any(|w| matches!(*w, "falls" | "fall"))
        || (next.first() == Some(&"has") && next.get(1) == Some(&"been"))
}

/// The one year the article writes near the event's words, before the anniversary's year:
/// "the 1965 treaty", "the treaty, signed in 1965, …". Looks in every sentence that names the
/// event by the same words.
fn stated_year(
    text: &str,
    phrase: &Range<usize>,
    anniversary_year: Option<i32>,
) -> Option<(i32, Range<usize>)> {
    let needle = text[phrase.clone()].to_ascii_lowercase();
    let needle = needle.strip_prefix("the ").unwrap_or(&needle).to_string();
    if needle.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let mut found: Option<(i32, Range<usize>)> = None;
    for (at, _) in lower.match_indices(needle.as_str()) {
        if !starts_word(text, at) {
            continue;
        }
        let occurrence = at..at + needle.len();
        let sentence = sentence_around(text, at);
        let window = occurrence.start.saturating_sub(12).max(sentence.start)
            ..(occurrence.end + 50).min(sentence.end).max(occurrence.end);
        for (year, span) in four_digit_years(text, &window) {
            if anniversary_year.is_some_and(|y| year >= y) {
                continue;
            }
            match &found {
                Some((other, _)) if *other != year => return None,
                Some(_) => {}
                None => found = Some((year, span)),
            }
        }
    }
    found
}

/// Years written as four digits in `range` (1000–2199), not part of "1,965" or "$1965".
fn four_digit_years(text: &str, range: &Range<usize>) -> Vec<(i32, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = start.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(i).copied();
        let glued = |b: Option<u8>| {
            b.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'$' | b',' | b'.'))
        };
        let after_glued = after.is_some_and(|b| b.is_ascii_alphanumeric())
            || (matches!(after, Some(b',' | b'.'))
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if i - start == 4
            && !glued(before)
            && !after_glued
            && let Ok(year) = text[start..i].parse::<i32>()
            && (1000..2200).contains(&year)
        {
            years.push((year, start..i));
        }
    }
    years
}

#[cfg(test)]
mod tests;
