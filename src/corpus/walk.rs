//! Walking: turning the paths a user names into the sorted list of article files to read.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use super::{InputError, InputErrorKind, ReadOptions};

/// The files to read under `paths`, sorted and without duplicates, and the paths that could
/// not be walked. Directories are walked recursively, honouring `.gitignore` (in git
/// repositories or not), `.ignore` and hidden-file rules, and keep only files whose extension
/// is in `options.extensions`. A file named explicitly is kept whatever its extension.
/// Symbolic links are followed; a link loop is reported, not followed forever.
pub fn walk(paths: &[PathBuf], options: &ReadOptions) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                errors.push(InputError::new(path, InputErrorKind::NotFound));
            }
            Err(error) => errors.push(InputError::new(path, InputErrorKind::Io(error.to_string()))),
            Ok(meta) if meta.is_dir() => walk_dir(path, options, &mut files, &mut errors),
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
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<InputError>,
) {
    let walker = WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_extension(entry.path(), &options.extensions) {
                    files.push(entry.into_path());
                }
            }
            Err(error) => {
                let path = error_path(&error).unwrap_or_else(|| dir.to_path_buf());
                errors.push(InputError::new(path, InputErrorKind::Io(error.to_string())));
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
