//! The generated corpus as a correctness test at scale: 300 articles drawn from the shipped KB
//! (`tests/corpus_gen/`), one in ten with a planted error. Every planted error must be reported
//! by its rule on its line, and nothing else may be an error.

mod corpus_gen;

use std::path::Path;

use assert_cmd::Command;
use factlint::kb::{Kb, KbIndex};
use serde_json::Value;

const ARTICLES: usize = 300;

fn generated_corpus(dir: &Path, seed: u64) -> corpus_gen::Corpus {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let corpus = corpus_gen::generate(&KbIndex::new(&kb), seed, ARTICLES);
    corpus.write(dir).expect("the corpus is written");
    corpus
}

fn check(dir: &Path, extra: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .current_dir(dir)
        .args(["check", "--no-cache", "--format", "json"])
        .args(extra)
        .arg(".")
        .output()
        .expect("factlint runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// (rule, file name, line) of every finding at level error.
fn errors(json: &Value) -> Vec<(String, String, u64)> {
    let mut found: Vec<_> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["level"] == "error")
        .map(|f| {
            let file = Path::new(f["file"].as_str().unwrap_or_default());
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                file.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                f["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_planted_error_is_found_and_nothing_else_is_an_error() {
    for seed in [1, 2] {
        let dir = tempfile::tempdir().expect("tempdir");
        let corpus = generated_corpus(dir.path(), seed);
        assert_eq!(
            corpus.planted.len(),
            ARTICLES / 10,
            "one article in ten is planted"
        );
        let mean = corpus.bytes() / ARTICLES;
        assert!(
            (3_000..=6_000).contains(&mean),
            "articles of 2-8 KB, {mean} bytes on average"
        );
        let mut expected: Vec<_> = corpus
            .planted
            .iter()
            .map(|p| (p.rule.clone(), p.file.clone(), p.line as u64))
            .collect();
        expected.sort();
        let json: Value = serde_json::from_slice(&check(dir.path(), &[])).expect("JSON output");
        assert_eq!(errors(&json), expected, "seed {seed}");
    }
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let index = KbIndex::new(&kb);
    let first = corpus_gen::generate(&index, 7, 40);
    let again = corpus_gen::generate(&index, 7, 40);
    let other = corpus_gen::generate(&index, 8, 40);
    let texts = |c: &corpus_gen::Corpus| {
        c.articles
            .iter()
            .map(|a| a.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&first), texts(&again));
    assert_eq!(first.planted, again.planted);
    assert_ne!(texts(&first), texts(&other));
    let sizes = first.articles.iter().map(|a| a.text.len());
    assert!(
        sizes.clone().all(|n| (2_000..=9_000).contains(&n)),
        "{:?}",
        sizes.collect::<Vec<_>>()
    );
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    generated_corpus(dir.path(), 3);
    let one = check(dir.path(), &["--threads", "1"]);
    let two = check(dir.path(), &["--threads", "2"]);
    let four = check(dir.path(), &["--threads", "4"]);
    assert!(
        one == two && two == four,
        "check output differs between thread counts"
    );
    let extract = |threads: &str| {
        let output = Command::cargo_bin("factlint")
            .expect("the binary builds")
            .current_dir(dir.path())
            .args(["extract", "--threads", threads, "."])
            .output()
            .expect("factlint runs");
        assert!(output.status.success());
        output.stdout
    };
    assert!(
        extract("1") == extract("2"),
        "extract output differs between thread counts"
    );
}
