//! One GraphQL request over HTTP to a Quire server, and every way it can fail turned into a
//! [`ClientError`] that says what to check: an address that does not parse, a server that cannot
//! be reached, one that does not answer GraphQL, and the errors the API itself returns.

use std::time::Duration;

use graphql_client::GraphQLQuery;
use reqwest::{StatusCode, Url};
use serde_json::Value;

use super::error::{ClientError, Kind};

/// Longest wait for a connection, so a wrong address fails quickly.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait for a whole answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// A server's `/graphql` address and the HTTP client that speaks to it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    url: Url,
    /// Where the address came from, for the hint when it turns out wrong.
    origin: &'static str,
    http: reqwest::Client,
}

impl Endpoint {
    /// The endpoint of `server`, given as `http(s)://host:port` or as its `/graphql` address.
    /// `origin` names where the address came from (`--server`, the saved session), so an
    /// error can say what to fix.
    pub fn new(server: &str, origin: &'static str) -> Result<Self, ClientError> {
        let url = graphql_url(server).map_err(|reason| {
            ClientError::failure(format!("`{server}` is not a server address: {reason}")).hint(
                format!("check {origin}: it should look like http://localhost:8080 or https://cms.example.com"),
            )
        })?;
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("quire/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| ClientError::failure(format!("cannot start HTTP: {error}")))?;
        Ok(Self { url, origin, http })
    }

    /// The `/graphql` address, as saved with a session and shown in messages.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    /// Sends operation `Q` with `variables`, authenticated by `token` when given, and returns its
    /// data, or the first error the server reported.
    pub async fn send<Q: GraphQLQuery>(
        &self,
        token: Option<&str>,
        variables: Q::Variables,
    ) -> Result<Q::ResponseData, ClientError> {
        self.send_body::<Q>(token, &Q::build_query(variables)).await
    }

    /// Sends an operation already built, so a caller can send it again after refreshing its
    /// session.
    pub async fn send_body<Q: GraphQLQuery>(
        &self,
        token: Option<&str>,
        body: &impl serde::Serialize,
    ) -> Result<Q::ResponseData, ClientError> {
        let mut request = self
            .http
            .post(self.url.clone())
            .header(reqwest::header::ACCEPT, "application/json")
            .json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| self.unreachable(&e))?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| self.unreachable(&e))?;
        let answer = match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(answer))
                if answer.contains_key("data") || answer.contains_key("errors") =>
            {
                answer
            }
            _ => return Err(self.not_graphql(status)),
        };
        if let Some(error) = answer
            .get("errors")
            .and_then(Value::as_array)
            .and_then(|errors| errors.first())
        {
            return Err(api_error(error));
        }
        let data = answer.get("data").cloned().unwrap_or(Value::Null);
        serde_json::from_value(data).map_err(|error| {
            ClientError::failure(format!(
                "the answer of {} does not have the shape this client expects: {error}",
                self.url
            ))
            .hint("the server may run another version of Quire; use the quire binary of the same release")
        })
    }

    fn unreachable(&self, error: &reqwest::Error) -> ClientError {
        ClientError::failure(format!("cannot reach {}: {}", self.url, cause(error))).hint(format!(
            "check {}, and that the server is running",
            self.origin
        ))
    }

    fn not_graphql(&self, status: StatusCode) -> ClientError {
        ClientError::failure(format!(
            "{} did not answer as a GraphQL server (HTTP {status})",
            self.url
        ))
        .hint(format!(
            "check {}: it should be the address of a Quire server, such as http://localhost:8080",
            self.origin
        ))
    }
}

/// The `/graphql` URL of a server address: `http://host:port`, with or without a path ending in
/// `/graphql`.
fn graphql_url(server: &str) -> Result<Url, String> {
    let mut url = Url::parse(server.trim()).map_err(|error| error.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("it must start with http:// or https://".to_owned());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it names no host".to_owned());
    }
    let path = url.path().trim_end_matches('/').to_owned();
    if path.ends_with("/graphql") {
        url.set_path(&path);
    } else {
        url.set_path(&format!("{path}/graphql"));
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// The innermost reason a request failed, in words: "connection refused" rather than reqwest's
/// "error sending request".
fn cause(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        return "no answer in time".to_owned();
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    let mut innermost = error.to_string();
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
                _ => io.to_string(),
            };
        }
        innermost = current.to_string();
        source = current.source();
    }
    innermost
}

/// One error of a GraphQL answer, with its code, the inputs at fault and, on a stale version,
/// the current one.
fn api_error(error: &Value) -> ClientError {
    let message = error["message"]
        .as_str()
        .unwrap_or("the server refused the request");
    let extensions = &error["extensions"];
    let code = extensions["code"].as_str().map(str::to_owned);
    let details: Vec<String> = extensions["details"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|detail| {
            let field = detail["field"].as_str()?;
            let text = detail["message"].as_str()?;
            (!message.contains(text)).then(|| format!("{field}: {text}"))
        })
        .collect();
    let message = if details.is_empty() {
        message.to_owned()
    } else {
        format!("{message} ({})", details.join("; "))
    };
    let kind = code.as_deref().map_or(Kind::Failure, Kind::of_code);
    ClientError {
        current_version: extensions["currentVersion"].as_i64(),
        code,
        ..ClientError::new(kind, message)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_server_address_becomes_its_graphql_url() {
        let url = |s: &str| graphql_url(s).map(|u| u.to_string());
        assert_eq!(
            url("http://localhost:8080").unwrap(),
            "http://localhost:8080/graphql"
        );
        assert_eq!(
            url("http://localhost:8080/graphql/").unwrap(),
            "http://localhost:8080/graphql"
        );
        assert_eq!(
            url("https://cms.example.com/quire/").unwrap(),
            "https://cms.example.com/quire/graphql"
        );
        assert!(url("localhost:8080").is_err());
        assert!(url("ftp://example.com").unwrap_err().contains("http://"));
    }

    #[test]
    fn api_errors_keep_code_fields_and_current_version() {
        let error = api_error(&json!({
            "message": "the article changed",
            "extensions": { "code": "CONFLICT", "currentVersion": 4 }
        }));
        assert_eq!(error.kind, Kind::Conflict);
        assert_eq!(error.current_version, Some(4));
        let error = api_error(&json!({
            "message": "invalid input",
            "extensions": { "code": "BAD_USER_INPUT",
                "details": [{ "field": "input.title", "message": "is empty" }] }
        }));
        assert_eq!(error.message, "invalid input (input.title: is empty)");
        assert_eq!(error.kind, Kind::Failure);
    }
}
