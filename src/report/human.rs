//! The human format: each finding rendered by miette with the article's words underlined, its
//! help, and related places (in the same article as extra labels, in other articles as related
//! diagnostics), then a one-line summary.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use rayon::prelude::*;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents,
};

use super::Colour;
use super::position::LineIndex;
use crate::corpus::Article;
use crate::finding::{Finding, InputFailure, Level, Tally};

/// Width the graphical handler wraps at; fixed so output is the same on every terminal.
const WIDTH: usize = 100;

fn handler(colour: Colour) -> GraphicalReportHandler {
    let theme = match colour {
        Colour::Always => GraphicalTheme::unicode(),
        Colour::Never => GraphicalTheme::unicode_nocolor(),
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(false)
        .with_show_related_as_nested(true)
}

/// Renders any miette diagnostic (a rule file error, an input failure) the way findings look.
pub fn render_diagnostic(diagnostic: &dyn Diagnostic, colour: Colour) -> String {
    let mut out = String::new();
    if handler(colour).render_report(&mut out, diagnostic).is_err() {
        // Rendering into a String cannot fail on I/O; fall back to the bare message.
        out = format!("{diagnostic}\n");
    }
    out
}

/// Every finding, then the summary line; `context_files` of the articles were read only as
/// context for the others (changed-files mode).
pub fn render_findings(
    articles: &[Article],
    findings: &[Finding],
    context_files: usize,
    colour: Colour,
) -> String {
    let mut out = String::new();
    // Line indexes of the articles findings point into, each built once.
    let mut lines: HashMap<usize, LineIndex<'_>> = HashMap::new();
    for finding in findings {
        for article in
            std::iter::once(finding.article).chain(finding.related.iter().map(|r| r.article))
        {
            if let Some(text) = articles.get(article).map(|a| a.text.as_str()) {
                lines.entry(article).or_insert_with(|| LineIndex::new(text));
            }
        }
    }
    // Laying out a diagnostic (wrapping, Unicode widths) is most of the cost of a report with
    // thousands of findings, so each is rendered on any core and printed in order.
    let rendered: Vec<String> = findings
        .par_iter()
        .filter_map(|finding| {
            let article = articles.get(finding.article)?;
            let diagnostic = FindingDiagnostic::new(articles, &lines, article, finding);
            Some(render_diagnostic(&diagnostic, colour))
        })
        .collect();
    for diagnostic in rendered {
        out.push_str(&diagnostic);
        out.push('\n');
    }
    let checked = articles.len().saturating_sub(context_files);
    out.push_str(&summary(&Tally::of(findings), checked, context_files));
    out.push('\n');
    out
}

/// An input failure as a diagnostic for stderr.
pub fn render_input_failure(failure: &InputFailure, colour: Colour) -> String {
    let mut diagnostic = miette::MietteDiagnostic::new(failure.message.clone())
        .with_severity(Severity::Error)
        .with_code("input");
    if let Some(help) = &failure.help {
        diagnostic = diagnostic.with_help(help.clone());
    }
    render_diagnostic(&diagnostic, colour)
}

/// "2 errors, 1 warning in 5 files" (notes are named only when there are some), and "(and
/// 10000 context files)" after a changed-files run.
pub fn summary(tally: &Tally, files: usize, context_files: usize) -> String {
    let mut parts = vec![
        count(tally.errors, "error", "errors"),
        count(tally.warnings, "warning", "warnings"),
    ];
    if tally.notes > 0 {
        parts.push(count(tally.notes, "note", "notes"));
    }
    let files = count(files, "file", "files");
    match context_files {
        0 => format!("{} in {files}", parts.join(", ")),
        n => format!(
            "{} in {files} (and {})",
            parts.join(", "),
            count(n, "context file", "context files")
        ),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Note => Severity::Advice,
    }
}

/// An article's text under its path, borrowed rather than copied per finding, with its line
/// index so that a snippet is read from the lines around it, not from the top of the text.
#[derive(Debug)]
struct ArticleSource<'a> {
    name: String,
    text: &'a str,
    lines: Option<&'a LineIndex<'a>>,
}

impl<'a> ArticleSource<'a> {
    fn new(article: &'a Article, lines: Option<&'a LineIndex<'a>>) -> Self {
        ArticleSource {
            name: article.path.display().to_string(),
            text: &article.text,
            lines,
        }
    }
}

impl SourceCode for ArticleSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let wanted = span.offset()..span.offset() + span.len();
        let (window, first_line) = match self.lines {
            Some(lines) => lines.window(&wanted, context_lines_before, context_lines_after),
            None => (0..self.text.len(), 0),
        };
        let text = self.text.get(window.clone()).unwrap_or(self.text);
        let within = SourceSpan::new(wanted.start.saturating_sub(window.start).into(), span.len());
        let inner = text.read_span(&within, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + window.start).into(),
                inner.span().len(),
            ),
            inner.line() + first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

fn source_span(span: &Range<usize>) -> SourceSpan {
    SourceSpan::new(span.start.into(), span.end.saturating_sub(span.start))
}

/// One finding as miette sees it.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: ArticleSource<'a>,
    /// Related places in the same article, drawn as extra labels.
    labels: Vec<LabeledSpan>,
    /// Related places in other articles, drawn as their own snippets.
    elsewhere: Vec<RelatedDiagnostic<'a>>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(
        articles: &'a [Article],
        lines: &'a HashMap<usize, LineIndex<'a>>,
        article: &'a Article,
        finding: &'a Finding,
    ) -> Self {
        // A primary label without text draws a dangling stem when other labels share the line.
        let primary_text = finding
            .related
            .iter()
            .any(|related| related.article == finding.article)
            .then(|| "here".to_string());
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            primary_text,
            source_span(&finding.span),
        )];
        let mut elsewhere = Vec::new();
        for related in &finding.related {
            if related.article == finding.article {
                labels.push(LabeledSpan::new_with_span(
                    Some(related.message.clone()),
                    source_span(&related.span),
                ));
            } else if let Some(other) = articles.get(related.article) {
                elsewhere.push(RelatedDiagnostic {
                    message: &related.message,
                    source: ArticleSource::new(other, lines.get(&related.article)),
                    span: source_span(&related.span),
                });
            }
        }
        FindingDiagnostic {
            finding,
            source: ArticleSource::new(article, lines.get(&finding.article)),
            labels,
            elsewhere,
        }
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("finding", self.finding)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<Severity> {
        Some(severity(self.finding.level))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(
            self.elsewhere
                .iter()
                .map(|related| related as &dyn Diagnostic),
        ))
    }
}

/// A related place in another article.
#[derive(Debug)]
struct RelatedDiagnostic<'a> {
    message: &'a str,
    source: ArticleSource<'a>,
    span: SourceSpan,
}

impl fmt::Display for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for RelatedDiagnostic<'_> {}

impl Diagnostic for RelatedDiagnostic<'_> {
    fn severity(&self) -> Option<Severity> {
        Some(Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, self.span),
        )))
    }
}

#[cfg(test)]
mod tests;
