//! Front matter and page furniture (publication date, outlet, dateline): any text, read as a
//! file would be, either parses or is an input error, and every span it reports is sound.
#![no_main]

use std::path::Path;

use factlint::corpus::{front_matter, try_parse_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(Some(front)) = front_matter(Path::new("fuzz.md"), text) {
        assert!(
            text.get(front.body.clone()).is_some(),
            "body {:?}",
            front.body
        );
    }
    if let Ok(article) = try_parse_article("fuzz.md".into(), text.to_string()) {
        assert!(
            text.get(article.body.clone()).is_some(),
            "body {:?}",
            article.body
        );
        let bad = factlint_fuzz::bad_spans(text, &article.meta);
        assert!(bad.is_empty(), "unsound spans: {bad:?}");
    }
});
