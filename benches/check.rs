//! Whole `check` runs (library `pipeline::lint`: read, extract on all cores, rules, suppressions)
//! over generated corpora of 1,000 and 10,000 articles, and 100,000 with
//! `FACTLINT_BENCH_100K=1`: `cargo bench --bench check`. divan reports articles/s and MB/s; the
//! corpora are written once per run to a temporary directory by `tests/corpus_gen/`.

#[path = "../tests/corpus_gen/mod.rs"]
mod corpus_gen;

use std::path::PathBuf;

use divan::counter::{BytesCount, ItemsCount};
use factlint::LintOptions;
use factlint::kb::{Kb, KbIndex};

/// The binary's allocator (`src/main.rs`), so the figures are what `factlint check` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Corpus sizes: 100,000 articles (about 500 MB on disk) only when asked for.
fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("FACTLINT_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    sizes
}

#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn check_generated(bencher: divan::Bencher, articles: usize) {
    let kb = Kb::shipped().expect("the shipped KB loads");
    let corpus = corpus_gen::generate(&KbIndex::new(&kb), 1, articles);
    let dir = tempfile::tempdir().expect("a temporary directory");
    corpus.write(dir.path()).expect("the corpus is written");
    let paths = vec![PathBuf::from(dir.path())];
    let options = LintOptions::default();
    bencher
        .counter(BytesCount::new(corpus.bytes()))
        .counter(ItemsCount::new(articles))
        .bench(|| {
            let report = factlint::lint(&paths, &options).expect("the shipped rules load");
            assert_eq!(report.articles.len(), articles);
            report.findings.len()
        });
}
