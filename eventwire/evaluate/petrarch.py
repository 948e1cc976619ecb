"""Scoring against PETRARCH validation records: `<Sentence>` records with `<EventCoding sourcecode
targetcode eventcode>` gold codings and a `<Text>`.

The files are read leniently: the PETRARCH-2 GSR file is not well-formed XML (its `<Sentence .../>`
tags close at once and the codings and text follow as siblings), so each record is the stretch from
one `<Sentence` tag to the next, and the codings and text are taken from it whatever the nesting.
Records marked `evaluate="false"` and codings that test an error (`error="..."`) are left out;
`noevents` records count: every coding produced for them is a false positive.

A produced coding is (source actor code, target actor code, event code) for each pair of an event's
sources and targets, as PETRARCH codes them: only events with both a source and a target (its
`require_dyad` default), never an actor acting on itself, an actor with no code as "---". Events
that did not happen (negated, or only demanded or supposed) are not codings. A coding matches a gold one
when all three parts are equal, after cutting actor codes to `actor_code_length` characters
(6 compares country + sector, "USAMIL"; None compares whole codes).
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate import precision_recall_f1
from eventwire.evaluate.reference import UNREALISED
from eventwire.model import ArticleRecord

RECORD_START = re.compile(r"<Sentence\b([^>]*)>", re.IGNORECASE)
CODING = re.compile(r"<EventCoding\b([^>]*)>", re.IGNORECASE)
TEXT = re.compile(r"<Text>(.*?)</Text>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"(\w+)\s*=\s*(\"[^\"]*\"|'[^']*')")
NO_ACTOR = "---"

Coding = tuple[str, str, str]


class PetrarchError(ValueError):
    """The file holds no readable record; the message names it."""


@dataclass
class ValidationRecord:
    id: str
    text: str
    day: date | None
    codings: list[Coding] = field(default_factory=list)


def read_records(path: Path, limit: int | None = None) -> list[ValidationRecord]:
    """The records of a PETRARCH validation file, in file order. RAISES (PetrarchError)."""
    try:
        content = path.read_text(encoding="utf8", errors="replace")
    except OSError as error:
        raise PetrarchError(f"{path}: cannot read: {error.strerror}") from None
    content = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
    starts = list(RECORD_START.finditer(content))
    records = []
    for n, start in enumerate(starts):
        attributes = attributes_of(start.group(1))
        body = content[start.end():starts[n + 1].start() if n + 1 < len(starts) else len(content)]
        text = TEXT.search(body)
        if text is None or attributes.get("evaluate", "true").lower() == "false":
            continue
        codings = [attributes_of(c.group(1)) for c in CODING.finditer(body)]
        if any("error" in coding for coding in codings):
            continue
        records.append(ValidationRecord(
            id=attributes.get("id", f"record-{n + 1}"), text=" ".join(html.unescape(text.group(1)).split()),
            day=parse_day(attributes.get("date")),
            codings=[(c["sourcecode"], c["targetcode"], c["eventcode"]) for c in codings
                     if {"sourcecode", "targetcode", "eventcode"} <= c.keys()]))
    if not records:
        raise PetrarchError(f"{path}: no <Sentence> record with a <Text> found")
    return records[:limit]


def attributes_of(tag: str) -> dict[str, str]:
    return {name.lower(): value[1:-1].strip() for name, value in ATTRIBUTE.findall(tag)}


def parse_day(value: str | None) -> date | None:
    try:
        return datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None


def produced_codings(record: ArticleRecord) -> list[Coding]:
    """The codings of a record's events that happened, one per source and target pair."""
    codes = {actor.id: actor.cameo_code or NO_ACTOR for actor in record.actors}
    codings = []
    for event in record.events:
        if event.cameo is None or event.negated or event.modality in UNREALISED:
            continue
        for source in event.source:
            for target in event.target:
                if source != target and codes.get(source) != codes.get(target) or codes.get(source) is None:
                    codings.append((codes.get(source, NO_ACTOR), codes.get(target, NO_ACTOR), event.cameo))
    return codings


def score(records: list[ValidationRecord], results: list[ArticleRecord | InputError],
          actor_code_length: int | None = None) -> dict:
    """Precision, recall and F1 over codings; each coding counted once per record (multiset)."""
    def cut(coding: Coding) -> Coding:
        source, target, event = coding
        return source[:actor_code_length], target[:actor_code_length], event

    gold_total = produced_total = matched = 0
    for record, result in zip(records, results):
        gold = Counter(cut(c) for c in record.codings)
        produced = Counter() if isinstance(result, InputError) else Counter(
            cut(c) for c in set(produced_codings(result)))
        gold_total += sum(gold.values())
        produced_total += sum(produced.values())
        matched += sum((gold & produced).values())
    precision, recall, f1 = precision_recall_f1(matched, produced_total, matched, gold_total)
    return {"records": len(records), "gold": gold_total, "produced": produced_total, "matched": matched,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
