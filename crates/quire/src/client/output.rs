//! How client commands print: JSON for scripts, sentences and tables for people, colour only
//! when standard output is a terminal and `NO_COLOR` is unset.

use std::io::IsTerminal as _;

use serde::Serialize;

use super::error::ClientError;

/// Prints `value` as pretty JSON on standard output.
pub fn print_json(value: &impl Serialize) -> Result<(), ClientError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|error| ClientError::failure(format!("cannot write JSON: {error}")))?;
    println!("{text}");
    Ok(())
}

/// Whether output may carry colours: a terminal, and no `NO_COLOR`.
pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Whether a person is there to answer a question.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// An instant as people read it in a table: minutes, in UTC.
pub fn short_time(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}
