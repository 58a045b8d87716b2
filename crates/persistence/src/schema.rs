//! Diesel's view of the tables, limited to SQL types both backends share. It mirrors
//! `migrations/sqlite` and `migrations/postgres`, which must stay type-compatible.

diesel::table! {
    /// Accounts that can sign in.
    users (id) {
        /// Identity.
        id -> BigInt,
        /// Lowercased sign-in address.
        email -> Text,
        /// Display name.
        name -> Text,
        /// ADMIN, EDITOR or AUTHOR.
        role -> Text,
        /// argon2id PHC string.
        password_hash -> Text,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// Last change instant (UTC).
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// People credited on articles.
    authors (id) {
        /// Identity.
        id -> BigInt,
        /// Unique URL name.
        slug -> Text,
        /// Display name.
        name -> Text,
        /// Biography.
        bio -> Nullable<Text>,
        /// Portrait address.
        avatar_url -> Nullable<Text>,
        /// Profile page.
        url -> Nullable<Text>,
        /// Linked account.
        user_id -> Nullable<BigInt>,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// Last change instant (UTC).
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Publications articles come from.
    sources (id) {
        /// Identity.
        id -> BigInt,
        /// Unique URL name.
        slug -> Text,
        /// Publication name.
        name -> Text,
        /// Home page.
        url -> Nullable<Text>,
        /// Country.
        country -> Nullable<Text>,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// Last change instant (UTC).
        updated_at -> Timestamp,
        /// Name of the licence its articles are reused under.
        license -> Nullable<Text>,
        /// The credit the licence requires, replacing the standard one.
        attribution_text -> Nullable<Text>,
    }
}

diesel::table! {
    /// Topic labels.
    tags (id) {
        /// Identity.
        id -> BigInt,
        /// Unique URL name.
        slug -> Text,
        /// Display name.
        name -> Text,
        /// Lowercased name, unique, so "Kashmir" and "kashmir" are one tag.
        name_key -> Text,
        /// Description.
        description -> Nullable<Text>,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// Last change instant (UTC).
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Editorial content.
    articles (id) {
        /// Identity.
        id -> BigInt,
        /// Unique URL name.
        slug -> Text,
        /// Headline.
        title -> Text,
        /// Standfirst.
        subtitle -> Nullable<Text>,
        /// Listing summary.
        excerpt -> Text,
        /// Whether the excerpt was written by a person.
        excerpt_is_custom -> Bool,
        /// Markdown source.
        body -> Text,
        /// Sanitised HTML, rendered on write.
        body_html -> Text,
        /// Words in the body.
        word_count -> Integer,
        /// DRAFT, SCHEDULED, PUBLISHED or ARCHIVED.
        status -> Text,
        /// When it goes or went live.
        published_at -> Nullable<Timestamp>,
        /// `published_at`, or `created_at` while unpublished: the never-null key that
        /// publication-order listings sort and paginate on.
        sort_at -> Timestamp,
        /// Originating publication.
        source_id -> Nullable<BigInt>,
        /// Original address.
        source_url -> Nullable<Text>,
        /// Creating account.
        created_by -> Nullable<BigInt>,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// Last change instant (UTC).
        updated_at -> Timestamp,
        /// Optimistic concurrency counter.
        version -> Integer,
        /// Where the original lives, for search engines.
        canonical_url -> Nullable<Text>,
        /// When readers stop seeing it because the right to show it ends; NULL: never.
        rights_expire_at -> Nullable<Timestamp>,
        /// When it was moved to the trash; NULL: not in the trash.
        trashed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Bylines, in order.
    article_authors (article_id, author_id) {
        /// Article.
        article_id -> BigInt,
        /// Author.
        author_id -> BigInt,
        /// Byline order, from 0.
        position -> Integer,
        /// The article's `sort_at`, kept in step by triggers, so an author's newest articles
        /// are one index range.
        sort_at -> Timestamp,
    }
}

diesel::table! {
    /// Tags on articles, in order.
    article_tags (article_id, tag_id) {
        /// Article.
        article_id -> BigInt,
        /// Tag.
        tag_id -> BigInt,
        /// Display order, from 0.
        position -> Integer,
        /// The article's `sort_at`, kept in step by triggers, so a tag's newest articles are
        /// one index range.
        sort_at -> Timestamp,
    }
}

diesel::table! {
    /// "Also read" links.
    article_related (article_id, related_id) {
        /// Article showing the link.
        article_id -> BigInt,
        /// Linked article.
        related_id -> BigInt,
        /// Display order, from 0.
        position -> Integer,
    }
}

diesel::table! {
    /// Snapshots of an article's text at each version.
    article_revisions (id) {
        /// Identity.
        id -> BigInt,
        /// Article.
        article_id -> BigInt,
        /// The article version this snapshot is.
        version -> Integer,
        /// Headline then.
        title -> Text,
        /// Standfirst then.
        subtitle -> Nullable<Text>,
        /// Excerpt then.
        excerpt -> Text,
        /// Body then.
        body -> Text,
        /// Account that made the change.
        edited_by -> Nullable<BigInt>,
        /// When.
        created_at -> Timestamp,
        /// Authors, tags, source and related articles then, as JSON; NULL when not recorded.
        relations -> Nullable<Text>,
    }
}

diesel::table! {
    /// Slugs articles had before they were renamed: each still leads to its article, and no
    /// other article may take it.
    article_slugs (slug) {
        /// The former slug.
        slug -> Text,
        /// The article it leads to.
        article_id -> BigInt,
        /// When the article stopped using it (UTC); orders an article's former slugs.
        retired_at -> Timestamp,
    }
}

diesel::table! {
    /// Public notes appended to an article after it ran; never edited, read oldest first.
    article_corrections (id) {
        /// Identity; orders an article's corrections.
        id -> BigInt,
        /// Article corrected.
        article_id -> BigInt,
        /// The note as readers see it, plain text.
        text -> Text,
        /// Account that added it.
        created_by -> Nullable<BigInt>,
        /// When it was added (UTC).
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Refresh tokens, stored as hashes only.
    refresh_tokens (id) {
        /// Identity.
        id -> BigInt,
        /// Owner.
        user_id -> BigInt,
        /// Shared by every token rotated from one sign-in; reuse revokes the whole family.
        family -> Text,
        /// SHA-256 of the token, hex.
        token_hash -> Text,
        /// Expiry.
        expires_at -> Timestamp,
        /// When it was exchanged for a new one.
        used_at -> Nullable<Timestamp>,
        /// When it was revoked.
        revoked_at -> Nullable<Timestamp>,
        /// Issue instant.
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Server-wide settings kept in the database, such as a generated signing secret.
    settings (name) {
        /// Setting name.
        name -> Text,
        /// Setting value.
        value -> Text,
    }
}

diesel::table! {
    /// GraphQL operations registered ahead, by the SHA-256 of their text.
    persisted_queries (hash) {
        /// SHA-256 of the operation text, lowercase hex.
        hash -> Text,
        /// The operation text.
        query -> Text,
        /// Registration instant (UTC).
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Read-only API tokens, stored as hashes only.
    api_tokens (id) {
        /// Identity.
        id -> BigInt,
        /// What the token is for, as the admin named it.
        name -> Text,
        /// READ or PREVIEW.
        scope -> Text,
        /// SHA-256 of the secret, hex.
        secret_hash -> Text,
        /// Admin who created it.
        created_by -> BigInt,
        /// Creation instant (UTC).
        created_at -> Timestamp,
        /// When it stops working, if ever.
        expires_at -> Nullable<Timestamp>,
        /// Last request it authenticated, to the minute.
        last_used_at -> Nullable<Timestamp>,
        /// When it was revoked.
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Who changed what and when, one row per record a write changed; append only.
    audit_log (id) {
        /// Identity; later entries have larger ids.
        id -> BigInt,
        /// When the write was made (UTC).
        at -> Timestamp,
        /// Account that made it; NULL for the server's own command line.
        actor_id -> Nullable<BigInt>,
        /// The operation's public name, such as `updateArticle`.
        action -> Text,
        /// `ARTICLE`, `AUTHOR`, `SOURCE`, `TAG`, `USER` or `API_TOKEN`.
        record_type -> Text,
        /// The changed record's id.
        record_id -> BigInt,
        /// Its version before; NULL when new or unversioned.
        version_before -> Nullable<Integer>,
        /// Its version after; NULL when removed or unversioned.
        version_after -> Nullable<Integer>,
    }
}

diesel::joinable!(article_authors -> articles (article_id));
diesel::joinable!(article_authors -> authors (author_id));
diesel::joinable!(article_tags -> articles (article_id));
diesel::joinable!(article_tags -> tags (tag_id));
diesel::joinable!(article_revisions -> articles (article_id));
diesel::joinable!(article_corrections -> articles (article_id));
diesel::joinable!(article_slugs -> articles (article_id));
diesel::joinable!(articles -> sources (source_id));
diesel::joinable!(authors -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(api_tokens -> users (created_by));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    authors,
    sources,
    tags,
    articles,
    article_authors,
    article_tags,
    article_related,
    article_revisions,
    article_corrections,
    article_slugs,
    refresh_tokens,
    api_tokens,
    settings,
    persisted_queries,
    audit_log,
);
