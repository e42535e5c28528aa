//! Where the progress store keeps its files: the disk, or a key-value store (the browser's
//! `localStorage` in the web build, memory in tests).
//!
//! [`crate::records::progress::Store`] names its files by path (`<root>/students/<slug>/…`) and
//! does every read and write through a [`Backend`], so the files are the same on both: the same
//! versioned JSON under the same names. On a key-value store a file is one entry whose key is its
//! path (components joined with `/`), and the rules of the disk still hold: reads are bounded and
//! decoded like [`super::read_text`] (a value from storage is as hostile as a file), a write keeps
//! the previous value as `NAME.bak`, and a folder is the set of keys that start with its path.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::text::diag::{Diagnostic, Severity};

/// A store of text values by key, such as the browser's `localStorage`.
pub trait KeyValue: Send + Sync {
    /// The value of `key`, if there is one.
    fn get(&self, key: &str) -> Option<String>;
    /// Sets `key` to `value`; an error says why not (storage full, storage off).
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    /// Removes `key` (nothing if it is not there).
    fn remove(&self, key: &str);
    /// Every key.
    fn keys(&self) -> Vec<String>;
}

/// A [`KeyValue`] in memory: for tests, and for a browser that refuses storage (a private
/// window with storage off), where the work lasts as long as the tab.
#[derive(Default)]
pub struct MemoryKeyValue(Mutex<BTreeMap<String, String>>);

impl MemoryKeyValue {
    fn map(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, String>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl KeyValue for MemoryKeyValue {
    fn get(&self, key: &str) -> Option<String> {
        self.map().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.map().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.map().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map().keys().cloned().collect()
    }
}

/// Where a store's files are.
#[derive(Clone, Default)]
pub enum Backend {
    /// Files on disk, through [`super::read_text`] and [`super::write_private`].
    #[default]
    Disk,
    /// Entries of a key-value store, keyed by path.
    Keys(Arc<dyn KeyValue>),
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // i18n: not text (debug output)
            Self::Disk => f.write_str("Disk"),
            // i18n: not text (debug output)
            Self::Keys(_) => f.write_str("Keys"),
        }
    }
}

/// The key of `path`: its components joined with `/` (the same on every platform).
pub(crate) fn key_of(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn storage_error(reason: String) -> std::io::Error {
    std::io::Error::other(reason)
}

impl Backend {
    /// Reads `path` as text, bounded by `max` bytes and decoded as [`super::read_text`] does.
    pub(crate) fn read_text(&self, path: &Path, max: u64) -> Result<String, Diagnostic> {
        let kv = match self {
            Self::Disk => return super::read_text(path, max),
            Self::Keys(kv) => kv,
        };
        let name = path.display().to_string();
        let Some(value) = kv.get(&key_of(path)) else {
            return Err(Diagnostic::file(&name, Severity::Error, "there is no such file"));
        };
        if value.len() as u64 > max {
            let msg = format!(
                "this file is {}, more than the {} allowed",
                super::human(value.len() as u64),
                super::human(max)
            );
            return Err(Diagnostic::file(&name, Severity::Error, msg));
        }
        super::decode_text(&name, value.into_bytes())
    }

    /// Writes `bytes` to `path`, keeping the previous file as `path.bak` (on disk: atomically,
    /// readable by the owner only, [`super::write_private`]). A key-value store holds text only:
    /// bytes that are not UTF-8 are refused.
    pub(crate) fn write_private(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let kv = match self {
            Self::Disk => return super::write_private(path, bytes),
            Self::Keys(kv) => kv,
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))?;
        let key = key_of(path);
        if let Some(previous) = kv.get(&key) {
            kv.set(&key_of(&super::backup_path(path)), &previous)
                .map_err(storage_error)?;
        }
        kv.set(&key, text).map_err(storage_error)
    }

    /// Makes the folder `dir` (on disk, private to the owner: [`super::create_private_dir`]); a
    /// key-value store has no folders, so nothing to do.
    pub(crate) fn create_private_dir(&self, dir: &Path) -> std::io::Result<()> {
        match self {
            Self::Disk => super::create_private_dir(dir),
            Self::Keys(_) => Ok(()),
        }
    }

    /// Whether anything (a file, a link, a folder) is at `path`; a link is not followed.
    pub(crate) fn exists(&self, path: &Path) -> bool {
        match self {
            Self::Disk => std::fs::symlink_metadata(path).is_ok(),
            Self::Keys(kv) => {
                let key = key_of(path);
                let folder = format!("{key}/");
                kv.get(&key).is_some() || kv.keys().iter().any(|k| k.starts_with(&folder))
            }
        }
    }

    /// The folders directly inside `dir`, at most [`super::MAX_FOLDER_FILES`], in no set order.
    pub(crate) fn subfolders(&self, dir: &Path) -> Vec<PathBuf> {
        match self {
            Self::Disk => std::fs::read_dir(dir)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                        .take(super::MAX_FOLDER_FILES)
                        .map(|e| e.path())
                        .collect()
                })
                .unwrap_or_default(),
            Self::Keys(kv) => {
                let prefix = format!("{}/", key_of(dir));
                let mut names: Vec<String> = kv
                    .keys()
                    .iter()
                    .filter_map(|k| k.strip_prefix(&prefix))
                    .filter_map(|rest| rest.split_once('/').map(|(first, _)| first.to_string()))
                    .collect();
                names.sort();
                names.dedup();
                names
                    .into_iter()
                    .take(super::MAX_FOLDER_FILES)
                    .map(|n| dir.join(n))
                    .collect()
            }
        }
    }

    /// Moves the file `from` to `to` (which must not be a folder).
    pub(crate) fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        let kv = match self {
            Self::Disk => return std::fs::rename(from, to),
            Self::Keys(kv) => kv,
        };
        let key = key_of(from);
        let value = kv
            .get(&key)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))?;
        kv.set(&key_of(to), &value).map_err(storage_error)?;
        kv.remove(&key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (Arc<MemoryKeyValue>, Backend) {
        let kv = Arc::new(MemoryKeyValue::default());
        (kv.clone(), Backend::Keys(kv))
    }

    #[test]
    fn a_key_is_the_path_with_slashes() {
        assert_eq!(
            key_of(&Path::new("lateral").join("students").join("ana-1")),
            "lateral/students/ana-1"
        );
    }

    #[test]
    fn writes_keep_the_previous_value_and_reads_are_decoded_and_bounded() {
        let (kv, b) = keys();
        let p = Path::new("root/students/ana/first.json");
        b.write_private(p, b"one").expect("written");
        assert_eq!(
            kv.get("root/students/ana/first.json.bak"),
            None,
            "no previous value yet"
        );
        b.write_private(p, b"two\r\n").expect("written");
        assert_eq!(kv.get("root/students/ana/first.json.bak").as_deref(), Some("one"));
        assert_eq!(
            b.read_text(p, 100).expect("read"),
            "two\n",
            "decoded like a file: LF endings"
        );
        let too_big = b.read_text(p, 2).expect_err("over the limit");
        assert!(too_big.message.contains("more than"), "{}", too_big.message);
        assert!(b.read_text(Path::new("root/none.json"), 100).is_err());
        assert!(b.write_private(p, &[0xff, 0xfe, 0x00]).is_err(), "not text");
    }

    #[test]
    fn folders_are_key_prefixes() {
        let (_, b) = keys();
        for f in [
            "root/students/ana/profile.json",
            "root/students/ben/profile.json",
            "root/settings.json",
        ] {
            b.write_private(Path::new(f), b"{}").expect("written");
        }
        let mut dirs = b.subfolders(Path::new("root/students"));
        dirs.sort();
        assert_eq!(
            dirs,
            vec![PathBuf::from("root/students/ana"), PathBuf::from("root/students/ben")]
        );
        assert!(
            b.subfolders(Path::new("root/stud")).is_empty(),
            "a prefix of a name is not a folder"
        );
        assert!(b.exists(Path::new("root/students")) && b.exists(Path::new("root/settings.json")));
        assert!(!b.exists(Path::new("root/students/an")));
        b.rename(Path::new("root/settings.json"), Path::new("root/old.json"))
            .expect("moved");
        assert!(!b.exists(Path::new("root/settings.json")) && b.exists(Path::new("root/old.json")));
        assert!(
            b.rename(Path::new("root/settings.json"), Path::new("root/x.json"))
                .is_err()
        );
    }
}
