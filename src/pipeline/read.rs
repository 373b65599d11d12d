//! Reading for the pipeline: the named paths, the `--context` corpus and standard input, through
//! the claim cache and the context snapshot when there are ones, into [`Loaded`] articles.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{STDIN, STDIN_NAME};
use crate::cache::{Cache, ContextSnapshot, Stamp};
use crate::corpus::{
    Article, InputError, InputErrorKind, ReadOptions, parse_article, read_corpus, read_limited,
    read_text, text_of, try_parse_article, walk,
};
use crate::extract::Extraction;
use crate::finding::InputFailure;

/// An article as read.
#[derive(Debug)]
pub(super) struct Loaded {
    pub article: Article,
    /// Its extraction, when the cache or the context snapshot had it.
    pub extraction: Option<Extraction>,
    /// For a file of the context: the path its walk found it under and its stamp before it
    /// was read, for the next context snapshot.
    pub snapshot_as: Option<(PathBuf, Stamp)>,
}

impl Loaded {
    fn read(article: Article) -> Self {
        Self {
            article,
            extraction: None,
            snapshot_as: None,
        }
    }
}

/// Reads files and directories through the corpus module (and the cache, when there is one),
/// and `-` from standard input. With a context snapshot, files whose stamp it holds are taken
/// from it without being read.
pub(super) fn read_inputs(
    paths: &[PathBuf],
    options: &ReadOptions,
    cache: Option<&Cache>,
    snapshot: Option<&mut ContextSnapshot>,
) -> (Vec<Loaded>, Vec<InputFailure>) {
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|path| path.as_os_str() == STDIN);
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let (mut articles, mut failures) = if files.is_empty() {
        (Vec::new(), Vec::new())
    } else if let Some(cache) = cache {
        read_files(&files, options, cache, snapshot)
    } else {
        let corpus = read_corpus(&files, options);
        let failures = corpus.errors.iter().map(input_failure).collect();
        let read = corpus.articles.into_iter().map(Loaded::read).collect();
        (read, failures)
    };
    if !stdin.is_empty() {
        match read_stdin(options) {
            Ok(text) => articles.push(Loaded::read(parse_article(PathBuf::from(STDIN_NAME), text))),
            Err(failure) => failures.push(failure),
        }
    }
    (articles, failures)
}

/// Reads the files under `paths` in parallel; with a cache, a file whose key has a sound entry
/// is not parsed again and comes with its extraction, and with a snapshot, a file whose stamp
/// it holds is not even read.
fn read_files(
    paths: &[PathBuf],
    options: &ReadOptions,
    cache: &Cache,
    mut snapshot: Option<&mut ContextSnapshot>,
) -> (Vec<Loaded>, Vec<InputFailure>) {
    let (files, errors) = walk(paths, options);
    let mut failures: Vec<InputFailure> = errors.iter().map(input_failure).collect();
    let missing = errors.iter().any(|e| e.kind == InputErrorKind::NotFound);
    if files.is_empty() && !missing {
        failures.push(input_failure(&InputError::no_articles(
            paths,
            &options.extensions,
        )));
    }
    let stamps: Vec<Option<Stamp>> = match snapshot {
        Some(_) => files.par_iter().map(|path| Stamp::of(path)).collect(),
        None => vec![None; files.len()],
    };
    // The snapshot is one map: take from it in order, then read what it lacked in parallel.
    let taken: Vec<Option<(Article, Extraction)>> = files
        .iter()
        .zip(&stamps)
        .map(|(path, stamp)| snapshot.as_deref_mut()?.take(path, (*stamp)?))
        .collect();
    let results: Vec<Result<Loaded, InputError>> = files
        .par_iter()
        .zip(stamps)
        .zip(taken)
        .map(|((path, stamp), taken)| {
            let mut loaded = match taken {
                Some((article, extraction)) => Loaded {
                    article,
                    extraction: Some(extraction),
                    snapshot_as: None,
                },
                None => read_file(path, options, cache)?,
            };
            loaded.snapshot_as = stamp.map(|stamp| (path.clone(), stamp));
            Ok(loaded)
        })
        .collect();
    let mut read = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(item) => read.push(item),
            Err(error) => failures.push(input_failure(&error)),
        }
    }
    (read, failures)
}

/// One file, through the claim cache.
fn read_file(path: &Path, options: &ReadOptions, cache: &Cache) -> Result<Loaded, InputError> {
    let text = read_text(path, options)?;
    if let Some(entry) = cache.load(&cache.key(&text))
        && text.get(entry.body.clone()).is_some()
    {
        let article = Article {
            path: path.to_path_buf(),
            text,
            body: entry.body,
            meta: entry.meta,
        };
        return Ok(Loaded {
            article,
            extraction: Some(entry.extraction),
            snapshot_as: None,
        });
    }
    Ok(Loaded::read(try_parse_article(path.to_path_buf(), text)?))
}

/// Changed-files mode: the named articles and the context articles not among them (by
/// canonical path), in the order of their canonical paths, as a walk of the whole corpus would
/// read them (cross-article rules report on the later claim, so order decides where a finding
/// goes); and for each, whether it was named.
pub(super) fn with_context(named: Vec<Loaded>, context: Vec<Loaded>) -> (Vec<Loaded>, Vec<bool>) {
    let canonical = |loaded: &Loaded| {
        let path = &loaded.article.path;
        std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())
    };
    let loaded: Vec<(Loaded, bool)> = named
        .into_iter()
        .map(|a| (a, true))
        .chain(context.into_iter().map(|a| (a, false)))
        .collect();
    let paths: Vec<PathBuf> = loaded.par_iter().map(|(l, _)| canonical(l)).collect();
    let mut index = HashMap::new();
    let mut all: Vec<(PathBuf, bool, Loaded)> = Vec::new();
    for (path, (loaded, is_named)) in paths.into_iter().zip(loaded) {
        match index.get(&path) {
            None => {
                index.insert(path.clone(), all.len());
                all.push((path, is_named, loaded));
            }
            // A named file that is also in the context: reported under the name given, but
            // kept in the next snapshot under its context path (when both reads saw one text).
            Some(&first) => {
                let kept = &mut all[first].2;
                if kept.article.text == loaded.article.text {
                    kept.snapshot_as = kept.snapshot_as.take().or(loaded.snapshot_as);
                }
            }
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.into_iter()
        .map(|(_, is_named, loaded)| (loaded, is_named))
        .unzip()
}

/// An input error as plain data for the reporters.
fn input_failure(error: &InputError) -> InputFailure {
    use miette::Diagnostic;
    InputFailure {
        file: error.path.clone(),
        message: error.to_string(),
        help: error.help().map(|help| help.to_string()),
    }
}

/// Standard input as text, with the same limits and checks as a file.
fn read_stdin(options: &ReadOptions) -> Result<String, InputFailure> {
    read_limited(std::io::stdin(), options.max_file_size, 0)
        .and_then(|bytes| text_of(bytes, options))
        .map_err(|kind| input_failure(&InputError::new(STDIN_NAME, kind)))
}
