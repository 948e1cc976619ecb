"""The query parameters of the API and the pages, validated before anything reaches the store.

A parameter that is too long, malformed or out of range is answered with a 422 naming it and the reason.
An empty parameter (what an HTML form sends for a field left blank) means "no filter".
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

# Printable text of bounded length: actor keys ("ISR", "hamas", "rapid support forces"), article ids.
Key = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100,
                                       pattern=r"^[^\x00-\x1f\x7f<>]+$")]
SearchText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                              pattern=r"^[^\x00-\x1f\x7f]+$")]


class QueryModel(BaseModel):
    """A set of query parameters in which a blank value is the same as a missing one."""

    @field_validator("*", mode="before")
    @classmethod
    def blank_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class EventFilter(QueryModel):
    """Which events to show. Filters combine with AND; `source` and `target` together select a dyad."""

    actor: Key | None = Field(None, description="Actor key on either side (ISO3 such as ISR, or a lower-case "
                                                "organisation name such as hamas).")
    source: Key | None = Field(None, description="Actor key among the event's sources.")
    target: Key | None = Field(None, description="Actor key among the event's targets.")
    cameo_root: str | None = Field(None, pattern=r"^\d{2}$", description="CAMEO root code, two digits (e.g. 11).")
    plover: str | None = Field(None, pattern=r"^[A-Z_]{2,40}$", description="PLOVER event type (e.g. ACCUSE).")
    quad_class: int | None = Field(None, ge=1, le=4, description="1 verbal cooperation, 2 material "
                                                                 "cooperation, 3 verbal conflict, 4 material conflict.")
    since: date | None = Field(None, description="First day (YYYY-MM-DD), by event date or else publication date.")
    until: date | None = Field(None, description="Last day (YYYY-MM-DD), inclusive.")
    q: SearchText | None = Field(None, description="Words to find in the evidence sentence (case-insensitive).")
    article: Key | None = Field(None, description="Only events of this article id.")

    @model_validator(mode="after")
    def ordered_dates(self) -> EventFilter:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())


class Paging(QueryModel):
    """Which slice of a long list to return."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


class ActorFilter(QueryModel):
    q: SearchText | None = Field(None, description="Words to find in the actor's key or name.")
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 country code.")


class QuoteFilter(QueryModel):
    speaker: Key | None = Field(None, description="Actor key of the speaker.")
    article: Key | None = Field(None, description="Only quotes of this article id.")
    q: SearchText | None = Field(None, description="Words to find in what was said.")


class TalksFilter(QueryModel):
    as_of: date | None = Field(None, description="Where the talks stood on this day (YYYY-MM-DD): only what "
                                                 "was published, and happened, by then.")
    subject: SearchText | None = Field(None, description="Words to find in a track's subject or issues.")
