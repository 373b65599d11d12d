//! The common shape of front matter, one `key: plain value` per line, read without the YAML
//! parser; anything else is left to it.
//!
//! Why: parsing a five-line block with the YAML parser costs more than finding the page
//! furniture of the whole article. Only what YAML reads as the same plain string is taken:
//! a value that starts with a letter or digit and holds no comment (` #`), no `: `, no control
//! character, and is not a word YAML reads as null or a boolean. Every other document, and
//! every key factlint reads specially (`factlint:`), goes to the parser, which also gives the
//! errors.

use super::{Fields, Scalar};

/// The fields of `yaml` if every line is blank, a comment, or `key: plain value`; `None`
/// sends the document to the YAML parser.
pub(super) fn fields(yaml: &str) -> Option<Fields> {
    let mut fields = Fields::default();
    let mut seen: Vec<&str> = Vec::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim_start_matches(' ').is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = key_and_value(line)?;
        // A repeated key is the parser's to judge.
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        match key {
            "date" => fields.date = Some(Scalar(year_month_day(value)?.to_string())),
            "outlet" => fields.outlet = Some(text(value)?.to_string()),
            "title" => fields.title = Some(text(value)?.to_string()),
            "url" => fields.url = Some(text(value)?.to_string()),
            "factlint" => return None,
            _ => {
                plain(value)?;
            }
        }
    }
    Some(fields)
}

/// `key: value` at the start of a line, the key of ASCII letters, digits, `_` and `-`.
fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let (key, rest) = line.split_once(':')?;
    let key_chars = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) || !key.chars().all(key_chars) {
        return None;
    }
    let value = rest.strip_prefix(' ')?.trim_matches(' ');
    Some((key, value))
}

/// A plain scalar YAML reads as exactly these characters, or `None`.
fn plain(value: &str) -> Option<&str> {
    let simple = value.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !value.contains(" #")
        && !value.contains(": ")
        && !value.ends_with(':')
        && !value.chars().any(|c| c.is_control() || c == '\u{feff}')
        && !is_exponent_number(value);
    simple.then_some(value)
}

/// A number with an exponent ("1e3", "2.5E-7"): YAML reads it as a float, and the parser
/// rejects one out of range ("1e32025"), so such a value is the parser's to judge.
fn is_exponent_number(value: &str) -> bool {
    value.contains(['e', 'E'])
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
}

/// A plain scalar that YAML reads as a string: one starting with a letter, not a null or a
/// boolean.
fn text(value: &str) -> Option<&str> {
    const NOT_STRINGS: &[&str] = &["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    let word = NOT_STRINGS.iter().any(|w| value.eq_ignore_ascii_case(w));
    plain(value).filter(|v| v.starts_with(|c: char| c.is_ascii_alphabetic()) && !word)
}

/// `2025`, `2025-06` or `2025-06-17`, as YAML gives it (a year without a leading zero, which
/// YAML would drop from the number).
fn year_month_day(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let shaped = match bytes.len() {
        4 => digits(0..4),
        7 => digits(0..4) && bytes[4] == b'-' && digits(5..7),
        10 => digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10),
        _ => false,
    };
    (shaped && bytes[0] != b'0').then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the YAML parser reads, as text to compare.
    fn parsed(yaml: &str) -> Option<String> {
        serde_saphyr::from_str::<Fields>(yaml)
            .ok()
            .map(|fields| format!("{fields:?}"))
    }

    #[test]
    fn reads_the_usual_block() {
        let yaml = "title: Officials weigh next steps on cyber defense\noutlet: Reuters\r\ndate: 2022-11-15\nurl: https://example.com/a?b=c\ntags: diplomacy\n# a comment\n\n";
        let fields = fields(yaml).expect("plain");
        assert_eq!(format!("{fields:?}"), parsed(yaml).unwrap());
        assert_eq!(fields.date.unwrap().0, "2022-11-15");
        assert_eq!(fields.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn leaves_everything_else_to_the_parser() {
        for yaml in [
            "title: \"Quoted\"",
            "title: Lee: a profile",
            "title: Lee #1",
            "title: null",
            "title: Yes",
            "title: 2025 review",
            "date: 0999",
            "date: 2025-06-17T09:00:00+09:00",
            "factlint:\n  disable: [weekday]",
            "title: a\ntitle: b",
            "  title: indented",
            "title:",
            "title:x",
            "tags: [a, b]",
            "title: tab\there",
            "tags: 1e32025",
        ] {
            assert!(fields(yaml).is_none(), "{yaml:?}");
        }
    }

    fn key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "date", "title", "outlet", "url", "tags", "Title", "x-y",
        ])
    }

    fn value() -> impl Strategy<Value = String> {
        let part = prop::sample::select(vec![
            "Reuters", "2025", "-06", "-17", "0", "null", "True", "no", " ", "#", ":", "'", "\"",
            "[", "]", "é", "\t", "~", "&a", "*", "!", "|", ">", "%", "@", ",", "{", "}", "?",
            "\u{feff}", "\u{a0}", ".", "inf", "nan", "0x1", "1e3", "+", "-",
        ]);
        prop::collection::vec(part, 0..5).prop_map(|parts| parts.concat())
    }

    proptest! {
        /// Wherever the plain reading answers, the YAML parser reads the same.
        #[test]
        fn agrees_with_the_yaml_parser(
            lines in prop::collection::vec((key(), prop::sample::select(vec![": ", ":", ":  "]), value()), 1..5),
        ) {
            let yaml: String = lines.iter().map(|(k, s, v)| format!("{k}{s}{v}\n")).collect();
            if let Some(fields) = fields(&yaml) {
                prop_assert_eq!(Some(format!("{fields:?}")), parsed(&yaml), "{:?}", yaml);
            }
        }
    }
}
