//! The routes under `/api`, and what every one of them checks before its handler runs: the
//! method (405), the `Accept` header (406), a body over the limit (413) and the client's request
//! budget (429). Any other path under `/api` is a JSON 404.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, Accept, Header as _};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Next, from_fn};
use actix_web::{Error, HttpMessage as _, HttpRequest, HttpResponse, ResponseError as _, web};
use tracing_actix_web::RequestId;

use super::error::RestError;
use super::state::RestState;
use super::{articles, kinds, openapi};
use crate::error::ApiError;
use crate::http::caching;
use crate::startup::MAX_BODY_BYTES;

/// Registers `/api` and everything under it.
pub fn routes(config: &mut web::ServiceConfig, state: &RestState) {
    let throttled = state.clone();
    config.service(
        web::scope("/api")
            .app_data(web::Data::new(state.clone()))
            .wrap(from_fn(caching::remember))
            .wrap(from_fn(move |req, next| {
                screen(throttled.clone(), req, next)
            }))
            .service(read_only("/openapi.json", openapi::serve))
            .service(read_only("/articles", articles::list))
            .service(read_only("/articles/{slug}", articles::one))
            .service(read_only("/authors", kinds::list_authors))
            .service(read_only("/authors/{slug}", kinds::get_author))
            .service(read_only("/sources", kinds::list_sources))
            .service(read_only("/sources/{slug}", kinds::get_source))
            .service(read_only("/tags", kinds::list_tags))
            .service(read_only("/tags/{slug}", kinds::get_tag))
            .default_service(web::to(unknown_path)),
    );
}

/// A resource answering GET and HEAD with `handler`, and 405 to every other method.
fn read_only<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .route(web::get().to(handler.clone()))
        .route(web::head().to(handler))
        .default_service(web::to(method_not_allowed))
}

async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    RestError::method_not_allowed(req.method().as_str()).error_response()
}

async fn unknown_path(req: HttpRequest) -> HttpResponse {
    RestError::unknown_path(req.path()).error_response()
}

/// The checks every `/api` request passes before its handler, and the request id added to
/// internal errors, so whoever reports one can be matched to the log.
async fn screen<B: MessageBody + 'static>(
    state: RestState,
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    if let Err(refusal) = admit(&state, &req) {
        return Ok(req.error_response(refusal).map_into_right_body());
    }
    let request_id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let response = next.call(req).await?;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return Ok(response.map_into_left_body());
    }
    let mut refusal = RestError::from(ApiError::Internal);
    if let Some(id) = request_id {
        refusal = refusal.with_request_id(id);
    }
    let (request, _) = response.into_parts();
    Ok(ServiceResponse::new(request, refusal.error_response()).map_into_right_body())
}

/// Whether `req` may reach a handler at all. The budget counts every request; a method the
/// routes do not serve is left for the resource to refuse with `Allow`.
fn admit(state: &RestState, req: &ServiceRequest) -> Result<(), RestError> {
    if let (Some(throttle), Some(peer)) = (state.throttle(), req.peer_addr()) {
        throttle.check(peer.ip())?;
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(RestError::payload_too_large(MAX_BODY_BYTES));
    }
    if matches!(*req.method(), Method::GET | Method::HEAD) && !accepts_json(req) {
        return Err(RestError::not_acceptable());
    }
    Ok(())
}

/// Whether the `Accept` header, if any, allows `application/json`. A header that cannot be
/// read is ignored, as HTTP allows, rather than refusing the request.
fn accepts_json(req: &ServiceRequest) -> bool {
    if !req.headers().contains_key(header::ACCEPT) {
        return true;
    }
    let Ok(accept) = Accept::parse(req) else {
        return true;
    };
    accept.iter().any(|item| {
        let mime = &item.item;
        item.quality > header::Quality::ZERO
            && (mime.type_() == "*"
                || (mime.type_() == "application"
                    && (mime.subtype() == "*" || mime.subtype() == "json")))
    })
}
