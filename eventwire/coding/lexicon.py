"""The event lexicon: verb and noun patterns keyed to CAMEO codes, read from data files.

A verb pattern is a line of space-separated items (see eventwire/coding/data/verbs.yaml):
    [not] VERB [PARTICLE...] [OBJECT|OBJECT...] [PREP|PREP] [{t}] [to {act}]
- `not` first: the pattern needs a negated verb, and the negation is part of its meaning
  ("not step back from {t}": stay committed);
- the verb is a lemma; particles are words such as "back", "out", "away";
- an object is the lemma of the direct object's head, alternatives joined by `|`; a compound noun
  joins its words with `_` ("press_conference": the head "conference" with "press" before it);
- `{t}` marks the target: the direct object when it follows the verb, particle or object, the
  preposition's object when it follows a preposition (multi-word prepositions joined by `_`);
- `{t?}` (in place of `{t}`) takes as target whatever the clause offers: the direct object, else the
  first prepositional object, else none (the convention of TABARI/PETRARCH verb dictionaries);
- `{act}` marks a controlled clause whose act refines the code ("urge {t} to {act}").
A noun pattern reads the same with a noun first, `{s}` marking the source ("exit of {s} from {t}").
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
PARTICLES = frozenset({"back", "out", "away", "off", "up", "down", "over", "aside", "forward", "through",
                       "along", "ahead", "apart", "together", "around", "about"})
# auxiliaries and negations: grammar words a dictionary pattern may name before its verb
AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "do", "does", "did",
                         "will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
SLOTS = {"{t}", "{t?}", "{s}", "{act}"}
ANY_TARGET = "any"  # target_after for `{t?}`
# English prepositions (a closed class of grammar words); "over", "through", "around" and "about"
# are particles too, and read as prepositions when a slot or a noun follows them.
PREPOSITIONS = frozenset({"of", "from", "with", "to", "at", "in", "on", "against", "over", "for", "about", "by",
                          "between", "into", "toward", "towards", "among", "under", "across", "after", "before",
                          "through", "without", "within", "upon", "amid", "behind", "beyond", "near", "onto",
                          "around", "despite", "regarding", "concerning", "via", "like", "than", "alongside",
                          "inside", "outside", "during", "along"})


class LexiconError(ValueError):
    """A pattern does not follow the grammar; the message names the file, code and pattern."""


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry, parsed.

    target_after / source_after: None (no such slot), "object" (the direct object, or for a noun its
    possessor or of-object), or the preposition whose object fills the slot.
    """

    code: str
    head: str
    text: str
    negated: bool = False
    particles: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    target_after: str | None = None
    source_after: str | None = None
    complement: str | None = None  # the word before {act}: "to", "with"
    # required obliques without a slot: ("of",) for "accuse {t} of", ("of", {"talks", ...}) for
    # "collapse of talks|negotiations"; prepositions and nouns as alternatives
    obliques: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    reverse_code: str | None = None  # the event the target does back (a visit: 042 made, 043 hosted)
    # the words an object or oblique names may stand anywhere in its noun phrase, the head or a word before
    # it ("fire artillery" matches "fired two artillery shells"), as TABARI/PETRARCH dictionaries read them
    words_in_phrase: bool = False

    @property
    def specificity(self) -> int:
        """How much a match says: more required parts win ("withdraw delegation from {t}" over
        "withdraw from {t}" over "withdraw"); a required word (an object, a noun or clause after a
        preposition: "summon {t} to complain") says more than an open slot ("summon {t} to {act}")."""
        return (2 * len(self.particles) + 2 * bool(self.objects) + bool(self.target_after not in (None, ANY_TARGET))
                + bool(self.source_after) + bool(self.complement) + self.negated
                + sum(2 if nouns else 1 for _, nouns in self.obliques))


def parse_pattern(code: str, text: str, where: str) -> Pattern:
    """Parse one pattern line. RAISES (LexiconError): naming where, the code and the pattern."""
    items = text.split()
    negated = bool(items) and items[0] == "not"
    items = items[1:] if negated else items
    if not items or not items[0].replace("-", "").isalpha() or not items[0].islower():
        raise LexiconError(f"{where}: code {code}: {text!r} must start with a lower-case word")
    head, rest = items[0], items[1:]
    particles: list[str] = []
    objects: frozenset[str] = frozenset()
    obliques: list[tuple[frozenset[str], frozenset[str]]] = []
    slots: dict[str, str] = {}
    preposition: str | None = None  # read, waiting for its slot or noun
    for n, item in enumerate(rest):
        following = rest[n + 1] if n + 1 < len(rest) else None
        if item in SLOTS:
            slot = "{t}" if item == "{t?}" else item
            if slot in slots:
                raise LexiconError(f"{where}: code {code}: {slot} twice in {text!r}")
            slots[slot] = ANY_TARGET if item == "{t?}" else preposition or ("to" if item == "{act}" else "object")
            preposition = None
        elif preposition is not None:  # "collapse of talks|negotiations": a required oblique noun
            obliques.append((alternatives(preposition), alternatives(item)))
            preposition = None
        elif is_preposition(item) and following is not None and not is_preposition(following):
            preposition = item.replace("_", " ")
        elif is_preposition(item) and following is None:
            obliques.append((alternatives(item.replace("_", " ")), frozenset()))  # "accuse {t} of"
        elif item in PARTICLES and not objects:
            particles.append(item)
        elif not objects and item.replace("|", "").replace("-", "").replace("_", "").isalpha():
            objects = frozenset(item.split("|"))
        else:
            raise LexiconError(f"{where}: code {code}: cannot read {item!r} in {text!r}")
    return Pattern(code=code, head=head, text=text, negated=negated, particles=tuple(particles), objects=objects,
                   target_after=slots.get("{t}"), source_after=slots.get("{s}"), complement=slots.get("{act}"),
                   obliques=tuple(obliques))


def alternatives(item: str) -> frozenset[str]:
    return frozenset(item.split("|"))


def is_preposition(item: str) -> bool:
    """A preposition, alternatives of prepositions ("with|over") or a multi-word one ending in a
    preposition ("in_favour_of"); "press_conference" is a compound noun, not a preposition."""
    return all(alternative in PREPOSITIONS or "_" in alternative and alternative.rsplit("_", 1)[1] in PREPOSITIONS
               for alternative in item.split("|"))


def read_patterns(path: Path) -> list[Pattern]:
    """Every pattern of a verb lexicon file. RAISES (LexiconError): naming file, code and pattern."""
    return [parse_pattern(code, line, str(path)) for code, line in read_lines(path)]


def read_lines(path: Path) -> list[tuple[str, str]]:
    """(code, pattern line) pairs of a lexicon file: a mapping from CAMEO code to a list of lines."""
    try:
        with path.open(encoding="utf8") as handle:
            table = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(table, dict):
        raise LexiconError(f"{path}: expected a mapping from CAMEO codes to lists of patterns")
    pairs = []
    for code, lines in table.items():
        code = str(code)
        if not code.isdigit() or not isinstance(lines, list):
            raise LexiconError(f"{path}: {code!r}: expected a CAMEO code with a list of patterns")
        pairs += [(code, str(line)) for line in lines]
    return pairs


@dataclass(frozen=True)
class NounPattern:
    """A nominal event: a head noun with required modifiers ("prisoner exchange") and slots after
    prepositions ("exit of {s} from {t}"); a possessor fills the source too ("Israel's withdrawal")."""

    code: str
    text: str
    heads: frozenset[str]
    modifiers: tuple[frozenset[str], ...] = ()
    source_after: str | None = None
    target_after: str | None = None  # a preposition, or "and" for "between {s} and {t}"
    obliques: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    @property
    def specificity(self) -> int:
        return 2 * len(self.modifiers) + bool(self.source_after) + bool(self.target_after) + len(self.obliques)


def parse_noun_pattern(code: str, text: str, where: str) -> NounPattern:
    """Parse one noun pattern line. RAISES (LexiconError): naming where, the code and the pattern."""
    items = text.split()
    phrase: list[str] = []
    while items and items[0] not in SLOTS and not is_preposition(items[0]) and items[0] != "and":
        phrase.append(items.pop(0))
    if not phrase or not all(w.replace("|", "").replace("-", "").isalpha() and w.islower() for w in phrase):
        raise LexiconError(f"{where}: code {code}: {text!r} must start with lower-case nouns")
    slots: dict[str, str] = {}
    obliques: list[tuple[frozenset[str], frozenset[str]]] = []
    while items:
        preposition = items.pop(0)
        if not (is_preposition(preposition) or preposition == "and") or not items:
            raise LexiconError(f"{where}: code {code}: cannot read {preposition!r} in {text!r}")
        filler = items.pop(0)
        if filler in ("{s}", "{t}"):
            if filler in slots:
                raise LexiconError(f"{where}: code {code}: {filler} twice in {text!r}")
            slots[filler] = preposition.replace("_", " ")
        else:
            obliques.append((alternatives(preposition.replace("_", " ")), alternatives(filler)))
    return NounPattern(code=code, text=text, heads=alternatives(phrase[-1]),
                       modifiers=tuple(alternatives(w) for w in phrase[:-1]), source_after=slots.get("{s}"),
                       target_after=slots.get("{t}"), obliques=tuple(obliques))


def read_noun_patterns(path: Path) -> list[NounPattern]:
    """Every pattern of a noun lexicon file. RAISES (LexiconError)."""
    return [parse_noun_pattern(code, line, str(path)) for code, line in read_lines(path)]
