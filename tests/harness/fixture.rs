//! The syndicated article in `../shared/fixtures/`, read into its parts.

use std::path::Path;

/// The parts of a news blog page that republishes an article from another publication.
#[derive(Debug, Clone)]
pub struct SyndicatedArticle {
    /// Headline.
    pub title: String,
    /// Publication name from the "Source:" line.
    pub source_name: String,
    /// Country from the "Source:" line.
    pub source_country: String,
    /// Paragraphs of the article body, as Markdown.
    pub body: String,
    /// Titles from the "Also Read :" lines (the page puts no-break spaces around the colon).
    pub also_read: Vec<String>,
    /// Author name, taken from the closing biography.
    pub author_name: String,
    /// The closing biography without its parentheses.
    pub author_bio: String,
}

impl SyndicatedArticle {
    /// Reads `../shared/fixtures/syndicated-article.txt` beside the workspace.
    pub fn load() -> Self {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/syndicated-article.txt");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "the fixture {} is missing ({e}): keep shared/ beside the clone",
                path.display()
            )
        });
        Self::parse(&text)
    }

    /// Splits the page: navigation and the host blog's own posts are dropped, the source line,
    /// "Also Read" links and the biography are taken apart from the body.
    pub fn parse(text: &str) -> Self {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .take_while(|l| *l != "Popular posts from this blog")
            .filter(|l| !l.is_empty() && *l != "Skip to main content")
            .collect();
        let title = lines.first().copied().unwrap_or_default().to_owned();
        let (source_name, source_country) = lines
            .iter()
            .find_map(|l| l.strip_prefix("Source:"))
            .and_then(|s| s.split_once(','))
            .map(|(name, country)| (name.trim().to_owned(), country.trim().to_owned()))
            .unwrap_or_default();
        let also_read = lines
            .iter()
            .filter_map(|l| l.strip_prefix("Also Read"))
            .map(|rest| rest.trim_start().trim_start_matches(':').trim().to_owned())
            .collect();
        let author_bio = lines
            .iter()
            .find(|l| l.starts_with('(') && l.ends_with(')'))
            .map(|l| l.trim_matches(['(', ')']).to_owned())
            .unwrap_or_default();
        let author_name = author_bio
            .split(" is ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let body = lines
            .iter()
            .skip(1)
            .filter(|l| {
                !l.starts_with("Source:") && !l.starts_with("Also Read") && !l.starts_with('(')
            })
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n");
        Self {
            title,
            source_name,
            source_country,
            body,
            also_read,
            author_name,
            author_bio,
        }
    }
}
