//! YAML front matter: finding the `---` block at the top of a file and reading its keys.

mod plain;

use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

use super::dates::front_matter_date;
use super::{InputError, InputErrorKind, Metadata, Published};
use crate::corpus::DateSource;

const BOM: &str = "\u{feff}";

/// The front matter of a file: where its YAML is, where the body starts, what it says.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// The YAML between the `---` lines, as a byte range of the file.
    pub yaml: Range<usize>,
    /// The rest of the file after the closing `---` line.
    pub body: Range<usize>,
    pub meta: Metadata,
}

/// The keys factlint reads; others are ignored here.
#[derive(Debug, Default, Deserialize)]
struct Fields {
    date: Option<Scalar>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
    factlint: Option<FactlintFields>,
}

/// `factlint:`, the linter's own settings for this file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactlintFields {
    /// Rule ids not reported anywhere in the file.
    #[serde(default)]
    disable: Vec<Spanned<String>>,
}

/// A YAML scalar as text, whatever YAML thinks its type is (`2025` is a number).
#[derive(Debug)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2025-06-17, 2025-06 or 2025")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The front matter at the top of `text` (after a UTF-8 BOM, if any), or `None` when the
/// file does not start with a `---` line. Malformed YAML, a date that is not a date, or a
/// block never closed is an error pointing at the place.
pub fn front_matter(path: &Path, text: &str) -> Result<Option<FrontMatter>, InputError> {
    let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let mut lines = line_ranges(text, start);
    let Some(first) = lines.next() else {
        return Ok(None);
    };
    if text[first.clone()].trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first.end;
    let Some(close) = lines.find(|line| matches!(text[line.clone()].trim_end(), "---" | "..."))
    else {
        return Err(
            InputError::new(path, InputErrorKind::UnclosedFrontMatter).with_source(
                path,
                text,
                (start..first.end).into(),
            ),
        );
    };
    let yaml = yaml_start..close.start;
    let body = close.end..text.len();
    let source = &text[yaml.clone()];
    let fields: Fields = if source.trim().is_empty() {
        Fields::default()
    } else if let Some(fields) = plain::fields(source) {
        fields
    } else {
        serde_saphyr::from_str(source).map_err(|error| {
            let (line, column) = error
                .location()
                .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            let message = first_line(&error.to_string());
            yaml_error(path, text, yaml.clone(), (line, column, 0), message)
        })?
    };
    let published = match fields.date {
        None => None,
        Some(Scalar(value)) => match front_matter_date(&value) {
            Some(date) => Some(Published {
                date,
                source: DateSource::FrontMatter,
                span: None,
            }),
            None => {
                let (line, len) = key_line(source, "date").unwrap_or((1, 0));
                let message =
                    format!("`date: {value}` is not a date (write 2025-06-17, 2025-06 or 2025)");
                return Err(yaml_error(path, text, yaml, (line, 1, len), message));
            }
        },
    };
    let disable = fields
        .factlint
        .unwrap_or_default()
        .disable
        .into_iter()
        .map(|rule| {
            let span = crate::rules::value_span(source, &rule.referenced, &rule.value);
            let start = yaml.start + span.offset();
            (rule.value, start..start + span.len())
        })
        .collect();
    let meta = Metadata {
        published,
        outlet: fields.outlet,
        title: fields.title,
        url: fields.url,
        disable,
        ..Metadata::default()
    };
    Ok(Some(FrontMatter { yaml, body, meta }))
}

/// An error at `line`/`column` of the YAML (1-based) and `len` bytes long, reported at the
/// file's own line.
fn yaml_error(
    path: &Path,
    text: &str,
    yaml: Range<usize>,
    (line, column, len): (usize, usize, usize),
    message: String,
) -> InputError {
    let line_start = line_ranges(text, yaml.start)
        .nth(line.saturating_sub(1))
        .map_or(yaml.start, |l| l.start);
    let offset = text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_start, |(i, _)| line_start + i)
        .min(yaml.end);
    let file_line = text[..yaml.start].matches('\n').count() + line;
    let kind = InputErrorKind::FrontMatter {
        line: file_line,
        column,
        message,
    };
    let len = len.min(yaml.end - offset);
    InputError::new(path, kind).with_source(path, text, (offset, len).into())
}

/// The 1-based number and the length of the line that starts with `key:` in the YAML.
fn key_line(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        let line = line.trim_end();
        rest.trim_start()
            .starts_with(':')
            .then_some((i + 1, line.len()))
    })
}

/// The parser's message without its "error: line 1 column 8: " prefix, whose position is
/// relative to the YAML rather than the file (the file position is reported instead).
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default().trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let unplaced = line
        .strip_prefix("line ")
        .filter(|rest| rest.contains(" column "))
        .and_then(|rest| rest.split_once(": "))
        .map_or(line, |(_, message)| message);
    unplaced.to_string()
}

/// Byte ranges of the lines of `text` from `start`, each including its line ending.
fn line_ranges(text: &str, start: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = at..end;
        at = end;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::CalendarDate;

    fn parse(text: &str) -> Result<Option<FrontMatter>, InputError> {
        front_matter(Path::new("a.md"), text)
    }

    fn date(text: &str) -> Option<CalendarDate> {
        parse(text).unwrap().unwrap().meta.published.map(|p| p.date)
    }

    #[test]
    fn reads_the_keys_and_places_the_body() {
        let text = "---\ndate: 2025-06-17\noutlet: Korea JoongAng Daily\ntitle: Lee Jae Myung calls Korea-Japan 'inseparable'\nurl: https://koreajoongangdaily.joins.com/news/2025-06-17/national/diplomacy/x\ntags: [diplomacy]\n---\nKANANASKIS, Canada — Korean President Lee Jae Myung\n";
        let front = parse(text).unwrap().unwrap();
        assert_eq!(front.meta.outlet.as_deref(), Some("Korea JoongAng Daily"));
        assert!(front.meta.title.unwrap().starts_with("Lee Jae Myung"));
        assert!(front.meta.url.unwrap().starts_with("https://"));
        let published = front.meta.published.unwrap();
        assert_eq!(published.date.iso(), "2025-06-17");
        assert_eq!(published.source, DateSource::FrontMatter);
        assert!(text[front.body].starts_with("KANANASKIS"));
        assert_eq!(&text[front.yaml.clone()][..4], "date");
    }

    #[test]
    fn factlint_disable_lists_rules_with_their_place_in_the_file() {
        let text = "---\ndate: 2025-06-17\nfactlint:\n  disable: [weekday, tenure]\n---\nBody\n";
        let front = parse(text).unwrap().unwrap();
        let disabled: Vec<(&str, &str)> = front
            .meta
            .disable
            .iter()
            .map(|(rule, span)| (rule.as_str(), &text[span.clone()]))
            .collect();
        assert_eq!(disabled, [("weekday", "weekday"), ("tenure", "tenure")]);
        let error = parse("---\nfactlint: {disabel: [weekday]}\n---\n").unwrap_err();
        assert!(error.to_string().contains("disabel"), "{error}");
    }

    #[test]
    fn dates_at_every_precision() {
        assert_eq!(date("---\ndate: 2025\n---\n").unwrap().iso(), "2025");
        assert_eq!(date("---\ndate: 2025-06\n---\n").unwrap().iso(), "2025-06");
        assert_eq!(
            date("---\ndate: 2025-06-17T09:00:00+09:00\n---\n")
                .unwrap()
                .iso(),
            "2025-06-17"
        );
        assert_eq!(
            date("---\ndate: \"2025-06-17 09:00\"\n---\n")
                .unwrap()
                .iso(),
            "2025-06-17"
        );
        assert_eq!(date("---\ntitle: x\n---\nbody"), None);
    }

    #[test]
    fn bom_and_crlf_keep_offsets_right() {
        let text = "\u{feff}---\r\ndate: 2021-12-27\r\n---\r\nBy Yonhap\r\n";
        let front = parse(text).unwrap().unwrap();
        assert_eq!(&text[front.body.clone()], "By Yonhap\r\n");
        assert_eq!(front.meta.published.unwrap().date.iso(), "2021-12-27");
    }

    #[test]
    fn no_front_matter_without_an_opening_line() {
        assert!(parse("date 2021-12-27  Back To Top\n").unwrap().is_none());
        assert!(parse("").unwrap().is_none());
        assert!(parse("----\nnot front matter\n").unwrap().is_none());
    }

    #[test]
    fn empty_front_matter_is_fine() {
        let front = parse("---\n---\nText").unwrap().unwrap();
        assert!(front.meta.published.is_none());
        assert_eq!(front.body, 8..12);
    }

    #[test]
    fn malformed_yaml_reports_the_file_line_and_column() {
        let error = parse("---\ntitle: ok\ndate: [2025\n---\nbody\n").unwrap_err();
        let InputErrorKind::FrontMatter { line, .. } = error.kind else {
            panic!("{error:?}");
        };
        assert!(line >= 3, "line {line}");
        assert!(error.span.is_some());
        assert!(
            error
                .to_string()
                .starts_with("a.md: invalid front matter at line")
        );
    }

    #[test]
    fn a_date_that_is_not_a_date_points_at_its_key() {
        let error = parse("---\ntitle: x\ndate: 2025-02-30\n---\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.md: invalid front matter at line 3, column 1: `date: 2025-02-30` is not a date (write 2025-06-17, 2025-06 or 2025)"
        );
    }

    #[test]
    fn a_front_matter_error_renders_with_the_file_snippet() {
        let text =
            "---\ntitle: Lee meets Aso\ndate: 2026-01-32\n---\nSeoul, Jan 16 (NationPress)\n";
        let error = parse(text).unwrap_err();
        let mut rendered = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .render_report(&mut rendered, &error)
            .unwrap();
        insta::assert_snapshot!(rendered);
    }

    #[test]
    fn a_yaml_syntax_error_renders_at_its_place() {
        let text = "\u{feff}---\ntitle: \"Lee meets Aso\noutlet: NationPress\n---\nSeoul\n";
        let error = parse(text).unwrap_err();
        let mut rendered = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .render_report(&mut rendered, &error)
            .unwrap();
        insta::assert_snapshot!(rendered);
    }

    #[test]
    fn an_unclosed_block_is_an_error() {
        let error = parse("---\ndate: 2025-06-17\nbody text\n").unwrap_err();
        assert_eq!(error.kind, InputErrorKind::UnclosedFrontMatter);
    }
}
