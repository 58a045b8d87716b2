//! Logging on standard error, filtered by `QUIRE_LOG`, as text or JSON (`QUIRE_LOG_FORMAT`).
//!
//! Text is coloured only when standard error is a terminal, so files and pipes get plain lines.
//! JSON is one object per line with the event's fields and its spans, for log collectors.
//! Request spans never record query strings or headers (see `quire_api::http::request_span`),
//! so passwords and tokens sent to the API stay out of the log.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::cli::LogFormat;

/// Installs the global subscriber; a bad filter falls back to `info` rather than silence.
pub fn init(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => builder.json().init(),
    }
}
