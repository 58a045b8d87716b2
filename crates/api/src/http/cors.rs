//! Cross-origin reads and writes from browsers, for the origins in `QUIRE_CORS_ORIGINS`
//! (comma-separated, none by default; `*` allows any origin, which suits a public read-only
//! deployment since no cookie ever authenticates a request).
//!
//! Requests from other origins are served as usual but without CORS headers, so browsers keep
//! their answers from the page; preflights from them are refused. Preflight answers may be kept
//! by the browser for a day (browsers cap this lower), so a page does not pay a round trip
//! before every request.

use actix_cors::Cors;
use actix_web::http::{Method, header};

/// How long a browser may reuse a preflight answer, in seconds.
const PREFLIGHT_MAX_AGE: usize = 24 * 60 * 60;

/// The origins in a comma-separated list, each as a browser sends it (`https://host[:port]`),
/// or `*`; an entry with a path, a query or another scheme is refused so a typo cannot silently
/// leave a frontend locked out.
pub fn parse_origins(list: &str) -> Result<Vec<String>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            if entry == "*" {
                return Ok(entry.to_owned());
            }
            let refused = || {
                format!(
                    "`{entry}` is not an origin: write scheme and host, and a port if not the \
                     default, e.g. https://www.example.com or http://localhost:3000"
                )
            };
            let url = url::Url::parse(entry).map_err(|_| refused())?;
            let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none();
            if !matches!(url.scheme(), "http" | "https") || !bare || !url.username().is_empty() {
                return Err(refused());
            }
            Ok(url.origin().ascii_serialization())
        })
        .collect()
}

/// The CORS middleware for `origins`, as [`parse_origins`] gives them.
pub fn for_origins(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods([Method::GET, Method::HEAD, Method::POST])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_NONE_MATCH,
            header::IF_MODIFIED_SINCE,
        ])
        .expose_headers([
            header::ETAG,
            header::LAST_MODIFIED,
            header::HeaderName::from_static("x-request-id"),
            header::HeaderName::from_static("x-cache"),
        ])
        .max_age(PREFLIGHT_MAX_AGE);
    for origin in origins {
        cors = if origin == "*" {
            cors.allow_any_origin()
        } else {
            cors.allowed_origin(origin)
        };
    }
    cors
}

#[cfg(test)]
mod tests {
    use super::parse_origins;

    #[test]
    fn origins_are_checked_and_normalised() {
        assert_eq!(
            parse_origins(" https://www.example.com , http://localhost:3000,*").unwrap(),
            ["https://www.example.com", "http://localhost:3000", "*"]
        );
        assert_eq!(
            parse_origins("HTTPS://Example.com:443/").unwrap(),
            ["https://example.com"]
        );
        assert_eq!(parse_origins("").unwrap(), Vec::<String>::new());
        for bad in [
            "example.com",
            "https://example.com/app",
            "ftp://example.com",
            "https://a@b.com",
        ] {
            assert!(parse_origins(bad).is_err(), "{bad}");
        }
    }
}
