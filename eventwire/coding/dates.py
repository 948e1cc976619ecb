"""When an event happened (or is expected): time expressions of its clause resolved against the
article's date. "on Friday" -> the last Friday on or before the article date for a past event, the
next one for a planned event; "next week" -> the Monday-to-Sunday range after the article's week
(an ISO 8601 interval "2025-07-28/2025-08-03"); written dates ("24 July", "July 24, 2025") through
dateparser."""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
PERIOD = re.compile(r"\b(this|next|last|past|coming)\s+(week|month|year|weekend)\b", re.I)
TIME_DEPS = {"obl:tmod", "nmod:tmod", "obl", "obl:npmod", "nmod:npmod", "npadvmod", "advmod", "nmod", "prep"}
FUTURE_MODALITIES = {"planned", "expected", "demanded", "hypothetical"}
FUTURE_AUXILIARIES = {"will", "would", "shall", "'ll"}


def event_date(verb: Token, day: date | None, modality: str) -> str | None:
    """The date (or interval) of the event at `verb`, or the article's date when the clause names none."""
    if day is None:
        return None
    for phrase in time_phrases(verb):
        resolved = resolve(phrase, day, future=modality in FUTURE_MODALITIES or is_future(verb))
        if resolved:
            return resolved
    return day.isoformat()


def time_phrases(verb: Token) -> list[str]:
    """Texts of the verb's dependents that name a time ("on Friday", "next week", "on 24 July")."""
    phrases = []
    for child in verb.children:
        if child.dep_ in TIME_DEPS or child.dep_.startswith(("obl", "nmod")):
            text = verb.doc[child.left_edge.i:child.right_edge.i + 1].text
            if len(text) < 40 and names_a_time(text):
                phrases.append(text)
    return phrases


def names_a_time(text: str) -> bool:
    lower = text.lower()
    words = set(re.findall(r"[a-z]+", lower))
    return bool(words & (set(WEEKDAYS) | set(MONTHS) | set(RELATIVE_DAYS)) or PERIOD.search(lower))


def is_future(verb: Token) -> bool:
    return any(child.lower_ in FUTURE_AUXILIARIES for child in verb.children) or \
        verb.head.lemma_ in {"expect", "plan", "schedule", "intend"}


def resolve(phrase: str, day: date, future: bool) -> str | None:
    lower = phrase.lower()
    if match := PERIOD.search(lower):
        return period(match.group(1), match.group(2), day)
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lower):
            return (day + timedelta(days=offset)).isoformat()
    for index, weekday in enumerate(WEEKDAYS):
        if re.search(rf"\b{weekday}\b", lower):
            delta = (index - day.weekday()) % 7
            return (day + timedelta(days=delta) if future else day - timedelta(days=(7 - delta) % 7)).isoformat()
    import dateparser  # only for written dates; slow to import

    parsed = dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": _midnight(day), "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"]})
    return parsed.date().isoformat() if parsed else None


def period(which: str, unit: str, day: date) -> str:
    """ "next week" -> the ISO interval of the week after the article's; likewise months and years."""
    step = {"this": 0, "next": 1, "coming": 1, "last": -1, "past": -1}[which]
    if unit in {"week", "weekend"}:
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=step)
        start = monday + timedelta(days=5) if unit == "weekend" else monday
        return f"{start.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + step
        year, month = divmod(month_index, 12)
        start = date(year, month + 1, 1)
        following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
        return f"{start.isoformat()}/{(following - timedelta(days=1)).isoformat()}"
    year = day.year + step
    return f"{year}-01-01/{year}-12-31"


def _midnight(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
