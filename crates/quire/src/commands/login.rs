//! `quire login`: signs in to a server and saves the session for the other client commands.

use std::io::{BufRead as _, Write as _};

use crate::cli::LoginArgs;
use crate::client::credentials::{CredentialStore, Credentials};
use crate::client::http::Endpoint;
use crate::client::operations::{Login, login};
use crate::client::session::SERVER_FLAG;
use crate::client::{ClientError, Kind};

/// Signs in with an email and a password read from standard input or a prompt, never from the
/// command line where other users could see it.
pub async fn run(args: LoginArgs) -> Result<(), ClientError> {
    let store = CredentialStore::locate()?;
    let saved = store.load()?;
    let server = match (args.server, &saved) {
        (Some(server), _) => server,
        (None, Some(saved)) => saved.server.clone(),
        (None, None) => {
            return Err(ClientError::failure("no server named")
                .hint("run quire login --server URL, such as http://localhost:8080"));
        }
    };
    let endpoint = Endpoint::new(&server, SERVER_FLAG)?;
    let email = match args.email {
        Some(email) => email,
        None if args.password_stdin => {
            return Err(ClientError::failure(
                "--password-stdin needs --email, since standard input holds the password",
            )
            .hint("run quire login --server URL --email you@example.com --password-stdin"));
        }
        None => prompt_email()?,
    };
    let password = read_password(args.password_stdin)?;
    let variables = login::Variables { email, password };
    let session = endpoint
        .send::<Login>(None, variables)
        .await
        .map_err(|error| match error.kind {
            Kind::NotAllowed => error.hint("check the email and password, then try again"),
            _ => error,
        })?
        .login;
    let credentials = Credentials {
        server: endpoint.url().to_owned(),
        email: session.user.email.clone(),
        access_token: session.access_token,
        expires_at: session.expires_at,
        refresh_token: session.refresh_token,
    };
    store.save(&credentials)?;
    println!(
        "Logged in to {} as {} <{}> ({:?}); the session is kept in {}",
        endpoint.url(),
        session.user.name,
        session.user.email,
        session.user.role,
        store.path().display()
    );
    Ok(())
}

fn prompt_email() -> Result<String, ClientError> {
    eprint!("Email: ");
    let _ = std::io::stderr().flush();
    let email = first_line()?;
    if email.is_empty() {
        return Err(ClientError::failure("no email given").hint("pass --email you@example.com"));
    }
    Ok(email)
}

fn read_password(from_stdin: bool) -> Result<String, ClientError> {
    let password = if from_stdin {
        first_line()?
    } else {
        rpassword::prompt_password("Password: ").map_err(|error| {
            ClientError::failure(format!("cannot read the password: {error}"))
                .hint("without a terminal, pipe it in with --password-stdin")
        })?
    };
    if password.is_empty() {
        return Err(ClientError::failure("no password given")
            .hint("type it at the prompt, or pipe it in with --password-stdin"));
    }
    Ok(password)
}

fn first_line() -> Result<String, ClientError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|error| ClientError::failure(format!("cannot read standard input: {error}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
