//! Reading: one file into an [`Article`] (decoding, front matter, page furniture), and a
//! whole corpus in parallel.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::front_matter::front_matter;
use super::published::{Wanted, furniture_for};
use super::walk::walk;
use super::{Article, InputError, InputErrorKind, Metadata, ReadOptions};
use crate::limits::check_line_length;

const BOM: &str = "\u{feff}";
/// How far into a file a NUL byte marks it as binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// The articles under some paths, and the inputs that could not be read, both in path order.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub errors: Vec<InputError>,
}

/// Reads every article under `paths` in parallel. A bad file is reported and the others are
/// read; when nothing at all is found, that is an error too.
pub fn read_corpus(paths: &[PathBuf], options: &ReadOptions) -> Corpus {
    let (files, mut errors) = walk(paths, options);
    let missing = errors.iter().any(|e| e.kind == InputErrorKind::NotFound);
    if files.is_empty() && !missing {
        errors.push(InputError::no_articles(paths, &options.extensions));
    }
    let results: Vec<Result<Article, InputError>> = files
        .par_iter()
        .map(|file| read_article(file, options))
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(error),
        }
    }
    Corpus { articles, errors }
}

/// Reads one file: it must be UTF-8 text within the size limit, with well-formed front
/// matter if it has any. An empty file is an article with nothing in it.
pub fn read_article(path: &Path, options: &ReadOptions) -> Result<Article, InputError> {
    let text = read_text(path, options)?;
    try_parse_article(path.to_path_buf(), text)
}

/// One file's text: UTF-8, not binary, within the size and line-length limits (what
/// [`read_article`] parses).
pub fn read_text(path: &Path, options: &ReadOptions) -> Result<String, InputError> {
    let io_error =
        |error: std::io::Error| InputError::new(path, InputErrorKind::Io(error.to_string()));
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    // A file over the limit is refused before it is read, so even a huge one costs nothing.
    if size > options.max_file_size {
        let limit = options.max_file_size;
        return Err(InputError::new(
            path,
            InputErrorKind::TooLarge { size, limit },
        ));
    }
    let bytes = read_limited(
        file,
        options.max_file_size,
        usize::try_from(size).unwrap_or(0),
    )
    .map_err(|kind| InputError::new(path, kind))?;
    text_of(bytes, options).map_err(|kind| InputError::new(path, kind))
}

/// Everything `reader` holds, if it is within `limit` bytes; `expected` sizes the buffer. It
/// reads one byte past the limit, in case a file grew since its size was taken.
pub fn read_limited(
    reader: impl Read,
    limit: u64,
    expected: usize,
) -> Result<Vec<u8>, InputErrorKind> {
    let mut bytes = Vec::with_capacity(expected);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| InputErrorKind::Io(error.to_string()))?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(InputErrorKind::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// The text of a file or of standard input, if it is UTF-8, not binary, and no line is over
/// the limit.
pub fn text_of(bytes: Vec<u8>, options: &ReadOptions) -> Result<String, InputErrorKind> {
    let text = decode(bytes)?;
    check_line_length(&text, options.max_line_length)?;
    Ok(text)
}

/// The text of a file, if it is UTF-8 and not binary.
fn decode(bytes: Vec<u8>) -> Result<String, InputErrorKind> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputErrorKind::Utf16);
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Err(InputErrorKind::Binary);
    }
    String::from_utf8(bytes).map_err(|error| InputErrorKind::NotUtf8 {
        offset: error.utf8_error().valid_up_to(),
    })
}

/// An article from text already in memory (stdin, tests). Never fails: malformed front
/// matter is treated as text, so use [`try_parse_article`] where it should be reported.
pub fn parse_article(path: PathBuf, text: String) -> Article {
    let front = front_matter(&path, &text).ok().flatten();
    assemble(path, text, front)
}

/// An article from text already in memory; malformed front matter is an error.
pub fn try_parse_article(path: PathBuf, text: String) -> Result<Article, InputError> {
    let front = front_matter(&path, &text)?;
    Ok(assemble(path, text, front))
}

/// Front matter wins, field by field, over what the page furniture says.
fn assemble(path: PathBuf, text: String, front: Option<super::FrontMatter>) -> Article {
    let (body, mut meta) = match front {
        Some(front) => (front.body, front.meta),
        None => {
            let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
            (start..text.len(), Metadata::default())
        }
    };
    let wanted = Wanted {
        published: meta.published.is_none(),
        outlet: meta.outlet.is_none(),
        title: meta.title.is_none(),
    };
    let found = furniture_for(&text, body.clone(), wanted);
    meta.published = meta.published.or(found.published);
    meta.outlet = meta.outlet.or(found.outlet);
    meta.title = meta.title.or(found.title);
    meta.dateline = meta.dateline.or(found.dateline);
    Article {
        path,
        text,
        body,
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DateSource;
    use std::fs;

    fn options() -> ReadOptions {
        ReadOptions::default()
    }

    #[test]
    fn reads_a_plain_article() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(
            &path,
            "TOKYO (Kyodo) -- Japanese Prime Minister Shigeru Ishiba\n",
        )
        .unwrap();
        let article = read_article(&path, &options()).unwrap();
        assert_eq!(article.body, 0..article.text.len());
        assert_eq!(article.meta.outlet.as_deref(), Some("Kyodo"));
    }

    #[test]
    fn an_empty_file_is_an_empty_article() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        fs::write(&path, "").unwrap();
        let article = read_article(&path, &options()).unwrap();
        assert_eq!(article.text, "");
        assert_eq!(article.body, 0..0);
        assert!(article.meta.published.is_none());
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.txt");
        fs::write(&path, b"Seoul, Jan 16 (NationPress) Caf\xe9").unwrap();
        let error = read_article(&path, &options()).unwrap_err();
        assert_eq!(error.kind, InputErrorKind::NotUtf8 { offset: 31 });
        assert!(
            error
                .to_string()
                .ends_with("latin1.txt: not valid UTF-8 (first invalid byte at offset 31)")
        );
    }

    #[test]
    fn binary_and_utf16_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("image.txt");
        fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        assert_eq!(
            read_article(&binary, &options()).unwrap_err().kind,
            InputErrorKind::Binary
        );
        let utf16 = dir.path().join("wide.txt");
        fs::write(&utf16, b"\xff\xfeS\0e\0o\0u\0l\0").unwrap();
        assert_eq!(
            read_article(&utf16, &options()).unwrap_err().kind,
            InputErrorKind::Utf16
        );
    }

    #[test]
    fn files_above_the_limit_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        fs::write(&path, "x".repeat(2048)).unwrap();
        let small = ReadOptions {
            max_file_size: 1024,
            ..options()
        };
        let error = read_article(&path, &small).unwrap_err();
        assert_eq!(
            error.kind,
            InputErrorKind::TooLarge {
                size: 2048,
                limit: 1024
            }
        );
        assert!(
            error
                .to_string()
                .ends_with("file is 2 KB, above the limit of 1 KB (--max-file-size)")
        );
    }

    #[test]
    fn an_unreadable_path_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_article(&dir.path().join("gone.txt"), &options()).unwrap_err();
        assert!(matches!(error.kind, InputErrorKind::Io(_)), "{error:?}");
    }

    #[test]
    fn a_bom_is_kept_in_text_and_skipped_by_body() {
        let text = "\u{feff}| Juni 9, 2025\nTOKYO (Kyodo) -- Ishiba".to_string();
        let article = parse_article("a.txt".into(), text);
        assert_eq!(article.body.start, 3);
        let published = article.meta.published.unwrap();
        assert_eq!(published.date.iso(), "2025-06-09");
        assert_eq!(&article.text[published.span.unwrap()], "Juni 9, 2025");
    }

    #[test]
    fn front_matter_wins_over_the_furniture() {
        let text = "---\ndate: 2025-06-16\n---\nKorea Herald8 hours ago\nSeoul, Jan 16 (NationPress) Lee\n";
        let article = parse_article("a.md".into(), text.to_string());
        let published = article.meta.published.unwrap();
        assert_eq!(published.date.iso(), "2025-06-16");
        assert_eq!(published.source, DateSource::FrontMatter);
        assert_eq!(article.meta.outlet.as_deref(), Some("NationPress"));
        assert_eq!(&article.text[article.body.clone()][..12], "Korea Herald");
    }

    #[test]
    fn malformed_front_matter_is_an_error_only_when_checked() {
        let text = "---\ndate: [\n---\nbody\n".to_string();
        assert!(try_parse_article("a.md".into(), text.clone()).is_err());
        assert_eq!(parse_article("a.md".into(), text).body.start, 0);
    }

    #[test]
    fn a_corpus_keeps_going_after_a_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "date 2021-12-27  Back To Top\n").unwrap();
        fs::write(dir.path().join("b.txt"), b"\xff\xff").unwrap();
        fs::write(dir.path().join("c.md"), "Seoul, Jan 16 (NationPress) Lee\n").unwrap();
        let corpus = read_corpus(&[dir.path().to_path_buf()], &options());
        let names: Vec<_> = corpus
            .articles
            .iter()
            .map(|a| a.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.txt", "c.md"]);
        assert_eq!(corpus.errors.len(), 1);
    }

    #[test]
    fn nothing_to_read_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("page.html"), "<p>").unwrap();
        let corpus = read_corpus(&[dir.path().to_path_buf()], &options());
        assert!(corpus.articles.is_empty());
        assert_eq!(corpus.errors.len(), 1);
        assert!(
            corpus.errors[0]
                .to_string()
                .contains("no articles found under")
        );
        assert!(
            corpus.errors[0]
                .to_string()
                .ends_with("looked for .txt, .md")
        );
    }

    #[test]
    fn the_seed_corpus_reads_cleanly() {
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let corpus = read_corpus(&[seeds], &options());
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        assert_eq!(corpus.articles.len(), 5);
    }
}
