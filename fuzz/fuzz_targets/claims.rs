//! The event-count and interval finders called directly, on any body range the fuzzer picks
//! (not only the whole text): never panic, and every claim lies inside that body.
#![no_main]

use factlint::extract::{WordStarts, event, interval};
use factlint::time::CalendarDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, text) = factlint_fuzz::dated_text(data);
    // A body that starts at the first char boundary after a fuzzer-chosen byte.
    let skip = data.first().map_or(0, |&b| usize::from(b % 16));
    let start = (skip..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let body = start..text.len();
    let kb = factlint_fuzz::shipped_index();
    let words = WordStarts::new(&text, body.clone());
    let events = event::find(
        &text,
        &words,
        &event::Context {
            kb,
            published: published.map(CalendarDate::full),
            mentions: &[],
            people: &[],
        },
    );
    let intervals = interval::find(
        &text,
        &words,
        &interval::Context {
            kb,
            mentions: &[],
            people: &[],
        },
    );
    let bad = [
        factlint_fuzz::bad_spans(&text, &events),
        factlint_fuzz::bad_spans(&text, &intervals),
    ]
    .concat();
    assert!(bad.is_empty(), "{bad:?}");
    for claim in &events {
        assert!(
            claim.span.start >= body.start,
            "event before the body: {:?}",
            claim.span
        );
    }
    for claim in &intervals {
        assert!(
            claim.span.start >= body.start,
            "interval before the body: {:?}",
            claim.span
        );
    }
});
