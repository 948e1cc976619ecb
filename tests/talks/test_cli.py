"""`eventwire talks` over extract output (--input) and over a real DuckDB store (--db)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["talks", *[str(a) for a in args]])


@pytest.fixture(scope="module")
def jsonl(sequence_records, tmp_path_factory):
    path = tmp_path_factory.mktemp("talks") / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sequence_records.values()), encoding="utf8")
    return path


@pytest.fixture(scope="module")
def store(sequence_records, tmp_path_factory):
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("store") / "talks.duckdb"
    with open_store(str(path)) as opened:
        opened.write(list(sequence_records.values()), {"eventwire_version": "test"})
    return path


def test_lists_tracks_from_extract_output(jsonl):
    result = run("--input", jsonl)
    assert result.exit_code == 0, result.stderr
    assert "2 negotiation tracks" in result.stdout
    assert "Muscat" in result.stdout and "Geneva" in result.stdout


def test_json_export_and_detail(jsonl):
    result = run("--input", jsonl, "--format", "json", "--subject", "prisoner")
    assert result.exit_code == 0, result.stderr
    [track] = json.loads(result.stdout)
    assert [c["status"] for c in track["timeline"]] == ["proposed", "active", "suspended", "resumed", "agreement"]
    detail = run("--input", jsonl, "--track", track["id"], "--as-of", "2025-09-29")
    assert detail.exit_code == 0, detail.stderr
    assert "resumed" in detail.stdout and "Next round: 2025-10-06 to 2025-10-12" in detail.stdout
    one = json.loads(run("--input", jsonl, "--track", track["id"], "--format", "json").stdout)
    assert one["id"] == track["id"] and one["status"] == "agreement"


def test_store_gives_the_same_tracks_as_the_records(store, jsonl):
    from_store = json.loads(run("--db", store, "--format", "json").stdout)
    from_file = json.loads(run("--input", jsonl, "--format", "json").stdout)
    assert from_store == from_file
    assert len(from_store) == 2


def test_bad_records_are_reported_and_the_rest_used(jsonl, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(jsonl.read_text(encoding="utf8") + "{not json\n" + json.dumps({"text": "no id"}) + "\n",
                      encoding="utf8")
    result = run("--input", broken, "--input", tmp_path / "missing.jsonl", "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 2
    assert f"{broken}:9: E008" in result.stderr and f"{broken}:10: E008" in result.stderr
    assert "missing.jsonl: E001" in result.stderr


def test_usage_errors(jsonl, tmp_path):
    missing = run("--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 2 and "no such store" in missing.stderr
    assert run("--input", jsonl, "--as-of", "last week").exit_code == 2
    unknown = run("--input", jsonl, "--track", "t000")
    assert unknown.exit_code == 1 and "no track 't000'" in unknown.stderr
