//! Input limits: how large an article, one of its lines, and a YAML file (rules, KB,
//! configuration) may be, and how deeply YAML may nest; their defaults, how sizes are written,
//! and the size-checked reading and bounded parsing of YAML files.
//!
//! The limits keep memory and time bounded on hostile input. Each is documented in the README
//! and can be changed in `factlint.yaml` (`limits:`); the article ones also by flag.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::corpus::{InputErrorKind, lines};

/// The default `max_file_size`: articles larger than this are an input error.
pub const MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;
/// The default `max_line_length`, in bytes: a news paragraph is a few KB, so a line this long
/// is generated data, not prose.
pub const MAX_LINE_LENGTH: u64 = 1024 * 1024;
/// The default `max_yaml_size`: the shipped KB files are tens of KB.
pub const MAX_YAML_SIZE: u64 = 10 * 1024 * 1024;
/// The default `max_yaml_depth` (serde-saphyr's own default).
pub const MAX_YAML_DEPTH: usize = 64;

/// How large a YAML file may be and how deeply it may nest. Aliases are bounded too, by
/// serde-saphyr's budget (at most 50,000 aliases, 1,000,000 parser events, 250,000 nodes), so a
/// "billion laughs" file is refused without being expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YamlLimits {
    pub max_size: u64,
    pub max_depth: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        Self {
            max_size: MAX_YAML_SIZE,
            max_depth: MAX_YAML_DEPTH,
        }
    }
}

impl YamlLimits {
    /// A YAML file's text; `what` names the file's role in messages ("rule file"). A file over
    /// `max_size` is refused before it is read, so a huge file costs nothing.
    pub fn read(&self, path: &Path, what: &str) -> Result<String, miette::Report> {
        let name = path.display();
        let cannot = |error: std::io::Error| miette::miette!("cannot read {what} {name}: {error}");
        let too_large = |size: u64| {
            miette::miette!(
                help = "raise `limits: {max_yaml_size: …}` in factlint.yaml, or split the file",
                "{what} {name} is {}, above the limit of {} for YAML files",
                human_size(size),
                human_size(self.max_size)
            )
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_err(cannot)?.len();
        if size > self.max_size {
            return Err(too_large(size));
        }
        let mut text = String::new();
        // One byte past the limit, in case the file grew since its size was taken.
        file.take(self.max_size.saturating_add(1))
            .read_to_string(&mut text)
            .map_err(cannot)?;
        if text.len() as u64 > self.max_size {
            return Err(too_large(text.len() as u64));
        }
        Ok(text)
    }

    /// Parses YAML within these limits (nesting, and serde-saphyr's alias and event budget).
    pub fn parse<T: DeserializeOwned>(&self, yaml: &str) -> Result<T, serde_saphyr::Error> {
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! { max_depth: self.max_depth },
        };
        serde_saphyr::from_str_with_options(yaml, options)
    }
}

/// The first line of `text` longer than `limit` bytes, as an input error. Lines end at `\n`,
/// `\r\n` or a lone `\r`, as editors count them; the ending is not part of the length.
pub fn check_line_length(text: &str, limit: u64) -> Result<(), InputErrorKind> {
    // No line is longer than its text: an article shorter than the limit needs no scan.
    if text.len() as u64 <= limit {
        return Ok(());
    }
    for (index, (line, _)) in lines(text).enumerate() {
        let length = line.len() as u64;
        if length > limit {
            return Err(InputErrorKind::LineTooLong {
                line: index + 1,
                length,
                limit,
            });
        }
    }
    Ok(())
}

/// "1048576", "512K", "10M", "1G" (binary multiples; a trailing "B" or "iB" is accepted).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let number = upper.trim_end_matches("IB").trim_end_matches('B');
    let (digits, multiplier) = match number.chars().last() {
        Some('K') => (&number[..number.len() - 1], 1u64 << 10),
        Some('M') => (&number[..number.len() - 1], 1 << 20),
        Some('G') => (&number[..number.len() - 1], 1 << 30),
        _ => (number, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| format!("expected a size like 1048576, 512K or 10M, not `{text}`"))
}

/// "50 MB", "1.5 MB", "12 KB", "900 bytes": sizes as a person reads them.
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let (value, unit) = if bytes >= MB {
        (bytes as f64 / MB as f64, "MB")
    } else if bytes >= KB {
        (bytes as f64 / KB as f64, "KB")
    } else {
        return format!("{bytes} bytes");
    };
    let rounded = format!("{value:.1}");
    let trimmed = rounded.strip_suffix(".0").unwrap_or(&rounded);
    format!("{trimmed} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_person_would_say_them() {
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(50 * 1024 * 1024), "50 MB");
    }

    #[test]
    fn sizes_are_written_in_bytes_or_binary_multiples() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("10 MiB"), Ok(10 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("99999999999G").is_err());
    }

    #[test]
    fn a_long_line_is_found_whatever_ends_the_lines() {
        let long = "x".repeat(11);
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("short{end}{long}{end}short");
            assert_eq!(
                check_line_length(&text, 10),
                Err(InputErrorKind::LineTooLong {
                    line: 2,
                    length: 11,
                    limit: 10
                }),
                "{end:?}"
            );
            assert_eq!(check_line_length(&text, 11), Ok(()), "{end:?}");
        }
        assert_eq!(check_line_length("", 0), Ok(()));
        // A text no longer than the limit is taken without a scan; one byte over is scanned.
        assert_eq!(check_line_length(&"x".repeat(10), 10), Ok(()));
        assert_eq!(
            check_line_length(&"x".repeat(11), 10),
            Err(InputErrorKind::LineTooLong {
                line: 1,
                length: 11,
                limit: 10
            })
        );
    }

    #[test]
    fn nesting_beyond_the_depth_is_an_error_not_a_crash() {
        let limits = YamlLimits {
            max_depth: 8,
            ..YamlLimits::default()
        };
        let deep = format!("{}1{}", "[".repeat(9), "]".repeat(9));
        assert!(limits.parse::<serde_json::Value>(&deep).is_err());
        let shallow = format!("{}1{}", "[".repeat(7), "]".repeat(7));
        assert!(limits.parse::<serde_json::Value>(&shallow).is_ok());
    }

    #[test]
    fn a_yaml_file_over_the_size_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::File::create(&path)
            .and_then(|file| file.set_len(100 << 20))
            .unwrap();
        let error = YamlLimits::default().read(&path, "rule file").unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("big.yaml is 100 MB, above the limit of 10 MB for YAML files"),
            "{error}"
        );
    }
}
