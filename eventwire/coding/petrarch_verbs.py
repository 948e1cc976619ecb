"""TABARI/PETRARCH verb dictionaries, read into eventwire's own pattern grammar.

A verb dictionary is a list of blocks:
    --- ARRIVE  [032:033]  ---        a verb group and its default code ("---": none)
    ARRIVE    # comment               the verbs of the group (irregular forms in {braces} are ignored:
                                      eventwire matches lemmas)
    - * IN +  [032]                   patterns: `*` the verb, `+` the target, `$` the source,
                                      `%` a compound actor, `&NAME` a synonym set, `_` joins words
    - WILL NOT * AID  [054]           auxiliaries before the verb, and a negation (a word, or a set of
                                      negated auxiliaries) that the pattern then needs
and synonym sets (`&NAME` followed by `+MEMBER` lines). A code `A:B` codes A from source to target and
B back from target to source (a visit, and the host's welcome).

What follows the verb becomes an eventwire pattern (`- * DIPLOMATIC TIES WITH +` -> `restore
diplomatic_ties with {t}`): a run of words is one noun phrase whose words must all be there, each
anywhere in the phrase (the head or a word before it: `- * ARTILLERY` matches "fired two artillery
shells"), and synonym sets become alternatives. Patterns eventwire's grammar cannot hold — other
words before the verb, source slots, compound actors — are skipped and counted, so a user can see how
much of a dictionary was taken. Codes outside the CAMEO table are kept as given, without Goldstein score, quad
class or PLOVER type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventwire.coding.codes import CameoCode
from eventwire.coding.lexicon import (AUXILIARIES, NEGATIONS, PARTICLES, SLOTS, LexiconError, Pattern, is_preposition,
                                      parse_pattern)

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]+)\]")
NO_CODE = {"---", "+++", ""}
WORD = re.compile(r"^[a-z][a-z'-]*$")


class VerbDictionaryError(ValueError):
    """The file cannot be read as a verb dictionary; the message names it."""


@dataclass
class VerbDictionary:
    """The patterns taken from a verb dictionary, and how many were left out."""

    path: Path
    patterns: list[Pattern] = field(default_factory=list)
    skipped: int = 0

    def codes(self, table: dict[str, CameoCode]) -> dict[str, CameoCode]:
        """Entries for the codes this dictionary uses that the CAMEO table lacks."""
        used = {p.code for p in self.patterns} | {p.reverse_code for p in self.patterns if p.reverse_code}
        return {code: CameoCode(code=code, root=code[:2], name=f"code {code} of {self.path.name}", description="",
                                goldstein=None, quad_class=None, plover_type=None, plover_mode=None,
                                plover_context=None)
                for code in sorted(used - table.keys())}


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """RAISES (VerbDictionaryError): when the file is unreadable or holds no verb block."""
    try:
        lines = path.read_text(encoding="utf8", errors="replace").splitlines()
    except OSError as error:
        raise VerbDictionaryError(f"{path}: cannot read the verb dictionary ({error.strerror})") from None
    lines = [re.sub(r"<!--.*?-->", "", line).split("#", 1)[0].rstrip() for line in lines]
    synsets = read_synsets(lines)
    dictionary = VerbDictionary(path)
    verbs: list[str] = []
    in_block = False
    for number, line in enumerate(lines, start=1):
        block = BLOCK.match(line)
        if block:
            in_block = True
            verbs = []
            default = block.group(2).strip()
            head = verb_lemma(block.group(1))
            if head and default not in NO_CODE:
                verbs.append(head)
                dictionary.skipped += not add(dictionary, head, [], default, f"{path}:{number}")
            continue
        stripped = line.strip()
        if not in_block or not stripped or stripped[0] in "&+":
            in_block = in_block and not stripped.startswith("&")  # a synonym set ends the verb block
            continue
        if stripped.startswith("-"):
            code = CODE.search(stripped)
            body = CODE.sub("", stripped[1:]).strip()
            if code is None or code.group(1).strip() in NO_CODE or "*" not in body:
                dictionary.skipped += 1
                continue
            before, after = body.split("*", 1)
            words = expand(after.replace("_", " ").split(), synsets)
            negated = negation_before(before.replace("_", " ").split(), synsets)
            for verb in verbs:
                ok = negated is not None and words is not None
                dictionary.skipped += not (ok and add(dictionary, verb, words, code.group(1).strip(),
                                                      f"{path}:{number}", negated))
        else:
            lemma = verb_lemma(stripped.split("{", 1)[0].split()[0]) if stripped.split() else None
            if lemma and lemma not in verbs:
                verbs.append(lemma)
    if not dictionary.patterns and not dictionary.skipped:
        raise VerbDictionaryError(f"{path}: no verb block (--- VERB [code] ---) found")
    return dictionary


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synonym sets by name, nested sets expanded; multi-word members keep their last (head) word."""
    raw: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("&"):
            current = stripped.split()[0].rstrip("_")
            raw[current] = []
        elif stripped.startswith("+") and current is not None:
            raw[current].append(stripped[1:].strip())
        elif stripped:
            current = None

    def members(name: str, seen: frozenset[str] = frozenset()) -> list[str]:
        found: list[str] = []
        for member in raw.get(name, []):
            if member.startswith("&"):
                found += members(member.rstrip("_"), seen | {name}) if member not in seen else []
            else:
                found.append(member.replace("_", " ").split()[-1].lower())
        return found

    return {name: members(name) for name in raw}


def expand(items: list[str], synsets: dict[str, list[str]]) -> list[str] | None:
    """The words after the verb in eventwire's terms ("+" -> "{t}", a set -> "a|b"), or None when
    something eventwire's grammar cannot hold is there (a source slot, a compound actor)."""
    words = []
    for item in items:
        if item == "+":
            words.append("{t}")
        elif item.startswith("&"):
            members = synsets.get(item.rstrip("_"))
            if not members:
                return None
            words.append("|".join(dict.fromkeys(members)))
        elif all(WORD.match(alternative) for alternative in item.lower().split("|")):
            words.append(item.lower())
        else:
            return None
    return words


def negation_before(items: list[str], synsets: dict[str, list[str]]) -> bool | None:
    """What the words before the verb say: True for a negation ("NOT *", "WILL NOT *", a set of negated
    auxiliaries), False for auxiliaries alone ("HAS *") or nothing, None for anything eventwire's grammar
    cannot hold there (other words, a source slot)."""
    negated = False
    for item in items:
        if item.startswith("&"):
            members = synsets.get(item.rstrip("_"), [])
            if not members or not all(NEGATIONS & set(member.split()) for member in members):
                return None
            negated = True
        elif item.lower() in NEGATIONS:
            negated = True
        elif item.lower() not in AUXILIARIES:
            return None
    return negated


def verb_lemma(word: str) -> str | None:
    lemma = word.strip("_").lower()
    return lemma if WORD.match(lemma) else None


def add(dictionary: VerbDictionary, verb: str, words: list[str], code: str, where: str,
        negated: bool = False) -> bool:
    """Add the pattern `[not] verb words` with its code (and reverse code); False when it cannot be read."""
    forward, _, reverse = code.partition(":")
    try:
        words = words if "{t}" in words else [*words, "{t?}"]  # the clause's own target, as PETRARCH finds it
        pattern = parse_pattern(forward.strip(), " ".join(["not"] * negated + [verb, *noun_phrases(words)]), where)
    except LexiconError:
        return False
    dictionary.patterns.append(replace(pattern, reverse_code=reverse.strip() or None, words_in_phrase=True))
    return True


def noun_phrases(words: list[str]) -> list[str]:
    """Join each run of content words into one noun phrase of eventwire's grammar ("full diplomatic ties"
    -> "full_diplomatic_ties"; "military|economic ties" -> "military_ties|economic_ties")."""
    kept: list[str] = []
    for word in words:
        content = word not in SLOTS and not is_function_word(word)
        if content and kept and kept[-1] not in SLOTS and not is_function_word(kept[-1]):
            kept[-1] = "|".join(dict.fromkeys(f"{before}_{after}" for before in kept[-1].split("|")
                                              for after in word.split("|")))
        else:
            kept.append(word)
    return kept


def is_function_word(word: str) -> bool:
    return is_preposition(word) or word in PARTICLES
