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

#[test]
fn labelled_dates_in_many_languages() {
    let cases = [
        (
            "Published : Dec 27, 2021 - 14:13",
            "2021-12-27",
            "Dec 27, 2021",
        ),
        ("date 2021-12-27  Back To Top", "2021-12-27", "2021-12-27"),
        (
            "Posted on June 9, 2025 at 10:02 am",
            "2025-06-09",
            "June 9, 2025",
        ),
        (
            "Published: Monday, June 9, 2025",
            "2025-06-09",
            "Monday, June 9, 2025",
        ),
        (
            "First published on Tue 17 Jun 2025 09.00 BST",
            "2025-06-17",
            "Tue 17 Jun 2025",
        ),
        ("Publié le 9 juin 2025 à 10h02", "2025-06-09", "9 juin 2025"),
        (
            "Veröffentlicht am 9. Juni 2025, 10:02 Uhr",
            "2025-06-09",
            "9. Juni 2025",
        ),
        (
            "Publicado el 9 de junio de 2025",
            "2025-06-09",
            "9 de junio de 2025",
        ),
        (
            "Publicado em 9 de junho de 2025",
            "2025-06-09",
            "9 de junho de 2025",
        ),
        ("Pubblicato il 9 giugno 2025", "2025-06-09", "9 giugno 2025"),
        ("Gepubliceerd op 9 juni 2025", "2025-06-09", "9 juni 2025"),
        ("Diterbitkan: 9 Juni 2025", "2025-06-09", "9 Juni 2025"),
        ("DATE: 2025/06/09", "2025-06-09", "2025/06/09"),
        ("Posted: Sept. 3, 2024", "2024-09-03", "Sept. 3, 2024"),
    ];
    for (text, iso, words) in cases {
        let found = date_of(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(
            (found.0.as_str(), found.2.as_str()),
            (iso, words),
            "{text:?}"
        );
    }
}

#[test]
fn dates_standing_alone_or_set_apart() {
    let cases = [
        ("| Juni 9, 2025", "2025-06-09"),
        ("2025/06/09", "2025-06-09"),
        ("2025-06-09T10:00:00Z", "2025-06-09"),
        ("Monday, June 9, 2025", "2025-06-09"),
        ("June 9, 2025 10:02 am KST", "2025-06-09"),
        ("9 juin 2025", "2025-06-09"),
        ("Senin, 9 Juni 2025 10:02 WIB", "2025-06-09"),
        ("By Kim Soo-yeon | June 9, 2025", "2025-06-09"),
        ("Korea Herald · 2025.06.09 14:13", "2025-06-09"),
        ("MAINICHI\n| Juni 9, 2025\n32 0 0", "2025-06-09"),
    ];
    for (text, iso) in cases {
        assert_eq!(date_of(text).map(|d| d.0).as_deref(), Some(iso), "{text:?}");
    }
}

#[test]
fn datelines_give_a_day_without_a_year() {
    let cases = [
        (
            "WASHINGTON, June 9 (Reuters) - The U.S. Senate",
            "XXXX-06-09",
            "Reuters",
        ),
        (
            "SEOUL, June 9 (Yonhap) -- South Korea said",
            "XXXX-06-09",
            "Yonhap",
        ),
        (
            "LONDON, 9 June (Reuters) - Britain",
            "XXXX-06-09",
            "Reuters",
        ),
        (
            "Seoul, Jan 16 (NationPress) South Korean President",
            "XXXX-01-16",
            "NationPress",
        ),
        (
            "NEW YORK, June 9, 2025 (AP) — Stocks rose",
            "2025-06-09",
            "AP",
        ),
        (
            "SAN JOSE, Calif., Jan. 8 (Reuters) - Apple",
            "XXXX-01-08",
            "Reuters",
        ),
    ];
    for (text, iso, outlet) in cases {
        let found = furniture(text, 0..text.len());
        let published = found
            .published
            .unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(published.date.iso(), iso, "{text:?}");
        assert_eq!(found.outlet.as_deref(), Some(outlet), "{text:?}");
    }
}

#[test]
fn published_beats_updated_and_a_year_beats_none() {
    let text = "Updated : Dec 28, 2021 - 09:00\nPublished : Dec 27, 2021 - 14:13";
    assert_eq!(date_of(text).unwrap().1, 2);
    assert_eq!(iso_of(text), Some("2021-12-27".into()));
    let text = "Published : Dec 27, 2021 - 14:13       Updated : Dec 28, 2021 - 14:13";
    assert_eq!(iso_of(text), Some("2021-12-27".into()));
    assert_eq!(
        iso_of("Last updated: 10 June 2025"),
        Some("2025-06-10".into())
    );
    let text = "TOKYO, June 9 (Kyodo) -- Ishiba\n| June 9, 2025";
    assert_eq!(iso_of(text), Some("2025-06-09".into()));
}

#[test]
fn lines_and_spans_are_file_positions() {
    let text = "---\ntitle: x\n---\nMAINICHI\nPosted on June 9, 2025";
    let body = 17..text.len();
    let published = publication_date(text, body).unwrap();
    assert_eq!(published.source, DateSource::Text { line: 5 });
    assert_eq!(&text[published.span.unwrap()], "June 9, 2025");
}

#[test]
fn dates_in_the_story_are_not_publication_dates() {
    let cases = [
        "When asked if he meant after he wins the March 9 presidential election, Kim said the candidate did not specify.",
        "Korea Herald8 hours ago",
        "time8 hours ago",
        "On January 14, President Lee returned to South Korea after a two-day visit to Japan.",
        "President Lee Jae Myung, right, sits with Japanese Prime Minister Shigeru Ishiba for their first bilateral talks on the margins of the G7 summit in Kananaskis, Canada, on June 17, 2025. [JOINT PRESS CORPS]",
        "The Korean Peninsula was under Japanese colonial rule between 1910 and 1945.",
        "under Japan's 1910-45 colonial rule",
        "Lee to visit Japan on June 9, 2025",
        "Lee Jae-myung (R), the presidential nominee of the ruling Democratic Party, met on Dec 27, 2021",
        "Seoul, Jan 16 South Korean President Lee Jae Myung emphasized",
        "Updated 3 hours ago",
        "32 0 0",
        "It was their second summit following their initial meeting in Gyeongju in late October 2025.",
    ];
    for text in cases {
        assert_eq!(date_of(text), None, "{text:?}");
    }
}

#[test]
fn only_the_head_of_the_body_is_read() {
    let filler = "Lee met Ishiba.\n".repeat(45);
    let text = format!("{filler}Published: June 9, 2025\n");
    assert_eq!(date_of(&text), None);
    let long = "word ".repeat(700);
    let text = format!("{long}\n| June 9, 2025\n");
    assert_eq!(date_of(&text), None);
}

fn iso_of(text: &str) -> Option<String> {
    date_of(text).map(|d| d.0)
}

#[test]
fn crlf_lines_and_odd_ranges() {
    let text = "MAINICHI\r\n| Juni 9, 2025\r\nTOKYO (Kyodo) -- Ishiba\r\n";
    let (iso, line, words) = date_of(text).unwrap();
    assert_eq!(
        (iso.as_str(), line, words.as_str()),
        ("2025-06-09", 2, "Juni 9, 2025")
    );
    let text = "\u{feff}| Juni 9, 2025";
    assert_eq!(publication_date(text, 1..text.len()), None);
    assert_eq!(publication_date(text, 100..200), None);
}

#[test]
fn reading_fewer_fields_finds_the_wanted_ones_alike() {
    let mut texts: Vec<String> = [
        "000_7285b31c8776b67c.txt",
        "001_a1c90cff86cb09d1.txt",
        "002_508cd1338f32bbee.txt",
        "003_c875433792eb0259.txt",
        "004_36cde884e2ff4718.txt",
    ]
    .into_iter()
    .map(seed)
    .collect();
    texts.extend(
        [
            "Leaders meet in Seoul for talks on trade\nBy Kim Tong-hyung | AP\nSEOUL, June 9 (AP) -- Lee met",
            "MAINICHI\n| Juni 9, 2025\nTOKYO (Kyodo) -- Ishiba\nPublished: June 10, 2025\n",
            "Updated 3 hours ago\nNo dateline here at all, only a story that goes on.\n",
        ]
        .map(String::from),
    );
    for text in &texts {
        let all = furniture(text, 0..text.len());
        for bits in 0..8 {
            let wanted = Wanted {
                published: bits & 1 != 0,
                outlet: bits & 2 != 0,
                title: bits & 4 != 0,
            };
            let some = furniture_for(text, 0..text.len(), wanted);
            assert_eq!(some.dateline, all.dateline, "{text:?}");
            if wanted.published {
                assert_eq!(some.published, all.published, "{text:?}");
            }
            if wanted.outlet {
                assert_eq!(some.outlet, all.outlet, "{text:?}");
            }
            if wanted.title {
                assert_eq!(some.title, all.title, "{text:?}");
            }
        }
    }
}
