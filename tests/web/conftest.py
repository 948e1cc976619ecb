"""Fixtures of the web tests: a real DuckDB store built from the example articles and a hostile one, the app
served by uvicorn on a free loopback port, and a headless Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article

# An article that tries to run script through its text, its title and its URL. Each attempt would set
# window.__pwned; the tests check that none did and that the text is shown as written.
HOSTILE_TITLE = '<script>window.__pwned = "title"</script><b>Ceasefire</b> <img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = ('Hamas accused Israel of violence <script>window.__pwned = "text"</script> in Gaza on Friday. '
                'Egypt urged Israel to return to talks <img src=x onerror="window.__pwned = \'img\'"> in Cairo. '
                '"</span><script>window.__pwned = 2</script>" said a Hamas official.')
HOSTILE_URL = "javascript:window.__pwned='url'"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def example_articles(root: Path, shared: Path) -> list[Article]:
    articles = [Article(text=(root / "examples" / "sudan-talks-walkout.txt").read_text(encoding="utf8").strip(),
                        title="Sudan's army walks out of Jeddah talks", url="https://example.org/sudan",
                        published=date(2025, 3, 4), origin="sudan-talks-walkout.txt")]
    gaza = shared / "examples" / "gaza-talks-collapse.txt"
    if gaza.exists():
        articles.append(Article(text=gaza.read_text(encoding="utf8").strip(), title="Gaza ceasefire talks collapse",
                                published=date(2025, 7, 25), origin=str(gaza)))
    articles.append(Article(text=HOSTILE_TEXT, title=HOSTILE_TITLE, url=HOSTILE_URL, published=date(2025, 7, 26),
                            origin="hostile"))
    return articles


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    root = Path(__file__).resolve().parents[2]
    return example_articles(root, root.parent / "shared")


@pytest.fixture(scope="session")
def hostile(articles) -> Article:
    return articles[-1]


@pytest.fixture(scope="session")
def records(extractor, articles) -> list[dict]:
    """The canonical records of the articles, as `eventwire extract` gives them."""
    results = extractor.extract(articles)
    assert all(hasattr(result, "article") for result in results), results
    return [result.to_dict() for result in results]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, extractor, records) -> Path:
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(str(path)) as store:
        store.write(records, extractor.provenance)
    return path


@pytest.fixture(scope="session")
def server(store_path) -> str:
    """Base URL of the app served over a real socket."""
    from eventwire.web import create_app
    from eventwire.web.background import running

    with running(create_app(store_path)) as url:
        yield url


@pytest.fixture(scope="session")
def http(server):
    import httpx

    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable or not Path(executable).exists():
        pytest.skip("no Chromium browser: install Debian's chromium package (scripts/test.d/chromium.sh does) "
                    "or set EVENTWIRE_CHROMIUM to its path")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, server):
    """A fresh browser page. `page.problems` collects script errors and console errors (a blocked inline
    script or a failed request shows up there)."""
    context = chromium.new_context(base_url=server)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    yield page
    context.close()
