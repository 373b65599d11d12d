//! Loading rules: the shipped rule files embedded in the binary, then a project's rule
//! directory, each file parsed with serde-saphyr so every mistake points at file:line:column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use super::kind::{KINDS, parse_kind};
use super::template::Template;
use super::{Rule, RuleOrigin};
use crate::limits::YamlLimits;

/// The shipped rules, embedded so the binary works from any directory. Only top-level
/// `rules/*.yaml` are rules; `rules/kb/` is the knowledge base and is never loaded here.
const SHIPPED: &[(&str, &str)] = &[
    ("weekday", include_str!("../../rules/weekday.yaml")),
    ("tenure", include_str!("../../rules/tenure.yaml")),
    (
        "role-conflict",
        include_str!("../../rules/role-conflict.yaml"),
    ),
    ("role-change", include_str!("../../rules/role-change.yaml")),
    (
        "name-variant",
        include_str!("../../rules/name-variant.yaml"),
    ),
    ("ordinal", include_str!("../../rules/ordinal.yaml")),
    ("event-date", include_str!("../../rules/event-date.yaml")),
    (
        "relative-date",
        include_str!("../../rules/relative-date.yaml"),
    ),
    ("anniversary", include_str!("../../rules/anniversary.yaml")),
    ("part-whole", include_str!("../../rules/part-whole.yaml")),
];

/// The rules in force, by id.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    rules: BTreeMap<String, Rule>,
}

/// Every problem found in the rule configuration; each is a miette report with its file,
/// line and column, ready to render.
#[derive(Debug, thiserror::Error)]
pub struct ConfigError {
    pub problems: Vec<miette::Report>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.len() {
            1 => write!(f, "1 problem in the rule configuration"),
            n => write!(f, "{n} problems in the rule configuration"),
        }
    }
}

impl RuleSet {
    /// The shipped rules only.
    pub fn shipped() -> Result<RuleSet, ConfigError> {
        RuleSet::load(None, &YamlLimits::default())
    }

    /// The shipped rules, then every `*.yaml`/`*.yml` directly in `project_dir`, whose rules add
    /// to or replace (same id) the shipped ones. All problems are collected, not just the first.
    /// The project's files are read and parsed within `limits`.
    pub fn load(project_dir: Option<&Path>, limits: &YamlLimits) -> Result<RuleSet, ConfigError> {
        let mut set = RuleSet::default();
        let mut problems = Vec::new();
        for (id, yaml) in SHIPPED {
            let name = format!("<shipped>/rules/{id}.yaml");
            match parse_rule(id, yaml, &name, RuleOrigin::Shipped, &YamlLimits::default()) {
                Ok(rule) => set.insert(rule),
                Err(problem) => problems.push(problem),
            }
        }
        if let Some(dir) = project_dir {
            match rule_files(dir) {
                Ok(files) => {
                    for path in files {
                        match load_file(&path, limits) {
                            Ok(rule) => set.insert(rule),
                            Err(problem) => problems.push(problem),
                        }
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(set)
        } else {
            Err(ConfigError { problems })
        }
    }

    fn insert(&mut self, rule: Rule) {
        self.rules.insert(rule.id.clone(), rule);
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.get(id)
    }

    /// For configuration that changes a loaded rule (its level, from `levels:`).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Rule> {
        self.rules.get_mut(id)
    }

    /// Takes a rule out of force (`off` in `levels:`).
    pub fn remove(&mut self, id: &str) -> Option<Rule> {
        self.rules.remove(id)
    }

    /// The rules in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values()
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// The rule files directly in `dir`, sorted so loading is deterministic.
fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, miette::Report> {
    let entries = std::fs::read_dir(dir).map_err(|error| {
        miette::miette!("cannot read rule directory {}: {error}", dir.display())
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path
                    .extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort();
    Ok(files)
}

fn load_file(path: &Path, limits: &YamlLimits) -> Result<Rule, miette::Report> {
    let name = path.display().to_string();
    let yaml = limits.read(path, "rule file")?;
    let id = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    if !is_kebab_case(id) {
        return Err(miette::miette!(
            help = "name the file after the rule id in kebab-case, e.g. `weekday.yaml`",
            "{name}: `{id}` is not a valid rule id"
        ));
    }
    parse_rule(
        id,
        &yaml,
        &name,
        RuleOrigin::File(path.to_path_buf()),
        limits,
    )
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Only the `extends` key, read first to know which kind's stricter schema to apply.
#[derive(Deserialize)]
struct KindProbe {
    extends: Spanned<String>,
}

/// Parses one rule file within `limits`. `file_name` is what diagnostics call the file.
pub fn parse_rule(
    id: &str,
    yaml: &str,
    file_name: &str,
    origin: RuleOrigin,
    limits: &YamlLimits,
) -> Result<Rule, miette::Report> {
    // `source_name`, because the error's own snippet is named `<input>`, which wins over `file`.
    let yaml_error = |error: serde_saphyr::Error| {
        let options = serde_saphyr::render_options! { source_name: Some(file_name) };
        serde_saphyr::miette::to_miette_report_with_options(&error, yaml, file_name, options)
    };
    let probe: KindProbe = limits.parse(yaml).map_err(yaml_error)?;
    let kind = probe.extends.value.as_str();
    let Some(parsed) = parse_kind(kind, yaml, limits) else {
        return Err(UnknownKind {
            kind: kind.to_string(),
            known: KINDS.join(", "),
            src: NamedSource::new(file_name, yaml.to_string()),
            span: value_span(yaml, &probe.extends.referenced, &probe.extends.value),
        }
        .into());
    };
    let (header, check) = parsed.map_err(yaml_error)?;
    let placeholders = check.placeholders();
    let template = |field: &Spanned<String>| {
        Template::parse(&field.value, placeholders).map_err(|error| {
            let whole = value_span(yaml, &field.referenced, &field.value);
            miette::Report::from(BadTemplate {
                message: error.message,
                known: placeholders.join(", "),
                src: NamedSource::new(file_name, yaml.to_string()),
                span: narrow_to_template_part(yaml, whole, &field.value, error.span),
            })
        })
    };
    let message = template(&header.message)?;
    let help = header.help.as_ref().map(template).transpose()?;
    Ok(Rule {
        id: id.to_string(),
        level: header.level,
        message,
        help,
        check,
        origin,
    })
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("unknown check kind `{kind}`")]
#[diagnostic(
    code(factlint::rules::unknown_kind),
    help("`extends:` names a built-in check kind: {known}")
)]
struct UnknownKind {
    kind: String,
    known: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("not a check kind")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(
    code(factlint::rules::template),
    help("this kind fills these placeholders: {known}")
)]
struct BadTemplate {
    message: String,
    known: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("here")]
    span: SourceSpan,
}

/// The bytes of a scalar in the YAML, from the location serde-saphyr recorded for it.
pub fn value_span(yaml: &str, location: &Location, value: &str) -> SourceSpan {
    let start = location
        .span()
        .byte_offset()
        .map(|offset| offset as usize)
        .filter(|&offset| offset <= yaml.len() && yaml.is_char_boundary(offset))
        .unwrap_or_else(|| offset_of(yaml, location.line(), location.column()));
    let len = location
        .span()
        .byte_len()
        .map(|len| len as usize)
        .filter(|&len| len > 0 && start + len <= yaml.len())
        .unwrap_or_else(|| {
            let line_end = yaml[start..].find('\n').map_or(yaml.len(), |i| start + i);
            (start + value.len())
                .min(line_end)
                .max(start + 1)
                .min(yaml.len())
                - start
        });
    SourceSpan::new(start.into(), len)
}

/// Byte offset of a 1-based line and 1-based character column.
fn offset_of(yaml: &str, line: u64, column: u64) -> usize {
    let line_start = yaml
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>();
    let column_bytes = yaml[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(yaml.len() - line_start, |(i, _)| i);
    line_start + column_bytes
}

/// Points at the faulty part of a template when the scalar is written plainly or quoted without
/// escapes (the text then appears verbatim); otherwise at the whole value.
fn narrow_to_template_part(
    yaml: &str,
    whole: SourceSpan,
    template: &str,
    part: std::ops::Range<usize>,
) -> SourceSpan {
    let start = whole.offset();
    for skip in [0, 1] {
        let text_start = start + skip;
        if yaml.get(text_start..text_start + template.len()) == Some(template) {
            return SourceSpan::new((text_start + part.start).into(), part.len());
        }
    }
    whole
}
