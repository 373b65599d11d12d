//! The corpus: walking paths, reading articles, front matter and publication metadata.

mod dateline;
mod dates;
mod error;
mod front_matter;
mod lines;
mod published;
mod read;
mod walk;

use std::ops::Range;
use std::path::PathBuf;

use crate::time::CalendarDate;

pub use error::{InputError, InputErrorKind};
pub use front_matter::{FrontMatter, front_matter};
pub use lines::lines;
pub use published::{Furniture, furniture, publication_date};
pub use read::{
    Corpus, parse_article, read_article, read_corpus, read_limited, read_text, text_of,
    try_parse_article,
};
pub use walk::{PathFilter, check_glob, walk};

/// How paths are walked and files read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Extensions (without the dot, any case) of the files read under a directory. A file
    /// named explicitly is read whatever its extension.
    pub extensions: Vec<String>,
    /// Files larger than this many bytes are an input error, refused before they are read.
    pub max_file_size: u64,
    /// A file with a line longer than this many bytes is an input error.
    pub max_line_length: u64,
    /// The configuration's `include` and `exclude` globs.
    pub filter: PathFilter,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            extensions: vec!["txt".to_string(), "md".to_string()],
            max_file_size: crate::limits::MAX_FILE_SIZE,
            max_line_length: crate::limits::MAX_LINE_LENGTH,
            filter: PathFilter::default(),
        }
    }
}

/// One article as read from disk. Spans everywhere in factlint are byte offsets into `text`,
/// which is the whole file (front matter included), so diagnostics point at the file itself.
#[derive(Clone, Debug)]
pub struct Article {
    /// The path as the user named it (or as found under a named directory).
    pub path: PathBuf,
    pub text: String,
    /// The body: `text` without its front matter.
    pub body: Range<usize>,
    pub meta: Metadata,
}

/// What the front matter or the page furniture says about an article.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Metadata {
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The dateline that opens the story ("TOKYO (Kyodo) --"), when the page has one.
    pub dateline: Option<Dateline>,
    /// Rules the front matter turns off for the whole file (`factlint: {disable: [RULE]}`), each
    /// with the bytes of its id in the file.
    pub disable: Vec<(String, Range<usize>)>,
}

/// A dateline: the place a story was filed from, and the outlet it names, if any.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Dateline {
    pub place: String,
    pub outlet: Option<String>,
    /// The dateline's words, as a byte range of the article text.
    pub span: Range<usize>,
}

/// The publication date, at the precision the evidence allows, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Published {
    pub date: CalendarDate,
    pub source: DateSource,
    /// The words the date was read from, when it was read from the text.
    pub span: Option<Range<usize>>,
}

/// Where a publication date came from; reported so that a user can judge it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateSource {
    FrontMatter,
    /// Found in the text, on this 1-based line.
    Text {
        line: usize,
    },
    /// Completed from evidence in the text (e.g. a year from a stated weekday).
    Inferred {
        evidence: String,
    },
    /// Given on the command line (`--published`).
    CommandLine,
}
