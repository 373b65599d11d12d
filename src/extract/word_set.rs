//! `WordSet`: a set of short lower-case ASCII words that a run of letters in any case is
//! looked up in, for the per-word tests of the pre-scan, each word with bits of its own (the
//! classes of `first_word`).

/// Words longer than this are in no set (the longest anchor or starter word is shorter).
const LONGEST: usize = 16;

/// Short lower-case ASCII words. A run of letters is looked up as one 128-bit number, among
/// the words of its length and first letter only; a filter of one bit per word turns most
/// runs away before that.
pub struct WordSet {
    /// One bit (`bloom_bit`) per word: a clear bit rules a run out.
    bloom: [u64; BLOOM_WORDS],
    /// Where the words of each bucket (`length * 26 + first letter`) start in `words`; one
    /// more entry closes the last bucket.
    starts: Vec<usize>,
    /// The words, packed, bucket after bucket.
    words: Vec<u128>,
    /// The bits given with each word, beside it in `words`.
    bits: Vec<u32>,
}

impl WordSet {
    /// The set of `words`; any that are not ASCII letters (or are too long) are left out, as
    /// no run of letters could equal them.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordSet {
        WordSet::with_bits(words.into_iter().map(|word| (word, 0)))
    }

    /// The set of `words`, each with its bits; a word given twice has the bits of both.
    pub fn with_bits<'w>(words: impl IntoIterator<Item = (&'w str, u32)>) -> WordSet {
        let mut buckets = vec![Vec::new(); (LONGEST + 1) * 26];
        let mut bloom = [0; BLOOM_WORDS];
        for (word, bits) in words {
            let bytes = word.as_bytes();
            if let Some(index) = bucket(bytes.len(), bytes.first().copied())
                && bytes.iter().all(u8::is_ascii_alphabetic)
            {
                let packed = pack(bytes, bytes.len());
                let bit = bloom_bit(packed);
                bloom[bit / 64] |= 1 << (bit % 64);
                let bucket: &mut Vec<(u128, u32)> = &mut buckets[index];
                match bucket.iter_mut().find(|(word, _)| *word == packed) {
                    Some((_, known)) => *known |= bits,
                    None => bucket.push((packed, bits)),
                }
            }
        }
        let mut starts = vec![0];
        let mut packed = Vec::new();
        let mut all_bits = Vec::new();
        for bucket in buckets {
            for (word, bits) in bucket {
                packed.push(word);
                all_bits.push(bits);
            }
            starts.push(packed.len());
        }
        WordSet {
            bloom,
            starts,
            words: packed,
            bits: all_bits,
        }
    }

    /// Whether the first `length` bytes of `text`, ASCII letters in any case, are one of the
    /// words.
    #[inline]
    pub fn contains_prefix(&self, text: &[u8], length: usize) -> bool {
        let Some(index) = bucket(length, text.first().copied()) else {
            return false;
        };
        let words = &self.words[self.starts[index]..self.starts[index + 1]];
        !words.is_empty() && words.contains(&pack(text, length))
    }

    /// The bits of the word the first `length` bytes of `text` (ASCII letters in any case)
    /// are, or none when they are no word of the set.
    #[inline]
    pub fn bits_of_prefix(&self, text: &[u8], length: usize) -> u32 {
        let Some(index) = bucket(length, text.first().copied()) else {
            return 0;
        };
        let range = self.starts[index]..self.starts[index + 1];
        if range.is_empty() {
            return 0;
        }
        let packed = pack(text, length);
        self.words[range.clone()]
            .iter()
            .position(|&word| word == packed)
            .map_or(0, |at| self.bits[range.start + at])
    }

    /// Whether the first `length` bytes of `text`, ASCII letters in any case, may be one of
    /// the words: one bit of a filter, cheaper than `contains_prefix`, which most runs that are
    /// none of the words fail.
    #[inline]
    pub fn may_contain_prefix(&self, text: &[u8], length: usize) -> bool {
        // Most words are short: their packed high half is zero, and `bloom_bit` of it is the
        // low half alone, read in one eight-byte load.
        let bit = match text.get(..8) {
            Some(head) if length <= 8 => {
                let raw = u64::from_le_bytes(head.try_into().unwrap_or_default());
                bloom_bit_of_low((raw | LOW_CASE) & KEPT[length] as u64)
            }
            _ => bloom_bit(pack(text, length)),
        };
        length <= LONGEST && self.bloom[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Bits in the filter: some sixty times as many as words, so that few runs pass it.
const BLOOM_WORDS: usize = 64;

/// The filter bit of a packed word: the top bits of a multiplication that mixes its halves.
#[inline]
fn bloom_bit(packed: u128) -> usize {
    bloom_bit_of_low((packed as u64) ^ ((packed >> 64) as u64).rotate_left(29))
}

/// `bloom_bit` of a word whose packed high half is zero (eight bytes or fewer).
#[inline]
fn bloom_bit_of_low(folded: u64) -> usize {
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) as usize
}

/// The 0x20 bit of every byte of eight, which lower-cases ASCII letters.
const LOW_CASE: u64 = u64::from_le_bytes([0x20; 8]);

/// The bucket of a word by its length and first letter; none for the empty word, a long one
/// or one that does not start with a letter.
#[inline]
fn bucket(length: usize, first: Option<u8>) -> Option<usize> {
    let first = first?.to_ascii_lowercase();
    (length <= LONGEST && first.is_ascii_lowercase())
        .then(|| length * 26 + usize::from(first - b'a'))
}

/// The first `length` (at most 16) bytes of `text`, ASCII letters, in lower case as one
/// little-endian number.
#[inline]
fn pack(text: &[u8], length: usize) -> u128 {
    let raw = match text.get(..LONGEST) {
        Some(head) => u128::from_le_bytes(head.try_into().unwrap_or_default()),
        None => {
            let mut bytes = [0; LONGEST];
            bytes[..text.len()].copy_from_slice(text);
            u128::from_le_bytes(bytes)
        }
    };
    // Setting the 0x20 bit lower-cases an ASCII letter.
    (raw | u128::from_le_bytes([0x20; LONGEST])) & KEPT[length.min(LONGEST)]
}

/// `KEPT[n]` keeps the first `n` bytes of a packed word.
const KEPT: [u128; LONGEST + 1] = {
    let mut kept = [0; LONGEST + 1];
    let mut length = 1;
    while length <= LONGEST {
        kept[length] = (kept[length - 1] << 8) | 0xff;
        length += 1;
    }
    kept
};

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(set: &WordSet, word: &str) -> bool {
        set.contains_prefix(word.as_bytes(), word.len())
    }

    #[test]
    fn the_filter_lets_every_word_through_in_any_case() {
        let words = [
            "may",
            "monday",
            "tues",
            "a",
            "afternoon",
            "weekend",
            "centuries",
        ];
        let set = WordSet::new(words);
        let may_contain = |word: &str| set.may_contain_prefix(word.as_bytes(), word.len());
        for word in words {
            assert!(may_contain(word), "{word}");
            assert!(may_contain(&word.to_ascii_uppercase()), "{word}");
            assert!(set.may_contain_prefix(format!("{word}, then").as_bytes(), word.len()));
        }
        let turned_away = ["the", "and", "said", "government", "of", "to", "in"]
            .into_iter()
            .filter(|word| !may_contain(word))
            .count();
        assert!(turned_away >= 5, "only {turned_away} turned away");
    }

    #[test]
    fn the_short_word_filter_is_the_packed_one() {
        // Every prefix of every word start of the seed articles, short words read eight bytes
        // at a time, give the filter bit the whole packed word gives.
        let set = WordSet::new(["may", "monday", "weekend", "centuries", "a"]);
        let mut short = 0;
        for text in crate::extract::samples::seed_articles() {
            let bytes = text.as_bytes();
            for start in (0..bytes.len()).step_by(7) {
                for length in 1..=LONGEST.min(bytes.len() - start) {
                    let word = &bytes[start..];
                    let bit = bloom_bit(pack(word, length));
                    let expected = set.bloom[bit / 64] & (1 << (bit % 64)) != 0;
                    short += usize::from(length <= 8 && word.len() >= 8);
                    assert_eq!(set.may_contain_prefix(word, length), expected);
                }
            }
        }
        assert!(short > 1000, "{short} short words");
    }

    #[test]
    fn finds_its_words_in_any_case_and_nothing_else() {
        let set = WordSet::new(["may", "monday", "tues", "août", "a", "afternoon"]);
        for word in ["may", "May", "MAY", "Monday", "tues", "a", "A", "AfterNoon"] {
            assert!(contains(&set, word), "{word}");
        }
        for word in [
            "ma", "mayo", "monda", "août", "aou", "", "b", "tue", "afternoo",
        ] {
            assert!(!contains(&set, word), "{word}");
        }
        assert!(!contains(&set, "abcdefghijklmnopq"), "longer than any word");
        assert!(set.contains_prefix(b"May 5, in the afternoon", 3));
        assert!(!set.contains_prefix(b"Mayor", 5));
        assert!(set.contains_prefix(b"afternoons and evenings", 9));
    }

    #[test]
    fn each_word_has_its_bits() {
        let set = WordSet::with_bits([("last", 1), ("this", 2), ("last", 4), ("a", 8)]);
        assert_eq!(
            set.bits_of_prefix(b"Last week", 4),
            5,
            "both bits of a word given twice"
        );
        assert_eq!(set.bits_of_prefix(b"THIS", 4), 2);
        assert_eq!(set.bits_of_prefix(b"a day", 1), 8);
        assert_eq!(set.bits_of_prefix(b"lasting", 7), 0);
        assert_eq!(set.bits_of_prefix(b"las", 3), 0);
        assert_eq!(set.bits_of_prefix(b"2025", 0), 0);
        assert!(set.contains_prefix(b"this", 4) && !set.contains_prefix(b"thi", 3));
    }
}
