"""Dependency-parse helpers that read the same relation from either label scheme.

The bundled pipeline uses Universal Dependencies labels (nsubj:pass, obj, obl, nmod:poss, case);
spaCy's English OntoNotes pipelines use ClearNLP labels (nsubjpass, dobj, prep + pobj, poss). Later
stages ask these functions, never the raw labels, so any pipeline named with --model works.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECT = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "csubjpass"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
OBJECT = {"obj", "dobj", "iobj", "dative"}
POSSESSIVE = {"nmod:poss", "poss"}
APPOSITION = {"appos"}
CONTROL_DEPS = {"xcomp", "advcl", "conj"}
OBLIQUE_UD = {"obl", "nmod", "obl:agent", "obl:tmod", "obl:npmod", "nmod:tmod", "advcl"}
NOMINALS = {"NOUN", "PROPN", "PRON"}
# what makes a word a predicate of its own: a copula, a subject or an auxiliary
PREDICATE_LINKS = {"cop", "nsubj", "nsubj:pass", "nsubjpass", "aux", "aux:pass", "auxpass"}


def is_to_clause(clause: Token) -> bool:
    """A clause introduced by "to" ("to end", "to rescue", even when the tagger took the verb for a noun)."""
    return any(child.dep_ in {"mark", "aux"} and child.lower_ == "to" and child.i < clause.i
               for child in clause.children)


def make_root_over(noun: Token, verb: Token, dep: str) -> None:
    """Parse repair: make the verb the root and the noun, a root the parser chose instead, the verb's
    subject labelled `dep`; what the noun heads after the verb ("..., an official said.") is the verb's."""
    for child in [child for child in noun.children if child.i > verb.i]:
        child.head = verb
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, dep


def possessor(noun: Token) -> Token | None:
    return next((child for child in noun.children if child.dep_ in POSSESSIVE), None)


def is_passive(verb: Token) -> bool:
    """A passive auxiliary, or a passive subject on a past participle (a passive subject on a verb in
    the past tense is a parser slip: "both countries confirmed")."""
    return any(child.dep_ in {"aux:pass", "auxpass"} or child.dep_ in PASSIVE_SUBJECT and verb.tag_ == "VBN"
               for child in verb.children)


def prepositional_objects(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, noun) pairs attached to `head`: "withdraw from Doha" -> ("from", Doha).

    UD: a nominal child (obl, nmod) with a `case` child; ClearNLP: a `prep` child with a `pobj`;
    "by" agents of passives come out as ("by", noun) in both.
    """
    for child in head.children:
        if child.dep_ in {"prep", "agent"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child.lower_, pobj
        elif child.dep_ in OBLIQUE_UD or child.dep_.startswith(("obl", "nmod")):
            case = [c for c in child.children if c.dep_ == "case" and c.i < child.i]
            if case:
                yield " ".join(c.lower_ for c in case), child


def appositives(noun: Token) -> list[Token]:
    """Appositions of a noun, also when the parser hung them on the last word of a flat name."""
    found = [child for child in noun.children if child.dep_ in APPOSITION]
    for child in noun.children:
        if child.dep_ in {"flat", "compound", "flat:name"}:
            found += [c for c in child.children if c.dep_ in APPOSITION]
    return found


def subjects_of(verb: Token) -> list[Token]:
    """Who may act, best first: the by-agent of a passive; the subjects, nearest first; else, for a
    controlled clause, the object of the verb above ("urged the U.S. to step up"), the subject of that verb
    in the passive ("Russia is believed to have attacked", "Hamas was urged to release") or its subject
    ("decided to withdraw", "went further by urging")."""
    if is_passive(verb):
        agents = [noun for prep, noun in prepositional_objects(verb) if prep == "by"]
        if agents:
            return agents
    acting = SUBJECT - PASSIVE_SUBJECT if is_passive(verb) else SUBJECT
    subjects = sorted((c for c in verb.children if c.dep_ in acting), key=lambda c: abs(c.i - verb.i))
    if subjects:
        return subjects
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or any(child.dep_ in OBJECT for child in verb.children)):
        # "jets struck targets" read as a noun with a clause: the noun acts; "put out a report accusing the
        # army", "issued a statement calling for": a document speaks for whoever put it out; set off by a
        # comma, the clause tells what the verb's act did, and its subject did it ("bombarded the city,
        # killing eight people")
        noun = verb.head
        above = subjects_of(noun.head) if noun.dep_ in OBJECT and noun.head != noun else []
        if above and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            return [*above, noun]
        return [noun, *above]
    if verb.dep_ in CONTROL_DEPS and verb.head != verb:
        controller = verb.head
        objects = []
        if verb.dep_ == "xcomp":
            objects = [c for c in controller.children if c.dep_ in OBJECT] or (
                [c for c in controller.children if c.dep_ in PASSIVE_SUBJECT] if is_passive(controller) else [])
        return objects or subjects_of(controller)
    return []


# dependents that open a clause or a side remark of their own, not part of the phrase around them
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "parataxis", "relcl", "acl:relcl", "acl", "csubj", "csubj:pass", "mark",
               "punct", "cc", "discourse", "vocative", "dep", "advmod", "npadvmod", "obl:tmod", "nmod:tmod",
               "obl:npmod", "aux", "aux:pass", "auxpass", "neg", "expl"}


def phrase_tokens(verb: Token) -> list[Token]:
    """The words of the verb phrase after the verb, in text order: its objects and prepositional
    phrases with what hangs on them ("welcomed the resumption of ties with Osgiliath"), leaving out
    clauses of their own (but a participle that describes a noun is part of it: "sanctions imposed on
    India"), verbs joined to it, subjects and time words."""
    return sorted((token for child in verb.rights
                   if child.dep_ not in CLAUSE_DEPS and child.dep_ not in SUBJECT and child.dep_ != "conj"
                   for token in phrase_walk(child)), key=lambda t: t.i)


def noun_phrase_tokens(head: Token) -> list[Token]:
    """The words of the phrase a word heads, in text order, without the clauses, subjects and time words
    that hang on it ("an army base in western Afghanistan", not "..., which ..."), nor what is joined to it
    (the actor found stands for its conjuncts; a parse may join a thing and actors: "from the talks, Qatar
    and Egypt have said")."""
    return sorted(phrase_walk(head), key=lambda t: t.i)


def phrase_walk(head: Token) -> Iterator[Token]:
    """The head and, below it, the words of its phrase (see noun_phrase_tokens), in tree order."""
    yield head
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS and child.dep_ not in SUBJECT and child.dep_ != "conj" \
                or is_reduced_relative(child):
            yield from phrase_walk(child)


def is_reduced_relative(token: Token) -> bool:
    """A past participle with no subject that describes the noun before it ("sanctions imposed on India")."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {"NOUN", "PROPN"} \
        and not any(child.dep_ in SUBJECT for child in token.children)
