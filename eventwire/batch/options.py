"""What a batch run is given and what it tells when it is done, the same for every engine."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from eventwire.actors.sources import ActorSources
from eventwire.ingest import IngestOptions
from eventwire.tables import now


class EngineUnavailable(RuntimeError):
    """An engine whose software is not installed here (PySpark, a Java runtime); the message says what to do."""


@dataclass
class BatchOptions:
    """ingest (IngestOptions): default date and size limit. model (str | None): spaCy pipeline, None for the
    bundled one. sources (ActorSources): dictionaries and gazetteers (paths every executor can read).
    overwrite (bool): replace an existing OUTPUT. coded_at (datetime): the provenance time of every row."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    model: str | None = None
    sources: ActorSources = field(default_factory=ActorSources)
    overwrite: bool = False
    coded_at: datetime = field(default_factory=now)


@dataclass
class BatchSummary:
    """How many articles were coded, how many events they hold, and how many inputs failed."""

    articles: int
    events: int
    errors: int
