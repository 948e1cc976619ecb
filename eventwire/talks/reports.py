"""Canonical article records (dicts as `ArticleRecord.to_dict()`) read into what the tracker reasons
about: each event with its actors' keys, its dates and its sentence, and each article's quotes and
mentions by actor key.

A place named as an actor stands for its government when it acts ("Washington said") or is accused,
demanded of or rejected ("accused Washington of bullying"); as the object of talks ("withdraw its
delegation from Doha") it says where, not who. Reports keep such targets apart (`place_targets`).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from eventwire.model import TalksEvidence

PLACE_TYPES = {"location"}
PERSON_TYPES = {"person", "agent"}


@dataclass(frozen=True)
class Report:
    """One coded event of one article, as the tracker reads it."""

    article: str
    event: str
    code: str | None
    modality: str
    negated: bool
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    place_targets: tuple[str, ...]
    start: date | None  # the event's date, or the first day of its interval
    end: date | None
    published: date | None
    sentence: int
    venue: str | None
    evidence: TalksEvidence

    @property
    def actors(self) -> tuple[str, ...]:
        return self.sources + self.targets

    @property
    def sides(self) -> tuple[str, ...]:
        """Every actor of the event, places that are targets included."""
        return self.sources + self.targets + self.place_targets

    @property
    def day(self) -> date:
        """When it happened (the article's date when the event has none), for ordering."""
        return self.start or self.published or date.min


@dataclass
class ArticleReports:
    """One article's events, quotes and actor mentions, keyed by actor key."""

    id: str
    published: date | None
    text: str
    reports: list[Report] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    mentions: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))  # key -> (text, sentence)
    places: list[tuple[str, str | None, int]] = field(default_factory=list)  # (name, key, sentence) of places
    quotes: list[tuple[tuple[str, ...], str, int]] = field(default_factory=list)  # (speaker keys, content, sentence)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def evidence(self, sentence: int, event: str | None = None) -> TalksEvidence:
        """RETURNS (TalksEvidence): the sentence at index `sentence`, as evidence."""
        start, end = self.sentences[sentence] if 0 <= sentence < len(self.sentences) else (0, len(self.text))
        return TalksEvidence(article=self.id, sentence=sentence, start=start, end=end,
                             text=self.text[start:end], event=event,
                             published=self.published.isoformat() if self.published else None)

    @cached_property
    def starts(self) -> list[int]:
        """The sentences' first characters, in text order."""
        return [start for start, _ in self.sentences]

    def sentence_of(self, offset: int) -> int:
        """RETURNS (int): the index of the sentence holding character `offset` (0 before the first)."""
        return max(bisect_right(self.starts, offset) - 1, 0)


def read_record(record: dict) -> ArticleReports:
    """record (dict): a canonical article record. RETURNS (ArticleReports): what the tracker needs of it."""
    published = parse_day(record.get("published"))
    article = ArticleReports(id=record["id"], published=published, text=record.get("text") or "",
                             sentences=[(s["start"], s["end"]) for s in record.get("sentences") or []])
    keys: dict[str, str] = {}  # actor id -> key, for actors that are not places
    places: dict[str, str] = {}  # actor id -> key, for places
    people: dict[str, str] = {}
    for actor in record.get("actors") or []:
        sentence = article.sentence_of(actor["start"])
        if actor.get("type") in PLACE_TYPES:
            article.places.append((actor.get("name") or actor["text"], actor.get("key"), sentence))
            if actor.get("key"):
                places[actor["id"]] = actor["key"]
                people.setdefault(actor["key"], actor.get("name") or actor["text"])
            continue
        if not actor.get("key"):
            continue
        keys[actor["id"]] = actor["key"]
        article.mentions[actor["key"]].append((actor["text"], sentence))
        named = actor.get("name") or actor["text"]
        if actor.get("type") not in PERSON_TYPES:  # "Israel", not the person who spoke for it
            article.names.setdefault(actor["key"], named)
        else:
            people.setdefault(actor["key"], named)
    article.names = {**people, **article.names}
    for quote in record.get("quotes") or []:
        speakers = tuple(dict.fromkeys(keys[s] for s in quote.get("speakers") or [quote.get("speaker")] if s in keys))
        article.quotes.append((speakers, quote["content"]["text"], article.sentence_of(quote["content"]["start"])))
    for event in record.get("events") or []:
        sources = tuple(dict.fromkeys(keys.get(a) or places[a] for a in event.get("source") or []
                                      if a in keys or a in places))
        targets = tuple(dict.fromkeys(keys[a] for a in event.get("target") or [] if a in keys and keys[a] not in sources))
        place_targets = tuple(dict.fromkeys(places[a] for a in event.get("target") or []
                                            if a in places and places[a] not in sources + targets))
        start, end = parse_interval(event.get("date"), published)
        location = event.get("location") or {}
        article.reports.append(Report(
            article=article.id, event=event["id"], code=event.get("cameo"), modality=event.get("modality") or "asserted",
            negated=bool(event.get("negated")), sources=sources, targets=targets,
            place_targets=place_targets, start=start, end=end,
            published=published, sentence=event.get("sentence", 0), venue=location.get("name"),
            evidence=article.evidence(event.get("sentence", 0), event["id"])))
    return article


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_interval(value: str | None, published: date | None) -> tuple[date | None, date | None]:
    """ "2025-07-28/2025-08-03" -> its first and last day; a day -> that day twice; none -> the article's date."""
    if not value:
        return published, published
    first, _, last = value.partition("/")
    start = parse_day(first) or published
    return start, parse_day(last) or start
