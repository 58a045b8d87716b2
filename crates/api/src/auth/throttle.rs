//! Limits on sign-in attempts, so a password cannot be guessed at network speed.

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::ApiError;

/// Sign-in attempts allowed per account in a burst; one more is allowed every six seconds.
pub const LOGIN_BURST: u32 = 10;

/// Counts sign-in attempts per (lowercased) email, in memory.
#[derive(Clone)]
pub struct LoginThrottle(Arc<DefaultKeyedRateLimiter<String>>);

impl Default for LoginThrottle {
    fn default() -> Self {
        let burst = NonZeroU32::new(LOGIN_BURST).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::per_minute(burst).allow_burst(burst);
        Self(Arc::new(RateLimiter::keyed(quota)))
    }
}

impl LoginThrottle {
    /// Counts one attempt for `email`; refuses it once the account's budget is spent.
    pub fn attempt(&self, email: &str) -> Result<(), ApiError> {
        self.0.check_key(&email.to_owned()).map_err(|_| {
            ApiError::RateLimited(
                "too many sign-in attempts for this account; wait a minute and try again".into(),
            )
        })
    }
}
