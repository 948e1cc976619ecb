"""The Spark engine on a real local[2] session: the same records as `eventwire extract`, the same tables as
the local engine, and corrupt inputs in the error table."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.batch import read_table, run_local
from eventwire.batch.layout import TABLES, output_schema
from eventwire.tables import flatten


@pytest.fixture(scope="module")
def spark_output(spark, corpus, options, tmp_path_factory) -> Path:
    from eventwire.batch.spark import run_spark

    output = tmp_path_factory.mktemp("spark") / "out"
    summary = run_spark(spark, str(corpus), str(output), options, partitions=3)
    assert (summary.articles, summary.errors) == (5, 3)
    return output


def sorted_rows(output: Path, table: str) -> list[dict]:
    """A table's rows in a stable order (article id, then row id)."""
    key = [(name, "ascending") for name in output_schema(table).names[:2]]
    return read_table(output, table).sort_by(key).to_pylist()


def test_spark_output_holds_the_records_of_extract(spark_output, extracted, records_of):
    assert records_of(spark_output) == extracted
    events = [row for record in extracted for row in flatten(record)["events"]]
    assert events, "the corpus has coded events"
    assert sorted_rows(spark_output, "events") == sorted(events, key=lambda row: (row["article_id"], row["event_id"]))


def test_corrupt_inputs_land_in_the_error_table(spark_output, corpus):
    errors = {row["input"]: row for row in read_table(spark_output, "errors").to_pylist()}
    assert set(errors) == {str(corpus / "scan.txt"), str(corpus / "blank.txt"), f"{corpus / 'wire.jsonl'}:2"}
    assert errors[str(corpus / "scan.txt")]["code"] == "E003"
    assert errors[str(corpus / "blank.txt")]["code"] == "E002"
    assert errors[f"{corpus / 'wire.jsonl'}:2"]["code"] == "E008"
    assert all(row["reason"] for row in errors.values())


@pytest.mark.parametrize("table", TABLES)
def test_spark_and_local_engines_write_the_same_tables(spark_output, local_output, table):
    assert sorted_rows(spark_output, table) == sorted_rows(local_output, table)


def test_tables_are_partitioned_by_publication_date(spark_output):
    dates = {path.name for path in (spark_output / "events").iterdir() if path.is_dir()}
    assert {"published=2025-06-02", "published=2025-07-24", "published=__HIVE_DEFAULT_PARTITION__"} <= dates
    assert list((spark_output / "quotes" / "published=2025-07-24").glob("part-*.parquet"))
    assert all((spark_output / table / "_SUCCESS").exists() for table in TABLES)
    articles = read_table(spark_output, "articles").to_pylist()
    assert {row["published"].isoformat() for row in articles if row["published"]} == {
        "2025-06-02", "2025-06-05", "2025-07-24"}
    assert all(row["model"] and row["lexicon"] and row["coded_at"] for row in articles)


def test_a_parquet_corpus_is_read_row_by_row(spark, parquet_corpus, options, tmp_path):
    from eventwire.batch.spark import run_spark

    run_spark(spark, str(parquet_corpus), str(tmp_path / "spark"), options)
    run_local(str(parquet_corpus), tmp_path / "local", options)
    for table in TABLES:
        assert sorted_rows(tmp_path / "spark", table) == sorted_rows(tmp_path / "local", table)
    assert {row["article_id"] for row in read_table(tmp_path / "spark", "articles").to_pylist()} >= {"kyiv-1"}
    [error] = read_table(tmp_path / "spark", "errors").to_pylist()
    assert (error["input"], error["code"]) == (f"{parquet_corpus}:2", "E009")


def test_an_existing_output_is_kept(spark, corpus, options, spark_output):
    from eventwire.batch.spark import run_spark

    with pytest.raises(FileExistsError, match="--overwrite"):
        run_spark(spark, str(corpus), str(spark_output), options)
    assert read_table(spark_output, "articles").num_rows == 5


def test_the_batch_command_runs_spark(spark, corpus, local_output, tmp_path):
    """The command line, in its own process (its own JVM), on local[1]."""
    command = [sys.executable, "-m", "eventwire", "batch", str(corpus), str(tmp_path / "out"), "--engine", "spark",
               "--master", "local[1]", "--partitions", "2"]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "5 articles" in result.stderr and "3 inputs failed" in result.stderr
    assert sorted_rows(tmp_path / "out", "events") == sorted_rows(local_output, "events")


def test_a_missing_input_is_reported_before_any_work(spark, options, tmp_path):
    from eventwire.batch.spark import run_spark

    with pytest.raises(FileNotFoundError, match="no-such-corpus"):
        run_spark(spark, str(tmp_path / "no-such-corpus"), str(tmp_path / "out"), options)
    assert not (tmp_path / "out").exists()


def test_each_worker_process_loads_the_pipeline_once(spark):
    from eventwire.actors.sources import ActorSources
    from eventwire.batch.spark import extractor_for

    assert extractor_for(None, ActorSources()) is extractor_for(None, ActorSources())
