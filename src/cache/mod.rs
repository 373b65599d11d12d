//! The claim cache: what reading and extraction learned about each article (its body, metadata
//! and [`Extraction`]), stored under a key that hashes the article's text and everything else
//! they read, so a second run parses and extracts only what changed.
//!
//! One file per key in the cache directory (`.factlint-cache/` in the working directory), named
//! by the key in hex. A file is `MAGIC`, the key, the BLAKE3 hash of the payload, and the payload
//! (an [`Entry`] in postcard). It is written to a temporary file and renamed into place, so
//! a reader never sees half of one. A file that is short, foreign, for another key, or whose
//! payload does not hash or decode is ignored (and overwritten): it is never trusted.
//!
//! Changed-files mode adds one more file per context, the [`ContextSnapshot`] (`snapshot.rs`),
//! framed the same way.

mod snapshot;

pub use snapshot::{ContextSnapshot, Stamp};

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;

use std::ops::Range;

use crate::corpus::Metadata;
use crate::extract::Extraction;

/// What is cached of one article: everything derived from its text.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// `Article::body`.
    pub body: Range<usize>,
    /// `Article::meta`, after `--published` (which is part of the key).
    pub meta: Metadata,
    pub extraction: Extraction,
}

/// The directory, relative to the working directory, that `check` caches in.
pub const DIR: &str = ".factlint-cache";

/// The first bytes of every cache file; the digit is the layout's version, raised whenever
/// `Extraction` or the file layout changes.
const MAGIC: &[u8; 8] = b"FLCACHE3";
const HEADER: usize = MAGIC.len() + 32 + 32;

/// Counts temporary files, so threads writing at once never share one.
static TEMPORARY: AtomicU64 = AtomicU64::new(0);

/// What the cache key hashes besides an article's text.
#[derive(Clone, Debug)]
pub struct KeyInputs<'a> {
    /// A hash (or any fixed text) of the rules and knowledge base in force.
    pub rules_and_kb: &'a [u8],
    /// The day extraction takes as today (it bounds the publication years it infers).
    pub today: NaiveDate,
    /// `--published`, which replaces every article's publication date before extraction.
    pub published: Option<NaiveDate>,
}

/// A cache directory and the salt every key in this run is hashed with.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    salt: [u8; 32],
    /// The keys stored in this run: articles with the same text are written once.
    stored: Arc<Mutex<HashSet<[u8; 32]>>>,
    /// Whether this run wrote any file, so that pruning costs a warm run nothing.
    wrote: Arc<AtomicBool>,
}

impl Cache {
    /// A cache in `dir` (created on the first write). The salt binds every key to this build of
    /// factlint, the rules and KB, the day and `--published`.
    pub fn new(dir: PathBuf, inputs: &KeyInputs<'_>) -> Self {
        let mut salt = blake3::Hasher::new();
        salt.update(MAGIC);
        salt.update(env!("CARGO_PKG_VERSION").as_bytes());
        salt.update(&[0]);
        salt.update(build_identity().as_bytes());
        salt.update(&[0]);
        salt.update(blake3::hash(inputs.rules_and_kb).as_bytes());
        salt.update(inputs.today.to_string().as_bytes());
        salt.update(&[0]);
        if let Some(published) = inputs.published {
            salt.update(published.to_string().as_bytes());
        }
        Self {
            dir,
            salt: *salt.finalize().as_bytes(),
            stored: Arc::default(),
            wrote: Arc::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of an article with this text.
    pub fn key(&self, text: &str) -> blake3::Hash {
        blake3::keyed_hash(&self.salt, text.as_bytes())
    }

    /// The entry stored under `key`, if a sound one is there.
    pub fn load(&self, key: &blake3::Hash) -> Option<Entry> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        decode(&bytes, key)
    }

    /// Stores an entry under `key`. A cache that cannot be written is no error: the run goes
    /// on, and the next one extracts again.
    pub fn store(&self, key: &blake3::Hash, entry: &Entry) {
        let first = self
            .stored
            .lock()
            .map(|mut stored| stored.insert(*key.as_bytes()))
            .unwrap_or(true);
        if first {
            let _ = self.try_store(key, entry);
        }
    }

    fn try_store(&self, key: &blake3::Hash, entry: &Entry) -> std::io::Result<()> {
        let bytes = encode(key, entry).map_err(std::io::Error::other)?;
        self.write_atomically(&self.path(key), &bytes)
    }

    /// Writes `bytes` to a temporary file in the cache directory and renames it to `path`, so a
    /// reader sees the old file or the new one, never half of one.
    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if !self.dir.is_dir() {
            std::fs::create_dir_all(&self.dir)?;
            // Keep the cache out of the user's commits, as ruff and mypy do.
            let _ = std::fs::write(self.dir.join(".gitignore"), "# written by factlint\n*\n");
        }
        let temporary = self.dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&temporary)
            .and_then(|mut file| file.write_all(bytes))
            .and_then(|()| std::fs::rename(&temporary, path));
        match written {
            Ok(()) => self.wrote.store(true, Ordering::Relaxed),
            Err(_) => {
                let _ = std::fs::remove_file(&temporary);
            }
        }
        written
    }

    /// After a run that wrote to the cache, removes the files no run can use any more: keys
    /// include the day, so anything last written over a day ago (entries, snapshots, and
    /// temporary files a killed run left) is dead. The cache so holds about two days of
    /// entries at most.
    pub fn prune(&self) {
        if !self.wrote.load(Ordering::Relaxed) {
            return;
        }
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let Some(cutoff) = SystemTime::now().checked_sub(Duration::from_secs(24 * 60 * 60)) else {
            return;
        };
        for file in files.flatten() {
            let dead = file.file_name() != ".gitignore"
                && file.metadata().is_ok_and(|meta| {
                    meta.is_file() && meta.modified().is_ok_and(|modified| modified < cutoff)
                });
            if dead {
                let _ = std::fs::remove_file(file.path());
            }
        }
    }

    fn path(&self, key: &blake3::Hash) -> PathBuf {
        self.dir.join(key.to_hex().as_str())
    }
}

/// A cache file's bytes: magic, key, payload hash, payload (postcard).
fn encode<T: serde::Serialize + ?Sized>(
    key: &blake3::Hash,
    value: &T,
) -> Result<Vec<u8>, postcard::Error> {
    Ok(frame(key, &postcard::to_allocvec(value)?))
}

/// The value in a cache file's bytes, only if every check passes.
fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8], key: &blake3::Hash) -> Option<T> {
    match postcard::take_from_bytes::<T>(unframe(bytes, key)?) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Magic, key and payload hash, then the payload.
fn frame(key: &blake3::Hash, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(key.as_bytes());
    bytes.extend_from_slice(payload_hash(payload).as_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// The payload of a framed file, if it is this build's, for `key`, and whole.
fn unframe<'a>(bytes: &'a [u8], key: &blake3::Hash) -> Option<&'a [u8]> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(MAGIC.len());
    let (stored_key, stored_hash) = rest.split_at(32);
    (magic == MAGIC
        && stored_key == key.as_bytes()
        && stored_hash == payload_hash(payload).as_bytes())
    .then_some(payload)
}

fn payload_hash(payload: &[u8]) -> blake3::Hash {
    // A context snapshot runs to tens of megabytes: hash it on every core.
    if payload.len() > 1 << 20 {
        blake3::Hasher::new().update_rayon(payload).finalize()
    } else {
        blake3::hash(payload)
    }
}

/// What tells this build of factlint from another with the same version number: the running
/// executable's size and modification time, so a rebuilt binary never reads entries that an
/// older extractor wrote.
fn build_identity() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|meta| {
            let modified = meta
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|since| since.as_nanos())
                .unwrap_or_default();
            format!("{}:{modified}", meta.len())
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(dir: &Path) -> Cache {
        Cache::new(
            dir.to_path_buf(),
            &KeyInputs {
                rules_and_kb: b"rules",
                today: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                published: None,
            },
        )
    }

    #[test]
    fn an_entry_round_trips_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let key = cache.key("text");
        let extraction = Entry::default();
        cache.store(&key, &extraction);
        assert!(cache.load(&key).is_some());
        let path = cache.path(&key);
        let good = std::fs::read(&path).unwrap();
        // Truncated, garbage, another key's entry, a flipped payload byte.
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        let other = encode(&cache.key("other"), &extraction).unwrap();
        for bad in [
            &good[..good.len() - 1],
            b"garbage".as_slice(),
            &other,
            &flipped,
        ] {
            std::fs::write(&path, bad).unwrap();
            assert!(cache.load(&key).is_none());
        }
    }

    #[test]
    fn keys_differ_by_text_day_and_rules() {
        let dir = tempfile::tempdir().unwrap();
        let base = cache(dir.path());
        let next_day = Cache::new(
            dir.path().to_path_buf(),
            &KeyInputs {
                rules_and_kb: b"rules",
                today: NaiveDate::from_ymd_opt(2026, 1, 3).unwrap(),
                published: None,
            },
        );
        let other_rules = Cache::new(
            dir.path().to_path_buf(),
            &KeyInputs {
                rules_and_kb: b"other rules",
                today: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                published: None,
            },
        );
        assert_ne!(base.key("a"), base.key("b"));
        assert_ne!(base.key("a"), next_day.key("a"));
        assert_ne!(base.key("a"), other_rules.key("a"));
        assert_eq!(base.key("a"), cache(dir.path()).key("a"));
    }
}
