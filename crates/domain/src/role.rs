//! The roles a user account can hold.

use std::fmt;
use std::str::FromStr;

/// What a signed-in user may do, from most to least powerful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Role {
    /// Everything an editor can do, plus managing users and API tokens.
    Admin,
    /// All content, including publishing.
    Editor,
    /// Writes articles and edits their own drafts; cannot publish.
    Author,
}

impl Role {
    /// The stored and displayed spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "ADMIN",
            Role::Editor => "EDITOR",
            Role::Author => "AUTHOR",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role name was not one of ADMIN, EDITOR or AUTHOR.
#[derive(Debug, thiserror::Error)]
#[error("unknown role `{0}`: expected admin, editor or author")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_uppercase().as_str() {
            "ADMIN" => Ok(Role::Admin),
            "EDITOR" => Ok(Role::Editor),
            "AUTHOR" => Ok(Role::Author),
            _ => Err(UnknownRole(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_any_case_and_round_trips() {
        for role in [Role::Admin, Role::Editor, Role::Author] {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
            assert_eq!(role.as_str().to_lowercase().parse::<Role>().unwrap(), role);
        }
        assert!("owner".parse::<Role>().is_err());
    }
}
