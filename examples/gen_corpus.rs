//! Write a generated corpus: `cargo run --release --example gen_corpus -- N DIR [SEED]`.
//!
//! N articles of 2–8 KB (`DIR/000000.md` …) drawn from the shipped knowledge base, one in ten
//! with a planted error listed in `DIR/planted.json`; the same seed gives the same corpus.

#[path = "../tests/corpus_gen/mod.rs"]
mod corpus_gen;

use std::path::PathBuf;
use std::process::ExitCode;

use factlint::kb::{Kb, KbIndex};

const USAGE: &str = "usage: gen_corpus N DIR [SEED]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("N must be a number\n{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(seed) = args.get(2).map_or(Ok(1), |s| s.parse::<u64>()) else {
        eprintln!("SEED must be a number\n{USAGE}");
        return ExitCode::from(2);
    };
    let kb = match Kb::shipped() {
        Ok(kb) => kb,
        Err(error) => {
            eprintln!("the shipped KB does not load: {error}");
            return ExitCode::from(2);
        }
    };
    let corpus = corpus_gen::generate(&KbIndex::new(&kb), seed, count);
    let dir = PathBuf::from(dir);
    if let Err(error) = corpus.write(&dir) {
        eprintln!("cannot write {}: {error}", dir.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "{} articles, {} bytes, {} planted errors in {}",
        corpus.articles.len(),
        corpus.bytes(),
        corpus.planted.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
