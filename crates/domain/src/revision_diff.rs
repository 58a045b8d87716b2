//! What changed between two revisions of an article: the fields, by the names GraphQL gives
//! them, and the body line by line, for an editor deciding what to restore.

use similar::{ChangeTag, TextDiff};

use crate::model::{ArticleChanges, Revision};
use crate::text;

/// How a line of the body fared between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChange {
    /// In both.
    Unchanged,
    /// Only in the later revision.
    Added,
    /// Only in the earlier revision.
    Removed,
}

/// One line of a body diff, without its line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// Whether it was kept, added or removed.
    pub change: LineChange,
    /// The line.
    pub text: String,
}

/// The difference between two revisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionDiff {
    /// Fields that differ, in a fixed order: `title`, `subtitle`, `excerpt`, `body`, then
    /// `authors`, `tags`, `source`, `sourceUrl` and `related` when both revisions recorded them.
    pub changed_fields: Vec<&'static str>,
    /// The body, every line of both revisions in reading order.
    pub body: Vec<DiffLine>,
}

/// Compares `from` with `to`.
pub fn diff(from: &Revision, to: &Revision) -> RevisionDiff {
    let mut changed_fields = Vec::new();
    let mut note = |name: &'static str, differs: bool| {
        if differs {
            changed_fields.push(name);
        }
    };
    note("title", from.title != to.title);
    note("subtitle", from.subtitle != to.subtitle);
    note("excerpt", from.excerpt != to.excerpt);
    note("body", from.body != to.body);
    if let (Some(before), Some(after)) = (&from.relations, &to.relations) {
        note("authors", before.author_ids != after.author_ids);
        note("tags", before.tags != after.tags);
        note("source", before.source_id != after.source_id);
        note("sourceUrl", before.source_url != after.source_url);
        note("related", before.related_ids != after.related_ids);
    }
    let body = TextDiff::from_lines(&from.body, &to.body)
        .iter_all_changes()
        .map(|change| DiffLine {
            change: match change.tag() {
                ChangeTag::Equal => LineChange::Unchanged,
                ChangeTag::Insert => LineChange::Added,
                ChangeTag::Delete => LineChange::Removed,
            },
            text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
        })
        .collect();
    RevisionDiff {
        changed_fields,
        body,
    }
}

impl Revision {
    /// The edit that makes this revision's content current again: text, and credits and links
    /// when the revision recorded them. An excerpt that was derived from the body then is
    /// derived again rather than frozen as custom.
    pub fn as_changes(&self) -> ArticleChanges {
        let excerpt_was_derived = self.excerpt == text::derive_excerpt(&self.body);
        let mut changes = ArticleChanges {
            title: Some(self.title.clone()),
            body: Some(self.body.clone()),
            subtitle: Some(self.subtitle.clone()),
            excerpt: Some((!excerpt_was_derived).then(|| self.excerpt.clone())),
            ..ArticleChanges::default()
        };
        if let Some(relations) = &self.relations {
            changes.author_ids = Some(relations.author_ids.clone());
            changes.tags = Some(relations.tags.clone());
            changes.source_id = Some(relations.source_id);
            changes.source_url = Some(relations.source_url.clone());
            changes.related_ids = Some(relations.related_ids.clone());
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::AuthorId;
    use crate::model::RevisionRelations;

    fn revision(title: &str, body: &str, tags: &[&str]) -> Revision {
        Revision {
            version: 1,
            title: title.to_owned(),
            subtitle: None,
            excerpt: text::derive_excerpt(body),
            body: body.to_owned(),
            edited_by: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            relations: Some(RevisionRelations {
                author_ids: vec![AuthorId(1)],
                tags: tags.iter().map(|t| (*t).to_owned()).collect(),
                ..RevisionRelations::default()
            }),
        }
    }

    #[test]
    fn names_the_changed_fields_and_diffs_the_body_by_line() {
        let before = revision("Cranes idle", "First line.\nSecond line.\n", &["Labour"]);
        let after = revision(
            "Cranes back",
            "First line.\nA new second line.\n",
            &["Labour"],
        );
        let diff = diff(&before, &after);
        assert_eq!(diff.changed_fields, ["title", "excerpt", "body"]);
        let lines: Vec<(LineChange, &str)> = diff
            .body
            .iter()
            .map(|line| (line.change, line.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (LineChange::Unchanged, "First line."),
                (LineChange::Removed, "Second line."),
                (LineChange::Added, "A new second line."),
            ]
        );
    }

    #[test]
    fn relations_count_only_when_both_revisions_recorded_them() {
        let before = revision("T", "B", &["Labour"]);
        let after = revision("T", "B", &["Shipping"]);
        assert_eq!(diff(&before, &after).changed_fields, ["tags"]);
        let unrecorded = Revision {
            relations: None,
            ..before
        };
        assert!(diff(&unrecorded, &after).changed_fields.is_empty());
    }

    #[test]
    fn restoring_keeps_a_custom_excerpt_and_derives_a_derived_one() {
        let derived = revision("T", "Body text.", &[]);
        assert_eq!(derived.as_changes().excerpt, Some(None));
        let custom = Revision {
            excerpt: "An editor's summary.".to_owned(),
            ..derived
        };
        assert_eq!(
            custom.as_changes().excerpt,
            Some(Some("An editor's summary.".to_owned()))
        );
        assert_eq!(custom.as_changes().tags, Some(Vec::new()));
    }
}
