//! What the command-line tests share.

use std::io::{BufRead, BufReader};
use std::process::Child;

/// The GraphQL URL a starting `quire serve` prints as its first line on standard output; fails
/// the test when the server exits first (its error is then on its standard error).
pub fn printed_url(server: &mut Child) -> String {
    let mut line = String::new();
    if let Some(stdout) = server.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    line.split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("quire serve did not start: it printed {line:?}"))
        .to_owned()
}
