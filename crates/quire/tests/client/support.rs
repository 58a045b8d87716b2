//! Running the `quire` binary as the client, with its own session directory.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use quire_harness::{TestApp, User};
use serde_json::Value;
use tokio::io::AsyncWriteExt as _;

/// A person at a terminal (without one, in fact): a session directory and the variables set.
#[derive(Clone)]
pub struct Editor {
    /// `QUIRE_CONFIG_DIR`.
    pub config: PathBuf,
    /// Extra environment variables.
    pub env: Vec<(String, String)>,
    /// The working directory, where conflict files land.
    pub dir: PathBuf,
}

impl Editor {
    /// A fresh session directory and working directory.
    pub fn new() -> Self {
        let root =
            std::env::temp_dir().join(format!("quire-client-{}", uuid::Uuid::new_v4().simple()));
        let config = root.join("config");
        let dir = root.join("work");
        std::fs::create_dir_all(&dir).unwrap();
        Self {
            config,
            env: Vec::new(),
            dir,
        }
    }

    /// The same person with one more variable set.
    pub fn with_env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The saved session file.
    pub fn credentials_path(&self) -> PathBuf {
        self.config.join("credentials.json")
    }

    /// The saved session, parsed.
    pub fn credentials(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.credentials_path()).unwrap()).unwrap()
    }

    /// Overwrites the saved session.
    pub fn set_credentials(&self, credentials: &Value) {
        std::fs::write(self.credentials_path(), credentials.to_string()).unwrap();
    }

    /// Runs `quire ARGS…` with `stdin` piped in.
    pub async fn run_with_input(&self, args: &[&str], stdin: &str) -> Output {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_quire"));
        command
            .args(args)
            .current_dir(&self.dir)
            .env("QUIRE_CONFIG_DIR", &self.config)
            .env("QUIRE_LOG", "warn")
            .env("NO_COLOR", "1")
            .env_remove("QUIRE_TOKEN")
            .env_remove("QUIRE_SERVER")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (name, value) in &self.env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("quire runs");
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).await.unwrap();
        drop(input);
        child.wait_with_output().await.unwrap()
    }

    /// Runs `quire ARGS…` with nothing on standard input.
    pub async fn run(&self, args: &[&str]) -> Output {
        self.run_with_input(args, "").await
    }

    /// Runs `quire ARGS…`, which must succeed, and returns its standard output.
    pub async fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args).await;
        assert_eq!(
            output.status.code(),
            Some(0),
            "quire {args:?}: {}",
            report(&output)
        );
        stdout(&output)
    }

    /// Runs `quire ARGS… --json`, which must succeed, and parses its output.
    pub async fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        let out = self.ok(&args).await;
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// Logs `user` in to `app` with `--password-stdin`.
    pub async fn login(&self, app: &TestApp, user: &User) {
        let output = self
            .run_with_input(
                &[
                    "login",
                    "--server",
                    &app.address,
                    "--email",
                    &user.email,
                    "--password-stdin",
                ],
                &format!("{}\n", user.password),
            )
            .await;
        assert_eq!(output.status.code(), Some(0), "login: {}", report(&output));
    }

    /// A file in the working directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Both streams and the exit code, for assertion messages.
pub fn report(output: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        output.status.code(),
        stdout(output),
        stderr(output)
    )
}

/// Asserts the command failed with `code` and that standard error contains every one of
/// `phrases`.
pub fn assert_fails(output: &Output, code: i32, phrases: &[&str]) {
    assert_eq!(output.status.code(), Some(code), "{}", report(output));
    let text = stderr(output);
    for phrase in phrases {
        assert!(
            text.contains(phrase),
            "{phrase:?} missing: {}",
            report(output)
        );
    }
}

/// Writes an executable shell script, for `$EDITOR`.
pub fn script(path: &Path, body: &str) -> PathBuf {
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path.to_path_buf()
}
