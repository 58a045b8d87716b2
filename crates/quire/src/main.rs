//! The `quire` command: serve the CMS, migrate its database, manage users, export the content,
//! print the GraphQL schema and the REST API's OpenAPI document; and, as the editors' client,
//! sign in to any Quire server and write, edit and publish articles on it.

mod cli;
mod client;
mod commands;
mod formats;
mod telemetry;

use std::process::ExitCode;

use clap::Parser;

use cli::{ArticleCommand, Cli, Command, QueriesCommand, TrashCommand, UserCommand};

#[tokio::main]
async fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    telemetry::init(&cli.log, cli.log_format);
    let done = match cli.command {
        Command::Serve(args) => commands::serve::run(*args).await,
        Command::Migrate(args) => commands::migrate::run(args).await,
        Command::Export(args) => commands::export::run(args).await,
        Command::User {
            command: UserCommand::Create(args),
        } => commands::user::create(args).await,
        Command::Import(args) => return commands::import::run(args).await,
        Command::Seed(args) => commands::seed::run(args).await,
        Command::Queries {
            command: QueriesCommand::Add(args),
        } => commands::queries::add(args).await,
        Command::Queries {
            command: QueriesCommand::List(database),
        } => commands::queries::list(database).await,
        Command::Trash {
            command: TrashCommand::Purge(args),
        } => commands::trash::purge(args).await,
        Command::Schema => {
            print!("{}", quire_api::graphql::sdl());
            Ok(())
        }
        Command::Login(args) => return Ok(finish(commands::login::run(args).await)),
        Command::Logout(args) => return Ok(finish(commands::logout::run(args).await)),
        Command::Whoami(args) => return Ok(finish(commands::whoami::run(args).await)),
        Command::Article { command } => return Ok(finish(article(command).await)),
        Command::Openapi => {
            print!("{}", quire_api::rest::document());
            Ok(())
        }
    };
    done.map(|()| ExitCode::SUCCESS)
}

/// Runs one `quire article …` command.
async fn article(command: ArticleCommand) -> Result<(), client::ClientError> {
    use commands::article;
    match command {
        ArticleCommand::New(args) => article::new::run(args).await,
        ArticleCommand::Edit(args) => article::edit::run(args).await,
        ArticleCommand::Show(args) => article::show::run(args).await,
        ArticleCommand::List(args) => article::list::run(args).await,
        ArticleCommand::Publish(args) => article::stage::publish(args).await,
        ArticleCommand::Unpublish(args) => article::stage::unpublish(args).await,
        ArticleCommand::Delete(args) => article::stage::delete(args).await,
    }
}

/// The exit code of a client command, its error printed with the next step: client commands
/// promise scripts distinct codes, which an `anyhow` error would flatten to 1.
fn finish(outcome: Result<(), client::ClientError>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}
