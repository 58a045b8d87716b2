//! How an article republished from another publication credits it. Syndication agreements
//! usually require the credit wherever the article appears, feeds included, so the wording is
//! decided once here: "Source: The Quint, India", linked to the original when its address is
//! known.

use crate::model::Source;

/// The credit line as plain text, such as "Source: The Quint, India", or the credit the
/// source's licence requires when it names one.
pub fn source_credit(source: &Source) -> String {
    if let Some(required) = source
        .attribution_text
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        return required.to_owned();
    }
    match source.country.as_deref().map(str::trim) {
        Some(country) if !country.is_empty() => format!("Source: {}, {country}", source.name),
        _ => format!("Source: {}", source.name),
    }
}

/// The credit line as a safe HTML paragraph, linking to `original` (the article's address at
/// the source) when given, else to the publication's home page when known.
pub fn source_credit_html(source: &Source, original: Option<&str>) -> String {
    let credit = ammonia::clean_text(&source_credit(source));
    let paragraph = match original.or(source.url.as_deref()) {
        Some(url) => format!(
            "<p><a href=\"{}\">{credit}</a></p>",
            ammonia::clean_text(url)
        ),
        None => format!("<p>{credit}</p>"),
    };
    ammonia::clean(&paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SourceId;

    fn quint(country: Option<&str>, url: Option<&str>) -> Source {
        Source {
            id: SourceId(1),
            slug: "the-quint".into(),
            name: "The Quint".into(),
            url: url.map(Into::into),
            country: country.map(Into::into),
            license: None,
            attribution_text: None,
        }
    }

    #[test]
    fn a_required_credit_replaces_the_standard_one() {
        let source = Source {
            attribution_text: Some(" Republished with permission <b>from</b> The Quint ".into()),
            ..quint(Some("India"), None)
        };
        assert_eq!(
            source_credit(&source),
            "Republished with permission <b>from</b> The Quint"
        );
        let html = source_credit_html(&source, None);
        assert!(html.contains("&lt;b&gt;from&lt;/b&gt;"), "{html}");
        let blank = Source {
            attribution_text: Some("  ".into()),
            ..quint(Some("India"), None)
        };
        assert_eq!(source_credit(&blank), "Source: The Quint, India");
    }

    #[test]
    fn names_the_country_when_known() {
        assert_eq!(
            source_credit(&quint(Some("India"), None)),
            "Source: The Quint, India"
        );
        assert_eq!(source_credit(&quint(Some(" "), None)), "Source: The Quint");
    }

    #[test]
    fn links_the_original_before_the_home_page() {
        let source = quint(Some("India"), Some("https://www.thequint.com/"));
        let html = source_credit_html(&source, Some("https://www.thequint.com/news/a?x=1&y=2"));
        assert!(
            html.contains("href=\"https://www.thequint.com/news/a?x=1&amp;y=2\""),
            "{html}"
        );
        assert!(html.contains(">Source: The Quint, India</a>"), "{html}");
        let home = source_credit_html(&source, None);
        assert!(
            home.contains("href=\"https://www.thequint.com/\""),
            "{home}"
        );
    }

    #[test]
    fn escapes_names_and_refuses_script_links() {
        let mut source = quint(None, None);
        source.name = "<b>Quint</b> & Co".into();
        let html = source_credit_html(&source, Some("javascript:alert(1)"));
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;b&gt;Quint&lt;/b&gt; &amp; Co"), "{html}");
    }
}
