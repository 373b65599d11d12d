//! People and office-holder claims linked to the shipped KB (and everything extraction derives
//! from them: anniversaries, counts, narrowed publication dates): never panics, spans sound.
#![no_main]

use factlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, text) = factlint_fuzz::dated_text(data);
    let article = factlint_fuzz::article(text, published);
    let kb = factlint_fuzz::shipped_index();
    let checked =
        factlint_fuzz::check_article(&article, kb, &RuleSet::default(), factlint_fuzz::today());
    if let Err(bad) = checked {
        panic!("unsound spans: {bad:?}");
    }
});
