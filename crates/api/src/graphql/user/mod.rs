//! Accounts and sessions in GraphQL.

mod object;
mod session;
mod users;

pub use object::{RoleValue, UserNode};
pub use session::SessionMutation;
pub use users::{UserMutation, UserQuery};
