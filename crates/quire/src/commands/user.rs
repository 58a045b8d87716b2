//! `quire user create`.

use std::io::BufRead;

use quire_api::auth::password::{self, PasswordCost};
use quire_domain::{NewUser, time};
use quire_persistence::store::users;

use crate::cli::CreateUserArgs;

/// Creates an account, reading its password from stdin or a prompt.
pub async fn create(args: CreateUserArgs) -> anyhow::Result<()> {
    let secret = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        anyhow::ensure!(
            first == again,
            "the two passwords differ; nothing was created"
        );
        first
    };
    let user = NewUser {
        email: args.email,
        name: args.name,
        role: args.role.into(),
    }
    .validated(&secret)
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let hash = password::hash(secret, PasswordCost::Standard)
        .await
        .map_err(|e| anyhow::anyhow!(e.message()))?;
    let now = time::now();
    let user = store
        .write(move |conn| users::create(conn, user, &hash, now))
        .await?;
    println!(
        "Created {} {} <{}> with id {}",
        user.role, user.name, user.email, user.id
    );
    Ok(())
}
