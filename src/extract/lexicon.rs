//! Word-level nom building blocks shared by the mention parsers: whole words, spacing,
//! numbers written as digits or words, and units of time.

use nom::branch::alt;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::char;
use nom::combinator::{map, map_res, not, opt, peek, recognize, value, verify};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::expr::{Amount, Unit};
use super::first_word::{Class, FirstWord};

pub type Res<'a, T> = IResult<&'a str, T>;

/// The error a parser returns when the words are there but are not what it wants.
pub fn reject<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Succeeds when the input does not continue a word (end, space, punctuation).
pub fn boundary(input: &str) -> Res<'_, ()> {
    not(peek(take_while_m_n(1, 1, is_word_char))).parse(input)
}

/// A whole word, case-insensitively: `word("may")` does not match "Mayor".
pub fn word<'a>(
    expected: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_ascii(expected), boundary)
}

/// An ASCII literal, case-insensitively. nom's `tag_no_case` folds Unicode case character by
/// character, which dominated the profile; every literal here is ASCII.
pub fn tag_ascii<'a>(expected: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |input: &'a str| {
        let length = expected.len();
        match input.as_bytes().get(..length) {
            Some(head) if head.eq_ignore_ascii_case(expected.as_bytes()) => {
                Ok((&input[length..], &input[..length]))
            }
            _ => reject(input),
        }
    }
}

/// One of several whole words; returns the index of the one matched.
pub fn one_of<'a>(words: &'static [&'static str]) -> impl Fn(&'a str) -> Res<'a, usize> {
    move |input: &'a str| {
        let (rest, token) = take_while1(is_word_char)(input)?;
        words
            .iter()
            .position(|w| w.eq_ignore_ascii_case(token))
            .map(|index| (rest, index))
            .ok_or_else(|| {
                nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag))
            })
    }
}

/// Spacing inside one expression: spaces and tabs, at most one line break.
pub fn space(input: &str) -> Res<'_, ()> {
    let (rest, run) =
        take_while1(|c: char| c == ' ' || c == '\t' || c == '\u{a0}' || c == '\n' || c == '\r')(
            input,
        )?;
    if run.matches('\n').count() > 1 {
        return reject(input);
    }
    Ok((rest, ()))
}

/// A comma with optional spacing around it, or plain spacing.
pub fn comma_or_space(input: &str) -> Res<'_, ()> {
    alt((value((), (opt(space), char(','), opt(space))), space)).parse(input)
}

/// A space or a hyphen, as in "three-day" and "three day".
pub fn space_or_hyphen(input: &str) -> Res<'_, ()> {
    alt((value((), char('-')), space)).parse(input)
}

/// An unsigned number written in digits, without thousands separators.
pub fn digits(input: &str) -> Res<'_, u32> {
    map_res(
        take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

pub const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A cardinal written as a word: "two", "eleven", "thirty-five", "forty".
pub fn number_word(input: &str) -> Res<'_, u32> {
    alt((
        map(
            (one_of(&TENS), char('-'), one_of(&NUMBER_WORDS[1..10])),
            |(tens, _, unit)| (tens as u32 + 2) * 10 + unit as u32 + 1,
        ),
        map(one_of(&TENS), |tens| (tens as u32 + 2) * 10),
        map(one_of(&NUMBER_WORDS), |n| n as u32),
    ))
    .parse(input)
}

/// Words a vague or one-unit amount is written with ("several", "a few", "an").
pub const AMOUNT_WORDS: [&str; 6] = ["a", "an", "several", "few", "many", "some"];

/// Whether `amount` can start where `lead` stands.
pub fn could_be_amount(lead: &Lead) -> bool {
    lead.is_digit()
        || lead.is_one_of(&NUMBER_WORDS)
        || lead.is_one_of(&TENS)
        || lead.is_one_of(&AMOUNT_WORDS)
}

/// A count of time units: digits, a number word, "a"/"an", or a vague amount ("several").
pub fn amount(input: &str) -> Res<'_, Amount> {
    // Tried after many words in running text; the first word says which one form, if any, can
    // match (the forms' first words do not overlap), so the others are not tried.
    let first = FirstWord::of(input);
    if first.lead.is_digit() {
        digit_amount(input)
    } else if first.is(Class::NUMBER) {
        map(number_word, Amount::Exact).parse(input)
    } else if first.is(Class::AMOUNT_WORD) {
        word_amount(input)
    } else {
        reject(input)
    }
}

/// An amount in digits: "35 years".
fn digit_amount(input: &str) -> Res<'_, Amount> {
    map(
        terminated(verify(digits, |n| *n > 0 && *n < 10_000), boundary),
        Amount::Exact,
    )
    .parse(input)
}

/// A vague amount or "a"/"an": "several", "a few", "a couple of", "a".
fn word_amount(input: &str) -> Res<'_, Amount> {
    alt((
        value(
            Amount::Vague,
            alt((
                recognize((word("a"), space, word("few"))),
                recognize((word("a"), space, word("couple"), opt((space, word("of"))))),
                word("several"),
                word("few"),
                word("many"),
                word("some"),
            )),
        ),
        value(Amount::Exact(1), alt((word("a"), word("an")))),
    ))
    .parse(input)
}

/// A unit of time, singular or plural; returns the unit and whether it was plural.
pub fn unit(input: &str) -> Res<'_, (Unit, bool)> {
    // Tried at many words, so it compares bytes in place instead of copying the word.
    let bytes = input.as_bytes();
    let length = letters(bytes);
    let token = &bytes[..length];
    let singular = token
        .strip_suffix(b"s")
        .or_else(|| token.strip_suffix(b"S"))
        .unwrap_or(token);
    let found = UNITS.iter().find_map(|&(name, unit)| {
        (name.len() == singular.len() && name.as_bytes().eq_ignore_ascii_case(singular))
            .then_some(unit)
    });
    match found {
        Some(unit) => Ok((&input[length..], (unit, singular.len() != length))),
        None => reject(input),
    }
}

/// The names `unit` knows, singular (each also with a final "s").
pub fn unit_names() -> impl Iterator<Item = &'static str> {
    UNITS.iter().map(|&(name, _)| name)
}

/// Units of time by their singular (and "centurie", the stem of "centuries").
const UNITS: [(&str, Unit); 13] = [
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("centurie", Unit::Century),
    ("century", Unit::Century),
];

/// The length of the leading run of ASCII letters.
fn letters(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len())
}

/// The leading run of ASCII letters of an input, in lower case, with what kind of character
/// starts the input. Parsers check it before trying their alternatives, so a position where
/// none of their first words stands costs one look instead of dozens of failed words.
pub struct Lead {
    buffer: [u8; 16],
    /// Bytes of the run; runs longer than the buffer are no word any parser starts with.
    length: usize,
    first: Option<u8>,
}

impl Lead {
    pub fn of(input: &str) -> Lead {
        Lead::of_bytes(input.as_bytes())
    }

    /// The lead of text given as bytes, for finders that walk bytes.
    pub fn of_bytes(bytes: &[u8]) -> Lead {
        let length = letters(bytes);
        let mut buffer = [0; 16];
        if length <= buffer.len() {
            for (lower, byte) in buffer.iter_mut().zip(bytes) {
                *lower = byte.to_ascii_lowercase();
            }
        }
        Lead {
            buffer,
            length,
            first: bytes.first().copied(),
        }
    }

    /// The run of letters in lower case; empty when it is longer than any word looked for.
    pub fn lower(&self) -> &[u8] {
        self.buffer.get(..self.length).unwrap_or_default()
    }

    /// The length in bytes of the run of letters (also when it is too long to look up).
    pub fn len(&self) -> usize {
        self.length
    }

    /// Whether the run of letters is one of `words` (lower-case ASCII, at most 16 bytes).
    pub fn is_one_of(&self, words: &[&str]) -> bool {
        let lower = self.lower();
        words.iter().any(|word| word.as_bytes() == lower)
    }

    /// Whether the input starts with an ASCII digit.
    pub fn is_digit(&self) -> bool {
        self.first.is_some_and(|b| b.is_ascii_digit())
    }

    /// Whether the input starts with an ASCII capital.
    pub fn is_capitalised(&self) -> bool {
        self.first.is_some_and(|b| b.is_ascii_uppercase())
    }
}

/// One of several whole words, each with its value: what `alt` of `value(v, word(w))` finds,
/// in one look at the leading letters. The words are lower-case ASCII letters.
pub fn word_in<'a, T: Clone>(
    table: &'static [(&'static str, T)],
) -> impl Fn(&'a str) -> Res<'a, T> {
    move |input: &'a str| {
        let lead = Lead::of(input);
        let rest = &input[lead.len()..];
        match table
            .iter()
            .find(|(word, _)| word.as_bytes() == lead.lower())
        {
            Some((_, found)) if boundary(rest).is_ok() => Ok((rest, found.clone())),
            _ => reject(input),
        }
    }
}

/// The words of a `word_in` table, for the first-word checks.
pub const fn words_of<T: Copy, const N: usize>(
    table: &[(&'static str, T); N],
) -> [&'static str; N] {
    let mut words = [""; N];
    let mut index = 0;
    while index < N {
        words[index] = table[index].0;
        index += 1;
    }
    words
}

/// After a leading "the" and the spacing that follows it, the rest of `input` and its lead:
/// forms that may begin with "the" are told apart by the word after it.
pub fn after_the(input: &str) -> Option<(&str, Lead)> {
    let rest = input
        .get(..3)?
        .eq_ignore_ascii_case("the")
        .then(|| &input[3..])?;
    if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t', '\u{a0}', '\n', '\r']);
    Some((rest, Lead::of(rest)))
}

/// Runs `parser` only when `possible` is true: the gate a parser's first-word check opens.
pub fn when<'a, T>(
    possible: bool,
    parser: impl Fn(&'a str) -> Res<'a, T>,
) -> impl Fn(&'a str) -> Res<'a, T> {
    move |input| {
        if possible {
            parser(input)
        } else {
            reject(input)
        }
    }
}

/// A form with its gate: whether its first-word check lets it try the input.
pub type Gated<'a, T> = (bool, fn(&'a str) -> Res<'a, T>);

/// What `alt` of `when(open, form)`s finds, the first open form that matches, without calling
/// the closed ones: each call through nom's `alt` cost more than most closed forms save.
pub fn first_open<'a, T>(input: &'a str, forms: &[Gated<'a, T>]) -> Res<'a, T> {
    forms
        .iter()
        .filter(|(open, _)| *open)
        .find_map(|(_, form)| form(input).ok())
        .map_or_else(|| reject(input), Ok)
}

/// An ordinal suffix after a day number: "17th", "1st", "22nd".
pub fn ordinal_suffix(input: &str) -> Res<'_, ()> {
    value(
        (),
        alt((
            tag_ascii("st"),
            tag_ascii("nd"),
            tag_ascii("rd"),
            tag_ascii("th"),
        )),
    )
    .parse(input)
}

pub const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// An ordinal written as a word or with digits: "third", "3rd".
pub fn ordinal(input: &str) -> Res<'_, u32> {
    alt((
        map(one_of(&ORDINALS), |n| n as u32 + 1),
        terminated(digits, terminated(ordinal_suffix, boundary)),
    ))
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_is_the_first_run_of_letters() {
        let lead = Lead::of("Mid-2025");
        assert_eq!(lead.lower(), b"mid");
        assert!(lead.is_capitalised() && !lead.is_digit());
        assert!(lead.is_one_of(&["early", "mid"]));
        let lead = Lead::of("2025");
        assert!(lead.is_digit() && lead.lower().is_empty());
        assert!(Lead::of("").lower().is_empty());
        let long = Lead::of("internationalisation");
        assert_eq!(long.len(), 20);
        assert!(long.lower().is_empty());
    }

    #[test]
    fn a_word_table_finds_what_its_words_find() {
        const TABLE: [(&str, u8); 5] =
            [("late", 0), ("later", 1), ("mid", 2), ("the", 3), ("a", 4)];
        crate::extract::samples::for_each_sample_start(|input| {
            let one_by_one = TABLE
                .iter()
                .find_map(|&(w, v)| word(w).parse(input).ok().map(|(rest, _)| (rest, v)));
            assert_eq!(word_in(&TABLE)(input).ok(), one_by_one, "at {input:.40?}");
        });
        assert_eq!(word_in(&TABLE)("Later, he"), Ok((", he", 1)));
        assert!(word_in(&TABLE)("lateral").is_err());
        assert!(word_in(&TABLE)("mid2025").is_err());
        assert!(word_in(&TABLE)("theé").is_err());
        assert_eq!(words_of(&TABLE), ["late", "later", "mid", "the", "a"]);
    }

    #[test]
    fn words_respect_boundaries() {
        assert!(word("may").parse("May 5").is_ok());
        assert!(word("may").parse("Mayor").is_err());
        assert!(word("day").parse("day-long").is_ok());
    }

    #[test]
    fn first_word_gates_change_nothing() {
        fn every_form(input: &str) -> Res<'_, Amount> {
            alt((digit_amount, map(number_word, Amount::Exact), word_amount)).parse(input)
        }
        crate::extract::samples::assert_gates_change_nothing(amount, every_form, 100);
    }

    #[test]
    fn amounts_in_words_and_digits() {
        assert_eq!(amount("two weeks").unwrap().1, Amount::Exact(2));
        assert_eq!(amount("35 years").unwrap().1, Amount::Exact(35));
        assert_eq!(amount("thirty-five years").unwrap().1, Amount::Exact(35));
        assert_eq!(amount("a decade").unwrap().1, Amount::Exact(1));
        assert_eq!(amount("several years").unwrap().1, Amount::Vague);
        assert_eq!(amount("a few days").unwrap().1, Amount::Vague);
        assert_eq!(amount("a couple of weeks").unwrap().1, Amount::Vague);
    }

    #[test]
    fn units_singular_and_plural() {
        assert_eq!(unit("weeks ago").unwrap().1, (Unit::Week, true));
        assert_eq!(unit("day-long").unwrap().1, (Unit::Day, false));
        assert_eq!(unit("centuries").unwrap().1, (Unit::Century, true));
        assert!(unit("dayton").is_err());
    }

    #[test]
    fn spacing_allows_one_line_break() {
        assert!(space(" \n ").is_ok());
        assert!(space("\n\n").is_err());
    }
}
