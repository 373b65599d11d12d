//! Where words start, for the finders that try something at every word (intervals, event
//! ordinals, short forms of names): each run of ASCII letters and digits, found eight bytes at a
//! time once per article ([`WordStarts`]), and [`Heads`], a first test on a word's first two
//! bytes.
//!
//! Walking byte by byte cost every space and punctuation mark an iteration and a look at the
//! byte before it, and every word a second pass to find its end. Here a block of 64 bytes is
//! one mask of the bytes that start a run (tested eight at a time), and each start costs one
//! bit of it; and the finders
//! read the starts from one list instead of walking the text once each.

use std::ops::Range;

/// The offsets in one range of a text where a run of ASCII letters and digits starts (a letter
/// or digit with none right before it, looking before the range too), in order: found once per
/// article, read by several finders.
#[derive(Debug)]
pub struct WordStarts {
    range: Range<usize>,
    starts: Vec<usize>,
    /// Where each start's run ends, at the same index: found in the same chunks, so a finder
    /// that needs a word's length does not walk the word again.
    ends: Vec<usize>,
}

impl WordStarts {
    pub fn new(text: &str, range: Range<usize>) -> WordStarts {
        let bytes = &text.as_bytes()[..range.end.min(text.len())];
        let before = range
            .start
            .checked_sub(1)
            .and_then(|at| bytes.get(at))
            .is_some_and(u8::is_ascii_alphanumeric);
        // Bit 0: the byte before the block is a letter or digit.
        let mut previous: u64 = u64::from(before);
        // News has a word start every five or six bytes.
        let mut starts = Vec::with_capacity(range.len() / 4);
        let mut ends = Vec::with_capacity(range.len() / 4);
        // A run the range starts inside has an end but no start.
        let mut inside_first_run = before;
        let mut block = range.start;
        while block < bytes.len() {
            let alphanumeric = alphanumeric_bits(&bytes[block..]);
            // Bit n: the byte before byte n is a letter or digit.
            let after_alphanumeric = (alphanumeric << 1) | previous;
            previous = alphanumeric >> 63;
            let mut found = alphanumeric & !after_alphanumeric;
            while found != 0 {
                starts.push(block + found.trailing_zeros() as usize);
                found &= found - 1;
            }
            let mut ended = after_alphanumeric & !alphanumeric;
            if inside_first_run && ended != 0 {
                ended &= ended - 1;
                inside_first_run = false;
            }
            while ended != 0 {
                ends.push(block + ended.trailing_zeros() as usize);
                ended &= ended - 1;
            }
            block += 64;
        }
        // The last run may run to the end of the range, with no byte after it to end it.
        if ends.len() < starts.len() {
            ends.push(bytes.len());
        }
        WordStarts {
            range,
            starts,
            ends,
        }
    }

    /// The range the starts are in.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// Every start, in order.
    pub fn all(&self) -> &[usize] {
        &self.starts
    }

    /// Every word, in order: where its run of ASCII letters and digits starts and its length
    /// (cut at the end of the range).
    pub fn words(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let lengths = self.starts.iter().zip(&self.ends);
        lengths.map(|(&start, &end)| (start, end - start))
    }

    /// The word at `index` in [`WordStarts::words`]' order, as (start, length).
    pub fn word(&self, index: usize) -> (usize, usize) {
        (self.starts[index], self.ends[index] - self.starts[index])
    }

    /// The starts at `at` or after.
    pub fn from(&self, at: usize) -> &[usize] {
        &self.starts[self.starts.partition_point(|&start| start < at)..]
    }
}

/// Bit n set where byte n of `bytes` (of its first 64) is an ASCII letter or digit: eight
/// bytes tested at once, their high bits gathered into one byte by a multiplication.
#[inline]
fn alphanumeric_bits(bytes: &[u8]) -> u64 {
    let gathered = |word: u64| {
        // Byte n's high bit to bit 56 + n; no two products meet in the top byte.
        ((alphanumeric_bytes(word) >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    };
    // A whole block, as eight loads of fixed size; the text's last block, padded.
    if let Some(block) = bytes.first_chunk::<64>() {
        let (words, _) = block.as_chunks::<8>();
        return (words.iter().enumerate()).fold(0, |bits, (n, &eight)| {
            bits | gathered(u64::from_le_bytes(eight)) << (8 * n)
        });
    }
    let mut bits = 0;
    for (n, eight) in bytes.chunks(8).enumerate() {
        let word = match eight.try_into() {
            Ok(eight) => u64::from_le_bytes(eight),
            Err(_) => last_chunk(eight),
        };
        bits |= gathered(word) << (8 * n);
    }
    bits
}

/// The last bytes of the range, fewer than eight, as a chunk padded with zeros (no letters).
#[cold]
fn last_chunk(bytes: &[u8]) -> u64 {
    let mut chunk = [0; 8];
    chunk[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(chunk)
}

/// The length of the run of ASCII letters and digits `bytes` starts with. Every word of every
/// pass goes through here, so eight bytes are tested at once.
#[inline]
pub fn run_length(bytes: &[u8]) -> usize {
    run_of(bytes, alphanumeric_bytes, u8::is_ascii_alphanumeric)
}

/// The length of the run of ASCII letters `bytes` starts with, eight bytes at a time.
#[inline]
pub fn letter_run_length(bytes: &[u8]) -> usize {
    run_of(bytes, letter_bytes, u8::is_ascii_alphabetic)
}

/// The length of the run of bytes that `in_chunk` marks (eight at a time) and `in_tail`
/// accepts (one at a time, past the last whole chunk).
#[inline]
fn run_of(bytes: &[u8], in_chunk: impl Fn(u64) -> u64, in_tail: impl Fn(&u8) -> bool) -> usize {
    let mut length = 0;
    while let Some(chunk) = bytes.get(length..length + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let others = !in_chunk(word) & HIGH_BITS;
        if others != 0 {
            return length + others.trailing_zeros() as usize / 8;
        }
        length += 8;
    }
    while length < bytes.len() && in_tail(&bytes[length]) {
        length += 1;
    }
    length
}

/// Bit 7 of every byte.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// Bit 0 of every byte.
pub const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` set where that byte is an ASCII letter or digit.
#[inline]
pub fn alphanumeric_bytes(word: u64) -> u64 {
    letter_bytes(word) | (between(word & !HIGH_BITS, b'0', b'9') & !word & HIGH_BITS)
}

/// The high bit of each byte of `word` set where that byte is an ASCII letter.
#[inline]
pub fn letter_bytes(word: u64) -> u64 {
    // With the case bit set, a letter is from 'a' to 'z'.
    between((word & !HIGH_BITS) | (LOW_BITS * 0x20), b'a', b'z') & !word & HIGH_BITS
}

/// The high bit of each byte of `low` (whose high bits are clear) set where that byte is from
/// `first` to `last`: adding up to 0x80 to such a byte never carries into the next one.
#[inline]
fn between(low: u64, first: u8, last: u8) -> u64 {
    let above_first = low + LOW_BITS * u64::from(0x80 - first);
    let above_last = low + LOW_BITS * u64::from(0x7f - last);
    above_first & !above_last & HIGH_BITS
}

/// The first two bytes of some words, ignoring ASCII case: a word whose first two bytes are not
/// among them is none of those words. Bytes are filed by their low five bits, so a digit shares
/// a slot with a letter ('1' with 'q'): a word that passes still needs the real test.
pub struct Heads([u32; 32]);

impl Heads {
    /// The heads of `words`, each of two bytes or more.
    pub const fn of(words: &[&str]) -> Heads {
        Heads([0; 32]).with(words)
    }

    /// These heads and those of `words`.
    pub const fn with(self, words: &[&str]) -> Heads {
        let Heads(mut table) = self;
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            table[(word[0] & 31) as usize] |= 1 << (word[1] & 31);
            i += 1;
        }
        Heads(table)
    }

    /// Whether `bytes` may start with one of the words: false when it has fewer than two bytes.
    #[inline]
    pub fn may_start(&self, bytes: &[u8]) -> bool {
        match bytes {
            [first, second, ..] => self.0[usize::from(first & 31)] >> (second & 31) & 1 != 0,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests;
