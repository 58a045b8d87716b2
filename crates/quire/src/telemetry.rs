//! Logging: human-readable lines on standard error, filtered by `QUIRE_LOG`.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; a bad filter falls back to `info` rather than silence.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
