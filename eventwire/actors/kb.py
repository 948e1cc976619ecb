"""The knowledge base of political actors: states, places, organisations, armed groups and parties,
office holders and generic agents, loaded from the data files in `eventwire/actors/data/`.

Each file is validated against a schema (pydantic models below); a bad entry is reported with its
file and position. `load_knowledge_base()` caches the result per data folder.
"""
from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from eventwire import __version__
from eventwire.paths import cache_dir

DATA_DIR = Path(__file__).parent / "data"
Sector = str  # CAMEO sector code: GOV, MIL, COP, JUD, LEG, OPP, REB, MED, CVL, BUS, ...


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class State(Entry):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    aliases: list[str] = []
    demonyms: list[str] = []
    capital: str
    capital_aliases: list[str] = []
    metonyms: list[str] = []
    # the state's organs by CAMEO sector: {MIL: [IDF, Israel Defense Forces], SPY: [Mossad]}
    organs: dict[Sector, list[str]] = {}
    region: str


class Place(Entry):
    name: str
    aliases: list[str] = []
    country: str = Field(pattern=r"^[A-Z]{3}$")
    kind: Literal["capital", "city", "region", "territory", "building"]
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Organisation(Entry):
    id: str
    name: str
    aliases: list[str] = []
    kind: str
    cameo_code: str
    parent: str | None = None
    code_note: str | None = None
    note: str | None = None


class Group(Entry):
    id: str
    name: str
    aliases: list[str] = []
    country: str = Field(pattern=r"^[A-Z]{3}$")
    kind: str
    sector: Sector
    cameo_code: str
    parent: str | None = None
    members: list[str] = []
    note: str | None = None


class Role(Entry):
    role: str
    affiliation: str
    sector: Sector
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date | None) -> bool:
        """Whether the role was held on `day` (None: the current holder, i.e. an open-ended role)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Person(Entry):
    id: str
    name: str
    aliases: list[str] = []
    roles: list[Role] = []
    note: str | None = None

    def role_on(self, day: date | None) -> Role | None:
        """The role held on `day` (the first listed when several overlap); None when none was held.
        With no date, the current role, else the most recent one."""
        held = [role for role in self.roles if role.held_on(day)]
        if not held and day is None and self.roles:
            held = [max(self.roles, key=lambda r: r.start or date.min)]
        return held[0] if held else None

    def nearest_role(self, day: date) -> Role | None:
        """The role closest in time to `day`, for a date on which the person held none."""
        def distance(role: Role) -> int:
            if role.start and day < role.start:
                return (role.start - day).days
            return (day - role.end).days if role.end and role.end <= day else 0
        return min(self.roles, key=distance, default=None)


class Agent(Entry):
    terms: list[str]
    sector: Sector
    cameo_sector: Sector | None = None
    needs_owner: bool = False
    note: str | None = None

    @field_validator("terms")
    @classmethod
    def lower_case(cls, terms: list[str]) -> list[str]:
        return [term.lower() for term in terms]


class Description(Entry):
    """Pronouns and definite descriptions that refer back to an earlier actor (see descriptions.yaml)."""

    terms: list[str]
    refers_to: Literal["person", "group", "state", "actor", "plural"]
    pronoun: bool = False
    number: int | None = None
    roles: list[Literal["subject", "possessor"]] | None = None


class KnowledgeBaseError(ValueError):
    """A data file does not match its schema. The message names the file and the entry."""


class KnowledgeBase(BaseModel):
    """Every entry of the data files, validated, with lookups by id."""

    states: dict[str, State]
    places: list[Place]
    organisations: dict[str, Organisation]
    groups: dict[str, Group]
    people: dict[str, Person]
    agents: list[Agent]
    descriptions: list[Description]

    def with_places(self, places: list[Place]) -> KnowledgeBase:
        """A copy of the knowledge base with more places in its gazetteer (e.g. from GeoNames)."""
        known = {(p.name, p.country) for p in self.places}
        extra = [p for p in places if (p.name, p.country) not in known]
        return self.model_copy(update={"places": self.places + extra})


def read_yaml_list(path: Path, schema: type[Entry]) -> list:
    with path.open(encoding="utf8") as handle:
        items = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    entries = []
    for position, item in enumerate(items, start=1):
        try:
            entries.append(schema.model_validate(item))
        except ValidationError as error:
            name = item.get("id") or item.get("name") if isinstance(item, dict) else None
            raise KnowledgeBaseError(f"{path}: entry {position} ({name}): {error}") from None
    return entries


def read_places(path: Path) -> list[Place]:
    places = []
    with path.open(encoding="utf8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            try:
                aliases = [a for a in (row.get("aliases") or "").split("|") if a]
                places.append(Place.model_validate({**row, "aliases": aliases}))
            except ValidationError as error:
                raise KnowledgeBaseError(f"{path}:{line}: {error}") from None
    return places


GEONAMES_COLUMNS = 19
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F .'’-]{2,}$")


def read_geonames(path: Path, kb: KnowledgeBase, min_population: int = 0) -> list[Place]:
    """Places from a GeoNames `cities*.txt` (or allCountries-style) file: name, ASCII name and the
    alternate names written in Latin letters, country (ISO2 -> ISO3), coordinates; PPLC rows are capitals.
    RAISES (KnowledgeBaseError): for a line that is not a GeoNames row, naming file and line."""
    iso3_by_iso2 = {state.iso2: state.iso3 for state in kb.states.values()}
    places = []
    with path.open(encoding="utf8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < GEONAMES_COLUMNS:
                raise KnowledgeBaseError(f"{path}:{number}: not a GeoNames row ({len(fields)} columns, "
                                         f"expected {GEONAMES_COLUMNS})")
            country = iso3_by_iso2.get(fields[8])
            population = int(fields[14] or 0)
            if country is None or population < min_population:
                continue
            names = [fields[1], fields[2], *fields[3].split(",")]
            aliases = list(dict.fromkeys(n for n in names[1:] if n != fields[1] and LATIN_NAME.match(n)))
            places.append(Place(name=fields[1], aliases=aliases, country=country,
                                kind="capital" if fields[7] == "PPLC" else "city",
                                lat=float(fields[4]), lon=float(fields[5])))
    return places


def check_references(kb: KnowledgeBase) -> None:
    """Every affiliation, parent, member and place country must name something in the knowledge base."""
    known = set(kb.states) | set(kb.organisations) | set(kb.groups) | set(kb.people)
    problems = []
    for person in kb.people.values():
        problems += [f"people.yaml: {person.id}: unknown affiliation {r.affiliation!r}"
                     for r in person.roles if r.affiliation not in known]
    for entry in [*kb.organisations.values(), *kb.groups.values()]:
        if entry.parent and entry.parent not in known:
            problems.append(f"{entry.id}: unknown parent {entry.parent!r}")
    for group in kb.groups.values():
        problems += [f"groups.yaml: {group.id}: unknown member {m!r}" for m in group.members if m not in kb.people]
        if group.country not in kb.states:
            problems.append(f"groups.yaml: {group.id}: unknown country {group.country!r}")
    problems += [f"places.tsv: {p.name}: unknown country {p.country!r}" for p in kb.places if p.country not in kb.states]
    if problems:
        raise KnowledgeBaseError("; ".join(problems[:20]) + (f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""))


def unique_by(entries: list, key: str, path: Path) -> dict:
    table: dict = {}
    for entry in entries:
        value = getattr(entry, key)
        if value in table:
            raise KnowledgeBaseError(f"{path}: duplicate {key} {value!r}")
        table[value] = entry
    return table


@lru_cache(maxsize=4)
def load_knowledge_base(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Load and validate the knowledge base in `data_dir`, through a cache of the validated result
    keyed by the files' content (in $XDG_CACHE_HOME/eventwire or ~/.cache/eventwire), so that only the
    first load after a change pays for parsing and validation.

    RETURNS (KnowledgeBase): all entries. RAISES (KnowledgeBaseError): naming the file and entry at fault.
    """
    cache = cache_path(data_dir)
    try:
        with cache.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    kb = read_knowledge_base(data_dir)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(cache)
    except OSError:
        pass  # a read-only home: load from the files each time
    return kb


def cache_path(data_dir: Path) -> Path:
    """Where the validated knowledge base of `data_dir` is cached: named by a digest of its files."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(data_dir.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return cache_dir() / f"kb-{digest.hexdigest()[:24]}.pickle"


def read_knowledge_base(data_dir: Path) -> KnowledgeBase:
    """Read and validate every file of the knowledge base (no cache)."""
    kb = KnowledgeBase.model_construct(
        states=unique_by(read_yaml_list(data_dir / "states.yaml", State), "iso3", data_dir / "states.yaml"),
        places=read_places(data_dir / "places.tsv"),
        organisations=unique_by(read_yaml_list(data_dir / "organisations.yaml", Organisation), "id",
                                data_dir / "organisations.yaml"),
        groups=unique_by(read_yaml_list(data_dir / "groups.yaml", Group), "id", data_dir / "groups.yaml"),
        people=unique_by(read_yaml_list(data_dir / "people.yaml", Person), "id", data_dir / "people.yaml"),
        agents=read_yaml_list(data_dir / "agents.yaml", Agent),
        descriptions=read_yaml_list(data_dir / "descriptions.yaml", Description),
    )
    check_references(kb)
    return kb
