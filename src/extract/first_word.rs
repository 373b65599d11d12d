//! The first word at a place the scan tries, classified once: which of the word lists the
//! mention parsers' first-word gates ask about it is in ("last" is a shift, a day-offset word
//! and a quarter word), and the same for the word after a leading "the".
//!
//! The gates looked the word up list by list, parser by parser, and each parser took its own
//! `Lead` of the input first; that cost more than the parsing at most places. Here one look-up
//! in a `WordSet` gives every class at once, and the scan hands the one `FirstWord` to every
//! parser.

use std::ops::BitOr;
use std::sync::LazyLock;

use chrono::Weekday;

use super::duration::{FRAMES, SET_WORDS, VAGUE_WORDS};
use super::lexicon::{AMOUNT_WORDS, Lead, NUMBER_WORDS, ORDINALS, TENS, after_the, unit_names};
use super::relative::{
    APPROXIMATIONS, DAY_OFFSET_WORDS, PARTS, QUARTER_WORDS, REFERENCE_WORDS, SEASONS, SHIFTS,
    THE_PART_WORDS, THE_REFERENCE_WORDS,
};
use super::word_set::WordSet;
use crate::time::names::{english_month, english_weekday, month_and_weekday_words};

/// Classes of first words, one bit each; `a | b` is either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class(u32);

impl Class {
    pub const SHIFT: Class = Class(1);
    pub const PART: Class = Class(1 << 1);
    pub const APPROXIMATION: Class = Class(1 << 2);
    /// A cardinal in words, "two" or "forty".
    pub const NUMBER: Class = Class(1 << 3);
    /// "a", "several" …: the words of a vague or one-unit amount.
    pub const AMOUNT_WORD: Class = Class(1 << 4);
    pub const ORDINAL: Class = Class(1 << 5);
    pub const SEASON: Class = Class(1 << 6);
    pub const DAY_OFFSET: Class = Class(1 << 7);
    /// Words that may come before "quarter": "this", "latest" …
    pub const QUARTER: Class = Class(1 << 8);
    pub const REFERENCE: Class = Class(1 << 9);
    /// "beginning", "start", "end", after "the".
    pub const THE_PART: Class = Class(1 << 10);
    /// "past", "future", "coming", after "the".
    pub const THE_REFERENCE: Class = Class(1 << 11);
    pub const WEEKEND: Class = Class(1 << 12);
    /// "every", "daily" …: the first words of a repetition.
    pub const SET: Class = Class(1 << 13);
    /// "past", "first" …: the words that frame a duration.
    pub const FRAME: Class = Class(1 << 14);
    /// "recent", "coming": a duration of an unstated number of units.
    pub const VAGUE: Class = Class(1 << 15);
    pub const THE: Class = Class(1 << 16);
    /// An English month name or abbreviation, as `english_month` knows them.
    pub const MONTH: Class = Class(1 << 17);
    /// An English weekday name or abbreviation, as `english_weekday` knows them.
    pub const WEEKDAY: Class = Class(1 << 18);
    /// A unit of time, singular or plural, as `unit` knows them.
    pub const UNIT: Class = Class(1 << 19);
}

/// Above the classes, a month name's number (1 to 12) ...
const MONTH_SHIFT: u32 = 20;
/// ... and a weekday name's (1 to 7, from Monday), so that the name parsers read them from
/// the one look-up instead of comparing the name with every month's.
const WEEKDAY_SHIFT: u32 = 24;
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
/// The bits of the classes, below the numbers.
const CLASS_BITS: u32 = (1 << MONTH_SHIFT) - 1;

impl BitOr for Class {
    type Output = Class;

    fn bitor(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

/// The word lists of the gates, each with its class.
const LISTS: &[(&[&str], Class)] = &[
    (&SHIFTS, Class::SHIFT),
    (&PARTS, Class::PART),
    (&APPROXIMATIONS, Class::APPROXIMATION),
    (&NUMBER_WORDS, Class::NUMBER),
    (&TENS, Class::NUMBER),
    (&AMOUNT_WORDS, Class::AMOUNT_WORD),
    (&ORDINALS, Class::ORDINAL),
    (&SEASONS, Class::SEASON),
    (&DAY_OFFSET_WORDS, Class::DAY_OFFSET),
    (&QUARTER_WORDS, Class::QUARTER),
    (&REFERENCE_WORDS, Class::REFERENCE),
    (&THE_PART_WORDS, Class::THE_PART),
    (&THE_REFERENCE_WORDS, Class::THE_REFERENCE),
    (&["weekend"], Class::WEEKEND),
    (&SET_WORDS, Class::SET),
    (&FRAMES, Class::FRAME),
    (&VAGUE_WORDS, Class::VAGUE),
    (&["the"], Class::THE),
];

/// Every classified word with its classes; built once, an immutable table like a `const`.
static CLASSES: LazyLock<WordSet> = LazyLock::new(|| {
    let listed = LISTS
        .iter()
        .flat_map(|&(words, Class(bits))| words.iter().map(move |&word| (word, bits)));
    // The English names are among the pre-scan's month and weekday words, beside "tues",
    // "thur" and "thurs".
    let names = month_and_weekday_words()
        .chain(["tues", "thur", "thurs"])
        .filter_map(|word| {
            let month = english_month(word).map(|month| Class::MONTH.0 | month << MONTH_SHIFT);
            let weekday = english_weekday(word)
                .map(|day| Class::WEEKDAY.0 | day.number_from_monday() << WEEKDAY_SHIFT);
            month.or(weekday).map(|bits| (word, bits))
        });
    // `unit` takes a unit's name with or without a final "s".
    let plurals: Vec<String> = unit_names().map(|name| format!("{name}s")).collect();
    let mut words: Vec<(&str, u32)> = listed.chain(names).collect();
    words.extend(unit_names().map(|word| (word, Class::UNIT.0)));
    words.extend(plurals.iter().map(|word| (word.as_str(), Class::UNIT.0)));
    WordSet::with_bits(words)
});

/// The classes of the run of letters `lead` found at the start of `bytes`.
fn classes_of(bytes: &[u8], lead: &Lead) -> u32 {
    CLASSES.bits_of_prefix(bytes, lead.len()) & CLASS_BITS
}

/// The English month the first `length` bytes of `bytes` name (ASCII letters in any case), as
/// `english_month` finds it for a word without a period.
pub fn month_of(bytes: &[u8], length: usize) -> Option<u32> {
    let month = CLASSES.bits_of_prefix(bytes, length) >> MONTH_SHIFT & 0xf;
    (month != 0).then_some(month)
}

/// The English weekday the first `length` bytes of `bytes` name (ASCII letters in any case),
/// as `english_weekday` finds it for a word without a period.
pub fn weekday_of(bytes: &[u8], length: usize) -> Option<Weekday> {
    let day = CLASSES.bits_of_prefix(bytes, length) >> WEEKDAY_SHIFT & 0x7;
    WEEKDAYS
        .get(usize::try_from(day).ok()?.checked_sub(1)?)
        .copied()
}

/// The first word of an input with its classes, and after a leading "the" the next word's.
pub struct FirstWord<'a> {
    pub lead: Lead,
    classes: u32,
    the: Option<(&'a str, Lead, u32)>,
}

impl<'a> FirstWord<'a> {
    pub fn of(input: &'a str) -> FirstWord<'a> {
        let lead = Lead::of(input);
        let classes = classes_of(input.as_bytes(), &lead);
        let the = if classes & Class::THE.0 != 0 {
            after_the(input).map(|(rest, next)| {
                let classes = classes_of(rest.as_bytes(), &next);
                (rest, next, classes)
            })
        } else {
            None
        };
        FirstWord { lead, classes, the }
    }

    /// Whether the word is in one of `class`'s lists.
    pub fn is(&self, class: Class) -> bool {
        self.classes & class.0 != 0
    }

    /// Whether the input is "the" and a word of one of `class`'s lists.
    pub fn the_then(&self, class: Class) -> bool {
        self.the
            .as_ref()
            .is_some_and(|&(_, _, classes)| classes & class.0 != 0)
    }

    /// After a leading "the" and the spacing that follows it, the rest of the input and its
    /// lead, as `after_the` finds them.
    pub fn after_the(&self) -> Option<(&'a str, &Lead)> {
        self.the.as_ref().map(|(rest, next, _)| (*rest, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::unit;
    use crate::extract::samples::for_each_sample_start;

    /// What a list-by-list look-up finds: the classes of the words `lead` is one of.
    fn classes_by_lists(lead: &Lead) -> u32 {
        let listed = LISTS
            .iter()
            .filter(|(words, _)| lead.is_one_of(words))
            .fold(0, |bits, (_, Class(class))| bits | class);
        let run = std::str::from_utf8(lead.lower()).unwrap_or_default();
        let month = english_month(run).map_or(0, |_| Class::MONTH.0);
        let weekday = english_weekday(run).map_or(0, |_| Class::WEEKDAY.0);
        let unit = unit(run).map_or(0, |_| Class::UNIT.0);
        listed | month | weekday | unit
    }

    #[test]
    fn one_look_up_finds_what_the_lists_find() {
        let mut classified = 0;
        for_each_sample_start(|input| {
            let first = FirstWord::of(input);
            let expected = classes_by_lists(&first.lead);
            classified += usize::from(expected != 0);
            assert_eq!(first.classes, expected, "at {input:.40?}");
            let the = after_the(input);
            assert_eq!(
                first.after_the().map(|(rest, _)| rest),
                the.as_ref().map(|(rest, _)| *rest),
                "at {input:.40?}"
            );
            if let (Some((_, _, classes)), Some((_, next))) = (&first.the, &the) {
                assert_eq!(*classes, classes_by_lists(next), "at {input:.40?}");
            }
        });
        assert!(classified > 500, "{classified} classified");
        for word in ["Sept", "TUES", "thurs", "Dec", "may"] {
            let first = FirstWord::of(word);
            assert!(first.is(Class::MONTH | Class::WEEKDAY), "{word}");
        }
        assert!(!FirstWord::of("Mayor").is(Class::MONTH));
    }

    #[test]
    fn the_numbers_of_names_are_those_of_the_name_tables() {
        let mut named = 0;
        let mut check = |run: &str| {
            let bytes = run.as_bytes();
            assert_eq!(month_of(bytes, run.len()), english_month(run), "{run:?}");
            assert_eq!(
                weekday_of(bytes, run.len()),
                english_weekday(run),
                "{run:?}"
            );
            named += usize::from(english_month(run).is_some() || english_weekday(run).is_some());
        };
        for_each_sample_start(|input| {
            let run: String = input
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            check(&run);
        });
        for word in month_and_weekday_words().chain(["TUES", "Thur", "thurs", "SEPT", "Mayo"]) {
            check(word);
        }
        assert!(named > 100, "{named} names");
    }
}
