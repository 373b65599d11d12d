//! The `github` format: GitHub Actions workflow commands, one per finding, which GitHub shows
//! as annotations on the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,
//! title=RULE::message`. Warnings are `::warning`, notes `::notice`.
//!
//! Escaping follows GitHub's runner (`toolkit/packages/core/src/command.ts`): in the message,
//! `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in property values `:` and `,` also
//! become `%3A` and `%2C`, since they separate properties.

use std::fmt::Write;

use super::json::file_name;
use super::position::LineIndex;
use crate::corpus::Article;
use crate::finding::{Finding, InputFailure, Level};

/// One command per finding, then one `::error` per input that could not be read.
pub fn render(articles: &[Article], findings: &[Finding], failures: &[InputFailure]) -> String {
    let mut out = String::new();
    for finding in findings {
        let Some(article) = articles.get(finding.article) else {
            continue;
        };
        let index = LineIndex::new(&article.text);
        let start = index.position(finding.span.start);
        let end = index.position(finding.span.end);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        for related in &finding.related {
            let Some(other) = articles.get(related.article) else {
                continue;
            };
            let at = LineIndex::new(&other.text).position(related.span.start);
            let _ = write!(
                message,
                "\nsee {}:{}:{}: {}",
                file_name(other),
                at.line,
                at.column,
                related.message
            );
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(finding.level),
            escape_property(&file_name(article)),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&finding.rule),
            escape_data(&message)
        );
    }
    for failure in failures {
        let mut message = failure.message.clone();
        if let Some(help) = &failure.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "::error file={},title=input::{}",
            escape_property(&failure.file.display().to_string()),
            escape_data(&message)
        );
    }
    out
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    }
}

/// A message: `%`, CR and LF escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("50% of 3:2, then\r\nmore"),
            "50%25 of 3:2, then%0D%0Amore"
        );
        // Escaping is not applied twice: a literal "%0A" stays distinguishable from a newline.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("C:\\news\\a,b%.md\n"),
            "C%3A\\news\\a%2Cb%25.md%0A"
        );
    }

    #[test]
    fn a_finding_becomes_one_command_with_its_region() {
        let text = "line one\nThey met on Monday, June 17, 2025.\n";
        let start = text.find("Monday").unwrap();
        let articles = [Article {
            path: "news/a,1.md".into(),
            text: text.into(),
            body: 0..text.len(),
            meta: Metadata::default(),
        }];
        let findings = [Finding {
            rule: "weekday".into(),
            level: Level::Note,
            article: 0,
            span: start..start + 6,
            message: "June 17, 2025 is a Tuesday, not a Monday".into(),
            help: Some("100% sure".into()),
            related: Vec::new(),
        }];
        let failures = [InputFailure {
            file: "b.bin".into(),
            message: "b.bin: not UTF-8".into(),
            help: None,
        }];
        assert_eq!(
            render(&articles, &findings, &failures),
            "::notice file=news/a%2C1.md,line=2,col=13,endLine=2,endColumn=19,title=weekday::\
             June 17, 2025 is a Tuesday, not a Monday%0Ahelp: 100%25 sure\n\
             ::error file=b.bin,title=input::b.bin: not UTF-8\n"
        );
    }
}
