//! Reading GraphQL-over-HTTP request parameters, strictly: `query` must be a string,
//! `operationName` a string or null, `variables` and `extensions` maps or null. Anything else
//! is a malformed request (400) with a message naming the parameter, instead of a guess.

use actix_web::web;
use async_graphql::{BatchRequest, Request};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// A POST body: one request object, or a JSON array of them (a batch).
pub fn from_body(body: &[u8]) -> Result<BatchRequest, ApiError> {
    let json: Value = serde_json::from_slice(body).map_err(|error| {
        ApiError::bad_input(
            "body",
            format!("is not a GraphQL request in JSON ({error})"),
        )
    })?;
    match json {
        Value::Object(params) => Ok(BatchRequest::Single(request(params)?)),
        Value::Array(items) if items.is_empty() => Err(ApiError::bad_input(
            "body",
            "is an empty batch; send at least one request",
        )),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::Object(params) => request(params),
                _ => Err(ApiError::bad_input(
                    "body",
                    "a batch must hold request objects only",
                )),
            })
            .collect::<Result<_, _>>()
            .map(BatchRequest::Batch),
        _ => Err(ApiError::bad_input(
            "body",
            "must be a JSON object with a `query`, or an array of them for a batch",
        )),
    }
}

/// A GET request's URL query: the same parameters, with `variables` and `extensions` as JSON
/// text.
pub fn from_query_string(query_string: &str) -> Result<Request, ApiError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct UrlParams {
        query: Option<String>,
        operation_name: Option<String>,
        variables: Option<String>,
        extensions: Option<String>,
    }
    let url = web::Query::<UrlParams>::from_query(query_string)
        .map_err(|error| {
            ApiError::bad_input(
                "query",
                format!("the URL holds no valid GraphQL request ({error})"),
            )
        })?
        .into_inner();
    let json_text = |name: &str, text: Option<String>| -> Result<Value, ApiError> {
        text.map_or(Ok(Value::Null), |text| {
            serde_json::from_str(&text)
                .map_err(|error| ApiError::bad_input(name, format!("is not JSON ({error})")))
        })
    };
    let mut params = Map::new();
    if let Some(query) = url.query {
        params.insert("query".to_owned(), Value::String(query));
    }
    if let Some(name) = url.operation_name {
        params.insert("operationName".to_owned(), Value::String(name));
    }
    params.insert(
        "variables".to_owned(),
        json_text("variables", url.variables)?,
    );
    params.insert(
        "extensions".to_owned(),
        json_text("extensions", url.extensions)?,
    );
    request(params)
}

/// One request from its parameters, each checked for the type the specification gives it.
fn request(mut params: Map<String, Value>) -> Result<Request, ApiError> {
    let persisted = params
        .get("extensions")
        .and_then(|extensions| extensions.get("persistedQuery"))
        .is_some();
    match params.get("query") {
        Some(Value::String(_)) => {}
        // A persisted query may send its hash alone; `persisted` fills the text in.
        None | Some(Value::Null) if persisted => {
            params.insert("query".to_owned(), Value::String(String::new()));
        }
        None | Some(Value::Null) => {
            return Err(ApiError::bad_input(
                "query",
                "is missing: send the GraphQL document as a string in `query`",
            ));
        }
        Some(_) => {
            return Err(ApiError::bad_input(
                "query",
                "must be a string holding the GraphQL document",
            ));
        }
    }
    if !matches!(
        params.get("operationName"),
        None | Some(Value::Null | Value::String(_))
    ) {
        return Err(ApiError::bad_input(
            "operationName",
            "must be a string naming an operation of the document, or null",
        ));
    }
    for name in ["variables", "extensions"] {
        match params.get(name) {
            None | Some(Value::Object(_)) => {}
            Some(Value::Null) => {
                params.remove(name);
            }
            Some(_) => {
                return Err(ApiError::bad_input(
                    name,
                    "must be a JSON object (a map of names to values), or null",
                ));
            }
        }
    }
    serde_json::from_value(Value::Object(params))
        .map_err(|error| ApiError::bad_input("body", format!("is not a GraphQL request ({error})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(result: Result<BatchRequest, ApiError>) -> String {
        match result {
            Err(ApiError::BadInput { fields, .. }) => fields[0].field.clone(),
            other => panic!("expected bad input, got {other:?}"),
        }
    }

    #[test]
    fn each_parameter_must_have_its_type() {
        assert_eq!(field_of(from_body(br#"{"qeury": "{ a }"}"#)), "query");
        assert_eq!(field_of(from_body(br#"{"query": ["{ a }"]}"#)), "query");
        assert_eq!(
            field_of(from_body(br#"{"query": "{ a }", "operationName": 0}"#)),
            "operationName"
        );
        assert_eq!(
            field_of(from_body(br#"{"query": "{ a }", "variables": "x"}"#)),
            "variables"
        );
        assert_eq!(
            field_of(from_body(br#"{"query": "{ a }", "extensions": []}"#)),
            "extensions"
        );
        assert_eq!(field_of(from_body(b"")), "body");
        assert_eq!(field_of(from_body(b"[]")), "body");
        assert_eq!(field_of(from_body(b"0")), "body");
    }

    #[test]
    fn nulls_and_maps_are_accepted() {
        let body = br#"{"query": "query Q($n: Int) { a }", "operationName": null, "variables": {"n": 1}, "extensions": null}"#;
        let Ok(BatchRequest::Single(request)) = from_body(body) else {
            panic!("a valid request was refused");
        };
        assert_eq!(
            request.variables.get("n"),
            Some(&async_graphql::Value::from(1))
        );
        assert!(
            matches!(from_body(br#"[{"query": "{ a }"}, {"query": "{ b }"}]"#), Ok(BatchRequest::Batch(b)) if b.len() == 2)
        );
    }

    #[test]
    fn urls_carry_variables_as_json_text() {
        let request = from_query_string(
            "query=query%20Q(%24n%3A%20Int)%20%7B%20a%20%7D&variables=%7B%22n%22%3A2%7D",
        )
        .unwrap();
        assert_eq!(
            request.variables.get("n"),
            Some(&async_graphql::Value::from(2))
        );
        assert!(matches!(
            from_query_string("variables=%7B%7D"),
            Err(ApiError::BadInput { .. })
        ));
        assert!(matches!(
            from_query_string("query=%7Ba%7D&variables=nope"),
            Err(ApiError::BadInput { .. })
        ));
    }
}
