//! The project configuration file, `factlint.yaml` (or `.factlint.yaml`): where it is found, what
//! it may say, and its mistakes as diagnostics at file:line:column. Command-line flags override
//! it; `main.rs` does the merging.
//!
//! ```yaml
//! rules: rules          # a directory of rule files, relative to this file
//! kb: kb                # a directory of KB files, relative to this file
//! shipped_kb: true      # false: use only `kb`
//! include: ["articles/**"]
//! exclude: ["drafts", "**/*.draft.md"]
//! extensions: [md, txt]
//! levels: {weekday: warning, name-variant: off}
//! fail_on: error        # error | warning | note
//! limits: {max_file_size: 50M, max_line_length: 1M, max_yaml_size: 10M, max_yaml_depth: 64}
//! ```

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::finding::Level;
use crate::limits::{YamlLimits, parse_size};
use crate::rules::{ConfigError, RuleSet, value_span};

/// The names a configuration file may have, in the order they are looked for in a directory.
pub const FILE_NAMES: &[&str] = &["factlint.yaml", ".factlint.yaml"];

/// The file as serde reads it: any other key is an error at that key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    rules: Option<PathBuf>,
    kb: Option<PathBuf>,
    shipped_kb: Option<bool>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    extensions: Option<Vec<String>>,
    levels: Option<HashMap<Spanned<String>, Setting>>,
    fail_on: Option<Level>,
    limits: Option<LimitsFile>,
}

/// `limits:`: sizes are bytes or `512K`, `10M`, `1G`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsFile {
    max_file_size: Option<Spanned<String>>,
    max_line_length: Option<Spanned<String>>,
    max_yaml_size: Option<Spanned<String>>,
    max_yaml_depth: Option<usize>,
}

/// A rule's level in `levels:`, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Setting {
    Error,
    Warning,
    Note,
    Off,
}

/// A loaded configuration. Paths in it are resolved against the file's directory.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// The directory globs are relative to (absolute).
    pub root: PathBuf,
    pub rules_dir: Option<PathBuf>,
    pub kb_dir: Option<PathBuf>,
    pub shipped_kb: Option<bool>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub extensions: Option<Vec<String>>,
    pub levels: Levels,
    pub fail_on: Option<Level>,
    pub limits: Limits,
}

/// `limits:`, each `None` where the file leaves the default (see [`crate::limits`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    pub max_file_size: Option<u64>,
    pub max_line_length: Option<u64>,
    pub max_yaml_size: Option<u64>,
    pub max_yaml_depth: Option<usize>,
}

/// `levels:`: per rule, a level or `None` for `off`; checked against the rules once they are
/// loaded, so an unknown id is an error at its key.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    settings: Vec<LevelSetting>,
    source: Option<NamedSource<Arc<str>>>,
}

#[derive(Clone, Debug)]
struct LevelSetting {
    rule: String,
    level: Option<Level>,
    key: SourceSpan,
}

impl Levels {
    /// Sets each named rule's level, or removes it (`off`). Rules not in `rules` may be named
    /// if they are in `also_known` (factlint's own rules about suppressions); their settings
    /// are returned. Any other id is an error at its key.
    pub fn apply(
        &self,
        rules: &mut RuleSet,
        also_known: &[&str],
    ) -> Result<HashMap<String, Option<Level>>, ConfigError> {
        let mut others = HashMap::new();
        let mut problems = Vec::new();
        for setting in &self.settings {
            if let Some(rule) = rules.get_mut(&setting.rule) {
                match setting.level {
                    Some(level) => rule.level = level,
                    None => {
                        rules.remove(&setting.rule);
                    }
                }
            } else if also_known.contains(&setting.rule.as_str()) {
                others.insert(setting.rule.clone(), setting.level);
            } else if let Some(source) = &self.source {
                let mut known: Vec<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
                known.extend(also_known);
                known.sort_unstable();
                problems.push(miette::Report::from(UnknownRule {
                    rule: setting.rule.clone(),
                    known: known.join(", "),
                    src: source.clone(),
                    span: setting.key,
                }));
            }
        }
        if problems.is_empty() {
            Ok(others)
        } else {
            Err(ConfigError { problems })
        }
    }

    pub fn is_empty(&self) -> bool {
        self.settings.is_empty()
    }
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("unknown rule `{rule}` in `levels:`")]
#[diagnostic(
    code(factlint::config::unknown_rule),
    help("the rules in force are: {known}")
)]
struct UnknownRule {
    rule: String,
    known: String,
    #[source_code]
    src: NamedSource<Arc<str>>,
    #[label("not a rule")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid size `{size}` in `limits:`")]
#[diagnostic(
    code(factlint::config::size),
    help("a size is a number of bytes, or one with K, M or G: 1048576, 512K, 10M, 1G")
)]
struct BadSize {
    size: String,
    #[source_code]
    src: NamedSource<Arc<str>>,
    #[label("not a size")]
    span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid glob `{glob}`: {reason}")]
#[diagnostic(
    code(factlint::config::glob),
    help("globs are relative to the configuration file's directory: `articles/**`, `*.draft.md`")
)]
struct BadGlob {
    glob: String,
    reason: String,
    #[source_code]
    src: NamedSource<Arc<str>>,
    #[label("here")]
    span: SourceSpan,
}

/// The configuration file for a run started in `start`: the first of [`FILE_NAMES`] found in
/// `start` or the nearest directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.is_file())
    })
}

/// Reads and checks a configuration file. `cwd` makes its paths absolute and, where they are
/// under it, relative to it again (so reports name `rules/x.yaml`, not a machine's path).
pub fn load(path: &Path, cwd: &Path) -> Result<Config, ConfigError> {
    let name = path.display().to_string();
    // The configuration sets the YAML limits of other files; its own are the defaults.
    let yaml = YamlLimits::default()
        .read(path, "configuration file")
        .map_err(|problem| ConfigError {
            problems: vec![problem],
        })?;
    parse(&yaml, &name, &normalise(&cwd.join(path)), cwd)
}

/// Parses the YAML of a configuration file at `path` (absolute); `file_name` is what
/// diagnostics call it.
pub fn parse(yaml: &str, file_name: &str, path: &Path, cwd: &Path) -> Result<Config, ConfigError> {
    let file: ConfigFile = if yaml.trim().is_empty() {
        serde_saphyr::from_str("{}")
    } else {
        YamlLimits::default().parse(yaml)
    }
    .map_err(|error| {
        let options = serde_saphyr::render_options! { source_name: Some(file_name) };
        ConfigError {
            problems: vec![serde_saphyr::miette::to_miette_report_with_options(
                &error, yaml, file_name, options,
            )],
        }
    })?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let source = NamedSource::new(file_name, Arc::<str>::from(yaml));
    let mut problems = Vec::new();
    let mut globs = |list: Option<Vec<Spanned<String>>>| -> Vec<String> {
        let list = list.unwrap_or_default();
        for glob in &list {
            if let Err(error) = crate::corpus::check_glob(&glob.value) {
                problems.push(miette::Report::from(BadGlob {
                    glob: glob.value.clone(),
                    reason: error,
                    src: source.clone(),
                    span: value_span(yaml, &glob.referenced, &glob.value),
                }));
            }
        }
        list.into_iter().map(|glob| glob.value).collect()
    };
    let include = globs(file.include);
    let exclude = globs(file.exclude);
    let limits = file.limits.map(|limits| {
        let mut size = |field: Option<Spanned<String>>| {
            let field = field?;
            parse_size(&field.value)
                .map_err(|_| {
                    problems.push(miette::Report::from(BadSize {
                        size: field.value.clone(),
                        src: source.clone(),
                        span: value_span(yaml, &field.referenced, &field.value),
                    }))
                })
                .ok()
        };
        Limits {
            max_file_size: size(limits.max_file_size),
            max_line_length: size(limits.max_line_length),
            max_yaml_size: size(limits.max_yaml_size),
            max_yaml_depth: limits.max_yaml_depth,
        }
    });
    if !problems.is_empty() {
        return Err(ConfigError { problems });
    }
    let mut settings: Vec<LevelSetting> = file
        .levels
        .unwrap_or_default()
        .into_iter()
        .map(|(rule, setting)| LevelSetting {
            key: value_span(yaml, &rule.referenced, &rule.value),
            rule: rule.value,
            level: match setting {
                Setting::Error => Some(Level::Error),
                Setting::Warning => Some(Level::Warning),
                Setting::Note => Some(Level::Note),
                Setting::Off => None,
            },
        })
        .collect();
    settings.sort_by_key(|setting| setting.key.offset());
    let resolve = |dir: Option<PathBuf>| dir.map(|dir| shorten(&normalise(&root.join(dir)), cwd));
    Ok(Config {
        path: path.to_path_buf(),
        rules_dir: resolve(file.rules),
        kb_dir: resolve(file.kb),
        shipped_kb: file.shipped_kb,
        include,
        exclude,
        extensions: file.extensions,
        levels: Levels {
            settings,
            source: Some(source),
        },
        fail_on: file.fail_on,
        limits: limits.unwrap_or_default(),
        root,
    })
}

/// `path` relative to `cwd` when it is under it, else as it is.
fn shorten(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(normalise(cwd)) {
        Ok(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
        Ok(relative) => relative.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// `.` and `..` resolved without touching the file system.
pub(crate) fn normalise(path: &Path) -> PathBuf {
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

/// What `factlint init` writes: every key, commented, with the defaults.
pub const STARTER: &str = r#"# factlint configuration. factlint finds this file by walking up from the directory it runs in;
# `--config PATH` names another and `--no-config` ignores it. Flags given on the command line
# override what is set here. Paths and globs are relative to this file.

# Your own rules: every *.yaml in this directory adds a rule, or replaces a shipped rule with the
# same id (see the README). The shipped rules are always loaded first.
rules: rules

# Your own knowledge-base files (people, offices, terms), added to the shipped KB.
# kb: kb
# Set to false to use only the files of `kb`, not the shipped KB.
# shipped_kb: true

# Which files to read under the directories you name. `include` keeps only matching files;
# `exclude` skips matching files and directories (also when a file is named on the command
# line, so a pre-commit hook honours it). A glob without `/` matches at any depth.
# include: ["articles/**"]
# exclude: ["drafts", "**/*.draft.md"]
# extensions: [md, txt]

# Per-rule level: error, warning, note, or off.
# levels:
#   weekday: error
#   name-variant: off

# The least serious level that fails the run (exit code 1): error, warning or note.
fail_on: error

# Limits that keep time and memory bounded on hostile input; sizes are bytes or 512K, 10M, 1G.
# An article over max_file_size or with a line over max_line_length is an input error (exit
# code 2); so is a rule or KB file over max_yaml_size or nested deeper than max_yaml_depth.
# limits:
#   max_file_size: 50M     # also --max-file-size
#   max_line_length: 1M    # also --max-line-length
#   max_yaml_size: 10M
#   max_yaml_depth: 64
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Colour;
    use crate::report::human::render_diagnostic;

    fn parse_at(yaml: &str) -> Result<Config, ConfigError> {
        parse(
            yaml,
            "factlint.yaml",
            Path::new("/news/factlint.yaml"),
            Path::new("/news"),
        )
    }

    fn rendered(error: ConfigError) -> String {
        error
            .problems
            .iter()
            .map(|problem| render_diagnostic(problem.as_ref(), Colour::Never))
            .collect()
    }

    #[test]
    fn the_starter_is_a_valid_configuration() {
        let config = parse_at(STARTER).unwrap();
        assert_eq!(config.rules_dir, Some(PathBuf::from("rules")));
        assert_eq!(config.fail_on, Some(Level::Error));
        assert!(config.levels.is_empty());
    }

    #[test]
    fn every_key_is_read_and_paths_are_relative_to_the_file() {
        let yaml = "rules: my-rules\nkb: ../shared/kb\nshipped_kb: false\ninclude: [\"a/**\"]\nexclude: [drafts]\nextensions: [md]\nlevels: {weekday: warning, tenure: off}\nfail_on: note\nlimits: {max_file_size: 2M, max_line_length: 4096, max_yaml_size: 512K, max_yaml_depth: 16}\n";
        let config = parse_at(yaml).unwrap();
        assert_eq!(config.rules_dir, Some(PathBuf::from("my-rules")));
        assert_eq!(config.kb_dir, Some(PathBuf::from("/shared/kb")));
        assert_eq!(config.shipped_kb, Some(false));
        assert_eq!(config.include, ["a/**"]);
        assert_eq!(config.exclude, ["drafts"]);
        assert_eq!(config.extensions, Some(vec!["md".to_string()]));
        assert_eq!(config.fail_on, Some(Level::Note));
        assert_eq!(config.root, PathBuf::from("/news"));
        assert_eq!(
            config.limits,
            Limits {
                max_file_size: Some(2 << 20),
                max_line_length: Some(4096),
                max_yaml_size: Some(512 << 10),
                max_yaml_depth: Some(16),
            }
        );
        let mut rules = RuleSet::shipped().unwrap();
        let others = config.levels.apply(&mut rules, &[]).unwrap();
        assert!(others.is_empty());
        assert_eq!(rules.get("weekday").unwrap().level, Level::Warning);
        assert!(rules.get("tenure").is_none());
    }

    #[test]
    fn an_empty_file_is_an_empty_configuration() {
        let config = parse_at("# nothing yet\n").unwrap();
        assert!(config.rules_dir.is_none() && config.fail_on.is_none());
    }

    #[test]
    fn an_unknown_key_is_an_error_at_the_key() {
        let error = parse_at("rules: rules\nfail-on: error\n").unwrap_err();
        insta::assert_snapshot!(rendered(error));
    }

    #[test]
    fn an_unknown_rule_in_levels_is_an_error_at_its_key() {
        let config = parse_at("levels:\n  weekday: note\n  weekdya: off\n").unwrap();
        let mut rules = RuleSet::shipped().unwrap();
        let error = config
            .levels
            .apply(&mut rules, &["unused-suppression"])
            .unwrap_err();
        insta::assert_snapshot!(rendered(error));
    }

    #[test]
    fn a_bad_level_or_glob_is_an_error_at_its_place() {
        let error = parse_at("levels: {weekday: fatal}\n").unwrap_err();
        assert!(rendered(error).contains("fatal"));
        let error = parse_at("exclude: [\"drafts/[a-\"]\n").unwrap_err();
        insta::assert_snapshot!(rendered(error));
    }

    #[test]
    fn a_bad_size_or_limit_is_an_error_at_its_place() {
        let error = parse_at("limits:\n  max_line_length: 10 lines\n").unwrap_err();
        let text = rendered(error);
        assert!(text.contains("invalid size `10 lines`"), "{text}");
        assert!(text.contains("factlint.yaml:2:20"), "{text}");
        let error = parse_at("limits: {max_yaml_nesting: 3}\n").unwrap_err();
        assert!(rendered(error).contains("max_yaml_nesting"));
    }

    #[test]
    fn discovery_walks_up_and_prefers_the_plain_name() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), None);
        std::fs::write(dir.path().join(".factlint.yaml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(".factlint.yaml")));
        std::fs::write(dir.path().join("factlint.yaml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join("factlint.yaml")));
        std::fs::write(sub.join(".factlint.yaml"), "").unwrap();
        assert_eq!(discover(&sub), Some(sub.join(".factlint.yaml")));
    }
}
