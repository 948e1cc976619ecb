"""The output of a batch run: the tables of `eventwire.tables`, partitioned by publication date, and an
error table, written as Parquet in a layout that any engine (pyarrow, Spark, DuckDB, pandas) reads:

    OUTPUT/articles/published=2025-07-25/part-*.parquet
    OUTPUT/actors/...   OUTPUT/events/...   OUTPUT/quotes/...
    OUTPUT/<table>/published=__HIVE_DEFAULT_PARTITION__/...   (articles with no known date)
    OUTPUT/errors/part-*.parquet                              (input, code, reason)

Every table is partitioned by its article's publication date, so the actors and quotes tables gain a
`published` column. The partition column lives in the folder names, as Hive and Spark lay it out.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import InputError
from eventwire.model import ArticleRecord
from eventwire.tables import SCHEMAS, flatten

PARTITION = "published"
ERRORS = pa.schema([("input", pa.string()), ("code", pa.string()), ("reason", pa.string())])
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # where Hive, Spark and pyarrow put null dates
TABLES = (*SCHEMAS, "errors")
DONE_MARKER = "_SUCCESS"  # written last into each table's folder, as Spark does


def output_schema(table: str) -> pa.Schema:
    """The Arrow schema of an output table: that of `eventwire.tables`, with the partition column."""
    if table == "errors":
        return ERRORS
    schema = SCHEMAS[table]
    return schema if PARTITION in schema.names else schema.append(pa.field(PARTITION, pa.date32()))


def result_rows(result: ArticleRecord | InputError, provenance: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one extraction result adds to each output table (an error adds one row to `errors`)."""
    if isinstance(result, InputError):
        return {"errors": [result.to_dict()]}
    rows = flatten(result.to_dict(), provenance)
    published = result.article.published
    for table in ("actors", "quotes"):
        for row in rows[table]:
            row[PARTITION] = published
    return rows


def read_table(output: str | Path, table: str) -> pa.Table:
    """One table of a batch output, whichever engine wrote it, with its output schema.

    RETURNS (pa.Table): empty when the table has no rows.
    """
    schema = output_schema(table)
    folder = Path(output) / table
    parts = [read_part(path, folder, schema) for path in sorted(folder.rglob("*.parquet"))] if folder.is_dir() else []
    return pa.concat_tables(parts) if parts else schema.empty_table()


def read_part(path: Path, folder: Path, schema: pa.Schema) -> pa.Table:
    """One Parquet file of a table, with the partition value its folder names."""
    part = pq.ParquetFile(path).read()
    if PARTITION in schema.names and PARTITION not in part.column_names:
        published = partition_value(path.relative_to(folder))
        part = part.append_column(PARTITION, pa.array([published] * len(part), pa.date32()))
    return part.select(schema.names).cast(schema)


def partition_value(relative: Path) -> date | None:
    """The date a Hive-style folder (published=YYYY-MM-DD) names; None for the null partition."""
    for folder in relative.parts[:-1]:
        name, _, value = folder.partition("=")
        if name == PARTITION:
            return None if value == NULL_PARTITION else date.fromisoformat(value)
    raise ValueError(f"{relative}: not inside a {PARTITION}=... folder")



class TableWriter:
    """Writes result rows into the output layout with pyarrow: one part file per table, date and chunk of
    `chunk_size` results, so a long run holds only one chunk in memory.

    output (Path): the output folder; it must not hold an earlier output.
    """

    def __init__(self, output: Path, chunk_size: int = 5000) -> None:
        self.output, self.chunk_size = output, chunk_size
        self.rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
        self.pending = self.chunks = 0

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Add the rows of one result (see `result_rows`)."""
        for table, table_rows in rows.items():
            self.rows[table].extend(table_rows)
        self.pending += 1
        if self.pending >= self.chunk_size:
            self.flush()

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if not rows:
                continue
            data = pa.Table.from_pylist(rows, schema=output_schema(table))
            name = f"part-{self.chunks:05d}"
            if table == "errors":
                (self.output / table).mkdir(parents=True, exist_ok=True)
                pq.write_table(data, self.output / table / f"{name}.parquet")
            else:
                pq.write_to_dataset(data, self.output / table, partition_cols=[PARTITION],
                                    basename_template=f"{name}-{{i}}.parquet")
            rows.clear()
        self.chunks += 1
        self.pending = 0

    def close(self) -> None:
        """Write what is left and mark every table complete."""
        self.flush()
        for table in TABLES:
            (self.output / table).mkdir(parents=True, exist_ok=True)
            (self.output / table / DONE_MARKER).touch()
