//! `/api/articles` and `/api/articles/{slug}`: what the viewer may see, newest first, each
//! article with its byline, tags, source, "also read" list and corrections, read in one trip to
//! the database.

use actix_web::{HttpRequest, HttpResponse, web};
use quire_persistence::store::articles::{self, ArticleOrder};

use super::error::RestError;
use super::openapi::{Missing, Refusals};
use super::params::{self, ArticleListParams, SlugPath};
use super::relations::Relations;
use super::reply;
use super::shapes::{ArticleJson, Listing, MovedJson};
use super::state::RestState;

/// The one ordering of the list: newest first.
const ORDER: ArticleOrder = ArticleOrder::PublishedAtDesc;

/// A page of the articles the viewer may see, newest first.
#[utoipa::path(
    get,
    path = "/api/articles",
    operation_id = "listArticles",
    tag = "articles",
    params(ArticleListParams),
    responses(
        (status = 200, description = "A page of articles, newest first.", body = Listing<ArticleJson>),
        Refusals,
    )
)]
pub async fn list(
    req: HttpRequest,
    state: web::Data<RestState>,
) -> Result<HttpResponse, RestError> {
    let params: ArticleListParams = params::query(req.query_string())?;
    let request = params.page().request(ORDER.name())?;
    let filter = params.filter(state.search_language())?;
    let reader = state.reader(&req).await?;
    let (visibility, now) = (reader.visibility, reader.now);
    let (page, mut relations) = state
        .read(move |conn| {
            let page = articles::list(conn, &filter, ORDER, &request, visibility, now)?;
            let relations =
                Relations::read(conn, page.items.iter().map(|(_, a)| a), visibility, now)?;
            Ok((page, relations))
        })
        .await?;
    let next_cursor = page.next_cursor();
    let newest = page.items.iter().map(|(_, a)| a.updated_at).max();
    let data = page
        .items
        .into_iter()
        .map(|(_, article)| relations.shape(article, &reader))
        .collect();
    Ok(reply::ok(&Listing { data, next_cursor }, newest))
}

/// One article the viewer may see, by slug.
///
/// A slug the article had before a rename answers 301 with the path under its current slug,
/// so old links keep working.
#[utoipa::path(
    get,
    path = "/api/articles/{slug}",
    operation_id = "getArticle",
    tag = "articles",
    params(SlugPath),
    responses(
        (status = 200, description = "The article.", body = ArticleJson),
        (
            status = 301,
            description = "Moved Permanently: the slug is one the article had before it was \
                           renamed; `Location` is its path under the current slug. Cached like \
                           the article itself.",
            body = MovedJson,
            headers(("Location" = String, description = "`/api/articles/` and the current slug.")),
        ),
        Missing,
        Refusals,
    )
)]
pub async fn one(req: HttpRequest, state: web::Data<RestState>) -> Result<HttpResponse, RestError> {
    params::none(req.query_string())?;
    let slug = SlugPath::of(&req).checked()?;
    let reader = state.reader(&req).await?;
    let (visibility, now) = (reader.visibility, reader.now);
    let looked_up = slug.clone();
    let (found, mut relations) = state
        .read(move |conn| {
            let found = match articles::by_slug(conn, &looked_up, visibility)? {
                Some(live) => Some(live),
                None => articles::by_previous_slug(conn, &looked_up, visibility)?,
            };
            let served = found.iter().filter(|article| article.slug == looked_up);
            let relations = Relations::read(conn, served, visibility, now)?;
            Ok((found, relations))
        })
        .await?;
    let article = found.ok_or_else(|| RestError::no_such("article", &slug))?;
    let newest = Some(article.updated_at);
    if article.slug != slug {
        return Ok(reply::moved(
            &format!("/api/articles/{}", article.slug),
            newest,
        ));
    }
    Ok(reply::ok(&relations.shape(article, &reader), newest))
}
