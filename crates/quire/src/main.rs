//! The `quire` command: serve the CMS, migrate its database, manage users, print the schema.

mod cli;
mod commands;
mod formats;
mod telemetry;

use clap::Parser;

use cli::{Cli, Command, UserCommand};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init(&cli.log, cli.log_format);
    match cli.command {
        Command::Serve(args) => commands::serve::run(args).await,
        Command::Migrate(args) => commands::migrate::run(args).await,
        Command::User {
            command: UserCommand::Create(args),
        } => commands::user::create(args).await,
        Command::Schema => {
            print!("{}", quire_api::graphql::sdl());
            Ok(())
        }
    }
}
