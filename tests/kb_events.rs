//! Events and series in the knowledge base: the shipped ones load, validate and state the facts
//! the seed corpus counts from; planted errors in fixture KBs each produce their diagnostic.

use factlint::limits::YamlLimits;
use std::path::Path;

use factlint::kb::{ConfigError, EventKind, Kb, KbDate, KbIndex, SeriesCount};
use factlint::report::Colour;
use factlint::report::human::render_diagnostic;

fn render(error: &ConfigError) -> String {
    error
        .problems
        .iter()
        .map(|problem| render_diagnostic(problem.as_ref(), Colour::Never))
        .collect::<Vec<_>>()
        .join("\n")
}

fn shipped() -> Kb {
    Kb::shipped().unwrap_or_else(|error| panic!("{error}:\n{}", render(&error)))
}

/// The shipped KB plus a fixture directory, which must be rejected; the rendered problems.
fn problems(name: &str) -> (usize, String) {
    let dir = Path::new("tests/fixtures/kb").join(name);
    let error = Kb::load(Some(&dir), &YamlLimits::default())
        .expect_err("the fixture KB should be rejected");
    (error.problems.len(), render(&error))
}

fn day(text: &str) -> KbDate {
    text.parse().expect("a valid date")
}

fn ids(count: &SeriesCount<'_>) -> Vec<String> {
    count.events.iter().map(|e| e.id.value.clone()).collect()
}

const KR_JP: [&str; 2] = ["kr-president", "jp-prime-minister"];

/// The summit series between the two offices, counted within the presidency on `date`.
fn summits_on<'a>(index: &'a KbIndex<'_>, date: &str) -> SeriesCount<'a> {
    let counts = index.series_for(EventKind::Summit, &KR_JP, day(date));
    assert_eq!(counts.len(), 1, "one presidency on {date}");
    assert_eq!(counts[0].series.id.value, "kr-president-jp-pm-summits");
    counts[0]
}

#[test]
fn the_shipped_events_load_and_validate() {
    let kb = shipped();
    assert!(kb.events.len() >= 40, "{} events", kb.events.len());
    assert!(kb.series.len() >= 4, "{} series", kb.series.len());
    kb.validate().expect("no problems");
    for event in &kb.events {
        assert!(
            event.source.starts_with("https://") || event.source.starts_with("http://"),
            "{}: {:?}",
            event.id.value,
            event.source
        );
        assert!(!event.names.is_empty(), "{} has no names", event.id.value);
    }
}

#[test]
fn kananaskis_opens_the_lee_era_summits_and_nara_is_the_fifth() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    let lee = summits_on(&index, "2025-06-17");
    assert_eq!(lee.term.expect("a term").person.value, "lee-jae-myung");
    assert_eq!(lee.ordinal_of("kr-jp-summit-2025-06-17"), Some(1));
    let kananaskis = lee.nth(1).expect("a first summit");
    assert_eq!(kananaskis.date.value, day("2025-06-17"));
    assert_eq!(
        kananaskis.place.as_deref(),
        Some("Kananaskis, Alberta, Canada")
    );
    let nara = lee.nth(5).expect("a fifth summit");
    assert_eq!(nara.id.value, "kr-jp-summit-2026-01-13");
    assert!(
        nara.participants
            .iter()
            .any(|p| p.value == "sanae-takaichi")
    );
    // Counting on the day of the Nara summit finds the same term and the same five.
    assert_eq!(
        ids(&summits_on(&index, "2026-01-13")),
        [
            "kr-jp-summit-2025-06-17",
            "kr-jp-summit-2025-08-23",
            "kr-jp-summit-2025-09-30",
            "kr-jp-summit-2025-10-30",
            "kr-jp-summit-2026-01-13",
        ]
    );
    // "their second summit": Lee and Takaichi, within the count.
    let with_takaichi: Vec<&str> = lee
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.value == "sanae-takaichi"))
        .map(|e| e.id.value.as_str())
        .collect();
    assert_eq!(
        with_takaichi,
        ["kr-jp-summit-2025-10-30", "kr-jp-summit-2026-01-13"]
    );
}

#[test]
fn yoon_held_twelve_summits_with_kishida_and_the_first_was_in_new_york() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    let yoon = summits_on(&index, "2023-01-01");
    assert_eq!(yoon.term.expect("a term").person.value, "yoon-suk-yeol");
    assert_eq!(
        yoon.nth(1).expect("first").id.value,
        "kr-jp-summit-2022-09-21"
    );
    let with_kishida = yoon
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.value == "fumio-kishida"))
        .count();
    assert_eq!(with_kishida, 12);
}

#[test]
fn ishiba_was_the_second_foreign_leader_lee_phoned_and_the_second_trip_to_japan_was_nara() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    let calls = index.series_for(
        EventKind::PhoneCall,
        &["kr-president", "jp-prime-minister"],
        day("2025-06-17"),
    );
    let ids_of: Vec<&str> = calls.iter().map(|c| c.series.id.value.as_str()).collect();
    assert_eq!(
        ids_of,
        [
            "kr-president-jp-pm-phone-calls",
            "kr-president-foreign-leader-phone-calls"
        ]
    );
    assert_eq!(calls[0].ordinal_of("kr-jp-phone-call-2025-06-09"), Some(1));
    assert_eq!(calls[1].ordinal_of("kr-jp-phone-call-2025-06-09"), Some(2));
    let trips = index.series_for(EventKind::Visit, &["kr-president"], day("2026-01-16"));
    assert_eq!(trips.len(), 1);
    assert_eq!(
        trips[0].ordinal_of("kr-president-visit-japan-2026-01"),
        Some(2)
    );
}

#[test]
fn the_sixtieth_anniversary_of_normalization_counts_from_1965() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    for phrase in [
        "the normalization of diplomatic relations",
        "normalization of diplomatic ties",
        "the establishment of diplomatic relations",
        "diplomatic normalization",
    ] {
        let found = index.events_named(phrase);
        assert_eq!(found.len(), 1, "{phrase}");
        assert_eq!(found[0].id.value, "kr-jp-normalization");
        assert_eq!(found[0].year(), 1965);
        assert_eq!(found[0].year() + 60, 2025);
    }
    let treaty =
        index.events_named("Treaty on Basic Relations between Japan and the Republic of Korea");
    assert_eq!(treaty[0].date.value, day("1965-06-22"));
    assert_eq!(
        index.event("kr-jp-normalization").unwrap().date.value,
        day("1965-12-18")
    );
    assert_eq!(index.events_named("liberation")[0].year(), 1945);
}

#[test]
fn the_g7_summit_spans_three_days_and_the_inauguration_is_dated() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    let on = |date: &str| -> Vec<String> {
        index
            .events_on(day(date))
            .map(|e| e.id.value.clone())
            .collect()
    };
    assert_eq!(on("2025-06-16"), ["g7-summit-2025"]);
    assert_eq!(
        on("2025-06-17"),
        ["g7-summit-2025", "kr-jp-summit-2025-06-17"]
    );
    assert_eq!(on("2025-06-04"), ["kr-presidential-inauguration-2025"]);
    assert_eq!(on("2025-06-03"), ["kr-presidential-election-2025"]);
    assert_eq!(
        on("2023-08-18").len(),
        2,
        "Camp David and the bilateral beside it"
    );
    let g7 = index.event("g7-summit-2025").unwrap();
    assert_eq!(g7.until.as_ref().unwrap().value, day("2025-06-17"));
}

#[test]
fn an_unknown_series() {
    let (count, rendered) = problems("events-unknown-series");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("unknown series `kr-president-jp-pm-summit`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("events-unknown-series/events.yaml:8:14"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn an_event_without_a_source() {
    let (count, rendered) = problems("events-missing-source");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("the event `fixture-call` has no source"),
        "{rendered}"
    );
    assert!(
        rendered.contains("events-missing-source/events.yaml:3:5"),
        "{rendered}"
    );
}

#[test]
fn an_event_ending_before_it_starts() {
    let (count, rendered) = problems("events-to-before-from");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("the event ends (2025-06-15) before it starts (2025-06-17)"),
        "{rendered}"
    );
    assert!(
        rendered.contains("events-to-before-from/events.yaml:5:11"),
        "{rendered}"
    );
}

#[test]
fn every_event_problem_is_reported_together() {
    let (count, rendered) = problems("events-several");
    for expected in [
        "unknown person or role `xx-nobody`",
        "unknown role `lee-jae-myung`",
        "probably the same event again",
        "`fixture-call` is a phone-call",
        "needs `jp-prime-minister`",
        "the event `fixture-undated` has no date",
        "the event `fixture-both` has both `date:` and `from:`/`to:`",
        "the source `not a url` is not a URL",
    ] {
        assert!(rendered.contains(expected), "{expected}: {rendered}");
    }
    assert_eq!(count, 8, "{rendered}");
}
