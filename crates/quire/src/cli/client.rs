//! The editors' client commands: `quire login`, `logout`, `whoami` and `quire article …`,
//! spoken to any Quire server over GraphQL.
//!
//! - `QUIRE_SERVER`: the server's address, as `--server` takes it.
//! - `QUIRE_TOKEN`: an access token or API token to use instead of the saved session (for CI);
//!   never refreshed or saved.
//! - `QUIRE_CONFIG_DIR`: where the session is saved (default: the user's configuration
//!   directory, such as `~/.config/quire`).
//! - `VISUAL`, `EDITOR`: the editor `quire article edit` opens.
//! - `NO_COLOR`: no colours even on a terminal.

use clap::Args;

use crate::client::error::EXIT_CODES_HELP;

/// The server a client command speaks to.
#[derive(Debug, Args)]
pub struct ServerArg {
    /// The server's address, such as http://localhost:8080 (its /graphql address works too);
    /// the saved session's server when left out.
    #[arg(long, env = "QUIRE_SERVER", value_name = "URL")]
    pub server: Option<String>,
}

/// `quire login`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct LoginArgs {
    /// The server's address, such as http://localhost:8080; the saved session's server when
    /// left out.
    #[arg(long, env = "QUIRE_SERVER", value_name = "URL")]
    pub server: Option<String>,
    /// Sign-in address; asked for when left out.
    #[arg(long)]
    pub email: Option<String>,
    /// Read the password from the first line of standard input instead of prompting.
    #[arg(long)]
    pub password_stdin: bool,
}

/// `quire logout` and `quire whoami`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct SessionArgs {
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
    /// Print JSON for scripts instead of a sentence.
    #[arg(long)]
    pub json: bool,
}
