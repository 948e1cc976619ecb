"""Where an event happened: a place in the event's own clause ("withdraw its delegation from Doha",
"talks in Cairo", "outside the White House"), else the first place of its sentence, else the
article's dateline place; resolved to name, country and coordinates through the gazetteer."""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.actors.identity import Mention
from eventwire.actors.kb import KnowledgeBase, Place
from eventwire.model import Location
from eventwire.nlp.syntax import prepositional_objects

PLACE_PREPOSITIONS = {"in", "at", "from", "outside", "near", "inside", "into", "to", "across", "around", "on"}
DATELINE_SEPARATORS = ("—", "–", " - ", "(")


class Gazetteer:
    """Places of the knowledge base by name and alias."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.places: dict[str, list[Place]] = {}
        for place in kb.places:
            for name in [place.name, *place.aliases]:
                self.places.setdefault(name.lower(), []).append(place)

    def location(self, mention: Mention) -> Location:
        identity = mention.identity
        for name in (mention.span.text, identity.name or ""):
            for place in self.places.get(name.lower().removeprefix("the "), []):
                if identity.country in (None, place.country):
                    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
        return Location(name=identity.name or mention.span.text, country=identity.country)


def is_place(mention: Mention) -> bool:
    return mention.identity.type == "location" or (mention.identity.type == "state" and mention.identity.sector is None)


def event_location(trigger: Token, by_token: dict[int, list[Mention]], gazetteer: Gazetteer,
                   dateline: Mention | None) -> Location | None:
    """The place of the event at `trigger` (a verb or an event noun), resolved through the gazetteer."""
    place = event_place(trigger, by_token, dateline)
    return gazetteer.location(place) if place is not None else None


def event_place(trigger: Token, by_token: dict[int, list[Mention]], dateline: Mention | None) -> Mention | None:
    """The mention of the event's place: a place after a place preposition in the event's clause, else
    in its sentence ("captured during the offensive in Afghanistan"), else the first city or region the
    sentence names, else the dateline's place."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in {"obj", "dobj", "nsubj:pass", "nsubjpass"})]
    in_clause = places_after(heads, by_token)
    if in_clause:
        return in_clause[0]
    sentence: Span = trigger.sent
    named = [token for token in sentence if token.i in by_token]
    # only words that govern a mention, or govern its preposition, can have a place after them
    governing = {n for token in named for n in (token.head.i, token.head.head.i)}
    located = places_after([token for token in sentence if token.i in governing], by_token)
    if located:
        return min(located, key=lambda m: abs(m.span.start - trigger.i))
    for token in named:
        places = [m for m in by_token[token.i] if m.identity.type == "location"]
        if places:
            return places[0]
    return dateline


def places_after(heads, by_token: dict[int, list[Mention]]) -> list[Mention]:
    """The places named after a place preposition on any of the heads, in order ("talks in Cairo")."""
    return [m for head in heads for preposition, noun in prepositional_objects(head)
            if preposition.rsplit(" ", 1)[-1] in PLACE_PREPOSITIONS for m in by_token.get(noun.i, []) if is_place(m)]


def dateline_place(doc_mentions: list[Mention]) -> Mention | None:
    """ "JEDDAH, Saudi Arabia — ...": a place that opens the article before a dash or agency name."""
    for mention in doc_mentions:
        if mention.span.start_char > 60:
            return None
        if mention.span.start != 0 or not is_place(mention):
            continue
        span = mention.span
        rest = span[-1].whitespace_ + span.doc[span.end:span.end + 8].text  # not Doc.text: it joins every token
        if rest.startswith(",") or rest.lstrip().startswith(DATELINE_SEPARATORS):
            return mention
    return None
