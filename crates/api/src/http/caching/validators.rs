//! Validators: the entity tag of a body, and whether a request's conditions say the client
//! already holds it.
//!
//! Tags are strong: a digest of the exact bytes. The compression layer suffixes a tag with the
//! content coding of a compressed body (`"…-br"`), since a strong tag names one exact
//! representation; [`Conditions::matches`] strips such a suffix, so a client holding the
//! compressed body still gets its 304.

use std::time::SystemTime;

use actix_web::HttpMessage;
use actix_web::http::header::{
    self, EntityTag, Header as _, HttpDate, IfModifiedSince, IfNoneMatch,
};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest as _, Sha256};

/// Content codings the compression layer may add to a tag.
pub const CODING_SUFFIXES: [&str; 4] = ["br", "gzip", "deflate", "zstd"];

/// The strong entity tag of `body`: 128 bits of its SHA-256, enough that two bodies never share
/// one by chance.
pub fn entity_tag(body: &[u8]) -> EntityTag {
    let digest = Sha256::digest(body);
    EntityTag::new_strong(URL_SAFE_NO_PAD.encode(&digest[..16]))
}

/// The conditional headers of a request, read before the request is handed on.
#[derive(Debug, Default)]
pub struct Conditions {
    if_none_match: Option<IfNoneMatch>,
    if_modified_since: Option<SystemTime>,
}

impl Conditions {
    /// The conditions `request` carries; malformed ones are ignored, as HTTP asks.
    pub fn of(request: &impl HttpMessage) -> Self {
        Self {
            // Parsing a list header that is absent gives an empty list, not nothing.
            if_none_match: request
                .headers()
                .contains_key(header::IF_NONE_MATCH)
                .then(|| IfNoneMatch::parse(request).ok())
                .flatten(),
            if_modified_since: IfModifiedSince::parse(request)
                .ok()
                .map(|since| SystemTime::from(since.0)),
        }
    }

    /// The tag the client holds that still names `current`, when the body has not changed:
    /// the 304 answer carries it. `If-None-Match` wins over `If-Modified-Since` when both are
    /// sent, and the date is compared only when the answer has one.
    pub fn matches(
        &self,
        current: &EntityTag,
        last_modified: Option<SystemTime>,
    ) -> Option<EntityTag> {
        match &self.if_none_match {
            Some(IfNoneMatch::Any) => Some(current.clone()),
            Some(IfNoneMatch::Items(held)) => held
                .iter()
                .find(|tag| without_coding(tag).weak_eq(current))
                .cloned(),
            None => {
                let since = self.if_modified_since?;
                (last_modified? <= since).then(|| current.clone())
            }
        }
    }
}

/// `tag` without the content-coding suffix the compression layer adds.
fn without_coding(tag: &EntityTag) -> EntityTag {
    let base = CODING_SUFFIXES
        .iter()
        .find_map(|coding| tag.tag().strip_suffix(&format!("-{coding}")))
        .unwrap_or(tag.tag());
    EntityTag::new(tag.weak, base.to_owned())
}

/// The `Last-Modified` instant a response declares, if it declares a valid one.
pub fn last_modified(headers: &header::HeaderMap) -> Option<SystemTime> {
    let value = headers.get(header::LAST_MODIFIED)?.to_str().ok()?;
    value.parse::<HttpDate>().ok().map(SystemTime::from)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use actix_web::test::TestRequest;

    use super::*;

    fn conditions(headers: &[(&str, &str)]) -> Conditions {
        let mut request = TestRequest::get();
        for header in headers {
            request = request.insert_header(*header);
        }
        Conditions::of(&request.to_http_request())
    }

    #[test]
    fn tags_follow_the_bytes() {
        assert_eq!(entity_tag(b"one"), entity_tag(b"one"));
        assert_ne!(entity_tag(b"one"), entity_tag(b"two"));
        assert!(!entity_tag(b"one").weak);
    }

    #[test]
    fn if_none_match_finds_the_held_tag_with_or_without_a_coding() {
        let current = entity_tag(b"body");
        let plain = format!("\"{}\"", current.tag());
        let compressed = format!("\"{}-br\"", current.tag());
        let weak_too = format!("\"other\", W/{plain}");
        for held in [plain.as_str(), compressed.as_str(), weak_too.as_str(), "*"] {
            let found = conditions(&[("if-none-match", held)]).matches(&current, None);
            assert!(found.is_some(), "{held}");
        }
        let stale = conditions(&[("if-none-match", "\"other\", \"another-gzip\"")]);
        assert_eq!(stale.matches(&current, None), None);
        let echoed = conditions(&[("if-none-match", &compressed)]).matches(&current, None);
        assert_eq!(
            echoed.map(|tag| tag.tag().to_owned()),
            Some(format!("{}-br", current.tag()))
        );
    }

    #[test]
    fn if_modified_since_counts_only_without_if_none_match() {
        let current = entity_tag(b"body");
        let changed = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let date = HttpDate::from(changed).to_string();
        let later = HttpDate::from(changed + Duration::from_secs(60)).to_string();
        let earlier = HttpDate::from(changed - Duration::from_secs(60)).to_string();
        let at = |since: &str| conditions(&[("if-modified-since", since)]);
        assert!(at(&date).matches(&current, Some(changed)).is_some());
        assert!(at(&later).matches(&current, Some(changed)).is_some());
        assert!(at(&earlier).matches(&current, Some(changed)).is_none());
        assert!(
            at(&date).matches(&current, None).is_none(),
            "no date to compare"
        );
        let both = conditions(&[
            ("if-modified-since", &later),
            ("if-none-match", "\"other\""),
        ]);
        assert!(
            both.matches(&current, Some(changed)).is_none(),
            "the tag decides"
        );
    }
}
