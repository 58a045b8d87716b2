//! `openapi.json` is the REST API's public contract: it must be exactly what the code serves.

#[test]
fn checked_in_openapi_document_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == quire_api::rest::document(),
        "openapi.json differs from the document the code serves; regenerate it with \
         `cargo run -p quire -- openapi > openapi.json` and review the diff"
    );
}
