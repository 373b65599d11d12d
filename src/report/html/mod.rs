//! The `html` format: one self-contained page for editors — a summary, the findings in their
//! sentences (beside the other article's sentence for cross-article findings), every article
//! with its claims marked, and a timeline of who held each office named.
//!
//! Markup is written with maud, which escapes every interpolated string unless it is wrapped in
//! `PreEscaped`; only the page's own CSS, JS and icons are, so no article text can become markup.

mod articles;
mod findings;
mod marks;
mod offices;
mod page;
mod quote;
mod summary;
mod timeline;

use std::ops::Range;

use maud::{Markup, html};

use super::json::file_name;
use super::position::LineIndex;
use crate::corpus::Article;
use crate::extract::Extraction;
use crate::finding::{Finding, InputFailure, Level};
use crate::kb::KbIndex;
use crate::report::RuleInfo;

/// What the page is made from: the run's articles, what was extracted from them, the findings
/// and the knowledge base they were checked against.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub articles: &'a [Article],
    /// `extractions[i]` belongs to `articles[i]`.
    pub extractions: &'a [Extraction],
    /// Sorted by article, then position.
    pub findings: &'a [Finding],
    pub input_failures: &'a [InputFailure],
    pub kb: &'a KbIndex<'a>,
    /// The rules in force, to know which findings are about office holders.
    pub rules: &'a [RuleInfo],
}

/// The whole page.
pub fn render(input: &Input<'_>) -> String {
    let offices = offices::offices(input);
    page::page(
        input,
        &[
            summary::section(input),
            findings::section(input),
            timeline::section(input, &offices),
            articles::section(input),
        ],
    )
}

/// Changed-files mode: the named articles and the context articles a finding points into, in
/// their order, with the findings' article indices renumbered to match. A context of ten
/// thousand articles would otherwise fill the page with articles nobody asked about.
pub fn reported_view(
    articles: &[Article],
    extractions: &[Extraction],
    findings: &[Finding],
    reported: &[bool],
) -> (Vec<Article>, Vec<Extraction>, Vec<Finding>) {
    let mut shown = reported.to_vec();
    shown.resize(articles.len(), false);
    for finding in findings {
        for article in
            std::iter::once(finding.article).chain(finding.related.iter().map(|r| r.article))
        {
            if let Some(shown) = shown.get_mut(article) {
                *shown = true;
            }
        }
    }
    let mut new_index = vec![usize::MAX; articles.len()];
    let mut kept_articles = Vec::new();
    let mut kept_extractions = Vec::new();
    for (index, ((article, extraction), _)) in articles
        .iter()
        .zip(extractions)
        .zip(&shown)
        .enumerate()
        .filter(|(_, (_, shown))| **shown)
    {
        new_index[index] = kept_articles.len();
        kept_articles.push(article.clone());
        kept_extractions.push(extraction.clone());
    }
    let findings = findings
        .iter()
        .map(|finding| {
            let mut finding = finding.clone();
            finding.article = new_index[finding.article];
            for related in &mut finding.related {
                related.article = new_index[related.article];
            }
            finding
        })
        .collect();
    (kept_articles, kept_extractions, findings)
}

/// For each article, the indices of the findings with words in it (their own or a related
/// place), in order, so each article's marks are found without scanning every finding.
fn findings_by_article(input: &Input<'_>) -> Vec<Vec<usize>> {
    let mut touching = vec![Vec::new(); input.articles.len()];
    for (index, finding) in input.findings.iter().enumerate() {
        let articles =
            std::iter::once(finding.article).chain(finding.related.iter().map(|r| r.article));
        for article in articles {
            if let Some(list) = touching.get_mut(article)
                && list.last() != Some(&index)
            {
                list.push(index);
            }
        }
    }
    touching
}

/// The id of an article's section.
fn article_id(article: usize) -> String {
    format!("article-{article}")
}

/// The id of a finding's entry in the findings list.
fn finding_id(finding: usize) -> String {
    format!("finding-{finding}")
}

/// The id of a finding's words in its article's text.
fn finding_mark_id(finding: usize) -> String {
    format!("at-{finding}")
}

/// The id of a finding's related words (`related[index]`) in their article's text.
fn related_mark_id(finding: usize, index: usize) -> String {
    format!("rel-{finding}-{index}")
}

/// The id of an office-holder claim's words in its article's text.
fn role_claim_id(article: usize, claim: usize) -> String {
    format!("role-{article}-{claim}")
}

/// What an article is called on the page: its title when it has one, else its file name.
fn article_title(article: &Article) -> String {
    article
        .meta
        .title
        .clone()
        .unwrap_or_else(|| file_name(article))
}

/// "corpus/a.txt:4:47", for people who want to open the file.
fn location(article: &Article, span: &Range<usize>) -> String {
    let at = LineIndex::new(&article.text).position(span.start);
    format!("{}:{}:{}", file_name(article), at.line, at.column)
}

/// A span kept inside the text and on character boundaries.
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let end = floor_boundary(text, span.end.min(text.len()));
    let start = floor_boundary(text, span.start.min(end));
    start..end
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A level's label with its icon, so colour is never the only sign of it.
fn level_badge(level: Level) -> Markup {
    html! {
        span class=(format!("badge {}", level.as_str())) {
            (page::icon(level)) (level_name(level))
        }
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "Error",
        Level::Warning => "Warning",
        Level::Note => "Note",
    }
}

/// Levels from the most serious down, the order the page lists them in.
const LEVELS: [Level; 3] = [Level::Error, Level::Warning, Level::Note];
