"""The pages through Flask's test client: what they contain, what they refuse, and that the
JSON API is untouched by them."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import event

from api.app import create_app
from api.config import Settings
from api.pages.articles import safe_link
from api.pages.security import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[2]
# Article text may hold one tag-like string (two or more make the library refuse it as HTML),
# which is all an attack needs: an unclosed <script> runs to the end of the page.
XSS_TITLE = 'Rebels <img src=x onerror="window.framingPwned=1"> said the town fell'  # mid-title: the markup stays inside the analysed span, so it must show as text
XSS_TEXTS = (
    'Officials said the <script>window.framingPwned = 2; alert(2) attack was over.\n\nA spokesman told reporters the town was quiet.',
    'A spokesman told reporters: "<img src=x onerror="window.framingPwned=3;alert(3)"> is not a word we use."',
)
PAGES = ("/", "/articles", "/articles/1", "/dashboard", "/stories/1")


def _findings(report: dict) -> int:
    sections = ([report["title"]] if report["title"] else []) + report["paragraphs"]
    return sum(len(section[key]) for section in sections for key in ("attributions", "loaded_terms", "hedges", "actor_mentions"))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    policy = response.headers["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in policy and "script-src 'self'" in policy
    body = response.get_data(as_text=True)
    assert not re.search(r"<script>|<script(?![^>]*(src=|type=\"application/json\"))", body), "an inline script would be blocked"
    assert " style=" not in body and "<style" not in body, "inline styles would be blocked"


def test_the_json_api_keeps_its_headers_and_openapi(client):
    assert "Content-Security-Policy" not in client.get("/v1/metrics").headers
    assert "Content-Security-Policy" not in client.get("/docs").headers  # Swagger UI needs its inline script
    paths = client.get("/openapi.json").get_json()["paths"]
    assert all(path.startswith(("/v1/", "/healthz", "/readyz")) for path in paths), sorted(paths)


def test_the_seed_article_shows_every_finding_of_its_report(client, seed_text):
    form = {"text": seed_text, "profile": "syria-2015"}
    report = client.post("/", data={**form, "format": "json"}).get_json()
    assert report == client.post("/v1/analyze", json=form).get_json(), "the page's JSON is POST /v1/analyze's"
    page = client.post("/", data=form).get_data(as_text=True)
    assert page.count('<li class="card layer-') == _findings(report)
    assert page.count('<li class="card layer-attribution"') == sum(len(p["attributions"]) for p in report["paragraphs"])
    assert "armed group / &lt;group name&gt;" in page  # the neutral alternative of "militant group"
    for source in report["document"]["sourcing"]["sources"]:
        assert str(source["name"]).replace("'", "&#39;") in page
    for voice in report["document"]["sourcing"]["missing_voices"]:
        assert voice["name"] in page


@pytest.mark.parametrize("text", XSS_TEXTS)
def test_article_text_is_escaped(client, text):
    response = client.post("/", data={"title": XSS_TITLE, "text": text})
    assert response.status_code == 200, "the library accepts one tag-like string"
    page = response.get_data(as_text=True)
    article = page[page.index('id="article-text"'):]  # the marked text, not the form's copy
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=&#34;window.framingPwned=1&#34;&gt;" in article
    assert ("&lt;script&gt;window.framingPwned = 2" in article) or ("&lt;img src=x onerror=&#34;window.framingPwned=3" in article)


@pytest.mark.parametrize(("headers", "status"), [
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-site"}, 403),
    ({"Origin": "https://attacker.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}, 200),
    ({"Origin": "http://localhost"}, 200),
    ({}, 200),  # no browser sent it: curl and scripts
])
def test_cross_site_form_posts_are_refused(client, headers, status):
    response = client.post("/", data={"text": "Officials said the talks would resume."}, headers=headers)
    assert response.status_code == status
    if status == 403:
        assert "another site" in response.get_data(as_text=True) or "own pages" in response.get_data(as_text=True)


def test_bad_input_is_explained_on_the_page(client):
    missing = client.post("/", data={"title": "No text"})
    assert missing.status_code == 422 and "Paste the article" in missing.get_data(as_text=True)
    bad_date = client.post("/", data={"text": "Officials said the talks would resume.", "published_at": "yesterday"})
    assert bad_date.status_code == 422 and "published_at" in bad_date.get_data(as_text=True)
    unknown_profile = client.post("/", data={"text": "Officials said the talks would resume.", "profile": "nope"})
    assert unknown_profile.status_code == 422 and "no stored or bundled profile" in unknown_profile.get_data(as_text=True)


def _listed(client, url: str) -> list[str]:
    """The article ids listed from ``url`` on, following the "more" links to the end."""
    links = []
    while url:
        page = client.get(url).get_data(as_text=True)
        links += re.findall(r'href="/articles/(\d+)"', page)
        found = re.search(r'href="([^"]+)" rel="next"', page)
        url = found and found.group(1).replace("&amp;", "&")
    return links


def test_articles_are_filtered_and_paged_with_the_cursor(client, monkeypatch):
    monkeypatch.setattr("api.pages.articles.ARTICLES_PER_PAGE", 5)
    links = _listed(client, "/articles")
    assert len(links) == len(set(links)) == 17
    assert len(_listed(client, "/articles?outlet=wire")) == 6
    assert len(_listed(client, "/articles?from=2016-03-01&to=2016-03-31")) == 7
    wrong_way = client.get("/articles?from=2016-03-31&to=2016-03-01").get_data(as_text=True)
    assert "&#39;from&#39; is after &#39;to&#39;" in wrong_way


def test_the_article_list_never_counts_its_matches(client, pages_app):
    """A count of every match is a scan of them all (seconds at ten million articles): the
    list and the analyse page's recent articles read one page along the index instead."""
    statements = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement)

    engine = pages_app.extensions["framing_db"].engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        for url in ("/articles", "/articles?outlet=wire&q=said", "/"):
            assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert any("FROM articles" in statement for statement in statements)
    assert not [statement for statement in statements if "count(" in statement.lower()]


def test_a_stored_article_is_marked(client):
    page = client.get("/articles/1").get_data(as_text=True)
    assert 'class="m ' in page and '<li class="card layer-' in page and 'href="/v1/articles/1"' in page
    missing = client.get("/articles/999")
    assert missing.status_code == 404 and "No stored article has id 999" in missing.get_data(as_text=True)


@pytest.mark.parametrize(("url", "linked"), [
    ("https://example.org/a", True), ("http://example.org/a", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False), (None, False),
])
def test_only_web_addresses_become_links(url, linked):
    assert (safe_link(url) is not None) == linked


def test_the_dashboard_has_a_series_per_outlet_and_the_comparison(client):
    page = client.get("/dashboard").get_data(as_text=True)
    data = re.search(r'<script type="application/json" id="trend-data">(.*?)</script>', page).group(1)
    assert sorted(re.findall(r'"outlet":"(\w+)"', data)) == ["daily", "post", "wire"]
    assert page.count('<ul class="words"') == 3
    assert "Words that set wire apart" in page and 'href="/stories/' in page
    actor = client.get("/dashboard?metric=actor_sentiment").get_data(as_text=True)
    assert re.search(r'<option value="(\w+)" selected>', actor), "an actor metric picks the most mentioned actor"
    invalid = client.get("/dashboard?metric=nope&from=2016-05-01&to=2016-01-01")
    assert invalid.status_code == 200 and "Must be one of" in invalid.get_data(as_text=True)


def test_a_story_shows_its_outlets_side_by_side(client):
    dashboard = client.get("/dashboard").get_data(as_text=True)
    story = re.search(r'href="(/stories/\d+)"', dashboard).group(1)
    page = client.get(story).get_data(as_text=True)
    assert page.count('<article class="panel outlet"') >= 2
    assert client.get("/stories/99999").status_code == 404


def test_templates_and_static_files_ship_in_the_wheel():
    """Every file under api/pages/templates and static matches a package-data pattern, so a
    non-editable `pip install .` serves the pages too."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["api.pages"]
    package = ROOT / "api" / "pages"
    files = [path for folder in ("templates", "static") for path in (package / folder).rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert any(path.relative_to(package).match(pattern) for pattern in patterns), path
    assert (package / "static" / "vendor" / "LICENSE.md").exists()


def test_analyses_through_the_page_count_against_the_rate_limit(tmp_path):
    """The page runs the same analysis as POST /v1/analyze, so it shares its per-client limit."""
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'limited.sqlite3'}", rate_limit="2/minute"))
    client = app.test_client()
    form = {"text": "Officials said the talks would resume."}
    assert [client.post("/", data=form).status_code for _ in range(2)] == [200, 200]
    refused = client.post("/", data=form)
    assert refused.status_code == 429 and "<h1>" in refused.get_data(as_text=True)
    assert client.get("/").status_code == 200, "reading pages is not limited"
