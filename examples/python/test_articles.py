"""A frontend team's integration tests against a throwaway Quire, with pytest and urllib."""

import urllib.error

import pytest


def test_readers_see_the_published_seed_and_never_the_draft(quire):
    answer = quire.graphql("{ articles { nodes { slug tags { name } } } }")
    slugs = [a["slug"] for a in answer["data"]["articles"]["nodes"]]
    assert slugs == ["dockers-walk-out", "night-shift-pay-explained"]


def test_the_rest_api_serves_articles_as_json(quire):
    status, headers, body = quire.get("/api/articles?tag=labour")
    assert status == 200
    assert "ETag" in headers
    assert [a["slug"] for a in body["data"]] == ["dockers-walk-out", "night-shift-pay-explained"]


def test_an_unknown_article_is_a_json_404(quire):
    with pytest.raises(urllib.error.HTTPError) as refused:
        quire.get("/api/articles/no-such-story")
    assert refused.value.code == 404


def test_an_editor_writes_and_publishes_and_readers_see_it(quire):
    created = quire.graphql(
        "mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug } }",
        {"input": {"title": "Port reopens after talks", "body": "Ships are loading again."}},
        as_user="editor",
    )["data"]["createArticle"]
    published = quire.graphql(
        "mutation($id: ID!) { publishArticle(id: $id) { status } }",
        {"id": created["id"]},
        as_user="editor",
    )
    assert published["data"]["publishArticle"]["status"] == "PUBLISHED"
    read = quire.graphql(
        "query($slug: String!) { article(slug: $slug) { title } }", {"slug": created["slug"]}
    )
    assert read["data"]["article"]["title"] == "Port reopens after talks"


def test_drafts_are_for_editors_only(quire):
    query = 'query { article(slug: "port-budget-draft") { title status } }'
    assert quire.graphql(query)["data"]["article"] is None
    seen = quire.graphql(query, as_user="editor")["data"]["article"]
    assert seen == {"title": "Port authority weighs a new budget", "status": "DRAFT"}


def test_an_author_account_made_by_the_admin_cannot_publish(quire):
    quire.graphql(
        'mutation { createUser(input: { email: "writer@quire.test", name: "Writer", role: AUTHOR,'
        ' password: "a long enough password" }) { id } }',
        as_user="admin",
    )
    session = quire.graphql(
        'mutation { login(email: "writer@quire.test", password: "a long enough password")'
        " { accessToken } }"
    )["data"]["login"]
    quire.users["writer"] = {"accessToken": session["accessToken"]}
    draft = quire.graphql(
        'mutation { createArticle(input: { title: "My first piece", body: "Words." }) { id } }',
        as_user="writer",
    )["data"]["createArticle"]
    refused = quire.graphql(
        "mutation($id: ID!) { publishArticle(id: $id) { status } }", {"id": draft["id"]}, as_user="writer"
    )
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
