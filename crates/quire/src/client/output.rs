//! How client commands print: JSON for scripts, sentences and tables for people, colour only
//! when standard output is a terminal and `NO_COLOR` is unset.

use serde::Serialize;

use super::error::ClientError;

/// Prints `value` as pretty JSON on standard output.
pub fn print_json(value: &impl Serialize) -> Result<(), ClientError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|error| ClientError::failure(format!("cannot write JSON: {error}")))?;
    println!("{text}");
    Ok(())
}
