//! Feeds and sitemaps: what RSS readers, aggregators and search engines read instead of GraphQL.
//!
//! - `/feeds/articles.atom`, `.rss` and `.json` (Atom, RSS 2.0, JSON Feed 1.1): the 50 newest
//!   articles with their full HTML, and the same per tag, author and source at
//!   `/feeds/{tags|authors|sources}/{slug}.{atom|rss|json}`;
//! - `/sitemap.xml` (an index of `/sitemaps/articles-{n}.xml` past
//!   `QUIRE_SITEMAP_URLS_PER_FILE` articles) and `/sitemap-news.xml` (the last 48 hours).
//!
//! Links are absolute, under `QUIRE_PUBLIC_URL` (see [`links`]). Visibility is the viewer's, as
//! everywhere: anonymous readers find published articles only.

mod atom;
mod channel;
mod failure;
mod handlers;
mod items;
mod json_feed;
pub mod links;
mod news_sitemap;
mod rss;
pub mod settings;
mod sitemap;

use actix_web::{Route, guard, web};

pub use handlers::Syndication;

/// Registers the feed and sitemap routes, sharing `state`.
pub fn routes(config: &mut web::ServiceConfig, state: web::Data<Syndication>) {
    config
        .app_data(state)
        .route(
            "/feeds/articles.{format}",
            get_or_head(handlers::all_articles),
        )
        .route("/feeds/{kind}/{file}", get_or_head(handlers::articles_of))
        .route("/sitemap.xml", get_or_head(handlers::sitemap_root))
        .route(
            "/sitemaps/articles-{number}.xml",
            get_or_head(handlers::sitemap_file),
        )
        .route("/sitemap-news.xml", get_or_head(handlers::news));
}

/// A route answering GET and HEAD; actix leaves the body out of the HEAD answer itself.
fn get_or_head<F, Args>(handler: F) -> Route
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::route()
        .guard(guard::Any(guard::Get()).or(guard::Head()))
        .to(handler)
}
