//! Counts within counts: "183 individuals, including 136 Korean forced laborers", "killed 45
//! people, 12 of them children", "of the 300 delegates, 120 voted", "120 of the 300 delegates".
//!
//! Only phrases that clearly say part-of become claims: the whole is an exact count of a plural
//! noun, the part follows a part-of connector, and where the connector allows anything to follow
//! ("including"), the part's noun must count the same kind of thing (the same noun, or people
//! both). Money, percentages, years and approximate counts ("more than 180") are left alone.

use std::ops::Range;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::char;
use nom::combinator::{map, opt, recognize};
use nom::multi::{many_m_n, many0};
use nom::sequence::preceded;
use nom::{Offset, Parser};

use super::lexicon::{NUMBER_WORDS, Res, TENS, boundary, number_word, one_of, reject, space, word};
use super::phrase_set::{PhraseMatch, PhraseSet};
use super::role::sentence_around;
use super::word_set::WordSet;
use super::word_starts::letter_run_length;

/// "183 individuals, including 136 Korean forced laborers": a part of a counted whole.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartWholeClaim {
    /// From the first count to the end of the second.
    pub span: Range<usize>,
    pub whole: u64,
    /// The words of the whole's count and noun ("183 individuals").
    pub whole_span: Range<usize>,
    pub part: u64,
    /// The words of the part's count (and noun, when one follows).
    pub part_span: Range<usize>,
}

static ANCHORS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "including",
        "among",
        "of them",
        "of whom",
        "of which",
        "of the",
    ])
});

/// The part-of connectors every claim starts from.
pub fn anchors() -> &'static PhraseSet {
    &ANCHORS
}

/// Every part-whole claim in `body` of `text`.
#[cfg(test)]
pub fn find(text: &str, body: Range<usize>) -> Vec<PartWholeClaim> {
    if text.get(body.clone()).is_none() {
        return Vec::new();
    }
    find_at(text, &ANCHORS.word_matches(text, body))
}

/// Every part-whole claim at `anchors` (word matches of [`anchors`]) in `text`.
pub fn find_at(text: &str, anchors: &[PhraseMatch]) -> Vec<PartWholeClaim> {
    let mut claims: Vec<PartWholeClaim> = Vec::new();
    for (hit, _) in anchors {
        let anchor = hit.start;
        if claims.last().is_some_and(|last| anchor < last.span.end) {
            continue;
        }
        if let Some(claim) = claim_at(text, anchor) {
            claims.push(claim);
        }
    }
    claims
}

/// Tries the forms around the anchor at `anchor`: starts up to ten words before it in its
/// sentence, nearest first, and the anchor itself ("Of the 300 delegates, 120 …").
fn claim_at(text: &str, anchor: usize) -> Option<PartWholeClaim> {
    let sentence = sentence_around(text, anchor);
    let lead = text[sentence.start..anchor].trim_start_matches([' ', '"', '\u{201c}', '(']);
    if lead.is_empty()
        && let Ok((_, parsed)) = of_the_whole_then_part(&text[anchor..])
    {
        return accept(text, anchor, parsed);
    }
    for start in word_starts_before(text, sentence.start, anchor).take(10) {
        let input = &text[start..sentence.end];
        if could_start_count(input)
            && let Ok((_, parsed)) = alt((whole_then_part, part_of_the_whole)).parse(input)
            && start + parsed.end > anchor
        {
            return accept(text, start, parsed);
        }
    }
    None
}

/// The number words [`count`] can start with, looked up as one number: comparing each of the
/// ten words before every anchor with 29 number words in turn was most of the finder.
static NUMBER_WORD_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(NUMBER_WORDS.iter().chain(&TENS).copied()));

/// Whether [`count`] can match at the start of `input`, on its first letters alone: a digit, or
/// a number word ("twelve", "thirty-five"). Most words fail here before the grammar runs.
fn could_start_count(input: &str) -> bool {
    let bytes = input.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_digit)
        || NUMBER_WORD_SET.contains_prefix(bytes, letter_run_length(bytes))
}

/// Word starts before `at` and after `floor`, nearest first, found as they are asked for: the
/// first that a form matches at ends the search.
fn word_starts_before(text: &str, floor: usize, at: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut i = at;
    std::iter::from_fn(move || {
        loop {
            while i > floor && bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            let end = i;
            while i > floor && !bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            if i == end {
                return None;
            }
            // A word may begin with punctuation: "(45 people".
            let mut start = i;
            while start < end && !bytes[start].is_ascii_alphanumeric() {
                start += 1;
            }
            if start < end && text.is_char_boundary(start) {
                return Some(start);
            }
        }
    })
}

/// What a form parsed, in offsets local to its input.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed {
    whole: u64,
    whole_span: Range<usize>,
    part: u64,
    part_span: Range<usize>,
    end: usize,
}

/// Rejects counts that are approximate or money, then makes the claim.
fn accept(text: &str, start: usize, parsed: Parsed) -> Option<PartWholeClaim> {
    let whole_span = start + parsed.whole_span.start..start + parsed.whole_span.end;
    let part_span = start + parsed.part_span.start..start + parsed.part_span.end;
    for span in [&whole_span, &part_span] {
        if qualified(&text[..span.start]) {
            return None;
        }
    }
    Some(PartWholeClaim {
        span: whole_span.start.min(part_span.start)..whole_span.end.max(part_span.end),
        whole: parsed.whole,
        whole_span,
        part: parsed.part,
        part_span,
    })
}

/// Whether the words before a count make it approximate or a sum of money: "more than 180",
/// "about 1,200", "$2.5".
fn qualified(before: &str) -> bool {
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
        "at most",
        "up to",
        "under",
        "estimated",
        "an estimated",
        "no.",
        "number",
    ];
    if before.ends_with(['$', '€', '£', '¥', '₩', '#']) {
        return true;
    }
    let lower = before.trim_end().to_ascii_lowercase();
    APPROXIMATE.iter().any(|phrase| {
        lower
            .strip_suffix(phrase)
            .is_some_and(|head| head.is_empty() || !head.ends_with(|c: char| c.is_alphanumeric()))
    })
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

/// "183 individuals[ in Yamaguchi], including 136 Korean forced laborers", "45 people, 12 of
/// them children", "45 people, of whom 12 were children".
fn whole_then_part(input: &str) -> Res<'_, Parsed> {
    let (rest, ((whole, whole_head), whole_span)) =
        spanned(input, (count, preceded(space, noun_phrase))).parse(input)?;
    let (rest, _) = many_m_n(0, 6, preceded(space, plain_word)).parse(rest)?;
    let (rest, _) = (opt(space), char(','), space).parse(rest)?;
    let (rest, (part, part_head, part_span)) = alt((
        // "including 136 Korean forced laborers": the noun must follow and match.
        map(
            preceded(
                (word("including"), space),
                spanned(input, (count, preceded(space, noun_phrase))),
            ),
            |((part, head), span)| (part, Some(head), span),
        ),
        // "of whom 12 were children", "among them 12 children"
        map(
            preceded(
                (
                    alt((
                        (word("of"), space, alt((word("whom"), word("which")))),
                        (word("among"), space, alt((word("them"), word("whom")))),
                    )),
                    space,
                ),
                spanned(input, count),
            ),
            |(part, span)| (part, None, span),
        ),
        // "12 of them children"
        map(
            (
                spanned(input, count),
                space,
                word("of"),
                space,
                alt((word("them"), word("whom"), word("which"))),
            ),
            |((part, span), ..)| (part, None, span),
        ),
    ))
    .parse(rest)?;
    if let Some(part_head) = &part_head
        && !same_kind(&whole_head, part_head)
    {
        return reject(input);
    }
    let end = input.offset(rest);
    Ok((
        rest,
        Parsed {
            whole,
            whole_span,
            part,
            part_span,
            end,
        },
    ))
}

/// "120 of the 300 delegates".
fn part_of_the_whole(input: &str) -> Res<'_, Parsed> {
    let (rest, (part, part_span)) = spanned(input, count).parse(input)?;
    let (rest, _) = (space, word("of"), space, word("the"), space).parse(rest)?;
    let (rest, (whole, whole_span)) =
        spanned(input, (count, preceded(space, noun_phrase))).parse(rest)?;
    let end = input.offset(rest);
    Ok((
        rest,
        Parsed {
            whole: whole.0,
            whole_span,
            part,
            part_span,
            end,
        },
    ))
}

/// "Of the 300 delegates, 120 voted", "Among the 45 victims, 12 were children" (at the start
/// of a sentence).
fn of_the_whole_then_part(input: &str) -> Res<'_, Parsed> {
    let (rest, _) = (alt((word("of"), word("among"))), space, word("the"), space).parse(input)?;
    let (rest, (whole, whole_span)) =
        spanned(input, (count, preceded(space, noun_phrase))).parse(rest)?;
    let (rest, _) = many_m_n(0, 4, preceded(space, plain_word)).parse(rest)?;
    let (rest, _) = (opt(space), char(','), space).parse(rest)?;
    let (rest, (part, part_span)) = spanned(input, count).parse(rest)?;
    // "120 percent", "12-member": not a count of the same things.
    if let Ok((_, head)) = preceded(space, noun_phrase).parse(rest)
        && !same_kind(&whole.1, &head)
    {
        return reject(input);
    }
    let end = input.offset(rest);
    Ok((
        rest,
        Parsed {
            whole: whole.0,
            whole_span,
            part,
            part_span,
            end,
        },
    ))
}

/// An exact count: "183", "1,200", "1.5 million", "twelve", "three hundred". Not a year-like
/// "1942", not "12-member", "45%" or "3rd".
fn count(input: &str) -> Res<'_, u64> {
    let (rest, n) = alt((numeral, map(number_word, u64::from))).parse(input)?;
    let (rest, scale) = opt(preceded(space, scale)).parse(rest)?;
    let (rest, ()) = boundary(rest)?;
    if rest.starts_with(['-', '%', '\u{2013}']) {
        return reject(input);
    }
    Ok((rest, n.saturating_mul(scale.unwrap_or(1))))
}

fn scale(input: &str) -> Res<'_, u64> {
    map(
        one_of(&["hundred", "thousand", "million", "billion"]),
        |i| [100, 1_000, 1_000_000, 1_000_000_000][i],
    )
    .parse(input)
}

/// Digits with thousands separators ("1,200"), or plain digits that are not a year.
fn numeral(input: &str) -> Res<'_, u64> {
    let digit = |c: char| c.is_ascii_digit();
    let (rest, text) = alt((
        recognize((
            take_while_m_n(1, 3, digit),
            nom::multi::many1((char(','), take_while_m_n(3, 3, digit))),
        )),
        take_while_m_n(1, 9, digit),
    ))
    .parse(input)?;
    // "1.5 million": a decimal only before a scale word.
    let (rest, fraction) = opt(preceded(char('.'), take_while1(digit))).parse(rest)?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == ',' && rest[1..].starts_with(digit)) {
        return reject(input);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let Ok(whole) = digits.parse::<u64>() else {
        return reject(input);
    };
    if !text.contains(',') && text.len() == 4 && (1800..=2100).contains(&whole) {
        return reject(input);
    }
    match fraction {
        None => Ok((rest, whole)),
        Some(fraction) => {
            let (after, scale) = preceded(space, scale).parse(rest)?;
            let value = format!("{whole}.{fraction}").parse::<f64>().map_err(|_| {
                nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Float))
            })?;
            // Rounded: "1.5 million" is 1,500,000.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a positive count well within u64"
            )]
            let scaled = (value * scale as f64).round() as u64;
            // The scale is consumed here; `count` will find none after it.
            Ok((after, scaled))
        }
    }
}

/// Words that end a noun phrase.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "who",
    "whom",
    "which",
    "that",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "including",
    "among",
    "them",
    "said",
    "says",
    "will",
    "would",
    "as",
    "than",
    "while",
    "during",
    "after",
    "before",
    "into",
    "per",
    "across",
    "over",
];

/// A word of letters (hyphens and apostrophes inside), returned lowercased.
fn plain_word(input: &str) -> Res<'_, String> {
    let (rest, token) = recognize((
        take_while1(char::is_alphabetic),
        many0((
            alt((char('-'), char('\''), char('\u{2019}'))),
            take_while1(char::is_alphabetic),
        )),
    ))
    .parse(input)?;
    Ok((rest, token.to_lowercase()))
}

/// Up to four words naming what is counted; returns the first plural noun among them, which
/// must exist and must not be a unit of money or a percentage.
fn noun_phrase(input: &str) -> Res<'_, String> {
    let content = |input| {
        let (rest, w) = plain_word(input)?;
        if FUNCTION_WORDS.contains(&w.as_str()) {
            return reject(input);
        }
        Ok((rest, w))
    };
    let (rest, first) = content(input)?;
    let (rest, more) = many_m_n(0, 3, preceded(space, content)).parse(rest)?;
    let head = std::iter::once(first)
        .chain(more)
        .find(|w| is_plural_noun(w));
    match head {
        Some(head) if !NOT_COUNTED.contains(&head.as_str()) => Ok((rest, head)),
        _ => reject(input),
    }
}

/// Plural nouns that measure rather than count things that can be part of each other here.
const NOT_COUNTED: &[&str] = &[
    "percent", "dollars", "euros", "pounds", "yen", "won", "yuan", "rupees", "francs", "points",
    "times", "cents", "bucks",
];

const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "crew",
    "cattle",
    "folk",
    "yen",
    "won",
    "yuan",
    "percent",
    "feet",
    "teeth",
    "mice",
    "geese",
];

const NOT_PLURAL: &[&str] = &[
    "this",
    "was",
    "has",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "always",
    "perhaps",
    "news",
    "series",
    "species",
    "does",
    "says",
    "thus",
    "plus",
    "less",
    "unless",
    "towards",
    "afterwards",
    "whereas",
    "gas",
    "bus",
    "lens",
    "overseas",
    "besides",
    "sometimes",
    "nevertheless",
    "whereabouts",
    "politics",
    "economics",
    "physics",
    "mathematics",
];

fn is_plural_noun(word: &str) -> bool {
    if IRREGULAR_PLURALS.contains(&word) {
        return true;
    }
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with("'s")
        && !NOT_PLURAL.contains(&word)
}

/// Nouns for people, whatever their role: "183 individuals, including 136 laborers".
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "children",
    "men",
    "women",
    "adults",
    "minors",
    "babies",
    "infants",
    "girls",
    "boys",
    "victims",
    "civilians",
    "soldiers",
    "troops",
    "citizens",
    "nationals",
    "residents",
    "passengers",
    "patients",
    "students",
    "pupils",
    "delegates",
    "members",
    "staff",
    "police",
    "personnel",
    "crew",
    "officials",
    "lawmakers",
    "journalists",
    "migrants",
    "refugees",
    "tourists",
    "fans",
    "casualties",
    "survivors",
    "hostages",
    "prisoners",
    "inmates",
    "detainees",
    "suspects",
    "sailors",
    "pilots",
    "nurses",
    "doctors",
    "teachers",
    "workers",
    "laborers",
    "labourers",
    "farmers",
    "miners",
    "employees",
    "engineers",
    "voters",
    "candidates",
    "senators",
    "legislators",
    "koreans",
    "japanese",
    "americans",
    "foreigners",
    "elderly",
    "relatives",
    "representatives",
    "executives",
    "veterans",
    "athletes",
    "players",
    "volunteers",
    "protesters",
    "demonstrators",
    "militants",
    "fighters",
    "recruits",
    "conscripts",
    "evacuees",
    "dead",
    "injured",
    "wounded",
    "youths",
    "teenagers",
    "toddlers",
    "mothers",
    "fathers",
    "parents",
    "families",
];

fn is_person_noun(word: &str) -> bool {
    PEOPLE.contains(&word)
        || [
            "ers", "ors", "ists", "ians", "ees", "ants", "ents", "men", "women",
        ]
        .iter()
        .any(|suffix| word.ends_with(suffix) && word.len() > suffix.len() + 2)
}

/// Whether a part's noun counts the same kind of thing as the whole's: the same noun, or
/// people both.
fn same_kind(whole: &str, part: &str) -> bool {
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    singular(whole) == singular(part) || (is_person_noun(whole) && is_person_noun(part))
}

#[cfg(test)]
mod tests;
