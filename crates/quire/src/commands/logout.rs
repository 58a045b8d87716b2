//! `quire logout`: ends the saved session on its server and forgets it.

use crate::cli::SessionArgs;
use crate::client::ClientError;
use crate::client::credentials::CredentialStore;
use crate::client::http::Endpoint;
use crate::client::operations::{Logout, logout};
use crate::client::output;

/// Revokes the saved refresh token, then removes the session file. Not being signed in is not
/// an error: the wish is already granted.
pub async fn run(args: SessionArgs) -> Result<(), ClientError> {
    let store = CredentialStore::locate()?;
    let Some(saved) = store.load()? else {
        return say(args.json, false, None, "not logged in: nothing to do");
    };
    let endpoint = Endpoint::new(&saved.server, "the saved session's server")?;
    let revoked = endpoint
        .send::<Logout>(
            None,
            logout::Variables {
                refresh_token: saved.refresh_token.clone(),
            },
        )
        .await;
    store.remove()?;
    match revoked {
        Ok(_) => say(
            args.json,
            true,
            Some(&saved.server),
            &format!("logged out of {}", saved.server),
        ),
        Err(error) => Err(ClientError::failure(format!(
            "the session was removed from this computer, but {} could not be told: {error}",
            saved.server
        ))
        .hint("it ends on the server when its refresh token expires")),
    }
}

fn say(json: bool, ended: bool, server: Option<&str>, text: &str) -> Result<(), ClientError> {
    if json {
        output::print_json(&serde_json::json!({ "loggedOut": ended, "server": server }))
    } else {
        println!("{text}");
        Ok(())
    }
}
