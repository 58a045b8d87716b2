use std::collections::HashSet;

use quire_domain::SourceReference;

use super::*;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/fixtures/syndicated-article.txt"
);

fn fixture() -> ArticleDocument {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    parse(&text).unwrap()
}

fn page(name: &str) -> ArticleDocument {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n").collect()
}

fn headings(body: &str) -> Vec<&str> {
    paragraphs(body)
        .into_iter()
        .filter_map(|paragraph| paragraph.strip_prefix("## "))
        .collect()
}

fn related_titles(document: &ArticleDocument) -> Vec<&str> {
    document
        .related
        .iter()
        .map(|related| match related {
            RelatedReference::Title(title) => title.as_str(),
            RelatedReference::Slug(slug) => panic!("a page names titles, not slug {slug}"),
        })
        .collect()
}

fn assert_no_paragraph_twice(body: &str) {
    let mut seen = HashSet::new();
    for paragraph in paragraphs(body) {
        assert!(seen.insert(paragraph), "appears twice: {paragraph}");
    }
}

#[test]
fn the_fixture_reads_as_its_article() {
    let document = fixture();
    assert_eq!(
        document.title,
        "Dear Pak, Kashmir Needs Solidarity – So Do ‘Missing’ Pakistanis"
    );
    assert_eq!(
        document.source,
        Some(SourceReference {
            name: "The Quint".into(),
            country: Some("India".into())
        })
    );
    assert_eq!(document.authors.len(), 1);
    assert_eq!(document.authors[0].name, "Taha Siddiqui");
    let bio = document.authors[0].bio.as_deref().unwrap();
    assert!(
        bio.starts_with("Taha Siddiqui is an award-winning Pakistani journalist"),
        "{bio}"
    );
    assert!(
        bio.ends_with("neither endorses nor is responsible for the same."),
        "{bio}"
    );
    assert!(
        !document.body.contains("Taha Siddiqui is"),
        "the note is not body text"
    );
}

#[test]
fn the_fixture_keeps_its_structure() {
    let document = fixture();
    assert_eq!(
        headings(&document.body),
        [
            "The Irony of Pakistan’s Kashmir Solidarity Campaign",
            "Pakistan Military’s Expanding ‘Campaign of Abduction’ — With Impunity",
            "Pakistan PM’s U-Turn on ‘Enforced Disappearances’",
            "Dear Pakistan, Charity Begins At Home",
        ]
    );
    let titles = [
        "Kashmir Lockdown & Army ‘CALL’: How Lessons From 2008 Can Help",
        "Why Pakistan Would Be Wise To Stay Out Of Kashmir Issue",
        "Has Pakistan Lost the Kashmir Plot?",
        "While Kashmir Is ‘Under Control’, Trump Isn’t Going To Interfere",
    ];
    assert_eq!(related_titles(&document), titles);
    for title in titles {
        let paragraph = format!("Also read: {title}");
        assert!(
            paragraphs(&document.body).contains(&paragraph.as_str()),
            "{paragraph}"
        );
    }
    assert!(
        document
            .body
            .starts_with("Today, on 30 August, the Pakistani government")
    );
}

#[test]
fn the_fixture_leaves_out_the_page_around_the_article() {
    let document = fixture();
    for left_out in [
        "Skip to main content",
        "Source:",
        "Popular posts",
        "Muddassir",
        "CPEC",
        "Silk Road",
        "Also Read",
    ] {
        assert!(!document.body.contains(left_out), "{left_out}");
    }
    assert_no_paragraph_twice(&document.body);
}

#[test]
fn the_fixture_keeps_pull_quotes_as_block_quotes_beside_the_fuller_paragraphs() {
    let body = fixture().body;
    let quotes: Vec<&str> = paragraphs(&body)
        .into_iter()
        .filter_map(|p| p.strip_prefix("> "))
        .collect();
    assert_eq!(quotes.len(), 4, "{body}");
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("expressing solidarity with the Kashmiris")),
        "{quotes:?}"
    );
    for repeat in [
        "30 August also marks the UN-recognised",
        "In the past, the Pakistani courts",
        "It is important to show solidarity with Kashmir",
        "In such a scenario, where Pakistanis themselves",
    ] {
        let count = paragraphs(&body)
            .iter()
            .filter(|p| p.starts_with(repeat))
            .count();
        assert_eq!(count, 1, "{repeat}");
    }
    assert!(body.contains("the country's citizens on grounds of different suspicions"));
    assert!(body.contains("asking them to express solidarity with the Kashmiris reflects nothing but the government’s double-standards."));
    let ending = "such ‘Kashmir Hour’ campaigns will be meaningless.\n\nAlso read: While Kashmir";
    assert!(
        body.contains(ending),
        "the conclusion stays where the article has it"
    );
}

#[test]
fn two_authors_share_one_note_and_a_source_may_have_no_country() {
    let document = page("two-authors.txt");
    assert_eq!(document.title, "River Towns Count the Cost of a Wet Summer");
    assert_eq!(
        document.source,
        Some(SourceReference {
            name: "Harbour Weekly".into(),
            country: None
        })
    );
    let names: Vec<&str> = document
        .authors
        .iter()
        .map(|author| author.name.as_str())
        .collect();
    assert_eq!(names, ["Lena Moritz", "Samuel Okafor"]);
    assert_eq!(document.authors[0].bio, document.authors[1].bio);
    assert!(headings(&document.body).is_empty(), "{}", document.body);
    assert!(document.related.is_empty());
    assert_eq!(paragraphs(&document.body).len(), 4, "{}", document.body);
    for left_out in [
        "Get link",
        "Pinterest",
        "Search This Blog",
        "Labels",
        "floods\n",
        "Newer Post",
        "Comment",
    ] {
        assert!(!document.body.contains(left_out), "{left_out}");
    }
}

#[test]
fn several_also_read_links_keep_their_order() {
    let document = page("several-also-read.txt");
    assert_eq!(
        related_titles(&document),
        [
            "Why Airports Are Building Railway Stations",
            "The Line That Crosses Six Borders",
            "Timetables Are Political Documents",
            "Can Rail Freight Ever Beat the Lorry?",
        ]
    );
    assert_eq!(
        headings(&document.body),
        ["Why the Sleepers Came Back", "What Comes Next"]
    );
    assert_eq!(document.source.unwrap().country.as_deref(), Some("Austria"));
    assert_eq!(document.authors[0].name, "Ines Baumgartner");
    assert!(!document.body.contains("Ten Stations"));
    assert_no_paragraph_twice(&document.body);
    let quote_kept = paragraphs(&document.body)
        .iter()
        .filter(|p| p.starts_with("Travellers say"))
        .count();
    assert_eq!(quote_kept, 1);
}

#[test]
fn windows_line_ends_read_the_same() {
    let path = format!(
        "{}/tests/fixtures/pages/several-also-read.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let unix = std::fs::read_to_string(path).unwrap();
    let windows = unix.replace('\n', "\r\n");
    let from_windows = crate::formats::read_document(windows.as_bytes()).unwrap();
    assert_eq!(from_windows, page("several-also-read.txt"));
}

#[test]
fn urdu_page_without_an_author_note() {
    let document = page("urdu.txt");
    assert_eq!(document.title, "لاپتہ افراد کے اہل خانہ کا انتظار");
    assert_eq!(
        document.source,
        Some(SourceReference {
            name: "روزنامہ مثال".into(),
            country: Some("پاکستان".into())
        })
    );
    assert!(document.authors.is_empty());
    assert_eq!(headings(&document.body), ["عدالتوں کا کردار"]);
    assert_eq!(related_titles(&document), ["کشمیر پر یکجہتی کی مہم"]);
    assert_no_paragraph_twice(&document.body);
    assert!(!document.body.contains("غیر متعلقہ"));
}

#[test]
fn chinese_page_without_popular_posts() {
    let document = page("chinese.txt");
    assert_eq!(document.title, "高原小镇的第一座图书馆");
    assert_eq!(document.source.unwrap().country.as_deref(), Some("中国"));
    assert_eq!(headings(&document.body), ["志愿者的力量"]);
    assert!(document.body.ends_with("教老人使用手机和网上银行。"));
    assert!(document.authors.is_empty());
}

#[test]
fn page_text_does_not_turn_into_markdown() {
    let document = page("special-characters.txt");
    assert_eq!(document.title, "Hashtags, Lists and Other Traps");
    assert_eq!(document.authors[0].name, "Aoife Byrne");
    let body = paragraphs(&document.body);
    assert!(body[0].starts_with("\\#1 on the list"), "{}", body[0]);
    assert!(body[0].contains("\\*tax by another name\\*"), "{}", body[0]);
    assert!(body[1].starts_with("1\\. That was"), "{}", body[1]);
    assert!(body[2].starts_with("\\- Dashes"), "{}", body[2]);
    assert!(body[3].starts_with("\\> Angle brackets"), "{}", body[3]);
    assert!(
        body[4].contains("under\\_scores, \\[brackets\\] and \\<tags>"),
        "{}",
        body[4]
    );
    assert!(headings(&document.body).is_empty());
}

#[test]
fn text_that_is_not_an_article_page_says_what_was_expected() {
    let reason = parse("Meeting notes\n\nWe agreed on the budget.\n").unwrap_err();
    assert!(
        reason.contains("no `Source: <publication>` line follows its first line, `Meeting notes`"),
        "{reason}"
    );
    let reason = parse("Skip to main content\n\nShare\n").unwrap_err();
    assert!(reason.contains("nothing but navigation"), "{reason}");
    let reason =
        parse("A title\n\nSource: Dawn\n\nPopular posts from this blog\n\nOther").unwrap_err();
    assert!(reason.contains("no article text"), "{reason}");
}

#[test]
fn a_subhead_that_repeats_a_phrase_of_its_paragraph_stays() {
    let text = "A title\n\nSource: Dawn\n\nFirst paragraph.\n\nThe Long Campaign of Enforced Abductions in the Province\n\n\
                The long campaign of enforced abductions in the province began in the 2000s.\n";
    let document = parse(text).unwrap();
    assert_eq!(
        headings(&document.body),
        ["The Long Campaign of Enforced Abductions in the Province"]
    );
}

#[test]
fn a_short_page_with_a_standfirst_before_the_source() {
    let document =
        parse("A title\n\n30 August 2019\n\nSource: Dawn, Pakistan\n\nThe body.\n").unwrap();
    assert_eq!(document.body, "30 August 2019\n\nThe body.");
    assert_eq!(
        also_read_paragraph("A *bold* title"),
        "Also read: A \\*bold\\* title"
    );
}
