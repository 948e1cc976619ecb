"""The same API over a PostgreSQL store: every answer matches the DuckDB store's."""
from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import pytest

CALLS = ["/api/events?limit=500", "/api/events?actor=hamas&quad_class=3", "/api/events?q=talks&since=2025-03-01",
         "/api/actors?limit=500", "/api/quotes?limit=500", "/api/counts", "/api/timeline", "/api/network",
         "/api/talks"]


@pytest.fixture(scope="module")
def postgres_dsn(records, extractor):
    dsn = os.environ.get("EVENTWIRE_TEST_POSTGRES")
    if not dsn:
        pytest.skip("EVENTWIRE_TEST_POSTGRES is not set (scripts/test.d/postgres.sh sets it up)")
    import psycopg

    from eventwire.store import open_store

    name = f"eventwire_web_{os.getpid()}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    ours = urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))
    with open_store(ours) as store:
        store.write(records, extractor.provenance)
    yield ours
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_answers_like_duckdb(postgres_dsn, http):
    import httpx

    from eventwire.web import create_app
    from eventwire.web.background import running

    with running(create_app(postgres_dsn)) as url, httpx.Client(base_url=url, timeout=30) as postgres:
        for call in CALLS:
            assert postgres.get(call).json() == http.get(call).json(), call
        article = http.get("/api/articles").json()["items"][0]["article_id"]
        assert postgres.get(f"/api/articles/{article}").json() == http.get(f"/api/articles/{article}").json()
        assert postgres.get("/events?actor=hamas").status_code == 200
