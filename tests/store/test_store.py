"""The Store interface on real databases: a DuckDB file, and PostgreSQL when a server is reachable."""
from __future__ import annotations

import threading

import pytest

from eventwire.store import StoreError, open_store
from eventwire.store.exports import analyses, layouts, run_analysis

PROVENANCE = {"eventwire_version": "test", "model": "m-1", "lexicon": "abc"}


@pytest.fixture(scope="module")
def stored_records(store_path) -> list[dict]:
    with open_store(str(store_path), read_only=True) as store:
        return list(store.records())


@pytest.fixture(params=["duckdb", "postgresql"])
def location(request, tmp_path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "copy.duckdb")
    return request.getfixturevalue("postgres_url")


def test_records_round_trip_and_writes_are_idempotent(location, stored_records):
    with open_store(location) as store:
        assert store.write(stored_records, PROVENANCE) == len(stored_records)
        counts = store.counts()
        assert store.write(stored_records, PROVENANCE) == 0  # already stored: left as they are
        assert store.write(stored_records[:1] * 3, PROVENANCE) == 0
        assert store.counts() == counts
        assert list(store.records()) == stored_records
        first = stored_records[0]["id"]
        assert store.has([first, "no-such-article"]) == {first}
        assert list(store.records([first, "no-such-article"])) == stored_records[:1]
        assert store.query("SELECT DISTINCT model, lexicon FROM articles").to_pylist() == [
            {"model": "m-1", "lexicon": "abc"}]


def test_delete_then_write_replaces(location, stored_records):
    with open_store(location) as store:
        store.write(stored_records, PROVENANCE)
        counts = store.counts()
        first = stored_records[0]["id"]
        assert store.delete([first, "no-such-article"]) == 1
        assert store.has([first]) == set()
        assert store.counts()["articles"] == counts["articles"] - 1
        assert store.write(stored_records, {**PROVENANCE, "model": "m-2"}) == 1
        assert store.counts() == counts
        assert store.query("SELECT model FROM articles WHERE article_id = ?", [first]).to_pylist() == [
            {"model": "m-2"}]


def test_queries_are_read_only(location, stored_records):
    with open_store(location) as store:
        store.write(stored_records, PROVENANCE)
        for sql in ("DELETE FROM articles", "DROP TABLE events"):
            with pytest.raises(StoreError):
                store.query(sql)
        with pytest.raises(StoreError):
            store.query("SELECT no_such_column FROM articles")
        assert store.counts()["articles"] == len(stored_records)


def test_duckdb_and_postgresql_give_the_same_answers(store_path, postgres_url, stored_records):
    with open_store(str(store_path), read_only=True) as duck, open_store(postgres_url) as server:
        server.write(stored_records, PROVENANCE)
        assert server.counts() == duck.counts()
        for name in layouts():
            sql = layouts()[name].sql()
            assert server.query(sql).num_rows == duck.query(sql).num_rows > 0
        for name in analyses():
            arguments = {"actor": "SDN", "limit": 10}
            expected = run_analysis(duck, name, arguments).to_pylist()
            assert expected, name
            got = run_analysis(server, name, arguments).to_pylist()
            # the same rows (text may sort differently: PostgreSQL collates by locale)
            assert sorted(str(sorted(row.items())) for row in got) == sorted(
                str(sorted(row.items())) for row in expected), name


def test_read_only_duckdb_serves_threads_and_refuses_writes(store_path, stored_records):
    with open_store(str(store_path), read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write(stored_records, PROVENANCE)
        results: list[int] = []

        def read() -> None:
            for _ in range(5):
                results.append(store.query("SELECT count(*) AS n FROM events").column("n")[0].as_py())

        threads = [threading.Thread(target=read) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(results) == 20 and len(set(results)) == 1 and results[0] > 0


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(str(tmp_path / "absent.duckdb"), read_only=True)
