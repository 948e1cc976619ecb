"""`eventwire ingest`: idempotent, resumable after a kill, errors recorded, provenance kept."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from eventwire.store import open_store

from .conftest import EXPECTED_ARTICLES, cli

COUNTRIES = ["Israel", "Egypt", "Qatar", "Sudan", "Russia", "Ukraine", "France", "Turkey", "Iran", "Iraq",
             "Syria", "Lebanon", "Jordan", "Ethiopia", "Kenya", "Germany"]
VENUES = ["Doha", "Cairo", "Geneva", "Vienna", "Istanbul", "Nairobi"]


def many_articles(folder: Path, count: int) -> Path:
    """Distinct short articles, each naming a different pair of countries."""
    folder.mkdir()
    pairs = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b][:count]
    for n, (first, second) in enumerate(pairs):
        venue = VENUES[n % len(VENUES)]
        (folder / f"{n:03}.txt").write_text(
            f"{first} accused {second} of violating the ceasefire on Monday. Officials from {second} rejected "
            f"the accusation and said talks in {venue} would continue. The foreign minister of {first} urged "
            f"mediators to press {second} to withdraw its troops, according to diplomats in {venue}.",
            encoding="utf8")
    return folder


def test_ingesting_twice_leaves_the_same_rows(store_path, articles):
    with open_store(str(store_path), read_only=True) as store:
        before = store.counts()
    assert before["articles"] == EXPECTED_ARTICLES and before["events"] > 0
    result = cli("ingest", str(articles), "--db", str(store_path), "--date", "2025-03-04", "--workers", "1")
    assert result.exit_code == 1
    assert f"skipped {EXPECTED_ARTICLES} already stored" in result.output
    with open_store(str(store_path), read_only=True) as store:
        assert store.counts() == before
        errors = store.query("SELECT input, code FROM errors").to_pylist()
        assert errors == [{"input": str(articles / "broken.txt"), "code": "E003"}]  # the latest error, once
        runs = store.query("SELECT status, stored, skipped, failed, model, lexicon FROM runs "
                           "ORDER BY started_at, stored DESC").to_pylist()
        assert [(r["status"], r["stored"], r["skipped"], r["failed"]) for r in runs][-1] == (
            "completed", 0, EXPECTED_ARTICLES, 1)
        assert all(run["model"] and run["lexicon"] for run in runs)
        provenance = store.query("SELECT DISTINCT eventwire_version, model, lexicon FROM articles "
                                 "WHERE coded_at IS NOT NULL").to_pylist()
        assert len(provenance) == 1 and all(provenance[0].values())


def test_force_codes_again(tmp_path, articles):
    db = str(tmp_path / "force.duckdb")
    source = str(articles / "donbas.txt")
    assert cli("ingest", source, "--db", db, "--workers", "1").exit_code == 0
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        coded = store.query("SELECT coded_at FROM articles").to_pylist()
    time.sleep(1.1)  # coded_at has one-second resolution
    result = cli("ingest", source, "--db", db, "--workers", "1", "--force")
    assert result.exit_code == 0 and "stored 1" in result.output
    with open_store(db, read_only=True) as store:
        assert store.counts() == counts
        assert store.query("SELECT coded_at FROM articles").to_pylist() != coded


def test_two_workers_store_the_same_as_one(tmp_path):
    folder = many_articles(tmp_path / "articles", 12)
    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    assert cli("ingest", str(folder), "--db", one, "--workers", "1").exit_code == 0
    assert cli("ingest", str(folder), "--db", two, "--workers", "2", "--batch-size", "5").exit_code == 0
    with open_store(one, read_only=True) as first, open_store(two, read_only=True) as second:
        assert list(first.records()) == list(second.records())


def test_a_killed_run_is_completed_by_the_next(tmp_path):
    total = 40
    folder = many_articles(tmp_path / "articles", total)
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", str(db), "--workers", "1",
               "--batch-size", "2", "--no-progress"]
    process = subprocess.Popen([*command, "--verbose"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    for line in process.stderr:  # the first batch is stored
        if line.startswith("committed: stored"):
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    with open_store(str(db), read_only=True) as store:
        partial = store.counts()["articles"]
        assert store.query("SELECT status FROM runs").to_pylist() == [{"status": "running"}]
    assert 0 < partial < total
    finished = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert f"stored {total - partial}, skipped {partial}" in finished.stderr
    with open_store(str(db), read_only=True) as store:
        assert store.counts()["articles"] == total
        assert store.counts()["stories"] == total
        assert store.query("SELECT count(*) AS n FROM (SELECT DISTINCT article_id, event_id FROM events) e"
                           ).column("n")[0].as_py() == store.counts()["events"]


def test_postgresql_ingest_is_idempotent(postgres_url, articles):
    inputs = [str(articles / "donbas.txt"), str(articles / "gulf.jsonl")]
    assert cli("ingest", *inputs, "--db", postgres_url, "--workers", "1").exit_code == 0
    with open_store(postgres_url) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["events"] > 0
    result = cli("ingest", *inputs, "--db", postgres_url, "--workers", "1")
    assert result.exit_code == 0 and "skipped 2" in result.output
    with open_store(postgres_url) as store:
        assert store.counts() == counts
