//! Loading the KB: the shipped files embedded in the binary, then a project's KB directory,
//! each parsed with serde-saphyr so every mistake is a miette report with file:line:column.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::limits::YamlLimits;
use crate::rules::ConfigError;

use super::model::{Kb, KbFile};
use super::schema::KbDoc;
use super::validate::{build_file, check};

/// The shipped KB, embedded so the binary works from any directory. Keep in step with
/// `rules/kb/*.yaml` (a test compares the two).
const SHIPPED: &[(&str, &str)] = &[
    ("argentina", include_str!("../../rules/kb/argentina.yaml")),
    ("australia", include_str!("../../rules/kb/australia.yaml")),
    ("brazil", include_str!("../../rules/kb/brazil.yaml")),
    ("canada", include_str!("../../rules/kb/canada.yaml")),
    ("china", include_str!("../../rules/kb/china.yaml")),
    ("colombia", include_str!("../../rules/kb/colombia.yaml")),
    ("egypt", include_str!("../../rules/kb/egypt.yaml")),
    (
        "events-korea-japan",
        include_str!("../../rules/kb/events-korea-japan.yaml"),
    ),
    (
        "events-world",
        include_str!("../../rules/kb/events-world.yaml"),
    ),
    (
        "foreign-ministers",
        include_str!("../../rules/kb/foreign-ministers.yaml"),
    ),
    ("france", include_str!("../../rules/kb/france.yaml")),
    ("germany", include_str!("../../rules/kb/germany.yaml")),
    ("hungary", include_str!("../../rules/kb/hungary.yaml")),
    ("india", include_str!("../../rules/kb/india.yaml")),
    ("indonesia", include_str!("../../rules/kb/indonesia.yaml")),
    (
        "international",
        include_str!("../../rules/kb/international.yaml"),
    ),
    ("iran", include_str!("../../rules/kb/iran.yaml")),
    ("israel", include_str!("../../rules/kb/israel.yaml")),
    ("italy", include_str!("../../rules/kb/italy.yaml")),
    ("japan", include_str!("../../rules/kb/japan.yaml")),
    ("mexico", include_str!("../../rules/kb/mexico.yaml")),
    (
        "netherlands",
        include_str!("../../rules/kb/netherlands.yaml"),
    ),
    (
        "new-zealand",
        include_str!("../../rules/kb/new-zealand.yaml"),
    ),
    ("nigeria", include_str!("../../rules/kb/nigeria.yaml")),
    (
        "north-korea",
        include_str!("../../rules/kb/north-korea.yaml"),
    ),
    ("pakistan", include_str!("../../rules/kb/pakistan.yaml")),
    (
        "philippines",
        include_str!("../../rules/kb/philippines.yaml"),
    ),
    ("poland", include_str!("../../rules/kb/poland.yaml")),
    ("russia", include_str!("../../rules/kb/russia.yaml")),
    (
        "saudi-arabia",
        include_str!("../../rules/kb/saudi-arabia.yaml"),
    ),
    ("singapore", include_str!("../../rules/kb/singapore.yaml")),
    (
        "south-africa",
        include_str!("../../rules/kb/south-africa.yaml"),
    ),
    (
        "south-korea",
        include_str!("../../rules/kb/south-korea.yaml"),
    ),
    ("spain", include_str!("../../rules/kb/spain.yaml")),
    ("sweden", include_str!("../../rules/kb/sweden.yaml")),
    ("taiwan", include_str!("../../rules/kb/taiwan.yaml")),
    ("turkey", include_str!("../../rules/kb/turkey.yaml")),
    ("ukraine", include_str!("../../rules/kb/ukraine.yaml")),
    (
        "united-kingdom",
        include_str!("../../rules/kb/united-kingdom.yaml"),
    ),
    (
        "united-states",
        include_str!("../../rules/kb/united-states.yaml"),
    ),
];

/// The names of the shipped KB files, for tests that check the list is complete.
pub fn shipped_file_names() -> impl Iterator<Item = String> {
    SHIPPED.iter().map(|(name, _)| format!("{name}.yaml"))
}

impl Kb {
    /// The shipped KB, validated.
    pub fn shipped() -> Result<Kb, ConfigError> {
        Kb::load(None, &YamlLimits::default())
    }

    /// The shipped KB plus every KB file in `project_dir`, validated as one: ids must be unique
    /// across both, and the project's terms may name shipped people. All problems are collected.
    /// The project's files are read and parsed within `limits`.
    pub fn load(project_dir: Option<&Path>, limits: &YamlLimits) -> Result<Kb, ConfigError> {
        let mut loader = Loader::default();
        loader.add_all(
            SHIPPED
                .iter()
                .map(|(name, yaml)| {
                    Ok(KbFile {
                        name: format!("<shipped>/rules/kb/{name}.yaml"),
                        yaml: yaml.to_string(),
                    })
                })
                .collect(),
        );
        if let Some(dir) = project_dir {
            loader.limits = *limits;
            loader.add_dir(dir);
        }
        loader.finish(true)
    }

    /// Every `*.yaml`/`*.yml` directly in `dir`, in name order, parsed and well-formed but not yet
    /// checked as a whole: its terms may name people of another KB. Use [`Kb::load`], or
    /// [`Kb::merge`] then [`Kb::validate`]. The files are read and parsed within `limits`.
    pub fn load_dir(dir: &Path, limits: &YamlLimits) -> Result<Kb, ConfigError> {
        let mut loader = Loader {
            limits: *limits,
            ..Loader::default()
        };
        loader.add_dir(dir);
        loader.finish(false)
    }

    /// One KB file's text, parsed and well-formed but not checked as a whole; `file_name` is
    /// what diagnostics call it.
    pub fn from_yaml(file_name: &str, yaml: &str) -> Result<Kb, ConfigError> {
        let mut loader = Loader::default();
        loader.add_all(vec![Ok(KbFile {
            name: file_name.to_string(),
            yaml: yaml.to_string(),
        })]);
        loader.finish(false)
    }

    /// Adds `other`'s files, people, roles, events and series after this KB's. Duplicates are not resolved here:
    /// [`Kb::validate`] reports them.
    pub fn merge(&mut self, other: Kb) {
        let offset = self.files.len();
        self.files.extend(other.files);
        self.people
            .extend(other.people.into_iter().map(|mut person| {
                person.file += offset;
                person
            }));
        self.roles.extend(other.roles.into_iter().map(|mut role| {
            role.file += offset;
            role
        }));
        self.events
            .extend(other.events.into_iter().map(|mut event| {
                event.file += offset;
                event
            }));
        self.series
            .extend(other.series.into_iter().map(|mut series| {
                series.file += offset;
                series
            }));
    }

    /// Checks the KB as a whole: unknown people in terms, unknown participants, series and roles
    /// in events and series, duplicate ids and titles, terms ending before they start,
    /// overlapping terms of single-holder roles, series members of another kind, without a
    /// participant the series requires, or probably entered twice.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let problems = check(self);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError { problems })
        }
    }
}

/// Collects files into one KB and every problem met on the way.
#[derive(Default)]
struct Loader {
    kb: Kb,
    problems: Vec<miette::Report>,
    /// Set once a file failed to parse or read: checking the rest as a whole would then report
    /// the people of that file as unknown.
    incomplete: bool,
    /// What the files added next may be.
    limits: YamlLimits,
}

impl Loader {
    fn add_dir(&mut self, dir: &Path) {
        match kb_files(dir) {
            Ok(paths) => {
                let files = paths
                    .iter()
                    .map(|path| {
                        let yaml = self.limits.read(path, "KB file")?;
                        Ok(KbFile {
                            name: path.display().to_string(),
                            yaml,
                        })
                    })
                    .collect();
                self.add_all(files);
            }
            Err(problem) => self.fail(problem),
        }
    }

    /// Adds files in their order, each parsed on any core (parsing is most of loading),
    /// so problems are reported in file order whatever the thread count.
    fn add_all(&mut self, files: Vec<Result<KbFile, miette::Report>>) {
        let limits = self.limits;
        let parsed: Vec<Result<(KbFile, KbDoc), miette::Report>> = files
            .into_par_iter()
            .map(|file| {
                let file = file?;
                let doc = parse(&file, &limits)?;
                Ok((file, doc))
            })
            .collect();
        for parsed in parsed {
            match parsed {
                Ok((file, doc)) => self.add(file, doc),
                Err(problem) => self.fail(problem),
            }
        }
    }

    fn add(&mut self, file: KbFile, doc: KbDoc) {
        let built = build_file(doc, self.kb.files.len(), &file);
        self.problems.extend(built.problems);
        self.kb.files.push(file);
        self.kb.people.extend(built.people);
        self.kb.roles.extend(built.roles);
        self.kb.events.extend(built.events);
        self.kb.series.extend(built.series);
    }

    fn fail(&mut self, problem: miette::Report) {
        self.problems.push(problem);
        self.incomplete = true;
    }

    fn finish(mut self, check_whole: bool) -> Result<Kb, ConfigError> {
        if check_whole && !self.incomplete {
            self.problems.extend(check(&self.kb));
        }
        if self.problems.is_empty() {
            Ok(self.kb)
        } else {
            Err(ConfigError {
                problems: self.problems,
            })
        }
    }
}

/// One KB file's YAML, parsed within `limits`; a parse error is a report at file:line:column.
fn parse(file: &KbFile, limits: &YamlLimits) -> Result<KbDoc, miette::Report> {
    if file.yaml.trim().is_empty() {
        return Ok(KbDoc::default());
    }
    limits.parse::<KbDoc>(&file.yaml).map_err(|error| {
        // `source_name`, because the error's own snippet is named `<input>`.
        let options = serde_saphyr::render_options! { source_name: Some(&file.name) };
        serde_saphyr::miette::to_miette_report_with_options(&error, &file.yaml, &file.name, options)
    })
}

/// The KB files directly in `dir`, sorted so loading is deterministic. README.md and anything
/// else that is not YAML is skipped.
fn kb_files(dir: &Path) -> Result<Vec<PathBuf>, miette::Report> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| miette::miette!("cannot read KB directory {}: {error}", dir.display()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_PERSON: &str = "people:\n  - id: a\n    name: A\n    nationality: KR\n";

    #[test]
    fn an_empty_file_is_an_empty_kb() {
        let kb = Kb::from_yaml("empty.yaml", "# nothing yet\n").expect("loads");
        assert!(kb.people.is_empty() && kb.roles.is_empty());
    }

    #[test]
    fn a_parse_error_names_the_file() {
        let error = Kb::from_yaml("broken.yaml", "people: [\n").expect_err("malformed");
        assert_eq!(error.problems.len(), 1);
        let rendered = format!("{:?}", error.problems[0]);
        assert!(rendered.contains("broken.yaml"), "{rendered}");
    }

    #[test]
    fn merging_keeps_each_entry_pointing_at_its_file() {
        let mut kb = Kb::from_yaml("first.yaml", ONE_PERSON).expect("loads");
        let second = ONE_PERSON.replace("id: a", "id: b");
        kb.merge(Kb::from_yaml("second.yaml", &second).expect("loads"));
        let files: Vec<&str> = kb
            .people
            .iter()
            .map(|person| kb.files[person.file].name.as_str())
            .collect();
        assert_eq!(files, ["first.yaml", "second.yaml"]);
        kb.validate().expect("distinct ids");
        kb.merge(Kb::from_yaml("third.yaml", ONE_PERSON).expect("loads"));
        assert_eq!(kb.validate().expect_err("`a` twice").problems.len(), 1);
    }

    #[test]
    fn the_shipped_kb_is_valid() {
        Kb::shipped().expect("the shipped KB validates");
    }
}
