"""Reading TABARI/PETRARCH actor and agent dictionaries, and matching their phrases in documents.

Format, as the PETRARCH dictionaries use it:
- comments: `#` to the end of a line, `<!-- ... -->` blocks;
- an actor: `PHRASE [CODE]`, words joined by `_` or spaces, synonyms on following lines starting
  with `+`, and dated codes on indented lines: `[CODE <YYMMDD]`, `[CODE >YYYYMMDD]`,
  `[CODE YYYYMMDD-YYYYMMDD]` (six-digit dates are 19YY);
- an agent: `PHRASE {PLURALS} [~CODE]` (`~CODE` is appended to the owner's code, `CODE~` put before
  it); substitution sets `!NAME! = A, B, C` expand `!NAME!` inside phrases;
- a word matches any token it begins ("ARGENTIN" matches "Argentina"), unless it ends with `_`,
  which asks for the exact word, or the token is a word the dictionary holds whole; the other words
  of a phrase match exactly. Matching ignores case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

COMMENT_BLOCK = re.compile(r"<!.*?-->", re.S)
CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED_CODE = re.compile(r"^\s*(\S+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*$")
SUBSTITUTION = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")
NULL_CODE = "---"

Word = tuple[str, bool]  # (upper-case text, exact)


class DictionaryError(ValueError):
    """A dictionary file cannot be read; the message names the file and line."""


def parse_date(text: str) -> date:
    if len(text) == 6:
        text = "19" + text
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None  # exclusive

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class DictionaryActor:
    name: str
    phrases: list[str] = field(default_factory=list)
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)

    def code_on(self, day: date | None) -> str | None:
        """The code for `day`; with no date, the default code, else the most recent dated one.
        RETURNS None for the null code `---` (the phrase must not be coded)."""
        code = self.default
        if day is not None:
            code = next((d.code for d in self.dated if d.holds_on(day)), code)
        elif code is None and self.dated:
            code = max(self.dated, key=lambda d: d.start or date.min).code
        return None if code in (None, NULL_CODE) else code


@dataclass
class DictionaryAgent:
    name: str
    phrases: list[str]
    code: str
    before_owner: bool  # `NGO~`: the agent code goes before the owner's code


def strip_comments(text: str) -> list[str]:
    return [line.split("#", 1)[0].rstrip() for line in COMMENT_BLOCK.sub("", text).splitlines()]


def read_codes(block: str, where: str) -> list[DatedCode]:
    codes = []
    for part in CODE_BLOCK.findall(block):
        match = DATED_CODE.match(part)
        if not match:
            raise DictionaryError(f"{where}: cannot read the code block [{part}]")
        code, direction, when, first, last = match.groups()
        if direction == "<":
            codes.append(DatedCode(code, end=parse_date(when)))
        elif direction == ">":
            codes.append(DatedCode(code, start=parse_date(when)))
        elif first:
            codes.append(DatedCode(code, start=parse_date(first), end=parse_date(last)))
        else:
            codes.append(DatedCode(code))
    return codes


def read_actors(path: Path) -> list[DictionaryActor]:
    """Read a TABARI/PETRARCH actor dictionary. RAISES (DictionaryError) naming file and line."""
    actors: list[DictionaryActor] = []
    for number, line in enumerate(strip_comments(path.read_text(encoding="utf8", errors="replace")), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        if line[0].isspace():  # a dated code of the entry above
            if not actors:
                raise DictionaryError(f"{where}: a code line before any actor")
            actors[-1].dated += read_codes(line, where)
        elif line.startswith("+"):
            if not actors:
                raise DictionaryError(f"{where}: a synonym before any actor")
            actors[-1].phrases.append(line[1:].split("[", 1)[0].strip())
        else:
            phrase = line.split("[", 1)[0].strip()
            codes = read_codes(line, where)
            actor = DictionaryActor(name=phrase, phrases=[phrase])
            for code in codes:
                if code.start is None and code.end is None:
                    actor.default = code.code
                else:
                    actor.dated.append(code)
            actors.append(actor)
    return actors


def read_agents(path: Path) -> list[DictionaryAgent]:
    """Read a TABARI/PETRARCH agent dictionary. RAISES (DictionaryError) naming file and line."""
    substitutions: dict[str, list[str]] = {}
    agents: list[DictionaryAgent] = []
    for number, line in enumerate(strip_comments(path.read_text(encoding="utf8", errors="replace")), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        if match := SUBSTITUTION.match(line):
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        codes = CODE_BLOCK.findall(line)
        if not codes:
            raise DictionaryError(f"{where}: an agent needs a [~CODE] block")
        code = codes[0].strip()
        phrase = line.split("{", 1)[0].split("[", 1)[0].strip()
        plurals = re.findall(r"\{([^}]*)\}", line)
        phrases = [phrase] + [p.strip() for p in (plurals[0].split(",") if plurals else []) if p.strip()]
        agents.append(DictionaryAgent(name=phrase, phrases=expand(phrases, substitutions),
                                      code=code.strip("~ "), before_owner=code.endswith("~")))
    return agents


def expand(phrases: list[str], substitutions: dict[str, list[str]]) -> list[str]:
    """Replace substitution markers (!PERSON!) by each of their words, keeping the order."""
    result: list[str] = []
    for phrase in phrases:
        marker = next((m for m in substitutions if m in phrase), None)
        if marker is None:
            result.append(phrase)
        else:
            result += expand([phrase.replace(marker, word, 1) for word in substitutions[marker]], substitutions)
    return result


class PhraseTrie:
    """Matches dictionary phrases over tokens: the last word of a phrase as a prefix unless marked exact.

    A node maps a word's text to its children by kind ("=" exact, "^" prefix), and None to the value of
    the phrase that ends there; a token's candidates are looked up by the texts it begins with."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.root: dict = {}

    def add(self, phrase: str, value: object) -> None:
        words = self.words(phrase)
        if not words:
            return
        node = self.root
        for text, exact in words:
            node = node.setdefault(text, {}).setdefault("=" if exact else "^", {})
        node.setdefault(None, value)

    def words(self, phrase: str) -> list[Word]:
        exact_end = phrase.endswith("_")
        raw = [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
        words: list[Word] = []
        for n, word in enumerate(raw):
            pieces = [t.text.upper() for t in self.nlp.tokenizer(word)]
            last_word = n == len(raw) - 1
            for k, piece in enumerate(pieces):
                is_last = last_word and k == len(pieces) - 1
                words.append((piece, exact_end or not is_last))
        return words

    def find(self, doc: Doc) -> list[tuple[Span, object]]:
        """Longest matches, left to right, not overlapping; the longest stem wins among prefixes."""
        upper = [t.text.upper() for t in doc]
        found, i = [], 0
        while i < len(doc):
            best = self.longest(self.root, upper, i)
            if best:
                end, value = best
                found.append((doc[i:end], value))
                i = end
            else:
                i += 1
        return found

    def longest(self, node: dict, upper: list[str], i: int) -> tuple[int, object] | None:
        """The longest match starting at token i below `node`: (end, value)."""
        if i >= len(upper):
            return None
        token = upper[i]
        best = None
        # the words the token begins with, shortest first; a word the dictionary holds whole is not read as
        # the stem of another ("Kuwait" is KUWAIT, not THE_KU)
        known_whole = token in self.root
        for n in range(1, len(token) + 1):
            for kind, child in node.get(token[:n], {}).items():
                if n < len(token) and (kind == "=" or known_whole):
                    continue
                candidate = self.longest(child, upper, i + 1)
                if candidate is None and None in child:
                    candidate = (i + 1, child[None])
                if candidate and (best is None or candidate[0] >= best[0]):
                    best = candidate
        return best


def dictionary_files(paths: list[Path]) -> list[Path]:
    """The files named, and those in the folders named. RAISES (DictionaryError): for a missing path."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise DictionaryError(f"{', '.join(missing)}: no such file or directory")
    return [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p]) if f.is_file()]


@dataclass
class Dictionaries:
    """Actor and agent dictionaries loaded from TABARI/PETRARCH files, compiled for one pipeline."""

    actors: list[DictionaryActor]
    agents: list[DictionaryAgent]
    actor_trie: PhraseTrie
    agent_trie: PhraseTrie

    @classmethod
    def load(cls, paths: list[Path], nlp: Language) -> Dictionaries:
        """paths: dictionary files, or folders holding *actors*/*agents* files (the name tells which)."""
        files = dictionary_files(paths)
        actors = [a for f in files if "actor" in f.name.lower() for a in read_actors(f)]
        agents = [a for f in files if "agent" in f.name.lower() for a in read_agents(f)]
        if not actors and not agents:
            raise DictionaryError(f"no actor or agent dictionary among {', '.join(map(str, paths))} "
                                  "(file names must contain 'actors' or 'agents')")
        actor_trie, agent_trie = PhraseTrie(nlp), PhraseTrie(nlp)
        for actor in actors:
            for phrase in actor.phrases:
                actor_trie.add(phrase, actor)
        for agent in agents:
            for phrase in agent.phrases:
                agent_trie.add(phrase, agent)
        return cls(actors, agents, actor_trie, agent_trie)
