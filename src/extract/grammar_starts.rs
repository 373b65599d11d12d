//! Where the event and interval grammars may match: the body's words that pass their first
//! tests ([`could_start_ordinal`], [`is_unit`]).

use super::event::could_start_ordinal;
use super::interval::{LEAD_TOKENS, is_unit};
use super::word_starts::WordStarts;

/// The word starts where each grammar is tried, in order.
pub struct GrammarStarts {
    /// Where an ordinal may stand: the words [`could_start_ordinal`] lets through, not after a
    /// hyphen, which joins the run to the word before ("twenty-first").
    pub ordinals: Vec<usize>,
    /// Where a length may start: the word starts (not after a hyphen) with a unit of time
    /// among the [`LEAD_TOKENS`] tokens after them, since a length always ends in one.
    pub lengths: Vec<usize>,
}

impl GrammarStarts {
    /// The starts in the body, the range of `words`.
    pub fn new(text: &str, words: &WordStarts) -> GrammarStarts {
        let every = 0..words.all().len();
        GrammarStarts::among(text, words, every.clone(), every)
    }

    /// [`GrammarStarts::new`] tried only at the words (indexes into `words`, in order) that
    /// [`super::word_classes`] found may be ordinals and units. When a unit turns up, the
    /// tokens before it (not yet emitted) are read back from the list of starts.
    pub fn among(
        text: &str,
        words: &WordStarts,
        ordinal_words: impl Iterator<Item = usize>,
        unit_words: impl Iterator<Item = usize>,
    ) -> GrammarStarts {
        let end = words.range().end;
        let bytes = &text.as_bytes()[..end];
        let all = words.all();
        let starts_word = |at: usize| at == 0 || bytes[at - 1] != b'-';
        let ordinals = ordinal_words
            .map(|token| all[token])
            .filter(|&at| could_start_ordinal(&bytes[at..]) && starts_word(at))
            .collect();
        let mut lengths = Vec::new();
        // Tokens before this index were emitted already.
        let mut emitted = 0;
        // A token: alphanumerics after anything else.
        for token in unit_words {
            if is_unit(text, all[token], end) {
                let lead = &all[emitted.max(token.saturating_sub(LEAD_TOKENS))..token];
                lengths.extend(lead.iter().filter(|&&at| starts_word(at)));
                emitted = token;
            }
        }
        GrammarStarts { ordinals, lengths }
    }
}
