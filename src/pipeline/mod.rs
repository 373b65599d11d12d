//! The pipeline: read the corpus, extract every article in parallel, run the rules, and hand
//! back plain data for a reporter. Nothing here prints or decides exit codes.

mod read;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::cache::{Cache, ContextSnapshot, Entry, KeyInputs};
use crate::config::Levels;
use crate::corpus::{Article, DateSource, Published, ReadOptions};
use crate::extract::{Extraction, extract_article_on};
use crate::finding::{Finding, InputFailure, Level, Tally};
use crate::kb::{Kb, KbIndex};
use crate::limits::YamlLimits;
use crate::report::RuleInfo;
use crate::rules::{CheckContext, ConfigError, RuleSet, is_reported, run_rules};
use crate::suppress;
use crate::time::CalendarDate;
use read::{Loaded, read_inputs, with_context};

/// What the user asked for, beyond the paths.
#[derive(Clone, Debug, Default)]
pub struct LintOptions {
    pub read: ReadOptions,
    /// Counts the articles extracted, for a progress bar (the CLI's, on a terminal).
    pub progress: Option<std::sync::Arc<crate::progress::Progress>>,
    /// A project's rule directory (`--rules`), added to the shipped rules.
    pub rules_dir: Option<PathBuf>,
    /// `--published`: the publication date of every input, overriding what the files say.
    pub published: Option<NaiveDate>,
    /// A project's knowledge base directory (`--kb`), added to the shipped KB.
    pub kb_dir: Option<PathBuf>,
    /// `--no-shipped-kb`: use only `kb_dir` (or no KB at all), not the shipped KB, so a project
    /// can replace shipped facts rather than add to them.
    pub no_shipped_kb: bool,
    /// The configuration's `levels:`: per-rule levels, or `off`.
    pub levels: Levels,
    /// `--context`: paths whose articles take part in the cross-article checks but are not
    /// reported on (changed-files mode). Files named in the paths are reported on even when
    /// they are also under a context directory.
    pub context: Vec<PathBuf>,
    /// Where `check` caches extractions (`.factlint-cache/`); `None` with `--no-cache`.
    pub cache_dir: Option<PathBuf>,
    /// How large and deep the project's rule and KB files may be.
    pub yaml: YamlLimits,
}

/// The articles read, what was extracted from each, and what could not be read.
/// `extractions[i]` belongs to `articles[i]`.
#[derive(Debug, Default)]
pub struct Extracted {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
    pub input_failures: Vec<InputFailure>,
}

/// Everything a `check` run produced.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
    /// Sorted by article, then position.
    pub findings: Vec<Finding>,
    pub input_failures: Vec<InputFailure>,
    /// Changed-files mode: whether each article was named (`false`: read as context only).
    pub reported: Option<Vec<bool>>,
    /// The rules in force, for formats that describe them (SARIF).
    pub rules: RuleSet,
    /// What `levels:` set for factlint's own rules about suppressions (`None`: off).
    pub own_levels: HashMap<String, Option<Level>>,
    /// The knowledge base the articles were checked against, for formats that show its facts
    /// (the HTML report's timelines).
    pub kb: Kb,
}

impl Report {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.findings)
    }

    /// How many articles were read only as context for the named ones.
    pub fn context_files(&self) -> usize {
        self.reported.as_ref().map_or(0, |reported| {
            reported.iter().filter(|named| !**named).count()
        })
    }

    /// Every rule that can report in this run, the configured ones and factlint's own.
    pub fn rule_infos(&self) -> Vec<RuleInfo> {
        let mut infos = RuleInfo::of(&self.rules);
        for &rule in suppress::OWN_RULES {
            let level = self
                .own_levels
                .get(rule)
                .copied()
                .unwrap_or(Some(Level::Warning));
            if let Some(level) = level {
                infos.push(RuleInfo {
                    id: rule.to_string(),
                    kind: "factlint".to_string(),
                    level,
                    description: suppress::describe(rule).to_string(),
                    file: None,
                });
            }
        }
        infos
    }
}

/// The path that means standard input.
pub const STDIN: &str = "-";
/// What articles read from standard input are called in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// Loads the rules (failing before any article is read if they are invalid), reads and extracts
/// the corpus, and runs every rule over it. Unreadable inputs are listed in the report, not
/// errors: the rest of the corpus is still checked.
pub fn lint(paths: &[PathBuf], options: &LintOptions) -> Result<Report, ConfigError> {
    let mut rules = RuleSet::load(options.rules_dir.as_deref(), &options.yaml)?;
    let known: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
    let own_levels = options.levels.apply(&mut rules, suppress::OWN_RULES)?;
    let kb_data = load_kb(options)?;
    // One "today" for the whole run: extraction bounds inferred publication years by it, and
    // the cache keys entries by it, so the two must agree.
    let today = chrono::Utc::now().date_naive();
    let cache = options.cache_dir.as_ref().map(|dir| {
        // Rules have no HashMap inside, so their Debug text is the same every run; the KB is
        // known by the files it was loaded from.
        let rules_and_kb = format!("{rules:?}\n{}", kb_data.fingerprint());
        Cache::new(
            dir.clone(),
            &KeyInputs {
                rules_and_kb: rules_and_kb.as_bytes(),
                today,
                published: options.published,
            },
        )
    });
    let kb = KbIndex::new(&kb_data);
    // Loaded before anything is read, so that a file changed while this run reads it has a
    // newer stamp than the snapshot this run writes.
    let mut snapshot = cache
        .as_ref()
        .filter(|_| !options.context.is_empty())
        .map(|cache| ContextSnapshot::load(cache, &options.context, &options.read));
    let (mut read, mut input_failures) = read_inputs(paths, &options.read, cache.as_ref(), None);
    let mut reported = None;
    if !options.context.is_empty() {
        let (context, failures) = read_inputs(
            &options.context,
            &options.read,
            cache.as_ref(),
            snapshot.as_mut(),
        );
        input_failures.extend(failures);
        let (merged, named) = with_context(read, context);
        read = merged;
        reported = Some(named);
    }
    let snapshot_as: Vec<_> = read.iter_mut().map(|l| l.snapshot_as.take()).collect();
    let (articles, extractions) = extract_articles(read, options, &kb, cache.as_ref(), today);
    if let (Some(snapshot), Some(cache)) = (snapshot, cache.as_ref()) {
        let files = articles.iter().zip(&extractions).zip(&snapshot_as);
        snapshot.store(
            cache,
            files.filter_map(|((article, extraction), snapshot_as)| {
                let (path, stamp) = snapshot_as.as_ref()?;
                Some((path.as_path(), *stamp, article, extraction))
            }),
        );
    }
    if let Some(cache) = &cache {
        cache.prune();
    }
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &kb,
        reported: reported.as_deref(),
    };
    let findings = run_rules(&context, &rules);
    let mut findings = suppress::apply(
        &articles,
        reported.as_deref(),
        findings,
        &known,
        &rules,
        &own_levels,
    );
    // Changed-files mode: only the named articles are reported on.
    findings.retain(|finding| is_reported(reported.as_deref(), finding.article));
    Ok(Report {
        articles,
        extractions,
        findings,
        input_failures,
        reported,
        rules,
        own_levels,
        kb: kb_data,
    })
}

/// Loads the knowledge base (failing before any article is read if it is invalid), reads the
/// corpus and extracts every article.
pub fn extract(paths: &[PathBuf], options: &LintOptions) -> Result<Extracted, ConfigError> {
    let kb = load_kb(options)?;
    Ok(extract_with(paths, options, &KbIndex::new(&kb)))
}

/// What `kb suggest` prints: the corpus's office-holder claims the KB does not hold, as KB
/// YAML to review, and the inputs that could not be read.
pub fn suggest_kb(
    paths: &[PathBuf],
    options: &LintOptions,
) -> Result<(String, Vec<InputFailure>), ConfigError> {
    let kb = load_kb(options)?;
    let kb = KbIndex::new(&kb);
    let extracted = extract_with(paths, options, &kb);
    let yaml = crate::kb::suggest(&extracted.articles, &extracted.extractions, &kb);
    Ok((yaml, extracted.input_failures))
}

/// The shipped KB plus `--kb DIR`, or with `--no-shipped-kb` that directory alone, validated.
fn load_kb(options: &LintOptions) -> Result<Kb, ConfigError> {
    if !options.no_shipped_kb {
        return Kb::load(options.kb_dir.as_deref(), &options.yaml);
    }
    let Some(dir) = options.kb_dir.as_deref() else {
        return Ok(Kb::default());
    };
    let kb = Kb::load_dir(dir, &options.yaml)?;
    kb.validate()?;
    Ok(kb)
}

/// Reads the corpus and extracts every article, in parallel.
fn extract_with(paths: &[PathBuf], options: &LintOptions, kb: &KbIndex<'_>) -> Extracted {
    let (read, input_failures) = read_inputs(paths, &options.read, None, None);
    let (articles, extractions) =
        extract_articles(read, options, kb, None, chrono::Utc::now().date_naive());
    Extracted {
        articles,
        extractions,
        input_failures,
    }
}

/// Applies `--published` and extracts, in parallel, every article the cache did not have,
/// storing what it extracts when there is a cache.
fn extract_articles(
    read: Vec<Loaded>,
    options: &LintOptions,
    kb: &KbIndex<'_>,
    cache: Option<&Cache>,
    today: NaiveDate,
) -> (Vec<Article>, Vec<Extraction>) {
    let (mut articles, cached): (Vec<Article>, Vec<Option<Extraction>>) = read
        .into_iter()
        .map(|loaded| (loaded.article, loaded.extraction))
        .unzip();
    if let Some(date) = options.published {
        for article in articles.iter_mut() {
            article.meta.published = Some(Published {
                date: CalendarDate::full(date),
                source: DateSource::CommandLine,
                span: None,
            });
        }
    }
    let progress = options.progress.as_deref();
    if let Some(progress) = progress {
        progress.start(articles.len());
    }
    let extractions = articles
        .par_iter()
        .zip(cached)
        .map(|(article, cached)| {
            if let Some(extraction) = cached {
                return extraction;
            }
            let extraction = extract_article_on(article, kb, today);
            // Standard input is never looked up in the cache, so it is not stored either.
            if let Some(cache) = cache.filter(|_| article.path.as_os_str() != STDIN_NAME) {
                let entry = Entry {
                    body: article.body.clone(),
                    meta: article.meta.clone(),
                    extraction,
                };
                cache.store(&cache.key(&article.text), &entry);
                return entry.extraction;
            }
            extraction
        })
        .inspect(|_| progress.iter().for_each(|p| p.tick()))
        .collect();
    (articles, extractions)
}
