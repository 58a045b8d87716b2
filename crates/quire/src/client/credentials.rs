//! The saved session: one `credentials.json` in the user's configuration directory
//! (`QUIRE_CONFIG_DIR` overrides it), readable by its owner alone. It is written whole to a
//! temporary file that is then renamed over the old one, so a crash or a second `quire` running
//! at the same moment never leaves half a file, and the tokens are never readable by others,
//! not even for an instant.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::{ClientError, file_error};

/// The file's name inside the configuration directory.
const FILE_NAME: &str = "credentials.json";

/// What `quire login` keeps between commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credentials {
    /// The server's `/graphql` address.
    pub server: String,
    /// Who signed in.
    pub email: String,
    /// Sent as `Authorization: Bearer`.
    pub access_token: String,
    /// When the access token stops working.
    pub expires_at: DateTime<Utc>,
    /// Exchanged for a new pair when the access token runs out.
    pub refresh_token: String,
}

/// Where the session file lives.
#[derive(Debug, Clone)]
pub struct CredentialStore {
    path: PathBuf,
}

impl CredentialStore {
    /// The store in `QUIRE_CONFIG_DIR`, or in the platform's configuration directory for Quire
    /// (`~/.config/quire` on Linux).
    pub fn locate() -> Result<Self, ClientError> {
        let dir = match std::env::var_os("QUIRE_CONFIG_DIR").filter(|dir| !dir.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "quire")
                .map(|dirs| dirs.config_dir().to_path_buf())
                .ok_or_else(|| {
                    ClientError::failure("cannot tell where to keep the session: no home directory")
                        .hint("set QUIRE_CONFIG_DIR to a directory of your own")
                })?,
        };
        Ok(Self {
            path: dir.join(FILE_NAME),
        })
    }

    /// The session file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved session, or `None` before the first login and after a logout.
    pub fn load(&self) -> Result<Option<Credentials>, ClientError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(file_error("read", &self.path, &error)),
        };
        serde_json::from_str(&text).map(Some).map_err(|error| {
            ClientError::failure(format!(
                "the session file {} is damaged: {error}",
                self.path.display()
            ))
            .hint("run quire login --server URL to replace it")
        })
    }

    /// Saves `credentials` in place of any earlier session.
    pub fn save(&self, credentials: &Credentials) -> Result<(), ClientError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        create_private_dir(dir).map_err(|error| file_error("create", dir, &error))?;
        let temporary = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let text = serde_json::to_string_pretty(credentials)
            .map_err(|error| ClientError::failure(format!("cannot save the session: {error}")))?;
        let _ = fs::remove_file(&temporary);
        let written = write_private(&temporary, text.as_bytes())
            .and_then(|()| fs::rename(&temporary, &self.path));
        written.map_err(|error| {
            let _ = fs::remove_file(&temporary);
            file_error("write", &self.path, &error)
        })
    }

    /// Removes the session; false when there was none.
    pub fn remove(&self) -> Result<bool, ClientError> {
        match fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(file_error("remove", &self.path, &error)),
        }
    }
}

/// A new file readable and writable by its owner only, from the moment it exists.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The configuration directory, private to its owner when Quire creates it.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> CredentialStore {
        let dir = std::env::temp_dir().join(format!("quire-credentials-{}", uuid::Uuid::new_v4()));
        CredentialStore {
            path: dir.join(FILE_NAME),
        }
    }

    fn credentials(token: &str) -> Credentials {
        Credentials {
            server: "http://127.0.0.1:8080/graphql".to_owned(),
            email: "e@example.com".to_owned(),
            access_token: token.to_owned(),
            expires_at: DateTime::UNIX_EPOCH,
            refresh_token: "r".to_owned(),
        }
    }

    #[test]
    fn saves_replaces_and_removes_a_private_file() {
        let store = store();
        assert_eq!(store.load().unwrap(), None);
        store.save(&credentials("a")).unwrap();
        store.save(&credentials("b")).unwrap();
        assert_eq!(store.load().unwrap(), Some(credentials("b")));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(store.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(store.path().parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE_NAME], "no temporary file is left behind");
        assert!(store.remove().unwrap());
        assert!(!store.remove().unwrap());
        fs::remove_dir(store.path().parent().unwrap()).unwrap();
    }
}
