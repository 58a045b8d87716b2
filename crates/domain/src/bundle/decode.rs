//! Reading one record line, with a reason a person can act on when it cannot be read.
//!
//! The common case, a well-formed line, is parsed once. Only a line that fails is looked at
//! again, slowly, to say which field is wrong and why, rather than where in the line a parser
//! gave up.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::RecordError;
use super::record::{
    ArticleRecord, AuthorRecord, Record, RelatedRecord, SourceRecord, TagRecord, UserRecord,
};

/// Reads and checks one record line (not the header).
pub fn read_record(line: &str) -> Result<Record, RecordError> {
    let record: Record = serde_json::from_str(line).map_err(|_| diagnose(line))?;
    let label = record.label();
    record
        .validated()
        .map_err(|e| RecordError::new(format!("{label}: {e}")))
}

/// Why `line` is not a record.
fn diagnose(line: &str) -> RecordError {
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(e) => {
            return RecordError::new(format!(
                "not valid JSON ({} at column {})",
                without_position(&e),
                e.column()
            ));
        }
    };
    let Value::Object(mut fields) = value else {
        return RecordError::new(format!(
            "a record is a JSON object with a \"type\", not {}",
            describe(&value)
        ));
    };
    let kind = match fields.remove("type") {
        Some(Value::String(kind)) => kind,
        Some(other) => {
            return RecordError::new(format!(
                "\"type\" must be a string, not {}",
                describe(&other)
            ));
        }
        None => {
            return RecordError::new(format!(
                "the record has no \"type\"; give one of {}",
                Record::TYPES.join(", ")
            ));
        }
    };
    let fault = match kind.as_str() {
        "user" => fault::<UserRecord>(fields),
        "author" => fault::<AuthorRecord>(fields),
        "source" => fault::<SourceRecord>(fields),
        "tag" => fault::<TagRecord>(fields),
        "article" => fault::<ArticleRecord>(fields),
        "related" => fault::<RelatedRecord>(fields),
        unknown => {
            return RecordError::new(format!(
                "unknown record type {unknown:?}; this Quire reads {}",
                Record::TYPES.join(", ")
            ));
        }
    };
    RecordError::new(format!("{kind} record: {fault}"))
}

/// What is wrong with `fields` read as a `T`, naming the field at fault.
fn fault<T: DeserializeOwned>(fields: Map<String, Value>) -> String {
    match serde_path_to_error::deserialize::<_, T>(Value::Object(fields)) {
        Err(e) => match e.path().to_string().as_str() {
            "." => e.inner().to_string(),
            path => format!("{path}: {}", e.inner()),
        },
        Ok(_) => "its fields do not fit together".to_owned(),
    }
}

/// A JSON error's message without the parser's position, which the caller words itself.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// A JSON value's kind, for messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> String {
        read_record(line).unwrap_err().to_string()
    }

    const TAG: &str = r#"{"type":"tag","slug":"floods","name":"Floods","description":null,"createdAt":"2026-01-01T00:00:00.000000Z","updatedAt":"2026-01-01T00:00:00.000000Z"}"#;

    #[test]
    fn reads_a_record_and_normalises_it() {
        let padded = TAG.replace("\"Floods\"", "\"  Floods \"");
        let Record::Tag(tag) = read_record(&padded).unwrap() else {
            panic!("not a tag");
        };
        assert_eq!(tag.name, "Floods");
    }

    #[test]
    fn names_what_is_wrong() {
        assert!(reason("{\"type\":").starts_with("not valid JSON"));
        assert!(reason("[1, 2]").contains("not an array"));
        assert!(reason("{\"slug\":\"x\"}").contains("no \"type\""));
        assert!(reason("{\"type\":\"comment\"}").contains("unknown record type \"comment\""));
        let wrong_type = reason(&TAG.replace("\"Floods\"", "5"));
        assert!(
            wrong_type.contains("tag record: name: invalid type: integer `5`"),
            "{wrong_type}"
        );
        let unknown = reason(&TAG.replace("\"description\"", "\"descripton\""));
        assert!(unknown.contains("unknown field `descripton`"), "{unknown}");
        let time = reason(&TAG.replace("2026-01-01T00:00:00.000000Z", "yesterday"));
        assert!(
            time.contains("createdAt: \"yesterday\" is not an RFC 3339"),
            "{time}"
        );
        let invalid = reason(&TAG.replace("\"floods\"", "\"Not A Slug\""));
        assert!(
            invalid.starts_with("tag \"Not A Slug\": invalid input: slug:"),
            "{invalid}"
        );
    }

    #[test]
    fn an_article_of_version_1_has_no_history() {
        let article = r#"{"type":"article","slug":"a","title":"A","status":"DRAFT","excerpt":"","excerptIsCustom":false,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","version":1,"body":""}"#;
        let Record::Article(article) = read_record(article).unwrap() else {
            panic!("not an article");
        };
        assert!(article.previous_slugs.is_empty() && article.corrections.is_empty());
        let dated = reason(&article_with(
            r#""previousSlugs":[{"slug":"b","retiredAt":"then"}]"#,
        ));
        assert!(
            dated.contains("previousSlugs[0].retiredAt: \"then\" is not an RFC 3339"),
            "{dated}"
        );
    }

    fn article_with(field: &str) -> String {
        format!(
            r#"{{"type":"article","slug":"a",{field},"title":"A","status":"DRAFT","excerpt":"","excerptIsCustom":false,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","version":1,"body":""}}"#
        )
    }

    #[test]
    fn points_inside_revisions() {
        let article = r#"{"type":"article","slug":"a","title":"A","status":"DRAFT","excerpt":"","excerptIsCustom":false,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","version":1,"body":"","revisions":[{"version":1,"title":7}]}"#;
        let fault = reason(article);
        assert!(
            fault.contains("revisions[0].title: invalid type"),
            "{fault}"
        );
    }
}
