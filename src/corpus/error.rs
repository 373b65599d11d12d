//! Input errors: a file or path that cannot become an article, as a diagnostic naming it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

use crate::limits::human_size;

/// A path that could not be read as an article. Reading goes on with the other files; the
/// CLI reports these and exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{}", headline(path, kind))]
pub struct InputError {
    pub path: PathBuf,
    pub kind: InputErrorKind,
    /// The file text, for errors that point into it (malformed front matter).
    pub source_code: Option<Arc<NamedSource<String>>>,
    /// Where in the file text the error is.
    pub span: Option<SourceSpan>,
}

impl Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("factlint::input"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = match &self.kind {
            InputErrorKind::NotUtf8 { .. } | InputErrorKind::Utf16 => {
                "convert the file to UTF-8, e.g. with `iconv -t UTF-8`"
            }
            InputErrorKind::TooLarge { .. } => {
                "raise the limit with --max-file-size, or split the file"
            }
            InputErrorKind::LineTooLong { .. } => {
                "raise the limit with --max-line-length, or break the text into lines"
            }
            InputErrorKind::UnclosedFrontMatter => "end the front matter with a line of `---`",
            _ => return None,
        };
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source_code.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        let label = LabeledSpan::new_with_span(Some(label_text(&self.kind)), span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// What went wrong with an input path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    /// The path named on the command line does not exist.
    NotFound,
    /// An I/O error while walking or reading (its text).
    Io(String),
    /// Invalid UTF-8 at this byte offset.
    NotUtf8 { offset: usize },
    /// A UTF-16 byte-order mark: the file is text, in an encoding factlint does not read.
    Utf16,
    /// A NUL byte among the first 8 KiB.
    Binary,
    /// Larger than `ReadOptions::max_file_size`.
    TooLarge { size: u64, limit: u64 },
    /// A line (ended by `\n`, `\r\n` or a lone `\r`) longer than
    /// `ReadOptions::max_line_length` bytes.
    LineTooLong {
        line: usize,
        length: u64,
        limit: u64,
    },
    /// Front matter that is not valid YAML or has a field of the wrong shape.
    FrontMatter {
        line: usize,
        column: usize,
        message: String,
    },
    /// Front matter opened with `---` and never closed.
    UnclosedFrontMatter,
    /// Nothing to read under the paths given.
    NoArticles { extensions: Vec<String> },
}

impl fmt::Display for InputErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => write!(f, "no such file or directory"),
            Self::Io(message) => write!(f, "cannot be read: {message}"),
            Self::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first invalid byte at offset {offset})")
            }
            Self::Utf16 => write!(f, "encoded as UTF-16; factlint reads UTF-8"),
            Self::Binary => write!(f, "binary file (a NUL byte in the first 8 KiB)"),
            Self::TooLarge { size, limit } => write!(
                f,
                "file is {}, above the limit of {} (--max-file-size)",
                human_size(*size),
                human_size(*limit)
            ),
            Self::LineTooLong {
                line,
                length,
                limit,
            } => write!(
                f,
                "line {line} is {} long, above the limit of {} (--max-line-length)",
                human_size(*length),
                human_size(*limit)
            ),
            Self::FrontMatter {
                line,
                column,
                message,
            } => write!(
                f,
                "invalid front matter at line {line}, column {column}: {message}"
            ),
            Self::UnclosedFrontMatter => {
                write!(
                    f,
                    "front matter opened with `---` on line 1 is never closed"
                )
            }
            Self::NoArticles { extensions } => {
                let looked_for: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
                write!(f, "looked for {}", looked_for.join(", "))
            }
        }
    }
}

fn headline(path: &Path, kind: &InputErrorKind) -> String {
    match kind {
        InputErrorKind::NoArticles { .. } => {
            format!("no articles found under {}: {kind}", path.display())
        }
        _ => format!("{}: {kind}", path.display()),
    }
}

fn label_text(kind: &InputErrorKind) -> String {
    match kind {
        InputErrorKind::FrontMatter { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

impl InputError {
    pub fn new(path: impl Into<PathBuf>, kind: InputErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
            source_code: None,
            span: None,
        }
    }

    /// "No articles found under these paths": the path shown is the list of paths given.
    pub fn no_articles(paths: &[PathBuf], extensions: &[String]) -> Self {
        let under: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let shown = if under.is_empty() {
            ".".to_string()
        } else {
            under.join(", ")
        };
        Self::new(
            shown,
            InputErrorKind::NoArticles {
                extensions: extensions.to_vec(),
            },
        )
    }

    /// Points the diagnostic at `span` in the file's text.
    pub fn with_source(mut self, path: &Path, text: &str, span: SourceSpan) -> Self {
        self.source_code = Some(Arc::new(NamedSource::new(
            path.display().to_string(),
            text.to_string(),
        )));
        self.span = Some(span);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_file_and_the_problem() {
        let error = InputError::new("corpus/a.txt", InputErrorKind::NotUtf8 { offset: 1234 });
        assert_eq!(
            error.to_string(),
            "corpus/a.txt: not valid UTF-8 (first invalid byte at offset 1234)"
        );
        let error = InputError::new(
            "big.txt",
            InputErrorKind::TooLarge {
                size: 60 * 1024 * 1024,
                limit: 50 * 1024 * 1024,
            },
        );
        assert_eq!(
            error.to_string(),
            "big.txt: file is 60 MB, above the limit of 50 MB (--max-file-size)"
        );
    }

    #[test]
    fn no_articles_lists_paths_and_extensions() {
        let error = InputError::no_articles(
            &[PathBuf::from("corpus"), PathBuf::from("drafts")],
            &["txt".to_string(), "md".to_string()],
        );
        assert_eq!(
            error.to_string(),
            "no articles found under corpus, drafts: looked for .txt, .md"
        );
    }

    #[test]
    fn diagnostic_code_is_factlint_input() {
        let error = InputError::new("a.txt", InputErrorKind::Binary);
        let code = error.code().map(|c| c.to_string());
        assert_eq!(code.as_deref(), Some("factlint::input"));
    }
}
