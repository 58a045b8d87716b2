//! The GraphiQL page, answered on `GET /graphql` to a browser (a request that accepts
//! `text/html` and carries no query string).
//!
//! Editors paste their tokens into this page, so it runs nothing but what it names exactly:
//! production builds of pinned versions of React, React DOM and GraphiQL, each with its
//! Subresource Integrity hash (a changed file is refused by the browser), plus Quire's own
//! `graphiql.js` that mounts it, served from the binary. The `content-security-policy` allows
//! exactly those files and requests to this origin, and no inline script.
//!
//! To upgrade, `npm pack` the new versions and print each file's hash with
//! `openssl dgst -sha384 -binary FILE | openssl base64 -A`.
//!
//! `QUIRE_GRAPHIQL=false` (`--graphiql false`) turns the page and its script off; a browser's
//! `GET /graphql` is then an ordinary GraphQL GET request without a query, answered 400.

use actix_web::http::header;
use actix_web::{HttpResponse, guard, web};

/// Where the page's own script is served.
const INIT_PATH: &str = "/graphiql/graphiql.js";

/// Quire's script that mounts GraphiQL on the page.
const INIT: &[u8] = include_bytes!("graphiql.js");

/// The Subresource Integrity hash of [`INIT`]; a unit test keeps it in step with the file.
const INIT_INTEGRITY: &str =
    "sha384-EksSNjHfgFYXHgXr1oqi63iWU+35olfC0WOzavsLoFmflGhnxZXU1TIJ06eeR9D8";

/// A published file the page loads, pinned by version and hash.
struct Pinned {
    url: &'static str,
    integrity: &'static str,
}

const REACT: Pinned = Pinned {
    url: "https://cdn.jsdelivr.net/npm/react@18.3.1/umd/react.production.min.js",
    integrity: "sha384-DGyLxAyjq0f9SPpVevD6IgztCFlnMF6oW/XQGmfe+IsZ8TqEiDrcHkMLKI6fiB/Z",
};

const REACT_DOM: Pinned = Pinned {
    url: "https://cdn.jsdelivr.net/npm/react-dom@18.3.1/umd/react-dom.production.min.js",
    integrity: "sha384-gTGxhz21lVGYNMcdJOyq01Edg0jhn/c22nsx0kyqP0TxaV5WVdsSH1fSDUf5YJj1",
};

const GRAPHIQL: Pinned = Pinned {
    url: "https://cdn.jsdelivr.net/npm/graphiql@4.1.2/graphiql.min.js",
    integrity: "sha384-9XdHu7ajgGJziD4J1zNBKQ842Q/+zZfDv+ib1eMhZWBH6hPAs806x+Jbcf0yNO6B",
};

const GRAPHIQL_CSS: Pinned = Pinned {
    url: "https://cdn.jsdelivr.net/npm/graphiql@4.1.2/graphiql.min.css",
    integrity: "sha384-1el1QShFBnnXTx9x/Cprg82hZWKt0ry29OAYIXt05swbi0KcZDFoj0CWguMpopJr",
};

/// The policy for the page: the pinned files, Quire's script, and requests to this origin.
/// Inline styles stay allowed because GraphiQL's dialogs insert a `<style>` element.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {} {} {} 'self'; style-src {} 'unsafe-inline'; \
         font-src data:; img-src data:; connect-src 'self'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'",
        REACT.url, REACT_DOM.url, GRAPHIQL.url, GRAPHIQL_CSS.url
    )
}

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
        .route(INIT_PATH, web::get().to(init));
}

async fn page() -> HttpResponse {
    let script = |src: &str, integrity: &str| {
        format!(r#"<script src="{src}" integrity="{integrity}" crossorigin="anonymous"></script>"#)
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
<link rel="stylesheet" href="{}" integrity="{}" crossorigin="anonymous">
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
        GRAPHIQL_CSS.url,
        GRAPHIQL_CSS.integrity,
        script(REACT.url, REACT.integrity),
        script(REACT_DOM.url, REACT_DOM.integrity),
        script(GRAPHIQL.url, GRAPHIQL.integrity),
        script(INIT_PATH, INIT_INTEGRITY),
    );
    HttpResponse::Ok()
        .insert_header((header::CONTENT_SECURITY_POLICY, content_security_policy()))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .content_type("text/html; charset=utf-8")
        .body(html)
}

/// Serves Quire's script; it changes with Quire, so browsers revalidate it.
async fn init() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .content_type("text/javascript; charset=utf-8")
        .body(INIT)
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use sha2::{Digest, Sha384};

    use super::{INIT, INIT_INTEGRITY};

    #[test]
    fn the_integrity_hash_matches_the_shipped_script() {
        let actual = format!("sha384-{}", STANDARD.encode(Sha384::digest(INIT)));
        assert_eq!(INIT_INTEGRITY, actual);
    }
}
