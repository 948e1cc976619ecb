"""What a mention resolves to: an `Identity` built from a knowledge-base entry at the article's date,
and the `Mention` that ties it to a span of the document with the reason."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span

from eventwire.actors.kb import Group, KnowledgeBase, Organisation, Person, State
from eventwire.model import Actor


@dataclass(frozen=True)
class Identity:
    """The resolved fields of an `Actor` (see eventwire.model.Actor)."""

    key: str | None
    name: str | None
    country: str | None
    sector: str | None
    cameo_code: str | None
    type: str
    kb_id: str | None = None
    affiliation: str | None = None  # for a person: the ISO3 code or entry id of what they belong to
    code_base: str | None = None  # the code an agent extends: Israel + officials -> ISR + GOV

    def with_sector(self, sector: str | None) -> Identity:
        """An actor seen through one of its sectors: Israel + officials -> ISRGOV. A sector written
        `CODE~` goes before the code (dictionary agents). Actors with no code base are unchanged."""
        if self.code_base is None:
            return self
        sector = sector or ""
        parts = sector.strip("~")
        # a part the code already has is not added twice: the White House (USAGOV) + officials (GOV) -> USAGOV
        held = {self.code_base[n:n + 3] for n in range(0, len(self.code_base), 3)}
        added = "".join(parts[n:n + 3] for n in range(0, len(parts), 3) if parts[n:n + 3] not in held)
        code = added + self.code_base if sector.endswith("~") else self.code_base + added
        return replace(self, sector=parts or None, cameo_code=code)


def state_identity(state: State, sector: str | None = None) -> Identity:
    return Identity(key=state.iso3, name=state.name, country=state.iso3, sector=sector,
                    cameo_code=state.iso3 + (sector or ""), type="state", kb_id=state.iso3, code_base=state.iso3)


def place_identity(name: str, state: State) -> Identity:
    """A place: keyed by its country so that "withdrew from Doha" can be read as Qatar."""
    return Identity(key=state.iso3, name=name, country=state.iso3, sector=None, cameo_code=state.iso3,
                    type="location", kb_id=None)


def organisation_identity(entry: Organisation | Group) -> Identity:
    country = getattr(entry, "country", None)
    sector = getattr(entry, "sector", None)
    kind = "group" if isinstance(entry, Group) else "organisation"
    return Identity(key=entry.name.lower(), name=entry.name, country=country, sector=sector,
                    cameo_code=entry.cameo_code, type=kind, kb_id=entry.id)


def affiliation_identity(kb: KnowledgeBase, affiliation: str, sector: str | None) -> Identity | None:
    """The identity of a state (ISO3 + sector) or of an organisation or group id."""
    if affiliation in kb.states:
        return state_identity(kb.states[affiliation], sector)
    entry = kb.organisations.get(affiliation) or kb.groups.get(affiliation)
    return organisation_identity(entry) if entry else None


def person_identity(kb: KnowledgeBase, person: Person, day: date | None) -> Identity:
    """A person keyed by the affiliation of the role they held on `day`. On a day they held no role,
    the affiliation of the nearest role in time stands, with no sector (they did not act for it then)."""
    role = person.role_on(day)
    sector = role.sector if role else None
    if role is None and day is not None:
        role = person.nearest_role(day)
    affiliation = affiliation_identity(kb, role.affiliation, sector) if role else None
    if affiliation is None:
        return Identity(key=None, name=person.name, country=None, sector=None, cameo_code=None,
                        type="person", kb_id=person.id)
    return Identity(key=affiliation.key, name=person.name, country=affiliation.country,
                    sector=sector, cameo_code=affiliation.cameo_code if affiliation.type != "state"
                    else f"{affiliation.country}{sector or ''}", type="person", kb_id=person.id,
                    affiliation=role.affiliation)


def affiliated_person(name: str, affiliation: Identity, sector: str | None) -> Identity:
    """A person outside the knowledge base whose affiliation the text states."""
    sector = sector or affiliation.sector
    if affiliation.type == "state":
        code = f"{affiliation.country}{sector or ''}"
    else:  # a dictionary actor's code takes the sector as its agents do; a group keeps its own code
        code = affiliation.with_sector(sector).cameo_code if affiliation.code_base else affiliation.cameo_code
    return Identity(key=affiliation.key, name=name, country=affiliation.country, sector=sector,
                    cameo_code=code, type="person", kb_id=None,
                    affiliation=affiliation.country if affiliation.type == "state" else affiliation.kb_id)


@dataclass
class Mention:
    """A span of the document and the identity it resolved to, with the reason."""

    span: Span
    identity: Identity
    reason: str
    antecedent: Mention | None = None  # the mention a pronoun or description refers back to

    def to_actor(self, actor_id: str, refers_to: str | None = None) -> Actor:
        i = self.identity
        return Actor(id=actor_id, text=self.span.text, start=self.span.start_char, end=self.span.end_char,
                     key=i.key, name=i.name, country=i.country, sector=i.sector, cameo_code=i.cameo_code,
                     type=i.type, kb_id=i.kb_id, refers_to=refers_to)


def mentions_by_token(mentions: list[Mention]) -> dict[int, list[Mention]]:
    """For each token, the mentions of the smallest span that holds it (several when a plural reference
    names several actors on one span: "the two countries"), and those of larger spans with the same head
    word (coordinated owners: "US and British activists" holds USA's activists, "British activists"
    Britain's; "activists" stands for both)."""
    by_token: dict[int, list[Mention]] = {}
    for mention in mentions:
        for token in mention.span:
            current = by_token.get(token.i)
            if current is None:
                by_token[token.i] = [mention]
            elif any(m.span.root == mention.span.root or m.span == mention.span for m in current):
                by_token[token.i] = sorted([*current, mention], key=lambda m: m.span.start)
            elif len(mention.span) < min(len(m.span) for m in current):
                by_token[token.i] = [mention]
    return by_token
