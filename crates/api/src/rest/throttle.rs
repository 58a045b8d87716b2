//! A request budget per client address for `/api` (`QUIRE_API_RATE_LIMIT` requests a minute).
//!
//! Off by default: behind a CDN or a reverse proxy every reader arrives from a handful of
//! addresses, and a per-address limit would throttle the whole audience at once. Turn it on when
//! clients reach Quire directly.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::error::RestError;

/// Counts requests per client address, in memory, shared by every worker.
#[derive(Clone)]
pub struct ClientThrottle {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    per_minute: u32,
}

impl ClientThrottle {
    /// A budget of `per_minute` requests a minute, all of which may come in one burst; `None`
    /// for 0, which means no limit.
    pub fn per_minute(per_minute: u32) -> Option<Self> {
        let burst = NonZeroU32::new(per_minute)?;
        let quota = Quota::per_minute(burst).allow_burst(burst);
        Some(Self {
            limiter: Arc::new(RateLimiter::keyed(quota)),
            per_minute,
        })
    }

    /// Counts one request from `client`; refuses it once the address's budget is spent.
    pub fn check(&self, client: IpAddr) -> Result<(), RestError> {
        self.limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            RestError::rate_limited(self.per_minute, secs.max(1))
        })
    }
}
