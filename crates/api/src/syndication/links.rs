//! The absolute addresses feeds and sitemaps link to. Quire serves no pages itself; these are
//! the paths a frontend is expected to serve them at (documented in the README):
//! `{base}/articles/{slug}`, `{base}/tags/{slug}`, `{base}/authors/{slug}` and
//! `{base}/sources/{slug}`, where `{base}` is `QUIRE_PUBLIC_URL`.

use actix_web::HttpRequest;

use super::settings::PublicUrl;
use crate::error::ApiError;

/// Absolute addresses under one base.
#[derive(Debug, Clone)]
pub struct Links {
    base: PublicUrl,
}

impl Links {
    /// Links under `configured`, or else under the scheme and host the request came in on,
    /// which is right for a server reached directly but not always behind a proxy.
    pub fn for_request(
        configured: Option<&PublicUrl>,
        req: &HttpRequest,
    ) -> Result<Self, ApiError> {
        if let Some(base) = configured {
            return Ok(Self { base: base.clone() });
        }
        let info = req.connection_info();
        let base =
            PublicUrl::parse(&format!("{}://{}", info.scheme(), info.host())).map_err(|_| {
                ApiError::bad_input(
                    "host",
                    "the Host header is not a host name, so no link can be made; send a valid Host \
                 or set QUIRE_PUBLIC_URL",
                )
            })?;
        Ok(Self { base })
    }

    /// The site's home page.
    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    /// A path of this server, such as `/feeds/articles.atom`, made absolute.
    pub fn path(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// An article's page.
    pub fn article(&self, slug: &str) -> String {
        self.page("articles", slug)
    }

    /// A tag's page.
    pub fn tag(&self, slug: &str) -> String {
        self.page("tags", slug)
    }

    /// An author's page.
    pub fn author(&self, slug: &str) -> String {
        self.page("authors", slug)
    }

    /// A source's page.
    pub fn source(&self, slug: &str) -> String {
        self.page("sources", slug)
    }

    /// Slugs are lowercase letters, digits and hyphens by construction, so they need no
    /// escaping in a path.
    fn page(&self, kind: &str, slug: &str) -> String {
        format!("{}/{kind}/{slug}", self.base)
    }
}
