//! The SARIF 2.1.0 format, as GitHub code scanning reads it: one run whose driver lists the
//! rules in force, one result per finding with its region in characters (`unicodeCodePoints`),
//! related places (the other article) as `relatedLocations`, and input failures as tool
//! execution notifications.
//!
//! URIs are relative to `%SRCROOT%`, the directory factlint ran in, with forward slashes, so
//! GitHub can map them to files in the repository; a file outside that directory keeps an
//! absolute `file://` URI. `originalUriBaseIds` is left out so output does not depend on the
//! machine (GitHub takes `%SRCROOT%` to be the checkout).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::RuleInfo;
use super::json::to_json;
use super::position::LineIndex;
use crate::corpus::Article;
use crate::finding::{Finding, InputFailure, Level};

/// The schema the output declares (the OASIS 2.1.0 schema, errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Where `%SRCROOT%`-relative URIs start.
const SRCROOT: &str = "%SRCROOT%";
/// The key of factlint's own line-independent fingerprint in `partialFingerprints`.
const FINGERPRINT: &str = "factlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    kind: String,
    tags: [&'static str; 1],
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    }
}

/// The whole SARIF log, pretty-printed with a trailing newline. `root` is the directory paths
/// are made relative to (the working directory).
pub fn render(
    articles: &[Article],
    findings: &[Finding],
    rules: &[RuleInfo],
    failures: &[InputFailure],
    root: &Path,
) -> String {
    let mut rules: Vec<RuleInfo> = rules.to_vec();
    // A finding from a rule not listed (cannot happen today) still gets a descriptor.
    for finding in findings {
        if !rules.iter().any(|rule| rule.id == finding.rule) {
            rules.push(RuleInfo {
                id: finding.rule.clone(),
                kind: String::new(),
                level: finding.level,
                description: super::describe_kind("").into(),
                file: None,
            });
        }
    }
    let indexes: Vec<LineIndex<'_>> = articles.iter().map(|a| LineIndex::new(&a.text)).collect();
    let place = |article: usize, span: &std::ops::Range<usize>| {
        let index = &indexes[article];
        let start = index.position(span.start);
        let end = index.position(span.end);
        PhysicalLocation {
            artifact_location: artifact_location(&articles[article].path, root),
            region: Some(Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            }),
        }
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let results = findings
        .iter()
        .filter(|finding| finding.article < articles.len())
        .map(|finding| {
            let related_locations = finding
                .related
                .iter()
                .filter(|related| related.article < articles.len())
                .enumerate()
                .map(|(i, related)| RelatedLocation {
                    id: i + 1,
                    physical_location: place(related.article, &related.span),
                    message: Text {
                        text: related.message.clone(),
                    },
                })
                .collect();
            let location = place(finding.article, &finding.span);
            let fingerprint = fingerprint(
                finding,
                &location.artifact_location.uri,
                &articles[finding.article].text,
                &mut seen,
            );
            SarifResult {
                rule_id: &finding.rule,
                rule_index: rules.iter().position(|r| r.id == finding.rule).unwrap_or(0),
                level: level(finding.level),
                message: Text {
                    text: match &finding.help {
                        Some(help) => format!("{}\n{help}", finding.message),
                        None => finding.message.clone(),
                    },
                },
                locations: [Location {
                    physical_location: location,
                }],
                related_locations,
                partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
            }
        })
        .collect();
    let notifications = failures
        .iter()
        .map(|failure| Notification {
            level: "error",
            message: Text {
                text: match &failure.help {
                    Some(help) => format!("{}\n{help}", failure.message),
                    None => failure.message.clone(),
                },
            },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact_location(&failure.file, root),
                    region: None,
                },
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "factlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: rules.iter().map(descriptor).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: failures.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    to_json(&log)
}

/// The project's home page from Cargo.toml (`homepage`, else `repository`), when it has one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
}

fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let origin = match &rule.file {
        Some(file) => format!("defined in {}", file.display()),
        None => "shipped with factlint".to_string(),
    };
    let (full, help) = if rule.kind == "factlint" {
        (
            format!(
                "{} A rule of factlint itself, about suppressions.",
                rule.description
            ),
            format!(
                "{} Set its level, or turn it off, with `levels:` in factlint.yaml.",
                rule.description
            ),
        )
    } else {
        (
            format!(
                "{} Rule `{}` extends the check kind `{}`, {origin}.",
                rule.description, rule.id, rule.kind
            ),
            format!(
                "{} Set its level with `levels:` in factlint.yaml; silence one place with \
                 `<!-- factlint-disable-next-line {} -->`.",
                rule.description, rule.id
            ),
        )
    };
    ReportingDescriptor {
        id: rule.id.clone(),
        name: rule.id.clone(),
        short_description: Text {
            text: rule.description.clone(),
        },
        help: Text { text: help },
        full_description: Text { text: full },
        default_configuration: Configuration {
            level: level(rule.level),
        },
        properties: RuleProperties {
            kind: rule.kind.clone(),
            tags: ["fact-check"],
        },
    }
}

/// `%SRCROOT%`-relative when the file is under `root` (or named by a relative path that stays
/// inside it), else an absolute `file://` URI.
fn artifact_location(path: &Path, root: &Path) -> ArtifactLocation {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    let absolute = normalise(&absolute);
    match absolute.strip_prefix(normalise(root)) {
        Ok(relative) if !relative.as_os_str().is_empty() => ArtifactLocation {
            uri: encode_path(relative),
            uri_base_id: Some(SRCROOT),
        },
        _ => ArtifactLocation {
            uri: format!("file://{}", encode_path(&absolute)),
            uri_base_id: None,
        },
    }
}

/// `.` and `..` resolved without touching the file system (the file may be `<stdin>`).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path as a URI path: components joined by `/`, and every byte outside RFC 3986's
/// unreserved set (and `/`) percent-encoded. Hand-written because it is this one loop; the
/// `url` crate would bring IDNA tables for nothing.
pub(crate) fn encode_path(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let absolute = path.has_root();
    for component in path.components() {
        if let Component::Normal(part) = component {
            parts.push(percent_encode(&part.to_string_lossy()));
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A fingerprint that survives edits elsewhere in the file: the rule, the file, the words
/// flagged and the message, and which occurrence of that combination this is. FNV-1a, 64 bits,
/// written out because it must not change between Rust releases (std's hasher may).
fn fingerprint(
    finding: &Finding,
    uri: &str,
    text: &str,
    seen: &mut BTreeMap<String, usize>,
) -> String {
    let words = text.get(finding.span.clone()).unwrap_or_default();
    let key = format!("{}\0{uri}\0{words}\0{}", finding.rule, finding.message);
    let occurrence = seen.entry(key.clone()).or_insert(0);
    *occurrence += 1;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}:{occurrence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_encoded() {
        let root = Path::new("/work/news");
        let at = |path: &str| {
            let location = artifact_location(Path::new(path), root);
            (location.uri, location.uri_base_id)
        };
        assert_eq!(
            at("corpus/a b.md"),
            ("corpus/a%20b.md".into(), Some(SRCROOT))
        );
        assert_eq!(
            at("./corpus/../x/é#1.txt"),
            ("x/%C3%A9%231.txt".into(), Some(SRCROOT))
        );
        assert_eq!(
            at("/work/news/sub/a.md"),
            ("sub/a.md".into(), Some(SRCROOT))
        );
        assert_eq!(
            at("/elsewhere/a.md"),
            ("file:///elsewhere/a.md".into(), None)
        );
        assert_eq!(at("../a.md"), ("file:///work/a.md".into(), None));
    }

    #[test]
    fn fingerprints_ignore_position_and_count_repeats() {
        let finding = |start: usize| Finding {
            rule: "weekday".into(),
            level: Level::Error,
            article: 0,
            span: start..start + 6,
            message: "m".into(),
            help: None,
            related: Vec::new(),
        };
        let text = "Monday Monday";
        let mut seen = BTreeMap::new();
        let first = fingerprint(&finding(0), "a.md", text, &mut seen);
        let second = fingerprint(&finding(7), "a.md", text, &mut seen);
        assert_eq!(first.split(':').next(), second.split(':').next());
        assert!(first.ends_with(":1") && second.ends_with(":2"));
        let elsewhere = fingerprint(&finding(0), "b.md", text, &mut BTreeMap::new());
        assert_ne!(first, elsewhere);
    }

    #[test]
    fn related_places_in_another_article_are_related_locations_and_valid() {
        use crate::corpus::Metadata;
        use crate::finding::Related;
        let article = |path: &str, text: &str| Article {
            path: path.into(),
            text: text.into(),
            body: 0..text.len(),
            meta: Metadata::default(),
        };
        let first = "Ambassador Koichi Aiboshi spoke on Tuesday.\n";
        let second = "x\nAmbassador Koichi Mizushima spoke on Tuesday.\n";
        let articles = [article("news/a.md", first), article("news/b.md", second)];
        let at = |text: &str, words: &str| {
            let start = text.find(words).unwrap();
            start..start + words.len()
        };
        let findings = [Finding {
            rule: "role-conflict".into(),
            level: Level::Error,
            article: 0,
            span: at(first, "Koichi Aiboshi"),
            message: "two ambassadors on the same day".into(),
            help: Some("check who held it".into()),
            related: vec![Related {
                article: 1,
                span: at(second, "Koichi Mizushima"),
                message: "named here".into(),
            }],
        }];
        let rules = [RuleInfo {
            id: "role-conflict".into(),
            kind: "role-conflict".into(),
            level: Level::Error,
            description: "d".into(),
            file: Some("rules/role-conflict.yaml".into()),
        }];
        let out = render(&articles, &findings, &rules, &[], Path::new("/news"));
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let schema_path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sarif/sarif-schema-2.1.0.json"
        );
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
        let validator = jsonschema::draft4::new(&schema).unwrap();
        let problems: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let result = &log["runs"][0]["results"][0];
        assert_eq!(
            result["relatedLocations"],
            serde_json::json!([{
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": {"uri": "news/b.md", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 2, "startColumn": 12, "endLine": 2, "endColumn": 28}
                },
                "message": {"text": "named here"}
            }])
        );
        assert_eq!(
            result["message"]["text"],
            "two ambassadors on the same day\ncheck who held it"
        );
    }
}
