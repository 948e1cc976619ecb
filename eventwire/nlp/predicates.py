"""A pipeline component that mends a sentence the parser read as one noun phrase.

"Police clashed with protesters.", "Four protesters killed by police.": a parser often takes a past form
without an auxiliary for a participle describing the noun ("forces [who were] clashed ..."), which leaves
the sentence with no predicate and its act with no actor. A reduced participle needs a clause around it;
a sentence whose root is a noun and that has no finite verb of its own is a clause of that verb, the noun
its subject: in the passive when a "by" phrase names the agent or when it is a headline (no full stop:
"Protesters killed in Cairo"), else, in running text, in the active.

The parser also reads a past form right after the noun root as an adjective of the noun after it
("Army bulldozers [demolished] Palestinian homes" as one list of nouns): that verb is the predicate, the
root its subject and the noun it described its object.

The same misreading before a trailing attribution ("Police clashed with protesters on Friday, officials
said.") makes the noun phrase the subject of the reporting verb: the stretch before the comma is then the
clause reported, and whoever follows the comma the one who reports it.

A trailing attribution may also be swallowed by the clause before it, its verb hung on a noun there and
the ones who report it joined to that noun ("..., killing eight people, Syrian state media reported" with
"media" a conjunct of "people"): a finite verb with no subject that ends the sentence is the root, the
clause before the comma what it reports, and the noun phrase after the comma its subject.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.nlp.syntax import NOMINALS, OBJECT, PREDICATE_LINKS, SUBJECT, make_root_over

PAST_FORMS = {"VBN", "VBD"}
REPORTED_DEPS = {"ccomp", "parataxis", "xcomp"}  # a reporting verb that already has what it reports
ATTRIBUTION_LENGTH = 10  # words from the comma to the reporting verb ("..., a senior Bree official said")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SENTENCE_ENDS = {".", "!"}


@Language.component("predicate_repair")
def predicate_repair(doc: Doc) -> Doc:
    """doc (Doc): a parsed document. RETURNS (Doc): the same, with each sentence that is a noun phrase
    around a past form made a clause of that verb."""
    for verb in infinitives_read_as_adjectives(doc):
        make_infinitive(verb)
    for sentence in list(doc.sents):
        verb = misread_predicate(sentence.root, sentence)
        if verb is not None:
            make_predicate(sentence, verb)
            continue
        swallowed = swallowed_attribution(sentence)
        if swallowed is not None:
            make_root_over(sentence.root, swallowed[0], "ccomp")
            reporter = swallowed[1]
            reporter.head, reporter.dep_ = swallowed[0], "nsubj"
            continue
        reported = reported_noun_phrase(sentence)
        verb = misread_predicate(*reported) if reported is not None else None
        if verb is not None:
            make_reported_predicate(sentence.root, reported[0], verb, reported[1])
    return doc


def misread_predicate(root: Token, stretch: Span) -> Token | None:
    """The past form the parser hung on the noun that heads a stretch (a sentence, or what a trailing
    attribution reports) with no finite verb, else None."""
    if root.pos_ not in NOMINALS:
        return None
    if any(child.dep_ in PREDICATE_LINKS or child.dep_ == "expl" for child in root.children):
        return None
    verbs = [child for child in root.rights if child.dep_ == "acl" and child.tag_ in PAST_FORMS
             and child.i < stretch.end] or [token for token in stretch if describes_next_noun(token, root)][:1]
    if not verbs or any(token.tag_ in FINITE_TAGS for token in stretch if token not in verbs):
        return None
    verb = verbs[0]
    if any(child.dep_ in {"aux", "aux:pass", "auxpass", "mark", "nsubj", "nsubj:pass"} for child in verb.children):
        return None
    return verb


def describes_next_noun(token: Token, root: Token) -> bool:
    """A past form right after the noun root, hung as an adjective on a noun after it ("bulldozers
    demolished Palestinian homes"), not after a preposition ("dozens of wounded civilians")."""
    return token.dep_ == "amod" and token.pos_ == "VERB" and token.tag_ in PAST_FORMS and token.i == root.i + 1 \
        and token.head.i > token.i and token.head.pos_ in NOMINALS


def reported_noun_phrase(sentence: Span) -> tuple[Token, Span] | None:
    """(noun, the stretch before the comma) for a sentence that ends in an attribution whose verb the
    parser gave the noun phrase before the comma as its subject ("Police clashed with protesters, officials
    said."), else None."""
    root = sentence.root
    if root.pos_ != "VERB" or any(child.dep_ in REPORTED_DEPS for child in root.children):
        return None
    noun = next((child for child in root.lefts if child.dep_ in SUBJECT), None)
    if noun is None or noun.left_edge.i != sentence.start:  # the noun phrase opens the sentence
        return None
    comma = comma_before(root, sentence)
    if comma is None or comma.i < noun.i or root.i - comma.i > ATTRIBUTION_LENGTH:
        return None
    return noun, sentence.doc[sentence.start:comma.i]


def infinitives_read_as_adjectives(doc: Doc) -> list[Token]:
    """Base forms after "to" that the parser hung on a noun after them as its adjective ("pledged [to expel]
    exiled leaders", the noun made the clause): a base form describes no noun. Not a word the tagger may
    have mistaken for one: capitalised ("to European security"), or before a hyphen ("to present-day")."""
    if not len(doc):
        return []
    parts = doc.to_array([TAG, DEP])
    found = numpy.flatnonzero((parts[:, 0] == doc.vocab.strings["VB"]) & (parts[:, 1] == doc.vocab.strings["amod"]))
    verbs = [doc[int(i)] for i in found if i > 0]
    return [verb for verb in verbs if doc[verb.i - 1].tag_ == "TO" and verb.is_lower and verb.head.i > verb.i + 1
            and doc[verb.i + 1].tag_ != "HYPH" and verb.head.dep_ != "ROOT"]


def make_infinitive(verb: Token) -> None:
    """Make the base form the clause in the noun's place, the noun its object and "to" its mark."""
    noun, to = verb.head, verb.doc[verb.i - 1]
    verb.head, verb.dep_ = noun.head, "xcomp" if noun.head.pos_ in {"VERB", "AUX"} else "acl"
    noun.head, noun.dep_ = verb, "obj"
    to.head, to.dep_ = verb, "mark"


def swallowed_attribution(sentence: Span) -> tuple[Token, Token] | None:
    """(reporting verb, the noun that reports) for a sentence that ends in an attribution the parser hung
    inside the clause before it, else None: the last word is a finite verb with no subject or object of
    its own, not the root, and the words between it and the comma before it are one noun phrase hung
    outside them."""
    words = [token for token in sentence if not token.is_punct and not token.is_space]
    if len(words) < 4 or sentence.root.pos_ not in {"VERB", "AUX"}:
        return None
    verb = words[-1]
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS - {"MD"} or verb.head == verb \
            or any(child.dep_ in SUBJECT or child.dep_ in OBJECT or child.dep_ in REPORTED_DEPS
                   for child in verb.children):
        return None
    comma = comma_before(verb, sentence)
    if comma is None or not 1 < verb.i - comma.i <= ATTRIBUTION_LENGTH:
        return None
    stretch = sentence.doc[comma.i + 1:verb.i]
    outside = [token for token in stretch if not stretch.start <= token.head.i < stretch.end]
    if len(outside) != 1 or outside[0].pos_ not in NOMINALS or verb.head.i > comma.i:
        return None
    return verb, outside[0]


def comma_before(token: Token, sentence: Span) -> Token | None:
    """The last comma of the sentence before the token."""
    return next((word for word in reversed(sentence[:token.i - sentence.start]) if word.text == ","), None)


def make_reported_predicate(reporting: Token, noun: Token, verb: Token, stretch: Span) -> None:
    """Make the verb the clause the reporting verb reports, its subject the noun; the words after the
    comma that the parser joined to the noun report it ("..., Palestinian officials and US witnesses said")."""
    reporters = [child for child in noun.children if child.i >= stretch.end and child.dep_ == "conj"]
    after = [child for child in noun.children if child.i >= stretch.end and child not in reporters]
    described = verb.head if verb.dep_ == "amod" else None
    for child in [child for child in noun.children if verb.i < child.i < stretch.end]:
        child.head = verb
    verb.head, verb.dep_ = reporting, "ccomp"
    passive = described is None and has_by_agent(verb)
    noun.head, noun.dep_ = verb, "nsubj:pass" if passive else "nsubj"
    verb.tag_ = "VBN" if passive else "VBD"
    if described is not None:
        described.head, described.dep_ = verb, "obj"
    for child in after:
        child.head = reporting
    if reporters:
        first, *others = reporters
        first.head, first.dep_ = reporting, "nsubj"
        for other in others:
            other.head = first


def is_passive_reading(sentence: Span, verb: Token) -> bool:
    """A "by" phrase on the verb, or a headline (no full stop at the end)."""
    words = [token for token in sentence if not token.is_space]
    return words[-1].text not in SENTENCE_ENDS or has_by_agent(verb)


def has_by_agent(verb: Token) -> bool:
    return any(case.lower_ == "by" for child in verb.children for case in child.children if case.dep_ == "case")


def make_predicate(sentence: Span, verb: Token) -> None:
    """Make the verb the root and the sentence's noun root its subject (active or passive); what the noun
    heads after the verb is the verb's."""
    if verb.dep_ == "amod":  # "bulldozers demolished Palestinian homes": the noun it described is its object
        described = verb.head
        make_root_over(sentence.root, verb, "nsubj")
        described.head, described.dep_ = verb, "obj"
        verb.tag_ = "VBD"
        return
    passive = is_passive_reading(sentence, verb)
    make_root_over(sentence.root, verb, "nsubj:pass" if passive else "nsubj")
    verb.tag_ = "VBN" if passive else "VBD"
