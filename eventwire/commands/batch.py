"""The `batch` command: a whole corpus to date-partitioned Parquet tables, here or on Apache Spark."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire.actors.sources import ActorSources
from eventwire.batch import BatchOptions, BatchSummary, EngineUnavailable, run_local
from eventwire.cli import DICTIONARIES_HELP, GAZETTEER_HELP, SOURCE_ERRORS, parse_cli_date, usage_errors
from eventwire.ingest import IngestOptions


class Engine(str, Enum):
    local = "local"
    spark = "spark"


def batch(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="A folder of .txt/.html/.jsonl files (searched "
                                          "recursively), one such file, or a Parquet corpus (name ending in "
                                          ".parquet; one article per row, column 'text'). With --engine spark, "
                                          "any Hadoop-compatible URI (hdfs://, s3a://, ...).")],
    output: Annotated[str, typer.Argument(metavar="OUTPUT", help="Output folder: OUTPUT/<table>/published=YYYY-MM-DD/*.parquet "
                                          "for articles, actors, events and quotes, and OUTPUT/errors/.")],
    engine: Annotated[Engine, typer.Option("--engine", help="local: worker processes on this machine; spark: "
                                           "Apache Spark (needs 'pip install eventwire\\[spark]' and Java).")
                      ] = Engine.local,
    master: Annotated[str | None, typer.Option("--master", help="Spark master URL (local[4], yarn, "
                                                  "spark://host:7077, k8s://...); default local[*], or what "
                                                  "spark-submit was given.")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Spark tasks the articles "
                                                      "are spread over (default: 4 per core).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes (local engine).")] = 1,
    date_: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs "
                                                 "that carry none.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use instead of the "
                                                 "bundled one (installed wherever the extraction runs).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Size limit per article.")] = 5_000_000,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing OUTPUT.")] = False,
    dictionaries: Annotated[list[Path] | None, typer.Option("--dictionaries", help=DICTIONARIES_HELP)] = None,
    gazetteers: Annotated[list[Path] | None, typer.Option("--gazetteer", help=GAZETTEER_HELP)] = None,
) -> None:
    """Extract a whole corpus into Parquet tables partitioned by publication date, on this machine or on
    Apache Spark. Both engines write the same tables as `export --format parquet`.

    An input that cannot be analysed is a row of OUTPUT/errors (input, code, reason) and never stops the
    run. Exit status: 0 when the run finished (whatever the error table holds), 2 for a usage error
    (no INPUT, OUTPUT exists, the engine is not installed, a bad model or dictionary).
    """
    if engine is Engine.local and (master or partitions):
        raise typer.BadParameter("--master and --partitions are options of --engine spark")
    options = BatchOptions(ingest=IngestOptions(default_date=parse_cli_date(date_), max_bytes=max_bytes),
                           model=model, sources=ActorSources(tuple(dictionaries or ()), tuple(gazetteers or ())),
                           overwrite=overwrite)
    errors = Console(stderr=True, soft_wrap=True)
    with usage_errors(errors, (*SOURCE_ERRORS, EngineUnavailable, FileExistsError, FileNotFoundError)):
        if engine is Engine.spark:
            summary = run_on_spark(source, output, options, master, partitions)
        else:
            summary = run_local(source, output, options, workers)
    failed = f"; {summary.errors} inputs failed, see {output.rstrip('/')}/errors" if summary.errors else ""
    errors.print(f"{summary.articles} articles, {summary.events} events written to {output}{failed}",
                 markup=False, highlight=False)


def run_on_spark(source: str, output: str, options: BatchOptions, master: str | None,
                 partitions: int | None) -> BatchSummary:
    from eventwire.batch.spark import run_spark, spark_session  # PySpark only when asked for

    spark = spark_session(master)
    try:
        return run_spark(spark, source, output, options, partitions)
    finally:
        spark.stop()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI app."""
    app.command("batch")(batch)
