"""Fixtures for the store: small real articles, a DuckDB store ingested once per session, PostgreSQL."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[2]
SUDAN = (ROOT / "examples" / "sudan-talks-walkout.txt").read_text(encoding="utf8")
ARTICLES = {
    "sudan.txt": SUDAN,
    # a syndicated copy of the same wire report: a byline, an edited sentence, a credit line
    "sudan-copy.txt": "By our correspondent\n\n" + SUDAN.replace("on Tuesday", "on Tuesday afternoon")
    + "\n\n(Reporting by the Jeddah bureau; editing by the news desk)",
    "donbas.txt": "Russia accused Ukraine of shelling a power plant near Donetsk on Monday, and Ukraine denied "
                  "the charge. The Ukrainian government said Russia had attacked civilian areas overnight. "
                  "France urged both countries to resume talks in Geneva next week.",
    "gulf.jsonl": '{"id": "doha-1", "title": "Mediators push for talks", "url": "https://news.example.org/doha", '
                  '"published": "2025-03-05", "text": "Qatar and Egypt urged Israel and Hamas to resume '
                  'ceasefire talks in Doha. Israel rejected the proposal on Wednesday, and Hamas accused Israel '
                  'of delaying progress."}\n',
}
EXPECTED_ARTICLES = len(ARTICLES)


def cli(*args: str) -> object:
    """Run the real CLI in this process. RETURNS (Result): exit code and output."""
    return CliRunner().invoke(app, list(args))


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not text \xff\xfe")
    return folder


@pytest.fixture(scope="session")
def articles(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="session")
def store_path(articles, tmp_path_factory) -> Path:
    """A DuckDB store holding the articles, ingested once by the real command."""
    path = tmp_path_factory.mktemp("store") / "eventwire.duckdb"
    result = cli("ingest", str(articles), "--db", str(path), "--date", "2025-03-04", "--workers", "1")
    assert result.exit_code == 1, result.output  # the broken file fails; the others are stored
    return path


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The DSN of a reachable PostgreSQL server (EVENTWIRE_TEST_POSTGRES, set by scripts/test.d/postgres.sh)."""
    dsn = os.environ.get("EVENTWIRE_TEST_POSTGRES")
    if not dsn:
        pytest.skip("EVENTWIRE_TEST_POSTGRES is not set (scripts/test.d/postgres.sh starts a server and sets it)")
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.Error as error:
        pytest.skip(f"PostgreSQL at EVENTWIRE_TEST_POSTGRES is not reachable: {error}")
    return dsn


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"eventwire_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
