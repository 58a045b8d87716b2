//! What `/api/authors`, `/api/sources` and `/api/tags` share: an alphabetical page and one item
//! by slug, for any kind of named thing a [`NamedKind`] describes.

use actix_web::{HttpRequest, HttpResponse, web};
use quire_persistence::store::articles::Visibility;
use quire_persistence::{DbConn, Page, PageRequest, StoreError};
use serde::Serialize;

use super::error::RestError;
use super::params::{self, PageParams, SlugPath};
use super::reply;
use super::shapes::Listing;
use super::state::RestState;

/// A kind of named thing (author, source, tag) as the REST API serves it.
pub trait NamedKind: 'static {
    /// The stored thing.
    type Item: Send + 'static;
    /// What is read besides the items for the whole answer, such as tag counts.
    type Extra: Send + 'static;
    /// The thing as the API shows it.
    type Json: Serialize;

    /// The kind's name in messages, such as "author".
    const WHAT: &'static str;
    /// The ordering name the list's cursors carry.
    const ORDERING: &'static str;

    /// One alphabetical page.
    fn page(conn: &mut DbConn, request: &PageRequest) -> Result<Page<Self::Item>, StoreError>;
    /// One by slug.
    fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Self::Item>, StoreError>;
    /// What the answer adds to `items`, on the same connection.
    fn extra(
        conn: &mut DbConn,
        items: &[&Self::Item],
        visibility: Visibility,
    ) -> Result<Self::Extra, StoreError>;
    /// The item as the API shows it.
    fn shape(item: Self::Item, extra: &Self::Extra) -> Self::Json;
}

/// An alphabetical page of `K`.
pub async fn list<K: NamedKind>(
    req: HttpRequest,
    state: web::Data<RestState>,
) -> Result<HttpResponse, RestError> {
    let params: PageParams = params::query(req.query_string())?;
    let request = params.request(K::ORDERING)?;
    let visibility = state.reader(&req).await?.visibility;
    let (page, extra) = state
        .read(move |conn| {
            let page = K::page(conn, &request)?;
            let items: Vec<&K::Item> = page.items.iter().map(|(_, item)| item).collect();
            let extra = K::extra(conn, &items, visibility)?;
            Ok((page, extra))
        })
        .await?;
    let next_cursor = page.next_cursor();
    let data = page
        .items
        .into_iter()
        .map(|(_, item)| K::shape(item, &extra))
        .collect();
    Ok(reply::ok(&Listing { data, next_cursor }, None))
}

/// One `K` by slug.
pub async fn one<K: NamedKind>(
    req: HttpRequest,
    state: web::Data<RestState>,
) -> Result<HttpResponse, RestError> {
    params::none(req.query_string())?;
    let slug = SlugPath::of(&req).checked()?;
    let visibility = state.reader(&req).await?.visibility;
    let looked_up = slug.clone();
    let (found, extra) = state
        .read(move |conn| {
            let found = K::by_slug(conn, &looked_up)?;
            let extra = K::extra(conn, &found.iter().collect::<Vec<_>>(), visibility)?;
            Ok((found, extra))
        })
        .await?;
    let item = found.ok_or_else(|| RestError::no_such(K::WHAT, &slug))?;
    Ok(reply::ok(&K::shape(item, &extra), None))
}

/// Declares the two documented routes of one named kind, both served by the shared code above.
macro_rules! named_routes {
    (
        $kind:ident, $json:ident, $tag:tt, $list_path:tt, $one_path:tt,
        $list:ident = $list_id:tt, $one:ident = $one_id:tt, $what:tt
    ) => {
        #[doc = concat!("An alphabetical page of ", $tag, ".")]
        #[utoipa::path(
            get,
            path = $list_path,
            operation_id = $list_id,
            tag = $tag,
            params($crate::rest::params::PageParams),
            responses(
                (status = 200, description = "A page, alphabetical by name.", body = $crate::rest::shapes::Listing<$json>),
                $crate::rest::openapi::Refusals,
            )
        )]
        pub async fn $list(
            req: actix_web::HttpRequest,
            state: actix_web::web::Data<$crate::rest::state::RestState>,
        ) -> Result<actix_web::HttpResponse, $crate::rest::error::RestError> {
            $crate::rest::named::list::<$kind>(req, state).await
        }

        #[doc = concat!("One ", $what, " by slug.")]
        #[utoipa::path(
            get,
            path = $one_path,
            operation_id = $one_id,
            tag = $tag,
            params($crate::rest::params::SlugPath),
            responses(
                (status = 200, description = "The item.", body = $json),
                $crate::rest::openapi::Missing,
                $crate::rest::openapi::Refusals,
            )
        )]
        pub async fn $one(
            req: actix_web::HttpRequest,
            state: actix_web::web::Data<$crate::rest::state::RestState>,
        ) -> Result<actix_web::HttpResponse, $crate::rest::error::RestError> {
            $crate::rest::named::one::<$kind>(req, state).await
        }
    };
}

pub(crate) use named_routes;
