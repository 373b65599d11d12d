//! `check --format html` on the seed corpus and on fixtures with planted errors, parsed as a
//! browser would (html5ever, through scraper): every finding of `--format json` is on the page,
//! every in-page link has its target, article text stays text, and the office timelines show
//! the KB's holders with the articles' claims on them.

use std::collections::{HashMap, HashSet};

use assert_cmd::Command;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// The planted fixtures: an article full of markup, wrong office holders, wrong ordinals across
/// articles and wrong weekdays.
const PLANTED: &[&str] = &[
    "tests/fixtures/html",
    "tests/fixtures/roles-tenure",
    "tests/fixtures/ordinal",
    "tests/fixtures/weekday",
];

fn check(format: &str, paths: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .env("NO_COLOR", "1")
        .args(["check", "--no-cache", "--format", format])
        .args(paths)
        .output()
        .expect("factlint runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        output.status.code().expect("exit code"),
    )
}

fn select(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// No tag repeats an attribute: a browser keeps the first of two `class` attributes and drops
/// the other silently (maud writes both for `li.finding class=(…)`).
fn assert_no_repeated_attributes(html: &str) {
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        for attribute in [" class=", " id=", " href="] {
            assert!(
                tag.matches(attribute).count() <= 1,
                "repeated{attribute} in <{tag}>"
            );
        }
    }
}

/// The page of `paths`, and the findings `--format json` reports for the same run.
fn page_and_findings(paths: &[&str]) -> (Html, Vec<Value>, i32) {
    let (html, code) = check("html", paths);
    assert_no_repeated_attributes(&html);
    let (json, json_code) = check("json", paths);
    assert_eq!(code, json_code, "html and json exit alike");
    let json: Value = serde_json::from_str(&json).expect("JSON output");
    let findings = json["findings"].as_array().expect("findings").clone();
    (Html::parse_document(&html), findings, code)
}

/// Every `href="#…"` names an element id on the page, and no id is used twice.
fn assert_links_resolve(page: &Html) {
    let mut ids = HashSet::new();
    for element in page.select(&select("[id]")) {
        let id = element.value().id().unwrap_or_default();
        assert!(ids.insert(id.to_string()), "id {id:?} used twice");
    }
    let mut links = 0;
    for link in page.select(&select("[href]")) {
        let href = link.value().attr("href").unwrap_or_default();
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("a link out of the page: {href}"));
        assert!(ids.contains(target), "no element with id {target:?}");
        links += 1;
    }
    assert!(links > 20, "the page links within itself ({links} links)");
}

/// The only script is the page's own, inline; nothing is fetched.
fn assert_self_contained(page: &Html) {
    let scripts: Vec<ElementRef<'_>> = page.select(&select("script")).collect();
    assert_eq!(scripts.len(), 1, "one script, the report's own");
    assert!(scripts[0].value().attr("src").is_none());
    for selector in ["img", "link", "iframe", "object", "embed", "[src]"] {
        assert_eq!(page.select(&select(selector)).count(), 0, "no {selector}");
    }
}

/// Each finding of the JSON report is an entry with its level, rule, message and location,
/// and the words it points at are marked in its article's text.
fn assert_every_finding_listed(page: &Html, findings: &[Value]) {
    let entries: Vec<ElementRef<'_>> = page.select(&select("li.finding")).collect();
    assert_eq!(entries.len(), findings.len(), "one entry per finding");
    for (entry, finding) in entries.iter().zip(findings) {
        let text = text_of(*entry);
        let location = format!(
            "{}:{}:{}",
            finding["file"].as_str().unwrap_or_default(),
            finding["line"],
            finding["column"]
        );
        assert_eq!(entry.value().attr("data-rule"), finding["rule"].as_str());
        assert_eq!(entry.value().attr("data-level"), finding["level"].as_str());
        for expected in [finding["message"].as_str().unwrap_or_default(), &location] {
            assert!(text.contains(expected), "{expected:?} not in {text:?}");
        }
        if let Some(help) = finding["help"].as_str() {
            assert!(text.contains(help), "help {help:?} not in {text:?}");
        }
        let related = finding["related"].as_array().map_or(0, Vec::len);
        let shown = entry.select(&select(".related-place")).count();
        assert_eq!(shown, related, "every related place beside {location}");
    }
    let marked = page.select(&select("#articles mark.finding")).count();
    assert!(
        marked >= findings.len(),
        "every finding marked in its article"
    );
}

/// The timeline of the Japanese ambassador to Seoul.
fn ambassador_timeline(page: &Html) -> ElementRef<'_> {
    page.select(&select("section.office[data-office=jp-ambassador-to-kr]"))
        .next()
        .expect("a timeline for the Japanese ambassador to Seoul")
}

#[test]
fn the_seed_corpus_report_is_whole_and_its_links_resolve() {
    let (page, findings, code) = page_and_findings(&["corpus"]);
    assert_eq!(code, 0, "the seeds are clean");
    assert_links_resolve(&page);
    assert_self_contained(&page);
    assert_every_finding_listed(&page, &findings);
    assert_eq!(page.select(&select("article.doc")).count(), 5);
    let summary = text_of(page.select(&select("#summary")).next().expect("summary"));
    for expected in [
        "Articles checked",
        "Office holders",
        "Publication dates",
        "inferred",
    ] {
        assert!(
            summary.contains(expected),
            "{expected:?} not in the summary"
        );
    }
}

#[test]
fn the_ambassador_timeline_shows_both_holders_with_the_seed_articles_on_their_terms() {
    let (html, _) = check("html", &["corpus"]);
    let page = Html::parse_document(&html);
    let office = ambassador_timeline(&page);
    let holders: Vec<String> = office
        .select(&select("svg text.holder"))
        .map(text_of)
        .collect();
    for name in ["Koichi Aiboshi", "Koichi Mizushima"] {
        assert!(
            holders.iter().any(|h| h == name),
            "{name} not in {holders:?}"
        );
    }
    assert!(office.select(&select("svg rect.term")).count() >= 2);
    // Each claim's dot links to its words, in the seed article that makes it.
    let article_of: HashMap<String, String> = page
        .select(&select("article.doc"))
        .flat_map(|article| {
            let path = text_of(article.select(&select(".path")).next().expect("path"));
            let ids: Vec<(String, String)> = article
                .select(&select("[id]"))
                .map(|el| {
                    (
                        el.value().id().unwrap_or_default().to_string(),
                        path.clone(),
                    )
                })
                .collect();
            ids
        })
        .collect();
    let mut dots: Vec<(String, String)> = office
        .select(&select("svg a.dot"))
        .map(|dot| {
            let target = dot.value().attr("href").unwrap_or_default();
            let file = article_of
                .get(target.trim_start_matches('#'))
                .cloned()
                .unwrap_or_default();
            (
                file,
                dot.value().attr("aria-label").unwrap_or_default().into(),
            )
        })
        .collect();
    dots.sort();
    let aiboshi = dots
        .iter()
        .find(|(_, label)| label.contains("Aiboshi"))
        .expect("a dot for Aiboshi");
    let mizushima = dots
        .iter()
        .find(|(_, label)| label.contains("Mizushima"))
        .expect("a dot for Mizushima");
    assert!(
        aiboshi.0.ends_with("000_7285b31c8776b67c.txt"),
        "{aiboshi:?}"
    );
    assert!(
        mizushima.0.ends_with("001_a1c90cff86cb09d1.txt"),
        "{mizushima:?}"
    );
    assert_eq!(
        office.select(&select(".conflict")).count(),
        0,
        "no conflict"
    );
}

#[test]
fn the_planted_report_lists_every_finding_beside_the_other_article() {
    let (page, findings, code) = page_and_findings(PLANTED);
    assert_eq!(code, 1, "errors fail the run, as in every format");
    assert!(findings.len() >= 10, "the fixtures plant errors");
    assert_links_resolve(&page);
    assert_self_contained(&page);
    assert_every_finding_listed(&page, &findings);
    // A cross-article finding links to the other article's section and to its words there.
    let crossing = page
        .select(&select("li.finding.split, li.finding"))
        .find(|entry| {
            entry
                .select(&select("figcaption"))
                .any(|caption| text_of(caption).contains("In the other article"))
        })
        .expect("a cross-article finding (ordinal)");
    let hrefs: Vec<&str> = crossing
        .select(&select("figure.related a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.iter().any(|h| h.starts_with("#article-")),
        "{hrefs:?}"
    );
    assert!(hrefs.iter().any(|h| h.starts_with("#rel-")), "{hrefs:?}");
    // The wrong ambassador is a red diamond on the ambassador's timeline.
    let office = ambassador_timeline(&page);
    let conflicts: Vec<String> = office
        .select(&select("a.dot"))
        .filter(|dot| dot.select(&select(".conflict")).next().is_some())
        .map(|dot| dot.value().attr("aria-label").unwrap_or_default().into())
        .collect();
    assert!(!conflicts.is_empty(), "a conflict on the timeline");
    assert!(conflicts.iter().all(|label| label.contains("conflict")));
    // "In 2022, then Japanese Prime Minister Taro Kono": drawn across 2022, in red.
    let kono = page
        .select(&select(
            "section.office[data-office=jp-prime-minister] a.dot",
        ))
        .find(|dot| {
            let label = dot.value().attr("aria-label").unwrap_or_default();
            label.contains("Taro Kono") && label.contains("(2022)")
        })
        .expect("Taro Kono's claim on the prime minister's timeline");
    assert_eq!(kono.select(&select("line.whisker.conflict")).count(), 3);
    assert_eq!(kono.select(&select("path.conflict")).count(), 1);
}

#[test]
fn markup_in_an_article_is_shown_as_text() {
    let (html, _) = check("html", &["tests/fixtures/html"]);
    let page = Html::parse_document(&html);
    assert_self_contained(&page);
    let article = page
        .select(&select("article.doc"))
        .next()
        .expect("the article");
    for tag in ["script", "img", "b", "i", "q"] {
        assert_eq!(
            article.select(&select(tag)).count(),
            0,
            "a <{tag}> from the text"
        );
    }
    let text = text_of(article);
    for written in [
        "<script>alert(1)</script>",
        "<img src=x onerror=\"alert(2)\">",
        "</mark></span></q>",
        "\"<i>official</i>\"",
        "& an ampersand",
    ] {
        assert!(text.contains(written), "{written:?} not shown as text");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let title = text_of(page.select(&select("title")).next().expect("title"));
    assert!(
        !title.contains("<b>"),
        "the page title is the report's, not the article's"
    );
}

/// An element's text nodes, each run of whitespace (and each boundary between nodes) one space.
fn words_of(element: ElementRef<'_>) -> String {
    let text: Vec<&str> = element.text().flat_map(str::split_whitespace).collect();
    text.join(" ")
}

#[test]
fn a_small_report_reads_as_a_desk_editor_sees_it() {
    let (html, _) = check("html", &["tests/fixtures/html"]);
    let page = Html::parse_document(&html);
    let mut seen = Vec::new();
    for (heading, selector) in [
        ("finding", "li.finding"),
        (
            "timeline row",
            "section.office[data-office=jp-ambassador-to-kr] tbody tr",
        ),
        ("article", "article.doc"),
    ] {
        for element in page.select(&select(selector)) {
            seen.push(format!("{heading}: {}", words_of(element)));
        }
    }
    insta::assert_snapshot!(seen.join("\n\n"));
}

#[test]
fn changed_files_mode_shows_the_named_articles_and_those_findings_point_into() {
    let dir = "tests/fixtures/roles-conflict";
    let paths = [
        "--kb",
        "tests/fixtures/roles-conflict/kb",
        "--no-shipped-kb",
        "--context",
        dir,
        "tests/fixtures/roles-conflict/reuters-g7.md",
    ];
    let (page, findings, code) = page_and_findings(&paths);
    assert_eq!(code, 1);
    assert_every_finding_listed(&page, &findings);
    let titles: Vec<String> = page
        .select(&select("article.doc h3"))
        .map(text_of)
        .collect();
    // Reuters (named) and the Guardian (the conflict's other side), not Der Spiegel (context
    // that no finding touches).
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("G7 leaders gather")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.contains("Leaders arrive")),
        "{titles:?}"
    );
    for link in page.select(&select("[href]")) {
        let target = link.value().attr("href").unwrap_or_default();
        let id = target.trim_start_matches('#');
        assert!(
            page.select(&select(&format!("[id=\"{id}\"]")))
                .next()
                .is_some(),
            "no target for {target}"
        );
    }
}
