//! The date and time mention scan and its resolution against a publication date, with no KB:
//! never panics, and every mention's span is sound.
#![no_main]

use factlint::kb::{Kb, KbIndex};
use factlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, text) = factlint_fuzz::dated_text(data);
    let article = factlint_fuzz::article(text, published);
    let empty = Kb::default();
    let kb = KbIndex::new(&empty);
    let checked =
        factlint_fuzz::check_article(&article, &kb, &RuleSet::default(), factlint_fuzz::today());
    if let Err(bad) = checked {
        panic!("unsound spans: {bad:?}");
    }
});
