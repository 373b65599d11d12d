//! What the property tests and the fuzz targets check on one article: extraction and every
//! rule run without a panic, and every byte range they report lies inside the article text,
//! starts no later than it ends, and falls on character boundaries, so slicing the text with it
//! can never panic. Included by path (`#[path]`) from both.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use factlint::corpus::{Article, DateSource, Published, parse_article};
use factlint::extract::extract_article_on;
use factlint::finding::Finding;
use factlint::kb::KbIndex;
use factlint::rules::{CheckContext, RuleSet, run_rules};
use factlint::time::CalendarDate;
use serde::Serialize;
use serde_json::Value;

/// An article as `check` reads it, with `published` (like `--published`) overriding its date.
pub fn article(text: String, published: Option<NaiveDate>) -> Article {
    let mut article = parse_article(PathBuf::from("fuzz.md"), text);
    if let Some(date) = published {
        article.meta.published = Some(Published {
            date: CalendarDate::full(date),
            source: DateSource::CommandLine,
            span: None,
        });
    }
    article
}

/// Extracts `article` as on `today`, runs `rules` and the suppressions over it, and returns
/// the findings, or every span that breaks the invariant.
pub fn check_article(
    article: &Article,
    kb: &KbIndex<'_>,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<Vec<Finding>, Vec<String>> {
    if article.text.get(article.body.clone()).is_none() {
        return Err(vec![format!("body {:?}", article.body)]);
    }
    let extraction = extract_article_on(article, kb, today);
    let mut bad = bad_spans(&article.text, &extraction);
    bad.extend(bad_spans(&article.text, &article.meta));
    let articles = [article.clone()];
    let extractions = [extraction];
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb,
        reported: None,
    };
    let known: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
    let findings = factlint::suppress::apply(
        &articles,
        None,
        run_rules(&context, rules),
        &known,
        rules,
        &HashMap::new(),
    );
    for finding in &findings {
        let places = std::iter::once(&finding.span).chain(finding.related.iter().map(|r| &r.span));
        for span in places {
            if articles[0].text.get(span.clone()).is_none() {
                bad.push(format!("{} finding at {span:?}", finding.rule));
            }
        }
    }
    if bad.is_empty() {
        Ok(findings)
    } else {
        Err(bad)
    }
}

/// Every range in `value` (any field serialised as `{start, end}`) that breaks the invariant
/// for `text`, named by its path in the value. Empty when all are sound.
pub fn bad_spans(text: &str, value: &impl Serialize) -> Vec<String> {
    let mut bad = Vec::new();
    match serde_json::to_value(value) {
        Ok(json) => visit(text, &json, "$", &mut bad),
        Err(error) => bad.push(format!("cannot serialise: {error}")),
    }
    bad
}

fn visit(text: &str, value: &Value, path: &str, bad: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            if let Some((start, end)) = as_range(value) {
                let sound = start <= end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end);
                if !sound {
                    bad.push(format!(
                        "{path}: {start}..{end} in a text of {} bytes",
                        text.len()
                    ));
                }
                return;
            }
            for (key, field) in fields {
                visit(text, field, &format!("{path}.{key}"), bad);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                visit(text, item, &format!("{path}[{i}]"), bad);
            }
        }
        _ => {}
    }
}

/// A serialised `Range<usize>`: an object with exactly `start` and `end`, both unsigned.
fn as_range(value: &Value) -> Option<(usize, usize)> {
    let fields = value.as_object()?;
    if fields.len() != 2 {
        return None;
    }
    let start = usize::try_from(fields.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(fields.get("end")?.as_u64()?).ok()?;
    Some((start, end))
}
