"""Bulk ingest: read inputs, skip what is stored, extract the rest and store it in batches.

Each batch is one transaction, so a run that is killed loses at most the batch in progress, and running
the same command again completes it: articles already stored are skipped by id before extraction
(unless `force`, which codes them again and replaces them). Input errors are reported and recorded in
the store's `errors` table; they never stop the run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.sources import ActorSources
from eventwire.engine import Extractor, extract_records
from eventwire.engine.extract import batched
from eventwire.errors import InputError, InputWarning
from eventwire.model import Article
from eventwire.store.database import Store

WRITE_BATCH = 64  # articles per transaction
CHECK_BATCH = 256  # articles looked up in the store at a time


@dataclass
class IngestResult:
    """What a run did: articles stored, skipped (already stored), and inputs that failed."""

    run_id: str = ""
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list, repr=False)


def ingest(store: Store, items: Iterable[Article | InputError], *, model: str | None = None, workers: int = 1,
           sources: ActorSources | None = None, force: bool = False, batch_size: int = WRITE_BATCH,
           command: str = "",
           report: Callable[[InputError], None] = lambda problem: None,
           advance: Callable[[], None] = lambda: None,
           committed: Callable[[IngestResult], None] = lambda result: None) -> IngestResult:
    """Extract and store articles (from `eventwire.ingest.read_inputs`).

    workers (int): extraction processes (1: in this process).
    force (bool): code articles that are already stored again, replacing them.
    batch_size (int): articles stored per transaction.
    command (str): how the run was started, recorded in the `runs` table.
    report (Callable): called with each input error or warning.
    advance (Callable): called once per input handled (for a progress bar).
    committed (Callable): called with the counts so far after each batch is stored.
    RETURNS (IngestResult): counts of what was stored, skipped and failed.
    """
    extractor = Extractor(model, sources)  # what codes the articles (in workers too), for the provenance
    result = IngestResult(run_id=store.start_run(command, extractor.provenance))
    pending: list[dict[str, Any]] = []

    def fail(problem: InputError) -> None:
        report(problem)
        if not isinstance(problem, InputWarning):
            result.failed += 1
            result.errors.append(problem.to_dict())

    def unstored() -> Iterator[Article]:
        for chunk in batched(items, CHECK_BATCH):
            articles = [item for item in chunk if isinstance(item, Article)]
            stored = set() if force else store.has(article.id for article in articles)
            for item in chunk:
                if isinstance(item, InputError):
                    fail(item)
                    if not isinstance(item, InputWarning):
                        advance()
                elif item.id in stored:
                    result.skipped += 1
                    advance()
                else:
                    yield item

    def flush() -> None:
        if force and pending:
            store.delete(record["id"] for record in pending)
        written = store.write(pending, extractor.provenance)
        result.stored += written
        result.skipped += len(pending) - written
        store.record_errors(result.run_id, result.errors)
        pending.clear()
        result.errors.clear()
        committed(result)

    status = "interrupted"
    try:
        for outcome in extract_records(unstored(), model, workers, sources, extractor=extractor):
            advance()
            if isinstance(outcome, InputError):
                fail(outcome)
            else:
                pending.append(outcome.to_dict())
            if len(pending) >= batch_size:
                flush()
        flush()
        status = "completed"
    finally:
        store.finish_run(result.run_id, status, result.stored, result.skipped, result.failed)
    return result

