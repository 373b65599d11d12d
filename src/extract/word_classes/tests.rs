use proptest::prelude::*;

use super::*;
use crate::extract::gate_samples::{each_word_like, word_like};
use crate::extract::grammar_starts::GrammarStarts;
use crate::extract::lexicon::ORDINALS;
use crate::extract::samples::seed_articles;
use crate::extract::word_matches;
use crate::kb::{Kb, KbIndex};

/// Asserts that every finder finds in `text[range]` at the words the table picks what it
/// finds trying every word; returns how many finds there were.
fn assert_same_finds(kb: &KbIndex<'_>, text: &str, range: std::ops::Range<usize>) -> usize {
    let words = WordStarts::new(text, range.clone());
    let classified = kb.word_table().classify(text, &words, kb.word_gates());
    let start = |&index: &usize| words.all()[index];
    let context = || {
        let shown: String = text[range.clone()].chars().take(80).collect();
        format!("{range:?} of {shown:?}")
    };

    let every_anchor = prescan::anchors(text, &words);
    let anchors = prescan::anchors_among(text, &words, classified.anchors.iter().map(start));
    assert_eq!(anchors, every_anchor, "anchors in {}", context());

    let every_start = GrammarStarts::new(text, &words);
    let starts = GrammarStarts::among(
        text,
        &words,
        classified.ordinals.iter().copied(),
        classified.units.iter().copied(),
    );
    assert_eq!(
        starts.ordinals,
        every_start.ordinals,
        "ordinals in {}",
        context()
    );
    assert_eq!(
        starts.lengths,
        every_start.lengths,
        "lengths in {}",
        context()
    );

    let every_word: Vec<usize> = (0..words.all().len()).collect();
    let every_match = word_matches::find(text, &words, &every_word, kb);
    let matches = word_matches::find(text, &words, &classified.phrases, kb);
    let lists = |found: &word_matches::WordMatches| {
        [
            &found.names,
            &found.titles,
            &found.counts,
            &found.anniversaries,
        ]
        .map(Clone::clone)
    };
    assert_eq!(
        lists(&matches),
        lists(&every_match),
        "phrases in {}",
        context()
    );

    every_anchor.len()
        + every_start.ordinals.len()
        + every_start.lengths.len()
        + lists(&every_match).iter().map(Vec::len).sum::<usize>()
}

/// Words of every class, in the forms the table must not miss: plurals ("Mondays"), digits
/// inside and after letters ("G20", "3rd"), letters beyond ASCII after ASCII ones
/// ("février"), words longer than eight and sixteen bytes, prefixes of longer words
/// ("anniv" in "anniversary"), and KB names and titles.
const TRICKY: &[&str] = &[
    "On Mondays and TUESDAYS the G20 met; the 3rd and 21st sessions ran for two weeks.",
    "En février 2019, le 14 juillet, mid-June and midsummer, the 1990s, a fortnight later.",
    "The anniversary, the 60th anniv. party, its centenary: fifty years since the Treaty.",
    "Former Prime Minister Fumio Kishida met Ambassador Lee Hyuk-ju, then ambassador to Japan.",
    "Their third-ever summit, the second inaugural meeting and a maiden voyage lasted decades.",
    "Counterrevolutionaries, internationalisation and yesterdays of centuries past.",
    "Six of the 12 members, including three ministers, stayed overnight for 48 hours.",
    "Kimberly Kim and KIM Jong-un; Yoon's aides; Moon-era policy; Abe2 and Abe's successor.",
];

#[test]
fn finders_find_the_same_at_the_classified_words() {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let kb = KbIndex::new(&kb);
    let mut texts: Vec<String> = seed_articles();
    texts.extend(TRICKY.iter().map(|text| text.to_string()));
    let mut forms = prescan::anchor_words().collect::<Vec<_>>();
    forms.extend(ORDINALS);
    let units = interval::unit_words();
    forms.extend(units.iter().map(String::as_str));
    texts.push(each_word_like(&forms).join(" the "));
    let mut found = 0;
    for text in &texts {
        let boundaries: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        // The whole text, and cut at every 41st character (a range may start inside a word).
        for &cut in boundaries.iter().step_by(41) {
            found += assert_same_finds(&kb, text, 0..text.len());
            found += assert_same_finds(&kb, text, cut..text.len());
        }
    }
    assert!(found > 10_000, "only {found} finds");
}

#[test]
fn most_words_are_turned_away() {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let kb = KbIndex::new(&kb);
    let (mut words, mut picked) = (0, 0);
    for text in seed_articles() {
        let starts = WordStarts::new(&text, 0..text.len());
        let classified = kb.word_table().classify(&text, &starts, kb.word_gates());
        words += starts.all().len();
        let lists = [
            &classified.phrases,
            &classified.anchors,
            &classified.ordinals,
            &classified.units,
        ];
        picked += lists.iter().map(|list| list.len()).sum::<usize>();
    }
    assert!(picked * 3 < words, "{picked} picks among {words} words");
}

proptest! {
    #[test]
    fn finders_find_the_same_in_word_like_text(
        words in prop::collection::vec(
            prop_oneof![
                word_like(&["january", "mondays", "years", "fortnight", "third", "inaugural"]),
                word_like(&["anniv", "anniversary", "including", "ambassador", "minister"]),
                word_like(&["kishida", "fumio", "yoon", "kim", "suk-yeol", "hyuk-ju"]),
            ],
            1..12,
        ),
        cut in 0usize..40,
    ) {
        let kb = Kb::shipped().expect("the shipped KB loads");
        let kb = KbIndex::new(&kb);
        let text = words.join(" ");
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        assert_same_finds(&kb, &text, cut..text.len());
    }
}
