//! Message and help templates: text with `{placeholder}`s that a check kind fills in.
//!
//! Templates are parsed when the rule loads, so a misspelt placeholder is a configuration error
//! pointing at the rule file, not a finding with a hole in it. `{{` and `}}` write literal braces.

use std::collections::BTreeMap;
use std::ops::Range;

/// A parsed template: literal text and placeholders in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Placeholder(String),
}

/// Why a template could not be parsed; `span` is a byte range within the template text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub message: String,
    pub span: Range<usize>,
}

impl Template {
    /// Parses `text`, accepting only placeholders named in `known`.
    pub fn parse(text: &str, known: &[&str]) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            match c {
                '{' if rest.peek().is_some_and(|&(_, next)| next == '{') => {
                    rest.next();
                    literal.push('{');
                }
                '}' if rest.peek().is_some_and(|&(_, next)| next == '}') => {
                    rest.next();
                    literal.push('}');
                }
                '{' => {
                    let name_start = at + 1;
                    let Some(close) = text[name_start..].find('}') else {
                        return Err(TemplateError {
                            message: "unclosed `{` (write `{{` for a literal brace)".into(),
                            span: at..text.len(),
                        });
                    };
                    let name = &text[name_start..name_start + close];
                    let span = at..name_start + close + 1;
                    if !known.contains(&name) {
                        return Err(TemplateError {
                            message: format!("unknown placeholder `{{{name}}}`"),
                            span,
                        });
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Placeholder(name.to_string()));
                    // Skip the name and the closing brace.
                    while rest.peek().is_some_and(|&(i, _)| i < span.end) {
                        rest.next();
                    }
                }
                '}' => {
                    return Err(TemplateError {
                        message: "unmatched `}` (write `}}` for a literal brace)".into(),
                        span: at..at + 1,
                    });
                }
                _ => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template { pieces })
    }

    /// Fills the placeholders; one the kind did not supply renders as empty text (the kind
    /// declares its placeholders, so that is a bug in the kind, not in the rule).
    pub fn render(&self, values: &BTreeMap<&str, String>) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Placeholder(name) => {
                    if let Some(value) = values.get(name.as_str()) {
                        out.push_str(value);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("date", "June 17, 2025".to_string()),
            ("actual", "Tuesday".into()),
        ])
    }

    #[test]
    fn fills_placeholders_and_keeps_literal_braces() {
        let template =
            Template::parse("{date} is a {actual} {{sic}}", &["date", "actual"]).unwrap();
        assert_eq!(
            template.render(&values()),
            "June 17, 2025 is a Tuesday {sic}"
        );
    }

    #[test]
    fn unknown_placeholder_is_an_error_at_its_braces() {
        let error = Template::parse("{date} is a {weekday}", &["date", "actual"]).unwrap_err();
        assert_eq!(error.message, "unknown placeholder `{weekday}`");
        assert_eq!(error.span, 12..21);
    }

    #[test]
    fn unbalanced_braces_are_errors() {
        assert!(Template::parse("{date", &["date"]).is_err());
        assert!(Template::parse("date}", &["date"]).is_err());
    }

    #[test]
    fn non_ascii_text_survives() {
        let template = Template::parse("«{date}» — ok", &["date"]).unwrap();
        assert_eq!(template.render(&values()), "«June 17, 2025» — ok");
    }
}
