//! The tense a date is spoken of in: "met on Friday" is the Friday before publication,
//! "will meet on Friday" the one after. The verb nearest the date in its sentence decides.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No verb settled it; news convention reads such dates as past.
    Unknown,
}

const FUTURE_MARKERS: &[&str] = &[
    "will", "won't", "shall", "would", "'ll", "upcoming", "intends", "aims", "hopes", "tomorrow",
    "next", "coming", "awaits", "await", "ahead",
];

/// Words that speak of the future only before "to" or "for": "set to meet", "due for talks",
/// but "set Friday as the deadline" and "planned a rally" are past.
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "expected",
    "scheduled",
    "planned",
    "planning",
    "plans",
    "plan",
    "due",
    "set",
    "slated",
    "poised",
];

const PAST_MARKERS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "made",
    "took",
    "went",
    "came",
    "held",
    "began",
    "left",
    "gave",
    "saw",
    "spoke",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "paid",
    "led",
    "ran",
    "became",
    "brought",
    "found",
    "got",
    "hit",
    "kept",
    "put",
    "sent",
    "set off",
    "struck",
    "thought",
    "wrote",
    "yesterday",
    "ago",
    "last",
    "earlier",
    "previous",
    "former",
    "late",
    "flew",
    "won",
    "broke",
    "chose",
    "drew",
    "drove",
    "grew",
    "knew",
    "meant",
    "shook",
    "stood",
    "threw",
    "wore",
    "sat",
    "felt",
    "heard",
    "signed",
    "ended",
    "died",
];

fn is_past_form(word: &str) -> bool {
    PAST_MARKERS.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && !FUTURE_MARKERS.contains(&word))
}

/// The sentence around `span`: bounded by ".", "!", "?" followed by a space, or a blank line.
pub fn sentence(text: &str, span: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_end = |i: usize| {
        matches!(bytes[i], b'!' | b'?' | b'\n')
            || (bytes[i] == b'.'
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                && !abbreviation_before(text, i))
    };
    // Runs once per mention over the whole sentence: a plain byte test passes over most
    // bytes before the full test of a sentence end.
    let could_end = |b: &u8| matches!(b, b'!' | b'?' | b'\n' | b'.');
    let mut cursor = span.start;
    let start = loop {
        match bytes[..cursor].iter().rposition(could_end) {
            Some(i) if is_end(i) => break i + 1,
            Some(i) => cursor = i,
            None => break 0,
        }
    };
    let mut cursor = span.end;
    let end = loop {
        match bytes[cursor..].iter().position(could_end) {
            Some(i) if is_end(cursor + i) => break cursor + i,
            Some(i) => cursor += i + 1,
            None => break bytes.len(),
        }
    };
    start..end
}

/// "Dec." and "Sept." end abbreviations, not sentences.
fn abbreviation_before(text: &str, period: usize) -> bool {
    let before = &text[..period];
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Gen"
            | "U"
            | "S"
            | "p"
            | "a"
            | "m"
            | "No"
    )
}

/// The tense of a mention, read from its sentence the first time it is asked for: most dates
/// carry their year and never need it.
#[derive(Debug)]
pub struct LazyTense<'a> {
    text: &'a str,
    span: Range<usize>,
    tense: OnceCell<Tense>,
}

impl<'a> LazyTense<'a> {
    /// The tense of `text[span]`, not read yet.
    pub fn new(text: &'a str, span: Range<usize>) -> LazyTense<'a> {
        LazyTense {
            text,
            span,
            tense: OnceCell::new(),
        }
    }

    /// A tense already known (in tests).
    #[cfg(test)]
    pub fn known(tense: Tense) -> LazyTense<'static> {
        LazyTense {
            text: "",
            span: 0..0,
            tense: OnceCell::from(tense),
        }
    }

    pub fn get(&self) -> Tense {
        *self.tense.get_or_init(|| tense_at(self.text, &self.span))
    }
}

/// The tense of the verb nearest to `span` within its sentence.
fn tense_at(text: &str, span: &Range<usize>) -> Tense {
    let sentence = sentence(text, span);
    let before = &text[sentence.start..span.start];
    let after = &text[span.end..sentence.end];
    // Words are read outward from the date as the walk needs them: most dates find their
    // verb within a few words, so the rest of the sentence is never split or lower-cased.
    let is_separator = |c: char| !(c.is_alphanumeric() || c == '\'');
    let mut backward = before.rsplit(is_separator).filter(|w| !w.is_empty());
    let mut forward = after
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .peekable();
    // Walk outward from the date, alternating sides, nearest word first; a word's next word
    // is the one after it in the text (for a word before the date, the one nearer the date).
    let mut nearer: Option<&str> = None;
    loop {
        let (back, ahead) = (backward.next(), forward.next());
        if back.is_none() && ahead.is_none() {
            return Tense::Unknown;
        }
        if let Some(word) = back {
            if let Some(tense) = tense_of(word, nearer) {
                return tense;
            }
            nearer = Some(word);
        }
        if let Some(word) = ahead
            && let Some(tense) = tense_of(word, forward.peek().copied())
        {
            return tense;
        }
    }
}

/// The tense `word` speaks in, if any; `next` is the word after it in the text.
fn tense_of(word: &str, next: Option<&str>) -> Option<Tense> {
    // Most words are in no list: told from the first letter and the length, so that only
    // the suffix rules remain and the word is never lower-cased.
    if word.is_ascii() && !could_be_marker(word) {
        return if ends_with_ignoring_case(word, "'ll") {
            Some(Tense::Future)
        } else if word.len() > 4 && ends_with_ignoring_case(word, "ed") {
            Some(Tense::Past)
        } else {
            None
        };
    }
    let word = lower_case(word);
    let word = word.as_ref();
    if FUTURE_BEFORE_TO.contains(&word) {
        let before_to =
            next.is_some_and(|n| n.eq_ignore_ascii_case("to") || n.eq_ignore_ascii_case("for"));
        return before_to.then_some(Tense::Future);
    }
    if FUTURE_MARKERS.contains(&word) || word.ends_with("'ll") {
        Some(Tense::Future)
    } else if is_past_form(word) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// Per first and last ASCII letter, bit `n` set when a word of the marker lists is `n` bytes
/// long, starts with the first and ends with the last ("with" and "has" share a first letter
/// and a length with "will" and "had", but not a last letter).
const MARKER_LENGTHS: [[u32; 26]; 26] =
    marker_lengths(&[FUTURE_MARKERS, FUTURE_BEFORE_TO, PAST_MARKERS]);

const fn marker_lengths(lists: &[&[&str]]) -> [[u32; 26]; 26] {
    let mut lengths = [[0; 26]; 26];
    let mut list = 0;
    while list < lists.len() {
        let mut index = 0;
        while index < lists[list].len() {
            let word = lists[list][index].as_bytes();
            let (first, last) = (word[0], word[word.len() - 1]);
            if first.is_ascii_lowercase() && last.is_ascii_lowercase() && word.len() < 32 {
                lengths[(first - b'a') as usize][(last - b'a') as usize] |= 1 << word.len();
            }
            index += 1;
        }
        list += 1;
    }
    lengths
}

/// Whether an ASCII `word` may be in a marker list, in any case.
fn could_be_marker(word: &str) -> bool {
    let bytes = word.as_bytes();
    let first = bytes[0].to_ascii_lowercase();
    let last = bytes[bytes.len() - 1].to_ascii_lowercase();
    first.is_ascii_lowercase()
        && last.is_ascii_lowercase()
        && word.len() < 32
        && MARKER_LENGTHS[usize::from(first - b'a')][usize::from(last - b'a')] & (1 << word.len())
            != 0
}

fn ends_with_ignoring_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// A word in lower case, borrowed when it already is (as most words are).
fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(text: &str, date: &str) -> Tense {
        let start = text.find(date).unwrap();
        tense_at(text, &(start..start + date.len()))
    }

    #[test]
    fn verbs_decide_the_tense() {
        assert_eq!(
            tense("The two leaders met on Friday in Seoul.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense("The two leaders will meet on Friday in Seoul.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "Lee, who took office in June, will visit Tokyo on Friday.",
                "Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("He said Monday he will travel Thursday.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense("He said Monday he will travel Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("The summit is scheduled for Sunday.", "Sunday"),
            Tense::Future
        );
        assert_eq!(tense("Talks on Sunday.", "Sunday"), Tense::Unknown);
        assert_eq!(
            tense(
                "The agency had ruled, and set Friday as the deadline.",
                "Friday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("They are set to meet on Friday.", "Friday"),
            Tense::Future
        );
    }

    #[test]
    fn every_marker_passes_the_first_letter_and_length_test() {
        let lists = [FUTURE_MARKERS, FUTURE_BEFORE_TO, PAST_MARKERS];
        for word in lists
            .into_iter()
            .flatten()
            .filter(|w| w.starts_with(char::is_alphabetic))
        {
            assert!(could_be_marker(word), "{word}");
            assert!(could_be_marker(&word.to_uppercase()), "{word}");
        }
        for word in ["the", "and", "with", "has", "his", "that", "Kishida"] {
            assert!(!could_be_marker(word), "{word}");
        }
    }

    #[test]
    fn capitals_and_suffixes_keep_their_tense() {
        assert_eq!(tense("WILL MEET ON FRIDAY.", "FRIDAY"), Tense::Future);
        assert_eq!(tense("They Met On Friday.", "Friday"), Tense::Past);
        assert_eq!(tense("Lee Announced Friday.", "Friday"), Tense::Past);
        assert_eq!(tense("We'll see Friday.", "Friday"), Tense::Future);
        assert_eq!(tense("Seoul PLANNED Friday.", "Friday"), Tense::Unknown);
        assert_eq!(
            tense("Seoul is DUE FOR talks Friday.", "Friday"),
            Tense::Future
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "It was signed on Dec. 18, 1965. Then it rained.";
        let start = text.find("18").unwrap();
        assert_eq!(
            &text[sentence(text, &(start..start + 2))],
            "It was signed on Dec. 18, 1965"
        );
    }
}
