//! Fresh databases per test.
//!
//! SQLite: a new file in the temporary directory. PostgreSQL: a new database cloned from a
//! template migrated once per migration set, at `QUIRE_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). PostgreSQL tests never skip: when the server
//! cannot be reached they fail and say how to start it.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use quire_persistence::DatabaseUrl;

/// Which engine a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// A database that exists for one test and is removed when dropped.
#[derive(Debug)]
pub enum TestDatabase {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database on the test server.
    Postgres {
        /// The server's maintenance URL.
        admin_url: String,
        /// This test's database.
        name: String,
    },
}

const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Serialises template creation between the tests of one process.
static TEMPLATE: Mutex<Option<String>> = Mutex::new(None);

impl TestDatabase {
    /// A fresh, migrated (PostgreSQL) or empty (SQLite, migrated by the server) database.
    pub fn create(backend: Backend) -> Self {
        let name = format!("quire_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                TestDatabase::Sqlite(std::env::temp_dir().join(format!("{name}.db")))
            }
            Backend::Postgres => {
                let admin_url = admin_url();
                let template = template(&admin_url);
                let mut admin = connect(&admin_url);
                admin
                    .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
                TestDatabase::Postgres { admin_url, name }
            }
        }
    }

    /// A database with no tables at all, as a first deployment finds it.
    pub fn create_empty(backend: Backend) -> Self {
        let name = format!("quire_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => Self::create(backend),
            Backend::Postgres => {
                let admin_url = admin_url();
                connect(&admin_url)
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
                TestDatabase::Postgres { admin_url, name }
            }
        }
    }

    /// Ends every server-side connection to this PostgreSQL database, as a restart, a failover
    /// or a proxy recycling connections would; returns how many were ended.
    pub fn terminate_connections(&self) -> i64 {
        let TestDatabase::Postgres { admin_url, name } = self else {
            panic!("only PostgreSQL connections can be terminated");
        };
        let mut admin = connect(admin_url);
        diesel::sql_query(format!(
            "SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity \
             WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ))
        .get_result::<Count>(&mut admin)
        .expect("terminate connections")
        .n
    }

    /// The database as `quire --database` takes it, for tests that run the command line.
    pub fn command_line_url(&self) -> String {
        match self {
            TestDatabase::Sqlite(path) => format!("sqlite://{}", path.display()),
            TestDatabase::Postgres { .. } => self.url().target().to_owned(),
        }
    }

    /// The URL a Quire server should use.
    pub fn url(&self) -> DatabaseUrl {
        match self {
            TestDatabase::Sqlite(path) => {
                DatabaseUrl::parse(&format!("sqlite://{}", path.display())).expect("a SQLite URL")
            }
            TestDatabase::Postgres { admin_url, name } => {
                DatabaseUrl::parse(&with_database(admin_url, name)).expect("a PostgreSQL URL")
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            TestDatabase::Sqlite(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            TestDatabase::Postgres { admin_url, name } => {
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ = admin
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

/// The test server's maintenance URL.
fn admin_url() -> String {
    std::env::var("QUIRE_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_ADMIN_URL.to_owned())
}

fn connect(url: &str) -> PgConnection {
    PgConnection::establish(url).unwrap_or_else(|e| {
        panic!(
            "PostgreSQL tests need a server at {url} ({e}). Start the local one with \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, \
             or point QUIRE_TEST_POSTGRES_URL at another."
        )
    })
}

/// `url` with its database name replaced.
fn with_database(url: &str, database: &str) -> String {
    let (server, query) = url
        .split_once('?')
        .map_or((url, None), |(s, q)| (s, Some(q)));
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    match query {
        Some(query) => format!("{base}/{database}?{query}"),
        None => format!("{base}/{database}"),
    }
}

/// The name of a template database holding the current migrations, creating it when needed.
fn template(admin_url: &str) -> String {
    let mut cached = TEMPLATE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(name) = cached.as_ref() {
        return name.clone();
    }
    let name = format!("quire_template_{}", migrations_fingerprint());
    let mut admin = connect(admin_url);
    admin
        .batch_execute("SELECT pg_advisory_lock(727274)")
        .expect("advisory lock");
    let exists: i64 = diesel::sql_query(format!(
        "SELECT COUNT(*) AS n FROM pg_database WHERE datname = '{name}'"
    ))
    .get_result::<Count>(&mut admin)
    .expect("pg_database lookup")
    .n;
    if exists == 0 {
        let building = format!("{name}_building");
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .expect("drop unfinished template");
        admin
            .batch_execute(&format!("CREATE DATABASE {building}"))
            .expect("create template");
        let mut conn = DatabaseUrl::parse(&with_database(admin_url, &building))
            .expect("a PostgreSQL URL")
            .connect()
            .expect("connect to template");
        quire_persistence::migrate::run_pending(&mut conn).expect("migrate template");
        drop(conn);
        admin
            .batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .expect("publish template");
    }
    admin
        .batch_execute("SELECT pg_advisory_unlock(727274)")
        .expect("advisory unlock");
    *cached = Some(name.clone());
    name
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// A hash of the PostgreSQL migration files, so a changed migration gets a new template.
fn migrations_fingerprint() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres");
    let mut files: Vec<PathBuf> = walk(&root);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.strip_prefix(&root).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}
