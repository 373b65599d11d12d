//! Literal phrases (KB names, title words, anchor words) found in text exactly as aho-corasick's
//! leftmost-longest, ASCII-case-insensitive search finds them, keeping only matches that start
//! a word; built in a hash table instead of an automaton.
//!
//! Why not the automaton: the DFA over every spelling of every KB name took about 200 million
//! instructions to build, half of checking a small corpus, and even a DFA visits every byte.
//! Here patterns are grouped by their first run of ASCII letters and digits (lowercased), so a
//! search looks up one key per word start, behind a table of first bytes and lengths that
//! rejects most words without hashing.
//!
//! The search is the automaton's, not an approximation of it: matches do not overlap, and a
//! match starting inside a word (which callers reject) still hides what it covers. Such a match
//! is looked for only where it could matter, in the few bytes before each match found at a word
//! start; when one covers that start, the rest is searched position by position.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::word_starts::{HIGH_BITS, LOW_BITS, WordStarts, run_length};

/// Phrases to find; see the module documentation.
#[derive(Debug)]
pub struct PhraseSet {
    patterns: Vec<Box<[u8]>>,
    /// Lowercased first ASCII-alphanumeric run → patterns with that run, longest first.
    by_key: HashMap<Box<[u8]>, Vec<Member>, BuildHasherDefault<Fnv>>,
    gates: Gates,
    longest: usize,
}

/// The tests a word start must pass before any key is looked up: of one set, or, from
/// [`Gates::union`], of several sets searched in one pass, where they let through every word
/// any of the sets could match.
#[derive(Clone, Debug)]
pub struct Gates {
    /// Per [`pair`] of a key's first two bytes, bit `n` (31 for 31 and more): a key of length
    /// `n` starts so.
    key_lengths: Box<[u32]>,
    /// The same for patterns that are a run alone ("anniv"), which can match the start of a
    /// longer run ("anniversary").
    whole_run_lengths: Box<[u32]>,
    /// Some pattern is a run alone.
    any_whole_run: bool,
    /// Per [`triple`] of a word's first three bytes, a bit: some pattern that is a run alone
    /// starts so (or is shorter and starts as the first one or two do).
    whole_run_triples: Box<[u64]>,
    /// Bits set at [`key_bit`] of every key.
    key_bits: Box<[u64]>,
    /// Per first byte that is not an ASCII letter or digit ("Ö"): whether a pattern starts so.
    other_first_bytes: [bool; 256],
    /// Some pattern starts with such a byte.
    any_other_first: bool,
    /// Some pattern starts with such a byte that is ASCII ("'t Hooft").
    any_ascii_other_first: bool,
}

/// A pattern in its key's group, with a first test on what follows the key: a name's group
/// ("kim") can hold dozens of spellings, and most differ from the text within eight bytes.
#[derive(Debug)]
struct Member {
    index: usize,
    /// The first eight bytes after the key, with [`LOWERCASE_BITS`] set, zero past the end…
    head: u64,
    /// …and which of them the pattern has.
    mask: u64,
}

impl Member {
    /// Whether the pattern may go on as `rest_head` does ([`head_word`] of the text after the
    /// key, with [`LOWERCASE_BITS`] set): setting the case bit maps each letter to one byte
    /// and a few other bytes onto others, so a pattern that matches always passes.
    #[inline]
    fn may_follow(&self, rest_head: u64) -> bool {
        rest_head & self.mask == self.head
    }
}

/// A match: its bytes in the searched text, and the index of its pattern.
pub type PhraseMatch = (Range<usize>, usize);

impl PhraseSet {
    /// The set of `patterns`, indexed in this order; a pattern equal to an earlier one (ignoring
    /// ASCII case) is never reported, as in the automaton.
    pub fn new<P: AsRef<str>>(patterns: impl IntoIterator<Item = P>) -> PhraseSet {
        let mut set = PhraseSet {
            patterns: Vec::new(),
            by_key: HashMap::default(),
            gates: Gates::none(),
            longest: 0,
        };
        for pattern in patterns {
            let bytes = pattern.as_ref().as_bytes();
            if bytes.is_empty() {
                continue;
            }
            let index = set.patterns.len();
            set.patterns.push(bytes.into());
            set.longest = set.longest.max(bytes.len());
            let key = set.gates.add(bytes);
            let rest = &bytes[key.len()..];
            let mask = u64::MAX
                .checked_shr(64 - 8 * rest.len().min(8) as u32)
                .unwrap_or(0);
            let head = (head_word(rest) | LOWERCASE_BITS) & mask;
            let member = Member { index, head, mask };
            set.by_key.entry(key.into()).or_default().push(member);
        }
        for group in set.by_key.values_mut() {
            // Longest first; among equal lengths the earliest pattern, which the automaton reports.
            group.sort_by_key(|member| std::cmp::Reverse(set.patterns[member.index].len()));
        }
        set
    }

    /// The longest pattern that `text[at..end]` starts with, as (end, pattern).
    pub fn longest_at(&self, text: &str, at: usize, end: usize) -> Option<(usize, usize)> {
        let haystack = &text.as_bytes()[at..end];
        self.longest_in(haystack, run_length(haystack))
            .map(|(length, index)| (at + length, index))
    }

    /// The longest pattern `haystack` starts with, as (length, pattern), given the length of
    /// its first run.
    fn longest_in(&self, haystack: &[u8], run: usize) -> Option<(usize, usize)> {
        if run == 0 {
            return haystack
                .first()
                .filter(|&&byte| self.gates.other_first_bytes[usize::from(byte)])
                .and_then(|_| self.longest_in_group(&[], haystack));
        }
        let (whole_run, shorter) = self.gates.run_lengths(haystack, run);
        if !whole_run && shorter == 0 {
            return None;
        }
        let mut buffer = [0; 32];
        let lower = lowercase(&haystack[..run], &mut buffer);
        if whole_run
            && self.gates.may_be_key(&lower)
            && let Some(found) = self.longest_in_group(&lower, haystack)
        {
            return Some(found);
        }
        (1..run).rev().find_map(|n| {
            let prefix = &lower[..n];
            if shorter & length_bit(n) == 0 || !self.gates.may_be_key(prefix) {
                return None;
            }
            let group = self.by_key.get(prefix)?;
            let member = group.iter().find(|m| self.patterns[m.index].len() == n)?;
            Some((n, member.index))
        })
    }

    /// The longest pattern of `key`'s group that `haystack` starts with. The haystack starts
    /// with the key, ignoring case, as every pattern of the group does: only the rest is compared.
    fn longest_in_group(&self, key: &[u8], haystack: &[u8]) -> Option<(usize, usize)> {
        let rest = &haystack[key.len()..];
        let rest_head = head_word(rest) | LOWERCASE_BITS;
        self.by_key.get(key)?.iter().find_map(|member| {
            if !member.may_follow(rest_head) {
                return None;
            }
            let pattern = &self.patterns[member.index][key.len()..];
            rest.get(..pattern.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(pattern))
                .then_some((key.len() + pattern.len(), member.index))
        })
    }

    /// The matches in `text[range]` that start a word (no letter or digit, in the whole text,
    /// right before them), in order.
    pub fn word_matches(&self, text: &str, range: Range<usize>) -> Vec<PhraseMatch> {
        let starts = WordStarts::new(text, range);
        PhraseSet::word_matches_of(&[self], &self.gates, text, &starts)
            .pop()
            .unwrap_or_default()
    }

    /// This set's first tests, for [`Gates::union`].
    fn gates(&self) -> &Gates {
        &self.gates
    }

    /// [`PhraseSet::word_matches`] of each set, in one pass over the words of `starts`' range.
    /// `gates` must let through every word any of the sets could match: [`Gates::union`] of
    /// the sets, built once for all the texts they search.
    pub fn word_matches_of(
        sets: &[&PhraseSet],
        gates: &Gates,
        text: &str,
        starts: &WordStarts,
    ) -> Vec<Vec<PhraseMatch>> {
        PhraseSet::word_matches_among(sets, gates, text, starts, starts.words())
    }

    /// [`PhraseSet::word_matches_of`] tried only at `words`, (start, run) pairs of `starts` in
    /// order, which must hold every word the sets could match there.
    pub fn word_matches_among(
        sets: &[&PhraseSet],
        gates: &Gates,
        text: &str,
        starts: &WordStarts,
        words: impl Iterator<Item = (usize, usize)>,
    ) -> Vec<Vec<PhraseMatch>> {
        let bytes = text.as_bytes();
        let end = starts.range().end;
        let mut found = vec![Vec::new(); sets.len()];
        // Per set, where the automaton would resume (everything before is settled), or `None`
        // once the rest was searched position by position.
        let mut settled: Vec<Option<usize>> = vec![Some(starts.range().start); sets.len()];
        // Words start at runs of ASCII letters and digits, and, rarely, at the other first
        // bytes some pattern has ("Ö"), which have no run: the two in text order.
        let mut words = words.peekable();
        let mut others = gates
            .other_starts(bytes, starts.range())
            .into_iter()
            .peekable();
        let positions = std::iter::from_fn(|| match (words.peek(), others.peek()) {
            (Some(&(word, _)), Some(&other)) if other < word => others.next().map(|at| (at, 0)),
            (Some(_), _) => words.next(),
            (None, _) => others.next().map(|at| (at, 0)),
        });
        for (at, run) in positions {
            let haystack = &bytes[at..end];
            if !gates.may_match(haystack, run) || ends_word(text, at) {
                continue;
            }
            for ((set, found), settled) in sets.iter().zip(&mut found).zip(&mut settled) {
                let Some(from) = *settled else { continue };
                if at < from || !set.gates.may_match(haystack, run) {
                    continue;
                }
                let Some((length, index)) = set.longest_in(haystack, run) else {
                    continue;
                };
                if set.covered(text, from, at, end) {
                    found.extend(set.every_match(text, from..end));
                    *settled = None;
                } else {
                    found.push((at..at + length, index));
                    *settled = Some(at + length);
                }
            }
        }
        found
    }

    /// Whether a match starting inside a word between `settled` and `at` reaches past `at`.
    fn covered(&self, text: &str, settled: usize, at: usize, end: usize) -> bool {
        let from = settled.max((at + 1).saturating_sub(self.longest));
        let bytes = text.as_bytes();
        // The end of the run of ASCII letters and digits holding `p`, once known.
        let mut run_end = from;
        (from..at).any(|p| {
            if bytes[p].is_ascii_alphanumeric() {
                if run_end <= p {
                    run_end = p + run_length(&bytes[p..end]);
                }
                // Only a pattern whose first run is all of the word's rest can reach the next
                // word: without a key that long, nothing at `p` covers `at`.
                if self.gates.key_lengths[pair(&bytes[p..run_end])] & length_bit(run_end - p) == 0 {
                    return false;
                }
            } else if !self.gates.other_first_bytes[usize::from(bytes[p])] {
                // No pattern starts with this byte (a space, most punctuation).
                return false;
            }
            text.is_char_boundary(p)
                && ends_word(text, p)
                && self
                    .longest_at(text, p, end)
                    .is_some_and(|(match_end, _)| match_end > at)
        })
    }

    /// The automaton's search tried at every position of `range`, keeping word starts.
    fn every_match(&self, text: &str, range: Range<usize>) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        let mut at = range.start;
        while at < range.end {
            if let Some((end, index)) = self.longest_at(text, at, range.end) {
                if !ends_word(text, at) {
                    found.push((at..end, index));
                }
                at = end;
            } else {
                at += char_width(text, at);
            }
        }
        found
    }
}

impl Gates {
    fn none() -> Gates {
        Gates {
            key_lengths: vec![0; PAIRS].into(),
            whole_run_lengths: vec![0; PAIRS].into(),
            any_whole_run: false,
            whole_run_triples: vec![0; TRIPLES / 64].into(),
            key_bits: vec![0; KEY_BITS / 64].into(),
            other_first_bytes: [false; 256],
            any_other_first: false,
            any_ascii_other_first: false,
        }
    }

    /// Tests that let through every word some set of `sets` could match.
    pub fn union<'a>(sets: impl IntoIterator<Item = &'a PhraseSet>) -> Gates {
        let mut union = Gates::none();
        for gates in sets.into_iter().map(PhraseSet::gates) {
            let tables = [
                (&mut union.key_lengths, &gates.key_lengths),
                (&mut union.whole_run_lengths, &gates.whole_run_lengths),
            ];
            for (into, from) in tables {
                into.iter_mut().zip(from.iter()).for_each(|(a, b)| *a |= b);
            }
            let bit_tables = [
                (&mut union.key_bits, &gates.key_bits),
                (&mut union.whole_run_triples, &gates.whole_run_triples),
            ];
            for (into, from) in bit_tables {
                into.iter_mut().zip(from.iter()).for_each(|(a, b)| *a |= b);
            }
            let firsts = union.other_first_bytes.iter_mut();
            firsts
                .zip(gates.other_first_bytes)
                .for_each(|(a, b)| *a |= b);
            union.any_whole_run |= gates.any_whole_run;
            union.any_other_first |= gates.any_other_first;
            union.any_ascii_other_first |= gates.any_ascii_other_first;
        }
        union
    }

    /// Lets `pattern` through; returns its key, its first run lowercased.
    fn add(&mut self, pattern: &[u8]) -> Vec<u8> {
        let run = run_length(pattern);
        if run == 0 {
            self.other_first_bytes[usize::from(pattern[0])] = true;
            self.any_other_first = true;
            self.any_ascii_other_first |= pattern[0].is_ascii();
        } else {
            self.key_lengths[pair(&pattern[..run])] |= length_bit(run);
            if run == pattern.len() {
                self.any_whole_run = true;
                self.whole_run_lengths[pair(pattern)] |= length_bit(run);
                // A shorter pattern lets through every second or third byte after it.
                let low = |at: usize| match pattern.get(at) {
                    Some(byte) => usize::from(byte & 31)..usize::from(byte & 31) + 1,
                    None => 0..32,
                };
                for third in low(2) {
                    for second in low(1) {
                        let triple = usize::from(pattern[0] & 31) | second << 5 | third << 10;
                        self.whole_run_triples[triple / 64] |= 1 << (triple % 64);
                    }
                }
            }
        }
        let key = pattern[..run].to_ascii_lowercase();
        let bit = key_bit(&key);
        self.key_bits[bit / 64] |= 1 << (bit % 64);
        key
    }

    /// For a run of `run` bytes at the start of `haystack`: whether keys of its first two bytes
    /// and length exist, and the lengths (as bits) of the whole-run patterns that may be a
    /// shorter prefix of it ("anniv" in "anniversary").
    #[inline]
    fn run_lengths(&self, haystack: &[u8], run: usize) -> (bool, u32) {
        let head = pair(&haystack[..run]);
        let whole_run = self.key_lengths[head] & length_bit(run) != 0;
        if !self.any_whole_run || run == 1 {
            return (whole_run, 0);
        }
        let below = if run > 31 {
            u32::MAX
        } else {
            length_bit(run) - 1
        };
        // Of two bytes or more, a prefix has the same first two bytes; of one, its own pair.
        let one_byte = length_bit(1);
        let shorter = (self.whole_run_lengths[head] & below & !one_byte)
            | (self.whole_run_lengths[pair(&haystack[..1])] & one_byte);
        (whole_run, shorter)
    }

    /// Whether a pattern may start `haystack`, whose first run is `run` long. Most words fail
    /// on two bytes and a length; the rest on the key bits of each prefix they could match as,
    /// whose hashes one pass over the run gives.
    #[inline(always)]
    fn may_match(&self, haystack: &[u8], run: usize) -> bool {
        if run == 0 {
            return haystack
                .first()
                .is_some_and(|&byte| self.other_first_bytes[usize::from(byte)]);
        }
        let (whole_run, shorter) = self.run_lengths(haystack, run);
        if !whole_run && shorter == 0 {
            return false;
        }
        // The run's first eight bytes, lowercased (`| 0x20` lowercases a letter and leaves a
        // digit as it is), from which each prefix's bit is one multiplication away.
        let head = head_word(haystack) | LOWERCASE_BITS;
        (whole_run && self.has_key_bit(bit_of(head, run)))
            || self.may_be_shorter_key(head, run, shorter)
    }

    /// Whether a pattern that is a run alone may match the start of `haystack`'s longer first
    /// run, `run` long ("anniv" in "anniversary"): what [`Gates::may_match`] lets through
    /// besides the run's own key.
    #[inline]
    pub(super) fn may_match_shorter(&self, haystack: &[u8], run: usize) -> bool {
        let (_, shorter) = self.run_lengths(haystack, run);
        shorter != 0 && self.may_be_shorter_key(head_word(haystack) | LOWERCASE_BITS, run, shorter)
    }

    /// A first test for [`Gates::may_match_shorter`] on a run of `run` bytes whose first eight
    /// are `head`: whether some pattern that is a run alone starts as its first three bytes do.
    #[inline]
    pub(super) fn may_start_shorter(&self, head: u64, run: usize) -> bool {
        let triple = triple(head);
        run > 1 && self.whole_run_triples[triple / 64] & (1 << (triple % 64)) != 0
    }

    /// Whether a key of one of the lengths `shorter` (as bits) may begin the run of `run`
    /// bytes whose first eight, lowercased, are `head`.
    #[inline]
    fn may_be_shorter_key(&self, head: u64, run: usize, shorter: u32) -> bool {
        let mut lengths = shorter & !length_bit(31);
        while lengths != 0 {
            let length = lengths.trailing_zeros() as usize;
            if self.has_key_bit(bit_of(head, length)) {
                return true;
            }
            lengths &= lengths - 1;
        }
        // Prefixes of 31 bytes and more share a length bit: rare enough to try one by one.
        shorter & length_bit(31) != 0
            && (31..run).any(|length| self.has_key_bit(bit_of(head, length)))
    }

    /// The offsets in `bytes[range]` of the bytes that are not ASCII letters or digits and
    /// that some pattern starts with, in order. News is mostly ASCII and most patterns start
    /// with a letter, so eight bytes without a high bit are passed over at once.
    fn other_starts(&self, bytes: &[u8], range: Range<usize>) -> Vec<usize> {
        let wanted = |at: &usize| self.other_first_bytes[usize::from(bytes[*at])];
        if !self.any_other_first {
            return Vec::new();
        }
        if self.any_ascii_other_first {
            return range.filter(wanted).collect();
        }
        let mut others = Vec::new();
        let mut chunk = range.start;
        while let Some(eight) = bytes[..range.end].get(chunk..chunk + 8) {
            if u64::from_le_bytes(eight.try_into().unwrap_or_default()) & HIGH_BITS != 0 {
                others.extend((chunk..chunk + 8).filter(wanted));
            }
            chunk += 8;
        }
        others.extend((chunk..range.end).filter(wanted));
        others
    }

    /// Every key's bit ([`bit_of`] of the key), for [`super::word_classes::WordTable`].
    pub(super) fn key_bits(&self) -> impl Iterator<Item = usize> + '_ {
        (0..KEY_BITS).filter(|&bit| self.has_key_bit(bit))
    }

    /// Whether `key` may be in a set's keys: a bit per hash, to spare most words a table lookup.
    fn may_be_key(&self, key: &[u8]) -> bool {
        self.has_key_bit(key_bit(key))
    }

    fn has_key_bit(&self, bit: usize) -> bool {
        self.key_bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Whether the character before `at` is a letter or digit.
fn ends_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn char_width(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// The number of [`pair`]s.
const PAIRS: usize = 32 * 32;

/// The first two bytes of a non-empty run, ignoring ASCII case: a letter or digit is never 0
/// modulo 32, which stands for a run of one byte.
fn pair(run: &[u8]) -> usize {
    let low = |byte: &u8| usize::from(byte & 31);
    low(&run[0]) * 32 + run.get(1).map_or(0, low)
}

/// The number of [`triple`]s.
const TRIPLES: usize = 32 * 32 * 32;

/// The first three bytes of `head`, ignoring ASCII case, as for [`pair`].
#[inline]
fn triple(head: u64) -> usize {
    let low = |shift: u32| (head >> shift) as usize & 31;
    low(0) | low(8) << 5 | low(16) << 10
}

/// The size of [`Gates::key_bits`]: a few hundred keys set about one bit in a hundred.
pub(super) const KEY_BITS: usize = 1 << 16;

/// Where a key's bit is: from its first eight bytes and its length (see [`bit_of`]).
fn key_bit(key: &[u8]) -> usize {
    bit_of(head_word(key) | LOWERCASE_BITS, key.len())
}

/// Bit 0x20 of every byte.
pub(super) const LOWERCASE_BITS: u64 = LOW_BITS * 0x20;

/// Up to the first eight bytes of `bytes`, little-endian, zero beyond its end. [`bit_of`]
/// keeps only a key's own bytes, so a run's may come with the bytes after it.
#[inline]
pub(super) fn head_word(bytes: &[u8]) -> u64 {
    if let Some(head) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*head);
    }
    let mut head = [0; 8];
    let length = bytes.len().min(8);
    head[..length].copy_from_slice(&bytes[..length]);
    u64::from_le_bytes(head)
}

/// The bit of the key that is the first `length` bytes of a run whose first eight bytes (with
/// [`LOWERCASE_BITS`] set) are `head`. Keys longer than eight bytes share a bit with every key
/// of their length and first eight bytes: the bits only spare most words a table lookup.
#[inline]
pub(super) fn bit_of(head: u64, length: usize) -> usize {
    let kept = if length >= 8 {
        head
    } else {
        head & ((1 << (8 * length)) - 1)
    };
    let mixed = (kept ^ (length as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd);
    (mixed >> 48) as usize % KEY_BITS
}

/// FNV-1a: keys are short and come from the KB, so a hash this cheap is enough.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn length_bit(length: usize) -> u32 {
    1 << length.min(31)
}

/// `run` lowercased, in `buffer` when it fits.
fn lowercase<'a>(run: &[u8], buffer: &'a mut [u8; 32]) -> std::borrow::Cow<'a, [u8]> {
    match buffer.get_mut(..run.len()) {
        Some(lower) => {
            lower.copy_from_slice(run);
            lower.make_ascii_lowercase();
            std::borrow::Cow::Borrowed(lower)
        }
        None => std::borrow::Cow::Owned(run.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests;
