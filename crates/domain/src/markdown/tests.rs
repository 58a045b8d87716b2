use super::*;

#[test]
fn renders_common_markdown() {
    let html = render_html("## Subhead\n\nSome *emphasis* and a [link](https://example.com).");
    assert!(html.contains("<h2 id=\"subhead\">Subhead</h2>"), "{html}");
    assert!(html.contains("<em>emphasis</em>"));
    assert!(html.contains("href=\"https://example.com\""));
}

#[test]
fn strips_scripts_and_handlers() {
    let html = render_html(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("onerror"));
    assert!(!html.contains("javascript:"));
}

#[test]
fn subheads_get_anchors_that_the_table_of_contents_lists() {
    let body = "Intro.\n\n## What the dockers want\n\nText.\n\n### Pay\n\nMore.\n\n## What the dockers want\n\n## `code` & *style* {#chosen}\n\n## ¿?\n";
    let html = render_html(body);
    let toc = table_of_contents(body);
    let anchors: Vec<&str> = toc.iter().map(|h| h.anchor.as_str()).collect();
    assert_eq!(
        anchors,
        [
            "what-the-dockers-want",
            "pay",
            "what-the-dockers-want-2",
            "chosen",
            "section"
        ]
    );
    assert_eq!(toc[1].level, 3);
    assert_eq!(toc[3].text, "code & style");
    for anchor in anchors {
        assert!(
            html.contains(&format!(" id=\"{anchor}\"")),
            "{anchor} in {html}"
        );
    }
}

#[test]
fn a_chosen_anchor_that_is_not_a_slug_is_replaced_by_the_headings_own() {
    let toc = table_of_contents("## Results {#Bad Id!}\n");
    assert_eq!(toc[0].anchor, "results");
}

#[test]
fn tables_block_quotes_and_footnotes_render() {
    let body = "| Year | Pay |\n|---|---|\n| 2017 | 1,500 |\n\n> We are not asking for more.\n\nA claim.[^src] Another.[^src] A third.[^2]\n\n[^src]: The union's letter.\n[^2]: Port records.\n";
    let html = render_html(body);
    assert!(
        html.contains("<table>") && html.contains("<td>1,500</td>"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote>\n<p>We are not asking for more.</p>\n</blockquote>"),
        "{html}"
    );
    assert!(
        html.contains("<sup class=\"footnote-reference\" id=\"fnref-src\"><a href=\"#fn-src\""),
        "{html}"
    );
    assert!(
        html.contains("<sup class=\"footnote-reference\"><a href=\"#fn-src\""),
        "a second call of a note links without repeating its anchor: {html}"
    );
    assert!(
        html.contains("<a href=\"#fn-2\" rel=\"noopener noreferrer\">2</a>"),
        "{html}"
    );
    assert!(
        html.contains("<div class=\"footnote-definition\" id=\"fn-src\">"),
        "{html}"
    );
    assert!(html.contains("<a href=\"#fnref-src\""), "{html}");
}

#[test]
fn an_image_alone_in_its_paragraph_is_a_figure_with_a_caption() {
    let html = render_html(
        "![Cranes at dawn](https://example.com/cranes.jpg \"Cranes idle at the terminal <b>today</b>\")\n\n![Alt only](https://example.com/a.jpg)\n\nText with ![inline](https://example.com/i.jpg) image.",
    );
    assert!(
        html.contains("<figure><img src=\"https://example.com/cranes.jpg\" alt=\"Cranes at dawn\" title=\"Cranes idle at the terminal &lt;b&gt;today&lt;/b&gt;\"><figcaption>Cranes idle at the terminal &lt;b&gt;today&lt;/b&gt;</figcaption></figure>"),
        "{html}"
    );
    assert!(html.contains("<figcaption>Alt only</figcaption>"), "{html}");
    assert!(
        html.contains("<p>Text with <img"),
        "an image inside text stays inline: {html}"
    );
}

#[test]
fn raw_html_cannot_name_elements_or_borrow_footnote_classes_for_other_markup() {
    let html = render_html(
        "<div id=\"config\" class=\"footnote-definition evil\">x</div>\n\n<h2 id=\"a b\">Hi</h2>\n\n<p id=\"fn-1\">y</p>",
    );
    assert!(!html.contains("id=\"config\""), "{html}");
    assert!(!html.contains("evil"), "{html}");
    assert!(!html.contains("id=\"a b\""), "{html}");
    assert!(!html.contains("<p id="), "{html}");
}
