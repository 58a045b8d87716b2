//! `quire export`: the whole database as a bundle, to a file or to standard output, with a
//! one-line summary on standard error.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::Context;
use quire_persistence::transfer::{ExportOptions, ExportSummary, export};
use quire_persistence::{Store, StoreError};

use crate::cli::ExportArgs;

/// Exports, then says what was written and where.
pub async fn run(args: ExportArgs) -> anyhow::Result<()> {
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let options = ExportOptions {
        include_secrets: args.include_secrets,
    };
    let (summary, destination) = match args.out {
        Some(path) => {
            let summary = to_file(&store, &path, options).await?;
            (summary, path.display().to_string())
        }
        None => {
            let summary = store
                .read(move |conn| export(conn, &mut std::io::stdout(), options))
                .await
                .context("the export to standard output failed; what was written is incomplete")?;
            (summary, "standard output".to_owned())
        }
    };
    let secrets = if summary.users == 0 || summary.password_hashes {
        ""
    } else {
        "; password hashes left out (--include-secrets keeps them), so accounts imported from it \
         cannot sign in until given a password"
    };
    eprintln!("Exported {summary} to {destination}{secrets}");
    Ok(())
}

/// Writes the bundle beside `path`, then moves it into place once complete and on disk.
async fn to_file(
    store: &Store,
    path: &Path,
    options: ExportOptions,
) -> anyhow::Result<ExportSummary> {
    let partial = partial_path(path);
    let file = std::fs::File::create(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    let written = store
        .read(move |conn| {
            let mut file = file;
            let summary = export(conn, &mut file, options)?;
            file.sync_all().map_err(StoreError::Output)?;
            Ok(summary)
        })
        .await;
    let moved = written.map_err(anyhow::Error::from).and_then(|summary| {
        std::fs::rename(&partial, path)
            .with_context(|| format!("cannot move {} into place", partial.display()))?;
        Ok(summary)
    });
    if moved.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    moved.with_context(|| {
        format!(
            "the export to {} failed; that file was left as it was",
            path.display()
        )
    })
}

/// `FILE.partial`, where a bundle is written until it is complete.
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partial_file_sits_beside_the_bundle() {
        assert_eq!(
            partial_path(Path::new("/backups/quire.jsonl")),
            PathBuf::from("/backups/quire.jsonl.partial")
        );
        assert_eq!(
            partial_path(Path::new("quire.jsonl")),
            PathBuf::from("quire.jsonl.partial")
        );
    }
}
