"""Matching lexicon patterns against verbs of the dependency parse.

For a verb, the candidates are the patterns of its lemma; a pattern matches when the parse has
every part it asks for: the particles, the direct object's head lemma, the preposition of the
target slot, the required obliques, the controlled clause, and the negation when the pattern starts
with `not`. The most specific matching pattern wins. Label schemes: UD or ClearNLP (nlp/syntax.py).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import yaml
from spacy.tokens import Token

from eventwire.coding.dates import names_a_time
from eventwire.coding.lexicon import ANY_TARGET, DATA_DIR, NEGATIONS, NounPattern, Pattern
from eventwire.nlp.syntax import (OBJECT, PASSIVE_SUBJECT, is_passive, is_to_clause, possessor,
                                  prepositional_objects)

PARTICLE_DEPS = {"compound:prt", "prt", "advmod", "case", "prep"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "advcl"}
TIME_ENTITIES = {"DATE", "TIME"}
MEASURE_NOUNS = frozenset((yaml.safe_load((DATA_DIR / "measures.yaml").read_text(encoding="utf8")) or {})
                          .get("nouns", []))
NOUN_MODIFIER_DEPS = {"compound", "amod", "nmod", "nn", "nmod:npmod", "npadvmod"}


@dataclass(frozen=True)
class VerbMatch:
    """A pattern matched at a verb, with the tokens that fill its slots."""

    pattern: Pattern
    verb: Token
    target: Token | None
    complement: Token | None
    negated: bool  # the verb is negated and the pattern does not absorb the negation
    usual: bool = False  # no pattern matched whole: the verb read by its usual code (VerbMatcher.usual_match)


class VerbMatcher:
    """Patterns indexed by their verb's lemma and its regular inflections, so that a lemmatizer slip
    ("urging" -> "urg") does not hide a verb."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.by_head: dict[str, list[Pattern]] = defaultdict(list)
        self.by_form: dict[str, str] = {}
        for pattern in patterns:
            self.by_head[pattern.head].append(pattern)
            for form in inflections(pattern.head):
                self.by_form.setdefault(form, pattern.head)
        self.usual_codes = {head: usual_code(heads) for head, heads in self.by_head.items()}
        self.by_object = {head: ObjectIndex.of(heads) for head, heads in self.by_head.items()}

    def head(self, verb: Token) -> str:
        """The lexicon's head word for the verb: its lemma, else the head one of whose forms it is."""
        lemma = verb.lemma_.lower()
        return lemma if lemma in self.by_head else self.by_form.get(verb.lower_, lemma)

    def candidates(self, verb: Token) -> list[Pattern]:
        return self.by_head.get(self.head(verb), [])

    def object_candidates(self, head: str, direct: Token | None) -> list[Pattern]:
        """The head word's patterns that the direct object does not rule out, in lexicon order."""
        index = self.by_object[head]
        if direct is None:
            return index.open_patterns
        found = index.by_word.get(direct.lemma_.lower(), ()) + index.by_word.get(direct.lower_, ())
        return index.open_patterns if not found else \
            [self.by_head[head][n] for n in sorted({*index.open_ids, *found})]

    def usual_match(self, verb: Token) -> VerbMatch | None:
        """The verb read by its usual code, its target left to the clause, as a dictionary coder reads a
        verb by its default entry when none of its patterns fits; None when the lexicon has no code for it."""
        code = self.usual_code(verb)
        if code is None:
            return None
        pattern = Pattern(code=code, head=verb.lemma_.lower(), text=verb.lemma_.lower(), target_after=ANY_TARGET)
        return VerbMatch(pattern, verb, None, None, is_negated(verb), usual=True)

    def usual_code(self, verb: Token) -> str | None:
        """What the verb alone most often means in the lexicon (`usual_code` of its patterns, computed once
        per head word)."""
        return self.usual_codes.get(self.head(verb))

    def match(self, verb: Token) -> VerbMatch | None:
        """The most specific pattern that matches at `verb`, or None. When none matches whole, the most
        specific one that has every word of its own but is missing its prepositional target slot ("imposed
        sanctions over the crisis, including travel bans, on Myanmar's commanders", where the parser hung
        "on ..." deep in the phrase): its target is left to the clause."""
        negated = is_negated(verb)
        best: dict[bool, VerbMatch] = {}  # by whether the slot stayed open
        head = self.head(verb)
        if head not in self.by_head:
            return None
        arguments = VerbArguments.of(verb, self.by_object[head].particles)
        for pattern in self.object_candidates(head, arguments.direct):
            if pattern.negated and not negated:
                continue
            found = fill(pattern, arguments, open_slot=True)
            if found is None:
                continue
            target, complement = found
            slot_open = target is None and pattern.target_after not in (None, ANY_TARGET)
            if slot_open not in best or pattern.specificity > best[slot_open].pattern.specificity:
                best[slot_open] = VerbMatch(pattern, verb, target, complement, negated and not pattern.negated)
        return best.get(False) or best.get(True)


@dataclass(frozen=True)
class ObjectIndex:
    """A head word's patterns by the object they name, so that a verb is checked only against the patterns
    its object allows: those naming no object (or words anywhere in the phrase) and those naming its own."""

    open_ids: tuple[int, ...]
    open_patterns: list[Pattern]
    by_word: dict[str, tuple[int, ...]]  # the head word of an object ("conference" of "press_conference")
    # the particles the head word takes before an object ("break off relations"): where the parser reads one
    # as the preposition of the noun after it, the noun is the object (VerbArguments.of)
    particles: frozenset[str]

    @classmethod
    def of(cls, patterns: list[Pattern]) -> ObjectIndex:
        open_ids = tuple(n for n, p in enumerate(patterns) if not p.objects or p.words_in_phrase)
        by_word: dict[str, list[int]] = defaultdict(list)
        for n, pattern in enumerate(patterns):
            if n not in open_ids:
                for word in dict.fromkeys(word.split("_")[-1] for word in pattern.objects):
                    by_word[word].append(n)
        particles = frozenset(particle for p in patterns if p.objects or p.target_after == "object"
                              for particle in p.particles)
        return cls(open_ids, [patterns[n] for n in open_ids], {w: tuple(ns) for w, ns in by_word.items()}, particles)


def is_negated(verb: Token) -> bool:
    """ "did not appear", "never", "refusing to honor", "no interest in ending": a negation on the verb or
    on the noun it describes, or a refusal above it."""
    if any(child.dep_ in {"neg", "advmod"} and child.lower_ in NEGATIONS for child in verb.children):
        return True
    if verb.dep_ == "acl" and any(child.dep_ in {"det", "neg", "advmod"} and child.lower_ in NEGATIONS
                                  for child in verb.head.children):
        return True  # "no interest in ending the war", "no plans to attack"
    return verb.dep_ == "xcomp" and verb.head.lemma_ in {"refuse", "fail", "decline"}


def usual_code(patterns: list[Pattern]) -> str | None:
    """What a verb's patterns most often mean, for when none of them matches whole: among those without
    particles, objects or negation, else those without particles or negation, the commonest code of the
    commonest root ("condemned a decision to ...": condemn -> 111; "provided $340 million for assistance
    in": provide, mostly root 07 -> 071)."""
    plain = [p for p in patterns if not p.particles and not p.negated]
    bare = [p for p in plain if not p.objects and not p.obliques] or plain
    if not bare:
        return None
    root = Counter(p.code[:2] for p in bare).most_common(1)[0][0]
    codes = Counter(p.code for p in bare if p.code.startswith(root))
    return min(codes, key=lambda code: (-codes[code], code))


@dataclass(frozen=True)
class VerbArguments:
    """What a verb governs in the parse, read once and checked against each of its patterns: its particles,
    its direct object, and the prepositional objects and marked clauses of the verb, of each particle and
    of the object, where obliques may also hang ("away from the talks", "delegation from Doha")."""

    verb: Token
    particles: tuple[Token, ...]
    direct: Token | None
    objects: tuple[Token, ...]  # the direct object and, where it is what a measure measures, the measure
    obliques: dict[int, tuple[tuple[str, Token], ...]]  # by the token they hang on
    clauses: dict[int, tuple[tuple[str, Token], ...]]  # (mark or "to", clause) by the token they hang on

    @classmethod
    def of(cls, verb: Token, object_particles: frozenset[str] = frozenset()) -> VerbArguments:
        """object_particles: the particles the verb takes before an object in the lexicon ("off" of
        "break off relations"); one the parser read as the preposition of the noun right after it is the
        particle, and the noun the object."""
        particles = tuple(child for child in verb.children if child.dep_ in PARTICLE_DEPS)
        found = unmeasured_object(verb)
        stray = misread_particle(verb, object_particles) if found is None and object_particles else None
        if stray is not None:
            particle, found = stray
            particles += (particle,)
        direct = measured(found) if found is not None else None
        # a measure's phrases too: "sent $2 million to Fiji in aid"
        objects = tuple(dict.fromkeys(t for t in (direct, found) if t is not None))
        heads = [verb, *particles, *objects]
        return cls(verb, particles, direct, objects,
                   {head.i: tuple(pair for pair in prepositional_objects(head) if stray is None or pair[1] is not found)
                    for head in heads},
                   {head.i: tuple((mark.lower_, clause) for clause in head.children if clause.dep_ in COMPLEMENT_DEPS
                                  for mark in clause.children if mark.dep_ in {"mark", "aux"} and mark.i < clause.i)
                    for head in heads})


def misread_particle(verb: Token, particles: frozenset[str]) -> tuple[Token, Token] | None:
    """(particle, object) where the parser read a particle of the verb as the one-word preposition of the
    noun after it ("broke [off] relations", "cordoned [off] the area"): the word right after the verb, among
    the particles the verb takes before an object."""
    for child in verb.rights:
        if child.dep_.startswith("obl"):
            case = [c for c in child.children if c.dep_ == "case" and c.i < child.i]
            if len(case) == 1 and case[0].i == verb.i + 1 and case[0].lower_ in particles:
                return case[0], child
    return None


def fill(pattern: Pattern, arguments: VerbArguments,
         open_slot: bool = False) -> tuple[Token | None, Token | None] | None:
    """(target, complement) tokens when the pattern's parts are all in the parse, else None; with
    open_slot, a prepositional target slot may stay empty (None for the target)."""
    verb, particles, direct = arguments.verb, arguments.particles, arguments.direct
    names = has_in_phrase if pattern.words_in_phrase else is_one_of
    if pattern.objects and (direct is None or not names(direct, pattern.objects)):
        return None
    heads = [verb, *(t for t in particles if t.lower_ in pattern.particles), *arguments.objects]
    obliques = [pair for head in heads for pair in arguments.obliques[head.i]]
    # a particle may also be parsed as the first word of a compound preposition ("walked [out of] the talks")
    present = {t.lower_ for t in particles} | {word for prep, _ in obliques for word in prep.split()[:-1]}
    if not set(pattern.particles) <= present:
        return None
    obliques = [(prep.split()[-1] if len(prep.split()) == 2 and prep.split()[0] in pattern.particles else prep, noun)
                for prep, noun in obliques]
    if pattern.obliques:
        # a required "to complain" may be a clause, not a prepositional object ("summoned the ambassador to
        # complain"); clauses fill required words only, never the target
        required = obliques + [pair for head in heads for pair in arguments.clauses[head.i]]
        for prepositions, nouns in pattern.obliques:
            if not any(prep in prepositions and (not nouns or names(noun, nouns)) for prep, noun in required):
                return None
    target = None
    if pattern.target_after == ANY_TARGET:  # the coder looks for the clause's target among its actors
        return None, None
    if pattern.target_after == "object":
        if pattern.objects:  # "withdraw delegation {t}" is not in the grammar: the object is no target
            return None
        target = direct
    elif pattern.target_after:
        target = slot_filler(pattern.target_after, obliques)
    # a prepositional slot may stay open only where the pattern's object matched ("impose sanctions on
    # {t}"), not when the slot's preposition is all it has ("call on {t}")
    may_open = open_slot and pattern.target_after != "object" and bool(pattern.objects)
    if pattern.target_after and target is None and not may_open:
        return None
    complement = None
    if pattern.complement:
        complement = next((child for child in verb.children if child.dep_ in COMPLEMENT_DEPS), None)
        if complement is None:
            # "urged Mali to attack Chad", "was pressured by Congress to help Iran": the parser may hang the
            # clause on the object, or on the agent of a passive, as if it described the noun
            agents = [noun for preposition, noun in arguments.obliques[verb.i] if preposition == "by"] \
                if is_passive(verb) else []
            complement = next((child for noun in (direct, *agents) if noun is not None for child in noun.children
                               if child.dep_ == "acl" and is_to_clause(child)), None)
        if complement is None:
            return None
    return target, complement


def slot_filler(prepositions: str, obliques: list[tuple[str, Token]]) -> Token | None:
    """The object of the first of a slot's prepositions ("against|with|over") that has one, a time
    ("called ... on Saturday") never filling a slot."""
    for preposition in prepositions.split("|"):
        found = next((noun for prep, noun in obliques if prep == preposition and not is_time(noun)), None)
        if found is not None:
            return found
    return None


def is_time(noun: Token) -> bool:
    """A date or time ("Friday", "next week"), unless the recognizer named it something else ("May")."""
    if noun.ent_type_:
        return noun.ent_type_ in TIME_ENTITIES
    return names_a_time(noun.doc[noun.left_edge.i:noun.i + 1].text)


def is_one_of(noun: Token, words: frozenset[str]) -> bool:
    """The noun's lemma or its form is among the words ("talks" matches "talk" and "talks"); a compound
    word "press_conference" matches "conference" with "press" among its modifiers."""
    forms = (noun.lemma_.lower(), noun.lower_)
    if forms[0] in words or forms[1] in words:
        return True
    modifiers = None
    for word in words:
        if "_" in word:
            *before, head = word.split("_")
            if head in forms:
                if modifiers is None:
                    modifiers = {form for c in noun.children if c.dep_ in NOUN_MODIFIER_DEPS
                                 for form in (c.lemma_.lower(), c.lower_)}
                if set(before) <= modifiers:
                    return True
    return False


def has_in_phrase(noun: Token, words: frozenset[str]) -> bool:
    """Every word of one of the alternatives ("full_diplomatic_ties") is the noun or a word before it in
    its phrase ("restored full diplomatic ties", "fired two artillery shells")."""
    phrase = {form for token in noun.subtree if token.i <= noun.i for form in (token.lemma_.lower(), token.lower_)}
    return any(set(alternative.split("_")) <= phrase for alternative in words)


def direct_object(verb: Token) -> Token | None:
    """The direct object; in the passive, the subject ("the talks were called off"); a bare noun the
    parser took for a clause ("accused Netanyahu of ..." with Netanyahu as xcomp) counts too; through a
    measure, what it measures ("fired a barrage of rockets": rockets)."""
    found = unmeasured_object(verb)
    return measured(found) if found is not None else None


def unmeasured_object(verb: Token) -> Token | None:
    """The direct object as parsed, a measure left as it is (see direct_object)."""
    if is_passive(verb):
        return next((child for child in verb.children if child.dep_ in PASSIVE_SUBJECT), None)
    return next((child for child in verb.children if child.dep_ in OBJECT
                 or child.dep_ == "xcomp" and child.pos_ in {"NOUN", "PROPN", "PRON"}), None)


def measured(noun: Token) -> Token:
    """What a measure noun counts, weighs or prices: the object of its "of" or "in" phrase ("$2 million in
    aid", "50,000 tonnes of wheat"); any other noun is itself."""
    if not (noun.pos_ in {"NUM", "SYM"} or noun.lower_ in MEASURE_NOUNS or noun.lemma_.lower() in MEASURE_NOUNS):
        return noun
    return next((thing for preposition, thing in prepositional_objects(noun) if preposition in {"of", "in"}), noun)


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb: urge -> urges, urged, urging; stop -> stopped, stopping."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix = "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s"
        forms |= {lemma + suffix, lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class NounMatch:
    pattern: NounPattern
    noun: Token
    source: Token | None
    target: Token | None


class NounMatcher:
    """Nominal events: "the exit of Israel from the talks", "Israel's withdrawal from Gaza"."""

    def __init__(self, patterns: list[NounPattern]) -> None:
        self.by_head: dict[str, list[NounPattern]] = defaultdict(list)
        for pattern in patterns:
            for head in pattern.heads:
                self.by_head[head].append(pattern)

    def candidates(self, noun: Token) -> list[NounPattern]:
        """The patterns headed by the noun's lemma or its form ("talks" and "talk")."""
        lemma = noun.lemma_.lower()
        return self.by_head.get(lemma, []) + (self.by_head.get(noun.lower_, []) if noun.lower_ != lemma else [])

    def usual_code(self, noun: Token) -> str | None:
        """The commonest code of the noun's patterns, read without their slots and obliques."""
        codes = Counter(p.code for p in self.candidates(noun) if not p.modifiers)
        return codes.most_common(1)[0][0] if codes else None

    def match(self, noun: Token, support: Token | None = None, target_given: bool = False) -> NounMatch | None:
        """The most specific pattern that matches at `noun`, or None. support: a verb that carries the
        noun's event out ("launched attacks on India"), whose obliques count as the noun's; target_given:
        the target comes from elsewhere ("Obama faces pressure from Congress"), the slot may stay empty."""
        best: NounMatch | None = None
        for pattern in self.candidates(noun):
            found = fill_noun(pattern, noun, support, target_given)
            if found is not None and (best is None or pattern.specificity > best.pattern.specificity):
                best = NounMatch(pattern, noun, *found)
        return best


def fill_noun(pattern: NounPattern, noun: Token, support: Token | None = None, target_given: bool = False,
              ) -> tuple[Token | None, Token | None] | None:
    """(source, target) tokens when the noun has every required modifier and oblique, else None; the
    obliques of a support verb count as the noun's (the parser often hangs "on India" on "launched")."""
    modifiers = [child for child in noun.children if child.dep_ in NOUN_MODIFIER_DEPS]
    if not all(any(is_one_of(m, words) for m in modifiers) for words in pattern.modifiers):
        return None
    obliques = list(prepositional_objects(noun)) + (list(prepositional_objects(support)) if support else [])
    # one level down too: "a suspension of aid to Egypt", where "to Egypt" hangs on "aid"
    obliques += [pair for _, obj in list(obliques) for pair in prepositional_objects(obj)]
    for prepositions, nouns in pattern.obliques:
        if not any(prep in prepositions and is_one_of(obj, nouns) for prep, obj in obliques):
            return None
    source = possessor(noun)
    if pattern.source_after:
        source = slot_filler(pattern.source_after, obliques) or source
    if source is not None:  # the parser often hangs the next phrase on the source: "exit of Qatar from Egypt"
        obliques += prepositional_objects(source)
    target = None
    if pattern.target_after == "and":  # "agreement between Israel and Hamas"
        target = source.conjuncts[-1] if source is not None and source.conjuncts else None
    elif pattern.target_after:
        target = slot_filler(pattern.target_after, obliques)
    if pattern.target_after and target is None and not target_given:
        return None
    return source, target
