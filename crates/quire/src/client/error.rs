//! What went wrong in a client command, the exit code a script can test, and the next step a
//! person should take. Every error carries that step, so the command line never leaves an
//! editor with a bare failure.

use std::fmt;
use std::process::ExitCode;

/// The exit codes of the client commands, as `quire --help` and the README list them.
pub const EXIT_CODES_HELP: &str = "Exit codes: 0 done; 1 failed (the server could not be \
reached, bad input, …); 2 wrong usage; 3 CONFLICT (someone else changed the article first, or a \
slug is taken); 4 NOT_FOUND; 5 not signed in, session ended or not allowed.";

/// The kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything else: unreachable server, bad input, a broken file.
    Failure,
    /// The server answered CONFLICT: a stale version, a taken slug.
    Conflict,
    /// The article, author or source does not exist (or is not visible).
    NotFound,
    /// No credentials, a session that ended, or a role that may not do this.
    NotAllowed,
}

impl Kind {
    /// The process exit code scripts rely on.
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failure => 1,
            Kind::Conflict => 3,
            Kind::NotFound => 4,
            Kind::NotAllowed => 5,
        }
    }

    /// The kind a GraphQL `extensions.code` stands for.
    pub fn of_code(code: &str) -> Self {
        match code {
            "CONFLICT" => Kind::Conflict,
            "NOT_FOUND" => Kind::NotFound,
            "UNAUTHENTICATED" | "FORBIDDEN" => Kind::NotAllowed,
            _ => Kind::Failure,
        }
    }
}

/// A failed client command.
#[derive(Debug, Clone)]
pub struct ClientError {
    /// Decides the exit code.
    pub kind: Kind,
    /// What happened, one line.
    pub message: String,
    /// What to do next, when there is something to say.
    pub hint: Option<String>,
    /// The server's `extensions.code`, when the server answered with an error.
    pub code: Option<String>,
    /// The server's `extensions.currentVersion` on a stale-version CONFLICT.
    pub current_version: Option<i64>,
}

impl ClientError {
    /// An error of `kind` with its message.
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            hint: None,
            code: None,
            current_version: None,
        }
    }

    /// A plain failure, exit code 1.
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Kind::Failure, message)
    }

    /// The same error with the next step to take.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether the server refused the credentials sent, which a stored session answers by
    /// refreshing once.
    pub fn is_unauthenticated(&self) -> bool {
        self.code.as_deref() == Some("UNAUTHENTICATED")
    }

    /// Prints the error and its next step on standard error and gives the exit code.
    pub fn report(&self) -> ExitCode {
        eprintln!("error: {self}");
        if let Some(hint) = &self.hint {
            eprintln!("{hint}");
        }
        ExitCode::from(self.kind.exit_code())
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ClientError {}

/// Errors of local files (the session file, an article file) become failures naming the file.
pub fn file_error(what: &str, path: &std::path::Path, error: &std::io::Error) -> ClientError {
    ClientError::failure(format!("cannot {what} {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_codes_map_to_distinct_exit_codes() {
        assert_eq!(Kind::of_code("CONFLICT").exit_code(), 3);
        assert_eq!(Kind::of_code("NOT_FOUND").exit_code(), 4);
        assert_eq!(Kind::of_code("UNAUTHENTICATED").exit_code(), 5);
        assert_eq!(Kind::of_code("FORBIDDEN").exit_code(), 5);
        assert_eq!(Kind::of_code("BAD_USER_INPUT").exit_code(), 1);
        assert_eq!(Kind::of_code("INTERNAL").exit_code(), 1);
    }
}
