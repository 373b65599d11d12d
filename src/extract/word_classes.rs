//! One look-up per word for every finder that tests each word of an article: which words may
//! start a KB phrase, anchor a temporal expression, be an ordinal or be a unit of time.
//!
//! Each of those finders has an exact first test of its own, and each used to run it on every
//! word: four passes, about 300 instructions a word. Here one pass hashes each word once (its
//! first eight bytes, lowercased, and its length) into a table of class bits, and each finder
//! runs its own test only on the words of its class (in the seed articles, at most one word in
//! six for the phrases, about one in twenty for each temporal finder). The table lets
//! through every word a finder's own test could accept (words it cannot judge by their hash,
//! such as "G20" or "février", go to every temporal finder), so what the finders find does not
//! change.

use std::sync::LazyLock;

use super::phrase_set::{Gates, KEY_BITS, LOWERCASE_BITS, bit_of, head_word};
use super::word_starts::{HIGH_BITS, WordStarts, letter_bytes};
use super::{event, interval, prescan};

/// May start a phrase of the word pass ([`super::word_matches`]).
const PHRASE: u8 = 1;
/// May anchor a temporal expression ([`prescan::anchors_among`]).
const ANCHOR: u8 = 2;
/// May start an event ordinal ("third summit").
const ORDINAL: u8 = 4;
/// May be a unit of time ("years"), ending a length.
const UNIT: u8 = 8;
/// The classes whose words are fixed (not from the KB), each judged on a run of letters.
const TEMPORAL: u8 = ANCHOR | ORDINAL | UNIT;

/// Class bits per word hash ([`bit_of`]), for one KB's phrases.
pub struct WordTable {
    classes: Box<[u8]>,
    /// A bit per slot of `classes`, set where it is not empty: an eighth of its size, so that
    /// the test most words fail on stays in the first-level cache.
    occupied: Box<[u64]>,
}

/// The words of an article ([`WordStarts`] indexes) each finder is to test, in text order.
#[derive(Debug, Default)]
pub struct Classified {
    pub phrases: Vec<usize>,
    pub anchors: Vec<usize>,
    pub ordinals: Vec<usize>,
    pub units: Vec<usize>,
}

/// The temporal classes' words, the same for every KB.
static TEMPORAL_TABLE: LazyLock<Box<[u8]>> = LazyLock::new(|| {
    let mut classes = vec![0; KEY_BITS].into_boxed_slice();
    let mut add = |word: &str, class: u8| {
        let word = word.to_ascii_lowercase();
        classes[bit_of(head_word(word.as_bytes()) | LOWERCASE_BITS, word.len())] |= class;
    };
    for word in prescan::anchor_words() {
        add(word, ANCHOR);
        // A plural "s" after an anchor word still anchors ("Mondays").
        add(&format!("{word}s"), ANCHOR);
    }
    event::ordinal_words().for_each(|word| add(word, ORDINAL));
    interval::unit_words()
        .iter()
        .for_each(|word| add(word, UNIT));
    classes
});

impl std::fmt::Debug for WordTable {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self.classes.iter().filter(|&&class| class != 0).count();
        write!(
            formatter,
            "WordTable {{ {used} of {} slots used }}",
            self.classes.len()
        )
    }
}

impl WordTable {
    /// The table for the phrase sets `gates` lets through, and the temporal words.
    pub fn new(gates: &Gates) -> WordTable {
        let mut classes = TEMPORAL_TABLE.clone();
        for bit in gates.key_bits() {
            classes[bit] |= PHRASE;
        }
        let mut occupied = vec![0; KEY_BITS / 64].into_boxed_slice();
        for (slot, _) in classes.iter().enumerate().filter(|&(_, &class)| class != 0) {
            occupied[slot / 64] |= 1 << (slot % 64);
        }
        WordTable { classes, occupied }
    }

    /// Sorts the words of `words` into the finders' lists. `gates` are the ones the table was
    /// built from: a phrase may also match the start of a longer word ("anniv" in
    /// "anniversary"), which the word's own hash cannot tell.
    pub fn classify(&self, text: &str, words: &WordStarts, gates: &Gates) -> Classified {
        let bytes = &text.as_bytes()[..words.range().end];
        let mut classified = Classified::default();
        for (index, (start, run)) in words.words().enumerate() {
            let word = &bytes[start..];
            let head = head_word(word);
            let slot = bit_of(head | LOWERCASE_BITS, run);
            let mut class = if self.occupied[slot / 64] & (1 << (slot % 64)) != 0 {
                self.classes[slot]
            } else {
                0
            };
            if !is_plain(bytes, start, run, head) {
                class |= TEMPORAL;
            }
            if class & PHRASE == 0
                && gates.may_start_shorter(head, run)
                && gates.may_match_shorter(word, run)
            {
                class |= PHRASE;
            }
            if class == 0 {
                continue;
            }
            let lists = [
                (PHRASE, &mut classified.phrases),
                (ANCHOR, &mut classified.anchors),
                (ORDINAL, &mut classified.ordinals),
                (UNIT, &mut classified.units),
            ];
            for (bit, list) in lists {
                if class & bit != 0 {
                    list.push(index);
                }
            }
        }
        classified
    }
}

/// Whether the temporal finders can judge the word at `start` by its hash: a run of up to 16
/// ASCII letters (no digit, so the run of letters they test is the whole run) that no letter
/// beyond ASCII goes on ("févr-ier" starts with the run "f").
#[inline]
fn is_plain(bytes: &[u8], start: usize, run: usize, head: u64) -> bool {
    let all_letters = |chunk: u64, length: usize| {
        let wanted = HIGH_BITS & (u64::MAX >> (64 - 8 * length.min(8)));
        letter_bytes(chunk) & wanted == wanted
    };
    run <= 16
        && all_letters(head, run)
        && (run <= 8 || all_letters(head_word(&bytes[start + 8..]), run - 8))
        && bytes.get(start + run).is_none_or(|&byte| byte < 0x80)
}

#[cfg(test)]
mod tests;
