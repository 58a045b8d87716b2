//! `quire serve --ephemeral`: a throwaway Quire for another program's integration tests.
//!
//! The caller starts it as a child process, reads the one JSON line it prints on standard
//! output (where it listens, the accounts and their tokens), runs its tests, and closes the
//! child's standard input or signals it. The database lives in a temporary directory that is
//! removed on the way out.

use std::io::Write;

use quire_api::auth::password::PasswordCost;
use quire_api::testing::{TestAccount, TestServer};
use serde_json::{Map, Value, json};
use tokio::sync::oneshot;

use crate::cli::ServeArgs;

/// A free loopback port: several suites may run side by side on one machine.
const EPHEMERAL_BIND: &str = "127.0.0.1:0";

/// Starts, seeds, announces, then serves until standard input closes or a signal arrives.
pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let seeds = args.seed.clone();
    let mut wanted = super::serve::config(args, EPHEMERAL_BIND)?;
    wanted.password_cost = PasswordCost::Minimal;
    let mut server = TestServer::builder()
        .configure(move |config| {
            wanted.database = config.database.clone();
            *config = wanted;
        })
        .start()
        .await?;
    if !seeds.is_empty()
        && let Err(error) = super::import::seed(server.store(), &seeds).await
    {
        server.stop().await;
        return Err(error);
    }
    announce(&server)?;
    tracing::info!(url = server.url(), "ephemeral server ready");
    let input_closed = stdin_closed();
    tokio::select! {
        _ = input_closed => tracing::info!("standard input closed: stopping"),
        () = server.stopped() => {}
    }
    server.stop().await;
    tracing::info!("stopped; the temporary database is removed");
    Ok(())
}

/// Prints the one line callers wait for, and flushes it, since a pipe would hold it back.
fn announce(server: &TestServer) -> anyhow::Result<()> {
    let users: Map<String, Value> = server
        .accounts()
        .iter()
        .map(|account| (account.role.as_str().to_lowercase(), account_json(account)))
        .collect();
    let line = json!({
        "url": server.url(),
        "graphql": server.graphql_url(),
        "users": users,
    });
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{line}")?;
    stdout.flush()?;
    Ok(())
}

fn account_json(account: &TestAccount) -> Value {
    json!({
        "email": account.email,
        "password": account.password,
        "accessToken": account.access_token,
        "expiresAt": account.expires_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "refreshToken": account.refresh_token,
    })
}

/// Resolves when standard input reaches its end: the caller closed it, or exited. The read runs
/// on a thread of its own rather than tokio's, whose blocking read of standard input could
/// not be abandoned and would hold the process open after a signal.
fn stdin_closed() -> oneshot::Receiver<()> {
    let (closed, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
        let _ = closed.send(());
    });
    receiver
}
