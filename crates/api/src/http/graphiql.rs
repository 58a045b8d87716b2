//! The GraphiQL page, answered on `GET /graphql` to a browser (a request that accepts
//! `text/html` and carries no query string).
//!
//! Editors paste their tokens into this page, so it runs nothing it did not ship with: React,
//! React DOM and GraphiQL are production builds of exact versions compiled into the binary
//! (see `crates/api/assets/graphiql/README.md`) and served under `/graphiql/assets/`; every
//! script and stylesheet carries its Subresource Integrity hash, and a
//! `content-security-policy` allows scripts, styles and requests from this origin only.
//!
//! `QUIRE_GRAPHIQL=false` (`--graphiql false`) turns the page and its assets off; a browser's
//! `GET /graphql` is then an ordinary GraphQL GET request without a query, answered 400.

use actix_web::http::header;
use actix_web::{HttpResponse, guard, web};

/// The policy for the page: scripts, styles, fonts and requests from this origin only.
/// Inline styles stay allowed because GraphiQL's dialogs insert a `<style>` element.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Where the assets are served.
const ASSET_PATH: &str = "/graphiql/assets";

/// A file the page loads, with its Subresource Integrity hash.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    integrity: &'static str,
    bytes: &'static [u8],
}

const REACT: Asset = Asset {
    name: "react-18.3.1.production.min.js",
    content_type: "text/javascript; charset=utf-8",
    integrity: "sha384-DGyLxAyjq0f9SPpVevD6IgztCFlnMF6oW/XQGmfe+IsZ8TqEiDrcHkMLKI6fiB/Z",
    bytes: include_bytes!("../../assets/graphiql/react-18.3.1.production.min.js"),
};

const REACT_DOM: Asset = Asset {
    name: "react-dom-18.3.1.production.min.js",
    content_type: "text/javascript; charset=utf-8",
    integrity: "sha384-gTGxhz21lVGYNMcdJOyq01Edg0jhn/c22nsx0kyqP0TxaV5WVdsSH1fSDUf5YJj1",
    bytes: include_bytes!("../../assets/graphiql/react-dom-18.3.1.production.min.js"),
};

const GRAPHIQL: Asset = Asset {
    name: "graphiql-4.1.2.min.js",
    content_type: "text/javascript; charset=utf-8",
    integrity: "sha384-9XdHu7ajgGJziD4J1zNBKQ842Q/+zZfDv+ib1eMhZWBH6hPAs806x+Jbcf0yNO6B",
    bytes: include_bytes!("../../assets/graphiql/graphiql-4.1.2.min.js"),
};

const GRAPHIQL_CSS: Asset = Asset {
    name: "graphiql-4.1.2.min.css",
    content_type: "text/css; charset=utf-8",
    integrity: "sha384-1el1QShFBnnXTx9x/Cprg82hZWKt0ry29OAYIXt05swbi0KcZDFoj0CWguMpopJr",
    bytes: include_bytes!("../../assets/graphiql/graphiql-4.1.2.min.css"),
};

/// Quire's own script that mounts GraphiQL; it changes with Quire, so it is revalidated.
const INIT: Asset = Asset {
    name: "init.js",
    content_type: "text/javascript; charset=utf-8",
    integrity: "sha384-EksSNjHfgFYXHgXr1oqi63iWU+35olfC0WOzavsLoFmflGhnxZXU1TIJ06eeR9D8",
    bytes: include_bytes!("../../assets/graphiql/init.js"),
};

const ASSETS: [&Asset; 5] = [&REACT, &REACT_DOM, &GRAPHIQL, &GRAPHIQL_CSS, &INIT];

/// Adds the page and its assets; call it before the GraphQL `GET /graphql` route so a browser's
/// request reaches the page first.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(
            web::resource("/graphql")
                .guard(guard::Get())
                .guard(guard::fn_guard(|ctx| {
                    let accepts_html = ctx
                        .head()
                        .headers()
                        .get(header::ACCEPT)
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|accept| accept.contains("text/html"));
                    accepts_html && ctx.head().uri.query().is_none_or(str::is_empty)
                }))
                .to(page),
        )
        .route(&format!("{ASSET_PATH}/{{name}}"), web::get().to(asset));
}

async fn page() -> HttpResponse {
    let script = |asset: &Asset| {
        format!(
            r#"<script src="{ASSET_PATH}/{}" integrity="{}" crossorigin="anonymous"></script>"#,
            asset.name, asset.integrity
        )
    };
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quire GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{ASSET_PATH}/{}" integrity="{}" crossorigin="anonymous">
<style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
{}
{}
{}
{}
</body>
</html>
"#,
        GRAPHIQL_CSS.name,
        GRAPHIQL_CSS.integrity,
        script(&REACT),
        script(&REACT_DOM),
        script(&GRAPHIQL),
        script(&INIT),
    );
    HttpResponse::Ok()
        .insert_header((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .content_type("text/html; charset=utf-8")
        .body(html)
}

/// Serves one asset; versioned files are cached for a year, `init.js` is revalidated.
async fn asset(name: web::Path<String>) -> HttpResponse {
    let Some(asset) = ASSETS.iter().find(|asset| asset.name == name.as_str()) else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("no such GraphiQL asset");
    };
    let cache = if asset.name == INIT.name {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, cache))
        .content_type(asset.content_type)
        .body(asset.bytes)
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use sha2::{Digest, Sha384};

    use super::ASSETS;

    #[test]
    fn integrity_hashes_match_the_shipped_files() {
        for asset in ASSETS {
            let actual = format!("sha384-{}", STANDARD.encode(Sha384::digest(asset.bytes)));
            assert_eq!(asset.integrity, actual, "{}", asset.name);
        }
    }
}
