//! The corpus: walking paths, reading articles, front matter and publication metadata.

use std::ops::Range;
use std::path::PathBuf;

use crate::time::CalendarDate;

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
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The publication date, at the precision the evidence allows, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: CalendarDate,
    pub source: DateSource,
    /// The words the date was read from, when it was read from the text.
    pub span: Option<Range<usize>>,
}

/// Where a publication date came from; reported so that a user can judge it.
#[derive(Clone, Debug, PartialEq, Eq)]
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
