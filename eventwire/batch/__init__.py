"""Batch extraction: a corpus in, partitioned Parquet tables out, on this machine or on Apache Spark.

Both engines write the layout of `eventwire.batch.layout`: OUTPUT/<table>/published=YYYY-MM-DD/part-*.parquet
for the tables of `eventwire.tables`, and OUTPUT/errors/ for the inputs that could not be analysed.
`eventwire.batch.local` runs the built-in worker processes; `eventwire.batch.spark` runs the same extraction
inside Spark executors and is the only module that imports PySpark (the `spark` extra).
"""

from eventwire.batch.layout import read_table
from eventwire.batch.local import run_local
from eventwire.batch.options import BatchOptions, BatchSummary, EngineUnavailable

__all__ = ["BatchOptions", "BatchSummary", "EngineUnavailable", "read_table", "run_local"]
