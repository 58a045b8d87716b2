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

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};

use crate::client::error::EXIT_CODES_HELP;
use crate::client::operations::ArticleStatus;

/// The server a client command speaks to.
#[derive(Debug, Args)]
pub struct ServerArg {
    /// The server's address, such as `http://localhost:8080` (its `/graphql` address works too);
    /// the saved session's server when left out.
    #[arg(long, env = "QUIRE_SERVER", value_name = "URL")]
    pub server: Option<String>,
}

/// `quire login`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct LoginArgs {
    /// The server's address, such as `http://localhost:8080`; the saved session's server when
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

/// `quire article …`.
#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// Create a draft from a Markdown file with front matter (title, subtitle, authors, source,
    /// tags, …); authors and sources the server lacks are created. A file whose status is
    /// published or scheduled is published (at its publishedAt) once created.
    #[command(after_help = EXIT_CODES_HELP)]
    New(NewArgs),
    /// Open the article in $VISUAL or $EDITOR as Markdown with front matter, then save the
    /// changes, provided nobody changed it meanwhile. On a conflict the edited text is kept in
    /// a file and the message says how to merge it.
    #[command(after_help = EXIT_CODES_HELP)]
    Edit(EditArgs),
    /// Print one article.
    #[command(after_help = EXIT_CODES_HELP)]
    Show(ShowArgs),
    /// List articles, most recently changed first.
    #[command(after_help = EXIT_CODES_HELP)]
    List(ListArgs),
    /// Publish now, or schedule with --at.
    #[command(after_help = EXIT_CODES_HELP)]
    Publish(PublishArgs),
    /// Take an article back to draft.
    #[command(after_help = EXIT_CODES_HELP)]
    Unpublish(SlugArgs),
    /// Move an article to the trash, where an editor can restore it; asks first on a terminal.
    #[command(after_help = EXIT_CODES_HELP)]
    Delete(DeleteArgs),
}

/// `quire article new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Markdown file with front matter.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
    /// Print the created article as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `quire article edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The article's slug.
    pub slug: String,
    /// Start from this file's text (such as one kept after a conflict) instead of the article
    /// as it stands; the changes are saved against the current version.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

/// `quire article show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's slug.
    pub slug: String,
    /// Print it as Markdown with front matter, as `edit` opens it.
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// Print it as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

/// Statuses as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// Being written.
    Draft,
    /// Waiting for its publication time.
    Scheduled,
    /// Live.
    Published,
    /// Withdrawn.
    Archived,
}

impl From<StatusArg> for ArticleStatus {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Draft => ArticleStatus::Draft,
            StatusArg::Scheduled => ArticleStatus::Scheduled,
            StatusArg::Published => ArticleStatus::Published,
            StatusArg::Archived => ArticleStatus::Archived,
        }
    }
}

/// `quire article list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only articles in this stage; repeat for several.
    #[arg(long, value_enum)]
    pub status: Vec<StatusArg>,
    /// Only articles with this tag (its slug).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only articles by this author (their slug).
    #[arg(long)]
    pub author: Option<String>,
    /// Only articles containing all these words.
    #[arg(long)]
    pub search: Option<String>,
    /// Most articles to list.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: u32,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

/// `quire article publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The article's slug.
    pub slug: String,
    /// When it goes live, in RFC 3339 such as 2030-05-01T09:00:00Z; a future time schedules it.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

/// `quire article unpublish`.
#[derive(Debug, Args)]
pub struct SlugArgs {
    /// The article's slug.
    pub slug: String,
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

/// `quire article delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The article's slug.
    pub slug: String,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which server.
    #[command(flatten)]
    pub server: ServerArg,
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| {
            "must be an RFC 3339 time with its offset, such as 2030-05-01T09:00:00Z".to_owned()
        })
}
