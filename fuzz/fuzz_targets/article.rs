//! The whole article pipeline: parse, extract with the shipped KB, run every shipped rule and
//! the suppressions, and render the findings; never panics, and every span is sound.
#![no_main]

use factlint::report::{Colour, human};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, text) = factlint_fuzz::dated_text(data);
    let article = factlint_fuzz::article(text, published);
    let kb = factlint_fuzz::shipped_index();
    let rules = factlint_fuzz::shipped_rules();
    match factlint_fuzz::check_article(&article, kb, rules, factlint_fuzz::today()) {
        Ok(findings) => {
            let _ = human::render_findings(&[article], &findings, 0, Colour::Never);
        }
        Err(bad) => panic!("unsound spans: {bad:?}"),
    }
});
