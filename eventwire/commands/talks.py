"""The `talks` command: negotiation tracks from a store, or from `eventwire extract` output."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire.commands.store import fail
from eventwire.errors import InputError, Problem
from eventwire.store import DEFAULT_STORE, StoreError, open_store

DB_HELP = "The store to read: a DuckDB file or a postgresql:// URL (default: eventwire.duckdb)."


class TalksFormat(str, Enum):
    table = "table"
    json = "json"


def talks(
    db: Annotated[str | None, typer.Option("--db", envvar="EVENTWIRE_DB", help=DB_HELP)] = None,
    inputs: Annotated[list[Path] | None, typer.Option("--input", "-i", help="Read article records from this "
                                                         "JSON Lines file (`eventwire extract` output; - for "
                                                         "stdin) instead of a store; repeatable.")] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Only tracks whose subject or issues contain "
                                                   "this text (ceasefire, prisoner, trade...).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Where the talks stood on this day "
                                                 "(YYYY-MM-DD): later articles and events are left out.")] = None,
    track_id: Annotated[str | None, typer.Option("--track", help="Show this track in detail.")] = None,
    output_format: Annotated[TalksFormat, typer.Option("--format", help="table: readable; json: the track "
                                                       "records (an array, or one object with --track).")]
    = TalksFormat.table,
) -> None:
    """Negotiation tracks: subject, venue, parties, mediators, status timeline, positions, next round.

    Exit status: 0 on success, 1 when an input record could not be read (each is reported on stderr
    and the others are used) or the --track is unknown, 2 for a usage error (store, date).
    """
    from eventwire.cli import Reporter, parse_cli_date
    from eventwire.talks import TalksDataError, TalksTracker

    errors = Console(stderr=True, soft_wrap=True)
    reporter = Reporter(errors, quiet=False)
    day = parse_cli_date(as_of)
    try:
        records = list(read_records(inputs, reporter) if inputs else store_records(db))
        tracks = TalksTracker().build(records, as_of=day, subject=subject)
    except (TalksDataError, StoreError) as error:
        raise fail(errors, error) from None
    if track_id is not None:
        chosen = [t for t in tracks if t.id == track_id]
        if not chosen:
            raise fail(errors, f"no track {track_id!r} (eventwire talks lists them)", 1)
        tracks = chosen
    show(tracks, output_format, detail=track_id is not None)
    if reporter.failed:
        raise typer.Exit(1)


def show(tracks: list, output_format: TalksFormat, detail: bool) -> None:
    from eventwire.talks.views import track_detail, tracks_table

    if output_format is TalksFormat.json:
        data = [t.to_dict() for t in tracks]
        typer.echo(json.dumps(data[0] if detail else data, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(track_detail(tracks[0]) if detail else tracks_table(tracks))


def store_records(db: str | None) -> Iterator[dict]:
    """RETURNS (Iterator[dict]): every article record of the store. RAISES (StoreError)."""
    location = db or DEFAULT_STORE
    if "://" not in location and not Path(location).exists():
        raise StoreError(f"{location}: no such store (create one with `eventwire ingest`, or give --input)")
    with open_store(location, read_only=True) as store:
        yield from store.records()


def read_records(paths: list[Path], reporter) -> Iterator[dict]:
    """Article records from JSON Lines files; a line that is not a record is reported and skipped.
    RETURNS (Iterator[dict]): the records."""
    for path in paths:
        name = "<stdin>" if str(path) == "-" else str(path)
        try:
            lines = sys.stdin.readlines() if name == "<stdin>" else path.read_text(encoding="utf8").splitlines()
        except FileNotFoundError:
            reporter.report(InputError(name, Problem.NOT_FOUND))
            continue
        except (OSError, UnicodeDecodeError) as error:
            reporter.report(InputError(name, Problem.UNREADABLE, detail=error))
            continue
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                reporter.report(InputError(f"{name}:{number}", Problem.BAD_JSON, detail=error))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("id"), str) or \
                    not isinstance(record.get("events"), list):
                reporter.report(InputError(f"{name}:{number}", Problem.BAD_JSON,
                                           detail="not an article record (needs 'id' and 'events'; "
                                                  "write it with `eventwire extract`)"))
                continue
            yield record


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI app."""
    app.command("talks")(talks)
