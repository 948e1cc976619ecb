"""`eventwire export`: every layout and format loads in pandas, pyarrow and DuckDB with the documented columns."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.store import open_store
from eventwire.store.exports import layouts
from eventwire.tables import SCHEMAS

from .conftest import EXPECTED_ARTICLES, cli

GDELT_FIRST = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
               "Actor1CountryCode"]
GDELT_LAST = ["ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


def read(path, output_format: str) -> pd.DataFrame:
    if output_format == "parquet":
        return pq.read_table(path).to_pandas()
    if output_format == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path, sep="\t" if output_format == "tsv" else ",", dtype=str, keep_default_na=False)


def test_gdelt_layout_has_the_61_codebook_columns_in_order():
    names = [column.name for column in layouts()["gdelt"].columns]
    assert len(names) == len(set(names)) == 61
    assert names[:8] == GDELT_FIRST and names[-5:] == GDELT_LAST
    assert names.index("EventCode") == 26 and names.index("NumMentions") == 31


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "tsv", "parquet"])
@pytest.mark.parametrize("layout", ["gdelt", "polecat"])
def test_event_layouts_load_with_their_columns(store_path, tmp_path, layout, output_format):
    out = tmp_path / f"{layout}.{output_format}"
    result = cli("export", str(out), "--db", str(store_path), "--format", output_format, "--layout", layout)
    assert result.exit_code == 0, result.output
    frame = read(out, output_format)
    assert list(frame.columns) == [column.name for column in layouts()[layout].columns]
    with open_store(str(store_path), read_only=True) as store:
        events = store.query("SELECT count(*) AS n FROM story_events").column("n")[0].as_py()
        mentions = store.counts()["events"]
    assert len(frame) == events < mentions  # the syndicated copy's events are counted once
    count = "NumMentions" if layout == "gdelt" else "Num Mentions"
    assert frame[count].astype(int).sum() == mentions
    ids = frame["GLOBALEVENTID" if layout == "gdelt" else "Event ID"].astype("int64")
    assert ids.is_unique and (ids > 0).all()
    if output_format != "jsonl":
        reader = "read_parquet" if output_format == "parquet" else "read_csv"
        assert duckdb.sql(f"SELECT count(*) FROM {reader}('{out}')").fetchall()[0][0] == events
    if layout == "gdelt":
        assert frame["SQLDATE"].astype(str).str.fullmatch(r"202503\d\d").all()  # resolved event days
        assert frame["EventRootCode"].astype(str).str.len().isin([1, 2]).all()


@pytest.mark.parametrize("output_format", ["csv", "tsv", "parquet"])
def test_eventwire_layout_writes_the_store_tables(store_path, tmp_path, output_format):
    out = tmp_path / "tables"
    result = cli("export", str(out), "--db", str(store_path), "--format", output_format)
    assert result.exit_code == 0, result.output
    for name, schema in SCHEMAS.items():
        frame = read(out / f"{name}.{output_format}", output_format)
        assert list(frame.columns) == schema.names
    articles = read(out / f"articles.{output_format}", output_format)
    assert len(articles) == EXPECTED_ARTICLES


def test_eventwire_jsonl_is_the_canonical_records(store_path, tmp_path):
    out = tmp_path / "records.jsonl"
    assert cli("export", str(out), "--db", str(store_path), "--format", "jsonl").exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf8").splitlines()]
    with open_store(str(store_path), read_only=True) as store:
        assert lines == list(store.records())
    assert {"id", "text", "actors", "events", "quotes"} <= set(lines[0])


def test_export_errors_name_the_problem(tmp_path):
    result = cli("export", str(tmp_path / "out.csv"), "--db", str(tmp_path / "absent.duckdb"), "--format", "csv")
    assert result.exit_code == 2 and "no such store" in result.output
    result = cli("export", str(tmp_path / "out.x"), "--db", str(tmp_path / "absent.duckdb"), "--format", "xml")
    assert result.exit_code == 2 and "unknown format" in result.output


def test_every_layout_column_is_documented():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text(encoding="utf8")
    for layout in layouts().values():
        for column in layout.columns:
            assert f"| {column.name} |" in docs, (layout.name, column.name)
