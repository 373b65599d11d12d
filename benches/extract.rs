//! Extraction throughput on one thread: `cargo bench --bench extract`, on the seed corpus and on
//! 200 generated articles (`tests/corpus_gen/`, about 1 MB). divan reports time per iteration
//! and, from the byte counter, MB/s.

// Only `generate` is used here; `Corpus::write` is for the example and the check bench.
#[allow(dead_code)]
#[path = "../tests/corpus_gen/mod.rs"]
mod corpus_gen;

use divan::counter::BytesCount;
use factlint::corpus::{Article, parse_article};
use factlint::extract::extract_article;
use factlint::kb::{Kb, KbIndex};

/// The binary's allocator (`src/main.rs`): extraction allocates for every mention and claim,
/// and the figure should be what `factlint check` gets, not what the system allocator gives.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn seed_articles() -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .expect("run from the crate root")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("seed articles are UTF-8");
            parse_article(path, text)
        })
        .collect()
}

/// All five seed articles, one after another, on one thread.
#[divan::bench]
fn extract_seed_corpus(bencher: divan::Bencher) {
    let articles = seed_articles();
    let kb = Kb::shipped().expect("the shipped KB loads");
    let kb = KbIndex::new(&kb);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        articles
            .iter()
            .map(|a| extract_article(divan::black_box(a), &kb).mentions.len())
            .sum::<usize>()
    });
}

/// 200 generated articles (about 1 MB), one after another, on one thread.
#[divan::bench]
fn extract_generated(bencher: divan::Bencher) {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let kb = KbIndex::new(&kb);
    let corpus = corpus_gen::generate(&kb, 1, 200);
    let articles: Vec<Article> = corpus
        .articles
        .iter()
        .map(|a| parse_article(a.name.clone().into(), a.text.clone()))
        .collect();
    bencher.counter(BytesCount::new(corpus.bytes())).bench(|| {
        articles
            .iter()
            .map(|a| extract_article(divan::black_box(a), &kb).mentions.len())
            .sum::<usize>()
    });
}
