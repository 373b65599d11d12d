//! The phrases several finders start from (KB names, title words, count and anniversary
//! anchors), found in one pass over an article's words instead of one pass each.

use super::phrase_set::{Gates, PhraseMatch, PhraseSet};
use super::word_classes::WordTable;
use super::word_starts::WordStarts;
use super::{anniversary, count};
use crate::kb::KbIndex;

/// What [`find`] found in one article, for each finder.
#[derive(Debug, Default)]
pub struct WordMatches {
    /// Spellings of KB names ([`super::person::NameMatcher::spellings`]).
    pub names: Vec<PhraseMatch>,
    /// Title words ([`super::role::RoleMatcher`]'s anchors).
    pub titles: Vec<PhraseMatch>,
    /// Part-of connectors ("including", "of the").
    pub counts: Vec<PhraseMatch>,
    /// "anniv…", "centenary", "years".
    pub anniversaries: Vec<PhraseMatch>,
}

/// The word matches of every finder's phrases in the range of `starts`, the text's word starts,
/// tried at the words of `candidates` (indexes into `starts`), which [`WordTable::classify`]
/// found.
pub fn find(
    text: &str,
    starts: &WordStarts,
    candidates: &[usize],
    kb: &KbIndex<'_>,
) -> WordMatches {
    let words = candidates.iter().map(|&index| starts.word(index));
    let mut found =
        PhraseSet::word_matches_among(&sets(kb), kb.word_gates(), text, starts, words).into_iter();
    let mut next = || found.next().unwrap_or_default();
    WordMatches {
        names: next(),
        titles: next(),
        counts: next(),
        anniversaries: next(),
    }
}

/// The first tests of all the pass's phrase sets at once, which [`KbIndex::word_gates`]
/// builds once per KB.
pub fn gates(kb: &KbIndex<'_>) -> Gates {
    Gates::union(sets(kb))
}

/// The table of word classes for this KB's phrase sets, which [`KbIndex::word_table`] builds
/// once per KB.
pub fn table(kb: &KbIndex<'_>) -> WordTable {
    WordTable::new(kb.word_gates())
}

/// The sets searched, in the order of [`WordMatches`]' fields.
fn sets<'kb>(kb: &'kb KbIndex<'_>) -> [&'kb PhraseSet; 4] {
    let matcher = kb.role_matcher();
    [
        matcher.names().spellings(),
        matcher.anchors(),
        count::anchors(),
        anniversary::anchors(),
    ]
}
