//! The context snapshot: every article of a `--context` corpus in one cache file, each with the
//! stamp (size, modification and change times, inode) its file had when it was read, so a warm
//! changed-files run stats the context instead of reading, hashing and decoding every file.
//!
//! A stamp is trusted only if it is the file's stamp now and older than the run that wrote the
//! snapshot by a margin (git's "racily clean" rule): a file rewritten within the clock's
//! granularity of being read could otherwise keep its old stamp with new words. Anything
//! else — a new file, a changed stamp, a damaged snapshot — is read from disk as usual.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use super::{Cache, frame, unframe};
use crate::corpus::{Article, Metadata, ReadOptions};
use crate::extract::Extraction;

/// How much older than the reading run a file's times must be for its stamp to be trusted:
/// more than any file system's timestamp granularity (FAT's is two seconds).
const RACY_MARGIN: Duration = Duration::from_secs(3);

/// A snapshot is written again only when more than one file in this many was read from disk
/// or is no longer there: reading a few changed files costs little, rewriting the whole
/// context a lot, and a stale entry is never trusted anyway.
const REWRITE_SHARE: usize = 32;

/// What tells whether a file changed since it was read, without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Nanoseconds since the epoch.
    modified: u128,
    /// The inode change time (Unix), which a tool that restores the modification time after
    /// writing (`cp -p`, `rsync -t`, `touch -d`) still moves; zero elsewhere.
    changed: u128,
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path` now, following symbolic links as reading does.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok().map_or(0, nanos_since_epoch);
        let (changed, inode) = change_and_inode(&meta);
        Some(Self {
            len: meta.len(),
            modified,
            changed,
            inode,
        })
    }

    fn latest(&self) -> u128 {
        self.modified.max(self.changed)
    }
}

#[cfg(unix)]
fn change_and_inode(meta: &std::fs::Metadata) -> (u128, u64) {
    use std::os::unix::fs::MetadataExt;
    let seconds = u128::try_from(meta.ctime()).unwrap_or(0);
    let nanos = u128::try_from(meta.ctime_nsec()).unwrap_or(0);
    (seconds * 1_000_000_000 + nanos, meta.ino())
}

#[cfg(not(unix))]
fn change_and_inode(_meta: &std::fs::Metadata) -> (u128, u64) {
    (0, 0)
}

fn nanos_since_epoch(time: SystemTime) -> u128 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos())
}

/// One article as a snapshot holds it (the owned side of [`FileRef`]: same fields, same
/// order, so postcard reads what that wrote).
///
/// A snapshot's payload is the start time of the run that wrote it (16 bytes, little-endian
/// nanoseconds since the epoch), then each file as its length (8 bytes) and its postcard
/// bytes, so that files are encoded and decoded on every core.
#[derive(Deserialize)]
struct StoredFile {
    path: PathBuf,
    stamp: Stamp,
    text: String,
    body: Range<usize>,
    meta: Metadata,
    extraction: Extraction,
}

#[derive(Serialize)]
struct FileRef<'a> {
    path: &'a Path,
    stamp: Stamp,
    text: &'a str,
    body: Range<usize>,
    meta: &'a Metadata,
    extraction: &'a Extraction,
}

/// The articles the last run over this context read, by path, and what this run reused.
#[derive(Debug)]
pub struct ContextSnapshot {
    key: blake3::Hash,
    started: u128,
    /// Stamps older than this are trusted.
    trusted_before: u128,
    previous: HashMap<PathBuf, (Stamp, Article, Extraction)>,
    /// Whether a sound snapshot was there to load.
    loaded: bool,
    /// The files taken from it, and those it could not give (new or changed).
    taken: usize,
    missed: usize,
}

impl ContextSnapshot {
    /// The snapshot for this context (its root paths as given, and how they are walked and
    /// read), empty if there is none or it does not check out.
    pub fn load(cache: &Cache, roots: &[PathBuf], options: &ReadOptions) -> Self {
        let started = nanos_since_epoch(SystemTime::now());
        let key = snapshot_key(cache, roots, options);
        let stored = std::fs::read(snapshot_path(cache, &key))
            .ok()
            .and_then(|bytes| read_payload(unframe(&bytes, &key)?));
        let loaded = stored.is_some();
        let (trusted_before, previous) = match stored {
            Some((written, files)) => (
                written.saturating_sub(RACY_MARGIN.as_nanos()),
                files
                    .into_iter()
                    .map(|file| {
                        let article = Article {
                            path: file.path.clone(),
                            text: file.text,
                            body: file.body,
                            meta: file.meta,
                        };
                        (file.path, (file.stamp, article, file.extraction))
                    })
                    .collect(),
            ),
            None => (0, HashMap::new()),
        };
        Self {
            key,
            started,
            trusted_before,
            previous,
            loaded,
            taken: 0,
            missed: 0,
        }
    }

    /// The article at `path` and its extraction, if the snapshot holds it under this stamp and
    /// the stamp is old enough to trust.
    pub fn take(&mut self, path: &Path, stamp: Stamp) -> Option<(Article, Extraction)> {
        let trusted = self.previous.get(path).is_some_and(|(stored, article, _)| {
            *stored == stamp
                && stamp.latest() < self.trusted_before
                && article.text.get(article.body.clone()).is_some()
        });
        if !trusted {
            self.missed += 1;
            self.previous.remove(path);
            return None;
        }
        self.taken += 1;
        self.previous
            .remove(path)
            .map(|(_, article, extraction)| (article, extraction))
    }

    /// Writes the context as this run read it, unless the snapshot is still good enough: it
    /// gave all but a few files (see [`REWRITE_SHARE`]).
    /// `files` are the context's articles, each with the path its walk found it under and the
    /// stamp taken before it was read. A
    /// snapshot that cannot be written is no error: the next run reads the files again.
    pub fn store<'a>(
        self,
        cache: &Cache,
        files: impl Iterator<Item = (&'a Path, Stamp, &'a Article, &'a Extraction)>,
    ) {
        // Files the snapshot held that this run did not take were deleted or renamed.
        let wasted = self.missed + self.previous.len();
        if self.loaded && wasted * REWRITE_SHARE <= self.taken + self.missed {
            return;
        }
        let files: Vec<FileRef<'_>> = files
            .map(|(path, stamp, article, extraction)| FileRef {
                path,
                stamp,
                text: &article.text,
                body: article.body.clone(),
                meta: &article.meta,
                extraction,
            })
            .collect();
        if let Some(payload) = write_payload(self.started, &files) {
            let bytes = frame(&self.key, &payload);
            let _ = cache.write_atomically(&snapshot_path(cache, &self.key), &bytes);
        }
    }
}

fn write_payload(started: u128, files: &[FileRef<'_>]) -> Option<Vec<u8>> {
    let encoded: Vec<Vec<u8>> = files
        .par_iter()
        .map(postcard::to_allocvec)
        .collect::<Result<_, _>>()
        .ok()?;
    let size = 16 + encoded.iter().map(|file| 8 + file.len()).sum::<usize>();
    let mut payload = Vec::with_capacity(size);
    payload.extend_from_slice(&started.to_le_bytes());
    for file in &encoded {
        payload.extend_from_slice(&(file.len() as u64).to_le_bytes());
        payload.extend_from_slice(file);
    }
    Some(payload)
}

/// The start time and files of a snapshot's payload, if all of it decodes.
fn read_payload(payload: &[u8]) -> Option<(u128, Vec<StoredFile>)> {
    let (started, mut rest) = payload.split_first_chunk::<16>()?;
    let mut files = Vec::new();
    while !rest.is_empty() {
        let (len, after) = rest.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        let (file, after) = after.split_at_checked(len)?;
        files.push(file);
        rest = after;
    }
    let files = files
        .par_iter()
        .map(|file| match postcard::take_from_bytes::<StoredFile>(file) {
            Ok((file, [])) => Some(file),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some((u128::from_le_bytes(*started), files))
}

/// The snapshot's key: the cache's salt (build, rules, KB, day, `--published`), the context's
/// roots and the read options, which decide which files are articles.
fn snapshot_key(cache: &Cache, roots: &[PathBuf], options: &ReadOptions) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new_keyed(&cache.salt);
    hasher.update(b"context\0");
    for root in roots {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        hasher.update(root.as_os_str().as_encoded_bytes());
        hasher.update(&[0]);
    }
    hasher.update(format!("{options:?}").as_bytes());
    hasher.finalize()
}

fn snapshot_path(cache: &Cache, key: &blake3::Hash) -> PathBuf {
    cache.dir.join(format!("context-{}", key.to_hex()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::KeyInputs;
    use chrono::NaiveDate;

    fn cache(dir: &Path) -> Cache {
        Cache::new(
            dir.join(".factlint-cache"),
            &KeyInputs {
                rules_and_kb: b"rules",
                today: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                published: None,
            },
        )
    }

    fn article(path: &Path, text: &str) -> Article {
        Article {
            path: path.to_path_buf(),
            text: text.to_string(),
            body: 0..text.len(),
            meta: Metadata::default(),
        }
    }

    /// Sets a file's modification time an hour back, as an article untouched since yesterday.
    fn age(path: &Path) {
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|file| file.set_modified(hour_ago))
            .unwrap();
    }

    #[test]
    fn an_unchanged_file_is_taken_and_a_rewritten_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let roots = [dir.path().to_path_buf()];
        let options = ReadOptions::default();
        let (kept, rewritten) = (
            dir.path().join("kept.txt"),
            dir.path().join("rewritten.txt"),
        );
        for path in [&kept, &rewritten] {
            std::fs::write(path, "Lee met Ishiba on Monday.").unwrap();
            age(path);
        }
        let stamps = [Stamp::of(&kept).unwrap(), Stamp::of(&rewritten).unwrap()];
        let articles = [
            article(&kept, "Lee met Ishiba on Monday."),
            article(&rewritten, "Lee met Ishiba on Monday."),
        ];
        let extraction = Extraction::default();
        let snapshot = ContextSnapshot::load(&cache, &roots, &options);
        snapshot.store(
            &cache,
            stamps
                .iter()
                .zip(&articles)
                .map(|(s, a)| (a.path.as_path(), *s, a, &extraction)),
        );

        // Same length, same (restored) modification time: only the change time tells.
        std::fs::write(&rewritten, "Lee met Ishiba on Sunday.").unwrap();
        age(&rewritten);
        // The snapshot was written just now, so make its stamps look old enough to trust.
        let mut snapshot = ContextSnapshot::load(&cache, &roots, &options);
        snapshot.trusted_before = u128::MAX;
        let taken = snapshot.take(&kept, Stamp::of(&kept).unwrap());
        assert_eq!(taken.unwrap().0.text, "Lee met Ishiba on Monday.");
        assert!(
            snapshot
                .take(&rewritten, Stamp::of(&rewritten).unwrap())
                .is_none()
        );
        assert_eq!((snapshot.taken, snapshot.missed), (1, 1));
    }

    #[test]
    fn a_few_changed_files_do_not_rewrite_a_large_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let roots = [dir.path().to_path_buf()];
        let options = ReadOptions::default();
        let stamp = |len| Stamp {
            len,
            modified: 1,
            changed: 1,
            inode: len,
        };
        let articles: Vec<Article> = (0..40)
            .map(|i| article(&dir.path().join(format!("{i}.txt")), "text"))
            .collect();
        let extraction = Extraction::default();
        let store = |snapshot: ContextSnapshot| {
            let files = articles.iter().enumerate();
            snapshot.store(
                &cache,
                files.map(|(i, a)| (a.path.as_path(), stamp(i as u64), a, &extraction)),
            );
        };
        let path = snapshot_path(&cache, &snapshot_key(&cache, &roots, &options));
        store(ContextSnapshot::load(&cache, &roots, &options));
        let modified = || std::fs::metadata(&path).unwrap().modified().unwrap();
        let written = modified();
        std::thread::sleep(Duration::from_millis(20));

        // One file of forty changed: read from disk, but the snapshot stays.
        let mut snapshot = ContextSnapshot::load(&cache, &roots, &options);
        for (i, article) in articles.iter().enumerate() {
            let now = if i == 0 { stamp(99) } else { stamp(i as u64) };
            snapshot.take(&article.path, now);
        }
        assert_eq!((snapshot.taken, snapshot.missed), (39, 1));
        store(snapshot);
        assert_eq!(modified(), written);

        // Two changed and one deleted: now it is written again.
        let mut snapshot = ContextSnapshot::load(&cache, &roots, &options);
        for (i, article) in articles.iter().enumerate().skip(1) {
            let now = if i < 3 { stamp(99) } else { stamp(i as u64) };
            snapshot.take(&article.path, now);
        }
        store(snapshot);
        assert_ne!(modified(), written);
    }

    #[test]
    fn a_fresh_stamp_is_not_trusted_and_a_damaged_snapshot_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let roots = [dir.path().to_path_buf()];
        let options = ReadOptions::default();
        let path = dir.path().join("new.txt");
        std::fs::write(&path, "text").unwrap();
        let stamp = Stamp::of(&path).unwrap();
        let extraction = Extraction::default();
        let written = article(&path, "text");
        ContextSnapshot::load(&cache, &roots, &options).store(
            &cache,
            std::iter::once((path.as_path(), stamp, &written, &extraction)),
        );
        // Written within the margin of the run that read it: racily clean, so read again.
        let mut snapshot = ContextSnapshot::load(&cache, &roots, &options);
        assert!(!snapshot.previous.is_empty());
        assert!(snapshot.take(&path, stamp).is_none());

        let key = snapshot_key(&cache, &roots, &options);
        std::fs::write(snapshot_path(&cache, &key), b"FLCACHE2 garbage").unwrap();
        let snapshot = ContextSnapshot::load(&cache, &roots, &options);
        assert!(snapshot.previous.is_empty() && !snapshot.loaded);
    }
}
