"""Compile the knowledge base into spaCy phrase matchers over a pipeline's vocabulary.

Names, aliases, demonyms, capitals, metonyms, organs and places match case-sensitively (token ORTH), so "US"
the country does not match "us" the pronoun; an organisation's or group's acronym of four letters or more
also matches written as a word ("Farc", "Nato"), and the name of a state, capital or place also matches in
capitals, as datelines and headlines write it ("JERUSALEM --", "GAZA CITY,"); agent terms ("officials",
"state media") match in any case.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventwire.actors.kb import KnowledgeBase

# When one surface form names several entries, the first kind in this order wins.
PLACE_KINDS = {"state", "capital", "place"}  # names that datelines and headlines write in capitals
LONGEST_CAPITALS_NAME = 4  # words
KIND_PRIORITY = ["state", "organisation", "group", "person", "demonym", "metonym", "organ", "capital", "place"]


@dataclass(frozen=True)
class Target:
    """A knowledge-base entry a surface form can name. `id` is an ISO3 code, an entry id, or a place index."""

    kind: str
    id: str


class ActorMatchers:
    """Phrase matchers for names (`find_names`) and generic agent terms (`find_agents`)."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.targets: dict[str, list[Target]] = defaultdict(list)
        for surface, target in name_targets(kb):
            if target not in self.targets[surface]:
                self.targets[surface].append(target)
        for candidates in self.targets.values():
            candidates.sort(key=lambda t: KIND_PRIORITY.index(t.kind))
        self.agent_sectors: dict[str, str] = {}
        self.owned_only: set[str] = set()  # terms that name an actor only with an owner
        for agent in kb.agents:
            for term in agent.terms:
                self.agent_sectors.setdefault(term, agent.sector)
                if agent.needs_owner:
                    self.owned_only.add(term)
        # places written in capitals, looked up by their words rather than matched: a phrase matcher over
        # every name in capitals too would hold about 40 MiB more per process
        self.in_capitals = {surface.upper(): surface for surface, targets in self.targets.items()
                            if surface != surface.upper() and any(t.kind in PLACE_KINDS for t in targets)}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(self.targets)
        self.names.add("NAME", list(nlp.tokenizer.pipe(surfaces)))
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.agents.add("AGENT", list(nlp.tokenizer.pipe(self.agent_sectors)))

    def find_names(self, doc: Doc) -> list[tuple[Span, list[Target]]]:
        """Longest non-overlapping name matches with the entries each may name, in text order."""
        spans = filter_spans([Span(doc, start, end) for _, start, end in self.names(doc)] + self.capitals(doc))
        return [(span, self.targets[self.in_capitals.get(span.text, span.text)]) for span in spans
                if self.in_capitals.get(span.text, span.text) in self.targets]

    def capitals(self, doc: Doc) -> list[Span]:
        """The longest runs of words in capitals that name a state, capital or place written otherwise."""
        found = []
        capitalised = doc.to_array([IS_UPPER, IS_ALPHA, LENGTH])
        capitalised = (capitalised[:, 0] == 1) & (capitalised[:, 1] == 1) & (capitalised[:, 2] > 2)
        after = -1  # the end of the last name found
        for n in (int(i) for i in numpy.flatnonzero(capitalised) if i >= after):
            end = n
            while end < len(doc) and end - n < LONGEST_CAPITALS_NAME and capitalised[end]:
                end += 1
            match = next((doc[n:stop] for stop in range(end, n, -1) if doc[n:stop].text in self.in_capitals), None)
            if match is not None:
                found.append(match)
                after = match.end
        return found

    def find_agents(self, doc: Doc) -> list[tuple[Span, str]]:
        """Longest non-overlapping agent-term matches with their CAMEO sector, in text order."""
        spans = filter_spans([Span(doc, start, end) for _, start, end in self.agents(doc)])
        return [(span, self.agent_sectors[span.text.lower()]) for span in spans]


def name_targets(kb: KnowledgeBase):
    """Every (surface form, target) pair the knowledge base defines."""
    for state in kb.states.values():
        for surface in [state.name, *state.aliases]:
            yield surface, Target("state", state.iso3)
        for surface in state.demonyms:
            yield surface, Target("demonym", state.iso3)
        for surface in [state.capital, *state.capital_aliases]:
            yield surface, Target("capital", state.iso3)
        for surface in state.metonyms:
            yield surface, Target("metonym", state.iso3)
        for sector, surfaces in state.organs.items():
            for surface in surfaces:
                yield surface, Target("organ", f"{state.iso3} {sector}")
    for index, place in enumerate(kb.places):
        for surface in [place.name, *place.aliases]:
            yield surface, Target("place", str(index))
    for kind, table in (("organisation", kb.organisations), ("group", kb.groups), ("person", kb.people)):
        for entry in table.values():
            for surface in [entry.name, *entry.aliases]:
                yield surface, Target(kind, entry.id)
                # an acronym long enough to be written as a word in some house styles: "Farc", "Nato", "Unicef"
                if kind != "person" and is_acronym(surface, shortest=4):
                    yield surface.capitalize(), Target(kind, entry.id)


def is_acronym(text: str, shortest: int = 2) -> bool:
    """A word of capital letters only, at least `shortest` long ("OLF", "FARC")."""
    return len(text) >= shortest and text.isalpha() and text.isupper()
