//! Front matter values turned into article fields. People write front matter by hand, so each
//! field accepts the forms a person would naturally use (one tag or a list, a date or a full
//! timestamp, any case of status) and refuses the rest with a reason that names the key and shows
//! the form that would work. Errors are plain strings; the caller adds the line.

use chrono::{DateTime, NaiveDate, Utc};
use quire_domain::{ArticleStatus, SourceReference};
use serde_norway::Value;

/// Optional text, such as a slug or subtitle; empty counts as absent.
pub fn text(key: &str, value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(text.trim().to_owned()).filter(|text| !text.is_empty())),
        Value::Number(number) => Err(format!(
            "`{key}` must be text, not a number; put it in quotes: {key}: \"{number}\""
        )),
        Value::Bool(flag) => Err(format!(
            "`{key}` must be text, not true/false; put it in quotes: {key}: \"{flag}\""
        )),
        other => Err(format!("`{key}` must be text, not {}", describe(other))),
    }
}

/// Names or slugs (authors, tags, related articles): a list, or one name on its own.
pub fn names(key: &str, value: &Value) -> Result<Vec<String>, String> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Sequence(items) => items.as_slice(),
        single => std::slice::from_ref(single),
    };
    let mut names = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item {
            Value::String(name) if !name.trim().is_empty() => names.push(name.trim().to_owned()),
            Value::String(_) | Value::Null => {}
            Value::Number(number) => {
                return Err(format!(
                    "`{key}` must be a list of names or one name, but {} is a number; put it \
                     in quotes if it is a name: \"{number}\"",
                    which_item(value, index)
                ));
            }
            other => {
                return Err(format!(
                    "`{key}` must be a list of names or one name, but {} is {}",
                    which_item(value, index),
                    describe(other)
                ));
            }
        }
    }
    Ok(names)
}

/// The publication: its name or slug, or a mapping with `name` and `country`.
pub fn source(key: &str, value: &Value) -> Result<Option<SourceReference>, String> {
    let Value::Mapping(mapping) = value else {
        return text(key, value).map(|name| {
            name.map(|name| SourceReference {
                name,
                country: None,
            })
        });
    };
    let mut source = SourceReference::default();
    for (field, field_value) in mapping {
        match field.as_str() {
            Some("name") => {
                source.name = text(&format!("{key}.name"), field_value)?.unwrap_or_default()
            }
            Some("country") => source.country = text(&format!("{key}.country"), field_value)?,
            _ => {
                return Err(format!(
                    "`{key}` may hold only `name` and `country`, not {}",
                    serde_norway::to_string(field).map_or_else(
                        |_| "this key".to_owned(),
                        |text| format!("`{}`", text.trim())
                    )
                ));
            }
        }
    }
    if source.name.is_empty() {
        return Err(format!(
            "`{key}` needs a `name`, such as {key}: {{name: The Quint, country: India}}"
        ));
    }
    Ok(Some(source))
}

/// The editorial stage, in any letter case.
pub fn status(key: &str, value: &Value) -> Result<Option<ArticleStatus>, String> {
    let Some(text) = text(key, value)? else {
        return Ok(None);
    };
    text.parse().map(Some).map_err(|_| {
        format!("`{key}` must be one of draft, scheduled, published or archived, not `{text}`")
    })
}

/// A publication instant: RFC 3339, or a bare date meaning midnight UTC.
pub fn instant(key: &str, value: &Value) -> Result<Option<DateTime<Utc>>, String> {
    let Some(text) = text(key, value)? else {
        return Ok(None);
    };
    if let Ok(instant) = DateTime::parse_from_rfc3339(&text) {
        return Ok(Some(instant.with_timezone(&Utc)));
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|midnight| Some(midnight.and_utc()))
        .ok_or_else(|| {
            format!(
                "`{key}` must be a date such as 2024-05-01 or a date and time with its offset \
                 such as 2024-05-01T09:30:00Z, not `{text}`"
            )
        })
}

fn which_item(value: &Value, index: usize) -> String {
    match value {
        Value::Sequence(_) => format!("item {}", index + 1),
        _ => "the value".to_owned(),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping of keys to values",
        Value::Tagged(_) => "a tagged value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_norway::from_str(text).unwrap()
    }

    #[test]
    fn text_refuses_lists_and_hints_at_quotes_for_numbers() {
        assert_eq!(
            text("title", &yaml("' A title '")).unwrap().as_deref(),
            Some("A title")
        );
        assert_eq!(text("slug", &yaml("''")).unwrap(), None);
        assert_eq!(
            text("title", &yaml("[a, b]")).unwrap_err(),
            "`title` must be text, not a list"
        );
        assert_eq!(
            text("title", &yaml("1984")).unwrap_err(),
            "`title` must be text, not a number; put it in quotes: title: \"1984\""
        );
    }

    #[test]
    fn names_take_a_list_or_one_name() {
        assert_eq!(names("tags", &yaml("[a, ' b ', '']")).unwrap(), ["a", "b"]);
        assert_eq!(
            names("authors", &yaml("Mira Kumar")).unwrap(),
            ["Mira Kumar"]
        );
        assert!(names("tags", &yaml("~")).unwrap().is_empty());
        let error = names("tags", &yaml("5")).unwrap_err();
        assert!(
            error.starts_with(
                "`tags` must be a list of names or one name, but the value is a number"
            ),
            "{error}"
        );
        let error = names("tags", &yaml("[a, {b: c}]")).unwrap_err();
        assert_eq!(
            error,
            "`tags` must be a list of names or one name, but item 2 is a mapping of keys to values"
        );
    }

    #[test]
    fn source_is_a_name_or_a_name_and_country() {
        let plain = source("source", &yaml("The Quint")).unwrap().unwrap();
        assert_eq!((plain.name.as_str(), plain.country), ("The Quint", None));
        let full = source("source", &yaml("{name: The Quint, country: India}"))
            .unwrap()
            .unwrap();
        assert_eq!(
            (full.name.as_str(), full.country.as_deref()),
            ("The Quint", Some("India"))
        );
        assert!(
            source("source", &yaml("{country: India}"))
                .unwrap_err()
                .contains("needs a `name`")
        );
        let error = source("source", &yaml("{name: X, city: Delhi}")).unwrap_err();
        assert_eq!(
            error,
            "`source` may hold only `name` and `country`, not `city`"
        );
    }

    #[test]
    fn status_in_any_case() {
        assert_eq!(
            status("status", &yaml("Published")).unwrap(),
            Some(ArticleStatus::Published)
        );
        assert_eq!(
            status("status", &yaml("draft")).unwrap(),
            Some(ArticleStatus::Draft)
        );
        let error = status("status", &yaml("live")).unwrap_err();
        assert_eq!(
            error,
            "`status` must be one of draft, scheduled, published or archived, not `live`"
        );
    }

    #[test]
    fn instants_take_rfc3339_or_a_bare_date() {
        let at =
            |text: &str| instant("publishedAt", &yaml(text)).map(|at| at.map(|at| at.to_rfc3339()));
        assert_eq!(
            at("2024-01-01T02:28:00Z").unwrap().as_deref(),
            Some("2024-01-01T02:28:00+00:00")
        );
        assert_eq!(
            at("2024-03-05T10:00:00+05:30").unwrap().as_deref(),
            Some("2024-03-05T04:30:00+00:00")
        );
        assert_eq!(
            at("2024-03-05").unwrap().as_deref(),
            Some("2024-03-05T00:00:00+00:00")
        );
        assert!(at("yesterday").unwrap_err().contains("not `yesterday`"));
        assert!(at("2024-13-01").is_err());
        assert!(
            at("2024-03-05T10:00:00").is_err(),
            "a time without an offset is ambiguous"
        );
    }
}
