//! Starting, reaching and stopping a test server.

use actix_web::dev::ServerHandle;
use quire_domain::Role;
use quire_persistence::{DatabaseUrl, PoolConfig, Store};
use tokio::task::JoinHandle;

use super::accounts::{self, STARTING_ROLES, TestAccount};
use crate::Config;
use crate::auth::password::PasswordCost;
use crate::error::ApiError;
use crate::startup::{Application, StartError};

/// A Quire serving on a loopback port until it is stopped or dropped.
pub struct TestServer {
    url: String,
    store: Store,
    accounts: Vec<TestAccount>,
    handle: ServerHandle,
    serving: Option<JoinHandle<std::io::Result<()>>>,
    /// Holds the SQLite file of a server that made its own, removed when the server is dropped.
    _directory: Option<tempfile::TempDir>,
}

/// Why a test server did not start.
#[derive(Debug, thiserror::Error)]
pub enum TestServerError {
    /// The temporary directory for its database could not be made.
    #[error("cannot create a temporary directory for the database: {0}")]
    Directory(#[from] std::io::Error),
    /// The server itself did not start.
    #[error(transparent)]
    Start(#[from] StartError),
    /// Its starting accounts could not be created or signed in; the reason for a person.
    #[error("cannot create the starting accounts: {0}")]
    Accounts(String),
}

/// One change to the configuration, applied before start.
type ConfigChange = Box<dyn FnOnce(&mut Config) + Send>;

/// Settings for a [`TestServer`], from [`TestServer::builder`].
pub struct TestServerBuilder {
    database: Option<DatabaseUrl>,
    configure: Vec<ConfigChange>,
    accounts: bool,
}

impl TestServer {
    /// A server on a temporary SQLite database and a free loopback port, with one ADMIN and one
    /// EDITOR signed in.
    pub async fn start() -> Result<Self, TestServerError> {
        Self::builder().start().await
    }

    /// Settings to change before starting: another database, other limits, no accounts.
    pub fn builder() -> TestServerBuilder {
        TestServerBuilder {
            database: None,
            configure: Vec::new(),
            accounts: true,
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where GraphQL is served.
    pub fn graphql_url(&self) -> String {
        format!("{}/graphql", self.url)
    }

    /// The signed-in account with `role`, when the server started with one.
    pub fn account(&self, role: Role) -> Option<&TestAccount> {
        self.accounts.iter().find(|account| account.role == role)
    }

    /// Every account the server started with, ADMIN first.
    pub fn accounts(&self) -> &[TestAccount] {
        &self.accounts
    }

    /// The server's store, to put content in below the API or to count statements.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Resolves when the server stops by itself, on SIGINT or SIGTERM; pending until then.
    pub async fn stopped(&mut self) {
        if let Some(serving) = self.serving.as_mut() {
            let _ = serving.await;
            self.serving = None;
        }
    }

    /// Finishes requests in flight, stops, and removes a temporary database.
    pub async fn stop(mut self) {
        self.handle.stop(true).await;
        self.stopped().await;
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if self.serving.is_some() {
            drop(self.handle.stop(false));
        }
    }
}

impl TestServerBuilder {
    /// Serves this database, which must be empty or Quire's, instead of a temporary SQLite file.
    /// It is migrated, and left in place at the end.
    pub fn database(mut self, url: DatabaseUrl) -> Self {
        self.database = Some(url);
        self
    }

    /// Changes the configuration before start. The test defaults are a free loopback port, one
    /// worker, four connections, the cheapest password hashing and a random signing secret;
    /// several calls apply in order.
    pub fn configure(mut self, change: impl FnOnce(&mut Config) + Send + 'static) -> Self {
        self.configure.push(Box::new(change));
        self
    }

    /// Starts without accounts, for tests that count or create every user themselves.
    pub fn without_accounts(mut self) -> Self {
        self.accounts = false;
        self
    }

    /// Migrates, binds, creates the accounts and serves in the background of the current
    /// tokio runtime.
    pub async fn start(self) -> Result<TestServer, TestServerError> {
        let (database, directory) = match self.database {
            Some(url) => (url, None),
            None => {
                let directory = tempfile::Builder::new().prefix("quire-").tempdir()?;
                let path = directory.path().join("quire.db");
                let url = DatabaseUrl::parse(&path.to_string_lossy())
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                (url, Some(directory))
            }
        };
        let mut config = Config {
            bind: "127.0.0.1:0".to_owned(),
            password_cost: PasswordCost::Minimal,
            pool: PoolConfig::new(4),
            workers: 1,
            ..Config::new(database)
        };
        for change in self.configure {
            change(&mut config);
        }
        let host = config.bind_host().to_owned();
        let app = Application::build(config).await?;
        let url = format!("http://{host}:{}", app.port());
        let store = app.store().clone();
        let auth = app.auth().clone();
        let handle = app.handle();
        let serving = tokio::spawn(app.run_until_stopped());
        let mut server = TestServer {
            url,
            store,
            accounts: Vec::new(),
            handle,
            serving: Some(serving),
            _directory: directory,
        };
        if self.accounts {
            for role in STARTING_ROLES {
                let account = accounts::create(&server.store, &auth, role)
                    .await
                    .map_err(|e: ApiError| TestServerError::Accounts(e.message()))?;
                server.accounts.push(account);
            }
        }
        Ok(server)
    }
}
