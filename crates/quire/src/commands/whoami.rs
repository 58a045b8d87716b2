//! `quire whoami`: who the client is signed in as, checked with the server.

use serde_json::json;

use crate::cli::SessionArgs;
use crate::client::operations::{Me, me};
use crate::client::{ClientError, Session, output};

/// Asks the server who the credentials belong to; an API token has no account.
pub async fn run(args: SessionArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let me = session.run::<Me>(me::Variables).await?.me;
    let server = session.endpoint().url().to_owned();
    if args.json {
        return output::print_json(&json!({ "server": server, "user": me }));
    }
    match me {
        Some(user) => println!(
            "{} <{}> ({:?}) on {server}",
            user.name, user.email, user.role
        ),
        None => println!("an API token, with no account, on {server}"),
    }
    Ok(())
}
