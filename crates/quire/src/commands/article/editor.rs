//! Running the person's editor on a temporary file and reading back what they saved, and
//! keeping edited text safe in the working directory when it cannot be saved on the server.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::client::ClientError;
use crate::client::error::file_error;

/// `$VISUAL`, else `$EDITOR`: a shell command such as `vim` or `code --wait`.
pub fn command() -> Result<String, ClientError> {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| {
            std::env::var(name)
                .ok()
                .filter(|value| !value.trim().is_empty())
        })
        .ok_or_else(|| {
            ClientError::failure("no editor is set")
                .hint("set EDITOR to the command of your editor, such as export EDITOR=nano")
        })
}

/// Opens `editor` on `text` in a temporary file and returns the text as saved. When the
/// editor fails, the file is left where it is and the error names it.
pub async fn edit(editor: &str, slug: &str, text: &str) -> Result<String, ClientError> {
    let path =
        std::env::temp_dir().join(format!("quire-{slug}-{}.md", uuid::Uuid::new_v4().simple()));
    fs::write(&path, text).map_err(|error| file_error("write", &path, &error))?;
    let status = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg("sh")
        .arg(&path)
        .status()
        .await
        .map_err(|error| {
            ClientError::failure(format!("cannot start the editor `{editor}`: {error}"))
        })?;
    if !status.success() {
        return Err(ClientError::failure(format!(
            "the editor `{editor}` failed ({status}); nothing was saved"
        ))
        .hint(format!("its file is kept at {}", path.display())));
    }
    let edited = fs::read_to_string(&path).map_err(|error| file_error("read", &path, &error))?;
    let _ = fs::remove_file(&path);
    Ok(edited)
}

/// Writes `text` to `./SLUG.vN.md` in the working directory (`./SLUG.vN-2.md` and so on when
/// taken, never overwriting) and returns the path as it should be typed.
pub fn keep(slug: &str, version: i64, text: &str) -> Result<PathBuf, ClientError> {
    for attempt in 1..=1000 {
        let name = match attempt {
            1 => format!("{slug}.v{version}.md"),
            n => format!("{slug}.v{version}-{n}.md"),
        };
        let path = Path::new(".").join(name);
        let created = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match created {
            Ok(mut file) => {
                file.write_all(text.as_bytes())
                    .map_err(|error| file_error("write", &path, &error))?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(file_error("create", &path, &error)),
        }
    }
    Err(ClientError::failure(format!(
        "cannot keep the edited text: ./{slug}.v{version}.md and a thousand alternatives exist"
    )))
}
