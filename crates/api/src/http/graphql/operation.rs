//! One operation from request to response: the limits counted on its parsed document, the
//! schema, and, when the schema refuses it for its cost, the explanation with the figures.

use async_graphql::{Request, Response};

use super::GraphqlState;
use crate::graphql::{executed, limits};

/// Runs one operation; the flag says whether it reached execution, which decides the status
/// and whether the response has `data`.
pub(super) async fn run(state: &GraphqlState, mut request: Request) -> (Response, bool) {
    if let Err(refusal) = limits::admit(&mut request, state.limits) {
        return (Response::from_errors(vec![refusal]), false);
    }
    let to_explain = Request::new(request.query.clone()).variables(request.variables.clone());
    let to_explain = match &request.operation_name {
        Some(name) => to_explain.operation_name(name),
        None => to_explain,
    };
    let response = state.schema.execute(request).await;
    if limits::refused_for_cost(&response) {
        return (state.explaining.execute(to_explain).await, false);
    }
    let ran = executed::reached(&response);
    (response, ran)
}
