//! Walking: turning the paths a user names into the sorted list of article files to read.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

use super::{InputError, InputErrorKind, ReadOptions};

/// The configuration's `include` and `exclude` globs, relative to `root` (the configuration
/// file's directory). A glob without `/` matches at any depth (`drafts`, `*.draft.md`); `*`
/// does not cross `/`, `**` does. `include` keeps only the files it matches among those found
/// under a directory; `exclude` skips files and whole directories, and also files named on the
/// command line. Paths outside `root` are not filtered. `.gitignore` still applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathFilter {
    pub root: PathBuf,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// Whether `glob` is a valid glob, and if not, why.
pub fn check_glob(glob: &str) -> Result<(), String> {
    compile(glob)
        .map(drop)
        .map_err(|error| error.kind().to_string())
}

fn compile(glob: &str) -> Result<Glob, globset::Error> {
    let glob = glob.trim_end_matches('/');
    let anchored = glob.contains('/');
    let glob = glob.trim_start_matches("./");
    let pattern = if anchored {
        glob.trim_start_matches('/').to_string()
    } else {
        format!("**/{glob}")
    };
    GlobBuilder::new(&pattern).literal_separator(true).build()
}

/// The compiled filter, with the working directory to make relative paths absolute.
struct Filter {
    root: PathBuf,
    cwd: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    /// `None` when there is nothing to filter. Invalid globs were reported when the
    /// configuration was loaded; here they are skipped.
    fn new(filter: &PathFilter) -> Option<Filter> {
        if filter.include.is_empty() && filter.exclude.is_empty() {
            return None;
        }
        let set = |globs: &[String]| {
            if globs.is_empty() {
                return None;
            }
            let mut builder = GlobSetBuilder::new();
            for glob in globs.iter().filter_map(|glob| compile(glob).ok()) {
                builder.add(glob);
            }
            builder.build().ok()
        };
        Some(Filter {
            root: filter.root.clone(),
            cwd: std::env::current_dir().unwrap_or_default(),
            include: set(&filter.include),
            exclude: set(&filter.exclude),
        })
    }

    /// The path relative to the root, or `None` outside it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = crate::config::normalise(&self.cwd.join(path));
        absolute
            .strip_prefix(&self.root)
            .ok()
            .map(Path::to_path_buf)
    }

    /// Whether the path, or a directory it is in, is excluded.
    fn excluded(&self, path: &Path) -> bool {
        match (&self.exclude, self.relative(path)) {
            (Some(exclude), Some(relative)) => relative
                .ancestors()
                .filter(|part| !part.as_os_str().is_empty())
                .any(|part| exclude.is_match(part)),
            _ => false,
        }
    }

    fn included(&self, path: &Path) -> bool {
        match (&self.include, self.relative(path)) {
            (Some(include), Some(relative)) => include.is_match(relative),
            _ => true,
        }
    }
}

/// The files to read under `paths`, sorted and without duplicates, and the paths that could
/// not be walked. Directories are walked recursively, honouring `.gitignore` (in git
/// repositories or not), `.ignore` and hidden-file rules, and keep only files whose extension
/// is in `options.extensions`. A file named explicitly is kept whatever its extension.
/// Symbolic links are followed; a link loop is reported, not followed forever.
pub fn walk(paths: &[PathBuf], options: &ReadOptions) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let filter = Filter::new(&options.filter);
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                errors.push(InputError::new(path, InputErrorKind::NotFound));
            }
            Err(error) => errors.push(InputError::new(path, InputErrorKind::Io(error.to_string()))),
            Ok(meta) if meta.is_dir() => {
                walk_dir(path, options, filter.as_ref(), &mut files, &mut errors)
            }
            Ok(_) if filter.as_ref().is_some_and(|f| f.excluded(path)) => {}
            Ok(_) => files.push(path.clone()),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk_dir(
    dir: &Path,
    options: &ReadOptions,
    filter: Option<&Filter>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<InputError>,
) {
    let mut builder = WalkBuilder::new(dir);
    builder
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b));
    if let Some(filter) = filter {
        // Excluded directories are not entered at all. The walk's own root is never excluded.
        let exclude = Filter {
            root: filter.root.clone(),
            cwd: filter.cwd.clone(),
            include: None,
            exclude: filter.exclude.clone(),
        };
        builder.filter_entry(move |entry| entry.depth() == 0 || !exclude.excluded(entry.path()));
    }
    let walker = builder.build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file
                    && has_extension(entry.path(), &options.extensions)
                    && filter.is_none_or(|filter| filter.included(entry.path()))
                {
                    files.push(entry.into_path());
                }
            }
            Err(error) => {
                let path = error_path(&error).unwrap_or_else(|| dir.to_path_buf());
                // The I/O error alone where there is one: the headline already names the path.
                let message = match error.io_error() {
                    Some(io) => io.to_string(),
                    None => error.to_string(),
                };
                errors.push(InputError::new(path, InputErrorKind::Io(message)));
            }
        }
    }
}

/// Whether the file name ends in one of `extensions` (given without the dot, any case).
fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| extensions.iter().any(|want| want.eq_ignore_ascii_case(ext)))
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, text).unwrap();
    }

    fn names(root: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn walks_recursively_sorted_with_default_extensions() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "b.txt", "Seoul, Jan 16 (NationPress)");
        write(root, "a.md", "---\ndate: 2025-06-17\n---\n");
        write(root, "sub/c.TXT", "TOKYO (Kyodo) --");
        write(root, "notes.html", "<p>skip</p>");
        write(root, "image.png", "\0");
        let (files, errors) = walk(&[root.to_path_buf()], &ReadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names(root, &files), ["a.md", "b.txt", "sub/c.TXT"]);
    }

    #[test]
    fn honours_gitignore_outside_a_git_repository() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, ".gitignore", "drafts/\n");
        write(root, "drafts/x.txt", "draft");
        write(root, "kept.txt", "kept");
        let (files, _) = walk(&[root.to_path_buf()], &ReadOptions::default());
        assert_eq!(names(root, &files), ["kept.txt"]);
    }

    #[test]
    fn a_named_file_is_read_whatever_its_extension() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "page.html", "text");
        let named = dir.path().join("page.html");
        let (files, errors) = walk(std::slice::from_ref(&named), &ReadOptions::default());
        assert!(errors.is_empty());
        assert_eq!(files, [named]);
    }

    #[test]
    fn configured_extensions_replace_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a.txt", "a");
        write(root, "b.text", "b");
        let options = ReadOptions {
            extensions: vec!["text".to_string()],
            ..ReadOptions::default()
        };
        let (files, _) = walk(&[root.to_path_buf()], &options);
        assert_eq!(names(root, &files), ["b.text"]);
    }

    #[test]
    fn a_missing_path_is_an_input_error() {
        let missing = PathBuf::from("/definitely/not/here/corpus");
        let (files, errors) = walk(std::slice::from_ref(&missing), &ReadOptions::default());
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, InputErrorKind::NotFound);
        assert_eq!(errors[0].path, missing);
    }

    #[test]
    fn the_same_file_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "a");
        let file = dir.path().join("a.txt");
        let (files, _) = walk(
            &[dir.path().to_path_buf(), file.clone()],
            &ReadOptions::default(),
        );
        assert_eq!(files, [file]);
    }

    fn filtered(root: &Path, include: &[&str], exclude: &[&str]) -> ReadOptions {
        ReadOptions {
            filter: PathFilter {
                root: root.to_path_buf(),
                include: include.iter().map(|g| g.to_string()).collect(),
                exclude: exclude.iter().map(|g| g.to_string()).collect(),
            },
            ..ReadOptions::default()
        }
    }

    #[test]
    fn include_and_exclude_globs_filter_the_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "articles/a.md", "a");
        write(root, "articles/drafts/b.md", "b");
        write(root, "articles/c.draft.md", "c");
        write(root, "notes/d.md", "d");
        write(root, "drafts/e.md", "e");
        let walk_all = |options: &ReadOptions| {
            let (files, errors) = walk(&[root.to_path_buf()], options);
            assert!(errors.is_empty(), "{errors:?}");
            names(root, &files)
        };
        assert_eq!(
            walk_all(&filtered(root, &["articles/**"], &[])),
            [
                "articles/a.md",
                "articles/c.draft.md",
                "articles/drafts/b.md"
            ]
        );
        assert_eq!(
            walk_all(&filtered(root, &[], &["drafts/", "*.draft.md"])),
            ["articles/a.md", "notes/d.md"]
        );
        assert_eq!(
            walk_all(&filtered(root, &["articles/*.md"], &["notes"])),
            ["articles/a.md", "articles/c.draft.md"]
        );
    }

    #[test]
    fn exclude_applies_to_named_files_and_include_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "drafts/e.md", "e");
        write(root, "notes/d.md", "d");
        let named = [root.join("drafts/e.md"), root.join("notes/d.md")];
        let (files, _) = walk(&named, &filtered(root, &["articles/**"], &["drafts"]));
        assert_eq!(names(root, &files), ["notes/d.md"]);
    }

    #[test]
    fn globs_are_checked() {
        assert!(check_glob("articles/**").is_ok());
        assert!(check_glob("a/[b-").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "sub/a.txt", "a");
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let (files, errors) = walk(&[root.to_path_buf()], &ReadOptions::default());
        assert_eq!(names(root, &files), ["sub/a.txt"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
