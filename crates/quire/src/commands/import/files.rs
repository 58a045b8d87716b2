//! Which files an import reads: every file named, and in named directories the files whose
//! extension says they may hold articles, in a stable order so runs report alike.

use std::path::{Path, PathBuf};

/// Extensions looked for inside directories. A file named on the command line is read
/// whatever its name, as its content, not its name, tells its format.
const ARTICLE_EXTENSIONS: [&str; 5] = ["md", "markdown", "txt", "jsonl", "quire"];

/// The files to import, and the paths that could not be read as a problem to report.
pub struct FileList {
    /// Files in command-line order, each directory's files sorted by path.
    pub files: Vec<PathBuf>,
    /// Paths that could not be listed, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Files in directories left out for their extension.
    pub skipped: usize,
}

/// Expands `paths` into files.
pub fn collect(paths: &[PathBuf]) -> FileList {
    let mut list = FileList {
        files: Vec::new(),
        unreadable: Vec::new(),
        skipped: 0,
    };
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut list),
            Ok(_) => list.files.push(path.clone()),
            Err(error) => list.unreadable.push((path.clone(), error.to_string())),
        }
    }
    list
}

/// Adds a directory's article files, depth first, hidden entries left out.
fn walk(dir: &Path, list: &mut FileList) {
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if has_article_extension(entry.path()) {
                    list.files.push(entry.into_path());
                } else {
                    list.skipped += 1;
                }
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(dir).to_path_buf();
                list.unreadable.push((path, error.to_string()));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_article_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ARTICLE_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_give_their_article_files_in_order_and_named_files_always_count() {
        let root = std::env::temp_dir().join(format!("quire-files-{}", std::process::id()));
        let nested = root.join("b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "z.md",
            "a.txt",
            "photo.png",
            ".hidden.md",
            "b/c.markdown",
            ".git/x.md",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let named = root.join("photo.png");
        let list = collect(&[root.clone(), named.clone(), root.join("missing.md")]);
        let expected = vec![
            root.join("a.txt"),
            root.join("b/c.markdown"),
            root.join("z.md"),
            named,
        ];
        assert_eq!(list.files, expected);
        assert_eq!(list.skipped, 1);
        assert_eq!(list.unreadable.len(), 1);
        std::fs::remove_dir_all(root).unwrap();
    }
}
