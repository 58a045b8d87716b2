//! The editors' client: GraphQL over HTTP to any Quire server, with a saved session, typed
//! operations, errors that carry an exit code and a next step, and output for people or scripts.

pub mod credentials;
pub mod error;
pub mod http;
pub mod operations;
pub mod output;
pub mod session;

pub use error::{ClientError, Kind};
pub use session::Session;
