//! The response media type, negotiated from `Accept` as the GraphQL-over-HTTP specification
//! describes.
//!
//! `application/graphql-response+json` is the specification's own type: under it a request
//! that never reached execution (unparsable, invalid, variables that do not fit) answers 400 and
//! has no `data` entry, so HTTP tools see the failure. `application/json` is kept for legacy
//! clients: every GraphQL response is 200 there, and it is the answer to `*/*`, to
//! `application/*` and to a request without `Accept`.

use actix_web::HttpRequest;
use actix_web::http::header::{self, Header as _, Quality};

/// The two media types a GraphQL response can be sent as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    /// `application/graphql-response+json`.
    GraphqlResponse,
    /// `application/json`, for clients that do not know the newer type.
    Json,
}

impl MediaType {
    /// The `content-type` value, always UTF-8.
    pub fn content_type(self) -> &'static str {
        match self {
            MediaType::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            MediaType::Json => "application/json; charset=utf-8",
        }
    }

    /// The type the client prefers: the accepted one with the highest quality, the
    /// specification's own type on a tie, `application/json` when nothing usable is accepted.
    pub fn negotiate(req: &HttpRequest) -> Self {
        let Ok(accept) = header::Accept::parse(req) else {
            return MediaType::Json;
        };
        let mut best: Option<(Quality, MediaType)> = None;
        for item in accept.iter().filter(|item| item.quality > Quality::ZERO) {
            let candidate = match item.item.essence_str() {
                "application/graphql-response+json" => MediaType::GraphqlResponse,
                "application/json" | "application/*" | "*/*" => MediaType::Json,
                _ => continue,
            };
            let better = best.is_none_or(|(quality, chosen)| {
                item.quality > quality
                    || (item.quality == quality
                        && candidate == MediaType::GraphqlResponse
                        && chosen == MediaType::Json)
            });
            if better {
                best = Some((item.quality, candidate));
            }
        }
        best.map_or(MediaType::Json, |(_, chosen)| chosen)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::MediaType;

    fn negotiate(accept: Option<&str>) -> MediaType {
        let mut request = TestRequest::default();
        if let Some(accept) = accept {
            request = request.insert_header(("accept", accept));
        }
        MediaType::negotiate(&request.to_http_request())
    }

    #[test]
    fn the_specification_type_when_asked_for_and_json_otherwise() {
        use MediaType::{GraphqlResponse, Json};
        assert_eq!(negotiate(None), Json);
        assert_eq!(negotiate(Some("*/*")), Json);
        assert_eq!(negotiate(Some("application/json")), Json);
        assert_eq!(negotiate(Some("text/html")), Json);
        assert_eq!(
            negotiate(Some("application/graphql-response+json")),
            GraphqlResponse
        );
        assert_eq!(
            negotiate(Some(
                "application/graphql-response+json, application/json;q=0.9"
            )),
            GraphqlResponse
        );
        assert_eq!(
            negotiate(Some(
                "application/json, application/graphql-response+json;q=0.5"
            )),
            Json
        );
        assert_eq!(
            negotiate(Some("application/graphql-response+json, */*")),
            GraphqlResponse
        );
        assert_eq!(
            negotiate(Some("application/graphql-response+json;q=0, */*")),
            Json
        );
    }
}
