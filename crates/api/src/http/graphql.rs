//! `/graphql` over HTTP, as the GraphQL-over-HTTP specification describes it: POST and GET
//! requests (a browser's GET gets the page in [`crate::http::graphiql`]).
//!
//! The response media type is negotiated from `Accept` (module `media`). A POST must be
//! `application/json` (415 otherwise); a request whose parameters are missing or of the wrong
//! type is 400 (module `params`); a mutation over GET is 405 with `Allow: POST`. Under
//! `application/graphql-response+json` a request that never reached execution is 400 with no
//! `data` entry; under `application/json` it is 200, as legacy clients expect. A batch (a JSON
//! array of requests, which the specification does not cover) answers 200 with one response
//! per request, each following the same rule about `data`. The handler
//! attaches the viewer and the request's loaders, and stamps every error with a code (and
//! internal ones with the request id found in the log).

mod media;
mod operation;
mod params;
pub mod persisted;

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpMessage as _, HttpRequest, HttpResponse, web};
use async_graphql::parser::types::OperationType;
use async_graphql::{BatchRequest, Request, Response, ServerError};
use quire_domain::Viewer;
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;
use serde::Serialize;
use serde_json::json;
use tracing_actix_web::RequestId;

use crate::auth::session::Auth;
use crate::error::{ApiError, code};
use crate::graphql::QuireSchema;
use crate::graphql::context::RequestContext;
use crate::graphql::limits::{LimitExceeded, QueryLimits};
use crate::graphql::loaders::Loaders;
use crate::http::cache::ResponseCache;
use crate::http::caching::CachePolicy;

use media::MediaType;
use persisted::PersistedQueries;

/// What the GraphQL routes share.
pub struct GraphqlState {
    /// The executable schema.
    pub schema: QuireSchema,
    /// The schema that says what an operation refused for its cost would have cost.
    pub explaining: QuireSchema,
    /// The database, for per-request loaders.
    pub store: Store,
    /// Token checks.
    pub auth: Auth,
    /// Anonymous responses, when caching is on.
    pub cache: Option<ResponseCache>,
    /// What one request may ask for, checked before the schema runs an operation, which
    /// applies the cost limit itself.
    pub limits: QueryLimits,
    /// Operations known by hash.
    pub persisted: PersistedQueries,
}

/// How the request came: a mutation sent over GET is refused, so a link can never change
/// content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
}

/// `POST /graphql` with a JSON body: one request or a batch.
pub async fn post(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<GraphqlState>,
    id: RequestId,
) -> HttpResponse {
    let media = MediaType::negotiate(&req);
    if !is_json(&req) {
        let error = ApiError::bad_input(
            "content-type",
            "must be application/json: send the GraphQL request as a JSON object",
        );
        return refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, &error, media, id);
    }
    match params::from_body(&body) {
        Ok(batch) => execute(&req, batch, Method::Post, media, &state, id).await,
        Err(error) => refuse(StatusCode::BAD_REQUEST, &error, media, id),
    }
}

/// `GET /graphql`: a query in the URL. Mutations need POST, so a link can never change content.
pub async fn get(req: HttpRequest, state: web::Data<GraphqlState>, id: RequestId) -> HttpResponse {
    let media = MediaType::negotiate(&req);
    let request = match params::from_query_string(req.query_string()) {
        Ok(request) => request,
        Err(error) => return refuse(StatusCode::BAD_REQUEST, &error, media, id),
    };
    let batch = BatchRequest::Single(request);
    execute(&req, batch, Method::Get, media, &state, id).await
}

/// A JSON body in UTF-8, the only request body the specification requires servers to take.
fn is_json(req: &HttpRequest) -> bool {
    req.mime_type().ok().flatten().is_some_and(|mime| {
        mime.essence_str() == "application/json"
            && mime
                .get_param("charset")
                .is_none_or(|charset| charset.as_str().eq_ignore_ascii_case("utf-8"))
    })
}

/// Parses the document once: the request keeps it, and execution uses it as it is.
fn is_mutation(request: &mut Request) -> bool {
    request.parsed_query().is_ok_and(|doc| {
        doc.operations
            .iter()
            .any(|(_, op)| op.node.ty == OperationType::Mutation)
    })
}

async fn execute(
    req: &HttpRequest,
    mut batch: BatchRequest,
    method: Method,
    media: MediaType,
    state: &GraphqlState,
    id: RequestId,
) -> HttpResponse {
    if let BatchRequest::Batch(requests) = &batch
        && requests.len() > state.limits.max_batch
    {
        let exceeded = LimitExceeded::Batch {
            actual: requests.len(),
            maximum: state.limits.max_batch,
        };
        return refuse_with(
            StatusCode::BAD_REQUEST,
            exceeded.to_server_error(),
            media,
            id,
        );
    }
    let header = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let viewer = match state.auth.viewer(header).await {
        Ok(viewer) => viewer,
        Err(error) => return refuse(refusal_status(&error), &error, media, id),
    };
    if matches!(batch, BatchRequest::Batch(_))
        && viewer == Viewer::Anonymous
        && !state.limits.anonymous_batch
    {
        let refusal = LimitExceeded::AnonymousBatch.to_server_error();
        return refuse_with(StatusCode::BAD_REQUEST, refusal, media, id);
    }
    // Texts for hashes first: everything below needs the operation itself. A refusal here never
    // ran, and a CDN must not keep it (the next request may register the text).
    for request in batch.iter_mut() {
        if let Err(mut refusal) = state.persisted.resolve(request, &viewer).await {
            stamp(&mut refusal, id);
            let status = if media == MediaType::GraphqlResponse {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::OK
            };
            let mut response = refuse_with(status, refusal, media, id);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, CachePolicy::refusal());
            return response;
        }
    }
    if method == Method::Get
        && let BatchRequest::Single(request) = &mut batch
        && is_mutation(request)
    {
        let error = ApiError::bad_input("query", "mutations must be sent with POST");
        let mut response = refuse(StatusCode::METHOD_NOT_ALLOWED, &error, media, id);
        response
            .headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return response;
    }
    // Anonymous single requests may be answered from, and fill, the response cache. It is keyed
    // for anonymous readers only: an answer given to an API token or a user never enters it.
    let cacheable = match (&state.cache, &mut batch, viewer) {
        (Some(cache), BatchRequest::Single(request), Viewer::Anonymous) => {
            let generation = state.store.generation();
            let key = ResponseCache::key(request);
            if let Some(answer) = cache.get(&key, generation) {
                let (body, coding) = answer.encoded_for(req);
                let mut response = reply(StatusCode::OK, media, id, "hit", body);
                answer.declare(response.headers_mut(), coding);
                return response;
            }
            (!is_mutation(request)).then_some((cache, key, generation))
        }
        _ => None,
    };
    let now = quire_domain::time::now();
    let visibility = Visibility::for_viewer(&viewer, now);
    let attach = |request: Request| {
        request
            .data(RequestContext { viewer, now })
            .data(Loaders::new(&state.store, visibility, now))
    };
    let (body, status, clean) = match batch {
        BatchRequest::Single(request) => {
            let (mut response, ran) = operation::run(state, attach(request)).await;
            response.errors.iter_mut().for_each(|e| stamp(e, id));
            let status = if !ran && media == MediaType::GraphqlResponse {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::OK
            };
            let clean = response.errors.is_empty();
            (
                serde_json::to_vec(&Outcome::of(&response, ran)),
                status,
                clean,
            )
        }
        BatchRequest::Batch(requests) => {
            let mut responses = Vec::with_capacity(requests.len());
            for request in requests {
                responses.push(operation::run(state, attach(request)).await);
            }
            responses
                .iter_mut()
                .flat_map(|(r, _)| r.errors.iter_mut())
                .for_each(|e| stamp(e, id));
            let outcomes: Vec<Outcome<'_>> = responses
                .iter()
                .map(|(response, ran)| Outcome::of(response, *ran))
                .collect();
            (serde_json::to_vec(&outcomes), StatusCode::OK, false)
        }
    };
    let body = match body {
        Ok(body) => Bytes::from(body),
        Err(error) => {
            let error = ApiError::internal(&error);
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, &error, media, id);
        }
    };
    match cacheable {
        Some((cache, key, generation)) if clean => {
            let answer = cache.put(key, generation, body.clone(), Vec::new());
            let mut response = reply(status, media, id, "miss", body);
            answer.declare(response.headers_mut(), None);
            response
        }
        _ => {
            let mut response = reply(status, media, id, "off", body);
            if !clean {
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, CachePolicy::refusal());
            }
            response
        }
    }
}

/// The status of a request whose credentials could not be checked: 401 when they are refused,
/// 503 or 500 when the database could not be asked about an API token, so a client retries
/// rather than discarding a token that still works.
fn refusal_status(error: &ApiError) -> StatusCode {
    match error {
        ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNAUTHORIZED,
    }
}

/// One GraphQL response as sent: `data` only when the operation ran, since a request refused
/// before execution has no data at all (not even `null`).
#[derive(Serialize)]
struct Outcome<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a async_graphql::Value>,
    #[serde(skip_serializing_if = "<[ServerError]>::is_empty")]
    errors: &'a [ServerError],
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    extensions: &'a std::collections::BTreeMap<String, async_graphql::Value>,
}

impl<'a> Outcome<'a> {
    fn of(response: &'a Response, executed: bool) -> Self {
        Self {
            data: executed.then_some(&response.data),
            errors: &response.errors,
            extensions: &response.extensions,
        }
    }
}

/// A GraphQL response with the request id, and whether the response cache answered it
/// (`x-cache: hit`, `miss` when it now holds the answer, `off` when it may not).
fn reply(
    status: StatusCode,
    media: MediaType,
    id: RequestId,
    cache: &'static str,
    body: Bytes,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(("x-request-id", id.to_string()))
        .insert_header(("x-cache", cache))
        .content_type(media.content_type())
        .body(body)
}

/// Gives every error a code. Errors raised before any resolver ran (syntax, unknown fields,
/// wrong variable types, limits) are the client's to fix, so they are `BAD_USER_INPUT`.
fn stamp(error: &mut ServerError, id: RequestId) {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code::BAD_USER_INPUT);
    }
    if extensions.get("code") == Some(&async_graphql::Value::from(code::INTERNAL)) {
        extensions.set("requestId", id.to_string());
    }
}

/// A request refused before execution with `error`.
fn refuse(status: StatusCode, error: &ApiError, media: MediaType, id: RequestId) -> HttpResponse {
    let error = async_graphql::Error::from(error.clone());
    let mut refusal = ServerError::new(error.message, None);
    refusal.extensions = error.extensions;
    stamp(&mut refusal, id);
    refuse_with(status, refusal, media, id)
}

/// A request refused before execution: a GraphQL response with one error and no `data`.
fn refuse_with(
    status: StatusCode,
    error: ServerError,
    media: MediaType,
    id: RequestId,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(("x-request-id", id.to_string()))
        .content_type(media.content_type())
        .body(json!({ "errors": [error] }).to_string())
}
