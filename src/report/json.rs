//! The JSON format of `factlint check`: version 1, one object per finding with 1-based
//! line/column (columns count characters) and byte offset/length, a summary, and input errors.

use serde::Serialize;

use super::position::LineIndex;
use crate::corpus::Article;
use crate::finding::{Finding, InputFailure, Level, Tally};

/// The schema version; bumped when a field changes meaning or disappears.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<FindingJson<'a>>,
    summary: Summary,
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    level: Level,
    message: &'a str,
    help: Option<&'a str>,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    related: Vec<RelatedJson<'a>>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    file: String,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// An input that could not be read; also printed as a diagnostic on stderr.
#[derive(Serialize)]
pub(crate) struct ErrorJson {
    pub file: String,
    pub message: String,
}

impl ErrorJson {
    pub(crate) fn of(failures: &[InputFailure]) -> Vec<ErrorJson> {
        failures
            .iter()
            .map(|failure| ErrorJson {
                file: failure.file.display().to_string(),
                message: failure.message.clone(),
            })
            .collect()
    }
}

/// The whole document, pretty-printed, with a trailing newline.
pub fn render(articles: &[Article], findings: &[Finding], failures: &[InputFailure]) -> String {
    // One line index per article, built only for articles that have findings.
    let mut indexes: Vec<Option<LineIndex<'_>>> = vec![None; articles.len()];
    let mut index_of = |article: usize| -> Option<LineIndex<'_>> {
        let text = &articles.get(article)?.text;
        Some(
            indexes[article]
                .get_or_insert_with(|| LineIndex::new(text))
                .clone(),
        )
    };
    let mut rendered = Vec::with_capacity(findings.len());
    for finding in findings {
        let Some(index) = index_of(finding.article) else {
            continue;
        };
        let start = index.position(finding.span.start);
        let end = index.position(finding.span.end);
        let related = finding
            .related
            .iter()
            .filter_map(|related| {
                let index = index_of(related.article)?;
                let at = index.position(related.span.start);
                Some(RelatedJson {
                    file: file_name(&articles[related.article]),
                    line: at.line,
                    column: at.column,
                    message: &related.message,
                })
            })
            .collect();
        rendered.push(FindingJson {
            rule: &finding.rule,
            level: finding.level,
            message: &finding.message,
            help: finding.help.as_deref(),
            file: file_name(&articles[finding.article]),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            offset: finding.span.start,
            length: finding.span.len(),
            related,
        });
    }
    let tally = Tally::of(findings);
    let document = Document {
        version: VERSION,
        findings: rendered,
        summary: Summary {
            files: articles.len(),
            errors: tally.errors,
            warnings: tally.warnings,
            notes: tally.notes,
        },
        errors: ErrorJson::of(failures),
    };
    to_json(&document)
}

pub(crate) fn file_name(article: &Article) -> String {
    article.path.display().to_string()
}

/// Pretty JSON with a trailing newline. Serialising these plain structs cannot fail.
pub(crate) fn to_json(value: &impl Serialize) -> String {
    let mut json = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| format!("{{\"error\": \"cannot serialise report: {error}\"}}"));
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;
    use crate::finding::Related;

    #[test]
    fn findings_carry_positions_in_characters_and_bytes() {
        let text = "---\ndate: 2025-06-18\n---\nSÉOUL — They met on Monday, June 17, 2025.\n";
        let articles = [Article {
            path: "corpus/a.txt".into(),
            text: text.into(),
            body: 24..text.len(),
            meta: Metadata::default(),
        }];
        let monday = text.find("Monday").unwrap();
        let june = text.find("June 17").unwrap();
        let findings = [Finding {
            rule: "weekday".into(),
            level: Level::Error,
            article: 0,
            span: monday..monday + 6,
            message: "June 17, 2025 is a Tuesday, not a Monday".into(),
            help: None,
            related: vec![Related {
                article: 0,
                span: june..june + 13,
                message: "this is Tuesday, June 17, 2025".into(),
            }],
        }];
        let failures = [InputFailure {
            file: "corpus/b.bin".into(),
            message: "corpus/b.bin is not UTF-8 text".into(),
            help: None,
        }];
        let json: serde_json::Value =
            serde_json::from_str(&render(&articles, &findings, &failures)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "version": 1,
                "findings": [{
                    "rule": "weekday", "level": "error",
                    "message": "June 17, 2025 is a Tuesday, not a Monday", "help": null,
                    "file": "corpus/a.txt", "line": 4, "column": 21, "end_line": 4, "end_column": 27,
                    "offset": monday, "length": 6,
                    "related": [{"file": "corpus/a.txt", "line": 4, "column": 29,
                                 "message": "this is Tuesday, June 17, 2025"}]
                }],
                "summary": {"files": 1, "errors": 1, "warnings": 0, "notes": 0},
                "errors": [{"file": "corpus/b.bin", "message": "corpus/b.bin is not UTF-8 text"}]
            })
        );
    }
}
