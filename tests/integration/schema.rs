//! `schema.graphql` is the public contract: it must be exactly what the code serves.

#[test]
fn checked_in_schema_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = quire_api::graphql::sdl();
    assert!(
        checked_in == generated,
        "schema.graphql differs from the schema the code serves; regenerate it with \
         `cargo run -p quire -- schema > schema.new && mv schema.new schema.graphql` (the \
         command-line client compiles against schema.graphql, so redirecting straight into it \
         would empty it before the build) and review the diff"
    );
}
