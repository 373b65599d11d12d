//! Test support for the finders' first-word gates: text that starts with one of a gate's words
//! or with something close to one, in any case, for tests that compare a gate with the check it
//! stands in for.

use proptest::prelude::*;

/// Text starting with one of `words`, or a near miss of one (a letter dropped, added or
/// changed), or random letters and digits; letters in any case; then something from what may
/// follow a word ("", " ", "-", "s", "'s", a digit, a non-ASCII letter).
pub fn word_like(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    let word = prop_oneof![
        3 => prop::sample::select(words).prop_map(str::to_string),
        2 => (prop::sample::select(words), 0usize..12, "[a-z0-9]").prop_map(|(word, at, letter)| {
            let mut word = word.to_string();
            let mut at = at.min(word.len());
            while !word.is_char_boundary(at) {
                at -= 1;
            }
            match (at % 3, word[at..].chars().next()) {
                (0, _) => word.insert_str(at, &letter),
                (1, Some(c)) => word.replace_range(at..at + c.len_utf8(), &letter),
                _ => word.truncate(at),
            }
            word
        }),
        1 => "[a-z0-9]{0,12}",
    ];
    let after = prop::sample::select(AFTER);
    (word, prop::collection::vec(any::<bool>(), 16), after).prop_map(|(word, upper, after)| {
        let cased: String = word
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        cased + after
    })
}

/// What may follow a word in [`word_like`] and [`each_word_like`].
const AFTER: &[&str] = &["", " ", "-", "s", "'s", "1", "\u{e9}", "x summit"];

/// Every one of `words` in lower case, capitalised and in capitals, before each of [`AFTER`]:
/// the cases a gate test must pass every time, beside [`word_like`]'s random ones.
pub fn each_word_like(words: &[&str]) -> Vec<String> {
    let mut all = Vec::new();
    for word in words {
        let capitalised: String = word
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
            .collect();
        for cased in [word.to_string(), capitalised, word.to_ascii_uppercase()] {
            all.extend(AFTER.iter().map(|after| format!("{cased}{after}")));
        }
    }
    all
}
