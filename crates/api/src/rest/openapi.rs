//! The OpenAPI 3.1 document of the REST API, generated from the handlers and JSON types so it
//! cannot drift from what is served; checked in as `openapi.json` and served at
//! `/api/openapi.json`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use actix_web::HttpResponse;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, OpenApi};

use super::error::{ErrorBody, ErrorDetail};
use super::shapes::{
    ArticleJson, ArticleSummaryJson, AuthorJson, CorrectionJson, CountedTagJson, MovedJson,
    SourceJson, StatusJson, TagJson,
};
use super::{articles, kinds};

/// The document's root.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Quire content API",
        description = "Read-only JSON over the published content of a Quire newsroom: articles \
                       with their authors, tags, sources and related articles. Anonymous callers \
                       see published content only; a bearer token sees what the same token sees \
                       through GraphQL. Lists are pages of `data` with a `nextCursor` to pass back \
                       as `cursor`. Every route answers GET and HEAD."
    ),
    paths(
        articles::list,
        articles::one,
        kinds::list_authors,
        kinds::get_author,
        kinds::list_sources,
        kinds::get_source,
        kinds::list_tags,
        kinds::get_tag,
    ),
    components(schemas(
        ArticleJson,
        ArticleSummaryJson,
        CorrectionJson,
        AuthorJson,
        SourceJson,
        TagJson,
        CountedTagJson,
        StatusJson,
        MovedJson,
        ErrorBody,
        ErrorDetail,
    )),
    tags(
        (name = "articles", description = "Editorial content, newest first."),
        (name = "authors", description = "People credited on articles."),
        (name = "sources", description = "Publications articles come from."),
        (name = "tags", description = "Topic labels."),
    )
)]
struct ApiDoc;

/// The document as pretty JSON with a final line feed, as `quire openapi` prints it.
pub fn document() -> String {
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    json.push('\n');
    json
}

/// The document, built once.
static DOCUMENT: LazyLock<String> = LazyLock::new(document);

/// `GET /api/openapi.json`.
pub async fn serve() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(DOCUMENT.as_str())
}

/// A response whose body is the `Error` schema.
fn error_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Error")))
                .build(),
        )
        .build()
        .into()
}

/// The answers every route can give besides its own: the 304 of a request whose
/// `If-None-Match` names the current `ETag` (or whose `If-Modified-Since` is not older than
/// `Last-Modified`), and the refusals.
pub struct Refusals;

impl IntoResponses for Refusals {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let not_modified = ResponseBuilder::new()
            .description(
                "Not Modified: the copy the client holds (If-None-Match, If-Modified-Since) is \
                 current; no body.",
            )
            .build()
            .into();
        let refusals = [
            ("400", "BAD_USER_INPUT: a parameter is unknown, repeated or out of bounds; `fields` names it."),
            ("401", "UNAUTHENTICATED: an Authorization header is present but is not a valid bearer token."),
            ("406", "NOT_ACCEPTABLE: the Accept header rules out application/json."),
            ("413", "PAYLOAD_TOO_LARGE: the request carries a body over the server's limit."),
            ("429", "RATE_LIMITED: this address spent its budget (`QUIRE_API_RATE_LIMIT`); see Retry-After."),
            ("431", "BAD_USER_INPUT: the request headers exceed `QUIRE_MAX_HEADER_BYTES`; `fields` names `headers`."),
            ("500", "INTERNAL: the server failed; quote `requestId` when reporting it."),
            ("503", "UNAVAILABLE: the database cannot be reached just now; try again shortly."),
        ]
        .into_iter()
        .map(|(status, description)| (status.to_owned(), error_response(description)));
        refusals.chain([("304".to_owned(), not_modified)]).collect()
    }
}

/// The refusal of single items: nothing the viewer may see has the slug.
pub struct Missing;

impl IntoResponses for Missing {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([(
            "404".to_owned(),
            error_response("NOT_FOUND: nothing the viewer may see has this slug."),
        )])
    }
}
