"""Exports and ready analyses over a store.

Layouts (`data/layouts.yaml`): `eventwire` is the store's own tables (or, as JSON Lines, the canonical
records); `gdelt` and `polecat` are one event table each, their columns in order, read from the
`story_events` view so that copies of a story count an event once. Analyses (`data/analyses.yaml`) are
named SQL queries. Formats: jsonl, csv, tsv (nested values as JSON text) and parquet (nested values kept).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv
import pyarrow.parquet
import yaml

from eventwire.store.database import Store
from eventwire.store.schema import COLUMNS

ID_COLUMNS = {"GLOBALEVENTID", "Event ID"}  # hashed from the story and the event key to a stable integer


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"


@dataclass(frozen=True)
class Column:
    name: str
    sql: str | None  # None: eventwire does not know the value; the column is kept, empty
    description: str


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    columns: tuple[Column, ...]

    def sql(self) -> str:
        """The SELECT that fills the layout's columns, in order, from `story_events`."""
        columns = ",\n  ".join(f'{column.sql or "CAST(NULL AS VARCHAR)"} AS "{column.name}"'
                               for column in self.columns)
        return f"SELECT\n  {columns}\nFROM story_events\nORDER BY day, story_id, event_key"


@dataclass(frozen=True)
class Analysis:
    name: str
    description: str
    parameters: tuple[str, ...]
    sql: str


@cache
def layouts() -> dict[str, Layout]:
    """The event-table layouts, by name (from `eventwire/store/data/layouts.yaml`)."""
    data = yaml.safe_load((resources.files("eventwire.store") / "data" / "layouts.yaml").read_text("utf8"))
    return {name: Layout(name, spec["description"], tuple(Column(*column) for column in spec["columns"]))
            for name, spec in data.items()}


@cache
def analyses() -> dict[str, Analysis]:
    """The ready analyses, by name (from `eventwire/store/data/analyses.yaml`)."""
    data = yaml.safe_load((resources.files("eventwire.store") / "data" / "analyses.yaml").read_text("utf8"))
    return {name: Analysis(name, spec["description"], tuple(spec["parameters"]), spec["sql"])
            for name, spec in data.items()}


def run_analysis(store: Store, name: str, arguments: dict[str, Any]) -> pa.Table:
    """Run a named analysis; a parameter used several times in its SQL is passed each time."""
    analysis = analyses()[name]
    params = [arguments[parameter] for parameter in analysis.parameters]
    if analysis.parameters:
        params = params * (analysis.sql.count("?") // len(params))
    return store.query(analysis.sql, params or None)


def stable_id(key: str) -> int:
    """A positive 63-bit integer for a key, the same in every export."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf8"), digest_size=8).digest(), "big") >> 1


def layout_table(store: Store, name: str) -> pa.Table:
    """The event table of a layout (`gdelt` or `polecat`), one row per event per story."""
    table = store.query(layouts()[name].sql())
    for index, column in enumerate(table.column_names):
        if column in ID_COLUMNS:
            ids = pa.array([stable_id(key) for key in table.column(index).to_pylist()], pa.int64())
            table = table.set_column(index, column, ids)
    return table


def record_tables(store: Store) -> dict[str, pa.Table]:
    """The store's record tables, with the columns of `eventwire.tables`, by article."""
    return {name: store.query(f"SELECT {columns} FROM {name} ORDER BY article_id")
            for name, columns in COLUMNS.items()}


def export(store: Store, layout: str, output_format: ExportFormat, out: Path) -> list[Path]:
    """Write a layout of the store's contents.

    layout (str): `eventwire` (the record tables: a folder with one file per table, or with jsonl one file of
        canonical records), `gdelt` or `polecat` (one file).
    RETURNS (list[Path]): the files written.
    """
    if layout == "eventwire" and output_format is ExportFormat.jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf8") as stream:
            for record in store.records():
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [out]
    if layout == "eventwire":
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, table in record_tables(store).items():
            path = out / f"{name}.{output_format.value}"
            write_table(table, output_format, path)
            written.append(path)
        return written
    out.parent.mkdir(parents=True, exist_ok=True)
    write_table(layout_table(store, layout), output_format, out)
    return [out]


def write_table(table: pa.Table, output_format: ExportFormat, path: Path) -> None:
    """Write an Arrow table as JSON Lines, CSV, TSV (nested values as JSON text) or Parquet."""
    if output_format is ExportFormat.parquet:
        pyarrow.parquet.write_table(table, path)
    elif output_format is ExportFormat.jsonl:
        with path.open("w", encoding="utf8") as stream:
            for row in table.to_pylist():
                stream.write(json.dumps(row, ensure_ascii=False, default=json_value) + "\n")
    else:
        delimiter = "\t" if output_format is ExportFormat.tsv else ","
        pyarrow.csv.write_csv(flat(table), path, pyarrow.csv.WriteOptions(delimiter=delimiter))


def flat(table: pa.Table) -> pa.Table:
    """The table with nested (list, struct) columns as JSON text, for CSV and TSV."""
    for index, field in enumerate(table.schema):
        if pa.types.is_nested(field.type):
            values = [None if value is None else json.dumps(value, ensure_ascii=False)
                      for value in table.column(index).to_pylist()]
            table = table.set_column(index, field.name, pa.array(values, pa.string()))
    return table


def json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)  # Decimal
