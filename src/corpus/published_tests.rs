//! Tests of publication-date finding, on the seed articles and on forms real pages print.

use super::*;

fn date_of(text: &str) -> Option<(String, usize, String)> {
    let published = publication_date(text, 0..text.len())?;
    let DateSource::Text { line } = published.source else {
        panic!("not from the text: {published:?}");
    };
    let span = published.span.expect("a span");
    Some((published.date.iso(), line, text[span].to_string()))
}

fn seed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    std::fs::read_to_string(path).expect("seed article")
}

#[test]
fn seed_000_labelled_date() {
    let text = seed("000_7285b31c8776b67c.txt");
    let found = furniture(&text, 0..text.len());
    let (iso, line, words) = date_of(&text).unwrap();
    assert_eq!(
        (iso.as_str(), line, words.as_str()),
        ("2021-12-27", 1, "2021-12-27")
    );
    assert_eq!(found.outlet.as_deref(), Some("Yonhap"));
    assert_eq!(
        found.title.as_deref(),
        Some("Lee asks Japan ambassador for meeting with PM Kishida")
    );
}

#[test]
fn seed_001_relative_time_only() {
    let text = seed("001_a1c90cff86cb09d1.txt");
    assert_eq!(date_of(&text), None);
    let found = furniture(&text, 0..text.len());
    assert!(found.title.unwrap().starts_with("PM nominee stresses"));
}

#[test]
fn seed_002_indonesian_month() {
    let text = seed("002_508cd1338f32bbee.txt");
    let found = furniture(&text, 0..text.len());
    assert_eq!(
        date_of(&text),
        Some(("2025-06-09".into(), 4, "Juni 9, 2025".into()))
    );
    assert_eq!(found.outlet.as_deref(), Some("Kyodo"));
    let dateline = found.dateline.unwrap();
    assert_eq!(dateline.place, "TOKYO");
    assert_eq!(&text[dateline.span], "TOKYO (Kyodo) --");
    assert!(found.title.unwrap().starts_with("Japan, S. Korea leaders"));
}

#[test]
fn seed_003_no_printed_date() {
    let text = seed("003_c875433792eb0259.txt");
    assert_eq!(date_of(&text), None);
    let found = furniture(&text, 0..text.len());
    assert_eq!(found.dateline.unwrap().place, "KANANASKIS, Canada");
}

#[test]
fn seed_004_dateline_without_year() {
    let text = seed("004_36cde884e2ff4718.txt");
    let found = furniture(&text, 0..text.len());
    assert_eq!(
        date_of(&text),
        Some(("XXXX-01-16".into(), 9, "Jan 16".into()))
    );
    assert_eq!(found.outlet.as_deref(), Some("NationPress"));
    assert_eq!(found.dateline.unwrap().place, "Seoul");
    assert!(found.title.unwrap().starts_with("How is South Korean"));
}
