"""Article text, titles and URLs are untrusted: a stored article carrying <script>, HTML and a javascript: URL
is shown as text on every page, and none of its script runs."""
from __future__ import annotations

import pytest

from tests.web.conftest import HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL


def pages_showing(hostile) -> list[str]:
    return ["/", f"/articles/{hostile.id}", f"/events?article={hostile.id}", "/events?q=script",
            f"/timeline?article={hostile.id}", f"/network?article={hostile.id}", "/talks"]


@pytest.mark.parametrize("which", range(7))
def test_nothing_runs(page, hostile, which):
    path = pages_showing(hostile)[which]
    response = page.goto(path)
    assert response.status == 200, path
    assert page.evaluate("() => window.__pwned") is None, path
    assert page.locator("script").count() == 0
    assert page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert not page.problems, page.problems


def test_shown_as_written(page, hostile):
    page.goto(f"/articles/{hostile.id}")
    assert page.locator("h1#title").inner_text() == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE)
    assert page.locator("#text").inner_text() == HOSTILE_TEXT
    assert page.locator(".source-url").inner_text() == HOSTILE_URL
    assert page.locator(".source-url").evaluate("element => element.tagName") == "SPAN"
    page.goto("/")
    assert HOSTILE_TITLE in page.locator("#articles").inner_text()
    page.goto("/events?q=script")
    assert "<script>" in page.locator("table#events").inner_text()
    assert page.evaluate("() => window.__pwned") is None


def test_escaped_in_the_html(http, hostile):
    for path in (f"/articles/{hostile.id}", "/", "/events?q=script"):
        html = http.get(path).text
        assert "<script" not in html and "<img" not in html, path
        assert "&lt;script&gt;" in html
