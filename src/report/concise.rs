//! The `concise` format: one line per finding, `file:line:col: level[rule] message`, the shape
//! compilers use, so editors (Vim's quickfix, Emacs's compilation mode) jump to it and grep
//! finds it. Line breaks in a message become spaces; inputs that could not be read are listed
//! the same way at line 1, column 1.

use std::fmt::Write;

use super::json::file_name;
use super::position::LineIndex;
use crate::corpus::Article;
use crate::finding::{Finding, InputFailure};

pub fn render(articles: &[Article], findings: &[Finding], failures: &[InputFailure]) -> String {
    let mut out = String::new();
    for finding in findings {
        let Some(article) = articles.get(finding.article) else {
            continue;
        };
        let at = LineIndex::new(&article.text).position(finding.span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file_name(article),
            at.line,
            at.column,
            finding.level,
            finding.rule,
            one_line(&finding.message)
        );
    }
    for failure in failures {
        let _ = writeln!(
            out,
            "{}:1:1: error[input] {}",
            failure.file.display(),
            one_line(&failure.message)
        );
    }
    out
}

fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;
    use crate::finding::Level;

    #[test]
    fn one_line_per_finding_in_compiler_shape() {
        let text = "séoul\nThey met on Monday.\n";
        let start = text.find("Monday").unwrap();
        let articles = [Article {
            path: "news/a.md".into(),
            text: text.into(),
            body: 0..text.len(),
            meta: Metadata::default(),
        }];
        let findings = [Finding {
            rule: "weekday".into(),
            level: Level::Warning,
            article: 0,
            span: start..start + 6,
            message: "two\nlines".into(),
            help: Some("not shown".into()),
            related: Vec::new(),
        }];
        assert_eq!(
            render(&articles, &findings, &[]),
            "news/a.md:2:13: warning[weekday] two lines\n"
        );
    }
}
