//! The `factlint` command line: parses arguments, runs the library, prints, picks the exit code.

use std::io::{IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use factlint::config::{self, Config};
use factlint::corpus::PathFilter;
use factlint::finding::{InputFailure, Level};
use factlint::limits::parse_size;
use factlint::pipeline::{self, LintOptions};
use factlint::progress::Progress;
use factlint::report::{self, Colour};
use factlint::rules::ConfigError;

/// Exit code: nothing at or above the failing level.
const CLEAN: u8 = 0;
/// Exit code: findings at or above the failing level.
const FINDINGS: u8 = 1;
/// Exit code: usage, configuration or input error (clap uses 2 for usage errors too).
const TROUBLE: u8 = 2;

/// A fact-consistency linter for news text.
#[derive(Parser)]
#[command(name = "factlint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles for claims that cannot be true.
    Check(CheckArgs),
    /// Print the dates, times and durations found in articles.
    Extract(ExtractArgs),
    /// Work with the knowledge base.
    #[command(subcommand)]
    Kb(KbCommand),
    /// Write a commented starter factlint.yaml and an empty rules/ directory.
    Init(InitArgs),
    /// Print a shell completion script, e.g. `factlint completions bash > ~/.local/share/bash-completion/completions/factlint`.
    Completions(CompletionsArgs),
    /// Print factlint's man page (roff), e.g. `factlint man > factlint.1`.
    Man,
}

#[derive(Args)]
struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args)]
struct InitArgs {
    /// The directory to write them in.
    #[arg(default_value = ".")]
    dir: PathBuf,
}

#[derive(Subcommand)]
enum KbCommand {
    /// Print, as KB YAML to review, the office-holder claims the articles make that the KB does
    /// not hold yet.
    Suggest(SuggestArgs),
}

#[derive(Args)]
struct SuggestArgs {
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args)]
struct InputArgs {
    /// Files and directories to read; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// The publication date of every input (for standard input and text without one).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// A directory of knowledge-base YAML files that add to the shipped KB.
    #[arg(long, value_name = "DIR")]
    kb: Option<PathBuf>,
    /// Do not load the shipped KB: use only the files of --kb (or no KB).
    #[arg(long)]
    no_shipped_kb: bool,
    /// Skip files larger than this, reporting them as errors: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_file_size: Option<u64>,
    /// Skip files with a line longer than this, reporting them as errors: bytes, or with K, M
    /// or G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_line_length: Option<u64>,
    /// The configuration file to use, instead of the factlint.yaml or .factlint.yaml found in
    /// the working directory or above it.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    no_config: bool,
    /// Worker threads for reading and extraction [default: one per core]. The output is the
    /// same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// The least serious level that fails the run [default: the configuration's `fail_on`, or
    /// errors].
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// A directory of rule files that add to or override the shipped rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Changed-files mode: read the articles under these paths for the cross-article checks,
    /// but report findings only in the PATHS named.
    #[arg(long, value_name = "PATH")]
    context: Vec<PathBuf>,
    /// Do not read or write the claim cache (.factlint-cache/ in the working directory).
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Findings drawn with the article's words, for people.
    Human,
    /// factlint's own JSON document (version 1).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request.
    Github,
    /// One line per finding, `file:line:col: level[rule] message`.
    Concise,
    /// One self-contained HTML page for editors: findings in context, the articles with their
    /// claims marked, and a timeline of each office's holders.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Human,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Errors,
    Warnings,
    Notes,
}

impl Deny {
    fn level(self) -> Level {
        match self {
            Deny::Errors => Level::Error,
            Deny::Warnings => Level::Warning,
            Deny::Notes => Level::Note,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Extract(args) => extract(args),
        Command::Kb(KbCommand::Suggest(args)) => suggest(args),
        Command::Init(args) => init(&args.dir),
        Command::Completions(args) => completions(args.shell),
        Command::Man => man(),
    };
    ExitCode::from(code)
}

/// The configuration file in force: `--config`, none with `--no-config`, else the one found
/// from the working directory up.
fn config(input: &InputArgs) -> Result<Option<Config>, ConfigError> {
    if input.no_config {
        return Ok(None);
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let path = match &input.config {
        Some(path) => path.clone(),
        None => match config::discover(&cwd) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    config::load(&path, &cwd).map(Some)
}

/// The options of a run: the configuration file's, overridden by the flags given.
fn options(
    input: &InputArgs,
    rules: Option<PathBuf>,
) -> Result<(LintOptions, Option<Config>), ConfigError> {
    let config = config(input)?;
    let mut options = LintOptions {
        published: input.published,
        no_shipped_kb: input.no_shipped_kb,
        ..LintOptions::default()
    };
    if let Some(config) = &config {
        options.rules_dir = config.rules_dir.clone();
        options.kb_dir = config.kb_dir.clone();
        options.no_shipped_kb |= config.shipped_kb == Some(false);
        if let Some(extensions) = &config.extensions {
            options.read.extensions = extensions.clone();
        }
        options.read.filter = PathFilter {
            root: config.root.clone(),
            include: config.include.clone(),
            exclude: config.exclude.clone(),
        };
        options.levels = config.levels.clone();
        let limits = config.limits;
        if let Some(size) = limits.max_file_size {
            options.read.max_file_size = size;
        }
        if let Some(length) = limits.max_line_length {
            options.read.max_line_length = length;
        }
        if let Some(size) = limits.max_yaml_size {
            options.yaml.max_size = size;
        }
        if let Some(depth) = limits.max_yaml_depth {
            options.yaml.max_depth = depth;
        }
    }
    if rules.is_some() {
        options.rules_dir = rules;
    }
    if input.kb.is_some() {
        options.kb_dir = input.kb.clone();
    }
    if let Some(limit) = input.max_file_size {
        options.read.max_file_size = limit;
    }
    if let Some(limit) = input.max_line_length {
        options.read.max_line_length = limit;
    }
    Ok((options, config))
}

fn check(args: CheckArgs) -> u8 {
    let (mut options, config) = match options(&args.input, args.rules) {
        Ok(options) => options,
        Err(error) => {
            print_config_error(&error);
            return TROUBLE;
        }
    };
    let fail_on = match args.deny {
        Some(deny) => deny.level(),
        None => config.and_then(|c| c.fail_on).unwrap_or(Level::Error),
    };
    options.context = args.context;
    if !args.no_cache {
        options.cache_dir = Some(PathBuf::from(factlint::cache::DIR));
    }
    // Rendering runs in the run's thread pool too: a report of thousands of findings is
    // laid out on every core (or on `--threads N`).
    let (report, output) = match with_progress(options, args.input.threads, |options| {
        let report = pipeline::lint(&args.input.paths, options)?;
        let output = render_check(&report, args.format);
        Ok((report, output))
    }) {
        Ok(done) => done,
        Err(error) => {
            print_config_error(&error);
            return TROUBLE;
        }
    };
    print_input_failures(&report.input_failures);
    print(&output);
    let code = if no_articles(&report.articles, &report.input_failures, &args.input.paths)
        || !report.input_failures.is_empty()
    {
        TROUBLE
    } else if report.tally().at_or_above(fail_on) > 0 {
        FINDINGS
    } else {
        CLEAN
    };
    // The process ends next, and the system takes the memory back at once: freeing a corpus's
    // worth of small allocations one by one (as ripgrep also avoids) would cost more than
    // checking one changed file against a warm cache.
    std::mem::forget(report);
    code
}

/// The report in the format asked for.
fn render_check(report: &pipeline::Report, format: CheckFormat) -> String {
    match format {
        CheckFormat::Human => report::human::render_findings(
            &report.articles,
            &report.findings,
            report.context_files(),
            stdout_colour(),
        ),
        CheckFormat::Json => {
            report::json::render(&report.articles, &report.findings, &report.input_failures)
        }
        CheckFormat::Sarif => report::sarif::render(
            &report.articles,
            &report.findings,
            &report.rule_infos(),
            &report.input_failures,
            &std::env::current_dir().unwrap_or_default(),
        ),
        CheckFormat::Github => {
            report::github::render(&report.articles, &report.findings, &report.input_failures)
        }
        CheckFormat::Concise => {
            report::concise::render(&report.articles, &report.findings, &report.input_failures)
        }
        CheckFormat::Html => {
            let view = report.reported.as_deref().map(|reported| {
                report::html::reported_view(
                    &report.articles,
                    &report.extractions,
                    &report.findings,
                    reported,
                )
            });
            let (articles, extractions, findings) = match &view {
                Some((articles, extractions, findings)) => {
                    (&articles[..], &extractions[..], &findings[..])
                }
                None => (
                    &report.articles[..],
                    &report.extractions[..],
                    &report.findings[..],
                ),
            };
            report::html::render(&report::html::Input {
                articles,
                extractions,
                findings,
                input_failures: &report.input_failures,
                kb: &factlint::kb::KbIndex::new(&report.kb),
                rules: &report.rule_infos(),
            })
        }
    }
}

fn extract(args: ExtractArgs) -> u8 {
    let options = match options(&args.input, None) {
        Ok((options, _)) => options,
        Err(error) => {
            print_config_error(&error);
            return TROUBLE;
        }
    };
    let extracted = match with_progress(options, args.input.threads, |options| {
        pipeline::extract(&args.input.paths, options)
    }) {
        Ok(extracted) => extracted,
        Err(error) => {
            print_config_error(&error);
            return TROUBLE;
        }
    };
    print_input_failures(&extracted.input_failures);
    let output = match args.format {
        ExtractFormat::Json => report::extract::render_json(
            &extracted.articles,
            &extracted.extractions,
            &extracted.input_failures,
        ),
        ExtractFormat::Human => {
            report::extract::render_human(&extracted.articles, &extracted.extractions)
        }
    };
    print(&output);
    if no_articles(
        &extracted.articles,
        &extracted.input_failures,
        &args.input.paths,
    ) || !extracted.input_failures.is_empty()
    {
        TROUBLE
    } else {
        CLEAN
    }
}

fn print_config_error(error: &ConfigError) {
    for problem in &error.problems {
        eprint(&report::human::render_diagnostic(
            problem.as_ref(),
            stderr_colour(),
        ));
    }
}

fn suggest(args: SuggestArgs) -> u8 {
    let options = match options(&args.input, None) {
        Ok((options, _)) => options,
        Err(error) => {
            print_config_error(&error);
            return TROUBLE;
        }
    };
    match with_progress(options, args.input.threads, |options| {
        pipeline::suggest_kb(&args.input.paths, options)
    }) {
        Ok((yaml, failures)) => {
            print_input_failures(&failures);
            print(&yaml);
            if failures.is_empty() { CLEAN } else { TROUBLE }
        }
        Err(error) => {
            print_config_error(&error);
            TROUBLE
        }
    }
}

/// `factlint init`: a starter configuration and an empty rule directory in `dir`; refuses to
/// overwrite a configuration that is already there.
fn init(dir: &Path) -> u8 {
    if let Some(existing) = config::FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.exists())
    {
        eprint(&format!(
            "factlint init: {} already exists; not overwriting it\n",
            existing.display()
        ));
        return TROUBLE;
    }
    let path = dir.join(config::FILE_NAMES[0]);
    let rules = dir.join("rules");
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
        })
        .and_then(|mut file| file.write_all(config::STARTER.as_bytes()))
        .and_then(|()| std::fs::create_dir_all(&rules));
    match written {
        Ok(()) => {
            print(&format!(
                "wrote {} and {}/\n",
                path.display(),
                rules.display()
            ));
            CLEAN
        }
        Err(error) => {
            eprint(&format!(
                "factlint init: cannot write {}: {error}\n",
                path.display()
            ));
            TROUBLE
        }
    }
}

/// `factlint completions SHELL`: the completion script clap_complete writes for the CLI.
fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "factlint", &mut script);
    print(&String::from_utf8_lossy(&script));
    CLEAN
}

/// `factlint man`: the roff man page clap_mangen writes for the CLI, subcommands included.
fn man() -> u8 {
    let command = Cli::command();
    let mut page = Vec::new();
    let rendered = render_man(&command, &mut page);
    match rendered {
        Ok(()) => {
            print(&String::from_utf8_lossy(&page));
            CLEAN
        }
        Err(error) => {
            eprint(&format!("factlint man: {error}\n"));
            TROUBLE
        }
    }
}

/// The main page, then a section per subcommand. clap_mangen writes one page per command and
/// lists the subcommands as links to theirs (factlint-check(1) …); factlint ships a single
/// page, so its list is left out and the subcommands' pages are appended as sections.
fn render_man(command: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        write_subcommand_section(command.get_name(), sub, out)?;
    }
    man.render_version_section(out)?;
    Ok(())
}

fn write_subcommand_section(
    parent: &str,
    sub: &clap::Command,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    let name = format!("{parent} {}", sub.get_name());
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    let mut usage = sub.clone().bin_name(&name);
    writeln!(out, ".PP")?;
    writeln!(out, "{}", roff_escape(&usage.render_usage().to_string()))?;
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        writeln!(out, ".PP")?;
        writeln!(out, "{}", roff_escape(&about.to_string()))?;
    }
    for arg in sub.get_arguments() {
        if arg.is_hide_set() {
            continue;
        }
        let label = match (arg.get_long(), arg.get_short()) {
            (Some(long), Some(short)) => format!("-{short}, --{long}"),
            (Some(long), None) => format!("--{long}"),
            (None, Some(short)) => format!("-{short}"),
            (None, None) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
        };
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_string())
            .collect();
        writeln!(out, ".TP")?;
        writeln!(out, "\\fB{}\\fR", roff_escape(&label))?;
        if let Some(help) = arg.get_long_help().or(arg.get_help()) {
            writeln!(out, "{}", roff_escape(&help.to_string()))?;
        }
        if !values.is_empty() && !arg.is_positional() && arg.get_action().takes_values() {
            writeln!(out, ".br")?;
            writeln!(
                out,
                "{}",
                roff_escape(&format!("[possible values: {}]", values.join(", ")))
            )?;
        }
    }
    for nested in sub.get_subcommands() {
        write_subcommand_section(&name, nested, out)?;
    }
    Ok(())
}

/// Escapes text for a roff body line: backslashes, and a leading `.` or `'`.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// How long a run goes before its progress bar appears: short runs never show one.
const PROGRESS_DELAY: Duration = Duration::from_secs(1);

/// Runs `work` with a progress bar of the articles extracted on stderr, when stderr is a
/// terminal and the run takes over [`PROGRESS_DELAY`]; otherwise exactly `work`, drawing
/// nothing. The bar is cleared before anything is printed. With `threads`, the work runs in a
/// rayon pool of that many threads.
fn with_progress<T: Send>(
    mut options: LintOptions,
    threads: Option<NonZeroUsize>,
    work: impl FnOnce(&LintOptions) -> Result<T, ConfigError> + Send,
) -> Result<T, ConfigError> {
    // `--threads`: a pool of this run's own, so the library never touches rayon's global pool.
    let pool = match threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.get())
                .build()
                .map_err(|error| ConfigError {
                    problems: vec![miette::miette!("cannot start {n} threads: {error}")],
                })?,
        ),
        None => None,
    };
    let run = |options: &LintOptions| match &pool {
        Some(pool) => pool.install(|| work(options)),
        None => work(options),
    };
    if !std::io::stderr().is_terminal() {
        return run(&options);
    }
    let progress = Arc::new(Progress::default());
    options.progress = Some(Arc::clone(&progress));
    let (finished, until_finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || draw_progress(&progress, &until_finished));
        let result = run(&options);
        drop(finished);
        result
    })
}

/// Polls the counter ten times a second until the run has finished (the sender is dropped).
fn draw_progress(progress: &Progress, until_finished: &mpsc::Receiver<()>) {
    let started = Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    while let Err(RecvTimeoutError::Timeout) =
        until_finished.recv_timeout(Duration::from_millis(100))
    {
        let (done, total) = progress.get();
        if bar.is_none() && total > 0 && started.elapsed() >= PROGRESS_DELAY {
            let style = indicatif::ProgressStyle::with_template(
                "{spinner} extracting {pos}/{len} articles [{wide_bar}] {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            let new = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            new.set_style(style.progress_chars("=> "));
            bar = Some(new);
        }
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}

/// Says so, and returns true, when the paths held no article and nothing failed to read:
/// most likely a wrong path or a wrong extension.
fn no_articles<T>(articles: &[T], failures: &[InputFailure], paths: &[PathBuf]) -> bool {
    if !articles.is_empty() || !failures.is_empty() {
        return false;
    }
    let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let problem = miette::miette!(
        help = "factlint reads .txt and .md files; name files or directories that hold some",
        "no articles found in {}",
        named.join(", ")
    );
    eprint(&report::human::render_diagnostic(
        problem.as_ref(),
        stderr_colour(),
    ));
    true
}

fn print_input_failures(failures: &[InputFailure]) {
    for failure in failures {
        eprint(&report::human::render_input_failure(
            failure,
            stderr_colour(),
        ));
    }
}

fn stdout_colour() -> Colour {
    Colour::for_stream(
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR"),
    )
}

fn stderr_colour() -> Colour {
    Colour::for_stream(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR"),
    )
}

/// Writes to stdout, ignoring a closed pipe (`factlint check | head`) instead of panicking.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|error| format!("expected a date as YYYY-MM-DD: {error}"))
}

/// factlint allocates many small values (claims, names, spans) per article; mimalloc serves
/// them with less contention between threads and fewer page faults than the system
/// allocator (a warm changed-files run over 10,000 articles: about 40% less CPU time). It is
/// built without transparent huge pages (`no_thp`): a 2 MB page for each touched region of its
/// arenas raised peak memory by an eighth and doubled the system time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
