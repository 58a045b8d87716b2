//! Reading one file: a bundle is only recognised here and streamed later, anything else is read
//! whole and parsed into an article.

use std::io::Read;
use std::path::{Path, PathBuf};

use quire_domain::ArticleDocument;
use quire_domain::markdown::RenderedBody;

use crate::formats::{self, FileKind, FormatError};

/// Bytes looked at to tell a bundle from a document.
const SNIFF_BYTES: u64 = 4096;

/// Largest file read as one article; a bigger one cannot hold a valid article.
const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// One file as read.
#[derive(Clone)]
pub enum ReadFile {
    /// An article, parsed (boxed: it dwarfs the other cases).
    Document(Box<ArticleDocument>),
    /// A Quire bundle, to be streamed from this path.
    Bundle(PathBuf),
    /// Why the file cannot be imported.
    Unreadable(FormatError),
}

/// Reads `path` and tells what it holds.
pub fn read_file(path: &Path) -> ReadFile {
    match read_start_then_rest(path) {
        Ok(read) => read,
        Err(error) => ReadFile::Unreadable(FormatError::whole_file(error.to_string())),
    }
}

fn read_start_then_rest(path: &Path) -> std::io::Result<ReadFile> {
    let mut file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    (&mut file).take(SNIFF_BYTES).read_to_end(&mut bytes)?;
    if formats::kind_of(&bytes) == FileKind::Bundle {
        return Ok(ReadFile::Bundle(path.to_path_buf()));
    }
    file.take(MAX_DOCUMENT_BYTES).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Ok(ReadFile::Unreadable(FormatError::whole_file(format!(
            "the file is larger than {} MiB, more than any article can hold",
            MAX_DOCUMENT_BYTES / 1024 / 1024
        ))));
    }
    Ok(match formats::read_document(&bytes) {
        Ok(mut document) => {
            document.rendered = Some(RenderedBody::of(&document.body));
            ReadFile::Document(Box::new(document))
        }
        Err(error) => ReadFile::Unreadable(error),
    })
}

/// Reads a batch of files in order.
pub fn read_all(paths: Vec<PathBuf>) -> Vec<(PathBuf, ReadFile)> {
    paths
        .into_iter()
        .map(|path| {
            let read = read_file(&path);
            (path, read)
        })
        .collect()
}
