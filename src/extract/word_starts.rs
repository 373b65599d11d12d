//! Where words start, for the finders that try something at every word (intervals, event
//! ordinals, short forms of names): each run of ASCII letters and digits, found eight bytes at a
//! time, and [`Heads`], a first test on a word's first two bytes.
//!
//! Walking byte by byte cost every space and punctuation mark an iteration and a look at the
//! byte before it, and every word a second pass to find its end. Here a chunk of eight bytes is
//! one mask of the bytes that start a run, and each start costs one bit of it.

use std::ops::Range;

/// The offsets in `range` where a run of ASCII letters and digits starts (a letter or digit with
/// none right before it, looking before `range.start` too), in order.
pub fn word_starts(text: &str, range: Range<usize>) -> WordStarts<'_> {
    let bytes = text.as_bytes();
    let before = range
        .start
        .checked_sub(1)
        .and_then(|at| bytes.get(at))
        .is_some_and(u8::is_ascii_alphanumeric);
    let mut starts = WordStarts {
        bytes: &bytes[..range.end.min(bytes.len())],
        chunk: range.start,
        starts: 0,
        previous: if before { 1 << 63 } else { 0 },
    };
    if starts.chunk < starts.bytes.len() {
        starts.load();
    }
    starts
}

/// See [`word_starts`].
pub struct WordStarts<'a> {
    /// The text up to the end of the range: nothing after it starts a word.
    bytes: &'a [u8],
    /// The offset of the eight bytes `starts` describes.
    chunk: usize,
    /// The high bit of each of those bytes that starts a run and was not yielded yet.
    starts: u64,
    /// [`alphanumeric_bytes`] of the chunk before: its bit 63 says whether the last byte before
    /// this chunk is a letter or digit.
    previous: u64,
}

impl WordStarts<'_> {
    /// The starts in the chunk at `self.chunk`, which is in `self.bytes`.
    #[inline]
    fn load(&mut self) {
        let chunk = match self.bytes.get(self.chunk..self.chunk + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
            None => last_chunk(&self.bytes[self.chunk..]),
        };
        let alphanumeric = alphanumeric_bytes(chunk);
        // Each byte's high bit moved to the next byte's; the chunk before's last to the first.
        let after_alphanumeric = (alphanumeric << 8) | (self.previous >> 56);
        self.previous = alphanumeric;
        self.starts = alphanumeric & !after_alphanumeric;
    }
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.starts == 0 {
            if self.chunk + 8 >= self.bytes.len() {
                return None;
            }
            self.chunk += 8;
            self.load();
        }
        let at = self.chunk + self.starts.trailing_zeros() as usize / 8;
        self.starts &= self.starts - 1;
        Some(at)
    }
}

/// Fewer than eight bytes as a chunk, padded with zeros (which are no letters).
#[cold]
fn last_chunk(bytes: &[u8]) -> u64 {
    let mut chunk = [0; 8];
    chunk[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(chunk)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` set where that byte is an ASCII letter or digit.
#[inline]
pub fn alphanumeric_bytes(word: u64) -> u64 {
    let ascii = !word & HIGH_BITS;
    // Without the high bits, adding up to 0x80 to a byte never carries into the next one.
    let low = word & !HIGH_BITS;
    let between = |value: u64, first: u8, last: u8| {
        let above_first = value + LOW_BITS * u64::from(0x80 - first);
        let above_last = value + LOW_BITS * u64::from(0x7f - last);
        above_first & !above_last & HIGH_BITS
    };
    let letter = between(low | (LOW_BITS * 0x20), b'a', b'z');
    let digit = between(low, b'0', b'9');
    (letter | digit) & ascii
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
