//! `/graphql` over HTTP: POST and GET requests, GraphiQL for browsers.
//!
//! The handler parses the body itself so that malformed JSON gets a GraphQL-shaped error with
//! `extensions.code` like every other failure, attaches the viewer and the request's loaders,
//! and stamps every error with a code (and internal ones with the request id found in the log).

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::OperationType;
use async_graphql::{BatchRequest, BatchResponse, Request, ServerError};
use quire_domain::Viewer;
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;
use serde_json::json;
use tracing_actix_web::RequestId;

use crate::auth::session::Auth;
use crate::error::{ApiError, code};
use crate::graphql::QuireSchema;
use crate::graphql::context::RequestContext;
use crate::graphql::limits::{LimitExceeded, QueryLimits};
use crate::graphql::loaders::Loaders;
use crate::http::cache::ResponseCache;

/// What the GraphQL routes share.
pub struct GraphqlState {
    /// The executable schema.
    pub schema: QuireSchema,
    /// The database, for per-request loaders.
    pub store: Store,
    /// Token checks.
    pub auth: Auth,
    /// Anonymous responses, when caching is on.
    pub cache: Option<ResponseCache>,
    /// What one request may ask for; the schema applies the per-operation limits, the handler
    /// the batch limits.
    pub limits: QueryLimits,
}

/// `POST /graphql` with a JSON body: one request or a batch.
pub async fn post(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<GraphqlState>,
    id: RequestId,
) -> HttpResponse {
    match serde_json::from_slice::<BatchRequest>(&body) {
        Ok(batch) => execute(&req, batch, &state, id).await,
        Err(error) => refuse(
            StatusCode::BAD_REQUEST,
            &ApiError::bad_input(
                "body",
                format!("is not a GraphQL request in JSON ({error})"),
            ),
            id,
        ),
    }
}

/// `GET /graphql`: GraphiQL for a browser, otherwise a query in the URL. Mutations need POST,
/// so a link can never change content.
pub async fn get(req: HttpRequest, state: web::Data<GraphqlState>, id: RequestId) -> HttpResponse {
    if req.query_string().is_empty() && wants_html(&req) {
        let page = GraphiQLSource::build()
            .endpoint("/graphql")
            .title("Quire GraphiQL")
            .finish();
        return HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(page);
    }
    let request = match async_graphql::http::parse_query_string(req.query_string()) {
        Ok(request) => request,
        Err(error) => {
            let error = ApiError::bad_input(
                "query",
                format!("the URL holds no valid GraphQL request ({error})"),
            );
            return refuse(StatusCode::BAD_REQUEST, &error, id);
        }
    };
    if is_mutation(&request) {
        let error = ApiError::bad_input("query", "mutations must be sent with POST");
        return refuse(StatusCode::METHOD_NOT_ALLOWED, &error, id);
    }
    execute(&req, BatchRequest::Single(request), &state, id).await
}

fn wants_html(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

fn is_mutation(request: &Request) -> bool {
    async_graphql::parser::parse_query(&request.query).is_ok_and(|doc| {
        doc.operations
            .iter()
            .any(|(_, op)| op.node.ty == OperationType::Mutation)
    })
}

async fn execute(
    req: &HttpRequest,
    batch: BatchRequest,
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
        return refuse_limit(&exceeded, id);
    }
    let header = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let viewer = match state.auth.viewer(header) {
        Ok(viewer) => viewer,
        Err(error) => return refuse(StatusCode::UNAUTHORIZED, &error, id),
    };
    if matches!(batch, BatchRequest::Batch(_))
        && viewer == Viewer::Anonymous
        && !state.limits.anonymous_batch
    {
        return refuse_limit(&LimitExceeded::AnonymousBatch, id);
    }
    // Anonymous single requests may be answered from, and fill, the response cache.
    let cacheable = match (&state.cache, &batch, viewer) {
        (Some(cache), BatchRequest::Single(request), Viewer::Anonymous) => {
            let generation = state.store.generation();
            let key = ResponseCache::key(request);
            if let Some(body) = cache.get(&key, generation) {
                return json_response(id, "hit", body);
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
            .data(Loaders::new(&state.store, visibility))
    };
    let batch = match batch {
        BatchRequest::Single(request) => BatchRequest::Single(attach(request)),
        BatchRequest::Batch(requests) => {
            BatchRequest::Batch(requests.into_iter().map(attach).collect())
        }
    };
    let mut response = state.schema.execute_batch(batch).await;
    match &mut response {
        BatchResponse::Single(r) => r.errors.iter_mut().for_each(|e| stamp(e, id)),
        BatchResponse::Batch(rs) => rs
            .iter_mut()
            .flat_map(|r| r.errors.iter_mut())
            .for_each(|e| stamp(e, id)),
    }
    let body = match serde_json::to_vec(&response) {
        Ok(body) => Bytes::from(body),
        Err(error) => {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &ApiError::internal(&error),
                id,
            );
        }
    };
    let clean = matches!(&response, BatchResponse::Single(r) if r.errors.is_empty());
    match cacheable {
        Some((cache, key, generation)) if clean => {
            cache.put(key, generation, body.clone());
            json_response(id, "miss", body)
        }
        _ => json_response(id, "off", body),
    }
}

/// A JSON body with the request id, and whether the response cache answered it
/// (`x-cache: hit`, `miss` when it now holds the answer, `off` when it may not).
fn json_response(id: RequestId, cache: &'static str, body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("x-request-id", id.to_string()))
        .insert_header(("x-cache", cache))
        .content_type("application/json")
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

/// A request over one of the batch limits, refused before anything ran.
fn refuse_limit(exceeded: &LimitExceeded, id: RequestId) -> HttpResponse {
    HttpResponse::BadRequest()
        .insert_header(("x-request-id", id.to_string()))
        .json(json!({ "errors": [exceeded.to_server_error()] }))
}

fn refuse(status: StatusCode, error: &ApiError, id: RequestId) -> HttpResponse {
    let mut extensions = json!({ "code": error.code() });
    if let ApiError::BadInput { fields, .. } = error {
        extensions["fields"] = json!(fields.iter().map(|f| f.field.clone()).collect::<Vec<_>>());
    }
    HttpResponse::build(status)
        .insert_header(("x-request-id", id.to_string()))
        .json(json!({ "errors": [{ "message": error.message(), "extensions": extensions }] }))
}
