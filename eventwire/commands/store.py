"""The `store` commands: `ingest` articles into a store, `export` it, `query` it."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import pyarrow.csv
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.store import DEFAULT_STORE, StoreError, open_store
from eventwire.store.ingest import WRITE_BATCH

DB_HELP = f"The store: a DuckDB file (created when missing) or a postgresql:// URL. Default: {DEFAULT_STORE}."
DbOption = Annotated[str, typer.Option("--db", envvar="EVENTWIRE_DB", help=DB_HELP)]


class Layout(str, Enum):
    eventwire = "eventwire"
    gdelt = "gdelt"
    polecat = "polecat"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"


def all_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def fail(errors: Console, message: object, status: int = 2) -> typer.Exit:
    errors.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(status)


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")],
    db: DbOption = DEFAULT_STORE,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Worker processes "
                                                   "(default: all cores).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Code articles already stored again, replacing "
                                        "them.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles stored per transaction (a "
                                            "crash loses at most one batch).")] = WRITE_BATCH,
    date_: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs "
                                                 "that carry none.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use instead of the "
                                                 "bundled one.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Size limit per article.")] = 5_000_000,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on "
                                                     "stderr (default: when stderr is a terminal).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Hide warnings (errors are always shown).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Report each batch as it is stored.")] = False,
    dictionaries: Annotated[list[Path] | None, typer.Option("--dictionaries", help="TABARI/PETRARCH "
                                                               "dictionaries; repeatable.")] = None,
    gazetteers: Annotated[list[Path] | None, typer.Option("--gazetteer", help="GeoNames cities*.txt "
                                                             "file; repeatable.")] = None,
) -> None:
    """Extract articles and store them: articles, actors, events, quotes, and stories of near-duplicates.

    Articles already stored are skipped by id before extraction (unless --force), and each batch is
    stored in one transaction, so running the same command again after a crash or Ctrl-C completes
    the work without duplicating anything. Exit status: 0 when every input was stored or skipped, 1
    when any input failed (each is reported on stderr and recorded in the store's errors table), 2 for
    a usage error.
    """
    from eventwire.actors.sources import ActorSources
    from eventwire.cli import SOURCE_ERRORS, Reporter, parse_cli_date
    from eventwire.ingest import IngestOptions, read_inputs
    from eventwire.ingest.readers import count_articles
    from eventwire.store.ingest import ingest as ingest_articles

    options = IngestOptions(default_date=parse_cli_date(date_), max_bytes=max_bytes)
    errors = Console(stderr=True, soft_wrap=True)
    reporter = Reporter(errors, quiet)
    show_progress = errors.is_terminal if progress is None else progress
    total = count_articles(inputs) if show_progress else None
    bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=errors, transient=True, disable=not show_progress)
    command = " ".join(["eventwire", "ingest", *sys.argv[2:]]) if sys.argv[1:2] == ["ingest"] else "ingest"
    try:
        with open_store(db) as store, bar:
            task = bar.add_task("ingest", total=total)
            result = ingest_articles(store, read_inputs(inputs, options), model=model, workers=workers or all_cores(),
                                     sources=ActorSources(tuple(dictionaries or ()), tuple(gazetteers or ())),
                                     force=force, batch_size=batch_size, command=command, report=reporter.report,
                                     advance=lambda: bar.advance(task),
                                     committed=lambda done: verbose and errors.print(
                                         f"committed: stored {done.stored}, skipped {done.skipped}, "
                                         f"failed {done.failed}", markup=False, highlight=False))
    except (StoreError, *SOURCE_ERRORS) as error:
        raise fail(errors, error) from None
    except KeyboardInterrupt:
        raise fail(errors, "interrupted; run the same command again to finish (stored batches are kept)", 130) \
            from None
    if not quiet:
        errors.print(f"stored {result.stored}, skipped {result.skipped} already stored, failed {result.failed} "
                     f"({db if '://' not in db else 'PostgreSQL'})", markup=False, highlight=False)
    if result.failed:
        raise typer.Exit(1)


def export(
    out: Annotated[Path, typer.Argument(help="Output file (a folder for the eventwire layout's tables, "
                                        "except as jsonl).")],
    db: DbOption = DEFAULT_STORE,
    output_format: Annotated[str, typer.Option("--format", help="jsonl, csv, tsv or parquet.")] = "jsonl",
    layout: Annotated[Layout, typer.Option("--layout", help="eventwire: the store's tables (jsonl: canonical "
                                           "records); gdelt: a GDELT 2.0 event table; polecat: a POLECAT-style "
                                           "event table.")] = Layout.eventwire,
) -> None:
    """Export the store: its own tables, or a GDELT 2.0 or POLECAT-style event table (columns: docs/store.md).

    Copies of one story count an event once in the gdelt and polecat layouts, with its number of mentions.
    """
    from eventwire.store.exports import ExportFormat
    from eventwire.store.exports import export as export_store

    errors = Console(stderr=True, soft_wrap=True)
    try:
        chosen = ExportFormat(output_format)
    except ValueError:
        raise fail(errors, f"unknown format {output_format!r}: use jsonl, csv, tsv or parquet") from None
    try:
        with open_store(db, read_only="://" not in db) as store:
            written = export_store(store, layout.value, chosen, out)
    except (StoreError, OSError) as error:
        raise fail(errors, error) from None
    for path in written:
        typer.echo(str(path))


def query(
    analysis: Annotated[str | None, typer.Argument(metavar="[ANALYSIS]", help="dyads, timeline ACTOR, "
                                                      "accusers or quad.")] = None,
    arguments: Annotated[list[str] | None, typer.Argument(metavar="[ARGS]...", help="The analysis's "
                                                             "arguments (timeline: the actor).")] = None,
    db: DbOption = DEFAULT_STORE,
    sql: Annotated[str | None, typer.Option("--sql", help="Any read-only SQL over the tables (articles, "
                                               "actors, events, quotes, stories, story_events, errors, "
                                               "runs).")] = None,
    output_format: Annotated[QueryFormat, typer.Option("--format", help="table or csv.")] = QueryFormat.table,
    limit: Annotated[int, typer.Option("--limit", min=1, help="accusers: how many actors.")] = 20,
) -> None:
    """Run a ready analysis or your own SQL over a store, printed as a table or CSV.

    dyads: events per day and dyad. timeline ACTOR: the events of an actor (key, name or CAMEO code).
    accusers: who accuses and who is accused most. quad: quad-class balance per day.
    """
    from eventwire.store.exports import analyses, run_analysis

    errors = Console(stderr=True, soft_wrap=True)
    known = analyses()
    if (analysis is None) == (sql is None):
        raise fail(errors, f"give an analysis ({', '.join(known)}) or --sql, not both")
    if analysis is not None and analysis not in known:
        raise fail(errors, f"unknown analysis {analysis!r}: use one of {', '.join(known)}")
    values = {"limit": limit}
    if analysis is not None:
        needed = [name for name in known[analysis].parameters if name not in values]
        if len(arguments or []) != len(needed):
            raise fail(errors, f"{analysis} takes {' '.join(n.upper() for n in needed) or 'no arguments'}")
        values.update(zip(needed, arguments or []))
    try:
        with open_store(db, read_only="://" not in db) as store:
            result = store.query(sql) if sql is not None else run_analysis(store, analysis, values)
    except StoreError as error:
        raise fail(errors, error) from None
    print_result(result, output_format)


def print_result(result: pa.Table, output_format: QueryFormat) -> None:
    from eventwire.store.exports import flat

    if output_format is QueryFormat.csv:
        sink = pa.BufferOutputStream()
        pyarrow.csv.write_csv(flat(result), sink)
        sys.stdout.write(sink.getvalue().to_pybytes().decode("utf8"))
        return
    table = Table(*result.column_names)
    for row in result.to_pylist():
        table.add_row(*("" if value is None else str(value) for value in row.values()))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI app."""
    app.command()(ingest)
    app.command()(export)
    app.command()(query)
